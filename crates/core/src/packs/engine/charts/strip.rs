//! The rows of labels just above a plot: shaded windows, marked days, references on the x
//! axis. Labels that would touch are stacked on further rows, never overlapped, and the line
//! from a marked day up to its label never crosses another label.

use super::frame::{Frame, LABEL_ROW, TICK};
use super::labels::Area;
use super::sketch::Anchor;
use crate::packs::engine::canvas::Style;

pub struct StripLabel {
    pub x: f32,
    pub text: String,
    pub style: Style,
    /// True when a line runs from the plot up to the label at `x` (a marked day, a reference).
    pub pole: bool,
    /// For a window's label: where the window starts, so the label can begin there.
    pub starts_at: Option<f32>,
}

/// The label of a shaded window from `from` to `to`: at the window's start, or over its
/// middle when something is in the way.
pub fn band(from: f32, to: f32, text: &str) -> StripLabel {
    StripLabel {
        x: (from + to) / 2.0,
        text: text.to_string(),
        style: TICK,
        pole: false,
        starts_at: Some(from + 3.0),
    }
}

pub fn pole(x: f32, text: &str, style: Style) -> StripLabel {
    StripLabel {
        x,
        text: text.to_string(),
        style,
        pole: true,
        starts_at: None,
    }
}

/// Where one label went: its row (0 is next to the plot), its anchor point and anchor.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub row: usize,
    pub x: f32,
    pub anchor: Anchor,
    area: Area,
    pole: Option<f32>,
}

pub struct Strip {
    pub placed: Vec<Placed>,
    pub rows: usize,
}

impl Strip {
    fn allows(&self, row: usize, area: &Area, pole: Option<f32>) -> bool {
        let covers = |area: &Area, x: f32| area.left <= x && x <= area.right;
        self.placed.iter().all(|p| {
            let same_row = p.row == row && p.area.overlaps(area);
            // The new label's pole would run up through a label below it.
            let crossed = pole.is_some_and(|x| p.row < row && covers(&p.area, x));
            // The new label would sit across the pole of a label above it.
            let crossing = p.pole.is_some_and(|x| p.row > row && covers(area, x));
            !same_row && !crossed && !crossing
        })
    }
}

/// Stacks `labels` between `left` and `right` in as few rows as it can: it tries placing the
/// labels with a pole first (they sit nearest the plot) and the others first, and keeps the
/// layout that needs no crossing and fewer rows.
pub fn stack(frame: &Frame, labels: &[StripLabel], left: f32, right: f32) -> Strip {
    let poles_first = stack_in_order(frame, labels, left, right, false);
    let others_first = stack_in_order(frame, labels, left, right, true);
    let cost = |(strip, forced): &(Strip, usize)| (*forced, strip.rows);
    if cost(&others_first) < cost(&poles_first) {
        others_first.0
    } else {
        poles_first.0
    }
}

/// The strip, and how many labels had to be forced onto a row of their own.
fn stack_in_order(
    frame: &Frame,
    labels: &[StripLabel],
    left: f32,
    right: f32,
    others_first: bool,
) -> (Strip, usize) {
    let mut strip = Strip {
        placed: Vec::new(),
        rows: 0,
    };
    let mut forced = 0;
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by_key(|i| labels[*i].pole == others_first);
    let mut slots: Vec<Option<Placed>> = vec![None; labels.len()];
    for index in order {
        let label = &labels[index];
        let width = frame.measure(label.style, &label.text);
        let half = width / 2.0;
        let centred = label.x.clamp(left + half, (right - half).max(left + half));
        let mut candidates = Vec::new();
        if let Some(start) = label.starts_at {
            candidates.push((start, Anchor::Start, start, start + width));
        }
        candidates.push((centred, Anchor::Middle, centred - half, centred + half));
        if label.pole {
            candidates.push((
                label.x - 2.0,
                Anchor::Start,
                label.x - 2.0,
                label.x - 2.0 + width,
            ));
            candidates.push((
                label.x + 2.0,
                Anchor::End,
                label.x + 2.0 - width,
                label.x + 2.0,
            ));
        }
        // A label that leaves the other marked days' lines clear is preferred; the sort is
        // stable, so otherwise the first candidate stays first.
        let other_poles: Vec<f32> = labels
            .iter()
            .enumerate()
            .filter(|(i, l)| *i != index && l.pole)
            .map(|(_, l)| l.x)
            .collect();
        candidates.sort_by_key(|(_, _, from, to)| {
            other_poles
                .iter()
                .any(|x| from - 2.5 <= *x && *x <= to + 2.5)
        });
        let pole = label.pole.then_some(label.x);
        let found = (0..=labels.len()).find_map(|row| {
            candidates.iter().find_map(|(x, anchor, from, to)| {
                let area = Area::new(from - 2.5, 0.0, to + 2.5, 1.0);
                let inside = *from >= left - 0.5 && *to <= right + 0.5;
                (inside && strip.allows(row, &area, pole)).then_some(Placed {
                    row,
                    x: *x,
                    anchor: *anchor,
                    area,
                    pole,
                })
            })
        });
        // Only marked days a few points apart, or a label wider than the chart, get here:
        // a row of their own keeps them legible even if a line runs through one.
        let placed = found.unwrap_or_else(|| {
            forced += 1;
            Placed {
                row: strip.rows,
                x: centred,
                anchor: Anchor::Middle,
                area: Area::new(centred - half, 0.0, centred + half, 1.0),
                pole,
            }
        });
        strip.rows = strip.rows.max(placed.row + 1);
        strip.placed.push(placed);
        slots[index] = Some(placed);
    }
    strip.placed = slots.into_iter().flatten().collect();
    (strip, forced)
}

