//! Portfolio quality: the mean rubric level of reviewed work samples, and how it moved
//! between the first portfolio review and the last.

/// The mean level of a review's scores; None when nothing was scored.
pub fn mean_level(scores: &[u32]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let total: f64 = scores.iter().map(|s| f64::from(*s)).sum();
    Some(total / scores.len() as f64)
}

/// The last review's mean level minus the first's. The two means are taken over whoever
/// was scored each time, so someone who joined or left between reviews moves the change;
/// for a within-person change pass the same people's scores to both.
pub fn change(first: &[u32], last: &[u32]) -> Option<f64> {
    Some(mean_level(last)? - mean_level(first)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_level_by_hand() {
        // (2 + 3 + 3 + 4) / 4 = 3.
        assert_eq!(mean_level(&[2, 3, 3, 4]), Some(3.0));
        assert_eq!(mean_level(&[1, 2]), Some(1.5));
        assert_eq!(mean_level(&[]), None);
    }

    #[test]
    fn the_change_is_last_minus_first() {
        // First review mean (2 + 2 + 3) / 3 = 7/3; last (3 + 4 + 4) / 3 = 11/3; change 4/3.
        let moved = change(&[2, 2, 3], &[3, 4, 4]).unwrap();
        assert!((moved - 4.0 / 3.0).abs() < 1e-12);
        assert_eq!(change(&[4, 4], &[3, 3]), Some(-1.0));
        assert_eq!(change(&[], &[3]), None);
        assert_eq!(change(&[3], &[]), None);
    }
}
