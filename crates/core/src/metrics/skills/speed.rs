//! Speed-to-competency: days from assignment to the first rating at the target level.
//! People who have not got there yet are right-censored at their days so far, so the
//! median is the Kaplan-Meier (product-limit) estimate rather than the median of the
//! fast finishers alone, which would flatter every slow module.

/// One person's path to one competency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Journey {
    /// Days from assignment to reaching the level, or to today when not reached.
    pub days: f64,
    pub reached: bool,
}

/// The survival curve's quantiles: the days by which a share `p` of people reached the
/// level. None when the curve never falls that far (too many still on the way).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpeedSummary {
    pub people: u32,
    pub reached: u32,
    pub censored: u32,
    pub median: Option<f64>,
    pub quartile_low: Option<f64>,
    pub quartile_high: Option<f64>,
}

/// The Kaplan-Meier curve as (time, share still not there) steps, at each time someone
/// reached the level. Censored people leave the risk set after their time; ties are
/// reached before censored, as the estimator defines.
pub fn survival_steps(journeys: &[Journey]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<Journey> = journeys
        .iter()
        .copied()
        .filter(|j| j.days.is_finite())
        .collect();
    sorted.sort_by(|a, b| a.days.total_cmp(&b.days).then(b.reached.cmp(&a.reached)));
    let mut at_risk = sorted.len() as f64;
    let mut survival = 1.0;
    let mut steps = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let time = sorted[i].days;
        let (mut events, mut leaving) = (0.0, 0.0);
        while i < sorted.len() && sorted[i].days == time {
            if sorted[i].reached {
                events += 1.0;
            }
            leaving += 1.0;
            i += 1;
        }
        if events > 0.0 {
            survival *= 1.0 - events / at_risk;
            steps.push((time, survival));
        }
        at_risk -= leaving;
    }
    steps
}

/// The first time the curve falls to `1 - p` or below.
pub fn quantile(steps: &[(f64, f64)], p: f64) -> Option<f64> {
    steps
        .iter()
        .find(|(_, survival)| *survival <= 1.0 - p + 1e-12)
        .map(|(time, _)| *time)
}

pub fn summarise(journeys: &[Journey]) -> SpeedSummary {
    let steps = survival_steps(journeys);
    let reached = journeys.iter().filter(|j| j.reached).count() as u32;
    SpeedSummary {
        people: journeys.len() as u32,
        reached,
        censored: journeys.len() as u32 - reached,
        median: quantile(&steps, 0.5),
        quartile_low: quantile(&steps, 0.25),
        quartile_high: quantile(&steps, 0.75),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(days: f64, reached: bool) -> Journey {
        Journey { days, reached }
    }

    #[test]
    fn without_censoring_the_median_is_the_ordinary_median() {
        let s = summarise(&[j(10.0, true), j(20.0, true), j(30.0, true), j(40.0, true)]);
        // S drops to 0.5 at 20 days: half have reached it by then.
        assert_eq!(s.median, Some(20.0));
        assert_eq!(s.quartile_low, Some(10.0));
        assert_eq!(s.quartile_high, Some(30.0));
    }

    #[test]
    fn censored_people_stay_in_the_risk_set_until_they_leave_it() {
        // By hand: at 10 days 1 of 5 reach it, S = 4/5. The person censored at 12 leaves.
        // At 20 days 1 of 3 reach it, S = 4/5 × 2/3 = 8/15 = 0.533. At 30 days 1 of 2,
        // S = 8/15 × 1/2 = 4/15: the median is 30 days. Dropping the censored would give
        // the median of {10, 20, 30} = 20, which flatters the module.
        let journeys = [
            j(10.0, true),
            j(12.0, false),
            j(20.0, true),
            j(30.0, true),
            j(45.0, false),
        ];
        let steps = survival_steps(&journeys);
        assert_eq!(steps.len(), 3);
        assert!((steps[1].1 - 8.0 / 15.0).abs() < 1e-12);
        assert!((steps[2].1 - 4.0 / 15.0).abs() < 1e-12);
        let s = summarise(&journeys);
        assert_eq!((s.reached, s.censored), (3, 2));
        assert_eq!(s.median, Some(30.0));
    }

    #[test]
    fn the_median_is_unknown_while_fewer_than_half_have_reached_it() {
        let s = summarise(&[j(5.0, true), j(40.0, false), j(40.0, false)]);
        assert_eq!(s.median, None);
        assert_eq!(s.quartile_low, Some(5.0));
    }
}
