//! The coaching network of a quarter (DESIGN.md, fifth practice): figures with their
//! denominators, each coach's load, reach and impact, the map the window draws and the chart
//! a pack prints. Reads only: nothing here writes.

mod impact;
mod load;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::metrics::analytics::privacy;
use crate::metrics::network::{graph, layout};
use crate::model::network::{
    CoachFigures, LayoutTeam, NetworkEdge, NetworkFigures, NetworkLayout, NetworkNode, NetworkView,
    Quarter, TeamNetwork,
};
use crate::store::{network as store, settings};

use load::Network;

/// "2026-Q3" as a quarter, or the reason it is not one, named by its field.
pub fn parse_quarter(text: &str) -> Result<Quarter> {
    Quarter::parse(text).ok_or_else(|| {
        Error::invalid_field(
            "quarter",
            format!("{text:?} is not a quarter: write it as YYYY-Qn, e.g. 2026-Q3"),
        )
    })
}

/// Every quarter from the first coaching event to the last, oldest first.
pub fn quarters(conn: &Connection) -> Result<Vec<Quarter>> {
    Ok(store::event_span(conn)?
        .map(|(first, last)| Quarter::containing(first).through(Quarter::containing(last)))
        .unwrap_or_default())
}

/// The quarter asked for, or else the last one with coaching events; none when there are
/// no events and none was asked for.
fn quarter_or_latest(conn: &Connection, asked: Option<&str>) -> Result<Option<Quarter>> {
    match asked.map(str::trim).filter(|q| !q.is_empty()) {
        Some(text) => parse_quarter(text).map(Some),
        None => Ok(quarters(conn)?.last().copied()),
    }
}

fn hours(minutes: u64) -> f64 {
    minutes as f64 / 60.0
}

fn figures_of(
    conn: &Connection,
    network: &Network,
    kpi: Option<i64>,
    floor: u32,
) -> Result<NetworkFigures> {
    let summary = graph::summary(&network.team_of, &network.ties);
    let team_counts = graph::per_team(&network.team_of, network.teams.len(), &network.ties);
    let sizes: Vec<u32> = team_counts.iter().map(|t| t.people).collect();
    let hidden = privacy::hidden_cells(&sizes, floor);
    let teams = network
        .teams
        .iter()
        .zip(&team_counts)
        .zip(&hidden)
        .map(|((team, counts), &hidden)| {
            let shown = |value: u32| (!hidden).then_some(value);
            TeamNetwork {
                team: team.clone(),
                people: counts.people,
                hidden,
                reached: shown(counts.reached),
                reach: (!hidden && counts.people > 0)
                    .then(|| f64::from(counts.reached) / f64::from(counts.people)),
                ties_within: shown(counts.within),
                ties_across: shown(counts.across),
            }
        })
        .collect();

    let mut loads = graph::coach_loads(&network.team_of, &network.contacts);
    // Most coachees first, then the most teams, then the most hours: "top coaches by reach".
    loads.sort_by(|a, b| {
        b.coachees
            .len()
            .cmp(&a.coachees.len())
            .then(b.teams_reached.cmp(&a.teams_reached))
            .then(b.minutes.cmp(&a.minutes))
            .then(a.coach.cmp(&b.coach))
    });
    let impact_kpi = impact::choose_kpi(conn, network, kpi)?;
    let mut impacts = match &impact_kpi {
        Some(kpi) => impact::impacts(conn, network, kpi, &loads, floor)?
            .into_iter()
            .map(Some)
            .collect(),
        None => vec![None; loads.len()],
    };
    let coaches = loads
        .iter()
        .zip(impacts.iter_mut())
        .map(|(load, impact)| {
            let person = &network.people[load.coach as usize];
            CoachFigures {
                person_id: person.id.clone(),
                name: person.name.clone(),
                team: person.team.clone(),
                internal: network.internal[load.coach as usize],
                events: load.events,
                hours: hours(load.minutes),
                coachees: load.coachees.len() as u32,
                teams_reached: load.teams_reached,
                other_team_coachees: load.other_team_coachees,
                impact: impact.take(),
            }
        })
        .collect();
    Ok(NetworkFigures {
        quarter: network.quarter.to_string(),
        from: network.quarter.first_day(),
        to: network.quarter.last_day(),
        min_group_size: floor,
        people: summary.people,
        possible_ties: summary.possible_ties,
        ties: summary.ties,
        density: summary.density,
        reached: summary.reached,
        reach: summary.reach,
        cross_team_ties: summary.cross_team_ties,
        cross_team: summary.cross_team,
        events: network.events,
        hours: hours(network.minutes),
        excluded_events: network.excluded_events,
        teams,
        coaches,
        impact_kpi,
    })
}

