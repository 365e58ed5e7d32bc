//! `夏粮和早稻产量分别为310亿斤和85亿斤，分别比上年增加10亿斤和5亿斤`: the figures after 分别 go
//! one to each name listed before it, in order (夏粮产量, 早稻产量), and a clause that opens with 分别
//! and a change describes those levels one by one.

use crate::{Aspect, Frame, Layout};
use factcheck_numbers::{Kind, Quantity};
use factcheck_rules::Words;

/// The longest name of a list, and the longest that the list's last name says of them all
/// (`产量`, `居民人均可支配收入`), in characters.
const NAME: usize = 6;
const SAID: usize = 9;

/// What joins the names and the figures of a list.
const JOINTS: [&str; 5] = ["、", "以及", "和", "与", "及"];

pub(crate) fn distribute(
    text: &str,
    layout: &Layout,
    quantities: &[Quantity],
    words: &Words,
    frames: &mut [Frame],
) {
    // the last run of levels given names, while its sentence lasts
    let mut levels: Vec<usize> = Vec::new();
    for (clause, range) in layout.clauses.iter().map(|c| c.range.clone()).enumerate() {
        let Some(at) = text[range.clone()].find("分别").map(|i| range.start + i) else {
            continue;
        };
        let run = run_after(text, quantities, frames, clause, at);
        let (Some(&first), true) = (run.first(), run.len() >= 2) else {
            continue;
        };
        if levels
            .first()
            .is_some_and(|&l| frames[l].sentence != frames[first].sentence)
        {
            levels.clear();
        }
        let lead = &text[at + "分别".len()..quantities[first].span.start];
        // `分别从75%、80%降至…`: the figures are where each started, not named levels
        if words.starting("from", lead).is_some() {
            continue;
        }
        // `分别比上年增加10亿斤和5亿斤` after the levels: one change for each, when nothing is
        // named before 分别 in its clause (`…消费支出分别增长…` speaks of other measures)
        let up = words.rfind("up", lead).map(|(at, w)| (at + w.len(), 1));
        let down = words.rfind("down", lead).map(|(at, w)| (at + w.len(), -1));
        let direction = up.into_iter().chain(down).max().map(|(_, sign)| sign);
        // (what it is compared with names no measure: `比上年分别增长`, `同比分别增长`)
        let before = crate::label::han(&text[range.start..at]);
        let named_before = !words.strip_start("compare", &before).is_empty();
        // with no 分别 run before, the levels right before this clause (`县外游客…万人次，县内游客…万人次，
        // 比上年分别增长…和…`), one for each figure
        if direction.is_some() && levels.len() != run.len() {
            let before = levels_right_before(quantities, frames, first, at, run.len());
            // (not over last year's figures, nor rates in real terms of levels at current prices)
            let plain = |levels: &Vec<usize>| {
                let from = layout.clauses[frames[levels[0]].clause].range.start;
                let to = layout.sentences[frames[first].sentence].range.end;
                let before = &text[from..range.start.max(from)];
                !words.contains("earlier_figure", before)
                    && !words.contains("real_terms", &text[from..to.max(from)])
            };
            if let Some(before) = before.filter(plain) {
                levels = before;
            }
        }
        let describes = direction.is_some() && !named_before && levels.len() == run.len();
        if let Some(sign) = direction.filter(|_| describes) {
            for (&q, &level) in run.iter().zip(&levels) {
                frames[q].aspect = match quantities[q].kind {
                    Kind::Percent => Aspect::Rate,
                    Kind::PercentagePoint => Aspect::Points,
                    _ => Aspect::Change,
                };
                frames[q].sign = sign;
                frames[q].anchor = Some(level);
                frames[q].metric = frames[level].metric.clone();
            }
            continue;
        }
        // `咨询类2600件、求助类1300件…，分别占受理总量的50.0%、25.0%…`: one share for each
        // level right before, all of the whole the first names
        if frames[first].aspect == Aspect::Share && direction.is_none() {
            if let Some(before) = levels_right_before(quantities, frames, first, at, run.len()) {
                // (`分别占建议、提案总数的…`: a list of wholes, one for each)
                let whole = frames[first]
                    .whole
                    .clone()
                    .filter(|(_, name)| !name.contains('、'));
                for (&q, &level) in run.iter().zip(&before) {
                    frames[q].aspect = Aspect::Share;
                    frames[q].anchor = Some(level);
                    if whole.is_some() {
                        frames[q].whole = whole.clone();
                    }
                }
            }
            continue;
        }
        if direction.is_some() || run.iter().any(|&q| frames[q].aspect != Aspect::Level) {
            continue;
        }
        let Some(names) = names_before(text, layout, quantities, clause, at, run.len(), words)
        else {
            continue;
        };
        for (&q, name) in run.iter().zip(names) {
            frames[q].metric = name;
        }
        levels = run;
    }
}

