//! The Phillips ROI of a pilot from its measured lifts, the workspace's assumptions and the
//! fully loaded cost; and editing those assumptions.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::analytics::precision::fixed;
use crate::metrics::analytics::roi::{self, BenefitInput, CostInput};
use crate::model::{
    Arm, EvidenceStrength, HourlyCost, HourlyCostInput, KpiPanel, Money, RoiAssumption, RoiInput,
    RoiReport, SeriesRole,
};
use crate::store::analytics::assumptions::{self, KpiAssumption};
use crate::store::changes::{self, NewChange};
use crate::store::{kpis, pilots, settings, Store};

use super::charts;
use super::context::PilotContext;
use super::costs::{planned_lines, TimeLine};
use crate::workflows::pilots::Problems;
use crate::workflows::timestamp_now;

const INTANGIBLE_MAX: usize = 300;
const AFFECTED_UNIT_MAX: usize = 60;

/// The confidence applied when none is stated: none is needed where a randomised comparison
/// isolates the effect; the weaker the design, the more conservative the default.
pub(crate) fn default_confidence(evidence: Option<EvidenceStrength>) -> (f64, &'static str) {
    match evidence {
        Some(EvidenceStrength::Strong) => (
            1.0,
            "100% by default: the randomised comparison isolates the effect",
        ),
        Some(EvidenceStrength::Moderate) => (
            0.8,
            "80% by default: the comparison group was chosen, not drawn",
        ),
        Some(EvidenceStrength::Limited) => (0.6, "60% by default: too few teams for an interval"),
        Some(EvidenceStrength::Weak) | None => (
            0.5,
            "50% by default: no comparison group isolates the effect",
        ),
    }
}

pub(crate) struct RoiInputs<'a> {
    pub panels: &'a [KpiPanel],
    pub time: &'a [TimeLine],
    pub spent: Money,
    /// Coaching hours logged on the pilot so far.
    pub hours: f64,
}

