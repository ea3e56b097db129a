//! The pre-registered day-90 decision rule. It is fixed before launch and applied the same way
//! to every pilot, so the outcome pack can set what the data say beside what the steering
//! group votes, and a reader can see where the two part.

use crate::model::{RuleVerdict, VoteChoice};

/// The rule, word for word the same in every pack.
pub const DECISION_RULE: &str = "Scale when every KPI with a success criterion meets it; Stop \
                                 when no KPI improves across its whole 95% interval (a rise \
                                 where higher is better, a fall where lower is better); \
                                 otherwise Iterate.";

/// One KPI's day-90 result, as the rule reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiOutcome {
    pub kpi: String,
    pub has_criterion: bool,
    /// False when the KPI could not be measured (no data, no estimate).
    pub measured: bool,
    /// Whether the success criterion is met.
    pub met: bool,
    /// The improvement in the KPI's good direction and the low end of its 95% interval.
    pub improvement: Option<f64>,
    pub low: Option<f64>,
    /// The KPI improves by falling (days to first deal), so its change is told as a fall.
    pub lower_is_better: bool,
}

impl KpiOutcome {
    /// An unmeasured KPI cannot meet anything: counting it as met would reward missing data.
    fn meets_criterion(&self) -> bool {
        self.measured && self.has_criterion && self.met
    }

    /// A shown improvement needs an interval whose low end is above zero; an estimate
    /// without an interval (a single pilot unit) cannot show one.
    fn shows_improvement(&self) -> bool {
        self.measured && self.low.is_some_and(|low| low > 0.0)
    }
}

/// What the rule says for these KPIs, with a reason per KPI. Scale is checked first, as the
/// rule reads; a pilot with no KPI that has a success criterion cannot be scaled by it,
/// since there would be nothing it was held to.
pub fn verdict(kpis: &[KpiOutcome]) -> RuleVerdict {
    let mut reasons: Vec<String> = kpis.iter().map(reason).collect();
    let with_criterion: Vec<&KpiOutcome> = kpis.iter().filter(|k| k.has_criterion).collect();
    let all_met = !with_criterion.is_empty() && with_criterion.iter().all(|k| k.meets_criterion());
    let any_improved = kpis.iter().any(KpiOutcome::shows_improvement);

    let (choice, conclusion) = if all_met {
        let conclusion = if with_criterion.len() == 1 {
            "Scale: the one KPI with a success criterion meets it.".to_string()
        } else {
            format!(
                "Scale: all {} KPIs with a success criterion meet it.",
                with_criterion.len()
            )
        };
        (VoteChoice::Scale, conclusion)
    } else if !any_improved {
        let conclusion = if kpis.is_empty() {
            "Stop: there are no KPIs, so none shows an improvement.".to_string()
        } else {
            "Stop: no KPI improves across its whole 95% interval.".to_string()
        };
        (VoteChoice::Stop, conclusion)
    } else {
        let conclusion = if with_criterion.is_empty() {
            "Iterate: a KPI improved, but no KPI has a success criterion to meet."
        } else {
            "Iterate: a KPI shows an improvement, but not every success criterion is met."
        };
        (VoteChoice::Iterate, conclusion.to_string())
    };
    reasons.push(conclusion);
    RuleVerdict {
        choice,
        rule: DECISION_RULE.into(),
        reasons,
    }
}

/// One KPI in a sentence: whether it meets its criterion and whether its improvement is shown.
fn reason(kpi: &KpiOutcome) -> String {
    if !kpi.measured {
        return format!(
            "{}: not measured, so it counts as neither meeting a criterion nor improving.",
            kpi.kpi
        );
    }
    let criterion = if !kpi.has_criterion {
        "has no success criterion"
    } else if kpi.met {
        "meets its success criterion"
    } else {
        "does not meet its success criterion"
    };
    // The improvement is in the KPI's good direction; say it as the reader sees the KPI move.
    let (better, worse) = if kpi.lower_is_better {
        ("fall", "rise")
    } else {
        ("rise", "fall")
    };
    let moved = |improvement: f64| {
        let word = if improvement >= 0.0 { better } else { worse };
        format!("{} by {}", past(word), figure(improvement.abs()))
    };
    let improvement = match (kpi.improvement, kpi.low) {
        (Some(improvement), Some(low)) if low > 0.0 => format!(
            "{}, and even the cautious end of its 95% interval is a {better} of {}",
            moved(improvement),
            figure(low)
        ),
        (Some(improvement), Some(_)) => format!(
            "{}, but its 95% interval reaches no change or a {worse}, so no {better} is shown",
            moved(improvement)
        ),
        (Some(improvement), None) => format!(
            "{} with no 95% interval, so no {better} is shown",
            moved(improvement)
        ),
        (None, _) => "has no estimate of its change".to_string(),
    };
    format!("{}: {criterion}; it {improvement}.", kpi.kpi)
}

fn past(word: &str) -> &'static str {
    match word {
        "fall" => "fell",
        _ => "rose",
    }
}

fn figure(value: f64) -> String {
    super::precision::compact(value)
}

#[cfg(test)]
mod tests {
    use super::{verdict, KpiOutcome, DECISION_RULE};
    use crate::model::VoteChoice;

