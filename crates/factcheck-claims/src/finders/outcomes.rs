//! A rate over a list of outcomes: `显效32例、有效24例、无效4例，总有效率为93.3%` — the counts
//! listed in the clause before the rate are every outcome of one group; those the copy names
//! with a negation (无效, 未愈) are the ones the rate leaves out, the others are what it counts.

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_numbers::Kind;

/// The fewest outcomes a list names (two would be a plain part and whole).
const FEWEST: usize = 3;

pub fn rate_of_outcomes(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    for rate in story.members.clone() {
        if story.q(rate).kind != Kind::Percent || story.frame(rate).bracketed {
            continue;
        }
        let frame = story.frame(rate);
        let clause = &story.frames.layout.clauses[frame.clause];
        let lead = crate::story::han(
            &story.text[clause.range.start.min(story.q(rate).span.start)..story.q(rate).span.start],
        );
        let lead = words.strip_end("link", &lead);
        // a rate named as one (总有效率, 治愈率): what comes before 率 is what it counts
        let Some(name) = lead.strip_suffix('率') else {
            continue;
        };
        // (显效率, 治愈率 count one outcome alone: only a total rate counts several)
        let Some(name) = name.strip_prefix('总') else {
            continue;
        };
        if name.chars().count() < 2 || frame.clause == 0 {
            continue;
        }
        // the counts of the clause right before, joined by 、, in the rate's sentence
        let listed: Vec<usize> = story
            .frames
            .in_sentence(frame.sentence)
            .filter(|&q| story.frame(q).clause + 1 == frame.clause)
            .collect();
        if listed.len() < FEWEST
            || listed.iter().any(|&q| {
                story.q(q).kind != Kind::Count || story.q(q).unit != story.q(listed[0]).unit
            })
            || listed.windows(2).any(|w| {
                !story.text
                    [story.q(w[0]).span.end..story.q(w[1]).span.start.max(story.q(w[0]).span.end)]
                    .starts_with('、')
            })
        {
            continue;
        }
        let label = |q: usize| story.own_label(q).to_string();
        let negated = |q: usize| words.starting("negation", &label(q)).is_some();
        let (left_out, kept): (Vec<usize>, Vec<usize>) = listed.iter().partition(|&&q| negated(q));
        // the rate's own word names an outcome counted (有效 of 有效率), and one is left out, the
        // last listed (after 无效 may come outcomes of another kind: 加重, 死亡, 脱落)
        if left_out.len() != 1
            || left_out[0] != *listed.last().expect("listed outcomes")
            || kept.is_empty()
            || !kept.iter().any(|&q| label(q).contains(name))
        {
            continue;
        }
        let mut roles = Roles::new();
        roles.insert(
            "counted".into(),
            Binding::Many(kept.iter().map(|&q| Var::Stated(q)).collect()),
        );
        roles.insert(
            "outcomes".into(),
            Binding::Many(listed.iter().map(|&q| Var::Stated(q)).collect()),
        );
        roles.insert("rate".into(), Binding::One(Var::Stated(rate)));
        out.push(Found::single(
            story.q(listed[0]).span.start..story.q(rate).span.end,
            roles,
            Certainty::Inferred,
        ));
    }
    out
}
