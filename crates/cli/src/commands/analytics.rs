//! The measure half on the command line: `dashboard`, `roi`, `mde`, `overview`, `home` and
//! the hourly costs per role (`costs`).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use pilotdesk_core::model::{
    Dashboard, HomeRole, HourlyCostInput, KpiPanel, PortfolioOverview, RoiAssumptionInput,
    RoiInput, RoiReport,
};
use pilotdesk_core::packs::dates::{long_date, long_date_of};
use pilotdesk_core::workflows::analytics;
use pilotdesk_core::{Result, Store};

use super::Context;
use crate::output;

#[derive(Args)]
pub struct DashboardArgs {
    /// The pilot's id (see `pilot list`).
    pilot: i64,
    /// The month to report (YYYY-MM): data to its last day. This month when left out.
    #[arg(long)]
    month: Option<String>,
    #[arg(long)]
    json: bool,
    /// Also write the breakdown by team to this CSV (privacy floor applied).
    #[arg(long, value_name = "FILE.csv")]
    csv: Option<PathBuf>,
}

pub fn dashboard(args: DashboardArgs, store: &mut Store, context: &Context) -> Result<()> {
    let as_of = analytics::as_of_for_month(args.month.as_deref(), context.today)?;
    let dashboard = analytics::cached_dashboard(store, args.pilot, as_of)?;
    if let Some(path) = &args.csv {
        let rows = pilotdesk_core::export::dashboard::write_teams_csv(&dashboard, path)?;
        if !args.json {
            outln!("Wrote {} ({rows} teams).", path.display());
        }
    }
    if args.json {
        output::json(&dashboard);
        return Ok(());
    }
    dashboard_text(&dashboard);
    Ok(())
}

fn kpi_line(panel: &KpiPanel) -> String {
    match (&panel.lift, &panel.not_measured) {
        (Some(lift), _) => lift.summary.clone(),
        (None, Some(why)) => format!("{}: not measured yet ({why})", panel.name),
        (None, None) => format!("{}: no data", panel.name),
    }
}

fn dashboard_text(dashboard: &Dashboard) {
    outln!("{} · data to {}", dashboard.pilot_name, dashboard.as_of);
    outln!("{}", dashboard.headline);
    outln!();
    let rows: Vec<Vec<String>> = dashboard
        .key_numbers
        .iter()
        .map(|n| vec![n.value.clone(), n.label.clone(), n.basis.clone()])
        .collect();
    output::table(&["VALUE", "FIGURE", "BASIS"], &rows);
    outln!();
    for panel in &dashboard.kpis {
        outln!("{}", kpi_line(panel));
        if let Some(mde) = &panel.mde {
            outln!("  {}", mde.sentence);
        }
    }
    outln!();
    outln!("{}", dashboard.coaching.summary);
    outln!("{}", dashboard.cost.summary);
    if let Some(roi) = &dashboard.roi {
        outln!("{}", roi.summary);
    }
    outln!("{}", dashboard.flight_risk.summary);
    for note in &dashboard.privacy_notes {
        outln!("Privacy: {note}");
    }
}

#[derive(Args)]
pub struct RoiArgs {
    pilot: i64,
    /// Set the assumptions of this KPI (with --affected, --affected-unit, --confidence).
    #[arg(long)]
    kpi: Option<i64>,
    /// How many people (deals, tickets) the improvement applies to in a year; empty for the
    /// default (the pilot group).
    #[arg(long)]
    affected: Option<String>,
    /// What those are, e.g. "new hires".
    #[arg(long)]
    affected_unit: Option<String>,
    /// The stated confidence in the isolated effect, in percent; empty for the default.
    #[arg(long)]
    confidence: Option<String>,
    /// A benefit listed but not monetised; repeat for several (replaces the list).
    #[arg(long = "intangible")]
    intangibles: Vec<String>,
    #[arg(long)]
    json: bool,
}

