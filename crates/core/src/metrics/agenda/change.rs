//! How much of a suggestion a manager changed: the character edit distance between the
//! suggestion and what they kept, as a share of the longer text. A typo fixed is near 0, a
//! prompt rewritten from scratch near 1.

/// Levenshtein distance over characters, in two rows of memory.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The share of the text changed across all items, 0 to 1: the summed edit distances over
/// the summed lengths of the longer of each pair, so a long agenda with one word changed
/// reads as a small edit.
pub fn change_share(pairs: &[(&str, &str)]) -> f64 {
    let (changed, length) =
        pairs
            .iter()
            .fold((0usize, 0usize), |(changed, length), (suggested, kept)| {
                let longer = suggested.chars().count().max(kept.chars().count());
                (changed + edit_distance(suggested, kept), length + longer)
            });
    if length == 0 {
        0.0
    } else {
        (changed as f64 / length as f64).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("café", "cafe"), 1);
    }

    #[test]
    fn the_share_weighs_each_change_by_the_whole_agenda() {
        assert_eq!(change_share(&[("abcd", "abcd"), ("wxyz", "wxyz")]), 0.0);
        // One character of eight changed.
        assert_eq!(change_share(&[("abcd", "abce"), ("wxyz", "wxyz")]), 0.125);
        assert_eq!(change_share(&[("abcd", "wxyz")]), 1.0);
        assert_eq!(change_share(&[]), 0.0);
    }
}
