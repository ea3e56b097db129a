//! Printing results for people (aligned text) or scripts (`--json`).

use pilotdesk_core::model::{Pilot, PilotSummary};
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
    if !pilot.objective.is_empty() {
        println!("  objective  {}", pilot.objective);
    }
}
