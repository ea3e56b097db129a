//! Placeholders for the people and the organisation, so nothing identifying leaves the app
//! for the local model, and the model's answer can be made personal again.
//!
//! The workspace may hold 10,000 people, so the text is not searched once per person: every
//! name, name part, email, id and the organisation name is indexed by its first one or two
//! words, the text is split into words once, and each word looks up the few candidates that
//! could start there. A match must start and end at a word boundary (no letter or digit
//! just before or after), and the longest match wins, so "Amara Haddad" is one person, not
//! a first name followed by a last name.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::model::agenda::Placeholder;

pub const COACHEE: &str = "[COACHEE]";
pub const MANAGER: &str = "[MANAGER]";
pub const ORGANISATION: &str = "[ORGANISATION]";

/// Who a piece of text stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Target {
    Coachee,
    Manager,
    Organisation,
    /// One of `others`, by index.
    Person(usize),
    /// A name or name part several other people share: it is replaced like a person's but
    /// restored as the words themselves, since who was meant cannot be known.
    Shared(String),
}

impl Target {
    /// Lower wins when two people share a text: the coachee is who an agenda is about.
    fn rank(&self) -> u8 {
        match self {
            Target::Coachee => 0,
            Target::Manager => 1,
            Target::Organisation => 2,
            Target::Person(_) | Target::Shared(_) => 3,
        }
    }
}

struct Pattern {
    /// Trimmed to start and end with a letter or digit; lowercase when `folded`.
    text: String,
    /// Compared without case (emails).
    folded: bool,
    target: Target,
}

pub struct Redactor {
    patterns: Vec<Pattern>,
    /// First word (or first two words, joined by NUL) → patterns starting with them. Keys of
    /// folded patterns are lowercase and prefixed with NUL, so both kinds share one map.
    index: HashMap<String, Vec<usize>>,
    coachee_name: String,
    manager_name: String,
    other_names: Vec<String>,
    organisation: String,
    used: Mutex<Used>,
}

/// Which tokens the redacted texts have needed so far; `[PERSON n]` numbers are handed out
/// in order of first appearance and kept for the Redactor's life.
#[derive(Default)]
struct Used {
    coachee: bool,
    manager: bool,
    organisation: bool,
    people: Vec<Target>,
    numbers: HashMap<Target, usize>,
}

