//! Two dates of a story printed with their weekdays and no year of their own (`18日（周五）…20日（周日）`):
//! whatever the year, the days between them move the weekday as far.

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_numbers::Kind;

/// A date with the weekday bracketed right after it: (figure, word, where the word stands).
fn dated(story: &Story, q: usize) -> Option<(usize, String, std::ops::Range<usize>)> {
    story
        .q(q)
        .date()
        // (a year taken from the story is no printed one: each date alone may be read in the
        // year next to it, the two together cannot)
        .filter(|d| (d.year.is_none() || d.year_inferred) && d.day.is_some())?;
    let after = &story.text[story.q(q).span.end..];
    let open = after.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inside = &after[open.len_utf8()..];
    let word = story.words().starting("weekday", inside)?;
    // (the bracket may go on past the weekday with a note, `（星期六，正月初八）`, not with
    // another weekday: `（周五、周六）` are a range's)
    let rest = &inside[word.len()..];
    let close = rest.chars().next()?;
    let note = matches!(close, '，' | ',')
        && story
            .words()
            .starting("weekday", &rest[close.len_utf8()..])
            .is_none();
    if !matches!(close, ')' | '）') && !note {
        return None;
    }
    let start = story.q(q).span.end + open.len_utf8();
    Some((q, word.to_string(), start..start + word.len()))
}

/// Each date with a weekday and no year against the next one of the same month: the later one
/// prints no month or the same month, on another day (before or after).
pub fn weekday_pairs(story: &Story) -> Vec<Found> {
    let dates: Vec<_> = story
        .members
        .clone()
        .filter(|&q| story.q(q).kind == Kind::Date)
        .filter_map(|q| dated(story, q))
        .collect();
    dates
        .windows(2)
        .filter_map(|pair| {
            let [first, second] = pair else {
                return None;
            };
            let (da, db) = (story.q(first.0).date()?, story.q(second.0).date()?);
            let same_month = db.month.is_none() || db.month == da.month;
            if !same_month || db.day? == da.day? {
                return None;
            }
            // (the later day may be told first: `25日（星期一）闭幕。…于16日（星期六）开幕`)
            let ((a, a_word, a_at), (b, b_word, b_at)) = if db.day < da.day {
                (second, first)
            } else {
                (first, second)
            };
            let mut roles = Roles::new();
            roles.insert("date".into(), Binding::One(Var::Stated(*a)));
            roles.insert(
                "weekday".into(),
                Binding::Word(a_word.clone(), a_at.clone()),
            );
            roles.insert("other".into(), Binding::One(Var::Stated(*b)));
            roles.insert(
                "other_weekday".into(),
                Binding::Word(b_word.clone(), b_at.clone()),
            );
            // that a day without a month is in the first date's month is read, not printed
            let span = story.q(first.0).span.start..second.2.end;
            Some(Found::single(span, roles, Certainty::Inferred))
        })
        .collect()
}