pub fn roi(args: RoiArgs, store: &mut Store, context: &Context) -> Result<()> {
    let editing = args.kpi.is_some() || !args.intangibles.is_empty();
    if editing {
        let current = analytics::dashboard(store, args.pilot, context.today)?;
        let mut input = RoiInput {
            assumptions: Vec::new(),
            intangibles: if args.intangibles.is_empty() {
                pilotdesk_core::workflows::analytics::roi::intangibles(store, args.pilot)?
            } else {
                args.intangibles.clone()
            },
        };
        if let Some(kpi) = args.kpi {
            let stated = current
                .roi
                .as_ref()
                .and_then(|r| r.assumptions.iter().find(|a| a.kpi_id == kpi));
            input.assumptions.push(RoiAssumptionInput {
                kpi_id: kpi,
                affected_per_year: args.affected.clone().unwrap_or_else(|| {
                    stated
                        .filter(|a| a.affected_stated)
                        .map(|a| a.affected_per_year.to_string())
                        .unwrap_or_default()
                }),
                affected_unit: args.affected_unit.clone().unwrap_or_else(|| {
                    stated
                        .filter(|a| a.affected_stated)
                        .map(|a| a.affected_unit.clone())
                        .unwrap_or_default()
                }),
                confidence: args.confidence.clone().unwrap_or_else(|| {
                    stated
                        .filter(|a| a.confidence_stated)
                        .map(|a| (a.confidence * 100.0).to_string())
                        .unwrap_or_default()
                }),
            });
        }
        analytics::set_assumptions(store, args.pilot, &input)?;
    }
    let dashboard = analytics::dashboard(store, args.pilot, context.today)?;
    match &dashboard.roi {
        Some(report) if args.json => output::json(report),
        None if args.json => output::json(&serde_json::Value::Null),
        Some(report) => roi_text(report, &dashboard.currency),
        None => outln!("No monetised KPI and no cost are recorded yet: no ROI."),
    }
    Ok(())
}

fn roi_text(report: &RoiReport, currency: &str) {
    let figures = &report.figures;
    outln!("{}", report.summary);
    let rows: Vec<Vec<String>> = figures
        .benefits
        .iter()
        .map(|b| {
            vec![
                b.kpi.clone(),
                b.formula.clone(),
                b.adjusted_value.format_whole_with(currency),
            ]
        })
        .collect();
    if !rows.is_empty() {
        output::table(&["BENEFIT", "HOW", "FIRST YEAR"], &rows);
    }
    let rows: Vec<Vec<String>> = figures
        .costs
        .iter()
        .map(|c| {
            vec![
                c.label.clone(),
                c.basis.clone(),
                c.amount.format_whole_with(currency),
            ]
        })
        .collect();
    output::table(&["COST", "BASIS", "AMOUNT"], &rows);
    for assumption in &report.assumptions {
        outln!(
            "{}: confidence {}; {} {} affected a year{}",
            assumption.kpi_name,
            assumption.confidence_basis,
            assumption.affected_per_year,
            assumption.affected_unit,
            if assumption.affected_stated {
                ""
            } else {
                " (default)"
            }
        );
    }
    for intangible in &figures.intangibles {
        outln!("Not monetised: {intangible}");
    }
}

pub fn mde(store: &Store, pilot: i64, json: bool, context: &Context) -> Result<()> {
    let mdes = analytics::kpi_mdes(store.conn(), pilot, context.today)?;
    if json {
        output::json(&mdes);
    } else {
        let design = pilotdesk_core::workflows::design::load_design(store, pilot, context.today)?;
        for mde in &mdes {
            let name = design
                .kpis
                .iter()
                .find(|k| k.id == mde.kpi_id)
                .map_or(String::new(), |k| k.name.clone());
            outln!("{name}: {}", mde.sentence);
        }
    }
    Ok(())
}

pub fn overview(store: &Store, json: bool, context: &Context) -> Result<()> {
    let overview = analytics::portfolio(store, context.today)?;
    if json {
        output::json(&overview);
        return Ok(());
    }
    print_overview(&overview);
    Ok(())
}

