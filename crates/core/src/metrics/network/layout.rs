//! Where the network map puts everyone, decided once here so the window and the printed
//! pack draw the same picture, and the same data always draw the same map. Each team is a
//! disc; its people fill it on a sunflower spiral (even density, no overlaps, no iteration),
//! the people listed first nearest the centre. A few teams sit around a circle; many sit in
//! rows, in their given order, so a team keeps its place from one quarter to the next.
//! Linear in people (and quadratic only in the dozen teams a circle can hold).

use std::f64::consts::{PI, TAU};

/// Distance scale of the spiral: neighbours end up about 1.8 units apart.
const SPACING: f64 = 1.0;
/// Space between two team discs.
const GAP: f64 = 3.0;
/// Space around the whole map.
const MARGIN: f64 = 2.0;
/// Up to this many teams sit around a circle; more sit in rows.
pub const CIRCLE_TEAMS: usize = 12;
/// Width over height the rows aim for: the window and a page are wider than tall.
const ASPECT: f64 = 1.6;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disc {
    pub x: f64,
    pub y: f64,
    pub radius: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// One per team, by team index.
    pub teams: Vec<Disc>,
    /// One per person: (x, y), y down.
    pub people: Vec<(f64, f64)>,
}

/// The disc that holds `people` people on the spiral.
pub fn team_radius(people: usize) -> f64 {
    SPACING * (people as f64).sqrt() + 1.0
}

/// The k-th point of a sunflower spiral around the origin.
fn spiral(k: usize) -> (f64, f64) {
    let golden = PI * (3.0 - 5f64.sqrt());
    let r = SPACING * (k as f64 + 0.5).sqrt();
    let angle = k as f64 * golden;
    (r * angle.cos(), r * angle.sin())
}

/// `team_of[i]`: person i's team, below `teams`. `central[i]`: person i sits near their
/// team's centre (managers, say). Otherwise people keep their order within a team.
pub fn layout(team_of: &[u32], teams: usize, central: &[bool]) -> Layout {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); teams];
    for (person, &team) in team_of.iter().enumerate() {
        if let Some(list) = members.get_mut(team as usize) {
            list.push(person);
        }
    }
    for list in &mut members {
        // Stable: within each half, people keep the caller's order.
        list.sort_by_key(|&p| !central.get(p).copied().unwrap_or(false));
    }
    let radii: Vec<f64> = members.iter().map(|m| team_radius(m.len())).collect();
    let centres = if teams <= CIRCLE_TEAMS {
        around_a_circle(&radii)
    } else {
        in_rows(&radii)
    };
    // Shift everything so the map starts at the margin.
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (&(x, y), &r) in centres.iter().zip(&radii) {
        left = left.min(x - r);
        top = top.min(y - r);
        right = right.max(x + r);
        bottom = bottom.max(y + r);
    }
    if teams == 0 {
        (left, top, right, bottom) = (0.0, 0.0, 0.0, 0.0);
    }
    let shift = |(x, y): (f64, f64)| (x - left + MARGIN, y - top + MARGIN);
    let discs: Vec<Disc> = centres
        .iter()
        .zip(&radii)
        .map(|(&centre, &radius)| {
            let (x, y) = shift(centre);
            Disc { x, y, radius }
        })
        .collect();
    let mut people = vec![(0.0, 0.0); team_of.len()];
    for (disc, list) in discs.iter().zip(&members) {
        for (k, &person) in list.iter().enumerate() {
            let (dx, dy) = spiral(k);
            people[person] = (disc.x + dx, disc.y + dy);
        }
    }
    Layout {
        width: right - left + 2.0 * MARGIN,
        height: bottom - top + 2.0 * MARGIN,
        teams: discs,
        people,
    }
}

/// Teams around a circle, clockwise from the top, each given an arc as wide as its disc;
/// the circle is made just large enough that no two discs overlap.
fn around_a_circle(radii: &[f64]) -> Vec<(f64, f64)> {
    if radii.len() <= 1 {
        return radii.iter().map(|_| (0.0, 0.0)).collect();
    }
    let widths: Vec<f64> = radii.iter().map(|r| 2.0 * r + GAP).collect();
    let total: f64 = widths.iter().sum();
    let mut angles = Vec::with_capacity(radii.len());
    let mut run = 0.0;
    for w in &widths {
        angles.push(-PI / 2.0 + TAU * (run + w / 2.0) / total);
        run += w;
    }
    let mut ring: f64 = total / TAU;
    for i in 0..radii.len() {
        for j in i + 1..radii.len() {
            let apart = (angles[j] - angles[i]).abs();
            let apart = apart.min(TAU - apart);
            let chord = 2.0 * (apart / 2.0).sin();
            if chord > 1e-9 {
                ring = ring.max((radii[i] + radii[j] + GAP) / chord);
            }
        }
    }
    angles
        .iter()
        .map(|a| (ring * a.cos(), ring * a.sin()))
        .collect()
}

