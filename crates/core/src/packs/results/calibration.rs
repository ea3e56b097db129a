//! The calibration of AI-assisted agendas in the monthly pack: how often managers take the
//! suggestions, change them or set them aside, by context, why they set them aside, and how
//! many managers accept nearly everything unedited (the over-reliance the practice guards
//! against). Counts only: no manager is named on paper.

use chrono::NaiveDate;

use crate::metrics::analytics::precision::fixed;
use crate::model::agenda::{AcceptanceFigures, Calibration};
use crate::packs::dates::long_date;
use crate::packs::document::{Block, Column, Table};

fn decided(figures: &AcceptanceFigures) -> u32 {
    figures.accepted_as_is + figures.edited + figures.rejected
}

fn percent(share: f64) -> String {
    format!("{}%", fixed(share * 100.0, 0))
}

/// "72% (18 of 25)": a share is never printed without what it is a share of.
fn share_of(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "–".into();
    }
    format!(
        "{} ({part} of {whole})",
        percent(f64::from(part) / f64::from(whole))
    )
}

fn managers(count: u32) -> String {
    format!(
        "{count} {}",
        if count == 1 { "manager" } else { "managers" }
    )
}

/// The section's title: what a reader should take away, with its denominator.
pub fn finding(calibration: &Calibration) -> String {
    let overall = &calibration.overall;
    let decided = decided(overall);
    if decided == 0 {
        return format!(
            "{} suggested, none decided by a manager yet",
            match overall.generated {
                1 => "1 agenda".to_string(),
                n => format!("{n} agendas"),
            }
        );
    }
    let accepted = overall.accepted_as_is + overall.edited;
    let reliance = match calibration.over_reliant_managers {
        0 => "no manager accepts nearly all unedited".to_string(),
        1 => "1 manager accepts nearly all unedited".to_string(),
        n => format!("{n} managers accept nearly all unedited"),
    };
    format!(
        "managers accept {} of suggested agendas ({accepted} of {decided} decided); {reliance}",
        percent(f64::from(accepted) / f64::from(decided))
    )
}

fn summary(calibration: &Calibration, as_of: NaiveDate) -> String {
    let o = &calibration.overall;
    let mean = o.mean_change_share.map_or(String::new(), |m| {
        format!(" ({} of the text changed on average)", percent(m))
    });
    let open = match o.open {
        0 => String::new(),
        1 => "; the 1 still awaiting a decision is left out of the rates".into(),
        n => format!("; the {n} still awaiting a decision are left out of the rates"),
    };
    let suggested = match o.generated {
        1 => "1 agenda".to_string(),
        n => format!("{n} agendas"),
    };
    if decided(o) == 0 {
        return format!(
            "{suggested} suggested up to {}; no manager has accepted, edited or rejected one \
             yet, so there is no rate to report.",
            long_date(as_of)
        );
    }
    format!(
        "{suggested} suggested up to {}: {} accepted as suggested, {} edited first{mean}, {} \
         rejected{open}.",
        long_date(as_of),
        o.accepted_as_is,
        o.edited,
        o.rejected,
    )
}

fn context_row(label: &str, f: &AcceptanceFigures) -> Vec<String> {
    let decided = decided(f);
    vec![
        label.to_string(),
        f.generated.to_string(),
        f.accepted_as_is.to_string(),
        match (f.edited, f.mean_change_share) {
            (0, _) => "0".into(),
            (n, Some(mean)) => format!("{n} ({} changed)", percent(mean)),
            (n, None) => n.to_string(),
        },
        f.rejected.to_string(),
        share_of(f.accepted_as_is + f.edited, decided),
    ]
}

fn context_table(calibration: &Calibration) -> Block {
    let mut rows: Vec<Vec<String>> = calibration
        .by_context
        .iter()
        .map(|c| context_row(&c.label, &c.figures))
        .collect();
    if calibration.by_context.len() > 1 {
        rows.push(context_row("All contexts", &calibration.overall));
    }
    Block::Table(Table {
        columns: vec![
            Column::left("Context", 1.45),
            Column::right("Generated", 1.15),
            Column::right("Accepted as is", 1.5),
            Column::right("Edited (mean share changed)", 1.75),
            Column::right("Rejected", 0.95),
            Column::right("Acceptance rate", 1.6),
        ],
        rows,
        note: Some(
            "Acceptance rate = (accepted as is + edited) / decided; agendas still open are left \
             out. Mean share changed: the share of an edited agenda's text the manager rewrote."
                .into(),
        ),
    })
}

fn reasons(calibration: &Calibration) -> Vec<Block> {
    let overall = &calibration.overall;
    if overall.rejected == 0 {
        return vec![Block::Paragraph(
            "No suggested agenda has been rejected yet.".into(),
        )];
    }
    let mut lines: Vec<String> = overall
        .reasons
        .iter()
        .map(|r| format!("{}: {}", r.label, share_of(r.count, overall.rejected)))
        .collect();
    let given: u32 = overall.reasons.iter().map(|r| r.count).sum();
    if given < overall.rejected {
        lines.push(format!(
            "No reason recorded: {}",
            share_of(overall.rejected - given, overall.rejected)
        ));
    }
    vec![
        Block::Subheading(format!(
            "Why managers rejected {} {}",
            overall.rejected,
            if overall.rejected == 1 {
                "agenda"
            } else {
                "agendas"
            }
        )),
        Block::Bullets(lines),
    ]
}

