//! Acceptance by context and by manager, and the over-reliance signal: a manager who
//! accepts nearly every agenda unedited over many agendas has stopped judging them.

use std::collections::BTreeMap;

use crate::model::agenda::{
    AcceptanceFigures, AgendaContext, AgendaOutcome, AgendaStatus, Calibration, ContextCalibration,
    ManagerCalibration, ReasonCount, RejectReason,
};

/// Fewer decided agendas than this say too little about a manager's habits to flag them.
pub const SIGNAL_MIN_AGENDAS: u32 = 10;
/// Accepting this share or more unedited is "nearly everything".
pub const SIGNAL_UNEDITED_SHARE: f64 = 0.9;

pub fn figures(outcomes: &[&AgendaOutcome]) -> AcceptanceFigures {
    let count =
        |status: AgendaStatus| outcomes.iter().filter(|o| o.status == status).count() as u32;
    let accepted_as_is = count(AgendaStatus::Accepted);
    let edited = count(AgendaStatus::Edited);
    let rejected = count(AgendaStatus::Rejected);
    let decided = accepted_as_is + edited + rejected;
    let share = |n: u32| (decided > 0).then(|| f64::from(n) / f64::from(decided));
    let edits: Vec<f64> = outcomes
        .iter()
        .filter(|o| o.status == AgendaStatus::Edited)
        .filter_map(|o| o.change_share)
        .collect();
    let mut reasons: BTreeMap<RejectReason, u32> = BTreeMap::new();
    for reason in outcomes.iter().filter_map(|o| o.reject_reason) {
        *reasons.entry(reason).or_default() += 1;
    }
    let mut reasons: Vec<ReasonCount> = reasons
        .into_iter()
        .map(|(reason, count)| ReasonCount {
            reason,
            label: reason.label().into(),
            count,
        })
        .collect();
    reasons.sort_by(|a, b| b.count.cmp(&a.count).then(a.reason.cmp(&b.reason)));
    AcceptanceFigures {
        generated: outcomes.len() as u32,
        open: count(AgendaStatus::Open),
        accepted_as_is,
        edited,
        rejected,
        acceptance_rate: share(accepted_as_is + edited),
        unedited_rate: share(accepted_as_is),
        mean_change_share: (!edits.is_empty())
            .then(|| edits.iter().sum::<f64>() / edits.len() as f64),
        reasons,
    }
}

fn manager_signal(figures: &AcceptanceFigures) -> (bool, String) {
    let decided = figures.accepted_as_is + figures.edited + figures.rejected;
    let unedited = figures.unedited_rate.unwrap_or(0.0);
    let percent = (unedited * 100.0).round();
    if decided < SIGNAL_MIN_AGENDAS {
        (
            false,
            format!("{decided} decided so far; the signal needs at least {SIGNAL_MIN_AGENDAS}"),
        )
    } else if unedited >= SIGNAL_UNEDITED_SHARE {
        (
            true,
            format!(
                "accepted {} of {decided} agendas unedited ({percent}%): talk about how they \
                 judge the suggestions",
                figures.accepted_as_is
            ),
        )
    } else {
        (
            false,
            format!(
                "accepted {} of {decided} unedited ({percent}%), below {}%",
                figures.accepted_as_is,
                (SIGNAL_UNEDITED_SHARE * 100.0).round()
            ),
        )
    }
}

pub fn calibration(outcomes: &[AgendaOutcome]) -> Calibration {
    let all: Vec<&AgendaOutcome> = outcomes.iter().collect();
    let by_context = AgendaContext::ALL
        .into_iter()
        .filter_map(|context| {
            let group: Vec<&AgendaOutcome> =
                outcomes.iter().filter(|o| o.context == context).collect();
            (!group.is_empty()).then(|| ContextCalibration {
                context,
                label: context.label().into(),
                figures: figures(&group),
            })
        })
        .collect();
    let mut managers: BTreeMap<(&str, &str), Vec<&AgendaOutcome>> = BTreeMap::new();
    for outcome in outcomes {
        managers
            .entry((&outcome.manager_name, &outcome.manager_id))
            .or_default()
            .push(outcome);
    }
    let by_manager: Vec<ManagerCalibration> = managers
        .into_iter()
        .map(|((name, id), group)| {
            let figures = figures(&group);
            let (over_reliant, reason) = manager_signal(&figures);
            ManagerCalibration {
                manager_id: id.into(),
                manager_name: name.into(),
                figures,
                over_reliant,
                reason,
            }
        })
        .collect();
    Calibration {
        overall: figures(&all),
        by_context,
        over_reliant_managers: by_manager.iter().filter(|m| m.over_reliant).count() as u32,
        by_manager,
        signal_min_agendas: SIGNAL_MIN_AGENDAS,
        signal_unedited_share: SIGNAL_UNEDITED_SHARE,
    }
}