/// The home screen in text: each part the current user plays, their own first.
pub fn home(store: &Store, json: bool, context: &Context) -> Result<()> {
    let home = pilotdesk_core::workflows::home::home(store, context.today)?;
    if json {
        output::json(&home);
        return Ok(());
    }
    for (index, role) in home.roles.iter().enumerate() {
        if index > 0 {
            outln!();
        }
        match role {
            HomeRole::Member => {
                outln!("Your steering-group inbox");
                if home.inbox.is_empty() {
                    outln!("  Nothing open for the steering group.");
                }
                for entry in &home.inbox {
                    let due = if entry.overdue {
                        format!("overdue since {}", long_date(entry.due_on))
                    } else {
                        format!("due {}", long_date(entry.due_on))
                    };
                    let yours = match (entry.owes_vote, entry.my_vote) {
                        (true, _) => "your vote is needed".to_string(),
                        (false, Some(choice)) => {
                            format!("you voted {}", choice.label().to_lowercase())
                        }
                        (false, None) => "voting not open to you yet".to_string(),
                    };
                    outln!(
                        "  #{} {}: {} · {due} · {yours} · {}",
                        entry.item_id,
                        entry.pilot_name,
                        entry.kind.label(),
                        entry.progress
                    );
                }
            }
            HomeRole::Sponsor => {
                outln!("Pilots you sponsor");
                for entry in &home.sponsored {
                    let state = match (&entry.verdict, &entry.verdict_on) {
                        (Some(verdict), Some(on)) => format!("verdict {verdict} on {on}"),
                        _ => entry.waiting_for.clone(),
                    };
                    outln!("  {} ({}): {state}", entry.pilot_name, entry.status.label());
                    for pack in &entry.packs {
                        let on = long_date_of(&pack.produced_at).unwrap_or_default();
                        outln!("    pack #{}: {}, {on}", pack.pack_id, pack.title);
                    }
                }
            }
            HomeRole::Lead => {
                outln!("Every pilot");
                print_overview(&home.overview);
            }
        }
    }
    Ok(())
}

fn print_overview(overview: &PortfolioOverview) {
    let rows: Vec<Vec<String>> = overview
        .pilots
        .iter()
        .map(|p| {
            vec![
                p.pilot_id.to_string(),
                p.name.clone(),
                p.status.label().to_string(),
                if p.day < 0 {
                    format!("starts in {}", -p.day)
                } else {
                    format!("day {}", p.day.min(90))
                },
                p.next_gate.clone().unwrap_or_default(),
                p.headline_kpi.clone().unwrap_or_default(),
            ]
        })
        .collect();
    output::table(
        &["ID", "PILOT", "STATUS", "WHEN", "NEXT GATE", "FIRST KPI"],
        &rows,
    );
}

#[derive(Subcommand)]
pub enum CostsCommand {
    /// The hourly cost of each role that has one.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set what an hour of a role's time costs (the role as in People).
    Set { role: String, amount: String },
    /// Clear a role's own rate (the pilot's budget rates apply again).
    Clear { role: String },
}

pub fn costs(command: CostsCommand, store: &mut Store) -> Result<()> {
    let (list, json) = match command {
        CostsCommand::List { json } => (analytics::hourly_costs(store)?, json),
        CostsCommand::Set { role, amount } => (
            analytics::set_hourly_cost(store, &HourlyCostInput { role, cost: amount })?,
            false,
        ),
        CostsCommand::Clear { role } => (
            analytics::set_hourly_cost(
                store,
                &HourlyCostInput {
                    role,
                    cost: String::new(),
                },
            )?,
            false,
        ),
    };
    if json {
        output::json(&list);
        return Ok(());
    }
    let currency = pilotdesk_core::store::settings::load(store.conn())?.currency;
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            vec![
                c.role.clone(),
                format!("{}/h", c.cost.format_with(&currency)),
                c.people.to_string(),
            ]
        })
        .collect();
    output::table(&["ROLE", "HOURLY COST", "PEOPLE"], &rows);
    Ok(())
}
