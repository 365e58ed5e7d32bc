//! A figure said to be a multiple of another (`认购总额93亿元，是计划发行额的6.2倍`; `从12万千瓦
//! 增长到54万千瓦，是五年前的4.5倍`): the other is the figure the story gives under that name, or
//! the one the sentence started from when the name is a time.

use crate::story::NameMatch;
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;
use factcheck_numbers::Kind;

/// The longest name between 是 and 的, in characters.
const NAME: usize = 12;

pub fn multiples(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    for m in story.members.clone() {
        if story.q(m).kind != Kind::Multiple || story.frame(m).aspect != Aspect::Multiple {
            continue;
        }
        let clause = &story.frames.layout.clauses[story.frame(m).clause];
        let before =
            &story.text[clause.range.start.min(story.q(m).span.start)..story.q(m).span.start];
        // `是…的`: the name of what it is a multiple of
        let Some(name) = before.strip_suffix('的') else {
            continue;
        };
        let Some((at, verb)) = words.rfind("of_whole", name) else {
            continue;
        };
        let raw = &name[at + verb.len()..];
        let name = crate::story::han(raw);
        if name.is_empty() || name.chars().count() > NAME {
            continue;
        }
        let a_time = words.contains("time_name", &name) || names_a_year(raw);
        // the figure it describes: the level just before, in its sentence, or the one the clause
        // names before 是 (`出口额是进口额的1.6倍`)
        let sentence = story.frame(m).sentence;
        let subject = crate::story::han(&before[..at]);
        // (before the verb: a figure after it is in the whole's name)
        let verb_at = clause.range.start.min(story.q(m).span.start) + at;
        let part = if subject.is_empty() {
            story
                .levels()
                .filter(|&a| story.q(a).span.end <= verb_at && story.frame(a).sentence == sentence)
                .last()
        } else if a_time {
            None
        } else {
            named_level(story, &subject, m, None)
        };
        let Some(part) = part else {
            continue;
        };
        // `是2020年末114.5公里的2.5倍`: the whole printed in the name
        let of_at = story.q(m).span.start - '的'.len_utf8();
        let printed = story
            .members
            .clone()
            .find(|&b| story.q(b).span.end == of_at && b != part && story.addable(b, part));
        let whole = if printed.is_some() {
            printed
        } else if a_time && names_a_year(raw) {
            // `是2019年的1.6倍`: the level the story gives for that year under the part's name
            let year: i32 = raw[..4].parse().unwrap_or_default();
            let metric = story.frame(part).metric.clone();
            story
                .levels()
                .filter(|&b| b != part && story.addable(b, part))
                .filter(|&b| story.frame(b).period.is_some_and(|p| p.year == Some(year)))
                .filter(|&b| story.names(&metric, b) == NameMatch::Exact)
                .min_by_key(|&b| story.q(b).span.start.abs_diff(story.q(part).span.start))
        } else if a_time {
            // `是五年前的4.5倍`: the level the sentence went from (`从12万千瓦增长到…`)
            story
                .levels()
                .filter(|&b| b < part && story.frame(b).sentence == sentence)
                .filter(|&b| story.addable(b, part))
                .filter(|&b| {
                    let c = &story.frames.layout.clauses[story.frame(b).clause];
                    words.contains("from", &story.text[c.range.start..story.q(b).span.start])
                })
                .last()
        } else {
            // the nearest level named as the whole is, of the same period (`是全国的1.7倍` names
            // a subject, no measure: nothing)
            let plain = story.plain_name(&name);
            if plain.chars().count() < 2 {
                continue;
            }
            named_level(story, &name, part, Some(part))
                .or_else(|| parallel_level(story, &name, part))
        };
        let Some(whole) = whole else {
            continue;
        };
        let mut roles = Roles::new();
        roles.insert("a".into(), Binding::One(Var::Stated(part)));
        roles.insert("b".into(), Binding::One(Var::Stated(whole)));
        roles.insert("factor".into(), Binding::One(Var::Stated(m)));
        out.push(Found::single(
            story.q(part).span.start.min(story.q(whole).span.start)..story.q(m).span.end,
            roles,
            Certainty::Inferred,
        ));
    }
    out
}

/// The level nearest `near` that `name` names (exactly, or as the end of its measure's name), of
/// `like`'s unit and period when given (`出口额`: the level of 出口).
fn named_level(story: &Story, name: &str, near: usize, like: Option<usize>) -> Option<usize> {
    let plain = story.plain_name(name);
    if plain.chars().count() < 2 {
        return None;
    }
    // 出口额 names the level of 出口: the amount word is no part of the name
    let stem = story.words().strip_end("amount_word", &plain);
    let plain = if stem.chars().count() >= 2 {
        stem
    } else {
        &plain
    }
    .to_string();
    story
        .levels()
        .filter(|&w| Some(w) != like)
        .filter(|&w| like.is_none_or(|p| story.addable(w, p) && story.same_period(w, p)))
        .filter(|&w| {
            let metric = story.plain_name(&story.frame(w).metric);
            story.names(name, w) == NameMatch::Exact
                || metric.ends_with(plain.as_str())
                || metric.ends_with(story.plain_name(name).as_str())
        })
        .min_by_key(|&w| story.q(w).span.start.abs_diff(story.q(near).span.start))
}

/// `城镇居民人均可支配收入是农村居民的2.15倍`: a name of another subject alone stands for the
/// part's measure of that subject, the level whose name holds it and ends as the part's does.
fn parallel_level(story: &Story, name: &str, part: usize) -> Option<usize> {
    let name = story.plain_name(name);
    if name.chars().count() < 2 {
        return None;
    }
    let part_metric = &story.frame(part).metric;
    let candidates: Vec<usize> = story
        .members
        .clone()
        .filter(|&w| w != part && !story.frame(w).bracketed)
        .filter(|&w| {
            story.frame(w).aspect == story.frame(part).aspect
                && story.q(w).kind == story.q(part).kind
                && story.q(w).unit == story.q(part).unit
                && story.same_period(w, part)
        })
        .filter(|&w| {
            let metric = &story.frame(w).metric;
            metric.contains(name.as_str())
                && !part_metric.contains(name.as_str())
                && crate::story::common_ending(metric, part_metric) >= 2
        })
        .collect();
    // one such level only: two would leave the reading open
    match candidates[..] {
        [only] => Some(only),
        _ => None,
    }
}

/// `2012年的`: a year stands for the measure's level then.
fn names_a_year(name: &str) -> bool {
    let digits = name.chars().take_while(char::is_ascii_digit).count();
    digits == 4 && name[digits..].starts_with('年')
}
