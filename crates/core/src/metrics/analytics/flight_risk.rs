//! Cohort-level flight-risk signals: how many of each arm's people left, and how many moved
//! team or manager, over a window. Only whole arms are counted; an arm under the privacy
//! floor shows nothing, and then neither does the difference.

use chrono::NaiveDate;

use crate::model::analytics::{
    ArmRisk, ArmRiskFigures, FlightRisk, RateDifference, RiskDifference, RiskFigure,
};
use crate::model::Arm;

/// Someone in a cohort manager's team on the day the pilot started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonAtStart {
    pub arm: Arm,
    /// Their last day with the organisation, if they have left or given notice.
    pub left_on: Option<NaiveDate>,
    /// The days their team or manager changed after the start.
    pub moved_on: Vec<NaiveDate>,
}

/// Leavers and internal moves per arm over `window` (both ends included), with the
/// difference pilot − comparison. People who had left before the window opened are not
/// counted at all; a person who moved more than once is one mover.
pub fn flight_risk(
    people: &[PersonAtStart],
    window: (NaiveDate, NaiveDate),
    floor: u32,
) -> FlightRisk {
    let (start, end) = window;
    let days = ((end - start).num_days() + 1).max(1) as u32;
    let within = |day: NaiveDate| start <= day && day <= end;
    let arm = |arm: Arm| {
        let present: Vec<&PersonAtStart> = people
            .iter()
            .filter(|p| p.arm == arm && p.left_on.is_none_or(|left| left >= start))
            .collect();
        let headcount = present.len() as u32;
        let leavers = present
            .iter()
            .filter(|p| p.left_on.is_some_and(within))
            .count() as u32;
        let movers = present
            .iter()
            .filter(|p| p.moved_on.iter().any(|&day| within(day)))
            .count() as u32;
        (
            arm_risk(arm, headcount, leavers, movers, days, floor),
            headcount == 0,
        )
    };
    let (pilot, pilot_empty) = arm(Arm::Pilot);
    let (comparison, comparison_empty) = arm(Arm::Comparison);
    let difference = match (&pilot.figures, &comparison.figures) {
        (Some(p), Some(c)) => Some(RiskDifference {
            leavers: difference_of(&p.leavers, &c.leavers),
            moves: difference_of(&p.moves, &c.moves),
        }),
        _ => None,
    };
    let summary = summary(
        (&pilot, pilot_empty),
        (&comparison, comparison_empty),
        window,
        days,
        floor,
    );
    FlightRisk {
        window_start: start,
        window_end: end,
        days,
        floor,
        pilot,
        comparison,
        difference,
        summary,
    }
}

fn arm_risk(arm: Arm, headcount: u32, leavers: u32, movers: u32, days: u32, floor: u32) -> ArmRisk {
    let note = if headcount == 0 {
        Some(match arm {
            Arm::Pilot => "no people in the pilot group".to_string(),
            Arm::Comparison => "no comparison group".to_string(),
        })
    } else if headcount < floor {
        Some(format!("fewer than {floor} people: not shown"))
    } else {
        None
    };
    let figure = |count: u32| {
        let rate = f64::from(count) / f64::from(headcount);
        RiskFigure {
            count,
            rate,
            annualised_rate: rate * 365.0 / f64::from(days),
        }
    };
    ArmRisk {
        arm,
        figures: note.is_none().then(|| ArmRiskFigures {
            headcount,
            leavers: figure(leavers),
            moves: figure(movers),
        }),
        note,
    }
}

fn difference_of(pilot: &RiskFigure, comparison: &RiskFigure) -> RateDifference {
    RateDifference {
        rate: pilot.rate - comparison.rate,
        annualised_rate: pilot.annualised_rate - comparison.annualised_rate,
    }
}

/// A share as a percentage with two significant digits at least: 0.0226 is "2.3%", 0.0004
/// is "0.040%", never "0.0%".
pub fn percent(rate: f64) -> String {
    let value = rate * 100.0;
    if value == 0.0 {
        return "0%".into();
    }
    let decimals = (1 - value.abs().log10().floor() as i32).clamp(1, 6) as usize;
    format!("{value:.decimals$}%")
}

