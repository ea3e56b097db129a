//! The balance table: how alike the pilot and comparison groups were before the pilot, on
//! team size, tenure, the baseline KPI and the role mix, each with its standardised
//! difference. It replaces the roster in packs (DESIGN.md, "What a pack looks like"): a reader
//! judges the comparison from a dozen rows at any scale, and no row speaks for fewer people
//! than the privacy floor.

use std::collections::BTreeMap;

use crate::model::{Arm, BalanceFlag, BalanceRow, BalanceTable};

use super::precision::{compact as number, percent};
use super::privacy::hidden_cells;

/// What the balance table needs to know about one team.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamFacts {
    pub arm: Arm,
    pub size: u32,
    /// People per role; may cover fewer people than `size` when roles are missing.
    pub roles: BTreeMap<String, u32>,
    /// One value per person whose hire date is known.
    pub tenure_years: Vec<f64>,
    /// The team's mean KPI value over the baseline window, when it has observations.
    pub baseline: Option<f64>,
}

/// Beyond this, a difference is worth a look; beyond `IMBALANCED_ABOVE`, the groups differ
/// enough to doubt the comparison (the usual rules of thumb for standardised differences).
const CHECK_ABOVE: f64 = 0.1;
const IMBALANCED_ABOVE: f64 = 0.25;
/// Roles named in their own row; the rest are one "Other roles" row, so the table stays short.
const NAMED_ROLES: usize = 5;
const HIDDEN: &str = "hidden";
const ABSENT: &str = "—";

/// (m_p − m_c) / sqrt((s_p² + s_c²) / 2): a difference in means in units of the groups'
/// spread, comparable across characteristics and independent of group size. None with fewer
/// than two values on either side (no spread), or when both spreads are zero and the means
/// differ (no finite answer); zero when neither side varies and the means agree.
pub fn standardised_mean_difference(pilot: &[f64], comparison: &[f64]) -> Option<f64> {
    let (pilot_mean, pilot_variance) = mean_and_variance(pilot)?;
    let (comparison_mean, comparison_variance) = mean_and_variance(comparison)?;
    standardise(
        pilot_mean - comparison_mean,
        ((pilot_variance + comparison_variance) / 2.0).sqrt(),
    )
}

/// (p1 − p2) / sqrt((p1(1 − p1) + p2(1 − p2)) / 2): the same idea for shares, so role mix
/// rows read on the same scale as the means. None for a share outside 0..=1, or when both
/// shares are 0 or 1 and differ.
pub fn standardised_proportion_difference(p_pilot: f64, p_comparison: f64) -> Option<f64> {
    let valid = |p: f64| (0.0..=1.0).contains(&p);
    if !valid(p_pilot) || !valid(p_comparison) {
        return None;
    }
    let spread = ((p_pilot * (1.0 - p_pilot) + p_comparison * (1.0 - p_comparison)) / 2.0).sqrt();
    standardise(p_pilot - p_comparison, spread)
}

