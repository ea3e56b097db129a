//! `pilotdesk network --quarter YYYY-Qn [--kpi ID] [--json]`: the coaching network of a
//! quarter, its figures with their denominators and the coaches with the widest reach.

use clap::Args;
use pilotdesk_core::metrics::analytics::precision::{compact, fixed, percent};
use pilotdesk_core::model::network::NetworkFigures;
use pilotdesk_core::{Result, Store};

use crate::output;

#[derive(Args)]
pub struct NetworkArgs {
    /// The quarter, as YYYY-Qn (e.g. 2026-Q3).
    #[arg(long, value_name = "YYYY-Qn")]
    quarter: String,
    /// Measure coach impact on this KPI (its id); by default, the KPI with the most
    /// observations in the quarter and the one before, among those with data about people.
    #[arg(long)]
    kpi: Option<i64>,
    /// How many coaches to list, widest reach first (every coach with --json).
    #[arg(long, default_value_t = 10)]
    top: usize,
    #[arg(long)]
    json: bool,
}

fn share(value: Option<f64>) -> String {
    value.map(percent).unwrap_or_else(|| "—".into())
}

fn count(value: impl Into<f64>) -> String {
    fixed(value.into(), 0)
}

pub fn network(args: NetworkArgs, store: &Store) -> Result<()> {
    let f = pilotdesk_core::workflows::network::figures(store.conn(), &args.quarter, args.kpi)?;
    if args.json {
        output::json(&f);
        return Ok(());
    }
    print_figures(&f, args.top);
    Ok(())
}

fn print_figures(f: &NetworkFigures, top: usize) {
    outln!(
        "Coaching network, {} ({} to {}): {} people employed",
        f.quarter,
        f.from,
        f.to,
        count(f.people)
    );
    outln!(
        "  density      {:>8}  {} ties of {} possible (n(n-1)/2)",
        f.density.map(compact).unwrap_or_else(|| "—".into()),
        count(f.ties),
        count(f.possible_ties as f64)
    );
    outln!(
        "  reach        {:>8}  {} of {} people with at least one tie",
        share(f.reach),
        count(f.reached),
        count(f.people)
    );
    outln!(
        "  cross-team   {:>8}  {} of {} ties between two teams",
        share(f.cross_team),
        count(f.cross_team_ties),
        count(f.ties)
    );
    outln!(
        "  coaching     {} events, {} hours{}",
        count(f.events),
        compact(f.hours),
        if f.excluded_events > 0 {
            format!(
                " ({} events left out: no coachee, oneself, or someone not employed then)",
                count(f.excluded_events)
            )
        } else {
            String::new()
        }
    );
    let hidden = f.teams.iter().filter(|t| t.hidden).count();
    if hidden > 0 {
        outln!(
            "  {hidden} of {} teams show no breakdown (under {} people, or hidden so no total gives one away)",
            f.teams.len(),
            f.min_group_size
        );
    }
    if f.coaches.is_empty() {
        outln!("\nNo one coached anyone in {}.", f.quarter);
        return;
    }
    outln!(
        "\nTop coaches by reach ({} of {} who coached):",
        top.min(f.coaches.len()),
        f.coaches.len()
    );
    let rows: Vec<Vec<String>> = f
        .coaches
        .iter()
        .take(top)
        .map(|c| {
            let impact = c
                .impact
                .as_ref()
                .map_or_else(String::new, |i| match &i.display {
                    Some(display) => format!(
                        "{display} ({} coachees vs {} in {})",
                        i.coachees, i.comparison, i.comparison_basis
                    ),
                    None => "not shown".into(),
                });
            vec![
                c.person_id.clone(),
                c.name.clone(),
                c.team.clone(),
                if c.internal { "yes" } else { "" }.into(),
                count(c.coachees),
                count(c.teams_reached),
                count(c.events),
                compact(c.hours),
                impact,
            ]
        })
        .collect();
    output::table(
        &[
            "id", "name", "team", "internal", "coachees", "teams", "events", "hours", "impact",
        ],
        &rows,
    );
    if let Some(kpi) = &f.impact_kpi {
        outln!(
            "\nImpact: change in {} ({}) from {} to {}, coachees against comparable people not \
             coached by the coach; {}. Weaker evidence: observational, no comparison design.",
            kpi.name,
            kpi.reason,
            kpi.baseline_quarter,
            f.quarter,
            match kpi.direction {
                pilotdesk_core::model::Direction::Higher => "higher is better",
                pilotdesk_core::model::Direction::Lower => "lower is better",
            }
        );
    } else {
        outln!(
            "\nImpact: no KPI has observations about people in this quarter and the one before."
        );
    }
}