/// A manager who accepts nearly every suggestion unchanged may have stopped judging them;
/// the pack counts such managers against those with enough decisions to tell, and names
/// none of them.
fn over_reliance(calibration: &Calibration) -> Block {
    let min = calibration.signal_min_agendas;
    let share = percent(calibration.signal_unedited_share);
    let judged = calibration
        .by_manager
        .iter()
        .filter(|m| decided(&m.figures) >= min)
        .count() as u32;
    let too_few = calibration.by_manager.len() as u32 - judged;
    let text = if judged == 0 {
        format!(
            "Over-reliance signal: no manager has decided the {min} agendas it needs yet (it is \
             raised for a manager who accepts {share} or more of at least {min} decided \
             agendas unedited)."
        )
    } else {
        let rest = match too_few {
            0 => String::new(),
            1 => "; 1 more manager has too few decisions to judge".into(),
            n => format!("; {n} more managers have too few decisions to judge"),
        };
        format!(
            "Over-reliance signal: raised for {} of {} with at least {min} decided agendas \
             (the rule: {share} or more of them accepted unedited){rest}. No manager is named \
             in this pack.",
            calibration.over_reliant_managers,
            managers(judged)
        )
    };
    Block::Paragraph(text)
}

/// The section, or nothing when no agenda was suggested.
pub fn section(calibration: &Calibration, as_of: NaiveDate) -> Vec<Block> {
    if calibration.overall.generated == 0 {
        return Vec::new();
    }
    let mut blocks = vec![
        Block::Heading(format!("AI-assisted agendas: {}", finding(calibration))),
        Block::Paragraph(summary(calibration, as_of)),
    ];
    if !calibration.by_context.is_empty() {
        blocks.push(context_table(calibration));
    }
    if decided(&calibration.overall) > 0 {
        blocks.extend(reasons(calibration));
    }
    blocks.push(over_reliance(calibration));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agenda::{
        AgendaContext, ContextCalibration, ManagerCalibration, ReasonCount, RejectReason,
    };

    fn figures(accepted: u32, edited: u32, rejected: u32, open: u32) -> AcceptanceFigures {
        let decided = accepted + edited + rejected;
        let share = |n: u32| (decided > 0).then(|| f64::from(n) / f64::from(decided));
        AcceptanceFigures {
            generated: decided + open,
            open,
            accepted_as_is: accepted,
            edited,
            rejected,
            acceptance_rate: share(accepted + edited),
            unedited_rate: share(accepted),
            mean_change_share: (edited > 0).then_some(0.25),
            reasons: if rejected > 0 {
                vec![ReasonCount {
                    reason: RejectReason::TooGeneric,
                    label: RejectReason::TooGeneric.label().into(),
                    count: rejected,
                }]
            } else {
                vec![]
            },
        }
    }

    fn manager(id: &str, f: AcceptanceFigures, over_reliant: bool) -> ManagerCalibration {
        ManagerCalibration {
            manager_id: id.into(),
            manager_name: format!("Manager {id}"),
            figures: f,
            over_reliant,
            reason: String::new(),
        }
    }

    fn calibration() -> Calibration {
        Calibration {
            overall: figures(14, 4, 7, 2),
            by_context: vec![ContextCalibration {
                context: AgendaContext::Onboarding,
                label: "Onboarding".into(),
                figures: figures(14, 4, 7, 2),
            }],
            by_manager: vec![
                manager("A", figures(11, 0, 1, 0), true),
                manager("B", figures(3, 4, 6, 2), false),
            ],
            signal_min_agendas: 10,
            signal_unedited_share: 0.9,
            over_reliant_managers: 1,
        }
    }

    #[test]
    fn the_finding_leads_with_the_acceptance_rate_and_its_denominator() {
        assert_eq!(
            finding(&calibration()),
            "managers accept 72% of suggested agendas (18 of 25 decided); 1 manager accepts \
             nearly all unedited"
        );
    }

    #[test]
    fn nothing_decided_reads_as_such_and_nothing_suggested_prints_nothing() {
        let mut waiting = calibration();
        waiting.overall = figures(0, 0, 0, 3);
        assert_eq!(
            finding(&waiting),
            "3 agendas suggested, none decided by a manager yet"
        );
        let mut none = calibration();
        none.overall = figures(0, 0, 0, 0);
        let day = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
        assert!(section(&none, day).is_empty());
    }

    #[test]
    fn the_signal_states_its_rule_counts_managers_and_names_none() {
        let text = match over_reliance(&calibration()) {
            Block::Paragraph(text) => text,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            text,
            "Over-reliance signal: raised for 1 of 2 managers with at least 10 decided agendas \
             (the rule: 90% or more of them accepted unedited). No manager is named in this \
             pack."
        );
        assert!(!text.contains("Manager A"));
    }
}
