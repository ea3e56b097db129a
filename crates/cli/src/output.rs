//! Printing results for people (aligned text) or scripts (`--json`).

use pilotdesk_core::model::{
    Arm, Cohort, GovernanceQueue, ItemStatus, Ledger, Pilot, PilotDesign, PilotSummary, QueueEntry,
    Readiness, ReviewView,
};
use pilotdesk_core::packs::dates::long_date;
use serde::Serialize;

/// Writes one line to standard output. A closed pipe ends the program with success: the
/// reader took what it wanted. Any other failure ends it with 1.
pub fn write_line(line: std::fmt::Arguments) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(line)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    if let Err(error) = written {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("pilotdesk: could not write the output: {error}");
        std::process::exit(1);
    }
}

pub fn json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => outln!("{text}"),
        Err(error) => eprintln!("pilotdesk: could not write JSON: {error}"),
    }
}

/// Columns padded to their widest cell.
pub fn table(headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<width$}", width = widths[i]))
            .collect();
        outln!("{}", padded.join("  ").trim_end());
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row.clone());
    }
}

pub fn pilot_rows(pilots: &[PilotSummary]) -> Vec<Vec<String>> {
    pilots
        .iter()
        .map(|p| {
            vec![
                p.id.to_string(),
                p.name.clone(),
                p.status.label().to_string(),
                long_date(p.start_date),
                long_date(p.end_date),
                p.sponsor.clone(),
                p.workflows.join("; "),
            ]
        })
        .collect()
}

pub fn pilot_text(pilot: &Pilot, currency: &str) {
    outln!("{} (pilot {})", pilot.name, pilot.id);
    outln!("  status     {}", pilot.status.label());
    outln!("  sponsor    {}", pilot.sponsor);
    outln!(
        "  window     {} to {} (90 days)",
        long_date(pilot.start_date),
        long_date(pilot.end_date)
    );
    outln!("  workflows  {}", pilot.workflows.join("; "));
    outln!("  budget     {}", pilot.budget.format_with(currency));
    if !pilot.ai_agenda.is_empty() {
        outln!("  AI agenda  {}", pilot.ai_agenda);
    }
    if !pilot.objective.is_empty() {
        outln!("  objective  {}", pilot.objective);
    }
}

fn status_mark(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Met => "met",
        ItemStatus::NotMet => "NOT MET",
        ItemStatus::Waived => "waived",
        ItemStatus::NotYetApplicable => "not yet",
    }
}

pub fn readiness_text(readiness: &Readiness) {
    for step in &readiness.steps {
        outln!(
            "Step {}: {} ({} of {} done)",
            step.step,
            step.title,
            step.done,
            step.applicable
        );
        for item in &step.items {
            outln!(
                "  [{:>8}] {} ({})",
                status_mark(item.status),
                item.title,
                item.key
            );
            outln!("             {}", item.reason);
            if let Some(mark) = &item.mark {
                outln!(
                    "             {} by {} on {}: {}",
                    mark.kind,
                    mark.by,
                    &mark.at[..10.min(mark.at.len())],
                    mark.reason
                );
            }
        }
    }
    if readiness.step1_complete {
        outln!("Step 1 is complete: the pilot can be submitted.");
    } else {
        outln!("Step 1 is not complete: the pilot cannot be submitted yet.");
    }
}

pub fn cohort_text(cohort: &Cohort) {
    outln!("Comparison design: {}", cohort.design.label());
    if let Some(seed) = &cohort.seed {
        outln!("Seed: {seed}");
    }
    for member in &cohort.members {
        let arm = match member.arm {
            Arm::Pilot => "pilot",
            Arm::Comparison => "comparison",
        };
        outln!(
            "  {arm:<10} {} {} ({}, {} reports)",
            member.manager_id,
            member.manager_name,
            member.team,
            member.team_size
        );
    }
}

