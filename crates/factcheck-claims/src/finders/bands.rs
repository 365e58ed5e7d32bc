//! Parts named by bands of one scale that cover all of it (`0—14岁人口…15—59岁人口…60岁及以上
//! 人口`): the bands leave nothing out, so the parts make up their whole like a partition.

use super::parts::{named_whole, PartsList};
use crate::story::Story;
use crate::Certainty;
use factcheck_numbers::Kind;
use rust_decimal::Decimal;

/// A part's band on its scale; `None` is an open end (`以下`, `及以上`).
#[derive(Debug, Clone, PartialEq)]
struct Band {
    low: Option<Decimal>,
    high: Option<Decimal>,
    unit: String,
    /// The band's first figure.
    first: usize,
}

impl Band {
    /// Does `next` start where this band ends (`0—14岁`, `15—59岁`; `10万元以下`, `10万—50万元`)?
    fn followed_by(&self, next: &Band) -> bool {
        let (Some(end), Some(start)) = (self.high, next.low) else {
            return false;
        };
        self.unit == next.unit && (start == end || start == end + Decimal::ONE)
    }
}

/// The longest texts that may stand before a band in its clause (`其中`, `全市`, `年龄在`) and
/// between the band and its figure (`的人口为`, `人口`), in characters.
const BEFORE_BAND: usize = 6;
const BAND_TO_FIGURE: usize = 12;

/// The band printed before a level in its clause, if the clause opens with one.
fn band_of(story: &Story, level: usize) -> Option<Band> {
    let text = story.text;
    let words = story.words();
    let clause = story.frame(level).clause;
    let clause_start = story.frames.layout.clauses[clause].range.start;
    // a figure of the band: in the level's clause, before it
    let in_clause = |q: usize| {
        story.members.contains(&q)
            && story.frame(q).clause == clause
            && story.q(q).span.end <= story.q(level).span.start
            && !matches!(story.q(q).kind, Kind::Date | Kind::Duration)
    };
    let end = level.checked_sub(1).filter(|&q| in_clause(q))?;
    let to_figure = &text[story.q(end).span.end..story.q(level).span.start];
    if to_figure.chars().count() > BAND_TO_FIGURE {
        return None;
    }
    let unit = story.q(end).unit.clone();
    let value = story.q(end).number()?;
    // `A—B岁`: the figure before the band's end, joined to it by a dash or 至
    let start = end.checked_sub(1).filter(|&q| {
        in_clause(q)
            && words.is(
                "range_joint",
                text[story.q(q).span.end..story.q(end).span.start].trim(),
            )
    });
    // an open end printed after the figure, or read with it (`35岁以下`)
    let own = &text[story.q(end).span.clone()];
    let open_above = |w: &str| words.starting("open_above", w).is_some();
    let open_below = |w: &str| words.starting("open_below", w).is_some();
    let own_end = |class: &str| words.ending(class, own).is_some();
    let (low, high, first) = match start {
        Some(start) => (Some(story.q(start).number()?), Some(value), start),
        None if open_above(to_figure) || own_end("open_above") => (Some(value), None, end),
        None if open_below(to_figure) || own_end("open_below") => (None, Some(value), end),
        None => {
            // `不满18岁`, read as a figure with its qualifier or printed before it
            let before = &text[clause_start..story.q(end).span.start];
            let rest = match words.starting("below_lead", own) {
                Some(_) => before,
                None => {
                    let lead = words.ending("below_lead", before)?;
                    &before[..before.len() - lead.len()]
                }
            };
            return (rest.chars().count() <= BEFORE_BAND).then_some(Band {
                low: None,
                high: Some(value),
                unit,
                first: end,
            });
        }
    };
    let before = &text[clause_start..story.q(first).span.start];
    (before.chars().count() <= BEFORE_BAND).then_some(Band {
        low,
        high,
        unit,
        first,
    })
}

/// Is the level named by a band of a scale (`60岁及以上人口`)? Such a level is one part of the
/// scale's whole, never a whole of other parts named alike.
pub fn is_banded(story: &Story, level: usize) -> bool {
    band_of(story, level).is_some()
}

