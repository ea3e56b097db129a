//! The coaching network map (`packs::network`) as vector marks: the window's layout scaled
//! to the page, ties under the people, each team in its colour. Drawn once as a `Sketch`, so
//! the PDF and the HTML rendering show the same picture.

use crate::packs::engine::canvas::Style;
use crate::packs::engine::flow::Flow;
use crate::packs::engine::fonts::{Fonts, Weight};
use crate::packs::engine::theme::{self, Rgb};
use crate::packs::network::{
    NetworkChart, CROSS_TEAM_COLOUR, HIDDEN_TEAM_COLOUR, TEAM_COLOURS, TIE_COLOUR,
};

use super::frame::{Frame, LegendEntry, Swatch, TICK};
use super::labels::{text_area, Area};
use super::paint;
use super::roles::RoleStyle;
use super::sketch::{Anchor, Mark, Shape, Sketch, Stroke};

/// The map is never taller than this share of the page's text height, so its title, legend
/// and note stay on the same page.
const MAX_MAP_SHARE: f32 = 0.62;
/// Dashes for ties across teams, so they stay distinct from the others in grey print.
const CROSS_DASH: &[f32] = &[2.2, 1.2];
/// Above this many people a dot is a small square: at that size it looks the same and
/// costs a quarter of a circle's drawing.
const SQUARE_DOTS_ABOVE: usize = 1500;

pub fn rgb(hex: &str) -> Rgb {
    let channel = |range: std::ops::Range<usize>| {
        hex.get(range)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map_or(0.0, |v| f32::from(v) / 255.0)
    };
    (channel(1..3), channel(3..5), channel(5..7))
}

fn team_colour(chart: &NetworkChart, team: u32) -> Rgb {
    chart
        .teams
        .get(team as usize)
        .and_then(|t| t.colour)
        .and_then(|c| TEAM_COLOURS.get(c as usize))
        .map_or(rgb(HIDDEN_TEAM_COLOUR), |hex| rgb(hex))
}

fn symbol(colour: Rgb, shape: Shape) -> Swatch {
    Swatch::Symbol(RoleStyle {
        colour,
        fill: colour,
        dash: &[],
        shape,
    })
}

fn legend(chart: &NetworkChart) -> Vec<LegendEntry> {
    let mut entries = Vec::new();
    if chart.named {
        for team in &chart.teams {
            if let (Some(name), Some(colour)) = (&team.name, team.colour) {
                entries.push(LegendEntry {
                    label: name.clone(),
                    swatch: symbol(
                        rgb(TEAM_COLOURS[colour as usize % TEAM_COLOURS.len()]),
                        Shape::Circle,
                    ),
                });
            }
        }
    } else {
        entries.push(LegendEntry {
            label: format!(
                "A person; each cluster is a team ({} teams)",
                chart.teams.len()
            ),
            swatch: symbol(rgb(TEAM_COLOURS[0]), Shape::Circle),
        });
    }
    if chart.teams.iter().any(|t| t.name.is_none()) {
        entries.push(LegendEntry {
            label: format!(
                "Teams not named (privacy floor of {})",
                chart.min_group_size
            ),
            swatch: symbol(rgb(HIDDEN_TEAM_COLOUR), Shape::Circle),
        });
    }
    if chart.dots.iter().any(|d| d.coach) {
        entries.push(LegendEntry {
            label: "Internal coach".into(),
            swatch: symbol(theme::INK, Shape::Diamond),
        });
    }
    if !chart.bundled {
        entries.push(LegendEntry {
            label: "Tie within a team".into(),
            swatch: Swatch::Plain(rgb(TIE_COLOUR), &[]),
        });
    }
    entries.push(LegendEntry {
        label: if chart.bundled {
            "Ties between two teams".into()
        } else {
            "Tie across teams".into()
        },
        swatch: Swatch::Plain(rgb(CROSS_TEAM_COLOUR), CROSS_DASH),
    });
    entries
}