/// A quarter's figures; coach impact on `kpi`, or on the KPI with the most person-level
/// data when none is named.
pub fn figures(conn: &Connection, quarter: &str, kpi: Option<i64>) -> Result<NetworkFigures> {
    let quarter = parse_quarter(quarter)?;
    let network = load::load(conn, quarter)?;
    let floor = settings::load(conn)?.min_group_size;
    figures_of(conn, &network, kpi, floor)
}

/// Two decimals of a layout unit: finer than any screen or page shows, and half the JSON.
fn rounded(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn layout_of(network: &Network) -> NetworkLayout {
    let central: Vec<bool> = network.people.iter().map(|p| p.manages).collect();
    let placed = layout::layout(&network.team_of, network.teams.len(), &central);
    let degree = graph::degrees(network.people.len() as u32, &network.ties);
    let mut team_sizes = vec![0u32; network.teams.len()];
    for &team in &network.team_of {
        team_sizes[team as usize] += 1;
    }
    NetworkLayout {
        width: rounded(placed.width),
        height: rounded(placed.height),
        teams: network
            .teams
            .iter()
            .zip(&placed.teams)
            .zip(&team_sizes)
            .map(|((name, disc), &people)| LayoutTeam {
                name: name.clone(),
                people,
                x: rounded(disc.x),
                y: rounded(disc.y),
                radius: rounded(disc.radius),
            })
            .collect(),
        nodes: network
            .people
            .iter()
            .enumerate()
            .map(|(i, person)| NetworkNode {
                id: person.id.clone(),
                label: person.name.clone(),
                team: network.team_of[i],
                x: rounded(placed.people[i].0),
                y: rounded(placed.people[i].1),
                coach: network.internal[i],
                ties: degree[i],
            })
            .collect(),
        edges: network
            .ties
            .iter()
            .map(|tie| NetworkEdge {
                a: tie.a,
                b: tie.b,
                weight: tie.events,
                cross_team: network.team_of[tie.a as usize] != network.team_of[tie.b as usize],
            })
            .collect(),
    }
}

/// The quarter's map alone: everyone placed, the ties between them.
pub fn map(conn: &Connection, quarter: &str) -> Result<NetworkLayout> {
    let network = load::load(conn, parse_quarter(quarter)?)?;
    Ok(layout_of(&network))
}

/// The network screen: the quarter asked for (the latest with events when none is), its
/// figures and map, and the quarters to step through.
pub fn view(conn: &Connection, quarter: Option<&str>) -> Result<NetworkView> {
    let quarters = quarters(conn)?;
    let names = quarters.iter().map(Quarter::to_string).collect();
    let Some(quarter) = quarter_or_latest(conn, quarter)? else {
        return Ok(NetworkView {
            quarter: None,
            quarters: names,
            figures: None,
            layout: NetworkLayout::default(),
        });
    };
    let network = load::load(conn, quarter)?;
    let floor = settings::load(conn)?.min_group_size;
    Ok(NetworkView {
        quarter: Some(quarter.to_string()),
        quarters: names,
        figures: Some(figures_of(conn, &network, None, floor)?),
        layout: layout_of(&network),
    })
}

/// The figures and the map of the quarter asked for (the latest when none is), for a pack:
/// `crate::packs::network::chart` turns them into the printed chart.
pub fn for_pack(
    conn: &Connection,
    quarter: Option<&str>,
) -> Result<Option<(NetworkFigures, NetworkLayout)>> {
    let Some(quarter) = quarter_or_latest(conn, quarter)? else {
        return Ok(None);
    };
    let network = load::load(conn, quarter)?;
    let floor = settings::load(conn)?.min_group_size;
    Ok(Some((
        figures_of(conn, &network, None, floor)?,
        layout_of(&network),
    )))
}
