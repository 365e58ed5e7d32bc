//! `预算支出36.5亿元，加上补助资金4.2亿元，可用财力为40.7亿元`: a level, another added to it
//! (加上, 再加上), and the level the sentence then gives: the result is their sum.

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;

pub fn added(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let words = story.words();
    let levels: Vec<usize> = story
        .members
        .clone()
        .filter(|&q| story.frame(q).aspect == Aspect::Level && crate::story::is_amount(story.q(q)))
        .collect();
    for (k, &added) in levels.iter().enumerate() {
        let clause = &story.frames.layout.clauses[story.frame(added).clause];
        let lead = story.text[clause.range.start..story.q(added).span.start].trim_start();
        if words.starting("plus", lead).is_none() {
            continue;
        }
        let sentence = story.frame(added).sentence;
        // the level it is added to: the last one before it in the sentence, in an earlier clause
        let Some(&first) = levels[..k].last().filter(|&&f| {
            story.frame(f).sentence == sentence && story.frame(f).clause < story.frame(added).clause
        }) else {
            continue;
        };
        // the result: the next level of the sentence, in a later clause
        let Some(&total) = levels.get(k + 1).filter(|&&t| {
            story.frame(t).sentence == sentence && story.frame(t).clause > story.frame(added).clause
        }) else {
            continue;
        };
        if !story.addable(first, added) || !story.addable(first, total) {
            continue;
        }
        // `A和B，加上C`: what C is added to may be all the levels of the clause before
        let same_clause: Vec<usize> = levels[..k]
            .iter()
            .copied()
            .filter(|&f| {
                story.frame(f).clause == story.frame(first).clause && story.addable(f, first)
            })
            .collect();
        let reading = |firsts: &[usize]| {
            let mut roles = Roles::new();
            roles.insert(
                "first".into(),
                Binding::Many(firsts.iter().map(|&f| Var::Stated(f)).collect()),
            );
            roles.insert("added".into(), Binding::One(Var::Stated(added)));
            roles.insert("total".into(), Binding::One(Var::Stated(total)));
            roles
        };
        let alternatives = if same_clause.len() > 1 {
            vec![reading(&same_clause)]
        } else {
            Vec::new()
        };
        out.push(Found {
            span: story.q(same_clause[0]).span.start..story.q(total).span.end,
            roles: reading(&[first]),
            certainty: Certainty::Bound,
            alternatives,
        });
    }
    out
}
