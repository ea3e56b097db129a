//! Vector charts. A `Chart` is laid out once as a `Sketch` (marks in points), which `paint`
//! draws onto a PDF page and `packs::html` writes as SVG. The pilot timeline and the ranked
//! bars of the older packs draw straight onto the page.

mod axes;
mod bars;
mod curve;
mod frame;
mod intervals;
mod labels;
mod paint;
mod ranked_bars;
mod roles;
mod scale;
mod scatter;
mod series;
pub mod sketch;
mod strip;
mod timeline;

use crate::model::{Chart, ChartBody};

use super::flow::Flow;
use super::fonts::Fonts;
use super::theme;
use frame::Frame;
use sketch::Sketch;

pub use ranked_bars::bars as ranked_bars;
pub use timeline::timeline;

/// Lays `chart` out `width` points wide. `max_height` is the page's text height: a chart is
/// kept whole on one page, so a long list of rows is set tighter to fit it.
pub fn sketch(chart: &Chart, fonts: &Fonts, width: f32, max_height: f32) -> Sketch {
    let frame = Frame::begin(fonts, width, &chart.title, chart.subtitle.as_deref());
    match &chart.body {
        ChartBody::Series {
            series,
            bands,
            markers,
        } => series::draw(frame, chart, series, bands, markers),
        ChartBody::Intervals { rows, references } => {
            intervals::draw(frame, chart, rows, references, max_height)
        }
        ChartBody::Bars {
            categories,
            groups,
            references,
        } => bars::draw(frame, chart, categories, groups, references),
        ChartBody::Scatter { points, fit } => scatter::draw(frame, chart, points, fit.as_ref()),
        ChartBody::Curve {
            lines,
            references,
            x_references,
        } => curve::draw(frame, chart, lines, references, x_references),
    }
}

/// Draws `chart` at the flow's position, on a new page unless it fits whole on this one.
pub fn draw(flow: &mut Flow, chart: &Chart) {
    let page_height = flow.geometry.height - theme::MARGIN_TOP - theme::MARGIN_BOTTOM;
    let laid = sketch(chart, flow.fonts, flow.width(), page_height);
    flow.ensure(laid.height);
    let (left, top) = (flow.left(), flow.y());
    let fonts = flow.fonts;
    paint::paint(flow.canvas(), fonts, &laid, left, top);
    flow.advance(laid.height);
    flow.gap(theme::GAP + 4.0);
}
