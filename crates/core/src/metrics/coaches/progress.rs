//! A coach's progress toward a level of the standard, evaluated from the evidence like the
//! readiness checklist: each criterion met or not, with the reason in numbers. Then the
//! validity of certifications: an expired or revoked one stops counting.

use chrono::{Duration, Months, NaiveDate};

use crate::model::coaches::{
    Certification, CoachLevel, CoachStatus, CriterionKey, CriterionProgress, LevelCriteria,
};
use crate::packs::dates::long_date;

/// A certification ending within this many days is "expiring soon".
pub const EXPIRING_DAYS: i64 = 90;

/// What the data says about a coach, within the standard's evidence window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    pub trained_on: Option<NaiveDate>,
    pub hours: f64,
    /// Each observed session's mean rubric score (1-4).
    pub observation_means: Vec<f64>,
    /// Coachees' ratings (1-5).
    pub ratings: Vec<u32>,
}

/// Rounds down to `decimals`, so a figure just short of a threshold never reads as
/// reaching it ("19.96 of 20 hours" shows 19.9, not 20).
fn floor_to(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    // The small nudge keeps 0.29 (stored as 0.28999…) at 0.29.
    (value * scale + 1e-9).floor() / scale
}

/// 12, 12.5: hours without a needless ".0".
pub fn hours_text(hours: f64) -> String {
    let shown = floor_to(hours, 1);
    if shown.fract() == 0.0 {
        format!("{shown:.0}")
    } else {
        format!("{shown:.1}")
    }
}

