//! Points enumerated with 一是, 二是, …: where they open a clause, and the parts they count.
//! `诉求集中在三类：一是咨询类，共320件；二是求助类，共150件；三是投诉类，共90件`: each point
//! opens with its own figure, and together they are some of the total the copy gave before.

use super::parts::{amount_level, PartsList};
use crate::Story;

/// The ordinals that enumerate points: 一是, 二是, … 十是.
pub(super) const ORDINALS: [&str; 10] = [
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// Where `ordinal` first opens a clause in `text` (after a stop, a comma, a colon or a line
/// break): 一是 inside `原因之一是` enumerates nothing.
pub(super) fn ordinal_at_clause(text: &str, ordinal: &str) -> Option<usize> {
    text.match_indices(ordinal).map(|(i, _)| i).find(|&i| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '：' | '；' | '。' | '，' | '\n' | ' '))
    })
}

/// The byte offsets in `text` of each point of an enumeration that opens at `start` (with 一是),
/// while the next ordinal opens a clause in the same paragraph (or opens the next one).
pub(super) fn point_starts(text: &str, start: usize) -> Vec<usize> {
    let mut starts = vec![start];
    let mut at = start + ORDINALS[0].len();
    while starts.len() < ORDINALS.len() {
        let Some(found) = ordinal_at_clause(&text[at..], ORDINALS[starts.len()]) else {
            break;
        };
        let between = &text[at..at + found];
        // a paragraph between them that is not the next point's
        if between.contains('\n') && !between.trim_end_matches(' ').ends_with('\n') {
            break;
        }
        // a nested enumeration inside one point restarts at 一是
        if ordinal_at_clause(between, ORDINALS[0]).is_some() {
            break;
        }
        starts.push(at + found);
        at += found + ORDINALS[starts.len() - 1].len();
    }
    starts
}

/// Each point's own figure: the first level in its opening clauses (before its first stop), of
/// one unit with the others. Every point must have one.
fn point_figures(story: &Story, starts: &[usize], end: usize) -> Option<Vec<usize>> {
    let mut figures = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(end);
        let stop = story.text[start..next]
            .find(['。', '；'])
            .map_or(next, |i| start + i);
        let figure = story
            .members
            .clone()
            .filter(|&q| story.q(q).span.start >= start && story.q(q).span.end <= stop)
            .find(|&q| amount_level(story, q))?;
        if figures
            .first()
            .is_some_and(|&first| !story.addable(first, figure))
        {
            return None;
        }
        figures.push(figure);
    }
    Some(figures)
}

/// The total the points are kinds of: the nearest earlier level of their unit in the sentence
/// that opens the enumeration or the two before it, named in the enumeration's opening words
/// (`市民诉求…集中在三类` after `受理市民诉求1800件`), or standing in that same sentence.
fn total_before(story: &Story, opening: usize, first: usize) -> Option<usize> {
    let layout = &story.frames.layout;
    let head_sentence = layout
        .sentences
        .iter()
        .position(|s| s.range.contains(&opening))?;
    let head_start = layout.sentences[head_sentence].range.start;
    let head = crate::story::han(&story.text[head_start..opening]);
    story
        .members
        .clone()
        .rev()
        .filter(|&q| story.q(q).span.end <= opening)
        .take_while(|&q| story.frame(q).sentence + 2 >= head_sentence)
        .filter(|&q| amount_level(story, q) && story.addable(q, first))
        .find(|&q| {
            // in the same sentence the words after the total must say the points are its kinds
            // (`共受理诉求1800件，主要集中在三类：`), not a list of other things it did
            if story.frame(q).sentence == head_sentence {
                let after = &story.text[story.q(q).span.end.min(opening)..opening];
                return story.words().find("breakdown", after).is_some();
            }
            let metric: Vec<char> = story.plain_name(&story.frame(q).metric).chars().collect();
            metric.len() >= 3 && {
                let ending: String = metric[metric.len().saturating_sub(4)..].iter().collect();
                head.contains(ending.as_str())
            }
        })
}

/// The enumerations of a story whose points each open with a figure, as parts of a total given
/// before them (some of it: the points may leave kinds out).
pub fn enumerated_lists(story: &Story, out: &mut Vec<PartsList>) {
    let Some(first_member) = story.members.clone().next() else {
        return;
    };
    let last_member = story.members.end - 1;
    let range = story.q(first_member).span.start..story.q(last_member).span.end;
    let text = &story.text[..range.end];
    let mut from = range.start;
    while let Some(found) = ordinal_at_clause(&text[from..], ORDINALS[0]) {
        let start = from + found;
        from = start + ORDINALS[0].len();
        let starts = point_starts(text, start);
        if starts.len() < 2 {
            continue;
        }
        // the last point runs to its paragraph's end
        let end = text[starts[starts.len() - 1]..]
            .find('\n')
            .map_or(text.len(), |i| starts[starts.len() - 1] + i);
        let Some(parts) = point_figures(story, &starts, end) else {
            continue;
        };
        let Some(total) = total_before(story, start, parts[0]) else {
            continue;
        };
        if parts.iter().any(|&p| !story.same_period(total, p)) {
            continue;
        }
        out.push(PartsList {
            total,
            span: story.q(total).span.start..story.q(parts[parts.len() - 1]).span.end,
            parts,
            complete: None,
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: true,
        });
    }
}