/// The balance table of a pilot's teams. `kpi_label` and `unit` name the baseline row;
/// `floor` is the minimum group size: an arm with fewer people shows no figures at all, and
/// no row shows a figure about fewer people.
pub fn balance(teams: &[TeamFacts], kpi_label: &str, unit: &str, floor: u32) -> BalanceTable {
    let pilot = ArmFacts::of(teams, Arm::Pilot, floor);
    let comparison = ArmFacts::of(teams, Arm::Comparison, floor);
    let mut notes = vec![format!(
        "Team size and the baseline compare teams; tenure and role shares compare people. The \
         standardised difference is pilot minus comparison in pooled standard deviations: \
         beyond {} either way is marked check, beyond {} imbalanced.",
        number(CHECK_ABOVE),
        number(IMBALANCED_ABOVE)
    )];
    for arm in [&pilot, &comparison] {
        match arm.standing {
            Standing::Absent => notes.push(format!(
                "There are no {} teams, so nothing can be compared.",
                arm.name
            )),
            Standing::UnderFloor => notes.push(format!(
                "The {} group has fewer than {floor} people, so none of its figures are shown \
                 (privacy floor).",
                arm.name
            )),
            Standing::Shown => {}
        }
    }

    let mut rows = vec![
        count_row("Teams", &pilot, &comparison, |arm| arm.teams.len()),
        count_row("People", &pilot, &comparison, |arm| arm.people as usize),
        mean_row(
            "Team size, mean (SD)",
            pilot.values(floor, |arm| arm.team_sizes()),
            comparison.values(floor, |arm| arm.team_sizes()),
        ),
        mean_row(
            "Tenure in years, mean (SD)",
            pilot.values(floor, |arm| arm.tenures()),
            comparison.values(floor, |arm| arm.tenures()),
        ),
        mean_row(
            &baseline_label(kpi_label, unit),
            pilot.values(floor, |arm| arm.baselines()),
            comparison.values(floor, |arm| arm.baselines()),
        ),
    ];
    let (role_rows, roles_hidden) = role_rows(&pilot, &comparison, floor);
    rows.extend(role_rows);

    let row_hidden = rows.iter().any(|row| {
        (pilot.standing == Standing::Shown && row.pilot_text == HIDDEN)
            || (comparison.standing == Standing::Shown && row.comparison_text == HIDDEN)
    });
    if row_hidden || roles_hidden {
        notes.push(format!(
            "Figures about fewer than {floor} people are hidden, together with enough others \
             that no total reveals them (privacy floor)."
        ));
    }
    if [&pilot, &comparison]
        .iter()
        .any(|arm| arm.standing == Standing::Shown && arm.known_roles() < arm.people)
    {
        notes.push(
            "Role shares are of the people whose role is recorded; some people have none.".into(),
        );
    }
    if [&pilot, &comparison]
        .iter()
        .any(|arm| arm.standing == Standing::Shown && arm.teams.len() == 1)
    {
        notes.push(
            "With a single team in a group, team-level rows have no spread and no \
             standardised difference."
                .into(),
        );
    }

    BalanceTable {
        kpi_label: kpi_label.into(),
        unit: unit.into(),
        floor,
        rows,
        notes,
    }
}

/// Whether an arm's figures can be shown at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Shown,
    /// Fewer people than the floor: nothing about the arm is shown, not even its size.
    UnderFloor,
    /// No teams or nobody in them.
    Absent,
}

struct ArmFacts<'a> {
    name: &'static str,
    teams: Vec<&'a TeamFacts>,
    people: u32,
    standing: Standing,
}

impl<'a> ArmFacts<'a> {
    fn of(teams: &'a [TeamFacts], arm: Arm, floor: u32) -> ArmFacts<'a> {
        let teams: Vec<&TeamFacts> = teams.iter().filter(|t| t.arm == arm).collect();
        let people = teams
            .iter()
            .fold(0u32, |total, t| total.saturating_add(t.size));
        let standing = if people == 0 {
            Standing::Absent
        } else if people < floor {
            Standing::UnderFloor
        } else {
            Standing::Shown
        };
        ArmFacts {
            name: match arm {
                Arm::Pilot => "pilot",
                Arm::Comparison => "comparison",
            },
            teams,
            people,
            standing,
        }
    }

    /// A characteristic's values, or why there are none. `values` returns the values and the
    /// number of people behind them, which must reach the floor on its own.
    fn values(&self, floor: u32, values: impl Fn(&Self) -> (Vec<f64>, u32)) -> Side {
        match self.standing {
            Standing::Absent => Side::Absent,
            Standing::UnderFloor => Side::Hidden,
            Standing::Shown => {
                let (values, people) = values(self);
                if values.is_empty() {
                    Side::Absent
                } else if people < floor {
                    Side::Hidden
                } else {
                    Side::Values(values)
                }
            }
        }
    }

    fn team_sizes(&self) -> (Vec<f64>, u32) {
        let sizes = self.teams.iter().map(|t| f64::from(t.size)).collect();
        (sizes, self.people)
    }

    fn tenures(&self) -> (Vec<f64>, u32) {
        let tenures: Vec<f64> = self
            .teams
            .iter()
            .flat_map(|t| t.tenure_years.iter().copied())
            .filter(|years| years.is_finite())
            .collect();
        let people = u32::try_from(tenures.len()).unwrap_or(u32::MAX);
        (tenures, people)
    }

    fn baselines(&self) -> (Vec<f64>, u32) {
        let with_baseline = self
            .teams
            .iter()
            .filter_map(|t| t.baseline.filter(|b| b.is_finite()).map(|b| (b, t.size)));
        let mut people = 0u32;
        let mut baselines = Vec::new();
        for (baseline, size) in with_baseline {
            baselines.push(baseline);
            people = people.saturating_add(size);
        }
        (baselines, people)
    }

    fn role_counts(&self) -> BTreeMap<&'a str, u32> {
        let mut counts = BTreeMap::new();
        for team in &self.teams {
            for (role, &count) in &team.roles {
                let entry = counts.entry(role.as_str()).or_insert(0u32);
                *entry = entry.saturating_add(count);
            }
        }
        counts
    }

