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
        if name.is_empty() || name.chars().count() > NAME || !before[..at].trim().is_empty() {
            continue;
        }
        let a_time = words.contains("time_name", &name) || names_a_year(raw);
        // the figure it describes: the level just before, in its sentence
        let sentence = story.frame(m).sentence;
        let Some(part) = story
            .levels()
            .filter(|&a| a < m && story.frame(a).sentence == sentence)
            .last()
        else {
            continue;
        };
        let whole = if a_time {
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
            story
                .levels()
                .filter(|&w| w != part && story.addable(w, part) && story.same_period(w, part))
                .filter(|&w| {
                    let metric = story.plain_name(&story.frame(w).metric);
                    story.names(&name, w) == NameMatch::Exact || metric.ends_with(plain.as_str())
                })
                .min_by_key(|&w| story.q(w).span.start.abs_diff(story.q(part).span.start))
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

/// `2012年的`: a year stands for the measure's level then.
fn names_a_year(name: &str) -> bool {
    let digits = name.chars().take_while(char::is_ascii_digit).count();
    digits == 4 && name[digits..].starts_with('年')
}
