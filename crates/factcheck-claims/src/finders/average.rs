//! An average per item after a total and the count of its items (`8只新基金合计募集96.4亿元，
//! 平均每只12.05亿元`; `86名党员共捐款25800元，平均每人300元`): the average is the total
//! over the count. The average says what it is per (每只, 单只, 每人), and the count counts that.

use crate::{Certainty, Found, Story};
use factcheck_numbers::{Kind, Qualifier};

/// The longest name before an average's figure that is searched for its 每/单, in characters.
const LEAD: usize = 16;

pub fn per_item(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    for average in story.levels() {
        let frame = story.frame(average);
        let clause = &story.frames.layout.clauses[frame.clause];
        let lead = crate::story::tail(
            &story.text
                [clause.range.start.min(story.q(average).span.start)..story.q(average).span.start],
            LEAD,
        );
        // `日均接待游客…`: an average per day, over the days the copy counts
        let daily = words.contains("per_day", lead);
        if !words.contains("average", lead) && !daily {
            continue;
        }
        let Some(per) = (if daily {
            Some('天')
        } else {
            per_classifier(lead)
        }) else {
            continue;
        };
        // the total: the nearest level before the average's clause in its sentence, of its unit
        let Some(total) = story.before_in_sentence(average).find(|&t| {
            story.is_level(t)
                && story.frame(t).clause != frame.clause
                // (上年同期为…: the earlier period's figure, not the total averaged)
                && !story.is_earlier_figure(t)
                && story.q(t).unit == story.q(average).unit
                && story.addable(t, average)
        }) else {
            continue;
        };
        // (an average is no total: 日均供煤632万吨，…日均耗煤615万吨)
        if factcheck_frames::names_an_average(words, &story.frame(total).metric) {
            continue;
        }
        // the counts of that classifier before the total in the sentence, nearest first: a
        // sentence may count the items and some of them (`6只新基金…其中5只…`)
        let mut counts: Vec<usize> = story
            .before_in_sentence(total)
            .filter(|&c| counts_per(story, c, per))
            .collect();
        // the days of a holiday or an event may be told in the sentence before (`假期7天。`)
        if counts.is_empty() && daily {
            counts.extend(days_told_before(story, total));
        }
        counts.reverse();
        let reading = |count: usize| {
            crate::stated_roles(&[("total", total), ("count", count), ("average", average)])
        };
        let mut readings = counts.iter().rev().map(|&c| reading(c));
        let Some(first) = readings.next() else {
            // `7月1日至9月30日，…共受理486372件，日均受理5287件`: the days of the span told
            if let Some(days) = daily.then(|| span_days(story, total)).flatten() {
                let mut roles = crate::stated_roles(&[("total", total), ("average", average)]);
                roles.insert("count".into(), crate::Binding::One(days));
                out.push(Found {
                    span: story.q(total).span.start..story.q(average).span.end,
                    roles,
                    certainty: Certainty::Inferred,
                    alternatives: Vec::new(),
                });
            }
            continue;
        };
        let start = counts.iter().map(|&c| story.q(c).span.start).min();
        out.push(Found {
            span: start.unwrap_or(story.q(total).span.start)..story.q(average).span.end,
            roles: first,
            certainty: Certainty::Inferred,
            alternatives: readings.collect(),
        });
    }
    out
}

/// The classifier an average is per: the character after 每 or 单 (`平均每只`, `单只基金`).
fn per_classifier(lead: &str) -> Option<char> {
    let mut chars = lead.chars().peekable();
    let mut found = None;
    while let Some(c) = chars.next() {
        if matches!(c, '每' | '单') {
            if let Some(&next) = chars.peek() {
                found = Some(next);
            }
        }
    }
    found
}

/// Is the figure a plain count of more than one item of the classifier (`6只`; `120名` for 每人)?
fn counts_per(story: &Story, c: usize, per: char) -> bool {
    let q = story.q(c);
    let words = story.words();
    let person = |u: &str| words.is("person_unit", u);
    let unit_matches = q.unit.chars().eq(std::iter::once(per))
        || (person(&q.unit) && person(per.encode_utf8(&mut [0; 4])));
    // a number of days is a duration (`为期7天`)
    let counted = q.kind == Kind::Count || (q.kind == Kind::Duration && per == '天');
    counted
        && q.qualifier == Qualifier::Exact
        && unit_matches
        && q.number()
            .is_some_and(|n| n > 1.into() && n.fract().is_zero())
}

/// The numbers of days the sentence before `total`'s, in its paragraph, counts.
fn days_told_before(story: &Story, total: usize) -> Vec<usize> {
    let layout = &story.frames.layout;
    let s = story.frame(total).sentence;
    let Some(prev) = s.checked_sub(1) else {
        return Vec::new();
    };
    if layout.sentences[prev].paragraph != layout.sentences[s].paragraph
        || layout.sentences[prev].article != layout.sentences[s].article
    {
        return Vec::new();
    }
    story
        .frames
        .in_sentence(prev)
        .filter(|&c| counts_per(story, c, '天'))
        .collect()
}

/// The days, first and last counted, of a span of two dates (`7月1日至9月30日`) before `total` in
/// its sentence, as a number read from the words; none where February's length is unknown.
fn span_days(story: &Story, total: usize) -> Option<crate::Var> {
    let dates: Vec<usize> = story
        .before_in_sentence(total)
        .filter(|&d| story.q(d).kind == Kind::Date)
        .take(2)
        .collect();
    let [to, from] = dates[..] else {
        return None;
    };
    let between = &story.text[story.q(from).span.end..story.q(to).span.start];
    if !story.words().is("span_join", between) {
        return None;
    }
    let (a, b) = (story.q(from).date()?, story.q(to).date()?);
    let (am, ad, bd) = (a.month?, a.day?, b.day?);
    let bm = b.month.unwrap_or(am);
    // (a year unknown is any year when the span leaves February out)
    let year = a
        .year
        .or(b.year)
        .or_else(|| (am > 2 || bm < 2).then_some(2001))?;
    let year_to = if bm < am { year + 1 } else { year };
    use factcheck_numbers::quantity::day_number;
    let days = day_number(year_to, bm, bd) - day_number(year, am, ad) + 1;
    if !(2..=366).contains(&days) {
        return None;
    }
    let span = story.q(from).span.start..story.q(to).span.end;
    Some(crate::Var::Literal {
        value: days.into(),
        text: format!("{}（{days}天）", &story.text[span.clone()]),
        span,
    })
}
