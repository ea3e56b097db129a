//! Base58 in the Bitcoin alphabet, the "z" (base58btc) encoding of multibase that did:key
//! uses. Written here because it is a dozen lines and a did:key is all it is needed for.

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

pub fn encode(bytes: &[u8]) -> String {
    // Leading zero bytes carry no value in the big number, so each is kept as a '1'.
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    // Digits in base 58, least significant first.
    let mut digits: Vec<u8> = Vec::with_capacity(bytes.len() * 138 / 100 + 1);
    for &byte in &bytes[zeros..] {
        let mut carry = u32::from(byte);
        for digit in digits.iter_mut() {
            carry += u32::from(*digit) << 8;
            *digit = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let mut text = String::with_capacity(zeros + digits.len());
    text.extend(std::iter::repeat_n('1', zeros));
    text.extend(digits.iter().rev().map(|&d| ALPHABET[d as usize] as char));
    text
}

/// The bytes, or the first character that is not in the alphabet.
pub fn decode(text: &str) -> Result<Vec<u8>, char> {
    let ones = text.chars().take_while(|&c| c == '1').count();
    // Bytes of the big number, least significant first.
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.chars().skip(ones) {
        let value = ALPHABET.iter().position(|&a| a as char == c).ok_or(c)?;
        let mut carry = value as u32;
        for byte in bytes.iter_mut() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.push((carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let mut out = vec![0u8; ones];
    out.extend(bytes.iter().rev());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_examples() {
        // The examples of the base58 draft (draft-msporny-base58).
        assert_eq!(encode(b"Hello World!"), "2NEpo7TZRRrLZSi2U");
        assert_eq!(
            encode(b"The quick brown fox jumps over the lazy dog."),
            "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"
        );
        assert_eq!(encode(&[0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd]), "11233QC4");
        assert_eq!(encode(&[]), "");
    }

    #[test]
    fn decodes_what_it_encodes() {
        for bytes in [
            vec![],
            vec![0],
            vec![0, 0, 1],
            vec![255; 34],
            (0u8..=255).collect::<Vec<_>>(),
        ] {
            assert_eq!(decode(&encode(&bytes)), Ok(bytes));
        }
        assert_eq!(
            decode("2NEpo7TZRRrLZSi2U").as_deref(),
            Ok(&b"Hello World!"[..])
        );
        assert_eq!(decode("abc0def"), Err('0'));
    }
}
