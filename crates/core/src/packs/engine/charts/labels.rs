//! Placing labels only where they touch nothing already drawn, so no two labels overlap and
//! none sits on a line or a marker.

use crate::packs::engine::canvas::Style;
use crate::packs::engine::fonts::Fonts;

use super::sketch::Anchor;

/// A rectangle in sketch coordinates (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Area {
    pub fn new(left: f32, top: f32, right: f32, bottom: f32) -> Area {
        Area {
            left: left.min(right),
            top: top.min(bottom),
            right: left.max(right),
            bottom: top.max(bottom),
        }
    }

    pub fn around(x: f32, y: f32, half: f32) -> Area {
        Area::new(x - half, y - half, x + half, y + half)
    }

    pub fn overlaps(&self, other: &Area) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    pub fn within(&self, bounds: &Area) -> bool {
        self.left >= bounds.left - 0.01
            && self.right <= bounds.right + 0.01
            && self.top >= bounds.top - 0.01
            && self.bottom <= bounds.bottom + 0.01
    }
}

/// The area a line of text covers, with a little air around it.
pub fn text_area(
    fonts: &Fonts,
    style: Style,
    x: f32,
    baseline: f32,
    anchor: Anchor,
    text: &str,
) -> Area {
    let width = fonts.width(style.weight, style.size, text);
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    let pad = 1.2;
    Area::new(
        left - pad,
        baseline - style.size * 0.76 - pad,
        left + width + pad,
        baseline + style.size * 0.24 + pad,
    )
}

/// What is already on the plot, and where labels may go.
pub struct Placer {
    bounds: Area,
    taken: Vec<Area>,
}

impl Placer {
    pub fn new(bounds: Area) -> Placer {
        Placer {
            bounds,
            taken: Vec::new(),
        }
    }

    pub fn block(&mut self, area: Area) {
        self.taken.push(area);
    }

    /// Marks a straight segment as taken, as a chain of small squares along it.
    pub fn block_segment(&mut self, from: (f32, f32), to: (f32, f32), half_width: f32) {
        let length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
        let steps = (length / 2.0).ceil().max(1.0) as usize;
        for i in 0..=steps {
            let t = i as f32 / steps as f32;
            let x = from.0 + (to.0 - from.0) * t;
            let y = from.1 + (to.1 - from.1) * t;
            self.taken.push(Area::around(x, y, half_width));
        }
    }

    pub fn is_free(&self, area: &Area) -> bool {
        area.within(&self.bounds) && !self.taken.iter().any(|t| t.overlaps(area))
    }

    /// Takes the first of `candidates` that is free; its index, or none when all are taken.
    pub fn place(&mut self, candidates: &[Area]) -> Option<usize> {
        let index = candidates.iter().position(|c| self.is_free(c))?;
        self.taken.push(candidates[index]);
        Some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_placed_only_where_nothing_is() {
        let mut placer = Placer::new(Area::new(0.0, 0.0, 100.0, 50.0));
        placer.block(Area::new(10.0, 10.0, 30.0, 20.0));
        let on_top = Area::new(20.0, 15.0, 40.0, 25.0);
        let beside = Area::new(40.0, 15.0, 60.0, 25.0);
        let outside = Area::new(90.0, 15.0, 110.0, 25.0);
        assert_eq!(placer.place(&[on_top, outside, beside]), Some(2));
        // The placed label now blocks its own spot.
        assert_eq!(placer.place(&[beside]), None);
    }

    #[test]
    fn a_segment_blocks_the_labels_it_would_cross() {
        let mut placer = Placer::new(Area::new(0.0, 0.0, 100.0, 100.0));
        placer.block_segment((0.0, 0.0), (100.0, 100.0), 1.0);
        assert!(!placer.is_free(&Area::new(45.0, 45.0, 55.0, 55.0)));
        assert!(placer.is_free(&Area::new(60.0, 10.0, 90.0, 20.0)));
    }
}