/// 3.0, 3.2, 3.25: a mean with the digits that tell it from its threshold.
pub fn mean_text(mean: f64) -> String {
    let text = format!("{:.2}", floor_to(mean, 2));
    let text = text.trim_end_matches('0');
    if text.ends_with('.') {
        format!("{text}0")
    } else {
        text.to_string()
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn progress(
    key: CriterionKey,
    met: bool,
    reason: String,
    value: f64,
    required: f64,
) -> CriterionProgress {
    CriterionProgress {
        key,
        label: key.label().to_string(),
        met,
        reason,
        value,
        required,
    }
}

/// Each criterion of `level`, in order; a criterion the level does not ask for (no
/// training, zero hours) is left out rather than shown as met.
pub fn criteria(level: &LevelCriteria, evidence: &Evidence) -> Vec<CriterionProgress> {
    let mut out = Vec::new();
    if level.training {
        out.push(match evidence.trained_on {
            Some(day) => progress(
                CriterionKey::Training,
                true,
                format!("Completed on {}", long_date(day)),
                1.0,
                1.0,
            ),
            None => progress(
                CriterionKey::Training,
                false,
                "No coach training recorded yet".into(),
                0.0,
                1.0,
            ),
        });
    }
    if level.hours > 0.0 {
        let met = evidence.hours + 1e-9 >= level.hours;
        let reason = if met {
            format!(
                "{} hours logged ({} needed)",
                hours_text(evidence.hours),
                hours_text(level.hours)
            )
        } else {
            format!(
                "{} of {} hours logged",
                hours_text(evidence.hours),
                hours_text(level.hours)
            )
        };
        out.push(progress(
            CriterionKey::Hours,
            met,
            reason,
            evidence.hours,
            level.hours,
        ));
    }
    if level.observations > 0 {
        out.extend(count_and_mean(
            &Tally {
                count_key: CriterionKey::Observations,
                mean_key: CriterionKey::ObservationScore,
                thing: ("session", "sessions"),
                counted: " observed",
                scored: ("session", "sessions"),
                scale: 4,
                none_yet: "No session scored yet",
            },
            &evidence.observation_means,
            level.observations,
            level.min_observation_mean,
        ));
    }
    if level.feedback_count > 0 {
        let ratings: Vec<f64> = evidence.ratings.iter().map(|r| f64::from(*r)).collect();
        out.extend(count_and_mean(
            &Tally {
                count_key: CriterionKey::FeedbackCount,
                mean_key: CriterionKey::FeedbackRating,
                thing: ("coachee rating", "coachee ratings"),
                counted: "",
                scored: ("rating", "ratings"),
                scale: 5,
                none_yet: "No ratings yet",
            },
            &ratings,
            level.feedback_count,
            level.min_feedback_mean,
        ));
    }
    out
}

/// How a criterion of the kind "enough of them, scoring well enough on average" is worded:
/// observed sessions on a 1-4 rubric, coachee ratings on 1-5.
struct Tally {
    count_key: CriterionKey,
    mean_key: CriterionKey,
    /// What is counted, singular and plural.
    thing: (&'static str, &'static str),
    /// What follows the counted noun (" observed"), empty when the noun says it all.
    counted: &'static str,
    /// What the mean is over, singular and plural.
    scored: (&'static str, &'static str),
    scale: u32,
    none_yet: &'static str,
}

/// The count criterion and the mean criterion of one tally, each with its reason.
fn count_and_mean(
    tally: &Tally,
    scores: &[f64],
    needed: u32,
    minimum: f64,
) -> [CriterionProgress; 2] {
    let seen = scores.len() as u32;
    let met = seen >= needed;
    let reason = if met {
        format!(
            "{}{} ({needed} needed)",
            plural(seen, tally.thing.0, tally.thing.1),
            tally.counted
        )
    } else {
        format!(
            "{seen} of {}{}",
            plural(needed, tally.thing.0, tally.thing.1),
            tally.counted
        )
    };
    let count = progress(
        tally.count_key,
        met,
        reason,
        f64::from(seen),
        f64::from(needed),
    );
    let floor = mean_text(minimum);
    let scale = tally.scale;
    let average = match mean(scores.iter().copied()) {
        None => progress(
            tally.mean_key,
            false,
            format!(
                "{} (a mean of at least {floor} of {scale} needed)",
                tally.none_yet
            ),
            0.0,
            minimum,
        ),
        Some(m) => {
            let over = plural(seen, tally.scored.0, tally.scored.1);
            let met = m + 1e-9 >= minimum;
            let reason = if met {
                format!("{} of {scale} over {over} (at least {floor})", mean_text(m))
            } else {
                format!("{} of {scale} over {over}, below {floor}", mean_text(m))
            };
            progress(tally.mean_key, met, reason, m, minimum)
        }
    };
    [count, average]
}

/// The last day a certification made on `certified_on` is valid: `months` later, less a
/// day, so "24 months" from 12 Jan 2027 runs through 11 Jan 2029.
pub fn valid_until(certified_on: NaiveDate, months: u32) -> NaiveDate {
    certified_on
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
        - Duration::days(1)
}

/// Valid on `today`: made by then, not past its last day, not revoked.
pub fn is_valid(certification: &Certification, today: NaiveDate) -> bool {
    certification.certified_on <= today
        && today <= certification.valid_until
        && certification
            .revoked_on
            .is_none_or(|revoked| revoked > today)
}

/// The certification that counts today: the highest valid level, the longest-running
/// when two are at that level.
pub fn current(certifications: &[Certification], today: NaiveDate) -> Option<&Certification> {
    certifications
        .iter()
        .filter(|c| is_valid(c, today))
        .max_by(|a, b| {
            a.level
                .cmp(&b.level)
                .then(a.valid_until.cmp(&b.valid_until))
        })
}

pub fn expiring_soon(valid_until: NaiveDate, today: NaiveDate) -> bool {
    (valid_until - today).num_days() <= EXPIRING_DAYS
}

/// Where a coach stands: withdrawn, certified, expired (was certified), in progress (some
/// training or evidence) or only nominated.
pub fn status(
    withdrawn: bool,
    certifications: &[Certification],
    evidence: &Evidence,
    today: NaiveDate,
) -> CoachStatus {
    if withdrawn {
        CoachStatus::Withdrawn
    } else if current(certifications, today).is_some() {
        CoachStatus::Certified
    } else if certifications.iter().any(|c| c.certified_on <= today) {
        CoachStatus::Expired
    } else if evidence.trained_on.is_some()
        || evidence.hours > 0.0
        || !evidence.observation_means.is_empty()
        || !evidence.ratings.is_empty()
    {
        CoachStatus::InProgress
    } else {
        CoachStatus::Nominated
    }
}

/// Why certifying at `level` today is refused, or none when it may go ahead: a
/// certification at this level or above not yet due for renewal, else every unmet
/// criterion named.
pub fn blocked(
    level: CoachLevel,
    criteria: &[CriterionProgress],
    certifications: &[Certification],
    renewal_days: u32,
    today: NaiveDate,
) -> Option<String> {
    if let Some(held) = held(level, certifications, renewal_days, today) {
        return Some(held);
    }
    let unmet: Vec<&str> = criteria
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.reason.as_str())
        .collect();
    (!unmet.is_empty()).then(|| format!("Not yet met: {}", unmet.join("; ")))
}

/// A valid certification at `level` or above that is not yet due for renewal, said as
/// the reason a new one waits.
pub fn held(
    level: CoachLevel,
    certifications: &[Certification],
    renewal_days: u32,
    today: NaiveDate,
) -> Option<String> {
    let holding = certifications
        .iter()
        .filter(|c| is_valid(c, today) && c.level >= level)
        .max_by_key(|c| c.valid_until)?;
    let opens = holding.valid_until - Duration::days(i64::from(renewal_days));
    if today >= opens {
        return None;
    }
    Some(if holding.level == level {
        format!(
            "Already {} until {}; recertification opens on {}",
            level.label().to_lowercase(),
            long_date(holding.valid_until),
            long_date(opens)
        )
    } else {
        format!(
            "Already {} until {}, a higher level",
            holding.level.label().to_lowercase(),
            long_date(holding.valid_until)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn certified_level() -> LevelCriteria {
        LevelCriteria {
            level: CoachLevel::Certified,
            training: true,
            hours: 20.0,
            observations: 2,
            min_observation_mean: 3.0,
            feedback_count: 5,
            min_feedback_mean: 4.0,
        }
    }

    fn certification(level: CoachLevel, on: &str, until: &str) -> Certification {
        Certification {
            id: 1,
            coach_id: "E1".into(),
            level,
            standard_version: 1,
            certified_on: day(on),
            valid_until: day(until),
            certified_by: "Ada".into(),
            evidence: vec![],
            revoked_on: None,
        }
    }

    #[test]
    fn each_criterion_says_where_the_coach_is_in_numbers() {
        let evidence = Evidence {
            trained_on: None,
            hours: 12.0,
            // Session means 3.2 and 2.6: mean 2.9, under 3.0.
            observation_means: vec![3.2, 2.6],
            ratings: vec![5, 4, 3],
        };
        let got = criteria(&certified_level(), &evidence);
        let reasons: Vec<(&str, bool)> = got.iter().map(|c| (c.reason.as_str(), c.met)).collect();
        assert_eq!(
            reasons,
            vec![
                ("No coach training recorded yet", false),
                ("12 of 20 hours logged", false),
                ("2 sessions observed (2 needed)", true),
                ("2.9 of 4 over 2 sessions, below 3.0", false),
                ("3 of 5 coachee ratings", false),
                // (5 + 4 + 3) / 3 = 4.0 exactly: met.
                ("4.0 of 5 over 3 ratings (at least 4.0)", true),
            ]
        );
        assert_eq!(got[1].value, 12.0);
        assert_eq!(got[1].required, 20.0);
    }

    #[test]
    fn a_figure_just_short_of_its_threshold_never_reads_as_reaching_it() {
        let mut evidence = Evidence {
            trained_on: Some(day("2027-01-04")),
            // 1,198 minutes.
            hours: 1198.0 / 60.0,
            observation_means: vec![3.0, 2.99],
            ratings: vec![4; 5],
        };
        let got = criteria(&certified_level(), &evidence);
        assert_eq!(got[0].reason, "Completed on 4 Jan 2027");
        assert_eq!(got[1].reason, "19.9 of 20 hours logged");
        assert!(!got[1].met);
        // (3.0 + 2.99) / 2 = 2.995.
        assert_eq!(got[3].reason, "2.99 of 4 over 2 sessions, below 3.0");
        evidence.hours = 20.0;
        let got = criteria(&certified_level(), &evidence);
        assert_eq!(got[1].reason, "20 hours logged (20 needed)");
        assert!(got[1].met);
    }

    #[test]
    fn nothing_recorded_reads_as_such() {
        let got = criteria(&certified_level(), &Evidence::default());
        assert!(got.iter().all(|c| !c.met));
        assert_eq!(
            got[3].reason,
            "No session scored yet (a mean of at least 3.0 of 4 needed)"
        );
        assert_eq!(
            got[5].reason,
            "No ratings yet (a mean of at least 4.0 of 5 needed)"
        );
    }

    #[test]
    fn criteria_a_level_does_not_ask_for_are_left_out() {
        let level = LevelCriteria {
            level: CoachLevel::Associate,
            training: false,
            hours: 0.0,
            observations: 1,
            min_observation_mean: 2.5,
            feedback_count: 0,
            min_feedback_mean: 0.0,
        };
        let keys: Vec<CriterionKey> = criteria(&level, &Evidence::default())
            .iter()
            .map(|c| c.key)
            .collect();
        assert_eq!(
            keys,
            vec![CriterionKey::Observations, CriterionKey::ObservationScore]
        );
    }

    #[test]
    fn a_certification_runs_its_months_less_a_day_and_stops_counting_after() {
        assert_eq!(valid_until(day("2027-01-12"), 24), day("2029-01-11"));
        // The end of a longer month clamps to the shorter one's last day, less a day.
        assert_eq!(valid_until(day("2027-08-31"), 6), day("2028-02-28"));
        let c = certification(CoachLevel::Certified, "2027-01-12", "2029-01-11");
        assert!(!is_valid(&c, day("2027-01-11")));
        assert!(is_valid(&c, day("2027-01-12")));
        assert!(is_valid(&c, day("2029-01-11")));
        assert!(!is_valid(&c, day("2029-01-12")));
        let mut revoked = c.clone();
        revoked.revoked_on = Some(day("2028-03-01"));
        assert!(is_valid(&revoked, day("2028-02-29")));
        assert!(!is_valid(&revoked, day("2028-03-01")));
    }

    #[test]
    fn the_current_certification_is_the_highest_valid_level() {
        let certs = vec![
            certification(CoachLevel::Associate, "2026-01-05", "2028-01-04"),
            certification(CoachLevel::Certified, "2026-09-01", "2028-08-31"),
        ];
        assert_eq!(
            current(&certs, day("2027-01-01")).map(|c| c.level),
            Some(CoachLevel::Certified)
        );
        assert_eq!(
            current(&certs, day("2026-06-01")).map(|c| c.level),
            Some(CoachLevel::Associate)
        );
        assert!(current(&certs, day("2028-09-01")).is_none());
        assert_eq!(
            status(false, &certs, &Evidence::default(), day("2028-09-01")),
            CoachStatus::Expired
        );
        assert_eq!(
            status(true, &certs, &Evidence::default(), day("2027-01-01")),
            CoachStatus::Withdrawn
        );
    }

    #[test]
    fn expiring_soon_is_within_ninety_days() {
        assert!(expiring_soon(day("2027-04-01"), day("2027-01-01")));
        assert!(!expiring_soon(day("2027-04-02"), day("2027-01-01")));
    }

    #[test]
    fn certifying_is_blocked_by_each_unmet_criterion_then_by_a_certification_not_yet_due() {
        let unmet = criteria(&certified_level(), &Evidence::default());
        let reason = blocked(CoachLevel::Certified, &unmet, &[], 90, day("2027-01-01"));
        assert_eq!(
            reason.as_deref(),
            Some(
                "Not yet met: No coach training recorded yet; 0 of 20 hours logged; 0 of 2 \
                 sessions observed; No session scored yet (a mean of at least 3.0 of 4 needed); \
                 0 of 5 coachee ratings; No ratings yet (a mean of at least 4.0 of 5 needed)"
            )
        );
        let held = vec![certification(
            CoachLevel::Certified,
            "2027-01-12",
            "2029-01-11",
        )];
        assert_eq!(
            blocked(CoachLevel::Certified, &[], &held, 90, day("2028-01-01")).as_deref(),
            Some("Already certified coach until 11 Jan 2029; recertification opens on 13 Oct 2028")
        );
        // 11 Jan 2029 less 90 days is 13 Oct 2028: from then a renewal may go ahead.
        assert!(blocked(CoachLevel::Certified, &[], &held, 90, day("2028-10-13")).is_none());
        assert_eq!(
            blocked(CoachLevel::Associate, &[], &held, 90, day("2028-01-01")).as_deref(),
            Some("Already certified coach until 11 Jan 2029, a higher level")
        );
        // An expired certification blocks nothing.
        assert!(blocked(CoachLevel::Certified, &[], &held, 90, day("2029-02-01")).is_none());
    }
}
