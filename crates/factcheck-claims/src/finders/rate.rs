//! A rate of items in the clause after the count it is of (`全省4280处受损堤防已修复3950处，修复率
//! 92.3%`, `出手40次，命中14次，命中率35%`): the rate is the count over an earlier, larger count of
//! the same unit in the sentence. The rate's own word binds it to the count: what is counted is what the
//! rate is of (修复 … 修复率), so a rate of something the copy does not count (就业率 after 毕业
//! 2500人) is left alone.

use crate::{Certainty, Found, Story};
use factcheck_numbers::Kind;

/// How many characters of the rate's name before 率 (or 面, 比例) must appear at the count.
const STEM: usize = 2;

/// The longest name of a rate, or of the words around the count before it, that is read.
const LEAD: usize = 16;

/// The most counts before a rate that may be its whole.
const COUNTS: usize = 8;

/// The most characters after 率 before the figure (`达`, `为`, `只有`, `低到了`).
const LINK: usize = 4;

pub fn rate_of_count(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    for rate in story.members.clone() {
        let q = story.q(rate);
        if q.kind != Kind::Percent {
            continue;
        }
        let frame = story.frame(rate);
        let clause = &story.frames.layout.clauses[frame.clause];
        let lead = crate::story::han(crate::story::tail(
            &story.text[clause.range.start.min(q.span.start)..q.span.start],
            LEAD,
        ));
        // a rate of change (增长率, 增速) is no rate of items, nor is a share of a whole the
        // copy names (占商品房销售面积的88.1%): the share finder reads that one
        if words.contains("change_noun", &lead) || frame.whole.is_some() {
            continue;
        }
        let Some(stem) = rate_stem(&lead) else {
            continue;
        };
        // (有效应答率 after 有效问卷: a longer name may open with what is counted)
        let opening = rate_opening(&lead).filter(|o| *o != stem);
        // the part: the last count before the rate, in its clause or the clause before
        let mut counts: Vec<usize> = story
            .before_in_sentence(rate)
            // counts or amounts (`已整改问题资金15.27亿元，整改率…`, `负债合计…，资产负债率…`),
            // or days counted (`优良天数318天，优良天数比例…`)
            .filter(|&c| {
                crate::story::is_amount(story.q(c))
                    || (story.q(c).kind == Kind::Duration && story.q(c).number().is_some())
            })
            // a change (核减3.43亿元) is signed: the rate is of its size, which no level states
            .filter(|&c| story.frame(c).aspect != factcheck_frames::Aspect::Change)
            .take(COUNTS)
            .collect();
        counts.reverse();
        let Some(&part) = counts.last() else {
            continue;
        };
        // in the clause after the count's: a rate inside the count's clause says what the items
        // are (`12只基金收益率超过35%`), not how many of them there are
        if frame.clause != story.frame(part).clause + 1 {
            continue;
        }
        // a count listed with others (`显效28例、有效27例、无效5例，总有效率…`): the rate may be
        // of several of them together
        let listed = counts.len() >= 2 && {
            let before = counts[counts.len() - 2];
            story.frame(before).clause == story.frame(part).clause
                && story.text[story.q(before).span.end..story.q(part).span.start].contains('、')
        };
        if listed {
            continue;
        }
        // the words around a count in its clause (`仅14次命中`, `已修复3950处`)
        let around = |c: usize| {
            let clause = &story.frames.layout.clauses[story.frame(c).clause];
            let span = &story.q(c).span;
            let before = crate::story::tail(&story.text[clause.range.start..span.start], LEAD);
            let after: String = story.text[span.end..clause.range.end.max(span.end)]
                .chars()
                .take(LEAD)
                .collect();
            crate::story::han(&format!("{before}{after}"))
        };
        // `24项完成，4项未完成，完成率…`: the count the rate's word denies is the rest
        let around_part = around(part);
        // (the opening names the part only where no count before it says it too: 整改 of 已整改
        // 到位71个，部分整改9个，正在整改4个 is every count's act)
        let stem = match opening {
            Some(o)
                if !around_part.contains(stem.as_str())
                    && around_part.contains(o.as_str())
                    && counts[..counts.len() - 1]
                        .iter()
                        .all(|&c| !around(c).contains(o.as_str())) =>
            {
                o
            }
            _ => stem,
        };
        if !around_part.contains(stem.as_str())
            || story
                .words()
                .class("negation")
                .iter()
                .any(|no| around_part.contains(&format!("{no}{stem}")))
        {
            continue;
        }
        // the whole: an earlier count of the same unit, nearest first (each one is a reading)
        let wholes: Vec<usize> = counts[..counts.len() - 1]
            .iter()
            .rev()
            .copied()
            .filter(|&w| story.q(w).unit == story.q(part).unit && !story.q(w).unit.is_empty())
            // a rate of items is of a larger count (`45家整车企业和1600多家配套商，配套率…`)
            .filter(|&w| story.q(w).number() > story.q(part).number())
            // a count named by the rate's word too is the same kind of part, of another group
            // (`试验组有效211例…；对照组有效179例，有效率…`), unless the part is listed under it
            // (`特困供养人员5426人，其中集中供养1873人，集中供养率…`)
            .filter(|&w| {
                !story.own_label(w).contains(stem.as_str()) || listed_under(story, w, part)
            })
            .collect();
        // a count with a rate of its own may be another part of the whole (`知晓…的1138例，知晓率
        // 为52.6%；…958例，治疗率`) or the whole of a chain (`回收5286份，回收率…；有效问卷
        // 5028份，有效率`): only with a count free of one among the readings
        let wholes = if wholes.is_empty() {
            named_whole(story, part, &stem).into_iter().collect()
        } else {
            wholes
        };
        // a rate of money (收益率, 利润率, 不良率, 支出率) is of a sum the copy may never state, or
        // state apart (a balance, costs, a carry-over): only of one the rate's name holds
        // (资产负债率 of 资产) or that counts what the part counts (整改问题资金 of 发现问题资金)
        let wholes: Vec<usize> = if story.q(part).kind == Kind::Money {
            let label = story.own_label(part);
            let counted = label.rsplit_once(stem.as_str()).map_or("", |(_, c)| c);
            let named_by_rate = lead.split(stem.as_str()).next().unwrap_or("");
            wholes
                .into_iter()
                .filter(|&w| {
                    let metric = story.plain_name(&story.frame(w).metric);
                    let chars: Vec<char> = metric.chars().collect();
                    let tail: String = chars[chars.len().saturating_sub(STEM)..].iter().collect();
                    (tail.chars().count() == STEM && named_by_rate.contains(tail.as_str()))
                        || (counted.chars().count() >= STEM && metric.ends_with(counted))
                })
                .collect()
        } else {
            wholes
        };
        if wholes.iter().all(|&w| has_own_rate(story, w, rate)) {
            continue;
        }
        let reading = |whole: usize| {
            crate::stated_roles(&[("part", part), ("whole", whole), ("share", rate)])
        };
        let mut readings = wholes.iter().map(|&w| reading(w));
        let Some(first) = readings.next() else {
            continue;
        };
        let start = wholes.iter().map(|&w| story.q(w).span.start).min();
        out.push(Found {
            span: start.unwrap_or(story.q(part).span.start)..q.span.end,
            roles: first,
            certainty: Certainty::Inferred,
            alternatives: readings.collect(),
        });
    }
    out
}