    fn known_roles(&self) -> u32 {
        self.role_counts()
            .values()
            .fold(0u32, |total, &count| total.saturating_add(count))
    }
}

/// One arm's side of a row.
enum Side {
    Values(Vec<f64>),
    Hidden,
    Absent,
}

fn count_row(
    label: &str,
    pilot: &ArmFacts,
    comparison: &ArmFacts,
    count: impl Fn(&ArmFacts) -> usize,
) -> BalanceRow {
    let side = |arm: &ArmFacts| match arm.standing {
        Standing::Shown => {
            let value = count(arm) as f64;
            (Some(value), number(value))
        }
        Standing::UnderFloor => (None, HIDDEN.to_string()),
        Standing::Absent => (Some(0.0), "0".to_string()),
    };
    let (pilot_value, pilot_text) = side(pilot);
    let (comparison_value, comparison_text) = side(comparison);
    BalanceRow {
        label: label.into(),
        pilot: pilot_value,
        pilot_spread: None,
        comparison: comparison_value,
        comparison_spread: None,
        pilot_text,
        comparison_text,
        difference: None,
        flag: None,
    }
}

fn mean_row(label: &str, pilot: Side, comparison: Side) -> BalanceRow {
    let summary = |side: &Side| match side {
        Side::Values(values) => {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            let spread = mean_and_variance(values).map(|(_, variance)| variance.sqrt());
            let text = match spread {
                Some(spread) => format!("{} ({})", number(mean), number(spread)),
                None => number(mean),
            };
            (Some(mean), spread, text)
        }
        Side::Hidden => (None, None, HIDDEN.to_string()),
        Side::Absent => (None, None, ABSENT.to_string()),
    };
    let (pilot_mean, pilot_spread, pilot_text) = summary(&pilot);
    let (comparison_mean, comparison_spread, comparison_text) = summary(&comparison);
    let (difference, flag) = match (&pilot, &comparison) {
        (Side::Values(p), Side::Values(c)) => {
            let difference = standardised_mean_difference(p, c);
            let without_spread = pilot_spread == Some(0.0) && comparison_spread == Some(0.0);
            (
                difference,
                flag_of(difference, without_spread && pilot_mean != comparison_mean),
            )
        }
        _ => (None, None),
    };
    BalanceRow {
        label: label.into(),
        pilot: pilot_mean,
        pilot_spread,
        comparison: comparison_mean,
        comparison_spread,
        pilot_text,
        comparison_text,
        difference,
        flag,
    }
}

