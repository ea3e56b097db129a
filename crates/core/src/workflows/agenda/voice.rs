//! The offline generator's way with words: a seeded choice among phrasings, and the small
//! text turns a coach makes when speaking a playbook line aloud.

use sha2::{Digest, Sha256};

/// Chooses among phrasings by a seed taken from the facts, so the same facts always read
/// the same and different people or tasks read differently.
pub struct Voice {
    seed: [u8; 32],
}

impl Voice {
    pub fn new(facts_fingerprint: &str) -> Voice {
        Voice {
            seed: Sha256::digest(facts_fingerprint.as_bytes()).into(),
        }
    }

    pub fn number(&self, salt: &str) -> u64 {
        let mut hasher = Sha256::new();
        hasher.update(self.seed);
        hasher.update(salt.as_bytes());
        let digest = hasher.finalize();
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&digest[..8]);
        u64::from_le_bytes(bytes)
    }

    pub fn pick<'a>(&self, salt: &str, options: &[&'a str]) -> &'a str {
        options[(self.number(salt) % options.len() as u64) as usize]
    }
}

/// "Run the discovery call" becomes "run the discovery call"; "CRM notes" stays.
pub fn lower_first(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().collect::<String>() + &text[first.len_utf8()..]
        }
        _ => text.to_string(),
    }
}

/// A note quoted in a sentence: its first line, cut at a word near `max` characters, with
/// no trailing full stop (the sentence around it has one).
pub fn snippet(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let cut = if line.chars().count() <= max {
        line.to_string()
    } else {
        let head: String = line.chars().take(max).collect();
        let at = head.rfind(' ').unwrap_or(head.len());
        format!("{}…", head[..at].trim_end_matches([',', ';', ':']))
    };
    cut.trim_end_matches('.').to_string()
}

/// Fills `{name}` slots; a template never names a slot it is not given.
pub fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    slots
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_keeps_acronyms() {
        assert_eq!(lower_first("Run the call"), "run the call");
        assert_eq!(lower_first("CRM notes first"), "CRM notes first");
    }

    #[test]
    fn snippets_cut_at_a_word() {
        assert_eq!(snippet("Short note.", 40), "Short note");
        assert_eq!(snippet("one two three four five six", 12), "one two…");
    }

    #[test]
    fn the_same_seed_picks_the_same_words() {
        let options = ["a", "b", "c", "d", "e", "f", "g"];
        let one = Voice::new("facts one");
        assert_eq!(one.pick("opening", &options), one.pick("opening", &options));
        let picks: std::collections::HashSet<&str> = (0..40)
            .map(|n| Voice::new(&format!("facts {n}")).pick("opening", &options))
            .collect();
        assert!(picks.len() > 3, "different facts choose different words");
    }
}
