//! The comparison chart of one claim group as plain geometry: each member's figure (or event)
//! as a mark on a shared date axis, with its source beside it. The terminal view draws it on a
//! Braille canvas and [`super::svg`] writes it as SVG, so both show the same picture.
//!
//! Figure groups put time on x (the date the claim gives for its figure, else the article's
//! publication date; a partial date is a span) and the value on y (a range is a bar, a single
//! value a point; a logarithmic axis when the values span more than [`LOG_RATIO`]). Vague
//! counts ("Tausende") have no value: they sit in a band above the values, written as in the
//! text. Event groups put each member on its own row at its event date. Members without any
//! date are listed in [`Chart::undated`]. Must not import `ratatui`, `crossterm` or
//! `directories`.

use super::{Basis, ClaimGroup, format_value, group_thousands, members_disagree};
use crate::dates::{civil_from_days, day_span, days_from_civil};

/// Values spanning more than this ratio are drawn on a logarithmic axis.
pub const LOG_RATIO: f64 = 20.0;

/// One axis: its bounds and labelled ticks (positions in axis units).
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Lower bound.
    pub min: f64,
    /// Upper bound.
    pub max: f64,
    /// Tick positions and labels, in increasing order.
    pub ticks: Vec<(f64, String)>,
}

impl Axis {
    /// Where `v` lies between the bounds, 0.0 to 1.0.
    pub fn fraction(&self, v: f64) -> f64 {
        let span = self.max - self.min;
        if span <= 0.0 {
            0.5
        } else {
            ((v - self.min) / span).clamp(0.0, 1.0)
        }
    }
}

/// Where a mark's value sits on the y axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    /// A figure from `.0` to `.1` in y-axis units (equal for a single value).
    Value(f64, f64),
    /// A vague count: no value, drawn in the band above the values.
    Vague,
    /// Row `.0` of an event chart.
    Row(usize),
}

/// One member drawn on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Index into the group's members.
    pub member: usize,
    /// The time it covers, days since 1970-01-01, end exclusive.
    pub x: (f64, f64),
    /// Where its value sits.
    pub level: Level,
    /// The source ("article" when the article asserts it itself).
    pub source: String,
    /// The value as shown: "10.000–12.000", "≈1.500", "Tausende", or the event date.
    pub value: String,
    /// True when this member's figure disagrees with another about the same period.
    pub disagrees: bool,
}

/// A claim group as a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The group's topic.
    pub title: String,
    /// What y measures: the unit of a figure group ("Soldaten"), empty for events.
    pub unit: String,
    /// Time axis, in days since 1970-01-01.
    pub x: Axis,
    /// Value axis (log10 of the value when [`Chart::log`]), or rows for events.
    pub y: Axis,
    /// True when y is logarithmic.
    pub log: bool,
    /// True when some mark is vague (the renderers reserve the band above the values).
    pub has_vague: bool,
    /// The members that have a time, in member order.
    pub marks: Vec<Mark>,
    /// Members without any date: not on the chart.
    pub undated: Vec<usize>,
}