/// One sentence; an arm that is not shown is described only as empty or under the floor,
/// never by its size.
fn summary(
    (pilot, pilot_empty): (&ArmRisk, bool),
    (comparison, comparison_empty): (&ArmRisk, bool),
    (start, end): (NaiveDate, NaiveDate),
    days: u32,
    floor: u32,
) -> String {
    let period = format!(
        "From {} to {} ({days} day{})",
        crate::packs::dates::long_date(start),
        crate::packs::dates::long_date(end),
        if days == 1 { "" } else { "s" }
    );
    let rates = |figures: &ArmRiskFigures, group: &str| {
        format!(
            "{} of the {group} group left and {} moved team or manager",
            percent(figures.leavers.rate),
            percent(figures.moves.rate)
        )
    };
    match (&pilot.figures, &comparison.figures) {
        (Some(p), Some(c)) => format!(
            "{period}, {} of the pilot group left against {} of the comparison group, and {} \
             moved team or manager against {}.",
            percent(p.leavers.rate),
            percent(c.leavers.rate),
            percent(p.moves.rate),
            percent(c.moves.rate)
        ),
        (Some(p), None) if comparison_empty => format!(
            "{period}, {}; there is no comparison group to set that against.",
            rates(p, "pilot")
        ),
        (Some(p), None) => format!(
            "{period}, {}; the comparison group has fewer than {floor} people, so it is not \
             shown and there is nothing to set that against.",
            rates(p, "pilot")
        ),
        (None, Some(c)) => format!(
            "{period}, {}; the pilot group has fewer than {floor} people, so it is not shown.",
            rates(c, "comparison")
        ),
        (None, None) if pilot_empty && comparison_empty => {
            "No flight-risk figures: no one was in the cohort's teams at the start.".into()
        }
        (None, None) => {
            format!("No flight-risk figures are shown: each group needs at least {floor} people.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn people(arm: Arm, count: usize) -> Vec<PersonAtStart> {
        (0..count)
            .map(|_| PersonAtStart {
                arm,
                left_on: None,
                moved_on: Vec::new(),
            })
            .collect()
    }

    const WINDOW: (&str, &str) = ("2026-01-01", "2026-03-31");

    fn window() -> (NaiveDate, NaiveDate) {
        (day(WINDOW.0), day(WINDOW.1))
    }

    #[test]
    fn counts_rates_annualised_rates_and_the_difference_by_hand() {
        // Pilot: 20 people; 2 leave in the window (one on its first day, one on its last),
        // 1 left after it, 3 moved (one of them twice), 1 moved only after the window.
        let mut cohort = people(Arm::Pilot, 20);
        cohort[0].left_on = Some(day("2026-01-01"));
        cohort[1].left_on = Some(day("2026-03-31"));
        cohort[2].left_on = Some(day("2026-04-01"));
        cohort[3].moved_on = vec![day("2026-02-01"), day("2026-03-01")];
        cohort[4].moved_on = vec![day("2026-01-15")];
        cohort[5].moved_on = vec![day("2026-03-31")];
        cohort[6].moved_on = vec![day("2026-05-01")];
        // Comparison: 10 people, plus one who had left before the window (not counted);
        // 1 leaver, no moves.
        let mut comparison = people(Arm::Comparison, 11);
        comparison[0].left_on = Some(day("2026-02-10"));
        comparison[1].left_on = Some(day("2025-12-31"));
        cohort.extend(comparison);

        let risk = flight_risk(&cohort, window(), 5);
        // 1 Jan to 31 Mar 2026: 31 + 28 + 31 = 90 days.
        assert_eq!(risk.days, 90);
        let pilot = risk.pilot.figures.unwrap();
        assert_eq!(pilot.headcount, 20);
        assert_eq!(pilot.leavers.count, 2);
        assert!((pilot.leavers.rate - 0.10).abs() < 1e-12);
        // 0.10 × 365 / 90 = 0.405555…
        assert!((pilot.leavers.annualised_rate - 0.405_555_555_555_555_5).abs() < 1e-12);
        assert_eq!(pilot.moves.count, 3);
        assert!((pilot.moves.rate - 0.15).abs() < 1e-12);
        let other = risk.comparison.figures.unwrap();
        assert_eq!(other.headcount, 10);
        assert_eq!((other.leavers.count, other.moves.count), (1, 0));
        assert!((other.leavers.rate - 0.10).abs() < 1e-12);
        let difference = risk.difference.unwrap();
        assert!(difference.leavers.rate.abs() < 1e-12);
        assert!((difference.moves.rate - 0.15).abs() < 1e-12);
        // 0.15 × 365 / 90 = 0.608333…
        assert!((difference.moves.annualised_rate - 0.608_333_333_333_333_3).abs() < 1e-12);
        assert_eq!(
            risk.summary,
            "From 1 Jan 2026 to 31 Mar 2026 (90 days), 10.0% of the pilot group left against \
             10.0% of the comparison group, and 15.0% moved team or manager against 0%."
        );
    }

    #[test]
    fn an_arm_under_the_floor_shows_only_a_note_and_hides_the_difference() {
        let mut cohort = people(Arm::Pilot, 6);
        cohort[0].left_on = Some(day("2026-02-01"));
        let mut small = people(Arm::Comparison, 4);
        small[0].left_on = Some(day("2026-02-01"));
        cohort.extend(small);
        let risk = flight_risk(&cohort, window(), 5);
        assert!(risk.pilot.figures.is_some());
        assert_eq!(risk.comparison.figures, None);
        assert_eq!(
            risk.comparison.note.as_deref(),
            Some("fewer than 5 people: not shown")
        );
        assert_eq!(risk.difference, None);
        assert!(!risk.summary.contains('4'), "{}", risk.summary);
        assert_eq!(
            risk.summary,
            "From 1 Jan 2026 to 31 Mar 2026 (90 days), 16.7% of the pilot group left and 0% \
             moved team or manager; the comparison group has fewer than 5 people, so it is not \
             shown and there is nothing to set that against."
        );
        let json = serde_json::to_string(&risk.comparison).unwrap();
        assert_eq!(
            json,
            r#"{"arm":"comparison","figures":null,"note":"fewer than 5 people: not shown"}"#
        );

        let both_small = flight_risk(&people(Arm::Pilot, 3), window(), 5);
        assert_eq!(
            (both_small.pilot.figures, both_small.difference),
            (None, None)
        );
        assert_eq!(
            both_small.comparison.note.as_deref(),
            Some("no comparison group")
        );
        assert_eq!(
            both_small.summary,
            "No flight-risk figures are shown: each group needs at least 5 people."
        );
        let at_the_floor = flight_risk(&people(Arm::Pilot, 5), window(), 5);
        assert_eq!(at_the_floor.pilot.figures.map(|f| f.headcount), Some(5));
        assert!(
            at_the_floor
                .summary
                .ends_with("; there is no comparison group to set that against."),
            "{}",
            at_the_floor.summary
        );
        let nobody = flight_risk(&[], window(), 5);
        assert_eq!(
            nobody.summary,
            "No flight-risk figures: no one was in the cohort's teams at the start."
        );
    }

    #[test]
    fn small_rates_keep_their_digits() {
        assert_eq!(percent(0.0226), "2.3%");
        assert_eq!(percent(0.000_226), "0.023%");
        assert_eq!(percent(0.0004), "0.040%");
        assert_eq!(percent(0.15), "15.0%");
        assert_eq!(percent(-0.031), "-3.1%");
        assert_eq!(percent(0.0), "0%");
        let mut cohort = people(Arm::Pilot, 2000);
        cohort[0].left_on = Some(day("2026-03-01"));
        let risk = flight_risk(&cohort, window(), 5);
        assert!(
            risk.summary.contains("0.050% of the pilot group left"),
            "{}",
            risk.summary
        );
    }
}
