//! A running total of months and the two figures it is made of (`1—11月…2418.7亿元`,
//! `11月份…236.5亿元`, `1—10月累计…2182.2亿元`): the total to the month before plus the month's
//! own figure make up the total to the month, wherever in the story each is given.

use super::parts::PartsList;
use crate::story::{NameMatch, Story};
use crate::Certainty;
use factcheck_frames::{Part, Period};

pub(super) fn running_total_lists(story: &Story, levels: &[usize], out: &mut Vec<PartsList>) {
    let period = |q: usize| story.frame(q).period;
    for &total in levels {
        let Some(Period {
            year,
            part: Part::Months(1, to),
        }) = period(total)
        else {
            continue;
        };
        if to < 2 {
            continue;
        }
        let same_year = |p: Period| year.is_none() || p.year.is_none() || p.year == year;
        let to_month_before = |p: Period| match p.part {
            Part::Months(1, end) => end + 1 == to,
            Part::Month(1) => to == 2,
            _ => false,
        };
        let one_month = |p: Period| p.part == Part::Month(to);
        let find = |wanted: &dyn Fn(Period) -> bool| -> Option<usize> {
            let found: Vec<usize> = levels
                .iter()
                .copied()
                .filter(|&q| q != total && period(q).is_some_and(|p| same_year(p) && wanted(p)))
                .filter(|&q| story.addable(q, total) && story.q(q).unit == story.q(total).unit)
                .filter(|&q| measures_alike(story, total, q))
                .collect();
            // (two figures of that period and measure: which one is meant is not told)
            match found[..] {
                [only] => Some(only),
                _ => None,
            }
        };
        let (Some(before), Some(month)) = (find(&to_month_before), find(&one_month)) else {
            continue;
        };
        if out
            .iter()
            .any(|l| l.total == total && l.parts.contains(&month) && l.complete.is_some())
        {
            continue;
        }
        let (first, last) = (before.min(month).min(total), before.max(month).max(total));
        out.push(PartsList {
            total,
            span: story.q(first).span.start..story.q(last).span.end,
            parts: vec![before, month],
            complete: Some(Certainty::Bound),
            other_totals: Vec::new(),
            shares_of_total: false,
            enumerated: false,
        });
    }
}

/// Do two figures measure the same thing? A figure that names nothing (`1—10月累计为2182.2亿元`)
/// measures what the figure before it in its sentence names; one whose sentence names nothing
/// before it (`其中，9月份完成150亿元`) is taken as the paragraph's measure.
fn measures_alike(story: &Story, total: usize, q: usize) -> bool {
    // (累计 says the figure runs on, not what it measures: 累计完成税收收入)
    let words = story.words();
    let name = |p: usize| {
        let plain = story.plain_name(&story.frame(p).metric);
        let plain = words.strip_start("link", &plain);
        words.strip_start("attain", plain).to_string()
    };
    let named = |x: usize| {
        let sentence = story.frame(x).sentence;
        std::iter::once(x)
            .chain(story.before_in_sentence(x))
            .take_while(|&p| story.frame(p).sentence == sentence)
            .find(|&p| !name(p).is_empty())
    };
    match (named(total), named(q)) {
        (Some(a), Some(b)) => {
            name(a) == name(b)
                || story.names(&name(a), b) == NameMatch::Exact
                || story.names(&name(b), a) == NameMatch::Exact
        }
        (Some(_), None) | (None, Some(_)) => story.paragraph(total) == story.paragraph(q),
        (None, None) => false,
    }
}