pub(crate) fn roi_report(
    conn: &Connection,
    ctx: &PilotContext,
    inputs: &RoiInputs,
) -> Result<Option<RoiReport>> {
    let stated = assumptions::for_pilot(conn, ctx.pilot.id)?;
    let currency = &ctx.settings.currency;
    let pilot_people = ctx.units.people_in(Arm::Pilot);
    let mut intangibles = assumptions::intangibles(conn, ctx.pilot.id)?;
    let mut benefits = Vec::new();
    let mut listed = Vec::new();
    for (kpi, panel) in ctx.kpis.iter().zip(inputs.panels) {
        let mine = stated.iter().find(|a| a.kpi_id == kpi.id);
        let evidence = panel.lift.as_ref().map(|l| l.evidence);
        let (default_confidence, default_basis) = default_confidence(evidence);
        let affected = mine.and_then(|a| a.affected_per_year);
        let unit_name = mine.and_then(|a| a.affected_unit.clone());
        let confidence = mine.and_then(|a| a.confidence);
        let assumption = RoiAssumption {
            kpi_id: kpi.id,
            kpi_name: kpi.name.clone(),
            unit: kpi.unit.clone(),
            value_per_unit: kpi.value_per_unit,
            affected_per_year: affected.unwrap_or(f64::from(pilot_people)),
            affected_unit: unit_name.unwrap_or_else(|| "people in the pilot group".into()),
            affected_stated: affected.is_some(),
            confidence: confidence.unwrap_or(default_confidence),
            confidence_stated: confidence.is_some(),
            confidence_basis: match confidence {
                Some(c) => format!("{}% as stated by the workspace", fixed(c * 100.0, 0)),
                None => default_basis.into(),
            },
        };
        match (kpi.value_per_unit, &panel.lift) {
            (Some(value), Some(lift)) => benefits.push(BenefitInput {
                kpi: kpi.name.clone(),
                unit: kpi.unit.clone(),
                improvement: lift.improvement,
                low: lift.improvement_low,
                high: lift.improvement_high,
                value_per_unit: value.cents() as f64,
                affected_per_year: assumption.affected_per_year,
                affected_unit: assumption.affected_unit.clone(),
                confidence: assumption.confidence,
            }),
            (None, Some(lift)) => intangibles.push(format!(
                "{}: {} {} (measured, not monetised)",
                kpi.name,
                lift.display.improvement,
                if lift.improvement >= 0.0 {
                    "better"
                } else {
                    "worse"
                }
            )),
            (Some(_), None) => intangibles.push(format!(
                "{}: monetised, but not counted: its lift cannot be measured yet",
                kpi.name
            )),
            (None, None) => {}
        }
        listed.push(assumption);
    }

    let finished = ctx.as_of >= ctx.pilot.end_date;
    let project = if finished {
        1.0
    } else {
        1.0 / ctx.share_elapsed().max(f64::EPSILON)
    };
    let mut costs: Vec<CostInput> = Vec::new();
    let mut planned_total = 0.0;
    for (category, label, amount, basis) in planned_lines(conn, ctx.pilot.id)? {
        planned_total += amount;
        costs.push(CostInput {
            category,
            label,
            amount,
            basis,
        });
    }
    let spent = inputs.spent.cents() as f64;
    if spent > planned_total {
        costs.push(CostInput {
            category: crate::model::CostCategory::Vendor,
            label: "Spending recorded beyond the planned lines".into(),
            amount: spent - planned_total,
            basis: "recorded spending minus the budget lines".into(),
        });
    }
    for line in inputs.time {
        costs.push(CostInput {
            category: line.category,
            label: line.label.clone(),
            amount: line.amount * project,
            basis: if finished {
                line.basis.clone()
            } else {
                format!("{}, projected to day 90", line.basis)
            },
        });
    }
    if benefits.is_empty() && costs.is_empty() {
        return Ok(None);
    }
    let figures = roi::roi(&benefits, &costs, &intangibles, currency);
    let hours = inputs.hours * project;
    let impact_per_hour = (hours > 0.0 && !benefits.is_empty())
        .then(|| Money((figures.benefits_total.cents() as f64 / hours).round() as i64));
    let money = |m: Money| m.format_whole_with(currency);
    let roi_text = figures
        .roi_percent
        .map(|r| format!("{}%", fixed(r, 0)))
        .unwrap_or_else(|| "not known".into());
    let whole = |m: Money| m.cents() as f64 / 100.0;
    let mut bars = vec![(
        "Fully loaded cost".to_string(),
        whole(figures.costs_total),
        money(figures.costs_total),
        SeriesRole::Neutral,
    )];
    if let Some(low) = figures.benefits_low {
        bars.push((
            "Benefit, interval's low end".into(),
            whole(low),
            money(low),
            SeriesRole::Comparison,
        ));
    }
    bars.push((
        "First-year benefit".into(),
        whole(figures.benefits_total),
        money(figures.benefits_total),
        SeriesRole::Pilot,
    ));
    if let Some(high) = figures.benefits_high {
        bars.push((
            "Benefit, interval's high end".into(),
            whole(high),
            money(high),
            SeriesRole::Comparison,
        ));
    }
    let cost_against_benefit = charts::cost_against_benefit(
        &bars,
        currency,
        if benefits.is_empty() {
            format!(
                "No monetised benefit measured yet against a cost of {}",
                money(figures.costs_total)
            )
        } else {
            format!(
                "A first-year benefit of {} against a cost of {}: ROI {roi_text}",
                money(figures.benefits_total),
                money(figures.costs_total)
            )
        },
    );
    let sensitivity = (!figures.sensitivity.is_empty() && !benefits.is_empty()).then(|| {
        let points: Vec<(f64, f64)> = figures
            .sensitivity
            .iter()
            .map(|p| (p.scale, p.roi_percent))
            .collect();
        let title = match figures.break_even_scale {
            Some(scale) if scale < 1.0 => format!(
                "The pilot pays for itself even if the true effect is only {}% of the one measured",
                fixed(scale * 100.0, 0)
            ),
            Some(scale) => format!(
                "The pilot pays for itself only if the true effect is {}% of the one measured",
                fixed(scale * 100.0, 0)
            ),
            None => "No effect size makes the pilot pay for itself".into(),
        };
        charts::roi_sensitivity(&points, figures.break_even_scale, title)
    });
    let summary = if figures.costs_total.cents() <= 0 {
        format!(
            "No cost is recorded for this pilot yet (no budget lines, spending or hourly \
             costs), so its ROI cannot be computed; the first-year benefit is {}.",
            money(figures.benefits_total)
        )
    } else if benefits.is_empty() {
        format!(
            "No monetised KPI has a measured lift yet; the fully loaded cost is {}{}.",
            money(figures.costs_total),
            if finished {
                ""
            } else {
                " (time projected to day 90)"
            }
        )
    } else {
        format!(
            "ROI {roi_text}: a first-year benefit of {} (adjusted for confidence) against a \
             fully loaded cost of {}{}{}.",
            money(figures.benefits_total),
            money(figures.costs_total),
            figures
                .payback_months
                .map(|m| format!(", paid back in {} months", fixed(m, 1)))
                .unwrap_or_default(),
            match (figures.roi_percent_low, figures.roi_percent_high) {
                (Some(low), Some(high)) => format!(
                    "; from {}% to {}% across the effect's 95% interval",
                    fixed(low, 0),
                    fixed(high, 0)
                ),
                _ => String::new(),
            }
        )
    };
    Ok(Some(RoiReport {
        figures,
        assumptions: listed,
        projected: !finished,
        impact_per_hour,
        cost_against_benefit,
        sensitivity,
        summary,
    }))
}

