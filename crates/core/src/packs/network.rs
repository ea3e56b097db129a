//! The coaching network as a pack prints it: the window's map (the same layout from
//! `workflows::network`), titled with its finding, with no one's name on it. A pack adds it
//! with [`blocks`]; the engine draws it (`engine::charts::network`).

use std::collections::HashMap;

use serde::Serialize;

use crate::metrics::analytics::precision::{compact, fixed, percent};
use crate::model::network::{NetworkFigures, NetworkLayout};
use crate::packs::dates::long_date;
use crate::packs::document::Block;

/// Team colours, in order; a team takes the colour of its index modulo their number. The
/// window draws with the same list (`TEAM_COLOURS` in ui/src/lib/network.ts).
pub const TEAM_COLOURS: [&str; 8] = [
    "#0f766e", "#2563eb", "#9333ea", "#65a30d", "#db2777", "#a16207", "#991b1b", "#64748b",
];
/// Teams under the privacy floor: drawn, never named.
pub const HIDDEN_TEAM_COLOUR: &str = "#c3c8cf";
pub const TIE_COLOUR: &str = "#b8c0ca";
pub const CROSS_TEAM_COLOUR: &str = "#d97706";

/// Above this many ties a page shows a tangle: lines within teams are left out and ties
/// across teams are drawn once per pair of teams.
pub const MAX_DRAWN_TIES: usize = 2000;
/// Up to this many teams are named on the map and in the legend.
pub const MAX_NAMED_TEAMS: usize = 8;