/// Lays the chart out `width` points wide; `max_height` is the page's text height.
pub fn sketch(chart: &NetworkChart, fonts: &Fonts, width: f32, max_height: f32) -> Sketch {
    let mut frame = Frame::begin(fonts, width, &chart.title, Some(&chart.subtitle));
    frame.legend(&legend(chart));
    if chart.dots.is_empty() || chart.width <= 0.0 || chart.height <= 0.0 {
        frame.nothing_to_show();
        return frame.finish("", width / 2.0, Some(&chart.note));
    }
    // Room under named clusters for their names.
    let label_room = if chart.named { 12.0 } else { 0.0 };
    let box_height = (max_height * MAX_MAP_SHARE).min(width * chart.height / chart.width);
    let scale = (width / chart.width).min((box_height - label_room).max(40.0) / chart.height);
    let (map_width, map_height) = (chart.width * scale, chart.height * scale);
    let left = (width - map_width) / 2.0;
    let top = frame.y + 4.0 + label_room;
    let at = |(x, y): (f32, f32)| (left + x * scale, top + y * scale);

    // Ties first, under the people: those within teams, then those across, so the ones
    // that carry knowledge between teams are never hidden beneath the others.
    let thin = (0.06 * scale).clamp(0.25, 0.6);
    for cross in [false, true] {
        for line in chart.lines.iter().filter(|l| l.cross_team == cross) {
            let stroke = if cross {
                let width = if chart.bundled {
                    (0.4 + (line.ties as f32).ln_1p() * 0.5).min(3.0)
                } else {
                    thin + 0.2
                };
                Stroke::dashed(width, rgb(CROSS_TEAM_COLOUR), CROSS_DASH)
            } else {
                Stroke::solid(thin, rgb(TIE_COLOUR))
            };
            frame.sketch.line(at(line.from), at(line.to), stroke);
        }
    }
    let radius = (0.42 * scale).clamp(0.55, 3.2);
    let squares = chart.dots.len() > SQUARE_DOTS_ABOVE;
    for dot in &chart.dots {
        let (x, y) = at((dot.x, dot.y));
        let fill = team_colour(chart, dot.team);
        if dot.coach {
            frame
                .sketch
                .symbol(x, y, radius * 1.5, Shape::Diamond, theme::INK);
            frame.sketch.marks.push(Mark::Symbol {
                x,
                y,
                radius: radius * 0.9,
                shape: Shape::Diamond,
                fill,
            });
        } else if squares {
            let side = radius * 1.7;
            frame
                .sketch
                .rect(x - side / 2.0, y - side / 2.0, side, side, fill);
        } else {
            frame.sketch.marks.push(Mark::Symbol {
                x,
                y,
                radius,
                shape: Shape::Circle,
                fill,
            });
        }
    }
    frame.y = top + map_height;
    if chart.named {
        team_names(&mut frame, chart, scale, left, top);
    }
    frame.y += 6.0;
    frame.finish("", width / 2.0, Some(&chart.note))
}

/// Each named team's name beside its cluster: under it when the cluster is in the lower
/// half of the map, over it otherwise, so names point away from the middle where ties run.
/// A name that would touch another is left out rather than overprinted.
fn team_names(frame: &mut Frame, chart: &NetworkChart, scale: f32, left: f32, top: f32) {
    let style = Style::new(Weight::Bold, TICK.size, theme::INK);
    let middle = chart.height / 2.0;
    let mut taken: Vec<Area> = Vec::new();
    let bounds = Area::new(0.0, top - 13.0, frame.width(), frame.y + 13.0);
    let mut lowest = frame.y;
    for team in &chart.teams {
        let Some(name) = &team.name else {
            continue;
        };
        let x = left + team.x * scale;
        let below = team.y >= middle;
        let baseline = if below {
            top + (team.y + team.radius) * scale + style.size + 2.0
        } else {
            top + (team.y - team.radius) * scale - 3.0
        };
        let half = frame.measure(style, name) / 2.0;
        let x = x.clamp(half, frame.width() - half);
        let area = text_area(frame.fonts, style, x, baseline, Anchor::Middle, name);
        if !area.within(&bounds) || taken.iter().any(|a| a.overlaps(&area)) {
            continue;
        }
        taken.push(area);
        frame.text(x, baseline, Anchor::Middle, style, name);
        lowest = lowest.max(area.bottom);
    }
    frame.y = lowest;
}

/// Draws the chart at the flow's position, on a new page unless it fits whole on this one.
pub fn draw(flow: &mut Flow, chart: &NetworkChart) {
    let laid = sketch(chart, flow.fonts, flow.width(), page_height(flow));
    flow.ensure(laid.height);
    let (left, top) = (flow.left(), flow.y());
    let fonts = flow.fonts;
    paint::paint(flow.canvas(), fonts, &laid, left, top);
    flow.advance(laid.height);
    flow.gap(theme::GAP + 4.0);
}

fn page_height(flow: &Flow) -> f32 {
    flow.geometry.height - theme::MARGIN_TOP - theme::MARGIN_BOTTOM
}