impl Redactor {
    /// People as (id, name, email). `others` may include the coachee and the manager; they
    /// keep their own tokens.
    pub fn new(
        coachee: (&str, &str, &str),
        manager: (&str, &str, &str),
        others: &[(String, String, String)],
        organisation: &str,
    ) -> Redactor {
        let mut builder = Builder::default();
        builder.person(coachee, Target::Coachee);
        builder.person(manager, Target::Manager);
        builder.add(organisation, false, Target::Organisation);
        for (index, (id, name, email)) in others.iter().enumerate() {
            builder.person((id, name, email), Target::Person(index));
        }
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, pattern) in builder.patterns.iter().enumerate() {
            index.entry(pattern_key(pattern)).or_default().push(at);
        }
        Redactor {
            patterns: builder.patterns,
            index,
            coachee_name: coachee.1.trim().to_string(),
            manager_name: manager.1.trim().to_string(),
            other_names: others
                .iter()
                .map(|(_, name, _)| name.trim().to_string())
                .collect(),
            organisation: organisation.trim().to_string(),
            used: Mutex::new(Used::default()),
        }
    }

    /// The text with every name, name part, email, id and the organisation name replaced
    /// by a placeholder.
    pub fn redact(&self, text: &str) -> String {
        let words = words(text);
        let mut used = self
            .used
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for (at, &(start, end)) in words.iter().enumerate() {
            if start < copied {
                continue;
            }
            let Some((match_end, target)) = self.longest_match(text, &words, at, start, end) else {
                continue;
            };
            out.push_str(&text[copied..start]);
            out.push_str(&used.token(target));
            copied = match_end;
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The placeholders the redacted texts contain so far, in token order.
    pub fn placeholders(&self) -> Vec<Placeholder> {
        let used = self
            .used
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let placeholder = |token: String, stands_for: &str| Placeholder {
            token,
            stands_for: stands_for.into(),
        };
        let mut list = Vec::new();
        if used.coachee {
            list.push(placeholder(COACHEE.into(), "the coachee"));
        }
        if used.manager {
            list.push(placeholder(MANAGER.into(), "the manager"));
        }
        for n in 1..=used.people.len() {
            list.push(placeholder(
                person_token(n),
                "another person in the workspace",
            ));
        }
        if used.organisation {
            list.push(placeholder(ORGANISATION.into(), "the organisation"));
        }
        list
    }

    /// The model's text made personal again: the coachee and manager by first name, other
    /// people by full name, the organisation by its name. Tokens are read leniently
    /// ("[Person 2]", "[PERSON2]"), since models do not always copy them exactly; a token
    /// no redacted text used for a person stays as it is.
    pub fn restore(&self, text: &str) -> String {
        let used = self
            .used
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let after = &rest[open..];
            let close = after.char_indices().take(24).find(|&(_, c)| c == ']');
            let replacement = close.and_then(|(close, _)| {
                let inner: String = after[1..close]
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '_')
                    .collect::<String>()
                    .to_uppercase();
                self.restored(&used, &inner).map(|text| (text, close + 1))
            });
            match replacement {
                Some((text, length)) => {
                    out.push_str(&text);
                    rest = &after[length..];
                }
                None => {
                    out.push('[');
                    rest = &after[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn restored(&self, used: &Used, inner: &str) -> Option<String> {
        let first_name = |name: &str, fallback: &str| {
            name.split_whitespace()
                .next()
                .unwrap_or(fallback)
                .to_string()
        };
        match inner {
            "COACHEE" => Some(first_name(&self.coachee_name, "the coachee")),
            "MANAGER" => Some(first_name(&self.manager_name, "the manager")),
            "ORGANISATION" | "ORGANIZATION" if !self.organisation.is_empty() => {
                Some(self.organisation.clone())
            }
            _ => {
                let n: usize = inner.strip_prefix("PERSON")?.parse().ok()?;
                match used.people.get(n.checked_sub(1)?)? {
                    Target::Person(index) => Some(self.other_names[*index].clone()),
                    Target::Shared(text) => Some(text.clone()),
                    _ => None,
                }
            }
        }
    }

    fn longest_match(
        &self,
        text: &str,
        words: &[(usize, usize)],
        at: usize,
        start: usize,
        end: usize,
    ) -> Option<(usize, &Target)> {
        let word = &text[start..end];
        let next = words.get(at + 1).map(|&(s, e)| &text[s..e]);
        let lower = word.to_lowercase();
        let next_lower = next.map(str::to_lowercase);
        let keys = [
            Some(word.to_string()),
            next.map(|next| format!("{word}\0{next}")),
            Some(format!("\0{lower}")),
            next_lower.map(|next| format!("\0{lower}\0{next}")),
        ];
        let mut best: Option<(usize, &Target)> = None;
        for key in keys.iter().flatten() {
            for &candidate in self.index.get(key).into_iter().flatten() {
                let pattern = &self.patterns[candidate];
                let Some(match_end) = match_at(text, start, &pattern.text, pattern.folded) else {
                    continue;
                };
                let better = match best {
                    None => true,
                    Some((best_end, best_target)) => {
                        match_end > best_end
                            || (match_end == best_end && pattern.target.rank() < best_target.rank())
                    }
                };
                if better {
                    best = Some((match_end, &pattern.target));
                }
            }
        }
        best
    }
}

impl Used {
    fn token(&mut self, target: &Target) -> String {
        match target {
            Target::Coachee => {
                self.coachee = true;
                COACHEE.into()
            }
            Target::Manager => {
                self.manager = true;
                MANAGER.into()
            }
            Target::Organisation => {
                self.organisation = true;
                ORGANISATION.into()
            }
            Target::Person(_) | Target::Shared(_) => {
                let n = match self.numbers.get(target) {
                    Some(&n) => n,
                    None => {
                        self.people.push(target.clone());
                        let n = self.people.len();
                        self.numbers.insert(target.clone(), n);
                        n
                    }
                };
                person_token(n)
            }
        }
    }
}

fn person_token(n: usize) -> String {
    format!("[PERSON {n}]")
}

#[derive(Default)]
struct Builder {
    patterns: Vec<Pattern>,
    seen: HashMap<(bool, String), usize>,
}

impl Builder {
    fn person(&mut self, (id, name, email): (&str, &str, &str), target: Target) {
        self.add(id, false, target.clone());
        self.add(email, true, target.clone());
        self.add(name, false, target.clone());
        for part in name.split_whitespace() {
            self.name_part(part, &target);
            // "Jean-Luc" and "O'Brien" are also called "Jean", "Luc" and "Brien".
            for (start, end) in words(part) {
                self.name_part(&part[start..end], &target);
            }
        }
    }

    fn name_part(&mut self, part: &str, target: &Target) {
        if part.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            self.add(part, false, target.clone());
        }
    }

    fn add(&mut self, text: &str, folded: bool, target: Target) {
        let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric());
        if trimmed.is_empty() {
            return;
        }
        let text = if folded {
            trimmed.to_lowercase()
        } else {
            trimmed.to_string()
        };
        match self.seen.get(&(folded, text.clone())) {
            Some(&at) => {
                let existing = &mut self.patterns[at].target;
                if *existing != target {
                    if target.rank() < existing.rank() {
                        *existing = target;
                    } else if target.rank() == existing.rank() && target.rank() == 3 {
                        *existing = Target::Shared(trimmed.to_string());
                    }
                }
            }
            None => {
                self.seen
                    .insert((folded, text.clone()), self.patterns.len());
                self.patterns.push(Pattern {
                    text,
                    folded,
                    target,
                });
            }
        }
    }
}

fn pattern_key(pattern: &Pattern) -> String {
    let found = words(&pattern.text);
    let word = |(start, end): (usize, usize)| &pattern.text[start..end];
    let key = match found.get(1) {
        Some(&second) => format!("{}\0{}", word(found[0]), word(second)),
        None => word(found[0]).to_string(),
    };
    if pattern.folded {
        format!("\0{key}")
    } else {
        key
    }
}

/// Byte ranges of the runs of letters and digits.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                found.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        found.push((from, text.len()));
    }
    found
}