    fn kpi(name: &str, met: bool, improvement: f64, low: f64) -> KpiOutcome {
        KpiOutcome {
            kpi: name.into(),
            has_criterion: true,
            measured: true,
            met,
            improvement: Some(improvement),
            low: Some(low),
            lower_is_better: false,
        }
    }

    fn unmeasured(name: &str) -> KpiOutcome {
        KpiOutcome {
            kpi: name.into(),
            has_criterion: true,
            measured: false,
            met: true, // a stale flag must not count
            improvement: Some(4.0),
            low: Some(1.0),
            lower_is_better: false,
        }
    }

    #[test]
    fn every_criterion_met_scales() {
        let result = verdict(&[
            kpi("Ramp time", true, 6.2, 1.1),
            kpi("Win rate", true, 0.03, -0.01),
        ]);
        assert_eq!(result.choice, VoteChoice::Scale);
        assert_eq!(result.rule, DECISION_RULE);
        assert_eq!(result.reasons.len(), 3);
        assert_eq!(
            result.reasons[0],
            "Ramp time: meets its success criterion; it rose by 6.2, and even the cautious end \
             of its 95% interval is a rise of 1.1."
        );
    }

    #[test]
    fn a_missed_criterion_with_a_shown_improvement_iterates() {
        let result = verdict(&[
            kpi("Ramp time", true, 6.2, 1.1),
            kpi("Win rate", false, 0.01, -0.02),
        ]);
        assert_eq!(result.choice, VoteChoice::Iterate);
        assert!(result.reasons[1].contains("does not meet"));
        assert!(result.reasons[1].contains("so no rise is shown"));
    }

    #[test]
    fn no_interval_above_zero_stops() {
        let result = verdict(&[
            kpi("Ramp time", false, 2.0, -0.5),
            kpi("Win rate", false, -0.01, -0.03),
        ]);
        assert_eq!(result.choice, VoteChoice::Stop);
        assert_eq!(
            result.reasons.last().map(String::as_str),
            Some("Stop: no KPI improves across its whole 95% interval.")
        );
    }

    #[test]
    fn an_interval_touching_zero_is_not_above_it() {
        let result = verdict(&[kpi("Ramp time", false, 2.0, 0.0)]);
        assert_eq!(result.choice, VoteChoice::Stop);
    }

    #[test]
    fn an_unmeasured_kpi_neither_meets_nor_improves() {
        let result = verdict(&[kpi("Ramp time", true, 6.2, 1.1), unmeasured("Retention")]);
        assert_eq!(result.choice, VoteChoice::Iterate);
        assert!(result.reasons[1].starts_with("Retention: not measured"));

        let result = verdict(&[unmeasured("Retention")]);
        assert_eq!(result.choice, VoteChoice::Stop);
    }

    #[test]
    fn an_estimate_without_an_interval_shows_no_improvement() {
        let single_unit = KpiOutcome {
            low: None,
            ..kpi("Ramp time", false, 5.0, 0.0)
        };
        let result = verdict(&[single_unit]);
        assert_eq!(result.choice, VoteChoice::Stop);
        assert!(result.reasons[0].contains("no 95% interval"));
    }

    #[test]
    fn a_kpi_where_lower_is_better_is_told_as_a_fall() {
        let days = KpiOutcome {
            lower_is_better: true,
            ..kpi("Days to first closed deal", true, 6.5, 5.06)
        };
        let result = verdict(std::slice::from_ref(&days));
        assert_eq!(
            result.reasons[0],
            "Days to first closed deal: meets its success criterion; it fell by 6.5, and even \
             the cautious end of its 95% interval is a fall of 5.06."
        );
        assert!(!result.reasons[0].contains("zero"));
        let worse = KpiOutcome {
            lower_is_better: true,
            ..kpi("Days to first closed deal", false, -2.0, -4.0)
        };
        let result = verdict(&[worse]);
        assert!(result.reasons[0].contains(
            "it rose by 2, but its 95% interval reaches no change or a rise, so no fall is shown"
        ));
    }

    #[test]
    fn kpis_without_criteria_cannot_scale_but_can_keep_the_pilot_going() {
        let no_criterion = KpiOutcome {
            has_criterion: false,
            ..kpi("Engagement", false, 0.4, 0.1)
        };
        let result = verdict(std::slice::from_ref(&no_criterion));
        assert_eq!(result.choice, VoteChoice::Iterate);

        // A KPI without a criterion does not stand in the way of scaling.
        let result = verdict(&[kpi("Ramp time", true, 6.2, 1.1), no_criterion]);
        assert_eq!(result.choice, VoteChoice::Scale);
    }

    #[test]
    fn nothing_to_judge_stops() {
        let result = verdict(&[]);
        assert_eq!(result.choice, VoteChoice::Stop);
        assert_eq!(result.rule, DECISION_RULE);
    }

    #[test]
    fn the_rule_reads_the_same_every_time() {
        assert_eq!(
            DECISION_RULE,
            "Scale when every KPI with a success criterion meets it; Stop when no KPI improves \
             across its whole 95% interval (a rise where higher is better, a fall where lower \
             is better); otherwise Iterate."
        );
    }
}