/// The height the chart takes on the page, before it is drawn.
pub fn height(flow: &Flow, chart: &NetworkChart) -> f32 {
    sketch(chart, flow.fonts, flow.width(), page_height(flow)).height
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::network::layout::layout;
    use crate::packs::network::{ChartTeam, Dot, Line};

    /// `sizes` people per team, team t named after `names[t]` (none: under the floor).
    fn chart(sizes: &[usize], names: &[Option<&str>]) -> NetworkChart {
        let team_of: Vec<u32> = sizes
            .iter()
            .enumerate()
            .flat_map(|(t, &n)| std::iter::repeat_n(t as u32, n))
            .collect();
        let placed = layout(&team_of, sizes.len(), &vec![false; team_of.len()]);
        let dots: Vec<Dot> = placed
            .people
            .iter()
            .zip(&team_of)
            .enumerate()
            .map(|(i, (&(x, y), &team))| Dot {
                x: x as f32,
                y: y as f32,
                team,
                coach: i == 0,
            })
            .collect();
        let lines = dots
            .windows(2)
            .map(|pair| Line {
                from: (pair[0].x, pair[0].y),
                to: (pair[1].x, pair[1].y),
                cross_team: pair[0].team != pair[1].team,
                ties: 1,
            })
            .collect();
        NetworkChart {
            title: "In 2026-Q3, 80% of people had a coaching tie and 12% of ties crossed teams"
                .into(),
            subtitle: "1 Jul 2026 to 30 Sep 2026".into(),
            note: "No names are printed.".into(),
            width: placed.width as f32,
            height: placed.height as f32,
            teams: placed
                .teams
                .iter()
                .enumerate()
                .map(|(t, disc)| ChartTeam {
                    name: names.get(t).copied().flatten().map(String::from),
                    colour: names.get(t).copied().flatten().map(|_| t as u8),
                    x: disc.x as f32,
                    y: disc.y as f32,
                    radius: disc.radius as f32,
                })
                .collect(),
            dots,
            lines,
            bundled: false,
            named: sizes.len() <= crate::packs::network::MAX_NAMED_TEAMS,
            min_group_size: 5,
        }
    }

    fn texts(sketch: &Sketch, fonts: &Fonts) -> Vec<(String, Area)> {
        sketch
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    x,
                    y,
                    anchor,
                    style,
                    text,
                } => Some((
                    text.clone(),
                    text_area(fonts, *style, *x, *y, *anchor, text),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn team_names_and_the_legend_never_overlap_and_stay_inside_the_chart() {
        let fonts = Fonts::for_measuring().unwrap();
        let names = [
            Some("Customer Success and Renewals"),
            Some("Sales West"),
            None,
            Some("Field Service Planning North"),
            Some("People & Analytics"),
            Some("Leadership"),
            Some("Operations Dispatch"),
        ];
        let chart = chart(&[14, 30, 3, 9, 22, 5, 12], &names);
        let laid = sketch(&chart, &fonts, 480.0, 700.0);
        let areas = texts(&laid, &fonts);
        for (i, (text, area)) in areas.iter().enumerate() {
            assert!(
                area.left >= -1.5 && area.right <= 481.5,
                "{text:?} runs out"
            );
            for (other, other_area) in &areas[i + 1..] {
                let shrink =
                    |a: &Area| Area::new(a.left + 1.3, a.top + 1.3, a.right - 1.3, a.bottom - 1.3);
                assert!(
                    !shrink(area).overlaps(&shrink(other_area)),
                    "{text:?} overlaps {other:?}"
                );
            }
        }
        let all: Vec<&str> = areas.iter().map(|(t, _)| t.as_str()).collect();
        assert!(all.contains(&"Sales West") && all.contains(&"Tie within a team"));
        assert!(
            all.contains(&"Teams not named (privacy floor of 5)"),
            "{all:?}"
        );
        assert!(laid.height < 700.0);
    }

    #[test]
    fn every_person_is_a_mark_inside_the_map_and_ties_are_drawn_under_them() {
        let fonts = Fonts::for_measuring().unwrap();
        let chart = chart(&[6, 6], &[Some("A"), Some("B")]);
        let laid = sketch(&chart, &fonts, 480.0, 700.0);
        // The map starts after the legend's last entry.
        let legend_end = laid
            .marks
            .iter()
            .position(|m| matches!(m, Mark::Text { text, .. } if text == "Tie across teams"))
            .unwrap();
        let map = &laid.marks[legend_end + 1..];
        let dots = map
            .iter()
            .filter(|m| {
                matches!(
                    m,
                    Mark::Symbol {
                        shape: Shape::Circle,
                        ..
                    }
                )
            })
            .count();
        // Eleven plain dots and one coach (a diamond with its ring).
        assert_eq!(dots, 11);
        let diamonds = map
            .iter()
            .filter(|m| {
                matches!(
                    m,
                    Mark::Symbol {
                        shape: Shape::Diamond,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(
            diamonds, 3,
            "the coach: a ring, a dark diamond and one in the team colour"
        );
        let first_dot = map.iter().position(|m| matches!(m, Mark::Symbol { .. }));
        let last_line = map.iter().rposition(|m| matches!(m, Mark::Path { .. }));
        assert!(last_line < first_dot, "ties are drawn before people");
        // The one tie across teams is dashed in the cross-team colour.
        let cross: Vec<&Mark> = laid
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Path { stroke, .. } if stroke.colour == rgb(CROSS_TEAM_COLOUR) && !stroke.dash.is_empty()))
            .collect();
        assert_eq!(cross.len(), 2, "the legend's swatch and the one tie across");
    }

    #[test]
    fn a_network_with_no_one_says_so() {
        let fonts = Fonts::for_measuring().unwrap();
        let mut empty = chart(&[], &[]);
        empty.dots.clear();
        let laid = sketch(&empty, &fonts, 480.0, 700.0);
        assert!(laid.texts().contains(&"No data to show yet."));
    }

    #[test]
    fn colours_read_from_hex() {
        assert_eq!(rgb("#ff0080"), (1.0, 0.0, 128.0 / 255.0));
        assert_eq!(rgb("nonsense"), (0.0, 0.0, 0.0));
    }
}