/// Where `pattern` ends if it matches `text` at `start` and ends at a word boundary. Spaces
/// in the pattern match any run of whitespace, so a name broken over a line still matches.
fn match_at(text: &str, start: usize, pattern: &str, folded: bool) -> Option<usize> {
    let mut chars = text[start..].char_indices().peekable();
    let mut wanted = pattern.chars().peekable();
    while let Some(want) = wanted.next() {
        if want.is_whitespace() {
            while wanted.next_if(|c| c.is_whitespace()).is_some() {}
            chars.next_if(|&(_, c)| c.is_whitespace())?;
            while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
            continue;
        }
        let (_, got) = chars.next()?;
        let same = got == want
            || (folded && {
                let mut lower = got.to_lowercase();
                lower.next() == Some(want) && lower.next().is_none()
            });
        if !same {
            return None;
        }
    }
    let end = chars.peek().map_or(text.len(), |&(at, _)| start + at);
    match text[end..].chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<(String, String, String)> {
        [
            ("E1001", "Amara Haddad", "amara.haddad@northwind.example"),
            ("E1002", "Jonas Berg", "jonas.berg@northwind.example"),
            ("E1003", "Mei Lin", "mei.lin@northwind.example"),
            ("E1004", "Jean-Luc O'Brien", "jl@northwind.example"),
            ("E1005", "Sam Okafor", "sam.okafor@northwind.example"),
            ("E1006", "Sam Patel", "sam.patel@northwind.example"),
        ]
        .iter()
        .map(|(id, name, email)| (id.to_string(), name.to_string(), email.to_string()))
        .collect()
    }

    fn redactor() -> Redactor {
        Redactor::new(
            ("E1001", "Amara Haddad", "amara.haddad@northwind.example"),
            ("E1002", "Jonas Berg", "jonas.berg@northwind.example"),
            &people(),
            "Northwind Health",
        )
    }

    #[test]
    fn coachee_and_manager_get_their_tokens_whole_or_in_parts() {
        let r = redactor();
        assert_eq!(
            r.redact("Amara Haddad (E1001, Amara.Haddad@Northwind.example) met Jonas."),
            "[COACHEE] ([COACHEE], [COACHEE]) met [MANAGER]."
        );
        assert_eq!(
            r.redact("Haddad's notes; Berg\nagreed"),
            "[COACHEE]'s notes; [MANAGER]\nagreed"
        );
        assert_eq!(r.redact("Amara\n  Haddad"), "[COACHEE]");
        assert_eq!(
            r.placeholders(),
            vec![
                Placeholder {
                    token: "[COACHEE]".into(),
                    stands_for: "the coachee".into()
                },
                Placeholder {
                    token: "[MANAGER]".into(),
                    stands_for: "the manager".into()
                },
            ]
        );
    }

    #[test]
    fn matches_respect_word_boundaries_and_case() {
        let r = redactor();
        assert_eq!(
            r.redact("Amaranth, AMARA, amara, E10011, XE1001"),
            "Amaranth, AMARA, amara, E10011, XE1001"
        );
        assert_eq!(
            r.redact("Ask Mei about Lin's call"),
            "Ask [PERSON 1] about [PERSON 1]'s call"
        );
        assert!(r
            .placeholders()
            .iter()
            .all(|p| !p.stands_for.contains("Mei")));
    }

    #[test]
    fn other_people_are_numbered_by_first_appearance_across_calls() {
        let r = redactor();
        assert_eq!(
            r.redact("Mei Lin and Sam Patel"),
            "[PERSON 1] and [PERSON 2]"
        );
        assert_eq!(
            r.redact("sam.okafor@northwind.example, then Mei"),
            "[PERSON 3], then [PERSON 1]"
        );
        assert_eq!(
            r.redact("E1004 said Jean-Luc; Luc O'Brien"),
            "[PERSON 4] said [PERSON 4]; [PERSON 4] [PERSON 4]"
        );
        assert_eq!(
            r.redact("Northwind Health and Northwind"),
            "[ORGANISATION] and Northwind"
        );
        let tokens: Vec<String> = r.placeholders().into_iter().map(|p| p.token).collect();
        assert_eq!(
            tokens,
            [
                "[PERSON 1]",
                "[PERSON 2]",
                "[PERSON 3]",
                "[PERSON 4]",
                "[ORGANISATION]"
            ]
        );
        assert_eq!(
            r.restore("Ask [PERSON 2] and [Person 1] at [ORGANISATION]; [PERSON 9] stays."),
            "Ask Sam Patel and Mei Lin at Northwind Health; [PERSON 9] stays."
        );
    }

    #[test]
    fn a_part_several_people_share_restores_as_itself() {
        let r = redactor();
        assert_eq!(r.redact("Sam said"), "[PERSON 1] said");
        assert_eq!(r.restore("Thank [PERSON 1]"), "Thank Sam");
    }

    #[test]
    fn restore_uses_first_names_for_the_pair() {
        let r = redactor();
        let redacted = r.redact("Amara Haddad works with Jonas Berg at Northwind Health.");
        assert_eq!(
            redacted,
            "[COACHEE] works with [MANAGER] at [ORGANISATION]."
        );
        assert_eq!(
            r.restore(&redacted),
            "Amara works with Jonas at Northwind Health."
        );
        assert_eq!(
            r.restore("[coachee], [ MANAGER ] [x] [ and ["),
            "Amara, Jonas [x] [ and ["
        );
    }

    #[test]
    fn ten_thousand_people_are_indexed_not_scanned() {
        let others: Vec<(String, String, String)> = (0..10_000)
            .map(|i| {
                (
                    format!("P{i:05}"),
                    format!("Given{i} Family{}", i % 997),
                    format!("person{i}@example.org"),
                )
            })
            .collect();
        let built = std::time::Instant::now();
        let r = Redactor::new(
            ("C1", "Ana Ruiz", "ana@example.org"),
            ("M1", "Bo Li", "bo@example.org"),
            &others,
            "Acme",
        );
        let line = "Ana Ruiz talked with Given42 Family42 (P00042, person42@example.org) and Family7 about the Acme rollout. ";
        let text = line.repeat(40);
        let started = std::time::Instant::now();
        let redacted = r.redact(&text);
        let elapsed = started.elapsed();
        assert!(
            !redacted.contains("Given42")
                && !redacted.contains("P00042")
                && !redacted.contains("person42")
        );
        assert!(redacted.starts_with("[COACHEE] talked with [PERSON 1] ([PERSON 1], [PERSON 1]) and [PERSON 2] about the [ORGANISATION] rollout."), "{redacted}");
        assert_eq!(r.restore("[PERSON 2]"), "Family7");
        eprintln!(
            "indexed 10,000 people in {:?}; redacted {} bytes in {elapsed:?}",
            started.duration_since(built),
            text.len()
        );
    }
}
