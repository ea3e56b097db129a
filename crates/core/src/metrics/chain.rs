//! The decision log's hash chain: each entry's hash covers the previous entry's hash and
//! its own content, so changing, removing or inserting an entry breaks every hash after it.
//! Pure: hashing and verifying plain rows.

use sha2::{Digest, Sha256};

use crate::model::{BrokenEntry, ChainVerdict};

/// The previous hash of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 over the previous entry's hash, a newline and the content, hex encoded.
pub fn entry_hash(prev_hash: &str, content: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(content.as_bytes());
    crate::hashing::hex(&hasher.finalize())
}

/// One stored entry, with the columns that repeat fields of its content.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainLink {
    pub id: i64,
    pub content: String,
    pub prev_hash: String,
    pub hash: String,
    /// Column name and stored value; each must equal the content's field of that name.
    pub columns: Vec<(&'static str, serde_json::Value)>,
}

fn short(hash: &str) -> &str {
    crate::hashing::short(hash, 12)
}

fn check_link(link: &ChainLink, expected_prev: &str, previous_id: Option<i64>) -> Option<String> {
    if link.prev_hash != expected_prev {
        return Some(match previous_id {
            Some(previous) => format!(
                "it does not follow entry {previous}: it names {}… as the previous hash but entry \
                 {previous}'s hash is {}… (an entry was removed, inserted or changed)",
                short(&link.prev_hash),
                short(expected_prev)
            ),
            None => format!(
                "it is the first entry but names {}… as the previous hash instead of the \
                 starting value (earlier entries were removed)",
                short(&link.prev_hash)
            ),
        });
    }
    if entry_hash(&link.prev_hash, &link.content) != link.hash {
        return Some(
            "its content no longer matches its hash: the entry was changed after it was written"
                .into(),
        );
    }
    let content: serde_json::Value = match serde_json::from_str(&link.content) {
        Ok(value) => value,
        Err(_) => return Some("its content is not the JSON it was written as".into()),
    };
    for (column, stored) in &link.columns {
        let recorded = content.get(*column).unwrap_or(&serde_json::Value::Null);
        if recorded != stored {
            return Some(format!(
                "its {column} column reads {stored} but the hashed content says {recorded}: \
                 the row was changed after it was written"
            ));
        }
    }
    None
}

/// Checks the chain from the first entry to the last, in id order, and names the first
/// entry that breaks it.
pub fn verify(links: &[ChainLink]) -> ChainVerdict {
    let mut expected_prev = GENESIS.to_string();
    let mut previous_id = None;
    for link in links {
        if let Some(reason) = check_link(link, &expected_prev, previous_id) {
            return broken(links.len(), link.id, reason);
        }
        expected_prev = link.hash.clone();
        previous_id = Some(link.id);
    }
    let head_hash = links.last().map(|l| l.hash.clone());
    ChainVerdict {
        verified: true,
        entries: links.len() as u32,
        summary: match &head_hash {
            Some(head) => format!(
                "The decision log verifies: {} entr{}, each hash follows from the one before; \
                 the last is {}…",
                links.len(),
                if links.len() == 1 { "y" } else { "ies" },
                short(head)
            ),
            None => "The decision log is empty, so there is nothing to verify yet".into(),
        },
        head_hash,
        first_broken: None,
    }
}

pub fn broken(entries: usize, id: i64, reason: String) -> ChainVerdict {
    ChainVerdict {
        verified: false,
        entries: entries as u32,
        head_hash: None,
        summary: format!("The decision log does not verify: entry {id} is broken; {reason}"),
        first_broken: Some(BrokenEntry { id, reason }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chain(contents: &[serde_json::Value]) -> Vec<ChainLink> {
        let mut prev = GENESIS.to_string();
        contents
            .iter()
            .enumerate()
            .map(|(index, content)| {
                let content_text = content.to_string();
                let hash = entry_hash(&prev, &content_text);
                let link = ChainLink {
                    id: index as i64 + 1,
                    content: content_text,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                    columns: vec![("actor", content["actor"].clone())],
                };
                prev = hash;
                link
            })
            .collect()
    }

    fn entries() -> Vec<serde_json::Value> {
        ["Helen", "Tomasz", "Priya", "Ana"]
            .iter()
            .map(|actor| json!({"actor": actor, "kind": "vote", "choice": "approve"}))
            .collect()
    }

    #[test]
    fn the_hash_covers_the_previous_hash_and_the_content() {
        let a = entry_hash(GENESIS, "{\"x\":1}");
        assert_eq!(a.len(), 64);
        assert_ne!(a, entry_hash(GENESIS, "{\"x\":2}"));
        assert_ne!(a, entry_hash(&a, "{\"x\":1}"));
        // Known value, so the format never changes by accident.
        assert_eq!(
            entry_hash("", ""),
            "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"
        );
    }

    #[test]
    fn an_untouched_chain_verifies_and_an_empty_one_too() {
        let verdict = verify(&chain(&entries()));
        assert!(verdict.verified, "{}", verdict.summary);
        assert_eq!(verdict.entries, 4);
        assert!(verdict.first_broken.is_none());
        assert!(verify(&[]).verified);
    }

    #[test]
    fn changed_content_is_named() {
        let mut links = chain(&entries());
        links[2].content = links[2].content.replace("approve", "reject");
        let verdict = verify(&links);
        assert!(!verdict.verified);
        let broken = verdict.first_broken.unwrap();
        assert_eq!(broken.id, 3);
        assert!(broken.reason.contains("changed after it was written"));
        assert!(verdict.summary.contains("entry 3 is broken"));
    }

    #[test]
    fn a_changed_column_that_the_content_repeats_is_named() {
        let mut links = chain(&entries());
        links[1].columns = vec![("actor", json!("Someone else"))];
        let broken = verify(&links).first_broken.unwrap();
        assert_eq!(broken.id, 2);
        assert!(broken.reason.contains("actor column"), "{}", broken.reason);
    }

    #[test]
    fn a_rehashed_entry_breaks_the_next_one() {
        // A careful forger recomputes the changed entry's hash; the next entry still names
        // the old one.
        let mut links = chain(&entries());
        links[1].content = links[1].content.replace("approve", "reject");
        links[1].hash = entry_hash(&links[1].prev_hash, &links[1].content);
        let broken = verify(&links).first_broken.unwrap();
        assert_eq!(broken.id, 3);
        assert!(broken.reason.contains("does not follow entry 2"));
    }

    #[test]
    fn a_removed_entry_is_found_at_the_one_after_it() {
        let mut links = chain(&entries());
        links.remove(1);
        assert_eq!(verify(&links).first_broken.unwrap().id, 3);
        let mut links = chain(&entries());
        links.remove(0);
        let broken = verify(&links).first_broken.unwrap();
        assert_eq!(broken.id, 2);
        assert!(broken.reason.contains("first entry"));
    }
}
