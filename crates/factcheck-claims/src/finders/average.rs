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
        if (!words.contains("average", lead) && !daily) || words.contains("per_month_or_week", lead)
        {
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
        let may_total = |t: usize| {
            story.is_level(t)
                && story.frame(t).clause != frame.clause
                // (上年同期为…: the earlier period's figure, not the total averaged)
                && !story.is_earlier_figure(t)
                // (样本量为48～186例: the ends of a range total nothing)
                && !story.is_range_end(t)
                && story.q(t).unit == story.q(average).unit
                && story.addable(t, average)
        };
        let Some(total) = story.before_in_sentence(average).find(|&t| may_total(t)) else {
            out.extend(total_told_before(story, average, per));
            continue;
        };
        // (the levels before it are other readings: `累计接待26.8万人次，其中境外1.62万人次，
        // 日均接待…` averages the first)
        let other_totals: Vec<usize> = story
            .before_in_sentence(total)
            .filter(|&t| may_total(t))
            .collect();
        // (an average is no total: 日均供煤632万吨，…日均耗煤615万吨)
        if factcheck_frames::names_an_average(words, &story.frame(total).metric) {
            continue;
        }
        // the counts of that classifier before the total in the sentence, nearest first: a
        // sentence may count the items and some of them (`6只新基金…其中5只…`)
        // (`农民人均…` averages over the farmers: a count of whom the copy names them)
        let subject = averaged_subject(lead);
        // (or between the total and the average: `贷款3900万元，扶持130人…，人均贷款30万元`)
        let between: Vec<usize> = story
            .before_in_sentence(average)
            .take_while(|&c| c > total)
            .collect();
        let mut counts: Vec<usize> = story
            .before_in_sentence(total)
            .chain(between)
            .filter(|&c| counts_per(story, c, per))
            .filter(|&c| {
                subject.as_ref().is_none_or(|who| {
                    let frame = story.frame(c);
                    frame.metric.contains(who.as_str()) || frame.after.contains(who.as_str())
                })
            })
            .collect();
        // the days of a holiday or an event may be told in the sentence before (`假期7天。`), or
        // as the story's one span anywhere before (`为期100天的…行动`)
        // (not when the total's own sentence dates it: `首周（1月14日至20日）…累计…` after `为期
        // 40天`; its span's days, below, are the count)
        let dated = || span_days(story, total).is_some();
        if counts.is_empty() && per == '天' && !dated() {
            counts.extend(days_told_before(story, total));
        }
        if counts.is_empty() && per == '天' && during_the_event(story, total) {
            counts.extend(the_span_of_the_story(story, total));
        }
        let reading = |count: usize| {
            crate::stated_roles(&[("total", total), ("count", count), ("average", average)])
        };
        let mut readings = counts
            .iter()
            .map(|&c| reading(c))
            .chain(other_totals.iter().flat_map(|&t| {
                counts.iter().map(move |&c| {
                    crate::stated_roles(&[("total", t), ("count", c), ("average", average)])
                })
            }));
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

/// `…共有58426名考生报名…。全市共设考点46个，平均每个考点约1270名考生`: with no total in its
/// sentence, an average over the count before it there is of the one level of the sentence before
/// (in its paragraph) that counts the noun the average counts.
fn total_told_before(story: &Story, average: usize, per: char) -> Option<Found> {
    let noun = &story.frame(average).after;
    if noun.chars().count() < 2 {
        return None;
    }
    let count = story
        .before_in_sentence(average)
        .find(|&c| counts_per(story, c, per))?;
    let before = story.sentence_before_in_paragraph(story.frame(average).sentence)?;
    let totals: Vec<usize> = story
        .frames
        .in_sentence(before)
        .filter(|&t| story.members.contains(&t) && story.is_level(t))
        .filter(|&t| story.addable(t, average) && !story.is_earlier_figure(t))
        .filter(|&t| {
            story.frame(t).after.starts_with(noun.as_str())
                || story.frame(t).metric.ends_with(noun.as_str())
        })
        .collect();
    let [total] = totals[..] else {
        return None;
    };
    Some(Found {
        span: story.q(total).span.start..story.q(average).span.end,
        roles: crate::stated_roles(&[("total", total), ("count", count), ("average", average)]),
        certainty: Certainty::Inferred,
        alternatives: Vec::new(),
    })
}

/// Who an average per head is of, as the copy names them before it (`游客人均消费` → 游客): the
/// two Han characters before the classifier and 均, if there are two.
fn averaged_subject(lead: &str) -> Option<String> {
    let chars: Vec<char> = lead.chars().collect();
    let at = chars.iter().rposition(|&c| c == '均')?;
    let classifier = at.checked_sub(1)?;
    if matches!(chars[classifier], '平' | '日') || classifier < 2 {
        return None;
    }
    let subject = &chars[classifier - 2..classifier];
    subject
        .iter()
        .all(|&c| factcheck_text::chars::is_han(c))
        .then(|| subject.iter().collect())
}

/// The classifier an average is per: the character after 每 or 单 (`平均每只`, `单只基金`), or
/// before 均 (`人均消费`, `户均`; 平均 says no classifier).
fn per_classifier(lead: &str) -> Option<char> {
    let mut chars = lead.chars().peekable();
    let mut found = None;
    let mut before = None;
    while let Some(c) = chars.next() {
        // (单 of 单位 names the employer, not a classifier: 平均每家单位提供…)
        if c == '每' || (c == '单' && found.is_none()) {
            if let Some(&next) = chars.peek().filter(|&&n| c == '每' || n != '位') {
                found = Some(next);
            }
        }
        if c == '均' {
            if let Some(classifier) = before.filter(|b: &char| !matches!(b, '平' | '日')) {
                found = Some(classifier);
            }
        }
        before = Some(c);
    }
    found
}

/// Is the figure a plain count of more than one item of the classifier (`6只`; `120名` for 每人)?
fn counts_per(story: &Story, c: usize, per: char) -> bool {
    let q = story.q(c);
    let words = story.words();
    let person = |u: &str| words.is("person_unit", u);
    // (visits count people too: 人均消费 over 人次)
    let visits = q
        .unit
        .strip_suffix('次')
        .is_some_and(|u| u.chars().eq(std::iter::once(per)));
    // (`10个班`, `培训班15个`: 个 counts the noun after it, or the one its figure is named by)
    let noun_counted = q.unit == "个"
        && (story.frame(c).after.starts_with(per) || story.own_label(c).ends_with(per));
    let unit_matches = q.unit.chars().eq(std::iter::once(per))
        || noun_counted
        || visits
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
    let Some(prev) = story.sentence_before_in_paragraph(story.frame(total).sentence) else {
        return Vec::new();
    };
    story
        .frames
        .in_sentence(prev)
        .filter(|&c| counts_per(story, c, '天'))
        // (a number of days of a kind, 优良天数共300天, is no span)
        .filter(|&c| !story.frame(c).metric.contains("天数"))
        .collect()
}

/// Is `total` told of the story's event as a whole (`行动期间，…累计…`): its sentence says
/// 期间 before it and names no period of its own (not `今年1至11月`)?
fn during_the_event(story: &Story, total: usize) -> bool {
    let sentence = &story.frames.layout.sentences[story.frame(total).sentence];
    let before =
        &story.text[sentence.range.start.min(story.q(total).span.start)..story.q(total).span.start];
    before.contains("期间")
        && factcheck_frames::period::mentions(
            story.text,
            sentence.range.start..story.q(total).span.start,
        )
        .is_empty()
        && !story
            .before_in_sentence(total)
            .any(|d| story.q(d).kind == Kind::Date)
}

/// The one length in days the story gives a span before `total` (`为期100天`, `历时15天`): none
/// when it gives two lengths or more.
fn the_span_of_the_story(story: &Story, total: usize) -> Option<usize> {
    let words = story.words();
    let mut spans = story.members.clone().filter(|&d| {
        d < total && counts_per(story, d, '天') && {
            let start = story.q(d).span.start;
            let before = crate::story::tail(&story.text[story.range.start.min(start)..start], 4);
            // (a span's word, not a bare 共: `优良天数共300天` is no span)
            words
                .ending("span_lead", before)
                .is_some_and(|w| w.chars().count() >= 2)
        }
    });
    let first = spans.next()?;
    let value = story.q(first).number();
    spans.all(|d| story.q(d).number() == value).then_some(first)
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