/// Lays out one group.
pub fn chart(group: &ClaimGroup) -> Chart {
    let is_event = matches!(group.basis, Basis::Event { .. });
    let values: Vec<(f64, f64)> = group
        .members
        .iter()
        .filter(|m| m.time.is_some())
        .filter_map(|m| m.figure.as_ref())
        .filter(|f| !f.vague)
        .map(|f| (f.min, f.max))
        .collect();
    let lo = values.iter().map(|v| v.0).fold(f64::INFINITY, f64::min);
    let hi = values.iter().map(|v| v.1).fold(f64::NEG_INFINITY, f64::max);
    let log = !is_event && lo > 0.0 && hi / lo > LOG_RATIO;
    let mut marks = Vec::new();
    let mut undated = Vec::new();
    let mut row = 0;
    for (i, m) in group.members.iter().enumerate() {
        let Some(time) = m.time else {
            undated.push(i);
            continue;
        };
        let (a, b) = day_span(&time);
        let disagrees = group
            .members
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && members_disagree(m, o));
        let (level, value) = match &m.figure {
            Some(f) if f.vague => (Level::Vague, vague_word(&f.written)),
            Some(f) => {
                let (y0, y1) = if log {
                    (f.min.log10(), f.max.log10())
                } else {
                    (f.min, f.max)
                };
                let approx = if f.approximate { "≈" } else { "" };
                (Level::Value(y0, y1), format!("{approx}{}", format_value(f)))
            }
            None => {
                row += 1;
                (Level::Row(row - 1), time.to_string())
            }
        };
        marks.push(Mark {
            member: i,
            x: (a as f64, b as f64),
            level,
            source: m.source.clone(),
            value,
            disagrees,
        });
    }
    let x = time_axis(&marks);
    let y = if is_event {
        Axis {
            min: -0.5,
            max: row.max(1) as f64 - 0.5,
            ticks: Vec::new(),
        }
    } else if values.is_empty() {
        // Only vague counts: there is no value to put a scale to.
        Axis {
            min: 0.0,
            max: 1.0,
            ticks: Vec::new(),
        }
    } else if log {
        log_axis(lo, hi)
    } else {
        linear_axis(hi)
    };
    let unit = match &group.basis {
        Basis::Figure { .. } => group
            .members
            .iter()
            .filter_map(|m| m.figure.as_ref())
            .find(|f| !f.vague)
            .or_else(|| group.members.iter().find_map(|m| m.figure.as_ref()))
            .map(|f| f.unit.clone())
            .unwrap_or_default(),
        Basis::Event { .. } => String::new(),
    };
    Chart {
        title: group.topic.clone(),
        unit,
        x,
        y,
        log,
        has_vague: marks.iter().any(|m| m.level == Level::Vague),
        marks,
        undated,
    }
}

/// The vague word of a vague count as written: "Tausende von Soldaten" -> "Tausende",
/// "mehrere hundert Soldaten" -> "mehrere hundert".
fn vague_word(written: &str) -> String {
    let words: Vec<&str> = written.split_whitespace().collect();
    let take = match words.first() {
        Some(w) if crate::extract::quantity::is_vague(w) => 1,
        _ => 2.min(words.len()),
    };
    words[..take].join(" ")
}

/// The time axis: the marks' span padded by a tenth (at least a fortnight) on each side, with
/// ticks on month, quarter or year starts so that there are at most about eight.
fn time_axis(marks: &[Mark]) -> Axis {
    let lo = marks.iter().map(|m| m.x.0).fold(f64::INFINITY, f64::min);
    let hi = marks
        .iter()
        .map(|m| m.x.1)
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return Axis {
            min: 0.0,
            max: 1.0,
            ticks: Vec::new(),
        };
    }
    let pad = ((hi - lo) / 10.0).max(15.0);
    let (min, max) = (lo - pad, hi + pad);
    let (y0, m0, _) = civil_from_days(min as i64);
    let months_span = (max - min) / 30.4;
    let step: u32 = match months_span {
        s if s <= 8.0 => 1,
        s if s <= 24.0 => 3,
        s if s <= 96.0 => 12,
        _ => 60,
    };
    let mut ticks = Vec::new();
    let (mut y, mut m) = (y0, m0);
    loop {
        let d = days_from_civil(y, m, 1) as f64;
        if d > max {
            break;
        }
        let on_step = match step {
            1 => true,
            3 => (m - 1) % 3 == 0,
            12 => m == 1,
            _ => m == 1 && y.rem_euclid(5) == 0,
        };
        if d >= min && on_step {
            let label = if step >= 12 {
                y.to_string()
            } else {
                format!("{y}-{m:02}")
            };
            ticks.push((d, label));
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    Axis { min, max, ticks }
}

/// A linear value axis from zero to a round number above `hi`, with four or five ticks.
fn linear_axis(hi: f64) -> Axis {
    let hi = if hi > 0.0 { hi } else { 1.0 };
    let raw = hi / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|s| s * mag)
        .find(|s| hi / s <= 5.0)
        .unwrap_or(10.0 * mag);
    let top = (hi / step).ceil() * step;
    let top = if top <= hi { top + step } else { top };
    let ticks = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= top + step / 2.0)
        .map(|v| (v, number(v)))
        .collect();
    Axis {
        min: 0.0,
        max: top,
        ticks,
    }
}

/// A log10 axis over whole decades around `lo`..`hi`, labelled with the plain numbers.
fn log_axis(lo: f64, hi: f64) -> Axis {
    let a = lo.log10().floor();
    let b = hi.log10().ceil().max(a + 1.0);
    let ticks = (a as i32..=b as i32)
        .map(|e| (f64::from(e), number(10f64.powi(e))))
        .collect();
    Axis {
        min: a,
        max: b,
        ticks,
    }
}