/// The share of each of the most common roles, then the rest. Within each arm the role counts
/// are one breakdown of its people, so the privacy floor and its complementary suppression
/// apply to them. Returns the rows and whether any share was hidden.
fn role_rows(pilot: &ArmFacts, comparison: &ArmFacts, floor: u32) -> (Vec<BalanceRow>, bool) {
    let shown_arms: Vec<&ArmFacts> = [pilot, comparison]
        .into_iter()
        .filter(|arm| arm.standing == Standing::Shown)
        .collect();
    // Only arms that are shown choose the rows, so a role held only in a hidden arm is not
    // revealed by its name.
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    for arm in &shown_arms {
        for (role, count) in arm.role_counts() {
            let entry = totals.entry(role).or_insert(0);
            *entry = entry.saturating_add(count);
        }
    }
    let mut by_size: Vec<(&str, u32)> = totals.into_iter().collect();
    by_size.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // An "Other roles" row holding a single role would hide a name for nothing.
    let named_count = if by_size.len() <= NAMED_ROLES + 1 {
        by_size.len()
    } else {
        NAMED_ROLES
    };
    let named: Vec<&str> = by_size[..named_count].iter().map(|(r, _)| *r).collect();
    let has_other = by_size.len() > named_count;
    let mut labels: Vec<String> = named.iter().map(|r| format!("Role: {r}")).collect();
    if has_other {
        labels.push("Other roles".into());
    }

    let mut any_hidden = false;
    let mut shares_of = |arm: &ArmFacts| -> Vec<(Option<f64>, String)> {
        match arm.standing {
            Standing::Absent => return vec![(None, ABSENT.to_string()); labels.len()],
            Standing::UnderFloor => return vec![(None, HIDDEN.to_string()); labels.len()],
            Standing::Shown => {}
        }
        let counts = arm.role_counts();
        let mut cells: Vec<u32> = named
            .iter()
            .map(|role| counts.get(role).copied().unwrap_or(0))
            .collect();
        if has_other {
            let other = counts
                .iter()
                .filter(|(role, _)| !named.contains(role))
                .fold(0u32, |total, (_, &count)| total.saturating_add(count));
            cells.push(other);
        }
        let known = cells.iter().fold(0u32, |t, &c| t.saturating_add(c));
        let hidden = hidden_cells(&cells, floor);
        any_hidden |= hidden.iter().any(|&h| h);
        cells
            .iter()
            .zip(hidden)
            .map(|(&count, hidden)| {
                if hidden {
                    (None, HIDDEN.to_string())
                } else if known == 0 {
                    (None, ABSENT.to_string())
                } else {
                    let share = f64::from(count) / f64::from(known);
                    (Some(share), percent(share))
                }
            })
            .collect()
    };
    let pilot_shares = shares_of(pilot);
    let comparison_shares = shares_of(comparison);

    let rows = labels
        .into_iter()
        .zip(pilot_shares.into_iter().zip(comparison_shares))
        .map(|(label, ((p, p_text), (c, c_text)))| {
            let difference = match (p, c) {
                (Some(p), Some(c)) => standardised_proportion_difference(p, c),
                _ => None,
            };
            let without_spread = matches!((p, c), (Some(p), Some(c)) if p != c);
            BalanceRow {
                label,
                pilot: p,
                pilot_spread: None,
                comparison: c,
                comparison_spread: None,
                pilot_text: p_text,
                comparison_text: c_text,
                difference,
                flag: flag_of(difference, difference.is_none() && without_spread),
            }
        })
        .collect();
    (rows, any_hidden)
}

fn baseline_label(kpi_label: &str, unit: &str) -> String {
    match unit.trim() {
        "" => format!("Baseline {kpi_label}, mean of teams (SD)"),
        unit => format!("Baseline {kpi_label} ({unit}), mean of teams (SD)"),
    }
}

/// The flag for a standardised difference. `differ_without_spread`: the groups differ but
/// neither varies, so the difference cannot be standardised yet is as large as it gets.
fn flag_of(difference: Option<f64>, differ_without_spread: bool) -> Option<BalanceFlag> {
    match difference {
        Some(d) if d.abs() > IMBALANCED_ABOVE => Some(BalanceFlag::Imbalanced),
        Some(d) if d.abs() > CHECK_ABOVE => Some(BalanceFlag::Check),
        Some(_) => Some(BalanceFlag::Balanced),
        None if differ_without_spread => Some(BalanceFlag::Imbalanced),
        None => None,
    }
}