#[derive(Debug, Clone, Serialize)]
pub struct NetworkChart {
    /// States the finding.
    pub title: String,
    /// Period, denominators and what the numbers are.
    pub subtitle: String,
    pub note: String,
    /// The layout's size, in its units.
    pub width: f32,
    pub height: f32,
    pub teams: Vec<ChartTeam>,
    pub dots: Vec<Dot>,
    /// Every tie, or one line per pair of teams when `bundled`.
    pub lines: Vec<Line>,
    pub bundled: bool,
    /// Teams are named on the map (a few teams around a circle).
    pub named: bool,
    pub min_group_size: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartTeam {
    /// None for a team under the privacy floor.
    pub name: Option<String>,
    /// Index into `TEAM_COLOURS`; none for a team under the floor (grey).
    pub colour: Option<u8>,
    pub x: f32,
    pub y: f32,
    pub radius: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dot {
    pub x: f32,
    pub y: f32,
    /// Index into `teams`.
    pub team: u32,
    pub coach: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub cross_team: bool,
    /// Ties the line stands for: 1 unless bundled.
    pub ties: u32,
}

fn title(f: &NetworkFigures) -> String {
    match (f.reach, f.cross_team) {
        (_, None) => format!("No coaching ties were recorded in {}", f.quarter),
        (Some(reach), Some(cross)) if cross < 0.05 => format!(
            "Coaching in {} stayed inside teams: {} of ties crossed a team boundary, while \
             {} of people had a tie",
            f.quarter,
            percent(cross),
            percent(reach)
        ),
        (reach, Some(cross)) => format!(
            "In {}, {} of people had a coaching tie and {} of ties crossed teams",
            f.quarter,
            reach.map(percent).unwrap_or_else(|| "none".into()),
            percent(cross)
        ),
    }
}

fn subtitle(f: &NetworkFigures) -> String {
    let share = |v: Option<f64>| v.map(percent).unwrap_or_else(|| "—".into());
    format!(
        "{} to {}: {} people employed; {} ties of {} possible (density {}); reach {} of {} \
         people ({}); {} of {} ties across teams ({}). Counts of recorded coaching events, \
         not estimates.",
        long_date(f.from),
        long_date(f.to),
        fixed(f64::from(f.people), 0),
        fixed(f64::from(f.ties), 0),
        fixed(f.possible_ties as f64, 0),
        f.density.map(compact).unwrap_or_else(|| "—".into()),
        fixed(f64::from(f.reached), 0),
        fixed(f64::from(f.people), 0),
        share(f.reach),
        fixed(f64::from(f.cross_team_ties), 0),
        fixed(f64::from(f.ties), 0),
        share(f.cross_team),
    )
}

/// The printed chart of a quarter's network. Teams flagged hidden in `figures` (the privacy
/// floor) are drawn grey and not named; no person is named.
pub fn chart(figures: &NetworkFigures, layout: &NetworkLayout) -> NetworkChart {
    let hidden: HashMap<&str, bool> = figures
        .teams
        .iter()
        .map(|t| (t.team.as_str(), t.hidden))
        .collect();
    let is_hidden = |name: &str| hidden.get(name).copied().unwrap_or(true);
    let named = layout.teams.len() <= MAX_NAMED_TEAMS;
    let teams: Vec<ChartTeam> = layout
        .teams
        .iter()
        .enumerate()
        .map(|(index, team)| {
            let shown = !is_hidden(&team.name);
            ChartTeam {
                name: shown.then(|| team.name.clone()),
                colour: shown.then_some((index % TEAM_COLOURS.len()) as u8),
                x: team.x as f32,
                y: team.y as f32,
                radius: team.radius as f32,
            }
        })
        .collect();
    let dots: Vec<Dot> = layout
        .nodes
        .iter()
        .map(|n| Dot {
            x: n.x as f32,
            y: n.y as f32,
            team: n.team,
            coach: n.coach,
        })
        .collect();
    let at = |i: u32| {
        let n = &layout.nodes[i as usize];
        (n.x as f32, n.y as f32)
    };
    let bundled = layout.edges.len() > MAX_DRAWN_TIES;
    let lines = if bundled {
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        for edge in layout.edges.iter().filter(|e| e.cross_team) {
            let (ta, tb) = (
                layout.nodes[edge.a as usize].team,
                layout.nodes[edge.b as usize].team,
            );
            *pairs.entry((ta.min(tb), ta.max(tb))).or_default() += 1;
        }
        let mut pairs: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
        pairs.sort_unstable();
        let centre = |t: u32| (teams[t as usize].x, teams[t as usize].y);
        pairs
            .into_iter()
            .map(|((a, b), ties)| Line {
                from: centre(a),
                to: centre(b),
                cross_team: true,
                ties,
            })
            .collect()
    } else {
        layout
            .edges
            .iter()
            .map(|e| Line {
                from: at(e.a),
                to: at(e.b),
                cross_team: e.cross_team,
                ties: 1,
            })
            .collect()
    };
    let mut note = format!(
        "Each dot is a person employed in {}, in their team's cluster; no names are printed. \
         A line is a coaching tie: at least one coaching event between two people, either way; \
         orange lines cross teams.",
        figures.quarter
    );
    if dots.iter().any(|d| d.coach) {
        note.push_str(" Diamonds are internal coaches.");
    }
    if teams.iter().any(|t| t.name.is_none()) {
        note.push_str(&format!(
            " Teams under {} people, and as many more as keep them from being worked out from \
             the totals, are drawn grey and not named (the privacy floor).",
            figures.min_group_size
        ));
    }
    if !named {
        note.push_str(&format!(
            " With {} teams, colours repeat; the window names every team.",
            teams.len()
        ));
    }
    if bundled {
        note.push_str(&format!(
            " With {} ties, lines within teams are left out and the ties between two teams are \
             drawn as one line from cluster to cluster, thicker for more.",
            fixed(layout.edges.len() as f64, 0)
        ));
    }
    NetworkChart {
        title: title(figures),
        subtitle: subtitle(figures),
        note,
        width: layout.width as f32,
        height: layout.height as f32,
        teams,
        dots,
        lines,
        bundled,
        named,
        min_group_size: figures.min_group_size,
    }
}

/// The network section of a pack: a heading, the map, and a sentence on the coaches (by
/// their counts only: a pack names no one).
pub fn blocks(figures: &NetworkFigures, layout: &NetworkLayout) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading(format!("Coaching network, {}", figures.quarter)),
        Block::Network(chart(figures, layout)),
    ];
    if let Some(top) = figures.coaches.first() {
        let internal = figures.coaches.iter().filter(|c| c.internal).count();
        let across = figures
            .coaches
            .iter()
            .filter(|c| c.other_team_coachees > 0)
            .count();
        blocks.push(Block::Paragraph(format!(
            "{} people coached in {} ({} of them internal coaches; {} coached someone from \
             another team). The widest reach was {} coachees in {} team{}, over {} hours.",
            fixed(figures.coaches.len() as f64, 0),
            figures.quarter,
            fixed(internal as f64, 0),
            fixed(across as f64, 0),
            top.coachees,
            top.teams_reached,
            if top.teams_reached == 1 { "" } else { "s" },
            compact(top.hours)
        )));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted strings of the line that declares `name` in ui/src/lib/network.ts.
    fn ui_list(source: &str, name: &str) -> Vec<String> {
        let line = source
            .lines()
            .find(|l| l.contains(&format!("const {name} =")))
            .unwrap_or_default();
        line.split('"')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_window_draws_teams_and_ties_in_the_colours_the_packs_print() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/lib/network.ts");
        let source = std::fs::read_to_string(path).expect("the UI's network module");
        assert_eq!(ui_list(&source, "TEAM_COLOURS"), TEAM_COLOURS.to_vec());
        assert_eq!(ui_list(&source, "TIE_COLOUR"), vec![TIE_COLOUR]);
        assert_eq!(
            ui_list(&source, "CROSS_TEAM_COLOUR"),
            vec![CROSS_TEAM_COLOUR]
        );
    }
}