pub fn design_text(design: &PilotDesign, currency: &str) {
    pilot_text(&design.pilot, currency);
    for workflow in &design.workflows {
        outln!(
            "  workflow {} \"{}\" ({} tasks)",
            workflow.id,
            workflow.name,
            workflow.tasks.len()
        );
        for task in &workflow.tasks {
            outln!("    task {}: {}", task.id, task.behaviour);
        }
    }
    for kpi in &design.kpis {
        let criterion = kpi
            .criterion
            .as_ref()
            .map_or("no success criterion yet".to_string(), |c| c.rule.clone());
        outln!(
            "  KPI {} \"{}\" ({}): {criterion}",
            kpi.id,
            kpi.name,
            kpi.unit
        );
    }
    outln!("  comparison  {}", design.cohort.design.label());
    outln!(
        "  estimate    {}",
        design.estimate.total.format_with(currency)
    );
    outln!(
        "  readiness   Step 1 {} of {}",
        design.readiness.steps[0].done,
        design.readiness.steps[0].applicable
    );
}

fn queue_rows(entries: &[QueueEntry]) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|e| {
            let due = if e.item.overdue {
                format!("{} (OVERDUE)", long_date(e.item.due_on))
            } else {
                long_date(e.item.due_on)
            };
            vec![
                e.item.id.to_string(),
                e.item.pilot_name.clone(),
                e.item.kind.label().into(),
                due,
                if e.item.voting_open {
                    format!("{} of {} voted", e.status.voted, e.status.eligible)
                } else {
                    "voting not open".into()
                },
            ]
        })
        .collect()
}

pub fn queue_text(queue: &GovernanceQueue) {
    let headers = ["ITEM", "PILOT", "KIND", "DUE", "VOTES"];
    if queue.reviews.is_empty() {
        outln!("No pilot or criteria change is waiting for the steering group.");
    } else {
        outln!("Waiting for a decision:");
        table(&headers, &queue_rows(&queue.reviews));
    }
    if !queue.gates.is_empty() {
        outln!();
        outln!("Stage gates:");
        table(&headers, &queue_rows(&queue.gates));
    }
    if queue.overdue > 0 {
        outln!();
        outln!("{} item(s) overdue.", queue.overdue);
    }
}

pub fn review_text(view: &ReviewView) {
    let item = &view.item;
    outln!("{} (item {}, {})", item.subject, item.id, item.kind.label());
    outln!(
        "  due        {}{}",
        long_date(item.due_on),
        if item.overdue { " (overdue)" } else { "" }
    );
    outln!("  rule       {}", view.rule.description);
    for vote in &view.votes {
        let note = if vote.recused {
            " [recused: does not count]"
        } else if vote.superseded {
            " [replaced by a later vote]"
        } else {
            ""
        };
        outln!(
            "  vote       {} ({}): {}{}{}",
            vote.name,
            vote.function.label(),
            vote.choice.label(),
            if vote.comment.is_empty() {
                String::new()
            } else {
                format!(" \"{}\"", vote.comment)
            },
            note
        );
    }
    for recusal in &view.recusals {
        outln!("  recused    {}: {}", recusal.name, recusal.reason);
    }
    outln!("  status     {}", view.status.explanation);
    if let Some(decision) = &view.decision {
        outln!("  decision   {} ({})", decision.summary, decision.id);
    }
}

pub fn ledger_text(ledger: &Ledger, currency: &str) {
    let money = |m: pilotdesk_core::model::Money| m.format_with(currency);
    outln!("{} (pilot {})", ledger.pilot_name, ledger.pilot_id);
    outln!(
        "  budget {}  committed {}  released {}  spent {}  unallocated {}",
        money(ledger.budget),
        money(ledger.committed),
        money(ledger.released),
        money(ledger.spent),
        money(ledger.unallocated)
    );
    let rows: Vec<Vec<String>> = ledger
        .tranches
        .iter()
        .map(|line| {
            let t = &line.tranche;
            vec![
                t.id.to_string(),
                t.label.clone(),
                money(t.amount),
                if t.release.is_some() {
                    "released".into()
                } else if line.check.met {
                    "condition met".into()
                } else {
                    "committed".into()
                },
                money(t.spent),
                t.condition.clone(),
            ]
        })
        .collect();
    table(
        &["ID", "TRANCHE", "AMOUNT", "STATE", "SPENT", "CONDITION"],
        &rows,
    );
    for line in ledger
        .tranches
        .iter()
        .filter(|l| l.tranche.release.is_none())
    {
        outln!("  {}: {}", line.tranche.label, line.check.explanation);
    }
}

/// A stored date or timestamp as people read it, e.g. "5 December 2026".
pub fn date_text(at: &str) -> String {
    pilotdesk_core::packs::dates::long_date_of(at).unwrap_or_else(|| at.to_string())
}