/// The `count` figures right before 分别 at `at`, in its sentence and in clauses before its own:
/// named levels of one kind, no figure of any other aspect among or after them.
fn levels_right_before(
    quantities: &[Quantity],
    frames: &[Frame],
    first: usize,
    at: usize,
    count: usize,
) -> Option<Vec<usize>> {
    let end = quantities.partition_point(|q| q.span.start < at);
    let start = end.checked_sub(count)?;
    let before: Vec<usize> = (start..end).collect();
    let one_kind = before
        .iter()
        .all(|&q| quantities[q].kind == quantities[before[0]].kind);
    let named_levels = before.iter().all(|&q| {
        let f = &frames[q];
        f.aspect == Aspect::Level
            && !f.metric.is_empty()
            && !f.compared
            && !f.bracketed
            && f.sentence == frames[first].sentence
            && f.clause != frames[first].clause
    });
    (one_kind && named_levels).then_some(before)
}

/// The figures of the clause after 分别, while joined one to the next by a joint.
fn run_after(
    text: &str,
    quantities: &[Quantity],
    frames: &[Frame],
    clause: usize,
    at: usize,
) -> Vec<usize> {
    let mut run: Vec<usize> = Vec::new();
    let first = quantities.partition_point(|q| q.span.start < at);
    for q in first..quantities.len() {
        if frames[q].clause != clause {
            break;
        }
        if let Some(&last) = run.last() {
            let between = &text[quantities[last].span.end..quantities[q].span.start];
            if !JOINTS.contains(&between) || quantities[q].kind != quantities[last].kind {
                break;
            }
        }
        run.push(q);
    }
    run
}

/// The names listed before 分别 (`夏粮和早稻产量` → 夏粮产量, 早稻产量), one per figure: in the
/// clause, or in the one before when 分别 opens its clause. What follows the last name (产量) is
/// said of each.
fn names_before(
    text: &str,
    layout: &Layout,
    quantities: &[Quantity],
    clause: usize,
    at: usize,
    count: usize,
    words: &Words,
) -> Option<Vec<String>> {
    // the names start after any figure before them in the clause (`2025年城镇和农村…`)
    let clause_start = layout.clauses[clause].range.start;
    let start = quantities
        .iter()
        .rev()
        .find(|q| q.span.end <= at && q.span.start >= clause_start)
        .map_or(clause_start, |q| q.span.end);
    let mut subjects = crate::label::han(&text[start..at]);
    if subjects.is_empty() && clause > 0 {
        let before = &layout.clauses[clause - 1];
        subjects = crate::label::han(&text[before.range.clone()]);
    }
    let subjects = words.strip_end("link", &subjects);
    let mut items: Vec<&str> = vec![subjects];
    for joint in JOINTS {
        items = items.iter().flat_map(|i| i.split(joint)).collect();
    }
    // names, not clauses: a name of a few characters, and what is said of all after the last one
    let short = |i: &&str| (1..=NAME).contains(&i.chars().count());
    if items.len() != count
        || !items[..count - 1].iter().all(short)
        || items[count - 1].chars().count() > NAME + SAID
    {
        return None;
    }
    // the last item is a name as long as the first, then what is said of every one; the first
    // may open with what the sentence is about (`全年夏粮和早稻产量`: 全年 is no part of 夏粮)
    let mut first = items[0].trim_start_matches(['年', '月']);
    while let Some(rest) = words
        .starting("own_subject", first)
        .map(|w| &first[w.len()..])
    {
        if rest.is_empty() {
            break;
        }
        first = rest.trim_start_matches(['年', '月']);
    }
    let first_len = first.chars().count();
    let last = items[count - 1];
    // names of a kind end alike (工业和服务业增加值: 服务业, one longer than 工业); else the last
    // name is as long as the first
    let ending = first.chars().last();
    let cut = last
        .char_indices()
        .skip(1)
        .take(first_len + 1)
        .find(|&(_, c)| Some(c) == ending)
        .map(|(i, c)| i + c.len_utf8())
        .or_else(|| last.char_indices().nth(first_len).map(|(i, _)| i))
        .unwrap_or(last.len());
    let said = &last[cut..];
    Some(
        items
            .iter()
            .enumerate()
            .map(|(k, item)| {
                if k + 1 == count {
                    (*item).to_string()
                } else {
                    format!("{item}{said}")
                }
            })
            .collect(),
    )
}