/// Teams left to right in rows about `ASPECT` times as wide as the map is tall, each row as
/// tall as its largest disc, each disc on the row's middle line.
fn in_rows(radii: &[f64]) -> Vec<(f64, f64)> {
    let area: f64 = radii.iter().map(|r| (2.0 * r + GAP).powi(2)).sum();
    let row_width = (area * ASPECT).sqrt();
    let mut centres = vec![(0.0, 0.0); radii.len()];
    let mut start = 0;
    let mut top = 0.0;
    while start < radii.len() {
        // Fill the row, always with at least one team.
        let mut end = start;
        let mut width = 0.0;
        while end < radii.len() && (end == start || width + 2.0 * radii[end] <= row_width) {
            width += 2.0 * radii[end] + GAP;
            end += 1;
        }
        let tallest = radii[start..end].iter().cloned().fold(0.0, f64::max);
        let middle = top + tallest;
        let mut x = 0.0;
        for (index, &r) in radii.iter().enumerate().take(end).skip(start) {
            centres[index] = (x + r, middle);
            x += 2.0 * r + GAP;
        }
        top += 2.0 * tallest + GAP;
        start = end;
    }
    centres
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &Disc, b: &Disc) -> bool {
        let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
        d < a.radius + b.radius
    }

    fn check(layout: &Layout, team_of: &[u32]) {
        for (i, a) in layout.teams.iter().enumerate() {
            assert!(
                a.x - a.radius >= -1e-9 && a.y - a.radius >= -1e-9,
                "team {i} off the map"
            );
            assert!(
                a.x + a.radius <= layout.width + 1e-9 && a.y + a.radius <= layout.height + 1e-9
            );
            for b in &layout.teams[i + 1..] {
                assert!(!overlaps(a, b), "teams overlap: {a:?} {b:?}");
            }
        }
        for (person, &(x, y)) in layout.people.iter().enumerate() {
            let disc = layout.teams[team_of[person] as usize];
            let d = ((x - disc.x).powi(2) + (y - disc.y).powi(2)).sqrt();
            assert!(d < disc.radius, "person {person} outside their team's disc");
        }
    }

    #[test]
    fn a_few_teams_sit_around_a_circle_without_overlapping() {
        // Sizes 1, 40, 3, 12, 12 and 2: a large disc beside small ones tests the ring size.
        let sizes = [1usize, 40, 3, 12, 12, 2];
        let team_of: Vec<u32> = sizes
            .iter()
            .enumerate()
            .flat_map(|(t, &n)| std::iter::repeat_n(t as u32, n))
            .collect();
        let central = vec![false; team_of.len()];
        let layout = layout(&team_of, sizes.len(), &central);
        check(&layout, &team_of);
        // Two teams only: side by side, never on top of each other.
        let two = super::layout(&[0, 0, 0, 1], 2, &[false; 4]);
        check(&two, &[0, 0, 0, 1]);
    }

    #[test]
    fn many_teams_sit_in_rows_without_overlapping() {
        let team_of: Vec<u32> = (0..3000u32).map(|p| (p * 7919) % 211).collect();
        let central = vec![false; team_of.len()];
        let layout = layout(&team_of, 211, &central);
        check(&layout, &team_of);
        // Rows make a map wider than tall, not a strip.
        let ratio = layout.width / layout.height;
        assert!(ratio > 1.0 && ratio < 3.0, "{ratio}");
    }

    #[test]
    fn the_same_people_give_the_same_map_and_central_people_sit_in_the_middle() {
        let team_of = [0, 0, 0, 0, 1, 1];
        let central = [false, false, true, false, false, false];
        let a = layout(&team_of, 2, &central);
        assert_eq!(a, layout(&team_of, 2, &central));
        let disc = a.teams[0];
        let distance = |p: usize| {
            let (x, y) = a.people[p];
            ((x - disc.x).powi(2) + (y - disc.y).powi(2)).sqrt()
        };
        assert!((0..4)
            .filter(|&p| p != 2)
            .all(|p| distance(2) < distance(p)));
    }

    #[test]
    fn no_teams_is_an_empty_map() {
        let empty = layout(&[], 0, &[]);
        assert!(empty.teams.is_empty() && empty.people.is_empty());
        assert!(empty.width.is_finite() && empty.height.is_finite());
    }
}