/// Is `part` listed under `whole` (`5426人，其中集中供养1873人`)?
fn listed_under(story: &Story, whole: usize, part: usize) -> bool {
    story
        .parts_lists()
        .iter()
        .any(|l| l.total == whole && l.parts.contains(&part))
}

/// `本次审计共发现问题金额46.83亿元。…已整改问题金额31.62亿元，整改率为67.5%`: with no whole in
/// the sentence, the one level told before whose name ends with what the part's name counts
/// after the rate's word (问题金额), larger than the part, that the word does not name (or of
/// several, the one no list holds as a part).
fn named_whole(story: &Story, part: usize, stem: &str) -> Option<usize> {
    let label = story.own_label(part);
    let (_, counted) = label.rsplit_once(stem)?;
    if counted.chars().count() < 2 {
        return whole_of_sentence_before(story, part, stem);
    }
    let named: Vec<usize> = story
        .levels()
        .filter(|&w| w < part && story.q(w).unit == story.q(part).unit)
        .filter(|&w| story.q(w).number() > story.q(part).number())
        .filter(|&w| {
            let metric = &story.frame(w).metric;
            metric.ends_with(counted) && !metric.contains(stem) && !story.is_earlier_figure(w)
        })
        .collect();
    // (of several, the one no list holds as a part: 发现问题金额 over its 其中 违规问题金额)
    let listed = |w: &usize| story.parts_lists().iter().any(|l| l.parts.contains(w));
    let unlisted: Vec<usize> = named.iter().copied().filter(|w| !listed(w)).collect();
    match (&named[..], &unlisted[..]) {
        ([only], _) | (_, [only]) => Some(*only),
        // (已整改到位171个: what follows the act may be no noun but how it ended)
        ([], _) => whole_of_sentence_before(story, part, stem),
        _ => None,
    }
}

