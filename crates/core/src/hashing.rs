//! SHA-256 as Pilotdesk stores and prints it: lower-case hex. Packs, imported files and the
//! decision log all carry one.

use sha2::{Digest, Sha256};

/// A digest as lower-case hex.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The first `chars` characters of a stored hash, for printing. Cut on a character
/// boundary: a hash tampered with to hold other characters is printed, never a panic.
pub fn short(hash: &str, chars: usize) -> &str {
    match hash.char_indices().nth(chars) {
        Some((end, _)) => &hash[..end],
        None => hash,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_short_hash_cuts_between_characters() {
        assert_eq!(super::short("abcdef", 4), "abcd");
        assert_eq!(super::short("ab", 4), "ab");
        assert_eq!(super::short("ééééé", 3), "ééé");
    }

    #[test]
    fn the_digest_of_abc_is_the_published_one() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
