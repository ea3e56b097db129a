//! A whole pack as one self-contained HTML page: inline CSS, charts as inline SVG laid out by
//! the same code as the PDF's, fonts named by family only, nothing fetched. A benchmark prints
//! it with headless Chromium as a yardstick for the PDF engine.

mod svg;

use std::fmt::Write;

use super::dates::{long_date, short_date};
use super::document::{Align, Bar, Block, KeyFigure, PackDocument, Table, Timeline};
use super::engine::charts;
use super::engine::fonts::Fonts;
use super::engine::theme;
use super::engine::{geometry, short_hash};
use crate::model::PaperSize;

/// Text as HTML: the five characters with a meaning in markup are escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn to_html(doc: &PackDocument) -> String {
    let hash = doc.content_hash();
    let fonts = Fonts::for_measuring().ok();
    let page = geometry(PaperSize::A4);
    let width = page.width - 2.0 * theme::MARGIN_SIDE;
    let height = page.height - theme::MARGIN_TOP - theme::MARGIN_BOTTOM;

    let mut body = String::new();
    for block in &doc.blocks {
        if doc.draft && matches!(block, Block::Signatures(_)) {
            continue;
        }
        block_html(&mut body, block, fonts.as_ref(), width, height);
    }

    let title = escape(&doc.title);
    let subject = escape(&doc.subject);
    let produced = escape(&format!("Produced {}", long_date(doc.produced_on)));
    let footer = escape(&format!(
        "Pilot: {} · content hash {}",
        doc.subject,
        short_hash(&hash)
    ));
    let draft_mark = if doc.draft {
        "<div class=\"watermark\" aria-hidden=\"true\">DRAFT</div>\n"
    } else {
        ""
    };
    let draft_badge = if doc.draft {
        " <span class=\"draft\">DRAFT</span>"
    } else {
        ""
    };
    let draft_margin = if doc.draft {
        "  @top-center { content: \"DRAFT\"; color: #bf362b; font-weight: 700; }\n"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}: {subject}</title>\n<style>\n{css}@page {{\n  size: A4;\n  \
         margin: {top}pt {side}pt {bottom}pt;\n  @top-left {{ content: \"{title_css}\"; \
         font: 700 8.5pt 'Noto Sans', sans-serif; }}\n  @top-right {{ content: \"{produced_css}\"; \
         font: 8pt 'Noto Sans', sans-serif; color: #616b7a; }}\n{draft_margin}  \
         @bottom-left {{ content: \"{footer_css}\"; font: 8pt 'Noto Sans', sans-serif; color: #616b7a; }}\n  \
         @bottom-right {{ content: \"page \" counter(page) \" of \" counter(pages); \
         font: 700 8pt 'Noto Sans', sans-serif; }}\n}}\n</style>\n</head>\n<body>\n{draft_mark}\
         <header class=\"running\">{title}{draft_badge} <span>{produced}</span></header>\n\
         <main>\n{body}</main>\n<footer class=\"running\">{footer}</footer>\n</body>\n</html>\n",
        css = CSS,
        top = theme::MARGIN_TOP,
        side = theme::MARGIN_SIDE,
        bottom = theme::MARGIN_BOTTOM,
        title_css = css_string(&doc.title),
        produced_css = css_string(&format!("Produced {}", long_date(doc.produced_on))),
        footer_css = css_string(&format!(
            "Pilot: {} · content hash {}",
            doc.subject,
            short_hash(&hash)
        )),
    )
}

/// Text inside a CSS string literal: quotes, backslashes and line breaks escaped, and no
/// "<" that could close the style element.
fn css_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\22 "),
            '\\' => out.push_str("\\5c "),
            '<' => out.push_str("\\3c "),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn block_html(out: &mut String, block: &Block, fonts: Option<&Fonts>, width: f32, height: f32) {
    // Writing into a String cannot fail.
    let _ = match block {
        Block::Title(text) => writeln!(out, "<h1>{}</h1>", escape(text)),
        Block::Lead(text) => writeln!(out, "<p class=\"lead\">{}</p>", escape(text)),
        Block::Heading(text) => writeln!(out, "<h2>{}</h2>", escape(text)),
        Block::Subheading(text) => writeln!(out, "<h3>{}</h3>", escape(text)),
        Block::Paragraph(text) => writeln!(out, "<p>{}</p>", escape(text)),
        Block::Note(text) => writeln!(out, "<p class=\"note\">{}</p>", escape(text)),
        Block::Bullets(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", escape(item));
            }
            writeln!(out, "</ul>")
        }
        Block::KeyFigures(figures) => {
            key_figures(out, figures);
            Ok(())
        }
        Block::Callout { title, text } => writeln!(
            out,
            "<aside class=\"callout\"><strong>{}</strong><p>{}</p></aside>",
            escape(title),
            escape(text)
        ),
        Block::Table(table) => {
            table_html(out, table);
            Ok(())
        }
        Block::Timeline(timeline) => {
            timeline_html(out, timeline);
            Ok(())
        }
        Block::BarChart(chart) => {
            let _ = writeln!(
                out,
                "<section class=\"ranked\"><h3>{}</h3>",
                escape(&chart.title)
            );
            ranked_bars(out, &chart.bars);
            if let Some(note) = &chart.note {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
            }
            writeln!(out, "</section>")
        }
        Block::Chart(chart) => {
            let _ = writeln!(out, "<figure class=\"chart\" id=\"{}\">", escape(&chart.id));
            match fonts {
                Some(fonts) => {
                    let sketch = charts::sketch(chart, fonts, width, height);
                    out.push_str(&svg::svg(&sketch, &chart.title));
                }
                None => {
                    let _ = writeln!(out, "<figcaption>{}</figcaption>", escape(&chart.title));
                }
            }
            writeln!(out, "</figure>")
        }
        Block::Network(chart) => {
            let _ = writeln!(out, "<figure class=\"chart\" id=\"network\">");
            match fonts {
                Some(fonts) => {
                    let sketch = charts::network::sketch(chart, fonts, width, height);
                    out.push_str(&svg::svg(&sketch, &chart.title));
                }
                None => {
                    let _ = writeln!(out, "<figcaption>{}</figcaption>", escape(&chart.title));
                }
            }
            writeln!(out, "</figure>")
        }
        Block::Signatures(names) => {
            out.push_str("<div class=\"signatures\">\n");
            for name in names {
                let _ = writeln!(
                    out,
                    "<div><span>Signature: {}</span><span>Date</span></div>",
                    escape(name)
                );
            }
            writeln!(out, "</div>")
        }
        Block::PageBreak => writeln!(out, "<div class=\"page-break\"></div>"),
    };
}

fn key_figures(out: &mut String, figures: &[KeyFigure]) {
    out.push_str("<div class=\"figures\">\n");
    for figure in figures {
        let _ = writeln!(
            out,
            "<div class=\"figure\"><div class=\"value\">{}</div><div class=\"label\">{}</div>\
             <div class=\"basis\">{}</div></div>",
            escape(&figure.value),
            escape(&figure.label),
            escape(&figure.basis)
        );
    }
    out.push_str("</div>\n");
}

fn table_html(out: &mut String, table: &Table) {
    let total: f32 = table.columns.iter().map(|c| c.weight.max(0.1)).sum();
    out.push_str("<table>\n<colgroup>");
    for column in &table.columns {
        let _ = write!(
            out,
            "<col style=\"width:{:.1}%\">",
            100.0 * column.weight.max(0.1) / total
        );
    }
    out.push_str("</colgroup>\n<thead><tr>");
    let class = |align: Align| match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
    };
    for column in &table.columns {
        let _ = write!(
            out,
            "<th{}>{}</th>",
            class(column.align),
            escape(&column.title)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (index, column) in table.columns.iter().enumerate() {
            let cell = row.get(index).map(String::as_str).unwrap_or("");
            let _ = write!(out, "<td{}>{}</td>", class(column.align), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(note) = &table.note {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
}

fn timeline_html(out: &mut String, timeline: &Timeline) {
    let _ = writeln!(
        out,
        "<section class=\"timeline\"><h3>{}</h3>",
        escape(&timeline.title)
    );
    let span = (timeline.end - timeline.start).num_days().max(1) as f32;
    out.push_str("<ol>\n");
    for milestone in &timeline.milestones {
        let offset = (milestone.date - timeline.start).num_days() as f32;
        let _ = writeln!(
            out,
            "<li style=\"--at:{:.1}%\"><strong>{}</strong> <span>{}</span></li>",
            100.0 * offset.clamp(0.0, span) / span,
            escape(&milestone.label),
            escape(&short_date(milestone.date))
        );
    }
    let _ = writeln!(
        out,
        "</ol>\n<div class=\"track\"><span>{}</span><span>{}</span></div>\n</section>",
        escape(&short_date(timeline.start)),
        escape(&short_date(timeline.end))
    );
}

fn ranked_bars(out: &mut String, bars: &[Bar]) {
    let max = bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    for bar in bars {
        let share = (bar.value.max(0.0) / max * 100.0).clamp(0.0, 100.0);
        let _ = writeln!(
            out,
            "<div class=\"bar\"><span class=\"label\">{}</span><span class=\"track\">\
             <span style=\"width:{share:.1}%\"></span></span><strong>{}</strong></div>",
            escape(&bar.label),
            escape(&bar.display)
        );
    }
}

const CSS: &str = r#"* { box-sizing: border-box; }
html { font-family: "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.38; color: #1b2430; }
body { margin: 0; }
@media screen { body { max-width: 595pt; margin: 24pt auto; padding: 0 54pt; } }
.running { display: none; }
@media screen { .running { display: flex; justify-content: space-between; font-size: 8pt; color: #616b7a; border-bottom: 0.6pt solid #d1d9e0; margin-bottom: 12pt; } footer.running { border: 0; border-top: 0.6pt solid #d1d9e0; margin-top: 24pt; } }
.draft { background: #bf362b; color: #fff; font-weight: 700; padding: 0 4pt; }
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-54deg); font-size: 120pt; font-weight: 700; color: #eceef0; z-index: -1; pointer-events: none; }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 6pt; }
h2 { font-size: 13.5pt; color: #0f766e; border-bottom: 0.7pt solid #d1d9e0; margin: 14pt 0 7pt; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 8pt 0 4pt; break-after: avoid; }
p { margin: 0 0 9pt; }
.lead { font-size: 13pt; margin-bottom: 13pt; }
.note { font-size: 8pt; color: #616b7a; }
ul { margin: 0 0 7pt; padding-left: 12pt; }
.figures { display: flex; gap: 9pt; margin-bottom: 13pt; break-inside: avoid; }
.figure { flex: 1; background: #e6f5f2; border-top: 3pt solid #0f766e; padding: 6pt 8pt; }
.figure .value { font-size: 19pt; font-weight: 700; color: #0f766e; }
.figure .label { font-size: 9pt; font-weight: 700; }
.figure .basis { font-size: 7.5pt; color: #616b7a; }
.callout { background: #fef7ec; border-left: 4pt solid #d97706; padding: 8pt 12pt; margin-bottom: 13pt; break-inside: avoid; }
.callout p { margin: 2pt 0 0; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-bottom: 4pt; }
thead { display: table-header-group; }
th { background: #eceff2; text-align: left; }
th, td { padding: 4pt 5pt; border-top: 0.4pt solid #d1d9e0; vertical-align: top; }
tbody tr:nth-child(even) { background: #f6f7f9; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 0 0 13pt; break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.timeline ol { list-style: none; padding: 0; margin: 0; position: relative; height: 3.2em; }
.timeline li { position: absolute; left: var(--at); transform: translateX(-50%); font-size: 8pt; white-space: nowrap; }
.timeline li:nth-child(even) { top: 1.6em; }
.timeline .track { display: flex; justify-content: space-between; border-top: 9pt solid #e6f5f2; outline: 0.6pt solid #0f766e; font-size: 7.5pt; color: #616b7a; margin-bottom: 12pt; }
.ranked .bar { display: grid; grid-template-columns: 32% 1fr 86pt; gap: 6pt; align-items: center; font-size: 9.5pt; }
.ranked .track span { display: block; height: 11pt; background: #0f766e; }
.signatures div { display: grid; grid-template-columns: 1fr 1fr; gap: 24pt; padding-top: 26pt; font-size: 8pt; color: #616b7a; }
.signatures span { border-top: 0.6pt solid #1b2430; padding-top: 2pt; }
.page-break { break-after: page; }
"#;