/// A tick label: whole numbers with German thousands, small ones as written.
fn number(v: f64) -> String {
    let r = v.round();
    if (v - r).abs() < 1e-9 && r.abs() < 1e15 {
        group_thousands(r as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::{Figure, Member};
    use crate::model::{PartialDate, Stance};

    fn member(source: &str, time: Option<PartialDate>, f: Option<(f64, f64, bool)>) -> Member {
        Member {
            article: 0,
            claim_index: 0,
            source: source.into(),
            stance: Stance::Asserted,
            figure: f.map(|(min, max, vague)| Figure {
                min,
                max,
                unit: "Soldaten".into(),
                approximate: vague,
                vague,
                written: if vague {
                    "Tausende von Soldaten".into()
                } else {
                    String::new()
                },
            }),
            event_date: None,
            article_date: time,
            time,
            time_estimated: false,
        }
    }

    fn group(members: Vec<Member>) -> ClaimGroup {
        ClaimGroup {
            topic: "Nordkorea · Soldaten".into(),
            basis: Basis::Figure {
                unit: "soldiers".into(),
            },
            entities: vec![],
            members,
            disagreement: false,
            independent_sources: 1,
        }
    }

    #[test]
    fn figures_become_marks_at_their_dates_and_vague_counts_have_no_value() {
        let g = group(vec![
            member(
                "Geheimdienst",
                Some(PartialDate::ym(2024, 10)),
                Some((1500.0, 1500.0, false)),
            ),
            member(
                "article",
                Some(PartialDate::ymd(2024, 12, 5)),
                Some((10000.0, 12000.0, false)),
            ),
            member(
                "article",
                Some(PartialDate::ym(2025, 1)),
                Some((2000.0, 9999.0, true)),
            ),
            member("Reuters", None, Some((11000.0, 11000.0, false))),
        ]);
        let c = chart(&g);
        assert_eq!(c.marks.len(), 3);
        assert_eq!(c.undated, vec![3]);
        assert_eq!(c.marks[0].value, "1.500");
        assert_eq!(c.marks[1].level, Level::Value(10000.0, 12000.0));
        assert_eq!(c.marks[2].level, Level::Vague);
        assert_eq!(c.marks[2].value, "Tausende");
        assert!(c.has_vague);
        // October and December are different periods: nothing disagrees.
        assert!(c.marks.iter().all(|m| !m.disagrees));
        assert!(!c.log);
        assert_eq!(c.y.min, 0.0);
        assert!(c.y.max >= 12000.0);
        assert!(c.x.min < c.marks[0].x.0 && c.x.max > c.marks[2].x.1);
        let labels: Vec<&str> = c.x.ticks.iter().map(|t| t.1.as_str()).collect();
        assert!(labels.contains(&"2024-12"), "{labels:?}");
    }

    #[test]
    fn figures_of_the_same_month_that_differ_are_marked() {
        let g = group(vec![
            member(
                "A",
                Some(PartialDate::ymd(2024, 10, 3)),
                Some((1500.0, 1500.0, false)),
            ),
            member(
                "B",
                Some(PartialDate::ymd(2024, 10, 20)),
                Some((10000.0, 12000.0, false)),
            ),
        ]);
        let c = chart(&g);
        assert!(c.marks.iter().all(|m| m.disagrees));
    }

    #[test]
    fn values_spanning_decades_get_a_log_axis() {
        let g = group(vec![
            member("A", Some(PartialDate::y(2024)), Some((40.0, 40.0, false))),
            member(
                "B",
                Some(PartialDate::y(2024)),
                Some((12000.0, 12000.0, false)),
            ),
        ]);
        let c = chart(&g);
        assert!(c.log);
        assert_eq!((c.y.min, c.y.max), (1.0, 5.0));
        assert_eq!(c.y.ticks.last().map(|t| t.1.as_str()), Some("100.000"));
    }

    #[test]
    fn linear_axes_end_on_a_round_number_above_the_largest_value() {
        let a = linear_axis(12000.0);
        assert_eq!(a.max, 12500.0);
        assert_eq!(a.ticks.first().map(|t| t.1.as_str()), Some("0"));
        assert!(a.ticks.len() >= 4 && a.ticks.len() <= 7, "{:?}", a.ticks);
    }
}
