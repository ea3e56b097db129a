//! Printing results for people (aligned text) or scripts (`--json`).

use pilotdesk_core::model::{
    Arm, Cohort, GovernanceQueue, ItemStatus, Ledger, Pilot, PilotDesign, PilotSummary, QueueEntry,
    Readiness, ReviewView,
};
use pilotdesk_core::packs::dates::long_date;
use serde::Serialize;

pub fn json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
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
        println!("{}", padded.join("  ").trim_end());
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
    println!("{} (pilot {})", pilot.name, pilot.id);
    println!("  status     {}", pilot.status.label());
    println!("  sponsor    {}", pilot.sponsor);
    println!(
        "  window     {} to {} (90 days)",
        long_date(pilot.start_date),
        long_date(pilot.end_date)
    );
    println!("  workflows  {}", pilot.workflows.join("; "));
    println!("  budget     {}", pilot.budget.format_with(currency));
    if !pilot.ai_agenda.is_empty() {
        println!("  AI agenda  {}", pilot.ai_agenda);
    }
    if !pilot.objective.is_empty() {
        println!("  objective  {}", pilot.objective);
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
        println!(
            "Step {}: {} ({} of {} done)",
            step.step, step.title, step.done, step.applicable
        );
        for item in &step.items {
            println!(
                "  [{:>8}] {} ({})",
                status_mark(item.status),
                item.title,
                item.key
            );
            println!("             {}", item.reason);
            if let Some(mark) = &item.mark {
                println!(
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
        println!("Step 1 is complete: the pilot can be submitted.");
    } else {
        println!("Step 1 is not complete: the pilot cannot be submitted yet.");
    }
}

pub fn cohort_text(cohort: &Cohort) {
    println!("Comparison design: {}", cohort.design.label());
    if let Some(seed) = &cohort.seed {
        println!("Seed: {seed}");
    }
    for member in &cohort.members {
        let arm = match member.arm {
            Arm::Pilot => "pilot",
            Arm::Comparison => "comparison",
        };
        println!(
            "  {arm:<10} {} {} ({}, {} reports)",
            member.manager_id, member.manager_name, member.team, member.team_size
        );
    }
}

pub fn design_text(design: &PilotDesign, currency: &str) {
    pilot_text(&design.pilot, currency);
    for workflow in &design.workflows {
        println!(
            "  workflow {} \"{}\" ({} tasks)",
            workflow.id,
            workflow.name,
            workflow.tasks.len()
        );
        for task in &workflow.tasks {
            println!("    task {}: {}", task.id, task.behaviour);
        }
    }
    for kpi in &design.kpis {
        let criterion = kpi
            .criterion
            .as_ref()
            .map_or("no success criterion yet".to_string(), |c| c.rule.clone());
        println!(
            "  KPI {} \"{}\" ({}): {criterion}",
            kpi.id, kpi.name, kpi.unit
        );
    }
    println!("  comparison  {}", design.cohort.design.label());
    println!(
        "  estimate    {}",
        design.estimate.total.format_with(currency)
    );
    println!(
        "  readiness   Step 1 {} of {}",
        design.readiness.steps[0].done, design.readiness.steps[0].applicable
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
        println!("No pilot or criteria change is waiting for the steering group.");
    } else {
        println!("Waiting for a decision:");
        table(&headers, &queue_rows(&queue.reviews));
    }
    if !queue.gates.is_empty() {
        println!();
        println!("Stage gates:");
        table(&headers, &queue_rows(&queue.gates));
    }
    if queue.overdue > 0 {
        println!();
        println!("{} item(s) overdue.", queue.overdue);
    }
}

pub fn review_text(view: &ReviewView) {
    let item = &view.item;
    println!("{} (item {}, {})", item.subject, item.id, item.kind.label());
    println!(
        "  due        {}{}",
        long_date(item.due_on),
        if item.overdue { " (overdue)" } else { "" }
    );
    println!("  rule       {}", view.rule.description);
    for vote in &view.votes {
        let note = if vote.recused {
            " [recused: does not count]"
        } else if vote.superseded {
            " [replaced by a later vote]"
        } else {
            ""
        };
        println!(
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
        println!("  recused    {}: {}", recusal.name, recusal.reason);
    }
    println!("  status     {}", view.status.explanation);
    if let Some(decision) = &view.decision {
        println!("  decision   {} ({})", decision.summary, decision.id);
    }
}

pub fn ledger_text(ledger: &Ledger, currency: &str) {
    let money = |m: pilotdesk_core::model::Money| m.format_with(currency);
    println!("{} (pilot {})", ledger.pilot_name, ledger.pilot_id);
    println!(
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
        println!("  {}: {}", line.tranche.label, line.check.explanation);
    }
}
