//! Growth compounded over years: `2025年…比2020年增长38.3%，年均增长6.7%` — the yearly rate,
//! compounded over the years between the year compared against and the figure's own year, gives
//! the whole growth. `由2020年的904亿元增加到2025年的1250亿元，年均增长6.7%` — the same between
//! two levels of the years printed with them. The years are counted from years the sentence
//! prints, never from a year the story is only thought to be about.

use crate::{Binding, Certainty, Found, Story, Var};
use factcheck_frames::{Aspect, Reference};
use factcheck_numbers::Kind;
use rust_decimal::Decimal;

/// Most years a yearly average is compounded over (a plan or a census decade, not a century).
const MOST_YEARS: i32 = 30;

/// A yearly average rate with the whole growth of its sentence over printed years.
pub fn over_years(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for yearly in yearly_rates(story) {
        let Some(rate) = whole_growth_before(story, yearly) else {
            continue;
        };
        let Some(Reference::Period(Some(base))) = Some(&story.frame(rate).reference) else {
            continue;
        };
        let (Some(base_year), Some(year)) = (base.year, own_year(story, rate)) else {
            continue;
        };
        // the year compared against, printed in the sentence (比2020年)
        let sentence = story.frame(rate).sentence;
        let Some(base_date) = story
            .frames
            .in_sentence(sentence)
            .filter(|&q| q < rate)
            .find(|&q| printed_year(story, q) == Some(base_year))
        else {
            continue;
        };
        let Some(years) = years_between(story, base_year, year, base_date) else {
            continue;
        };
        let mut roles = crate::stated_roles(&[("yearly", yearly), ("rate", rate)]);
        roles.insert("years".into(), years);
        let span = story.q(rate).span.start..story.q(yearly).span.end;
        out.push(Found::single(span, roles, Certainty::Inferred));
    }
    out
}

/// A yearly average rate between two levels printed with their years.
pub fn between_levels(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for yearly in yearly_rates(story) {
        let sentence = story.frame(yearly).sentence;
        let levels: Vec<usize> = story
            .frames
            .in_sentence(sentence)
            .filter(|&q| q < yearly && story.frame(q).aspect == Aspect::Level)
            .filter(|&q| !matches!(story.q(q).kind, Kind::Date | Kind::Percent))
            .collect();
        let [.., from, to] = levels[..] else {
            continue;
        };
        if !story.addable(from, to) {
            continue;
        }
        let (Some(from_year), Some(to_year)) = (
            year_printed_before(story, from),
            year_printed_before(story, to),
        ) else {
            continue;
        };
        // (the two levels are the ones the yearly rate follows: no figure between, neither a
        // span of its own, 2021—2025年, nor another count)
        if story
            .frames
            .in_sentence(sentence)
            .any(|q| q > to && q < yearly)
        {
            continue;
        }
        let Some(years) = years_between(story, from_year.1, to_year.1, from_year.0) else {
            continue;
        };
        let mut roles = crate::stated_roles(&[("yearly", yearly), ("from", from), ("to", to)]);
        roles.insert("years".into(), years);
        let span = story.q(from).span.start..story.q(yearly).span.end;
        out.push(Found::single(span, roles, Certainty::Inferred));
    }
    out
}

/// Rates named a yearly average (`年均增长6.7%`, `年平均增长率为4.6%`, `年均下降1.0%`) that
/// name nothing else: a clause of their own with no subject (`其中出口年均增长…`, `常住人口年均
/// 增长…` are another measure's), in a sentence not in real terms (levels at current prices, a
/// rate at comparable ones: `按可比价格计算，年均增长…`).
fn yearly_rates(story: &Story) -> Vec<usize> {
    let words = story.words();
    story
        .members
        .clone()
        .filter(|&q| story.q(q).kind == Kind::Percent && story.frame(q).aspect == Aspect::Rate)
        .filter(|&q| !story.frame(q).bracketed && !story.in_headline(q))
        .filter(|&q| {
            let Some((at, _)) = &story.frame(q).word else {
                return false;
            };
            let clause = &story.frames.layout.clauses[story.frame(q).clause];
            let before = crate::story::han(&story.text[clause.range.start.min(at.start)..at.start]);
            words.is("yearly_average", &before)
        })
        .filter(|&q| {
            let sentence = &story.frames.layout.sentences[story.frame(q).sentence];
            !words.contains("real_terms", &story.text[sentence.range.clone()])
        })
        .collect()
}

/// The whole growth the yearly rate averages: the last rate of its sentence before it, against
/// a year (`比2020年增长38.3%`), describing the same level.
fn whole_growth_before(story: &Story, yearly: usize) -> Option<usize> {
    let sentence = story.frame(yearly).sentence;
    let rate = story
        .frames
        .in_sentence(sentence)
        .filter(|&q| q < yearly)
        .filter(|&q| matches!(story.q(q).kind, Kind::Percent | Kind::Multiple))
        .filter(|&q| story.frame(q).aspect == Aspect::Rate)
        .last()?;
    let growth = story.frame(rate);
    let same_level = match (growth.anchor, story.frame(yearly).anchor) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    // (a figure between names the yearly rate's own span or another measure: 2021—2025年年均
    // 增长, 近十年年均增长)
    let dated_between = story
        .frames
        .in_sentence(sentence)
        .any(|q| q > rate && q < yearly);
    (same_level && !dated_between && !yearly_rates(story).contains(&rate)).then_some(rate)
}

/// The year a growth rate's figure is of, printed in its sentence before it.
fn own_year(story: &Story, rate: usize) -> Option<i32> {
    let year = story.frame(rate).period?.year?;
    let sentence = story.frame(rate).sentence;
    story
        .frames
        .in_sentence(sentence)
        .filter(|&q| q < rate)
        .any(|q| printed_year(story, q) == Some(year))
        .then_some(year)
}

/// `2020年的904亿元`: the year printed right before a level, with the date's index.
fn year_printed_before(story: &Story, level: usize) -> Option<(usize, i32)> {
    let date = level.checked_sub(1)?;
    let year = printed_year(story, date)?;
    let between = &story.text[story.q(date).span.end..story.q(level).span.start];
    (story.frame(date).sentence == story.frame(level).sentence
        && between.chars().count() <= 3
        && !between.contains(['，', '。', '；', ',']))
    .then_some((date, year))
}

/// A year printed as such (`2020年`), not one taken from elsewhere.
fn printed_year(story: &Story, q: usize) -> Option<i32> {
    let quantity = story.q(q);
    if quantity.kind != Kind::Date {
        return None;
    }
    let date = quantity.date()?;
    (date.month.is_none() && date.day.is_none() && !date.year_inferred).then_some(date.year?)
}

/// The number of years from `from` to `to`, shown at the first year's figure.
fn years_between(story: &Story, from: i32, to: i32, at: usize) -> Option<Binding> {
    let years = to
        .checked_sub(from)
        .filter(|n| (1..=MOST_YEARS).contains(n))?;
    let span = story.q(at).span.clone();
    Some(Binding::One(Var::Literal {
        value: Decimal::from(years),
        span,
        text: format!("{from}年至{to}年的{years}年"),
    }))
}