/// A difference over a spread, or the reason it has no finite value (see the callers).
fn standardise(difference: f64, spread: f64) -> Option<f64> {
    if !difference.is_finite() || !spread.is_finite() {
        None
    } else if spread > 0.0 {
        Some(difference / spread)
    } else if difference == 0.0 {
        Some(0.0)
    } else {
        None
    }
}

/// The mean and the sample variance (n − 1); None with fewer than two values.
fn mean_and_variance(values: &[f64]) -> Option<(f64, f64)> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    Some((mean, variance))
}

#[cfg(test)]
mod tests {
    use super::{
        balance, flag_of, standardised_mean_difference, standardised_proportion_difference,
        TeamFacts,
    };
    use crate::model::{Arm, BalanceFlag, BalanceRow, BalanceTable};

    const FLOOR: u32 = 5;

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a figure");
        assert!(
            (actual - expected).abs() < 1e-12,
            "{actual} is not {expected}"
        );
    }

    fn team(arm: Arm, roles: &[(&str, u32)], tenure: &[f64], baseline: Option<f64>) -> TeamFacts {
        TeamFacts {
            arm,
            size: roles.iter().map(|(_, n)| n).sum(),
            roles: roles.iter().map(|(r, n)| (r.to_string(), *n)).collect(),
            tenure_years: tenure.to_vec(),
            baseline,
        }
    }

    fn row<'a>(table: &'a BalanceTable, label: &str) -> &'a BalanceRow {
        table
            .rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("no row {label}: {:?}", table.rows))
    }

    /// Pilot teams of 8, 10 and 12; comparison teams of 6, 8 and 10.
    fn two_arms() -> Vec<TeamFacts> {
        vec![
            team(
                Arm::Pilot,
                &[("Account executive", 6), ("Sales development", 2)],
                &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                Some(40.0),
            ),
            team(
                Arm::Pilot,
                &[("Account executive", 7), ("Sales development", 3)],
                &[2.0; 10],
                Some(44.0),
            ),
            team(
                Arm::Pilot,
                &[("Account executive", 8), ("Sales development", 4)],
                &[3.0; 12],
                Some(48.0),
            ),
            team(
                Arm::Comparison,
                &[("Account executive", 3), ("Sales development", 3)],
                &[2.0; 6],
                Some(38.0),
            ),
            team(
                Arm::Comparison,
                &[("Account executive", 5), ("Sales development", 3)],
                &[2.5; 8],
                Some(44.0),
            ),
            team(
                Arm::Comparison,
                &[("Account executive", 6), ("Sales development", 4)],
                &[3.0; 10],
                Some(50.0),
            ),
        ]
    }

    #[test]
    fn mean_difference_by_hand() {
        // Means 10 and 8, both sample variances 4: d = 2 / sqrt((4 + 4) / 2) = 1.
        close(
            standardised_mean_difference(&[8.0, 10.0, 12.0], &[6.0, 8.0, 10.0]),
            1.0,
        );
        // Means 2.5 and 3.5, variances 5/3 each: d = −1 / sqrt(5/3).
        close(
            standardised_mean_difference(&[1.0, 2.0, 3.0, 4.0], &[2.0, 3.0, 4.0, 5.0]),
            -1.0 / (5.0f64 / 3.0).sqrt(),
        );
    }

    #[test]
    fn mean_difference_needs_a_spread() {
        assert_eq!(standardised_mean_difference(&[8.0], &[6.0, 8.0]), None);
        assert_eq!(standardised_mean_difference(&[], &[]), None);
        assert_eq!(standardised_mean_difference(&[5.0, 5.0], &[7.0, 7.0]), None);
        assert_eq!(
            standardised_mean_difference(&[5.0, 5.0], &[5.0, 5.0]),
            Some(0.0)
        );
    }

    #[test]
    fn proportion_difference_by_hand() {
        // (0.5 − 0.3) / sqrt((0.25 + 0.21) / 2) = 0.2 / sqrt(0.23).
        close(
            standardised_proportion_difference(0.5, 0.3),
            0.2 / 0.23f64.sqrt(),
        );
        assert_eq!(standardised_proportion_difference(1.2, 0.3), None);
        assert_eq!(standardised_proportion_difference(0.0, 1.0), None);
        assert_eq!(standardised_proportion_difference(1.0, 1.0), Some(0.0));
    }

    #[test]
    fn flags_follow_the_thresholds() {
        assert_eq!(flag_of(Some(0.1), false), Some(BalanceFlag::Balanced));
        assert_eq!(flag_of(Some(-0.11), false), Some(BalanceFlag::Check));
        assert_eq!(flag_of(Some(0.25), false), Some(BalanceFlag::Check));
        assert_eq!(flag_of(Some(-0.26), false), Some(BalanceFlag::Imbalanced));
        assert_eq!(flag_of(None, true), Some(BalanceFlag::Imbalanced));
        assert_eq!(flag_of(None, false), None);
    }

    #[test]
    fn the_table_compares_the_arms_row_by_row() {
        let table = balance(&two_arms(), "win rate", "%", FLOOR);
        let teams = row(&table, "Teams");
        assert_eq!((teams.pilot, teams.comparison), (Some(3.0), Some(3.0)));
        let people = row(&table, "People");
        assert_eq!((people.pilot, people.comparison), (Some(30.0), Some(24.0)));

        let size = row(&table, "Team size, mean (SD)");
        assert_eq!((size.pilot, size.comparison), (Some(10.0), Some(8.0)));
        assert_eq!(
            (size.pilot_spread, size.comparison_spread),
            (Some(2.0), Some(2.0))
        );
        assert_eq!(size.pilot_text, "10 (2)");
        close(size.difference, 1.0);
        assert_eq!(size.flag, Some(BalanceFlag::Imbalanced));

        // Baselines 40, 44, 48 (mean 44, variance 16) against 38, 44, 50 (mean 44,
        // variance 36): d = 0.
        let baseline = row(&table, "Baseline win rate (%), mean of teams (SD)");
        close(baseline.difference, 0.0);
        assert_eq!(baseline.flag, Some(BalanceFlag::Balanced));

        // Account executives: 21 of 30 (0.7) against 14 of 24; sales development 9 of 30
        // (0.3) against 10 of 24.
        let executives = row(&table, "Role: Account executive");
        close(executives.pilot, 0.7);
        close(executives.comparison, 14.0 / 24.0);
        assert_eq!(executives.pilot_text, "70%");
        let p = 0.7;
        let c = 14.0 / 24.0;
        close(
            executives.difference,
            (p - c) / ((p * (1.0 - p) + c * (1.0 - c)) / 2.0f64).sqrt(),
        );
        assert_eq!(executives.flag, Some(BalanceFlag::Check));
        assert!(table.notes[0].contains("beyond 0.1"));
    }

    #[test]
    fn an_arm_under_the_floor_shows_no_figures() {
        let mut teams = two_arms();
        teams.retain(|t| t.arm == Arm::Pilot);
        teams.push(team(
            Arm::Comparison,
            &[("Account executive", 4)],
            &[3.7; 4],
            Some(51.0),
        ));
        let table = balance(&teams, "win rate", "%", FLOOR);
        for row in &table.rows {
            assert_eq!(
                row.comparison, None,
                "{} shows a comparison figure",
                row.label
            );
            assert_eq!(row.comparison_spread, None);
            assert_eq!(row.comparison_text, "hidden", "{}", row.label);
            assert_eq!(row.difference, None);
            assert_eq!(row.flag, None);
        }
        let json = serde_json::to_string(&table).expect("serialises");
        assert!(!json.contains("3.7") && !json.contains("51"), "{json}");
        assert!(table
            .notes
            .iter()
            .any(|n| n.contains("comparison group has fewer than 5 people")));
        // The pilot side is untouched.
        assert_eq!(row(&table, "People").pilot, Some(30.0));
    }

    #[test]
    fn no_comparison_teams_says_so() {
        let mut teams = two_arms();
        teams.retain(|t| t.arm == Arm::Pilot);
        let table = balance(&teams, "win rate", "", FLOOR);
        assert_eq!(row(&table, "Teams").comparison_text, "0");
        assert_eq!(row(&table, "Team size, mean (SD)").comparison_text, "—");
        assert!(table
            .notes
            .iter()
            .any(|n| n.contains("no comparison teams")));
        assert!(table
            .rows
            .iter()
            .any(|r| r.label == "Baseline win rate, mean of teams (SD)"));
    }

    #[test]
    fn a_small_role_is_hidden_with_its_complement() {
        let mut teams = two_arms();
        // Three team leads in the pilot only: a group under the floor.
        teams[0].roles.insert("Team lead".into(), 3);
        teams[0].size += 3;
        let table = balance(&teams, "win rate", "%", FLOOR);
        let leads = row(&table, "Role: Team lead");
        assert_eq!((leads.pilot, leads.pilot_text.as_str()), (None, "hidden"));
        // The pilot's role cells are 21, 9, 3: the 3 and the next smallest (9) are hidden.
        let development = row(&table, "Role: Sales development");
        assert_eq!(development.pilot, None);
        assert!(development.comparison.is_some());
        let executives = row(&table, "Role: Account executive");
        close(executives.pilot, 21.0 / 33.0);
        // The comparison has no team leads: a share of 0 describes no one and is shown.
        close(leads.comparison, 0.0);
        assert!(table.notes.iter().any(|n| n.contains("privacy floor")));
    }

    #[test]
    fn the_rare_roles_share_one_row() {
        let roles: Vec<(String, u32)> = (1..=8).map(|i| (format!("Role {i}"), 10 + i)).collect();
        let borrowed: Vec<(&str, u32)> = roles.iter().map(|(r, n)| (r.as_str(), *n)).collect();
        let teams = vec![
            team(Arm::Pilot, &borrowed, &[], None),
            team(Arm::Comparison, &borrowed, &[], None),
        ];
        let table = balance(&teams, "win rate", "%", FLOOR);
        let role_labels: Vec<&str> = table
            .rows
            .iter()
            .map(|r| r.label.as_str())
            .filter(|l| l.starts_with("Role") || l.starts_with("Other"))
            .collect();
        assert_eq!(
            role_labels,
            vec![
                "Role: Role 8",
                "Role: Role 7",
                "Role: Role 6",
                "Role: Role 5",
                "Role: Role 4",
                "Other roles"
            ]
        );
        // Roles 1-3: 11 + 12 + 13 = 36 of 116 in each arm.
        let other = row(&table, "Other roles");
        close(other.pilot, 36.0 / 116.0);
        close(other.difference, 0.0);
        // No tenure and no baseline recorded: shown as unknown, not as zero.
        assert_eq!(row(&table, "Tenure in years, mean (SD)").pilot_text, "—");
    }

    #[test]
    fn a_tenure_known_for_too_few_people_is_hidden() {
        let mut teams = two_arms();
        for team in teams.iter_mut().filter(|t| t.arm == Arm::Comparison) {
            team.tenure_years.clear();
        }
        teams[3].tenure_years = vec![1.0, 9.0, 4.0];
        let table = balance(&teams, "win rate", "%", FLOOR);
        let tenure = row(&table, "Tenure in years, mean (SD)");
        assert_eq!(tenure.comparison_text, "hidden");
        assert_eq!(tenure.comparison, None);
        assert!(tenure.pilot.is_some());
    }

    #[test]
    fn a_single_team_has_no_spread() {
        let teams = vec![
            team(
                Arm::Pilot,
                &[("Account executive", 12)],
                &[2.0; 12],
                Some(40.0),
            ),
            team(
                Arm::Comparison,
                &[("Account executive", 10)],
                &[2.0; 10],
                Some(41.0),
            ),
            team(
                Arm::Comparison,
                &[("Account executive", 14)],
                &[2.0; 10],
                Some(43.0),
            ),
        ];
        let table = balance(&teams, "win rate", "%", FLOOR);
        let size = row(&table, "Team size, mean (SD)");
        assert_eq!(size.pilot_text, "12");
        assert_eq!(size.difference, None);
        assert!(table.notes.iter().any(|n| n.contains("single team")));
    }
}