fn parse_number(text: &str) -> std::result::Result<Option<f64>, ()> {
    let text = text.trim().replace(',', "");
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(())
}

/// Saves the ROI assumptions of a pilot's KPIs and its intangibles, every problem named at
/// its field, in one transaction with its change record.
pub fn set_assumptions(store: &mut Store, pilot_id: i64, input: &RoiInput) -> Result<()> {
    let pilot = pilots::get(store.conn(), pilot_id)?;
    let known = kpis::for_pilot(store.conn(), pilot_id)?;
    let mut problems = Problems::default();
    let mut rows = Vec::new();
    for (index, item) in input.assumptions.iter().enumerate() {
        let field = |name: &str| format!("assumptions[{index}].{name}");
        if !known.iter().any(|k| k.id == item.kpi_id) {
            problems.add(
                &field("kpiId"),
                format!("KPI {} is not a KPI of \"{}\"", item.kpi_id, pilot.name),
            );
            continue;
        }
        let affected = match parse_number(&item.affected_per_year) {
            Ok(Some(v)) if v < 0.0 => {
                problems.add(&field("affectedPerYear"), "a count is zero or more");
                None
            }
            Ok(v) => v,
            Err(()) => {
                problems.add(
                    &field("affectedPerYear"),
                    format!("\"{}\" is not a number", item.affected_per_year.trim()),
                );
                None
            }
        };
        let confidence = match parse_number(item.confidence.trim().trim_end_matches('%')) {
            Ok(Some(v)) if !(v > 0.0 && v <= 100.0) => {
                problems.add(
                    &field("confidence"),
                    "a confidence is above 0% and at most 100%",
                );
                None
            }
            Ok(v) => v.map(|v| v / 100.0),
            Err(()) => {
                problems.add(
                    &field("confidence"),
                    format!("\"{}\" is not a percentage", item.confidence.trim()),
                );
                None
            }
        };
        let unit = item.affected_unit.trim();
        if unit.chars().count() > AFFECTED_UNIT_MAX {
            problems.add(
                &field("affectedUnit"),
                format!("at most {AFFECTED_UNIT_MAX} characters"),
            );
        }
        rows.push(KpiAssumption {
            kpi_id: item.kpi_id,
            affected_per_year: affected,
            affected_unit: (!unit.is_empty()).then(|| unit.to_string()),
            confidence,
        });
    }
    let intangibles: Vec<String> = input
        .intangibles
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    for (index, text) in intangibles.iter().enumerate() {
        if text.chars().count() > INTANGIBLE_MAX {
            problems.add(
                &format!("intangibles[{index}]"),
                format!("at most {INTANGIBLE_MAX} characters"),
            );
        }
    }
    problems.into_result(|| ())?;
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    for row in &rows {
        assumptions::set(&tx, row)?;
    }
    assumptions::replace_intangibles(&tx, pilot_id, &intangibles)?;
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor: &actor,
            entity: "pilot",
            entity_id: &pilot_id.to_string(),
            action: "roi_assumptions",
            summary: &format!(
                "Set the ROI assumptions of {} KPI{} and {} intangible{}",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                intangibles.len(),
                if intangibles.len() == 1 { "" } else { "s" }
            ),
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// Every role in People with its hourly cost, where one is set.
pub fn hourly_costs(store: &Store) -> Result<Vec<HourlyCost>> {
    let set: std::collections::HashMap<String, Money> = assumptions::hourly_costs(store.conn())?
        .into_iter()
        .collect();
    let mut statement = store.conn().prepare(
        "SELECT role, count(*) FROM people WHERE role <> '' GROUP BY role ORDER BY role",
    )?;
    let roles: Vec<(String, u32)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let mut costs: Vec<HourlyCost> = roles
        .into_iter()
        .filter_map(|(role, people)| {
            set.get(&role).map(|cost| HourlyCost {
                role: role.clone(),
                cost: *cost,
                people,
            })
        })
        .collect();
    for (role, cost) in &set {
        if !costs.iter().any(|c| &c.role == role) {
            costs.push(HourlyCost {
                role: role.clone(),
                cost: *cost,
                people: 0,
            });
        }
    }
    costs.sort_by(|a, b| a.role.cmp(&b.role));
    Ok(costs)
}

/// Sets (or, with an empty cost, clears) a role's hourly cost.
pub fn set_hourly_cost(store: &mut Store, input: &HourlyCostInput) -> Result<Vec<HourlyCost>> {
    let role = input.role.trim();
    if role.is_empty() {
        return Err(Error::invalid_field("role", "name the role, as in People"));
    }
    let cost = if input.cost.trim().is_empty() {
        None
    } else {
        Some(Money::parse(&input.cost).map_err(|why| Error::invalid_field("cost", why))?)
    };
    let actor = settings::load(store.conn())?.current_user;
    let tx = store.write()?;
    assumptions::set_hourly_cost(&tx, role, cost)?;
    let currency = settings::load(&tx)?.currency;
    changes::append(
        &tx,
        &timestamp_now(),
        &NewChange {
            actor: &actor,
            entity: "settings",
            entity_id: "hourly_costs",
            action: "hourly_cost",
            summary: &match cost {
                Some(cost) => format!("An hour of {role} costs {}", cost.format_with(&currency)),
                None => format!("Cleared the hourly cost of {role}"),
            },
        },
    )?;
    tx.commit()?;
    hourly_costs(store)
}

/// The day a dashboard for `month` (YYYY-MM) is read to: the month's last day, or today if
/// the month is this one; a month in the future is refused.
pub fn as_of_for_month(month: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    let Some(month) = month.map(str::trim).filter(|m| !m.is_empty()) else {
        return Ok(today);
    };
    let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").map_err(|_| {
        Error::invalid_field(
            "month",
            format!("\"{month}\" is not a month; write YYYY-MM"),
        )
    })?;
    if first > today {
        return Err(Error::invalid_field(
            "month",
            format!("{month} has not begun yet"),
        ));
    }
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    Ok(last.min(today))
}

/// The benefits a pilot lists without monetising them.
pub fn intangibles(store: &Store, pilot_id: i64) -> Result<Vec<String>> {
    assumptions::intangibles(store.conn(), pilot_id)
}
