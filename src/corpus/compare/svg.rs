//! The comparison charts of claim groups as one SVG document for a report: the same geometry
//! as the terminal view ([`super::chart`]), drawn with plain SVG elements. Must not import
//! `ratatui`, `crossterm` or `directories`.

use super::chart::{Chart, Level};
use std::fmt::Write;

/// Width of the document in pixels.
const WIDTH: f64 = 960.0;
/// Height of one chart's plot area.
const PLOT_HEIGHT: f64 = 260.0;
/// Left margin (value labels).
const LEFT: f64 = 90.0;
/// Right margin (labels of the last marks).
const RIGHT: f64 = 230.0;
/// Height of the vague band above the values.
const BAND: f64 = 34.0;

/// Escapes text for SVG character data and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes `charts` one below the other into a standalone SVG document.
pub fn to_svg(charts: &[Chart]) -> String {
    let block = |c: &Chart| PLOT_HEIGHT + if c.has_vague { BAND } else { 0.0 } + 110.0;
    let height: f64 = charts.iter().map(block).sum::<f64>().max(40.0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(
        out,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let mut top = 0.0;
    for c in charts {
        draw_chart(&mut out, c, top);
        top += block(c);
    }
    out.push_str("</svg>\n");
    out
}

fn draw_chart(out: &mut String, c: &Chart, top: f64) {
    let band = if c.has_vague { BAND } else { 0.0 };
    let plot_top = top + 40.0 + band;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let plot_right = WIDTH - RIGHT;
    let px = |x: f64| LEFT + c.x.fraction(x) * (plot_right - LEFT);
    let py = |y: f64| plot_bottom - c.y.fraction(y) * PLOT_HEIGHT;
    let _ = writeln!(
        out,
        r#"<text x="{LEFT}" y="{}" font-size="15" font-weight="bold">{}</text>"#,
        top + 22.0,
        escape(&c.title)
    );
    let scale = match (c.unit.is_empty(), c.log) {
        (true, _) => String::new(),
        (false, true) => format!("{} (logarithmic)", c.unit),
        (false, false) => c.unit.clone(),
    };
    if !scale.is_empty() {
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{}" text-anchor="end" fill="#555">{}</text>"##,
            LEFT - 8.0,
            plot_top - 8.0 - band,
            escape(&scale)
        );
    }
    // Axes and grid.
    let _ = writeln!(
        out,
        r##"<line x1="{LEFT}" y1="{plot_bottom}" x2="{plot_right}" y2="{plot_bottom}" stroke="#333"/>"##
    );
    let _ = writeln!(
        out,
        r##"<line x1="{LEFT}" y1="{plot_top}" x2="{LEFT}" y2="{plot_bottom}" stroke="#333"/>"##
    );
    for (v, label) in &c.y.ticks {
        let y = py(*v);
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{plot_right}" y2="{y:.1}" stroke="#e4e4e4"/><text x="{}" y="{:.1}" text-anchor="end" fill="#333">{}</text>"##,
            LEFT - 6.0,
            y + 4.0,
            escape(label)
        );
    }
    for (d, label) in &c.x.ticks {
        let x = px(*d);
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{plot_bottom}" x2="{x:.1}" y2="{}" stroke="#333"/><text x="{x:.1}" y="{}" text-anchor="middle" fill="#333">{}</text>"##,
            plot_bottom + 5.0,
            plot_bottom + 19.0,
            escape(label)
        );
    }
    if c.has_vague {
        let _ = writeln!(
            out,
            r##"<rect x="{LEFT}" y="{}" width="{}" height="{}" fill="#f4f4f4"/><text x="{}" y="{}" text-anchor="end" fill="#777" font-style="italic">vague</text>"##,
            plot_top - band,
            plot_right - LEFT,
            band - 4.0,
            LEFT - 6.0,
            plot_top - band / 2.0 + 2.0
        );
    }
    for m in &c.marks {
        let colour = if m.disagrees { "#c0392b" } else { "#1f5fa8" };
        let (x0, x1) = (px(m.x.0), px(m.x.1).max(px(m.x.0) + 2.0));
        let xm = (x0 + x1) / 2.0;
        let (y, shape) = match m.level {
            Level::Value(a, b) => {
                let (ya, yb) = (py(a), py(b));
                let bar = if (ya - yb).abs() < 1.0 {
                    format!(r#"<circle cx="{xm:.1}" cy="{ya:.1}" r="4" fill="{colour}"/>"#)
                } else {
                    format!(
                        r#"<line x1="{xm:.1}" y1="{ya:.1}" x2="{xm:.1}" y2="{yb:.1}" stroke="{colour}" stroke-width="4" stroke-linecap="round"/>"#
                    )
                };
                ((ya + yb) / 2.0, bar)
            }
            Level::Vague => {
                let y = plot_top - band / 2.0 - 2.0;
                (
                    y,
                    format!(
                        r##"<circle cx="{xm:.1}" cy="{y:.1}" r="4" fill="none" stroke="#777" stroke-dasharray="2,2"/>"##
                    ),
                )
            }
            Level::Row(r) => {
                let y = py(r as f64);
                (
                    y,
                    format!(r#"<circle cx="{xm:.1}" cy="{y:.1}" r="4" fill="{colour}"/>"#),
                )
            }
        };
        let span = if x1 - x0 > 3.0 {
            format!(
                r#"<line x1="{x0:.1}" y1="{y:.1}" x2="{x1:.1}" y2="{y:.1}" stroke="{colour}" stroke-width="1.5" opacity="0.6"/>"#
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            r##"{span}{shape}<text x="{:.1}" y="{:.1}" fill="#222">{} <tspan fill="#666">{}</tspan></text>"##,
            x1.max(xm + 4.0) + 6.0,
            y + 4.0,
            escape(&m.value),
            escape(&m.source)
        );
    }
    let mut note_y = plot_bottom + 40.0;
    if c.marks.iter().any(|m| m.disagrees) {
        let _ = writeln!(
            out,
            r##"<text x="{LEFT}" y="{note_y}" fill="#c0392b">red: disagrees with another figure about the same period</text>"##
        );
        note_y += 16.0;
    }
    if !c.undated.is_empty() {
        let _ = writeln!(
            out,
            r##"<text x="{LEFT}" y="{note_y}" fill="#777">{} claim(s) without a date are not drawn</text>"##,
            c.undated.len()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::chart::{Axis, Mark};

    #[test]
    fn marks_become_shapes_with_escaped_labels() {
        let chart = Chart {
            title: "A & B".into(),
            unit: "Soldaten".into(),
            x: Axis {
                min: 0.0,
                max: 100.0,
                ticks: vec![(50.0, "2024-10".into())],
            },
            y: Axis {
                min: 0.0,
                max: 10.0,
                ticks: vec![(0.0, "0".into()), (10.0, "10".into())],
            },
            log: false,
            has_vague: true,
            marks: vec![
                Mark {
                    member: 0,
                    x: (10.0, 11.0),
                    level: Level::Value(2.0, 8.0),
                    source: "<Reuters>".into(),
                    value: "2–8".into(),
                    disagrees: true,
                },
                Mark {
                    member: 1,
                    x: (40.0, 70.0),
                    level: Level::Vague,
                    source: "article".into(),
                    value: "Tausende".into(),
                    disagrees: false,
                },
            ],
            undated: vec![2],
        };
        let svg = to_svg(&[chart]);
        assert!(svg.starts_with("<svg "));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("A &amp; B"));
        assert!(svg.contains("&lt;Reuters&gt;"));
        assert!(svg.contains("Tausende"));
        assert!(svg.contains("2024-10"));
        assert!(svg.contains("stroke=\"#c0392b\""));
        assert!(svg.contains("without a date"));
        assert_eq!(svg.matches("<svg").count(), 1);
    }
}