/// `检查共发现隐患3416项…。已完成整改3085项，整改率为90.3%`: a part named by the rate's act
/// alone is of the one larger level of its unit in the sentence before, in its paragraph, that
/// the act does not name.
fn whole_of_sentence_before(story: &Story, part: usize, stem: &str) -> Option<usize> {
    let before = story.sentence_before_in_paragraph(story.frame(part).sentence)?;
    let larger: Vec<usize> = story
        .frames
        .in_sentence(before)
        .filter(|&w| story.members.contains(&w) && story.is_level(w))
        .filter(|&w| story.q(w).unit == story.q(part).unit && !story.q(w).unit.is_empty())
        .filter(|&w| story.q(w).number() > story.q(part).number())
        .filter(|&w| !story.frame(w).metric.contains(stem) && !story.is_earlier_figure(w))
        // (of the part's own period: `累计受理…。上月办结…，办结率` is of last month's)
        .filter(
            |&w| match (story.frame(w).period, story.frame(part).period) {
                (Some(a), Some(b)) => a.equals(&b),
                _ => true,
            },
        )
        .collect();
    // (`转派工单中，已办结…`: a sentence that opens by naming its whole picks it among several)
    let scoped = || {
        let name = super::parts::scope_opener(story, story.frame(part).sentence)?;
        let opening: String = name.chars().take(STEM).collect();
        let named: Vec<usize> = larger
            .iter()
            .copied()
            .filter(|&w| story.frame(w).metric.contains(opening.as_str()))
            .collect();
        match named[..] {
            [only] => Some(only),
            _ => None,
        }
    };
    match larger[..] {
        [only] => Some(only),
        [_, _, ..] => scoped(),
        [] => None,
    }
}

/// What a rate is of: the characters before its 率, 面 or 比例 (`修复率` → 修复, `增长面` → 增长,
/// `优良比例` → 优良).
fn rate_stem(lead: &str) -> Option<String> {
    let chars: Vec<char> = lead.chars().collect();
    let word_end = chars
        .iter()
        .rposition(|&c| c == '率' || c == '面' || c == '例')?;
    let at = match chars[word_end] {
        '例' if word_end > 0 && chars[word_end - 1] == '比' => word_end - 1,
        '例' => return None,
        _ => word_end,
    };
    // the rate's word ends the name: at most a linking verb after it (`命中率低到了`)
    if chars.len() - word_end > LINK + 1 || at < STEM {
        return None;
    }
    // a count's noun before the word (`优良天数比例`) is the whole's too: what the rate is of
    // comes before it
    let at = if chars[at - 1] == '数' && at >= 2 * STEM {
        at - STEM
    } else {
        at
    };
    Some(chars[at - STEM..at].iter().collect())
}

/// The first characters of a rate's name longer than its stem (`有效应答率` → 有效): the lead's
/// characters before 率, when there are three or four of them.
fn rate_opening(lead: &str) -> Option<String> {
    let chars: Vec<char> = lead.chars().collect();
    let word_end = chars.iter().rposition(|&c| c == '率')?;
    let name = &chars[..word_end];
    (name.len() > STEM && name.len() <= 2 * STEM).then(|| name[..STEM].iter().collect())
}

/// Is count `w` followed, in the clause after its own, by a rate (a percentage after 率) other
/// than `rate`?
fn has_own_rate(story: &Story, w: usize, rate: usize) -> bool {
    let next_clause = story.frame(w).clause + 1;
    story.members.clone().any(|r| {
        r != rate
            && r > w
            && story.frame(r).clause == next_clause
            && story.q(r).kind == Kind::Percent
            && {
                let clause = &story.frames.layout.clauses[next_clause];
                let lead = &story.text
                    [clause.range.start.min(story.q(r).span.start)..story.q(r).span.start];
                rate_stem(&crate::story::han(lead)).is_some()
            }
    })
}
