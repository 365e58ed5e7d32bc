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
        // (a figure in brackets details the item before it: `债务转贷收入142.6亿元（其中…）`)
        .filter(|&q| !story.frame(q).bracketed)
        .collect();
    let mut k = 0;
    while k < levels.len() {
        let opener = levels[k];
        let clause = &story.frames.layout.clauses[story.frame(opener).clause];
        let lead = story.text[clause.range.start..story.q(opener).span.start].trim_start();
        if words.starting("plus", lead).is_none() {
            k += 1;
            continue;
        }
        // what is added: every level of the 加上 clause (加上A、B、C), a bracket inside it
        // holding details of an item, not the clause's end
        let count = 1 + levels[k..]
            .windows(2)
            .take_while(|pair| {
                let between = story
                    .text
                    .get(story.q(pair[0]).span.end..story.q(pair[1]).span.start)
                    .unwrap_or("");
                !super::parts::without_figures_in_brackets(between).contains(['，', '；', '。'])
            })
            .count();
        let (before, added, after) = (&levels[..k], &levels[k..k + count], &levels[k + count..]);
        k += count;
        let sentence = story.frame(opener).sentence;
        // the result: the next level of the sentence, in a later clause
        // (not what is still left after it: `已整改100项；加上去年遗留的35项，尚有55项…`)
        let Some(&total) = after
            .first()
            .filter(|&&t| story.frame(t).sentence == sentence)
            .filter(|&&t| words.starting("the_rest", &story.own_label(t)).is_none())
        else {
            continue;
        };
        // the level it is added to: the last one before it in the sentence, in an earlier
        // clause; for a sentence that opens with 加上, the one level the sentence before gives
        let in_sentence = before
            .last()
            .copied()
            .filter(|&f| story.frame(f).sentence == sentence);
        let opens_sentence = story.frames.layout.sentences[sentence].range.start
            == clause.range.start
            || story.text[story.frames.layout.sentences[sentence].range.start..clause.range.start]
                .trim()
                .is_empty();
        let (first, certainty) = match in_sentence {
            Some(f) => (f, Certainty::Bound),
            None if opens_sentence => match level_before(story, sentence, total) {
                Some(f) => (f, Certainty::Inferred),
                None => continue,
            },
            None => continue,
        };
        if !added.iter().all(|&a| story.addable(first, a)) || !story.addable(first, total) {
            continue;
        }
        // `A和B，加上C`: what C is added to may be all the levels of the clause before
        let same_clause: Vec<usize> = before
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
            roles.insert(
                "added".into(),
                Binding::Many(added.iter().map(|&a| Var::Stated(a)).collect()),
            );
            roles.insert("total".into(), Binding::One(Var::Stated(total)));
            roles
        };
        let alternatives = if same_clause.len() > 1 && certainty == Certainty::Bound {
            vec![reading(&same_clause)]
        } else {
            Vec::new()
        };
        out.push(Found {
            span: story.q(first).span.start..story.q(total).span.end,
            roles: reading(&[first]),
            certainty,
            alternatives,
        });
    }
    out
}

/// `收入21.60亿元，比上年增长6.0%。其中…。加上…，收入总计60.00亿元`: the one level a sentence
/// before gives (passing over lists of parts, the figures compared against and last year's), in
/// the paragraph of the 加上.
fn level_before(story: &Story, sentence: usize, total: usize) -> Option<usize> {
    let layout = &story.frames.layout;
    let here = &layout.sentences[sentence];
    for prev in (sentence.saturating_sub(3)..sentence).rev() {
        let s = &layout.sentences[prev];
        if s.paragraph != here.paragraph || s.article != here.article {
            return None;
        }
        let opening = story.text[s.range.clone()].trim_start();
        if story.words().starting("which", opening).is_some() {
            continue;
        }
        let levels: Vec<usize> = story
            .frames
            .in_sentence(prev)
            .filter(|&q| {
                story.members.contains(&q)
                    && story.frame(q).aspect == Aspect::Level
                    && crate::story::is_amount(story.q(q))
                    && !story.frame(q).compared
                    && !story.frame(q).bracketed
                    && !story.is_earlier_figure(q)
                    && story.addable(q, total)
                    && !story.says_between("which", s.range.start, story.q(q).span.start)
            })
            .collect();
        return match levels[..] {
            [only] => Some(only),
            _ => None,
        };
    }
    None
}