/// Runs of levels whose bands follow one another from the bottom of the scale (0 or open)
/// to an open top, in one paragraph and one period: all the parts of some whole.
pub fn band_runs(story: &Story, levels: &[usize]) -> Vec<Vec<usize>> {
    let mut levels = levels.to_vec();
    let mut bands: Vec<Option<Band>> = levels.iter().map(|&q| band_of(story, q)).collect();
    // the figures of a band (0 and 14岁 of `0—14岁人口`) are no levels of their own
    let band_figures: Vec<usize> = levels
        .iter()
        .zip(&bands)
        .filter_map(|(&q, band)| Some(band.as_ref()?.first..q))
        .flatten()
        .collect();
    let keep: Vec<bool> = levels.iter().map(|q| !band_figures.contains(q)).collect();
    let mut kept = keep.iter();
    levels.retain(|_| *kept.next().unwrap_or(&true));
    let mut kept = keep.iter();
    bands.retain(|_| *kept.next().unwrap_or(&true));
    let mut runs = Vec::new();
    let mut at = 0;
    while at < levels.len() {
        let Some(run) = covering_run(&bands[at..]) else {
            at += 1;
            continue;
        };
        let parts = &levels[at..at + run];
        at += run;
        let first = parts[0];
        if parts.iter().all(|&p| {
            story.addable(p, first)
                && story.same_period(p, first)
                && story.paragraph(p) == story.paragraph(first)
        }) {
            runs.push(parts.to_vec());
        }
    }
    runs
}

/// Band runs with the whole they make up, stated before them.
pub(super) fn band_lists(story: &Story, levels: &[usize], out: &mut Vec<PartsList>) {
    for parts in band_runs(story, levels) {
        let Some(total) = whole_before(story, levels, &parts, out) else {
            continue;
        };
        out.push(PartsList {
            total,
            span: story.q(total).span.start..story.q(parts[parts.len() - 1]).span.end,
            parts,
            complete: Some(Certainty::Inferred),
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        });
    }
}

/// The length of the run at the start of `bands` that covers its scale, if there is one.
fn covering_run(bands: &[Option<Band>]) -> Option<usize> {
    let first = bands.first()?.as_ref()?;
    if first.low.is_some_and(|low| !low.is_zero()) {
        return None;
    }
    let mut last = first;
    for (k, next) in bands.iter().enumerate().skip(1) {
        let next = next.as_ref()?;
        if !last.followed_by(next) {
            return None;
        }
        if next.high.is_none() {
            return Some(k + 1);
        }
        last = next;
    }
    None
}

/// The level before the parts that they make up: named as the parts are once their bands
/// are left out (`人口`), or as the whole their shares are of (`占户籍人口的12.5%`).
fn whole_before(
    story: &Story,
    levels: &[usize],
    parts: &[usize],
    lists: &[PartsList],
) -> Option<usize> {
    let words = story.words();
    let name = |q: usize| {
        let metric = words.strip_start("open_above", &story.frame(q).metric);
        let metric = words.strip_start("open_below", metric);
        story.plain_name(metric.trim_start_matches('的'))
    };
    let common = name(parts[0]);
    if parts.iter().any(|&p| name(p) != common) {
        return None;
    }
    let whole = named_whole(story, parts[0]);
    let first = parts[0];
    let candidates = || {
        levels
            .iter()
            .rev()
            .copied()
            .filter(|&t| t < first && story.addable(t, first) && story.same_period(t, first))
            .take(64)
            .filter(|&t| !lists.iter().any(|l| l.parts.contains(&t)))
    };
    let metric = |t: usize| story.plain_name(&story.frame(t).metric);
    let named = |t: usize| {
        let metric = metric(t);
        (common.chars().count() >= 2 && metric == common) || whole.as_ref() == Some(&metric)
    };
    // a name that only ends like the whole's may name one side of it (乡村常住人口): the
    // nearest of the exact name first
    candidates().find(|&t| named(t)).or_else(|| {
        candidates().find(|&t| {
            whole.as_ref().is_some_and(|w| {
                let metric = metric(t);
                metric
                    .strip_suffix(w.as_str())
                    .is_some_and(|side| story.partition_words(side).iter().all(Option::is_none))
            })
        })
    })
}
