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

/// `今天（6月11日）`: the date bracketed right after a day or year word of its own grain, in the
/// story's own voice: not in the headline (written for the day of the paper), not in quotes, and
/// not after another date of its sentence (`6月8日发布通知称，自明天（6月9日）起` counts from 8日).
fn bracketed_after_word(story: &Story, q: usize, dateline: Option<usize>) -> Option<Placed> {
    let date = story.q(q).date()?;
    let span = &story.q(q).span;
    if story.in_headline(q) || quoted(story, span.start) || anchored_elsewhere(story, q, dateline) {
        return None;
    }
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

/// The text of the offset's paragraph before it, when a line break in the story opens that
/// paragraph.
fn paragraph_before<'a>(story: &Story<'a>, at: usize) -> Option<&'a str> {
    let story_before = &story.text[story.range.start..at];
    story_before.rfind('\n').map(|k| &story_before[k + 1..])
}

/// Is the offset inside quotation marks opened in its paragraph?
fn quoted(story: &Story, at: usize) -> bool {
    let before = paragraph_before(story, at).unwrap_or(&story.text[story.range.start..at]);
    before.matches(['“', '「']).count() > before.matches(['”', '」']).count()
        || before.matches('"').count() % 2 == 1
}

/// Does another date than the dateline stand before the figure in its sentence (one a day word
/// may count from), or does the sentence report another source's words (据…报道) or count from
/// another day (第二天)?
fn anchored_elsewhere(story: &Story, q: usize, dateline: Option<usize>) -> bool {
    let sentence = story.frame(q).sentence;
    let sentence_start = story.frames.layout.sentences[sentence].range.start;
    let reported = story
        .text
        .get(sentence_start..story.q(q).span.start)
        .is_some_and(|before| {
            before.contains('据') || story.words().contains("relative_day", before)
        });
    reported
        || story.members.clone().any(|d| {
            d < q
                && Some(d) != dateline
                && story.frame(d).sentence == sentence
                && story.q(d).kind == Kind::Date
                && !story.frame(d).bracketed
        })
}

/// Does a paragraph between the two offsets open with a date of its own (a diary's entry, the
/// next item of a roundup with its dateline)? The words after it may count from that day.
fn new_day_between(story: &Story, from: usize, to: usize) -> bool {
    story.members.clone().any(|d| {
        let span = &story.q(d).span;
        from < span.start
            && span.end < to
            && has_day(story, d)
            && paragraph_before(story, span.start).is_some_and(|opening| {
                opening.chars().count() <= 12 && !opening.contains(['，', '。', ','])
            })
    })
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
    // only the sender's name before it (新华社北京, 本报): no 据 or 自, no punctuation
    let sender = &story.text[body_start..span.start];
    if sender.is_empty()
        || sender.contains(['据', '自', '从', '于', '，', '。', ',', '：', ':'])
        || story.words().contains("dateline_mark", sender)
    {
        return None;
    }
    // the mark stands alone (6月11日电（记者…）), or a news desk sends it: 电价 and 讯息 after a
    // date are other words
    let after = &story.text[span.end..story.range.end];
    let mark = story.words().starting("dateline_mark", after)?;
    let runs_on = after[mark.len()..]
        .chars()
        .next()
        .is_some_and(factcheck_text::chars::is_han);
    if runs_on && story.words().starting("news_desk", sender).is_none() {
        return None;
    }
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
    let dateline = dateline(story);
    let dateline_at = dateline.as_ref().map(|d| d.0);
    let placed: Vec<Placed> = story
        .members
        .clone()
        .filter(|&q| story.q(q).kind == Kind::Date)
        .filter_map(|q| bracketed_after_word(story, q, dateline_at))
        .collect();
    let (days, years): (Vec<Placed>, Vec<Placed>) =
        placed.into_iter().partition(|p| has_day(story, p.0));
    let days: Vec<Placed> = dateline
        .filter(|d| days.first().is_some_and(|first| first.0 != d.0))
        .into_iter()
        .chain(days)
        .collect();
    [days, years]
        .iter()
        .flat_map(|grain| grain.windows(2))
        .filter(|w| !new_day_between(story, w[0].2.end, w[1].2.start))
        .map(|w| pair(story, &w[0], &w[1]))
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

/// Does the span's clause go on to hold the event (`12日至15日在县城召开`)? A span of
/// registration or of weather holds none.
fn holds_event(story: &Story, to: usize) -> bool {
    let end = story.q(to).span.end;
    let clause = &story.frames.layout.clauses[story.frame(to).clause];
    story
        .text
        .get(end..clause.range.end.max(end))
        .is_some_and(|rest| story.words().find("event_held", rest).is_some())
}

/// The words of a clause before the figure (its subject), Han only.
fn opening_words(story: &Story, q: usize) -> String {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    crate::story::han(
        &story.text[clause.range.start.min(story.q(q).span.start)..story.q(q).span.start],
    )
}

/// The one span a story announces for an event, against a later sentence that names the day
/// it opens and the day it closes, when that sentence is about the same event: it names
/// nothing, the event again (读书节 for 县第五届读书节), or points back at it (本届).
pub fn span_ends(story: &Story) -> Vec<Found> {
    let spans = spans(story);
    let [(from, to)] = spans.as_slice() else {
        return Vec::new();
    };
    if !holds_event(story, to.0) {
        return Vec::new();
    }
    let event = opening_words(story, from.0);
    let days: Vec<usize> = story
        .members
        .clone()
        .filter(|&q| q > to.0 && story.q(q).kind == Kind::Date && has_day(story, q))
        .collect();
    for w in days.windows(2) {
        let (open, close) = (w[0], w[1]);
        if story.frame(open).sentence != story.frame(close).sentence {
            continue;
        }
        // 10日报到，11日开营: the span may start on a day of its own before the opening
        let earlier_day = story
            .members
            .clone()
            .any(|d| d < open && d > to.0 && story.frame(d).sentence == story.frame(open).sentence);
        if earlier_day {
            continue;
        }
        let subject = opening_words(story, open);
        // 其中分论坛…: a part of the event
        let sentence = &story.frames.layout.sentences[story.frame(open).sentence];
        if story
            .words()
            .starting("which", &story.text[sentence.range.clone()])
            .is_some()
        {
            continue;
        }
        let same_event = subject.is_empty()
            || (subject.chars().count() >= 2 && event.contains(subject.as_str()))
            || story.words().is("event_anaphor", &subject);
        if !same_event {
            continue;
        }
        let (Some(opens), Some(closes)) = (
            day_then_word(story, open, "event_opens"),
            day_then_word(story, close, "event_closes"),
        ) else {
            continue;
        };
        return vec![pair(story, from, &opens), pair(story, to, &closes)];
    }
    Vec::new()
}
