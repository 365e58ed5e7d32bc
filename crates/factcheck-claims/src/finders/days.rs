//! Days a story names twice. A day word with its date bracketed (`今天（11日）`, `昨天（6月10日）`,
//! `去年（2025年）`) fixes that date against every other one and against the story's dateline
//! (`新华社北京6月11日电`); an event announced over a span (`12日至15日召开`) opens and closes on
//! the span's first and last days when a later sentence says so (`12日开幕，15日闭幕`).

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_numbers::Kind;
use std::ops::Range;

/// Word classes whose words name a day or a year relative to the story's own day.
pub const DAY_WORDS: [&str; 4] = ["today", "yesterday", "day_before_yesterday", "tomorrow"];
pub const YEAR_WORDS: [&str; 4] = ["this_year", "last_year", "year_before_last", "next_year"];

/// A date with the word that places it: (figure, word, where the word stands).
type Placed = (usize, String, Range<usize>);

/// Whether a date prints a day (else only a year).
fn has_day(story: &Story, q: usize) -> bool {
    story.q(q).date().is_some_and(|d| d.day.is_some())
}

/// `今天（6月11日）`: the date bracketed right after a day or year word of its own grain.
fn bracketed_after_word(story: &Story, q: usize) -> Option<Placed> {
    let date = story.q(q).date()?;
    let span = &story.q(q).span;
    let before = &story.text[story.range.start..span.start];
    let open = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '(' | '（'))?;
    let before = &before[..before.len() - open.len_utf8()];
    let classes = if date.day.is_some() {
        &DAY_WORDS
    } else if date.month.is_none() {
        &YEAR_WORDS
    } else {
        return None;
    };
    let word = classes
        .iter()
        .find_map(|class| story.words().ending(class, before))?;
    // the bracket holds the date alone, or the date and its weekday
    let close = story.text[span.end..].chars().next()?;
    if !matches!(close, ')' | '）' | '，' | ',') {
        return None;
    }
    let at = span.start - open.len_utf8() - word.len();
    Some((q, word.to_string(), at..at + word.len()))
}

/// The story's dateline: a full day printed near its start and followed by `电`/`讯`.
fn dateline(story: &Story) -> Option<Placed> {
    let body_start = story.headline.as_ref().map_or(story.range.start, |h| h.end);
    let q = story
        .members
        .clone()
        .find(|&q| story.q(q).span.start >= body_start)?;
    let span = story.q(q).span.clone();
    if story.q(q).kind != Kind::Date || span.start - body_start > 60 || !has_day(story, q) {
        return None;
    }
    let after = &story.text[span.end..story.range.end];
    let mark = story.words().starting("dateline_mark", after)?;
    Some((q, mark.to_string(), span.end..span.end + mark.len()))
}

fn pair(story: &Story, first: &Placed, second: &Placed) -> Found {
    let mut roles = Roles::new();
    roles.insert("date".into(), Binding::One(Var::Stated(first.0)));
    roles.insert(
        "word".into(),
        Binding::Word(first.1.clone(), first.2.clone()),
    );
    roles.insert("other".into(), Binding::One(Var::Stated(second.0)));
    roles.insert(
        "other_word".into(),
        Binding::Word(second.1.clone(), second.2.clone()),
    );
    let start = first.2.start.min(story.q(first.0).span.start);
    let end = second.2.end.max(story.q(second.0).span.end);
    // that the two words count from the same day is read, not printed
    Found::single(start..end, roles, Certainty::Inferred)
}

/// Each bracketed day word against the next one of its grain, the first day against the
/// dateline.
pub fn day_words(story: &Story) -> Vec<Found> {
    let placed: Vec<Placed> = story
        .members
        .clone()
        .filter(|&q| story.q(q).kind == Kind::Date)
        .filter_map(|q| bracketed_after_word(story, q))
        .collect();
    let (days, years): (Vec<Placed>, Vec<Placed>) =
        placed.into_iter().partition(|p| has_day(story, p.0));
    let days: Vec<Placed> = dateline(story)
        .filter(|d| days.first().is_some_and(|first| first.0 != d.0))
        .into_iter()
        .chain(days)
        .collect();
    [days, years]
        .iter()
        .flat_map(|grain| grain.windows(2).map(|w| pair(story, &w[0], &w[1])))
        .collect()
}

/// `{from}至{to}` with nothing between the two dates but the joining word.
fn spans(story: &Story) -> Vec<(Placed, Placed)> {
    let dates: Vec<usize> = story
        .members
        .clone()
        .filter(|&q| story.q(q).kind == Kind::Date && has_day(story, q))
        .collect();
    dates
        .windows(2)
        .filter_map(|w| {
            let (from, to) = (story.q(w[0]), story.q(w[1]));
            let between = &story.text[from.span.end..to.span.start];
            story.words().is("span_join", between).then(|| {
                let at = from.span.end..to.span.start;
                (
                    (w[0], between.to_string(), at.clone()),
                    (w[1], between.to_string(), at),
                )
            })
        })
        .collect()
}

/// A day followed in its clause, before any other date, by a word of the class.
fn day_then_word(story: &Story, q: usize, class: &str) -> Option<Placed> {
    let span = &story.q(q).span;
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    let next_date = story
        .members
        .clone()
        .map(|k| story.q(k))
        .find(|k| k.span.start >= span.end && k.kind == Kind::Date)
        .map_or(usize::MAX, |k| k.span.start);
    let end = clause.range.end.min(next_date).min(span.end + 90);
    let (at, word) = story.words().find(class, story.text.get(span.end..end)?)?;
    let at = span.end + at;
    Some((q, word.to_string(), at..at + word.len()))
}

/// The one span a story announces, against a later sentence that names the day it opens and
/// the day it closes.
pub fn span_ends(story: &Story) -> Vec<Found> {
    let spans = spans(story);
    let [(from, to)] = spans.as_slice() else {
        return Vec::new();
    };
    let days: Vec<usize> = story
        .members
        .clone()
        .filter(|&q| story.q(q).kind == Kind::Date && has_day(story, q))
        .filter(|&q| q != from.0 && q != to.0)
        .collect();
    for w in days.windows(2) {
        let (open, close) = (w[0], w[1]);
        if story.frame(open).sentence != story.frame(close).sentence {
            continue;
        }
        let (Some(opens), Some(closes)) = (
            day_then_word(story, open, "span_start"),
            day_then_word(story, close, "span_end"),
        ) else {
            continue;
        };
        return vec![pair(story, from, &opens), pair(story, to, &closes)];
    }
    Vec::new()
}