impl Strip {
    pub fn height(&self) -> f32 {
        self.rows as f32 * LABEL_ROW
    }

    /// The baseline of `row` for a strip ending at `plot_top`.
    pub fn baseline(&self, row: usize, plot_top: f32) -> f32 {
        plot_top - 3.0 - row as f32 * LABEL_ROW
    }

    /// Where the line from the plot up to the label in `row` stops.
    pub fn label_bottom(&self, row: usize, plot_top: f32) -> f32 {
        self.baseline(row, plot_top) + 1.5
    }

    pub fn draw(&self, frame: &mut Frame, labels: &[StripLabel], plot_top: f32) {
        for (label, placed) in labels.iter().zip(&self.placed) {
            let baseline = self.baseline(placed.row, plot_top);
            frame.text(placed.x, baseline, placed.anchor, label.style, &label.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::engine::fonts::Fonts;

    fn check(strip: &Strip) {
        let covers = |area: &Area, x: f32| area.left <= x && x <= area.right;
        for (i, a) in strip.placed.iter().enumerate() {
            for b in &strip.placed[i + 1..] {
                assert!(
                    a.row != b.row || !a.area.overlaps(&b.area),
                    "{a:?} overlaps {b:?}"
                );
            }
            for b in &strip.placed {
                if let Some(x) = a.pole {
                    assert!(
                        !(b.row < a.row && covers(&b.area, x)),
                        "{b:?} crosses the pole of {a:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_label_overlaps_another_or_crosses_a_pole() {
        let fonts = Fonts::for_measuring().unwrap();
        let frame = Frame::begin(&fonts, 400.0, "t", None);
        let labels = vec![
            band(180.0, 220.0, "Pilot window, a long band label"),
            pole(190.0, "Day 45 review", TICK),
            pole(232.0, "Day 50", TICK),
            pole(250.0, "Day 52 steering group", TICK),
            band(0.0, 120.0, "Baseline"),
        ];
        let strip = stack(&frame, &labels, 0.0, 400.0);
        check(&strip);
        assert_eq!(strip.placed.len(), labels.len());
        assert_eq!(strip.placed[1].row, 0, "a marked day sits next to the plot");
        assert!(strip.rows <= 3);
        assert_eq!(
            strip.placed[4].row, 0,
            "a lone band label needs no second row"
        );
        assert!(strip.rows >= 2);
    }

    #[test]
    fn a_window_label_and_a_marked_day_share_a_row_when_they_can() {
        let fonts = Fonts::for_measuring().unwrap();
        let frame = Frame::begin(&fonts, 480.0, "t", None);
        // The day-45 label, centred on its line, would touch the window's label; moved to
        // start at its line, both fit on one row.
        let labels = vec![
            band(0.0, 300.0, "Baseline window"),
            band(300.0, 460.0, "Pilot window"),
            pole(355.0, "Day 45 review", TICK),
            pole(460.0, "Day 90 outcome", TICK),
        ];
        let strip = stack(&frame, &labels, 0.0, 480.0);
        check(&strip);
        assert_eq!(strip.rows, 1);
    }

    #[test]
    fn labels_that_fit_side_by_side_share_one_row() {
        let fonts = Fonts::for_measuring().unwrap();
        let frame = Frame::begin(&fonts, 400.0, "t", None);
        let labels = vec![
            band(0.0, 100.0, "Baseline"),
            band(100.0, 390.0, "Pilot"),
            pole(390.0, "Day 90", TICK),
        ];
        let strip = stack(&frame, &labels, 0.0, 400.0);
        check(&strip);
        assert_eq!(strip.rows, 1);
        // Kept inside the chart: the last label is pulled in from the right edge.
        assert!(strip.placed[2].area.right <= 403.0);
        // A window's label starts where the window does.
        assert_eq!(
            (strip.placed[1].x, strip.placed[1].anchor),
            (103.0, Anchor::Start)
        );
    }
}
