//! A total and its parts, wherever the copy gives them: a `其中` list after the total, a list in
//! brackets right after it, parts that name a whole partition (城镇/乡村, 出口/进口) in the
//! sentences after it, or parts followed by `合计`. A list is complete (its parts add up to the
//! total) when the copy says so: brackets, a partition named in full, a closing 合计, or a 共计
//! before the total; otherwise the parts are only some of the total.

use crate::story::NameMatch;
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Part;
use factcheck_frames::{Aspect, Reference};
use factcheck_text::chars::is_han;
use std::ops::Range;

/// A total and parts the copy lists under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartsList {
    pub total: usize,
    pub parts: Vec<usize>,
    /// `Some(certainty)` when the parts are all the parts.
    pub complete: Option<Certainty>,
    pub span: Range<usize>,
    /// Other figures that may be the total (a list after two levels may belong to either).
    pub other_totals: Vec<usize>,
    /// Whether a part's share that names no whole (`占比41%`) is of this total: not where the
    /// total gathers some of many (`三家股东合计`), whose shares are of the whole they hold.
    pub shares_of_total: bool,
    /// Parts that open points enumerated with 一是, 二是, or that break a total down (`分行业看，`)
    /// each naming its measure: a semicolon between them ends an item, not the list.
    pub enumerated: bool,
}

impl PartsList {
    /// One part of a whole, the list said to be no more than that.
    fn one_part(story: &Story, whole: usize, part: usize) -> PartsList {
        PartsList {
            total: whole,
            span: story.q(whole).span.start..story.q(part).span.end,
            parts: vec![part],
            complete: None,
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        }
    }
}

/// Every list of parts in a story.
pub fn lists(story: &Story) -> Vec<PartsList> {
    let mut out: Vec<PartsList> = Vec::new();
    which_lists(story, &mut out);
    among_lists(story, &mut out);
    bracket_lists(story, &mut out);
    let levels = list_levels(story);
    let held = partition_words_held(story, &levels);
    partition_lists(story, &levels, &held, false, &mut out);
    // the groups of per-head figures, which add up though they are averages
    if story.rules.partition_per_head.iter().any(|&p| p) {
        let per_head: Vec<usize> = story
            .members
            .clone()
            .filter(|&q| {
                story.frame(q).aspect == Aspect::Level
                    && crate::story::is_amount(story.q(q))
                    && !story.in_headline(q)
                    && !story.frame(q).bracketed
            })
            .collect();
        let held = partition_words_held(story, &per_head);
        partition_lists(story, &per_head, &held, true, &mut out);
    }
    declared_part_lists(story, &levels, &held, &mut out);
    super::bands::band_lists(story, &levels, &mut out);
    super::apposed::apposed_lists(story, &levels, &mut out);
    closing_total_lists(story, &levels, &mut out);
    counted_total_lists(story, &levels, &mut out);
    rest_lists(story, &levels, &mut out);
    super::running::running_total_lists(story, &levels, &mut out);
    super::enumeration::enumerated_lists(story, &mut out);
    // a part no other structure lists
    among_inline(story, &mut out);
    // (temperatures and loudness do not add up: `最高气温39℃，其中甲地39℃、乙地38℃`)
    let words = story.words();
    out.retain(|l| !words.is("unsummed_unit", &story.q(l.total).unit));
    // (parts that name a whole partition are parts, net or not: 经营净收入 of 可支配收入)
    out.retain(|l| {
        !nested_bounds(story, &l.parts)
            && !shares_overlap(story, l)
            && (!balance_in_gross(story, l) || names_partition(story, &l.parts))
    });
    out
}

/// `女性代表168名，占31.8%；少数民族代表36名，占6.8%；党员代表362名，占68.6%`: parts that
/// add up past their total and whose own shares add up past 100% as well overlap (one delegate
/// is counted twice); they are no parts apart. (One wrong figure breaks only one of the two.)
fn shares_overlap(story: &Story, list: &PartsList) -> bool {
    use rust_decimal::Decimal;
    let shares: Vec<Decimal> = list
        .parts
        .iter()
        .filter_map(|&p| {
            let s = *story.describing(p, Aspect::Share).first()?;
            (story.q(s).kind == factcheck_numbers::Kind::Percent)
                .then(|| story.q(s).bounds().0)
                .flatten()
        })
        .collect();
    let parts: Option<Decimal> = list.parts.iter().map(|&p| story.q(p).bounds().0).sum();
    let overflow = parts
        .zip(story.q(list.total).bounds().1)
        .is_some_and(|(sum, total)| sum > total);
    overflow && shares.len() >= 2 && shares.iter().sum::<Decimal>() > Decimal::new(1005, 1)
}

/// `进出口总额…，其中贸易顺差…`, `营业收入…，其中净利润…`: a balance or a profit is no part of a
/// gross amount (it is a difference of other parts), only of another balance.
fn balance_in_gross(story: &Story, list: &PartsList) -> bool {
    let words = story.words();
    // amounts only: a count of industries whose profit grew is no balance
    let signed = |q: usize| {
        story.q(q).kind == factcheck_numbers::Kind::Money
            && words.contains("signed", &story.frame(q).metric)
    };
    !signed(list.total) && list.parts.iter().any(|&p| signed(p))
}

/// `收益率超过20%的9只，超过30%的4只`: parts each counted above (or each below) a bound of their
/// own are nested, not apart; such parts need not fit in any total together.
fn nested_bounds(story: &Story, parts: &[usize]) -> bool {
    use factcheck_numbers::Qualifier::*;
    let bound_before = |q: usize| {
        let p = q.checked_sub(1).filter(|&p| {
            p >= story.members.start
                && story.frame(p).clause == story.frame(q).clause
                && !parts.contains(&p)
        })?;
        match story.q(p).qualifier {
            MoreThan | AtLeast => Some(true),
            LessThan | AtMost => Some(false),
            _ => None,
        }
    };
    let bounds: Vec<bool> = parts.iter().filter_map(|&q| bound_before(q)).collect();
    bounds.iter().filter(|&&up| up).count() >= 2 || bounds.iter().filter(|&&up| !up).count() >= 2
}

/// Is the level a figure that can be a part or a total here (not in the headline)?
/// The levels of a story that may be totals or parts of a list outside brackets, in order.
pub(super) fn list_levels(story: &Story) -> Vec<usize> {
    story
        .members
        .clone()
        .filter(|&q| amount_level(story, q) && !story.frame(q).bracketed)
        .collect()
}

pub(super) fn amount_level(story: &Story, q: usize) -> bool {
    story.amount_level(q)
}

/// (Read once per figure: see [`Story::amount_level`].)
pub(crate) fn read_amount_level(story: &Story, q: usize) -> bool {
    story.frame(q).aspect == Aspect::Level
        && crate::story::is_amount(story.q(q))
        && !story.in_headline(q)
        // an average (城镇居民人均可支配收入, 日均受理) adds up with nothing
        && !factcheck_frames::names_an_average(story.words(), &story.frame(q).metric)
}

/// `总额500亿元，其中出口300亿元，进口200亿元`: the levels after 其中 in its sentence. Every
/// level before 其中 in the sentence may be the total (the nearest is the likeliest); the list
/// runs while its items are parallel and stops where a statement of its own begins.
fn which_lists(story: &Story, out: &mut Vec<PartsList>) {
    let text = story.text;
    let layout = &story.frames.layout;
    let words = story.words();
    let mut sentences: Vec<usize> = story
        .members
        .clone()
        .map(|q| story.frame(q).sentence)
        .collect();
    sentences.dedup();
    for &s in &sentences {
        let sentence = &layout.sentences[s];
        let body = &text[sentence.range.clone()];
        let figures: Vec<usize> = story.frames.in_sentence(s).collect();
        // 其中 lists the parts of a whole; 包括 some of them too; a sentence that opens 分行业看
        // lists the parts of the whole before it
        let mut openings: Vec<usize> = words
            .class("which")
            .iter()
            .chain(words.class("includes"))
            .flat_map(|which| body.match_indices(which.as_str()))
            .map(|(offset, _)| sentence.range.start + offset)
            .collect();
        openings.extend(breakdown_opener(story, s));
        for at in openings {
            let in_bracket = layout
                .clause_at(at)
                .is_some_and(|c| layout.clauses[c].host.is_some());
            if !in_bracket {
                let pair = interleaved_lists(story, &figures, at);
                if !pair.is_empty() {
                    out.extend(pair);
                    continue;
                }
            }
            let mut parts = list_after(story, &figures, at, in_bracket);
            let Some(&first) = parts.first() else {
                continue;
            };
            // `小麦…，稻谷…，玉米…，三大谷物产量合计992.4万吨`: a figure said to be the sum of
            // those before it closes the list, it is no part of it
            let closing_inside = parts
                .iter()
                .skip(2)
                .position(|&p| sums_those_before(story, p))
                .map(|k| {
                    let closing = parts[k + 2];
                    parts.truncate(k + 2);
                    closing
                });
            // the totals: the levels before 其中 that the parts can add up to, nearest first
            let mut totals: Vec<usize> = figures
                .iter()
                .rev()
                .copied()
                .filter(|&q| story.q(q).span.end <= at)
                .filter(|&q| amount_level(story, q) && (in_bracket || !story.frame(q).bracketed))
                .filter(|&q| story.addable(q, first) && story.same_period(q, first))
                // `从…增长到27900亿元，其中…从498亿元`: a starting figure is part of a start
                .filter(|&q| story.starts_from(q) == story.starts_from(first))
                // (上年同期为…: last year's figure totals only last year's parts)
                .filter(|&q| !story.is_earlier_figure(q) || story.is_earlier_figure(first))
                // (比上年同期的4100起下降…；其中…: the figure compared with is last year's)
                .filter(|&q| !story.frame(q).compared || story.frame(first).compared)
                .filter(|&q| !net_of_gross(story, q, first))
                .collect();
            // a figure the clause compares against (高于2月份的10.19亿股) totals nothing here
            totals.retain(|&q| !compared_against(story, q));
            // `水泥…；平板玻璃产量9.6万吨，其中：…`: a semicolon closes the statements before the
            // nearest total, whose levels are no other readings
            let after_nearest = |q: usize| &text[story.q(q).span.end.min(at)..at];
            if let Some(&nearest) = totals
                .first()
                .filter(|&&q| !after_nearest(q).contains('；'))
            {
                let from = story.q(nearest).span.start;
                totals.retain(|&q| {
                    let end = story.q(q).span.end;
                    q == nearest || end > from || !text[end..from].contains('；')
                });
            }
            if totals.is_empty() {
                if let Some(total) = previous_sentence_total(story, s, first)
                    .filter(|&t| !net_of_gross(story, t, first))
                {
                    // the other levels of its sentence are other readings (在1735名受访者中，
                    // 购买过的有1428人…。分性别看，男性…562人…女性…866人)
                    let others = story
                        .frames
                        .in_sentence(story.frame(total).sentence)
                        .filter(|&q| {
                            q != total
                                && story.members.contains(&q)
                                && amount_level(story, q)
                                && story.addable(q, first)
                                && !story.frame(q).compared
                                && !story.frame(q).bracketed
                                && !story.is_earlier_figure(q)
                        });
                    totals.push(total);
                    totals.extend(others);
                    // a whole paragraphs back is a guess: the larger levels before it of the
                    // parts' measure are other readings (分品种看 after 秋粮产量 of 分季节看 may
                    // break down the year's 粮食总产量)
                    if story.paragraph(total) != story.paragraph(first) {
                        let value = |q: usize| story.q(q).number().unwrap_or_default();
                        let larger: Vec<usize> = story
                            .levels()
                            .filter(|&q| q < total && amount_level(story, q))
                            .filter(|&q| story.addable(q, first) && story.same_period(q, first))
                            .filter(|&q| value(q) > value(total))
                            .filter(|&q| !story.frame(q).compared && !story.is_earlier_figure(q))
                            .filter(|&q| {
                                crate::story::common_ending(
                                    &story.frame(q).metric,
                                    &story.frame(first).metric,
                                ) >= 2
                            })
                            .collect();
                        totals.extend(larger);
                    }
                }
            }
            // `其中A…，B…，合计C`: the closing total is the list's own
            if let Some(closing) =
                closing_inside.or_else(|| closing_total_after(story, &figures, &parts, first))
            {
                totals.insert(0, closing);
            }
            let Some(&total) = totals.first() else {
                continue;
            };
            // `19项举措包括：…推进55项重大工程`: a count of another noun is no part; a kind of
            // the total's noun is (`12家银行，其中7家城商行`)
            let noun = |q: usize| story.frame(q).after.clone();
            // `出口3.2万亿元，其中机电产品出口2万亿元；进口…`: 进口 is no part of 出口
            let parts: Vec<usize> = parts
                .into_iter()
                .take_while(|&p| {
                    noun(p).is_empty()
                        || noun(total).is_empty()
                        || noun(p).ends_with(noun(total).as_str())
                })
                .take_while(|&p| !sibling_of_total(story, total, p))
                // `57个城市162个项目`: counts of two nouns are no parts of one list
                .take_while(|&p| {
                    let (a, b) = (noun(p), noun(first));
                    a.is_empty()
                        || b.is_empty()
                        || a.ends_with(b.as_str())
                        || b.ends_with(a.as_str())
                })
                .collect();
            let Some(&last) = parts.last() else {
                continue;
            };
            // 净流入…，其中…净流出7.3亿元: flows of both ways net out, they do not add up
            if opposite_flows(story, total, &parts) {
                continue;
            }
            // 车站22座，其中地下站18座、高架站4座，换乘站5座: where the first parts already
            // make up the total exactly, the rest count the total again another way
            let mut parts = parts;
            if let Some(k) = exact_prefix(story, total, &parts) {
                parts.truncate(k);
            }
            let end = story.q(last).span.end;
            let complete = completeness(story, total, &parts, at, end);
            // (装备制造业营业收入…；原材料工业营业收入… after 分行业看: items of one breakdown)
            let breakdown = breakdown_opener(story, s) == Some(at)
                && parts.iter().all(|&p| names_the_measure_of(story, total, p));
            out.push(PartsList {
                total,
                parts,
                complete,
                span: story.q(total).span.start.min(at)..end,
                other_totals: totals[1..].to_vec(),
                shares_of_total: true,
                enumerated: breakdown,
            });
        }
    }
}

/// `净胜球25个。其中主场进球31个`, `贸易顺差5.8万亿元，其中出口…`: a net figure or a balance
/// totals no gross parts.
fn net_of_gross(story: &Story, total: usize, part: usize) -> bool {
    let net = |q: usize| {
        story
            .words()
            .contains("net_balance", &story.frame(q).metric)
    };
    net(total) && !net(part)
}

/// The length of the shortest run of two or more first parts, short of all of them, whose
/// exact whole counts add up to the total's.
fn exact_prefix(story: &Story, total: usize, parts: &[usize]) -> Option<usize> {
    let exact = |q: usize| {
        let (lo, hi) = story.q(q).bounds();
        (lo.is_some() && lo == hi)
            .then(|| story.q(q).number())
            .flatten()
    };
    let whole = exact(total)?;
    let mut sum = rust_decimal::Decimal::ZERO;
    for (k, &p) in parts.iter().enumerate() {
        sum += exact(p)?;
        // (a run joined by 、 goes on: `小学60所、初中20所、九年一贯制学校5所、高中3所`)
        // (a figure counted once per name, `甲、乙各3个`, stands twice in the run)
        let next_in_run = parts.get(k + 1).is_some_and(|&n| {
            story
                .text
                .get(story.q(p).span.end..story.q(n).span.start)
                .is_none_or(|between| !between.contains(['，', '；', '。']))
        });
        if k >= 1 && k + 1 < parts.len() && sum == whole && !next_in_run {
            return Some(k + 1);
        }
    }
    None
}

/// Do the total and its parts name nets of both ways of a pair (净流入 and 净流出, 净买入 and
/// 净卖出)?
fn opposite_flows(story: &Story, total: usize, parts: &[usize]) -> bool {
    let names: Vec<String> = std::iter::once(total)
        .chain(parts.iter().copied())
        .map(|q| part_name(story, q))
        .collect();
    story.rules.net_pairs.iter().any(|pair| {
        let [plus, minus] = pair.as_slice() else {
            return false;
        };
        let has = |w: &str| names.iter().any(|n| n.contains(&format!("净{w}")));
        has(plus) && has(minus)
    })
}

/// `共设投票站40个，投票箱900个，其中城区投票站10个，投票箱300个，乡镇投票站30个，投票箱600个`:
/// two totals before 其中, each named by its own noun, and parts after it that each name one of
/// the two nouns: two lists taking turns. Empty unless every part names exactly one total.
fn interleaved_lists(story: &Story, figures: &[usize], at: usize) -> Vec<PartsList> {
    let listable = |q: &usize| amount_level(story, *q) && !story.frame(*q).bracketed;
    let before: Vec<usize> = figures
        .iter()
        .copied()
        .filter(|&q| story.q(q).span.end <= at)
        .filter(listable)
        .collect();
    let [.., a, b] = before[..] else {
        return Vec::new();
    };
    // the noun a figure is named by: the last two characters of its name
    let noun = |q: usize| crate::story::tail(&part_name(story, q), 2).to_string();
    let (noun_a, noun_b) = (noun(a), noun(b));
    if noun_a.chars().count() < 2
        || noun_a == noun_b
        || story.frame(a).clause == story.frame(b).clause
    {
        return Vec::new();
    }
    let words = story.words();
    let mut parts: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut end = at;
    for &q in figures.iter().filter(|&&q| story.q(q).span.start > at) {
        if !listable(&q) {
            continue;
        }
        // a second 其中 opens a list of its own, a statement of its own (全县…, 此外…) ends it
        if end > at && words.contains("which", &story.text[end..story.q(q).span.start]) {
            break;
        }
        let clause = &story.frames.layout.clauses[story.frame(q).clause];
        let opening = story.text[clause.range.start..story.q(q).span.start]
            .trim_start_matches(['，', ',', '；', ';', ' ']);
        if words.starting("statement_start", opening).is_some() {
            break;
        }
        let name = noun(q);
        let side = if name == noun_a {
            0
        } else if name == noun_b {
            1
        } else {
            break;
        };
        let total = [a, b][side];
        if !story.addable(q, total) || !story.same_period(q, total) {
            break;
        }
        parts[side].push(q);
        end = story.q(q).span.end;
    }
    if parts.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    // one 共 before the first total governs both (`共设投票站40个，投票箱900个`)
    [a, b]
        .into_iter()
        .zip(parts)
        .map(|(total, parts)| {
            let last = *parts.last().expect("a part");
            let end = story.q(last).span.end;
            PartsList {
                total,
                complete: completeness(story, a, &parts, at, end),
                span: story.q(total).span.start.min(at)..end,
                parts,
                other_totals: Vec::new(),
                shares_of_total: true,
                enumerated: false,
            }
        })
        .collect()
}

/// `在5.2万名参赛者中，男子组…人，女子组…人`: a clause that names a whole with its figure and
/// ends in 中 opens a list of some of its parts, whatever the parts call themselves.
fn among_lists(story: &Story, out: &mut Vec<PartsList>) {
    let layout = &story.frames.layout;
    for whole in story.levels().filter(|&q| amount_level(story, q)) {
        let frame = story.frame(whole);
        if frame.bracketed {
            continue;
        }
        let clause = &layout.clauses[frame.clause];
        let rest = story.text[story.q(whole).span.end..clause.range.end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '：' | ':'));
        // a name of sixteen characters at most: a longer clause names no whole here
        if rest.len() > 96 {
            continue;
        }
        let named = crate::story::han(rest);
        if !rest.ends_with('中') || named.chars().count() < 3 || named.chars().count() > 16 {
            continue;
        }
        // the clause is the whole's alone: no other figure after it
        if story
            .frames
            .in_sentence(frame.sentence)
            .any(|q| q > whole && story.frame(q).clause == frame.clause)
        {
            continue;
        }
        let figures: Vec<usize> = story.frames.in_sentence(frame.sentence).collect();
        let at = story.q(whole).span.end + rest.len();
        let parts: Vec<usize> = list_after(story, &figures, at, false)
            .into_iter()
            .take_while(|&p| story.addable(p, whole) && story.same_period(p, whole))
            .take_while(|&p| {
                story.q(p).unit != story.q(whole).unit
                    || story.q(p).kind != factcheck_numbers::Kind::Count
                    || counts_same_things(story, whole, &named, p)
            })
            .collect();
        // one part is a part too (`在160家企业中，有48家…，占比30.0%`): the header names its whole
        if parts.is_empty()
            || out
                .iter()
                .any(|l| l.parts.iter().any(|p| parts.contains(p)))
        {
            continue;
        }
        // a list that ends with the rest (其余9家) leaves nothing out
        let last = *parts.last().expect("a part");
        let complete = story
            .words()
            .starting("the_rest", &story.own_label(last))
            .map(|_| Certainty::Bound);
        // `…12836名考生…。在1.28万名考生中，…`: a rounded header restates the exact figure the
        // sentence before gave, which the parts are parts of too
        let restated = restated_before(story, whole);
        out.push(PartsList {
            total: whole,
            span: story.q(whole).span.start..story.q(last).span.end,
            complete: complete.filter(|_| parts.len() > 1),
            parts: parts.clone(),
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        });
        if let Some(exact) = restated {
            out.push(PartsList {
                total: exact,
                span: story.q(exact).span.start..story.q(last).span.end,
                complete: None,
                parts,
                other_totals: Vec::new(),
                shares_of_total: false,
                enumerated: false,
            });
        }
    }
}

/// `12家银行中有7家…`, `156个村中，已有98个村…`: a count, the name of what it counts and 中, then
/// right away a count of the same things: some of them, the part of that whole.
fn among_inline(story: &Story, out: &mut Vec<PartsList>) {
    for whole in story.levels().filter(|&q| story.amount_level(q)) {
        let part = whole + 1;
        if part >= story.members.end
            || story.frame(whole).bracketed
            || story.q(whole).kind != factcheck_numbers::Kind::Count
        {
            continue;
        }
        let between = &story.text
            [story.q(whole).span.end..story.q(part).span.start.max(story.q(whole).span.end)];
        let Some((named, rest)) = between.split_once('中') else {
            continue;
        };
        let rest = rest.trim_start_matches(['，', ',']);
        // a remark on the whole may come first (`在40个县中，东部县份最多，共有17个`): the count
        // still opens its own clause, one more clause on
        let (remark, rest) = rest.rsplit_once('，').unwrap_or(("", rest));
        let remark_only =
            !remark.contains(['，', '；', '。', '\n']) && remark.chars().count() <= 12;
        let opens = remark_only
            && (rest.is_empty() || story.words().is("part_opener", rest))
            && (remark.is_empty() || !rest.is_empty());
        let named_len = named.chars().count();
        let same_things = counts_same_things(story, whole, named, part);
        // 每10万名儿童中有680人: a rate per a base, not a whole
        let per_base = story.text[..story.q(whole).span.start].ends_with('每');
        if !opens
            || !same_things
            || story.q(part).unit != story.q(whole).unit
            || per_base
            || !(1..=16).contains(&named_len)
            || !named.chars().all(factcheck_text::chars::is_han)
            || story.frame(part).aspect != Aspect::Level
            || !story.addable(part, whole)
            || !story.same_period(part, whole)
            || out
                .iter()
                .any(|l| l.parts.contains(&part) || l.total == whole)
        {
            continue;
        }
        out.push(PartsList::one_part(story, whole, part));
    }
}

/// Does a count after a header (`12家银行中有7家…`, `156个村中，98个村…`) count the header's
/// things? Under 个, which names no kind, the noun after it must be the header's again (or a
/// verb follow): 50个城市中有200个门店, 8个街道中…12个社区 and 6个大项中73个小项 count other
/// things. A measure word of its own kind (家, 名) counts the header's things.
fn counts_same_things(story: &Story, whole: usize, named: &str, part: usize) -> bool {
    let after = &story.text[story.q(part).span.end..];
    let named = named.trim_end_matches('中');
    if !after.starts_with(factcheck_text::chars::is_han) {
        return true;
    }
    if story.q(part).unit != "个" && story.q(whole).unit != "个" {
        return true;
    }
    // the header's noun or its last words again (41个工业大类行业中，有36个行业…), or a verb
    let names_again = named
        .char_indices()
        .map(|(i, _)| &named[i..])
        .any(|tail| after.starts_with(tail));
    names_again || story.words().starting("part_verb", after).is_some()
}

/// The figure a rounded level restates from the sentence just before it: a level of its unit
/// printed more precisely, whose value its rounding holds (1.28万名 after 12836名).
fn restated_before(story: &Story, rounded: usize) -> Option<usize> {
    let sentence = story.frame(rounded).sentence;
    let (Some(lo), Some(hi)) = story.q(rounded).bounds() else {
        return None;
    };
    let width = |q: usize| match story.q(q).bounds() {
        (Some(lo), Some(hi)) => Some(hi - lo),
        _ => None,
    };
    story
        .levels()
        .filter(|&p| story.frame(p).sentence + 1 == sentence)
        .filter(|&p| amount_level(story, p) && story.addable(p, rounded))
        .filter(|&p| story.q(p).number().is_some_and(|v| lo <= v && v < hi))
        .filter(|&p| width(p).is_some_and(|w| w < hi - lo))
        .last()
}

/// The parts listed after 其中 at `at`.
fn list_after(story: &Story, figures: &[usize], at: usize, in_bracket: bool) -> Vec<usize> {
    let words = story.words();
    let total_sure = {
        let clause_start = story
            .frames
            .layout
            .clause_at(at)
            .map_or(at, |c| story.frames.layout.clauses[c].range.start);
        let sentence_start = story.frames.layout.sentences
            [story.frames.layout.sentence_at(at).unwrap_or(0)]
        .range
        .start;
        words.contains(
            "total_sure",
            &story.text[sentence_start.min(clause_start)..at],
        )
    };
    let mut parts: Vec<usize> = Vec::new();
    let mut end = at;
    for &q in figures.iter().filter(|&&q| story.q(q).span.start > at) {
        let f = story.frame(q);
        if in_bracket != f.bracketed {
            if in_bracket && amount_level(story, q) {
                break;
            }
            continue;
        }
        if !amount_level(story, q) || (parts.is_empty() && names_a_class(story, figures, q)) {
            continue;
        }
        // a figure of another unit says something of the item before it (`其中24次演练参与人数超过
        // 500人`) in its clause; in a clause of its own it ends the list
        if let Some(&first) = parts.first() {
            if !story.addable(q, first) {
                let last = parts[parts.len() - 1];
                if story.frame(q).clause == story.frame(last).clause {
                    continue;
                }
                break;
            }
        }
        let between = &story.text[end..story.q(q).span.start];
        // a second 其中, or 包括, opens a list of its own
        if !parts.is_empty() && (words.contains("which", between) || story.says_partial(between)) {
            break;
        }
        // a part is named, before its figure or by the noun the figure counts (`其中有7家城商行`):
        // `270多人轻重伤` is no item of a list
        let label = part_name(story, q);
        // `稻谷、小麦、玉米产量分别为512.3万吨、348.6万吨、401.2万吨`: a respectively run's
        // figures are named by the names before 分别
        let respectively_run = parts.first().is_some_and(|&first| {
            matches!(between.trim(), "、" | "和" | "及")
                && words.contains("respectively", &story.text[at..story.q(first).span.start])
        });
        if respectively_run {
            parts.push(q);
            end = story.q(q).span.end;
            continue;
        }
        if label.is_empty() {
            break;
        }
        // `数量占到473只基金总数的13%`: a figure a share is of is no item of the list
        if words.contains("share_verb", &label) {
            break;
        }
        // `其中出口…，机电产品出口…`: a part named as a kind of an earlier part is inside it
        // (not one that denies it: `合格…，不合格…` are the two sides)
        let inside_earlier = parts.iter().any(|&p| {
            let earlier = part_name(story, p);
            let earlier = words.strip_start("which", &earlier);
            let kind = label.strip_suffix(earlier).unwrap_or("");
            // or named from inside it (`投诉中涉及…`, `出口欧盟的机电产品`, `投诉类…，投诉办结…`)
            let kind_of = earlier.strip_suffix('类').unwrap_or(earlier);
            let from_inside = kind_of.chars().count() >= 2
                && label.len() > earlier.len()
                && label.starts_with(kind_of);
            earlier.chars().count() >= 2
                && (from_inside || (!kind.is_empty() && !words.is("negation", kind)))
        });
        if inside_earlier {
            break;
        }
        if let Some(&first) = parts.first() {
            let first_label = part_name(story, first);
            let opens = |l: &str| words.starting("statement_start", l).is_some();
            if opens(&label) && !opens(&first_label) {
                break;
            }
            // the same last character (出口额…进口额), or both places (甲市…乙县)
            let place = |l: &str| words.ending("place", l).is_some();
            let the_rest = names_the_rest(story, &label);
            // counts by outcome (`15支晋级，9支出局`) sort the same members
            let outcome = |l: &str| words.find("outcome", l).is_some();
            // (the first item may name the measure after its subject and a verb of attaining:
            // 食品制造业实现营业收入…；金属制品业…)
            let first_subject = words
                .find("attain", &first_label)
                .map_or(first_label.as_str(), |(at, _)| &first_label[..at]);
            // items of a hotline's kinds (`咨询…52件、…11件，投诉…45件`)
            let appeal = |l: &str| {
                let l = words.strip_start("includes", l.trim_start_matches("主要"));
                words.starting("appeal_kind", l).is_some()
            };
            let parallel = the_rest
                || (outcome(&label) && outcome(&first_label))
                || (appeal(&label) && appeal(&first_label))
                || label.chars().last() == first_label.chars().last()
                || (first_subject.chars().count() >= 2
                    && label.chars().last() == first_subject.chars().last())
                || (place(&label) && place(&first_label))
                || story
                    .partition_words(&label)
                    .iter()
                    .zip(story.partition_words(&first_label))
                    .any(|(a, b)| a.is_some() && b.is_some());
            // three or more clauses that each hold a short name of a kind and its figure alone
            // (`其中幼儿园97所，小学58所，初中21所`)
            let bare = |p: usize| {
                let clause = &story.frames.layout.clauses[story.frame(p).clause];
                let rest =
                    &story.text[story.q(p).span.end..clause.range.end.max(story.q(p).span.end)];
                let name = part_name(story, p);
                name.chars().count() <= 8
                    // (具有高级职称的642人 says who among the part before; 上年同期为 when)
                    && !name.ends_with('的')
                    && !words.contains("total_word", &name)
                    && !story.is_earlier_figure(p)
                    && rest.chars().all(|c| !is_han(c) && !c.is_alphanumeric())
                    && !story.frame(p).bracketed
                    && story.addable(p, first)
            };
            let bare_run = || {
                figures
                    .iter()
                    .filter(|&&p| p >= first && amount_level(story, p))
                    .take_while(|&&p| bare(p))
                    .count()
                    >= 3
            };
            let parallel =
                parallel || (!between.contains('；') && bare(q) && bare(first) && bare_run());
            // items joined by 、 are a list whatever their names
            let enumerated = between
                .trim_start()
                .strip_prefix('、')
                .is_some_and(|name| !name.contains(['，', '；', '。', '、', '（']));
            if !parallel && !enumerated && (!total_sure || between.contains('；')) {
                break;
            }
        }
        // an item with a 其中 of its own is a total, not a part
        let after = &story.text[story.q(q).span.end..];
        let clause_after: String = after
            .chars()
            .take_while(|c| !matches!(c, '；' | '。'))
            .take(10)
            .collect();
        if words.contains("which", &clause_after) && !parts.is_empty() {
            break;
        }
        // `北京、黑龙江、河南各1例`: one figure for each name before 各
        for _ in 0..each_count(story, q) {
            parts.push(q);
        }
        end = story.q(q).span.end;
    }
    parts
}

/// A bound that names the class of the item it modifies (`过亿元企业307家`, `5000万元以上项目
/// 42个`): a figure with 过/以上 or the like, a noun right after it, and a figure of another unit
/// later in its clause that counts the item.
fn names_a_class(story: &Story, figures: &[usize], q: usize) -> bool {
    use factcheck_numbers::Qualifier::*;
    if !matches!(story.q(q).qualifier, MoreThan | AtLeast | LessThan | AtMost) {
        return false;
    }
    let after = story.text[story.q(q).span.end..].trim_start_matches('的');
    if !after.chars().next().is_some_and(is_han) {
        return false;
    }
    let clause = story.frame(q).clause;
    figures
        .iter()
        .copied()
        .filter(|&p| p > q && story.frame(p).clause == clause)
        .any(|p| amount_level(story, p) && story.q(p).unit != story.q(q).unit)
}

/// How many items a figure stands for: the names before 各 in its clause (`甲、乙、丙各2家` is
/// three items of 2), else one.
fn each_count(story: &Story, q: usize) -> usize {
    names_before_each(story, q).map_or(1, |names| names.len())
}

/// The names a figure after 各 stands for (`乙县、丙县和丁县各4个`: 乙县, 丙县, 丁县), read from
/// the text since the figure before it in its clause.
fn names_before_each<'s>(story: &'s Story, q: usize) -> Option<Vec<&'s str>> {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    let floor = q
        .checked_sub(1)
        .filter(|&p| story.frame(p).clause == story.frame(q).clause)
        .map_or(clause.range.start, |p| story.q(p).span.end);
    let before = story.text[floor.min(story.q(q).span.start)..story.q(q).span.start]
        .trim_end()
        .strip_suffix('各')?
        // the separator after the figure before (`4家、乙县和丙县各2家`) is no joiner
        .trim_start_matches(|c: char| !factcheck_text::chars::is_han(c));
    let before = story.words().strip_start("which", before);
    let mut names: Vec<&str> = before.split('、').collect();
    let last = names.pop()?;
    names.extend(split_joined(last));
    Some(names)
}

/// `城西区和城南区` is two names, `和平区` one: split at a joiner (和, 及, 与) with a name of two
/// characters or more on each side, preferring names that end alike (区…区).
fn split_joined(names: &str) -> Vec<&str> {
    let splits: Vec<(&str, &str)> = names
        .char_indices()
        .filter(|&(_, c)| matches!(c, '和' | '及' | '与'))
        .map(|(at, c)| (&names[..at], &names[at + c.len_utf8()..]))
        .filter(|(left, right)| left.chars().count() >= 2 && right.chars().count() >= 2)
        .collect();
    let alike = splits
        .iter()
        .find(|(left, right)| left.chars().last() == right.chars().last());
    match alike.or(splits.last()) {
        Some(&(left, right)) => vec![left, right],
        None => vec![names],
    }
}

/// Is the figure the one its clause compares something against (`高于2月份的10.19亿股`)?
fn compared_against(story: &Story, q: usize) -> bool {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    let before = &story.text[clause.range.start..story.q(q).span.start.max(clause.range.start)];
    let words = story.words();
    words.contains("higher", before)
        && words
            .find("higher", before)
            .is_some_and(|(_, w)| w.chars().count() >= 2)
        || words
            .find("lower", before)
            .is_some_and(|(_, w)| w.chars().count() >= 2)
}

/// A level after the parts, in the same sentence, that a closing word (合计, 共计) introduces.
fn closing_total_after(
    story: &Story,
    figures: &[usize],
    parts: &[usize],
    first: usize,
) -> Option<usize> {
    let last = *parts.last()?;
    let words = story.words();
    figures
        .iter()
        .copied()
        .filter(|&q| q > last && amount_level(story, q) && story.addable(q, first))
        .find(|&q| {
            let clause = &story.frames.layout.clauses[story.frame(q).clause];
            let lead =
                &story.text[clause.range.start..story.q(q).span.start.max(clause.range.start)];
            words.starting("closing_total", lead.trim_start()).is_some()
        })
}

/// Does the clause of level `q` name it a sum (`三大谷物产量合计`, `奖牌总数`) of what its
/// clause does not list itself?
fn sums_those_before(story: &Story, q: usize) -> bool {
    let words = story.words();
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    let lead = &story.text[clause.range.start.min(story.q(q).span.start)..story.q(q).span.start];
    let lead = crate::story::han(lead);
    // (合计 is also a linking verb: 合计为 and 合计 both end so)
    [lead.as_str(), words.strip_end("link", &lead)]
        .iter()
        .any(|lead| words.ending("closing_total_named", lead).is_some())
}

/// A part's name: its own label, else the noun its figure counts.
fn part_name(story: &Story, q: usize) -> String {
    // `乙县和丙县各2家` is named like its last name
    if let Some(last) = names_before_each(story, q).and_then(|names| names.last().copied()) {
        return crate::story::han(last);
    }
    let label = story.own_label(q).into_owned();
    if label.is_empty() {
        crate::story::han(&story.frame(q).after)
    } else {
        label
    }
}

/// `节后（1月29日至2月22日）预计发送`: a bracket that holds figures (dates, amounts) is no part of
/// a name.
pub(super) fn without_figures_in_brackets(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('（') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('（') {
        let inner = &rest[open + '（'.len_utf8()..];
        match inner.find('）') {
            Some(close) if inner[..close].chars().any(|c| c.is_ascii_digit()) => {
                out.push_str(&rest[..open]);
                rest = &inner[close + '）'.len_utf8()..];
            }
            _ => {
                out.push_str(&rest[..open + '（'.len_utf8()]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The words that name a figure in its own clause, before it (not the noun after a count).
/// (Read once per figure: see [`Story::own_label`].)
pub(crate) fn read_own_label(story: &Story, q: usize) -> String {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    let floor = q
        .checked_sub(1)
        .filter(|&p| story.frame(p).clause == story.frame(q).clause)
        .map_or(clause.range.start, |p| story.q(p).span.end);
    let raw = crate::story::han(&without_figures_in_brackets(
        &story.text[floor.min(story.q(q).span.start)..story.q(q).span.start],
    ));
    let words = story.words();
    let raw = words.strip_start("which", &raw);
    words.strip_end("link", raw).to_string()
}

/// Where a sentence's opening clause ends, when it opens a breakdown (`分行业看，`, `按经济类型
/// 分，`): a few characters between a breakdown head and a breakdown view, nothing else.
fn breakdown_opener(story: &Story, s: usize) -> Option<usize> {
    let layout = &story.frames.layout;
    let start = layout.sentences[s].range.start;
    let clause = &layout.clauses[layout.clause_at(start)?];
    if scope_opener(story, s).is_some() {
        return Some(clause.range.end);
    }
    let text = story.text[clause.range.clone()].trim_matches(|c: char| !is_han(c));
    let words = story.words();
    let inner = text.strip_prefix(words.starting("breakdown_by", text)?)?;
    let view = words.ending("breakdown_view", inner)?;
    let named = &inner[..inner.len() - view.len()];
    // (a view of the whole, 从统计数据来看, breaks nothing down)
    let overall = words.find("overall_view", named).is_some();
    ((1..=6).contains(&named.chars().count()) && !overall).then_some(clause.range.end)
}

/// The whole a sentence opens by naming alone (`一般公共预算支出中，` or `在全部贷款中，`): its
/// parts follow.
pub(super) fn scope_opener<'t>(story: &Story<'t>, s: usize) -> Option<&'t str> {
    let layout = &story.frames.layout;
    let start = layout.sentences[s].range.start;
    let at = layout.clause_at(start)?;
    let trimmed = |k: usize| -> Option<&'t str> {
        let clause = layout.clauses.get(k)?;
        Some(story.text[clause.range.clone()].trim_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_punctuation() || "，、：".contains(c)
        }))
    };
    let mut text: &'t str = trimmed(at)?;
    // `从产业分布看，新登记企业中，`: the view first, then the whole named alone
    let words = story.words();
    let view = words
        .starting("breakdown_by", text)
        .is_some_and(|by| words.ending("breakdown_view", &text[by.len()..]).is_some());
    if view && !text.ends_with('中') {
        let next = trimmed(at + 1)?;
        if layout.clauses[at + 1].range.start < layout.sentences[s].range.end {
            text = next;
        }
    }
    // (12万亿元中，: a figure's parts, in its own sentence)
    let named = text.strip_suffix('中')?;
    let named = named.strip_prefix('在').unwrap_or(named);
    let named = after_leading_period(named);
    let plain = named.chars().all(is_han)
        && (2..=12).contains(&named.chars().count())
        && words.starting("which", named).is_none()
        && words.starting("anaphor", named).is_none();
    plain.then_some(named)
}

/// A name without the period it opens with (`1—11月份新登记企业` → 新登记企业).
fn after_leading_period(name: &str) -> &str {
    let Some(last_digit) = name.rfind(|c: char| c.is_ascii_digit()) else {
        return name;
    };
    let rest = &name[last_digit + 1..];
    ["月份", "季度", "年", "月", "日"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(name)
}

/// The total a sentence that opens with 其中 refers to: the last level of the sentence before, in
/// the same paragraph (or, for a breakdown that opens a paragraph, in the paragraph before), of
/// the first part's period. A sentence between that only gives the earlier period's figure
/// (`上年同期为937.5亿元`) is passed over.
fn previous_sentence_total(story: &Story, s: usize, first: usize) -> Option<usize> {
    let layout = &story.frames.layout;
    let b = &layout.sentences[s];
    let breakdown = breakdown_opener(story, s).is_some();
    let opens = story
        .words()
        .starting("which", story.text[b.range.clone()].trim_start());
    if opens.is_none() && !breakdown {
        return None;
    }
    // a breakdown may stand paragraphs after its whole (`进出口总值…。其中，出口…。贸易顺差…。
    // 外贸企业…。⏎分贸易方式看，`): the parts' names and sizes pick it out
    let reach = if breakdown { 8 } else { 2 };
    for prev in (s.saturating_sub(reach)..s).rev() {
        let a = &layout.sentences[prev];
        if a.article != b.article || (a.paragraph != b.paragraph && !breakdown) {
            return None;
        }
        let levels: Vec<usize> = story
            .frames
            .in_sentence(prev)
            .filter(|&q| amount_level(story, q) && !story.frame(q).bracketed)
            .filter(|&q| story.addable(q, first))
            // (比上年执行数20.38亿元增长: the figure compared against is no total)
            .filter(|&q| !story.frame(q).compared)
            .collect();
        // (…安排1368万元，上年为1428万元。其中…: nor is last year's figure beside this year's,
        // nor one named by a time alone: 2022年这一数字为…)
        let mut levels = levels;
        let earlier = |q: usize| story.is_earlier_figure(q) || story.names_only_a_time(q);
        if !earlier(first) && levels.iter().any(|&q| !earlier(q)) {
            levels.retain(|&q| !earlier(q));
        }
        if !levels.is_empty()
            && levels.iter().all(|&q| story.is_earlier_figure(q))
            && !story.is_earlier_figure(first)
        {
            continue;
        }
        if breakdown {
            // another breakdown's parts are siblings (分业务看… then 分地区看…), no whole, and so is
            // the rest of its paragraph (从经营主体看，民营企业…。外商投资企业…。)
            let mut first_of_paragraph = prev;
            while first_of_paragraph > 0 && {
                let before = &layout.sentences[first_of_paragraph - 1];
                before.paragraph == a.paragraph && before.article == a.article
            } {
                first_of_paragraph -= 1;
            }
            let in_breakdown_paragraph = a.paragraph != b.paragraph
                && first_of_paragraph != prev
                && breakdown_opener(story, first_of_paragraph).is_some();
            let opens_list = in_breakdown_paragraph
                || breakdown_opener(story, prev).is_some()
                || story
                    .words()
                    .starting("which", story.text[a.range.clone()].trim_start())
                    .is_some();
            if opens_list {
                // (a part of that list may be the whole broken down: 出口 of 进出口, for 从出口商品看，
                // 机电产品出口…; not one told as a share of another whole)
                // nor one that a 分别 run gives to one of several names (欧盟、美国…进出口分别
                // 为…): an item of that list, sharing the name of what it breaks down
                let one_of_several = |q: usize| {
                    let clause = &layout.clauses[story.frame(q).clause];
                    story.text[clause.range.start.min(story.q(q).span.start)..story.q(q).span.start]
                        .contains("分别")
                };
                // (nor, paragraphs away, one smaller than the first part: `11月份…其中，出口225亿元`
                // is no whole of the year's 机电产品出口1427亿元)
                let value = |q: usize| story.q(q).number().unwrap_or_default();
                let unshared: Vec<usize> = levels
                    .iter()
                    .copied()
                    .filter(|&q| story.describing(q, Aspect::Share).is_empty())
                    .filter(|&q| !one_of_several(q))
                    .filter(|&q| a.paragraph == b.paragraph || value(q) >= value(first))
                    .collect();
                if let [named] = part_named_by_ending(story, &unshared, first)[..] {
                    return Some(named);
                }
                // (a 其中 list just before breaks down the same whole another way: `计划招聘96名。
                // 其中，管理岗位14名，专业技术岗位82名。按招聘类别分，教育类41名…`)
                let which_opens = story
                    .words()
                    .starting("which", story.text[a.range.clone()].trim_start())
                    .is_some();
                if which_opens && prev + 1 == s && a.paragraph == b.paragraph {
                    if let Some(total) = previous_sentence_total(story, prev, first) {
                        return Some(total);
                    }
                }
                continue;
            }
            // (a breakdown by month is of the quarter or year the months lie within)
            let levels: Vec<usize> = levels
                .into_iter()
                .filter(|&q| story.same_period(q, first) || months_within(story, first, q))
                .collect();
            // a whole named alone (一般公共预算支出中，) is the level that name names
            if let Some(name) = scope_opener(story, s) {
                // (a name that holds the whole's, 一般公共预算支出安排, before one it holds, 支出)
                let named: Vec<((NameMatch, bool), usize)> = levels
                    .iter()
                    .map(|&q| {
                        let holds = story.frame(q).metric.contains(name);
                        ((story.names(name, q), holds), q)
                    })
                    .filter(|((m, _), _)| *m != NameMatch::No)
                    .collect();
                let best = named.iter().map(|(m, _)| *m).max();
                let mut best_named = named.iter().filter(|(m, _)| Some(*m) == best);
                match (best_named.next(), best_named.next()) {
                    (Some(&(_, q)), None) => return Some(q),
                    (Some(_), Some(_)) => return None,
                    _ => continue,
                }
            }
            // a breakdown's parts name the measure they break down (消费电子业务收入 for 营业收入)
            let alike: Vec<usize> = levels
                .iter()
                .copied()
                .filter(|&q| {
                    // (a total's name may end in a word for a total: 进出口总值 for 一般贸易进出口)
                    names_the_measure_of(story, q, first)
                        && !story.is_earlier_figure(q)
                        // (a level told as a share of another is a part, not the one broken down)
                        && story.describing(q, Aspect::Share).is_empty()
                })
                .collect();
            // a level smaller than the first part breaks down something else (a holiday's
            // visitors, not the year's): look further back
            let value = |q: usize| story.q(q).number().unwrap_or_default();
            let alike: Vec<usize> = alike
                .into_iter()
                .filter(|&q| value(q) >= value(first))
                .collect();
            match alike[..] {
                [] => continue,
                [only] => return Some(only),
                _ => return named_like(story, &alike, first),
            }
        }
        // a sentence that lists several figures of one kind: 其中 may pick out some of them, not
        // parts of the last one; unless one alone is told as a total (`共受理68.42万件，办结…`)
        let told_as_total: Vec<usize> = levels
            .iter()
            .copied()
            .filter(|&q| {
                let clause = &layout.clauses[story.frame(q).clause];
                let lead = &story.text
                    [clause.range.start.min(story.q(q).span.start)..story.q(q).span.start];
                story.words().contains("total_word", lead)
            })
            .collect();
        return match (&levels[..], &told_as_total[..]) {
            ([only], _) | (_, [only]) => Some(*only),
            _ => None,
        };
    }
    None
}

/// The levels whose whole name (two characters or more) ends the part's: 出口 for 机电产品出口.
fn part_named_by_ending(story: &Story, levels: &[usize], part: usize) -> Vec<usize> {
    let part_name = story.plain_name(&story.frame(part).metric);
    levels
        .iter()
        .copied()
        .filter(|&q| {
            let name = story.plain_name(&story.frame(q).metric);
            name.chars().count() >= 2
                && name != part_name
                && part_name.ends_with(name.as_str())
                // (一般贸易进出口 ends in 出口 by way of 进出口, the pair's whole, not a part)
                && !story.rules.partition_wholes.iter().flatten().any(|whole| {
                    whole.len() > name.len()
                        && whole.ends_with(name.as_str())
                        && part_name.ends_with(whole.as_str())
                })
        })
        .collect()
}

/// A clause that opens with a short name and a total word, and says nothing else before its
/// figure (`，奖牌总数达223枚`, `，共223枚`).
fn names_a_closing_total(story: &Story, lead: &str) -> bool {
    let words = story.words();
    let lead = crate::story::han(lead);
    if matches!(lead.as_str(), "共" | "共有" | "共达") {
        return true;
    }
    let lead = words.strip_end("link", &lead);
    // (总额 and 总量 end measures' own names: 利润总额 is no total of the run before it)
    words
        .ending("closing_total_named", lead)
        .is_some_and(|w| lead[..lead.len() - w.len()].chars().count() <= 4)
}

/// Of several levels, the one whose name ends most like the part's (`实现利润总额` for
/// `制造业实现利润总额`), when one ends like it by two characters or more than any other.
fn named_like(story: &Story, levels: &[usize], part: usize) -> Option<usize> {
    let common =
        |q: usize| crate::story::common_ending(&story.frame(part).metric, &story.frame(q).metric);
    let mut by_common: Vec<(usize, usize)> = levels.iter().map(|&q| (common(q), q)).collect();
    by_common.sort_by_key(|&(c, _)| std::cmp::Reverse(c));
    match by_common[..] {
        [(best, q), (next, _), ..] if best >= 2 && best > next => Some(q),
        _ => None,
    }
}

/// Are the listed parts all the parts? A partition named in full, a count the copy announces, or
/// a 共计/合计 before the total with no 等 in the list.
fn completeness(
    story: &Story,
    total: usize,
    parts: &[usize],
    list_start: usize,
    list_end: usize,
) -> Option<Certainty> {
    if parts.len() < 2 {
        return None;
    }
    let words = story.words();
    let list_text = &story.text[list_start..list_end.max(list_start)];
    let tail = story.text[list_end..].chars().take(2).collect::<String>();
    if story.says_partial(list_text) || tail.starts_with('等') {
        return None;
    }
    if names_partition_of(story, total, parts) || names_complement(story, parts) {
        return Some(Certainty::Bound);
    }
    // `分月看，7月…8月…9月…` under a third quarter's total: the months make up its period
    if months_tile(story, total, parts) {
        return Some(Certainty::Bound);
    }
    // a list that ends with the rest (其他组织1.8亿元) leaves nothing out
    let last_label = story.own_label(parts[parts.len() - 1]);
    if names_the_rest(story, &last_label) {
        return Some(Certainty::Bound);
    }
    let total_q = story.q(total);
    let clause_start = story
        .frames
        .layout
        .clauses
        .get(story.frame(total).clause)
        .map_or(total_q.span.start, |c| c.range.start);
    let before_total = &story.text[clause_start..total_q.span.start];
    if words.contains("total_sure", before_total) && !story.frame(total).metric.is_empty() {
        return Some(Certainty::Inferred);
    }
    None
}

/// Does part `p`'s period lie within total `t`'s, one of its months (8月 of 第三季度)?
fn months_within(story: &Story, p: usize, t: usize) -> bool {
    match (story.frame(p).period, story.frame(t).period) {
        (Some(a), Some(b)) => a != b && a.may_lie_within(&b) && matches!(a.part, Part::Month(_)),
        _ => false,
    }
}

/// Are the parts the months of the total's period, each once, in order (7月, 8月, 9月 of
/// 第三季度)?
fn months_tile(story: &Story, total: usize, parts: &[usize]) -> bool {
    let Some((from, to)) = story.frame(total).period.and_then(|p| p.months()) else {
        return false;
    };
    let months: Vec<Option<u32>> = parts
        .iter()
        .map(|&p| match story.frame(p).period.map(|x| x.part) {
            Some(Part::Month(m)) => Some(m),
            _ => None,
        })
        .collect();
    from < to && months.iter().copied().eq((from..=to).map(Some))
}

/// Does a part's name say it is the rest of the list: 其他组织, or 利用外资及其他资金 (an item
/// joined with the rest, named by a short noun: 通信和其他电子设备制造业 is one industry)?
fn names_the_rest(story: &Story, label: &str) -> bool {
    let words = story.words();
    if words.starting("the_rest", label).is_some() {
        return true;
    }
    ["及", "和", "与"].iter().any(|join| {
        label.match_indices(join).any(|(at, _)| {
            let joined = &label[at + join.len()..];
            words
                .starting("the_rest", joined)
                .is_some_and(|rest| joined[rest.len()..].chars().count() <= 3)
        })
    })
}

/// Two parts, one named as not the other (税收收入 and 非税收入, 农业人口 and 非农业人口): together
/// they are the whole.
fn names_complement(story: &Story, parts: &[usize]) -> bool {
    let [a, b] = parts else {
        return false;
    };
    let (a, b) = (story.own_label(*a), story.own_label(*b));
    let not = |x: &str, y: &str| {
        x.strip_prefix('非').is_some_and(|rest| {
            rest == y
                || (rest.chars().next() == y.chars().next()
                    && crate::story::common_ending(rest, y) >= 2)
        })
    };
    not(&b, &a) || not(&a, &b)
}

/// Is a part named by another word of a partition group than the one its total is named by
/// (进口 after a total of 出口)? Then it is the total's counterpart, not its part.
fn sibling_of_total(story: &Story, total: usize, part: usize) -> bool {
    let total_name = &story.frame(total).metric;
    let part_name = part_name(story, part);
    let (total_words, part_words) = (
        story.partition_words(total_name),
        story.partition_words(&part_name),
    );
    story.rules.partitions.iter().enumerate().any(|(g, group)| {
        match (total_words[g], part_words[g]) {
            // named alike around the two words (出口…进口), not a whole that holds one by chance
            // (进出口总额 holds 出口)
            (Some(t), Some(p)) => {
                t != p
                    && split_around(story, group, total_name)
                        == split_around(story, group, &part_name)
            }
            _ => false,
        }
    })
}

/// Do the parts' labels name every word of one partition group, one each, and nothing else?
pub fn names_partition(story: &Story, parts: &[usize]) -> bool {
    let groups = &story.rules.partitions;
    if !groups.iter().any(|group| group.len() == parts.len()) {
        return false;
    }
    // each part's words of every group, read once
    let words: Vec<Vec<Option<usize>>> = parts
        .iter()
        .map(|&p| story.partition_words(&story.frame(p).metric))
        .collect();
    groups.iter().enumerate().any(|(g, group)| {
        group.len() == parts.len() && names_each_once(group.len(), words.iter().map(|held| held[g]))
    })
}

/// Do the parts name a whole partition of this total? A group whose whole the packs name (生产
/// 总值 for 第一产业…) partitions only a total that names it: 全社会用电量 also counts households.
fn names_partition_of(story: &Story, total: usize, parts: &[usize]) -> bool {
    let words: Vec<Vec<Option<usize>>> = parts
        .iter()
        .map(|&p| story.partition_words(&story.frame(p).metric))
        .collect();
    let metric = story.plain_name(&story.frame(total).metric);
    story.rules.partitions.iter().enumerate().any(|(g, group)| {
        let wholes = &story.rules.partition_wholes[g];
        group.len() == parts.len()
            && names_each_once(group.len(), words.iter().map(|held| held[g]))
            && (wholes.is_empty() || wholes.iter().any(|w| metric.contains(w.as_str())))
    })
}

/// Do the words found (one per part) name each of a group's `size` words exactly once?
pub(super) fn names_each_once(size: usize, words: impl Iterator<Item = Option<usize>>) -> bool {
    // asked for every run of levels against every group: the marks of a group's few words fit
    // in one number, with nothing to allocate
    if size > u64::BITS as usize {
        let mut seen = vec![false; size];
        for word in words {
            match word {
                Some(k) if !seen[k] => seen[k] = true,
                _ => return false,
            }
        }
        return seen.iter().all(|&s| s);
    }
    let mut seen = 0u64;
    for word in words {
        match word {
            Some(k) if k < size && seen & (1 << k) == 0 => seen |= 1 << k,
            _ => return false,
        }
    }
    seen.count_ones() as usize == size
}

/// `来信210件（网上138件，信箱52件，走访20件）`: levels in brackets right after a level.
fn bracket_lists(story: &Story, out: &mut Vec<PartsList>) {
    let text = story.text;
    for total in story.members.clone() {
        if !amount_level(story, total) || story.frame(total).bracketed {
            continue;
        }
        let end = story.q(total).span.end;
        let after = &text[end..];
        // the bracket follows the figure, or the noun it counts (`63件（…）`, `3家企业（…）`)
        let gap: String = after.chars().take_while(|&c| c != '（').take(9).collect();
        if !after[gap.len()..].starts_with('（') || gap.contains(['，', '。', '；', '、']) {
            continue;
        }
        let open = end + gap.len() + '（'.len_utf8();
        let Some(close) = text[open..].find('）').map(|i| open + i) else {
            continue;
        };
        let inside = &text[open..close];
        // (剔除4个直辖市（剩余26个省份）: what is left, not what the figure holds)
        if story.words().contains("which", inside)
            || story.says_partial(inside)
            || story.words().starting("the_rest", inside).is_some()
        {
            continue;
        }
        let parts: Vec<usize> = story
            .members
            .clone()
            .filter(|&q| story.q(q).span.start >= open && story.q(q).span.end <= close)
            .filter(|&q| crate::story::is_amount(story.q(q)))
            .collect();
        // a part counts what the total counts, or a kind of it (`12家银行（7家城商行…）`)
        let noun = |q: usize| story.frame(q).after.as_str();
        let counts_another = |p: usize| {
            !noun(p).is_empty() && !noun(total).is_empty() && !noun(p).ends_with(noun(total))
        };
        if parts.len() < 2
            || parts.iter().any(|&p| {
                story.frame(p).aspect != Aspect::Level
                    || !story.addable(p, total)
                    || story.frame(p).metric.is_empty()
                    || counts_another(p)
            })
        {
            continue;
        }
        let parts = parts
            .into_iter()
            .flat_map(|p| std::iter::repeat_n(p, each_count(story, p)))
            .collect();
        out.push(PartsList {
            total,
            parts,
            complete: Some(Certainty::Bound),
            span: story.q(total).span.start..close,
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        });
    }
}

/// Each level's word of every partition group, read in one pass over its name (a story has
/// hundreds of levels, the packs dozens of groups).
fn partition_words_held(story: &Story, levels: &[usize]) -> Vec<Vec<Option<usize>>> {
    levels
        .iter()
        .map(|&q| {
            let metric = &story.frame(q).metric;
            let mut held = story.rules.partition_words.in_name(metric);
            // 出口 inside 进出口 names the whole, not the part
            for (g, k) in held.iter_mut().enumerate() {
                if k.is_some_and(|k| story.inside_whole(metric, g, k)) {
                    *k = None;
                }
            }
            held
        })
        .collect()
}

/// Parts that name a whole partition in consecutive clauses (`城镇人口41万人，乡村人口53万人`)
/// with no 其中: their total is the level before them whose measure the parts' names share.
/// `held[k][g]`: the word of group `g` that level `k` is named by, if any. Only the groups of
/// per-head figures, or only the others, as `per_head` says.
fn partition_lists(
    story: &Story,
    levels: &[usize],
    held: &[Vec<Option<usize>>],
    per_head: bool,
    out: &mut Vec<PartsList>,
) {
    for (g, group) in story.rules.partitions.iter().enumerate() {
        if story
            .rules
            .partition_per_head
            .get(g)
            .copied()
            .unwrap_or(false)
            != per_head
        {
            continue;
        }
        let n = group.len();
        let words: Vec<Option<usize>> = held.iter().map(|h| h[g]).collect();
        for (at, window) in levels.windows(n).enumerate() {
            let first = window[0];
            if !names_each_once(n, words[at..at + n].iter().copied())
                || window
                    .iter()
                    .any(|&p| !story.addable(p, first) || !story.same_period(p, first))
            {
                continue;
            }
            // the parts stand together: one paragraph, no other level of their kind between
            if window
                .iter()
                .any(|&p| story.paragraph(p) != story.paragraph(first))
            {
                continue;
            }
            if out
                .iter()
                .any(|l| l.parts.iter().any(|p| window.contains(p)) && l.complete.is_some())
            {
                continue;
            }
            // what the parts measure besides the partition word (城镇人口 → 人口)
            let rest = |p: usize| {
                let label = &story.frame(p).metric;
                let word = group
                    .iter()
                    .find(|w| label.contains(w.as_str()))
                    .map_or("", String::as_str);
                label.split(word).last().unwrap_or("").to_string()
            };
            let mut common = rest(first);
            if window.iter().any(|&p| rest(p) != common) && !same_around_all(story, group, window) {
                continue;
            }
            // parts named by the partition words alone (男性为…，女性为…): the measure is the
            // whole their shares are of, or the one the sentence opens with (全市常住人口中，)
            let by_whole = common.is_empty();
            if by_whole {
                common = named_whole(story, first).unwrap_or_default();
            }
            let far = by_whole && !common.is_empty();
            // the total names exactly what the parts share (人口 for 城镇人口 and 乡村人口), and is
            // no part of another list
            let listed = |t: usize| out.iter().any(|l| l.parts.contains(&t));
            // or the parts' name with the partition words' whole in their place (知识型服务出口
            // and 知识型服务进口 → 知识型服务进出口总额)
            let around = split_around(story, group, &story.frame(first).metric);
            let same_around = window
                .iter()
                .all(|&p| split_around(story, group, &story.frame(p).metric) == around);
            let names_whole = |metric: &str| {
                let Some((prefix, suffix)) = around.as_ref().filter(|_| same_around) else {
                    return false;
                };
                let metric = story.plain_name(metric);
                let metric = story.words().strip_start("which", &metric);
                let Some(middle) = metric
                    .strip_prefix(prefix.as_str())
                    .and_then(|m| m.strip_suffix(suffix.as_str()))
                else {
                    return false;
                };
                prefix.chars().count() + suffix.chars().count() >= 2
                    && !middle.is_empty()
                    && middle
                        .chars()
                        .all(|c| group.iter().any(|w| w.contains(c)) || "总额量数".contains(c))
            };
            let total = levels
                .iter()
                .rev()
                .copied()
                .filter(|&t| t < first && story.addable(t, first) && story.same_period(t, first))
                // a total named by the parts' whole may stand further back, not without bound
                .take(if far { 64 } else { usize::MAX })
                .take_while(|&t| {
                    story.paragraph(t) == story.paragraph(first)
                        || story.frame(first).sentence - story.frame(t).sentence <= 2
                        || far
                })
                .find(|&t| {
                    let metric = story.plain_name(&story.frame(t).metric);
                    let own = story
                        .words()
                        .strip_start("own_subject", &story.frame(t).metric)
                        .to_string();
                    // 常住人口 for 城镇人口 and 乡村人口: a word that says which count of the
                    // whole it is; another word may name a part (专业考生), so that total holds
                    // only when the parts add up to it
                    let qualified = own.strip_suffix(common.as_str()).is_some_and(|kind| {
                        !kind.is_empty()
                            && (story.words().is("whole_qualifier", kind)
                                || adds_up(story, t, window))
                    });
                    // `共有4120名考生报名`: a count names what it counts after the figure
                    let counts_after = story.q(t).kind == factcheck_numbers::Kind::Count
                        && story.frame(t).after.starts_with(common.as_str());
                    // (a group whose whole the packs name, 第一产业… of 生产总值, makes up no other
                    // measure: 全社会用电量 also counts households)
                    let declared_elsewhere = !story.rules.partition_wholes[g].is_empty();
                    // (a level that is itself one side of another partition, 乡村常住人口, is no
                    // whole of this one, 男性…女性…)
                    let one_side = || {
                        let of_total = story.partition_words(&story.frame(t).metric);
                        let of_part = story.partition_words(&story.frame(first).metric);
                        of_total
                            .iter()
                            .zip(&of_part)
                            .enumerate()
                            .any(|(h, (a, b))| h != g && a.is_some() && b.is_none())
                    };
                    let named = common.chars().count() >= 2
                        && !declared_elsewhere
                        && (metric == common
                            || own == common
                            || qualified
                            || counts_after
                            || (by_whole && metric.ends_with(&common)));
                    (named || names_whole(&story.frame(t).metric))
                        && !listed(t)
                        && !one_side()
                        && !super::bands::is_banded(story, t)
                        && (!per_head || said_of_the_same(story, group, first, t))
                });
            // a whole the packs name for the group (粮食 for 夏粮, 早稻, 秋粮), with the measure
            // the parts share (粮食总产量 for 夏粮产量…), anywhere earlier in the story
            let declared = &story.rules.partition_wholes[g];
            let total = total.or_else(|| {
                // (parts named by the group's words alone, 人均工资性收入…人均转移净收入, are
                // of the level the whole's word names: 人均可支配收入)
                if declared.is_empty() || (common.chars().count() < 2 && !by_whole) {
                    return None;
                }
                let named: Vec<usize> = levels
                    .iter()
                    .rev()
                    .copied()
                    .filter(|&t| {
                        t < first && story.addable(t, first) && story.same_period(t, first)
                    })
                    .take(64)
                    .filter(|&t| !per_head || said_of_the_same(story, group, first, t))
                    .filter(|&t| names_declared_whole(story, g, &common, t) && !listed(t))
                    .collect();
                // the parts said of a place (全市第一产业增加值…) are of the whole said of it, not
                // of another place's named alike nearer (四个县合计实现地区生产总值)
                let part = crate::story::han(&story.frame(first).metric);
                let part = story.words().strip_start("which", &part);
                let said = group
                    .iter()
                    .filter_map(|w| part.find(w.as_str()))
                    .min()
                    .map_or("", |at| &part[..at]);
                if said.is_empty() {
                    return named.first().copied();
                }
                named
                    .into_iter()
                    .find(|&t| crate::story::han(&story.frame(t).metric).contains(said))
            });
            let Some(total) = total else {
                continue;
            };
            // a level between the total and its parts may be the whole they count (抽取8640人…
            // 有效样本8412人。其中…城市居民4538人，农村居民3874人): another reading
            let between: Vec<usize> = levels
                .iter()
                .copied()
                .filter(|&t| t > total && t < first)
                .filter(|&t| story.addable(t, first) && story.same_period(t, first))
                .filter(|&t| !story.is_earlier_figure(t))
                .collect();
            out.push(PartsList {
                total,
                parts: window.to_vec(),
                complete: Some(Certainty::Inferred),
                span: story.q(total).span.start..story.q(window[n - 1]).span.end,
                other_totals: between,
                shares_of_total: true,
                enumerated: false,
            });
        }
    }
}

/// Per-head parts are of the whole said of the same people: what the first part's name says
/// before its group word (全市居民人均 of 全市居民人均工资性收入) opens the whole's name too, not
/// another group's (农村居民人均可支配收入); a part that says less (其中，人均工资性收入) is of
/// the whole that names no urban or rural side (全市居民人均可支配收入).
fn said_of_the_same(story: &Story, group: &[String], first: usize, total: usize) -> bool {
    let part = story.plain_name(&story.frame(first).metric);
    let Some(at) = group.iter().filter_map(|w| part.find(w.as_str())).min() else {
        return false;
    };
    let total = story.plain_name(&story.frame(total).metric);
    let said = &part[..at];
    let words = story.words();
    let one_side = |name: &str| {
        ["urban", "rural"]
            .iter()
            .any(|class| words.class(class).iter().any(|w| name.contains(w.as_str())))
    };
    (!said.is_empty() && total.starts_with(said))
        || (!one_side(said) && !one_side(&total) && total.contains(said))
}

/// Does the level name the whole the packs declare for partition group `g`, measured as the
/// parts are (粮食总产量 for 夏粮产量), or by the whole's own word (地区生产总值 for 第三产业增加值)?
fn names_declared_whole(story: &Story, g: usize, measure: &str, t: usize) -> bool {
    let metric = story.plain_name(&story.frame(t).metric);
    story.rules.partition_wholes[g].iter().any(|w| {
        metric.contains(w.as_str())
            && (metric.ends_with(w.as_str())
                || (measure.chars().count() >= 2 && metric.ends_with(measure)))
    })
}

/// `地区生产总值212亿元，…第三产业增加值58亿元`: a level named by one word of a group whose whole the
/// packs name is a part of the nearest level before it in its paragraph that names that whole.
fn declared_part_lists(
    story: &Story,
    levels: &[usize],
    held: &[Vec<Option<usize>>],
    out: &mut Vec<PartsList>,
) {
    let words = story.words();
    for (k, &part) in levels.iter().enumerate() {
        let Some(g) = (0..held[k].len())
            .find(|&g| held[k][g].is_some() && !story.rules.partition_wholes[g].is_empty())
        else {
            continue;
        };
        if out
            .iter()
            .any(|l| l.parts.contains(&part) || l.total == part)
        {
            continue;
        }
        let subject = |q: usize| {
            words
                .find("own_subject", &story.frame(q).metric)
                .map(|(_, w)| w.to_string())
        };
        let whole = levels[..k]
            .iter()
            .rev()
            .copied()
            .take_while(|&t| story.paragraph(t) == story.paragraph(part))
            .filter(|&t| story.q(t).unit == story.q(part).unit && story.same_period(t, part))
            .find(|&t| names_declared_whole(story, g, "", t));
        // the part of another place than the whole (`全省第三产业…` after `全市生产总值…`) is none
        let Some(whole) = whole
            .filter(|&t| subject(part).is_none_or(|s| story.frame(t).metric.contains(s.as_str())))
        else {
            continue;
        };
        out.push(PartsList::one_part(story, whole, part));
    }
}

/// A part's name cut around its partition word (`知识型服务出口` → `知识型服务`, ``), with the
/// story's own subject and 其中 left out.
fn split_around(story: &Story, group: &[String], metric: &str) -> Option<(String, String)> {
    let name = story.plain_name(metric);
    let name = story.words().strip_start("which", &name);
    let word = group.iter().find(|w| name.contains(w.as_str()))?;
    let at = name.find(word.as_str())?;
    Some((name[..at].to_string(), name[at + word.len()..].to_string()))
}

fn same_around_all(story: &Story, group: &[String], window: &[usize]) -> bool {
    let first = split_around(story, group, &story.frame(window[0]).metric);
    first.is_some()
        && window
            .iter()
            .all(|&p| split_around(story, group, &story.frame(p).metric) == first)
}

/// The whole a part is said to be of: its share's (占常住人口的51%), else the name its sentence
/// opens with (`全市常住人口中，`).
pub(super) fn named_whole(story: &Story, part: usize) -> Option<String> {
    let from_share = story
        .describing(part, Aspect::Share)
        .first()
        .and_then(|&s| story.frame(s).whole.as_ref().map(|(_, name)| name.clone()));
    let opener = || {
        let sentence = &story.frames.layout.sentences[story.frame(part).sentence];
        let body = &story.text[sentence.range.clone()];
        let head = body.split(['，', '：']).next()?;
        let name = head.trim().strip_suffix('中')?;
        let name = crate::story::han(name);
        (name.chars().count() >= 2).then_some(name)
    };
    from_share
        .or_else(opener)
        .map(|n| story.plain_name(&n))
        .filter(|n| n.chars().count() >= 2)
}

/// The longest name of a part between its figure and an inline total word (`铜牌共`), in characters.
const INLINE_LABEL: usize = 6;

/// `小麦320万吨、玉米410万吨，合计730万吨`: a run of levels closed by a total word and a level.
fn closing_total_lists(story: &Story, levels: &[usize], out: &mut Vec<PartsList>) {
    let text = story.text;
    let words = story.words();
    for (k, &total) in levels.iter().enumerate() {
        let clause = &story.frames.layout.clauses[story.frame(total).clause];
        let lead = &text[clause.range.start..story.q(total).span.start];
        // `…，合计730万吨` opens a clause; `5枚金牌、4枚银牌、6枚铜牌共15枚奖牌` closes a run in its own
        // (a clause of 加上 before it makes a sum of its own: see `added`)
        let plus_before = k > 0 && {
            let c = &story.frames.layout.clauses[story.frame(levels[k - 1]).clause];
            words
                .starting("plus", story.text[c.range.clone()].trim_start())
                .is_some()
        };
        let opens = words.starting("closing_total", lead.trim_start()).is_some()
            || (names_a_closing_total(story, lead) && !plus_before);
        let closes_inline =
            !opens && k > 0 && story.frame(levels[k - 1]).clause == story.frame(total).clause && {
                let between = &text[story.q(levels[k - 1]).span.end..story.q(total).span.start];
                between.chars().count() <= INLINE_LABEL + 2
                    && words.ending("closing_total_inline", between).is_some()
            };
        if !opens && !closes_inline {
            continue;
        }
        // the parts: the levels of the same sentence before it, back to the sentence start or 分别
        // (of its clause, for a total that closes its clause's run)
        let sentence = story.frame(total).sentence;
        let clause = story.frame(total).clause;
        // the parts are of the same unit and stand before any 其中 of the sentence
        let parts: Vec<usize> = levels[..k]
            .iter()
            .rev()
            .copied()
            .take_while(|&p| {
                story.frame(p).sentence == sentence
                    && (opens || story.frame(p).clause == clause)
                    && story.q(p).unit == story.q(total).unit
                    // a semicolon ends one subject's run (甲队…；乙队…奖牌总数9枚)
                    && !story.text[story.q(p).span.end..story.q(total).span.start].contains('；')
                    && !story.says_between("which", story.q(p).span.end, story.q(total).span.start)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if parts.len() < 2
            || story
                .says_partial(&story.text[story.q(parts[0]).span.start..story.q(total).span.start])
        {
            continue;
        }
        out.push(PartsList {
            total,
            parts: parts.clone(),
            complete: Some(Certainty::Bound),
            span: story.q(parts[0]).span.start..story.q(total).span.end,
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        });
    }
}

/// How many figures before a counted total its count may stand (`三家股东合计持有该基金…`).
const COUNT_REACH: usize = 3;

/// The most items a counted total (`三家股东合计…`) gathers from the figures before it.
const COUNTED_MAX: u32 = 12;

/// `…持有11.8亿份。另两家股东分别持有3亿份和5000万份，三家股东合计持有15.3亿份`: a total whose
/// clause opens with the count of its items and a total word adds up the last that many levels
/// of its unit, in its sentence and the two before it.
fn counted_total_lists(story: &Story, levels: &[usize], out: &mut Vec<PartsList>) {
    for (k, &total) in levels.iter().enumerate() {
        let Some(n) = items_counted(story, total) else {
            continue;
        };
        let sentence = story.frame(total).sentence;
        let clause_start = story.frames.layout.clauses[story.frame(total).clause]
            .range
            .start;
        let parts: Vec<usize> = levels[..k]
            .iter()
            .rev()
            .copied()
            .filter(|&p| story.q(p).span.end <= clause_start)
            .take_while(|&p| {
                story.paragraph(p) == story.paragraph(total)
                    && sentence - story.frame(p).sentence <= 2
            })
            .filter(|&p| {
                story.q(p).unit == story.q(total).unit
                    && story.addable(p, total)
                    && story.same_period(p, total)
            })
            .collect();
        // `两家银行净利润合计…`: the parts that name the total's measure, when there are enough
        // of them (each bank's revenue is no part of their profit)
        let named: Vec<usize> = parts
            .iter()
            .copied()
            .filter(|&p| {
                crate::story::common_ending(&story.frame(p).metric, &story.frame(total).metric) >= 2
            })
            .collect();
        let parts: Vec<usize> = if named.len() >= n { named } else { parts }
            .into_iter()
            .take(n)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // (a semicolon between closes what was told before: `首日7.8万人次；19日、20日…两天合计`
        // counts days the copy names, not the figures before)
        if parts.len() != n
            || out.iter().any(|l| l.total == total)
            || story
                .says_partial(&story.text[story.q(parts[0]).span.start..story.q(total).span.start])
            || story.text[story.q(parts[n - 1]).span.end..story.q(total).span.start].contains('；')
        {
            continue;
        }
        out.push(PartsList {
            total,
            span: story.q(parts[0]).span.start..story.q(total).span.end,
            parts,
            complete: Some(Certainty::Inferred),
            other_totals: Vec::new(),
            shares_of_total: false,
            enumerated: false,
        });
    }
}

/// `今年将新建8项工程，目前已有3项开工，其余5项…`: a level named as the rest (其余, 剩余) after
/// a total and one part of its unit in the sentence makes up the total with that part.
fn rest_lists(story: &Story, levels: &[usize], out: &mut Vec<PartsList>) {
    let words = story.words();
    for (k, &rest) in levels.iter().enumerate() {
        if words.starting("the_rest", &story.own_label(rest)).is_none()
            || out
                .iter()
                .any(|l| l.parts.contains(&rest) || l.total == rest)
        {
            continue;
        }
        let sentence = story.frame(rest).sentence;
        // (three at most are looked for: the list is read only when there are two)
        let before: Vec<usize> = levels[..k]
            .iter()
            .rev()
            .copied()
            .take_while(|&q| story.frame(q).sentence == sentence)
            .filter(|&q| story.q(q).unit == story.q(rest).unit && story.addable(q, rest))
            .take(3)
            .collect();
        // one total and one other part: with more levels before it, the rest may be of a part
        // (`25例，其中22例死亡，…12例…，其他10例`: the 10 are of the 22)
        let [part, total] = before[..] else {
            continue;
        };
        if !story.same_period(part, total) {
            continue;
        }
        // 空调业务收入…，占营业收入的71.8%；…；其他业务收入…: a level that is a share of another
        // whole, or named as one more kind of the rest's thing, is a sibling, not the total
        let rest_label = story.own_label(rest);
        let rest_thing = words.strip_start("the_rest", &rest_label);
        let sibling = rest_thing.chars().count() >= 2 && {
            let label = story.own_label(total);
            label.ends_with(rest_thing) && label.len() > rest_thing.len()
        };
        if sibling || !story.describing(total, Aspect::Share).is_empty() {
            continue;
        }
        // `其中，制造业岗位…，服务业岗位…，其他行业岗位…`: after 其中 (in the total's clause or
        // the one before) or 分行业看 every level is a part; none is the total of the others
        let clauses = &story.frames.layout.clauses;
        let own = story.frame(total).clause;
        let lead_start = clauses[own.saturating_sub(1)]
            .range
            .start
            .max(story.frames.layout.sentences[sentence].range.start);
        let lead = &story.text[lead_start..story.q(total).span.start];
        if words.contains("which", lead) || breakdown_opener(story, sentence).is_some() {
            continue;
        }
        let parts = vec![part, rest];
        out.push(PartsList {
            total,
            span: story.q(total).span.start..story.q(rest).span.end,
            parts,
            complete: Some(Certainty::Inferred),
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        });
    }
}

/// How many items a total's clause says it gathers: a count of 2 to 12 that opens the clause
/// (after 这 or 上述 at most) and a total word between it and the figure (`三家股东合计持有`).
fn items_counted(story: &Story, total: usize) -> Option<usize> {
    let words = story.words();
    let clause = &story.frames.layout.clauses[story.frame(total).clause];
    // the first figure of the clause, one of the few just before the total (a clause of a
    // thousand figures is looked at no further)
    let count = (story.members.start..total)
        .rev()
        .take(COUNT_REACH)
        .take_while(|&c| story.q(c).span.start >= clause.range.start)
        .last();
    let Some(count) = count else {
        return count_of_a_class(story, clause.range.start, total);
    };
    let opening = &story.text[clause.range.start..story.q(count).span.start];
    // a few characters at most (这, 上述): bytes bound the characters without counting them
    if opening.len() > COUNT_REACH * 2 * 4 {
        return None;
    }
    let opening = crate::story::han(opening);
    if !(opening.is_empty() || words.is("back_reference", &opening)) {
        return None;
    }
    let n = story.q(count).number()?;
    let between = &story.text[story.q(count).span.end..story.q(total).span.start];
    // the noun counted, then the total word (`家股东合计`): a short way after the count
    let head: String = between.chars().take(10).collect();
    let plain = story.q(count).qualifier == factcheck_numbers::Qualifier::Exact;
    (plain
        && n.fract().is_zero()
        && n >= 2.into()
        && n <= COUNTED_MAX.into()
        && words.contains("closing_total_inline", &head))
    .then(|| n.try_into().ok())
    .flatten()
}

/// `上述四大行业合计实现产值…`: a clause that points back and counts its items in words that
/// read as no figure (四大 names a class), then a total word: the count.
fn count_of_a_class(story: &Story, clause_start: usize, total: usize) -> Option<usize> {
    let words = story.words();
    let lead = story.text.get(clause_start..story.q(total).span.start)?;
    if lead.len() > 16 * 3 {
        return None;
    }
    let lead = crate::story::han(lead);
    let rest = &lead[words.starting("back_reference", &lead)?.len()..];
    let mut chars = rest.chars();
    let n = chars
        .next()
        .and_then(factcheck_numbers::chinese::digit)
        .filter(|&n| n >= 2)?;
    let rest = words.strip_start("count_filler", chars.as_str());
    let head: String = rest.chars().take(8).collect();
    words
        .contains("closing_total_inline", &head)
        .then_some(n as usize)
}

fn stated(qs: &[usize]) -> Binding {
    Binding::Many(qs.iter().map(|&q| Var::Stated(q)).collect())
}

/// Complete lists: the parts add up to the total.
pub fn parts(story: &Story) -> Vec<Found> {
    story
        .parts_lists()
        .iter()
        .filter_map(|l| {
            let certainty = l.complete?;
            let reading = |total: usize| {
                let mut roles = Roles::new();
                roles.insert("total".into(), Binding::One(Var::Stated(total)));
                roles.insert("parts".into(), stated(&l.parts));
                roles
            };
            Some(Found {
                span: l.span.clone(),
                roles: reading(l.total),
                certainty,
                alternatives: l.other_totals.iter().map(|&t| reading(t)).collect(),
            })
        })
        .collect()
}

/// Lists that need not be complete: the parts do not exceed the total.
pub fn parts_listed(story: &Story) -> Vec<Found> {
    story
        .parts_lists()
        .iter()
        .filter(|l| l.complete.is_none() && l.parts.len() >= 2)
        .map(|l| {
            let reading = |(total, n): (usize, usize)| {
                let mut roles = Roles::new();
                roles.insert("total".into(), Binding::One(Var::Stated(total)));
                roles.insert("parts".into(), stated(&l.parts[..n]));
                roles
            };
            let mut readings = partial_readings(story, l).into_iter().map(reading);
            Found {
                span: l.span.clone(),
                roles: readings.next().expect("a list has a reading"),
                certainty: Certainty::Bound,
                alternatives: readings.collect(),
            }
        })
        .collect()
}

/// The readings of a list that need not be complete, as (total, how many parts), the nearest
/// total with the whole list first: any level before 其中 may be the one it lists the parts of,
/// and the list may end at a semicolon (`其中：A…；B…` where B starts a statement of its own).
fn partial_readings(story: &Story, l: &PartsList) -> Vec<(usize, usize)> {
    let mut lengths: Vec<usize> = (1..l.parts.len())
        .filter(|&k| {
            let (a, b) = (
                story.q(l.parts[k - 1]).span.end,
                story.q(l.parts[k]).span.start,
            );
            !l.enumerated && a <= b && story.text[a..b].contains('；')
        })
        .collect();
    lengths.push(l.parts.len());
    let totals = std::iter::once(l.total).chain(l.other_totals.iter().copied());
    let mut readings: Vec<(usize, usize)> = totals
        .flat_map(|total| lengths.iter().map(move |&n| (total, n)))
        .collect();
    let first = readings.remove(lengths.len() - 1);
    readings.insert(0, first);
    readings
}

/// Does part `p`'s name end with the measure of `total` (two characters or more), the word for
/// a total set aside (进出口总值 for 一般贸易进出口) or said without 总 (社会消费品零售总额 for
/// 城镇消费品零售额)? Or does the total's name hold the part's name (来信 of 群众来信、来访和网上
/// 投诉事项) or the verb it ends with (受理 of 共受理群众诉求 for 电话渠道受理)?
fn names_the_measure_of(story: &Story, total: usize, p: usize) -> bool {
    let words = story.words();
    let metric = &story.frame(total).metric;
    let stem = words.strip_end("total_tail", metric);
    let without_zong = words
        .ending("total_tail", metric)
        .and_then(|tail| tail.strip_prefix('总'))
        .map(|rest| format!("{stem}{rest}"));
    let part = story.plain_name(&story.frame(p).metric);
    let ending = |name: &str| crate::story::common_ending(name, &part);
    let common = ending(metric)
        .max(ending(stem))
        .max(without_zong.as_deref().map_or(0, ending));
    // (the whole clause before the total, past the 、 its name may list: 来信、来访和网上…)
    let clause = &story.frames.layout.clauses[story.frame(total).clause];
    let told = crate::story::han(
        &story.text[clause.range.start.min(story.q(total).span.start)..story.q(total).span.start],
    );
    let last_two = crate::story::tail(&part, 2);
    common >= 2
        || (part.chars().count() >= 2 && told.contains(part.as_str()))
        || (last_two.chars().count() == 2 && told.contains(last_two))
}

/// One part of a whole (`其中工业投资75亿元`): it does not exceed the whole.
pub fn part_of(story: &Story) -> Vec<Found> {
    story
        .parts_lists()
        .iter()
        .filter(|l| l.parts.len() == 1)
        .map(|l| {
            let reading = |whole: usize| {
                let mut roles = Roles::new();
                roles.insert("whole".into(), Binding::One(Var::Stated(whole)));
                roles.insert("part".into(), Binding::One(Var::Stated(l.parts[0])));
                roles
            };
            Found {
                span: l.span.clone(),
                roles: reading(l.total),
                certainty: Certainty::Bound,
                alternatives: l.other_totals.iter().map(|&t| reading(t)).collect(),
            }
        })
        .collect()
}

/// The rate of change against the year before that describes a level, if one does.
fn rate_of(story: &Story, q: usize) -> Option<usize> {
    story
        .describing(q, Aspect::Rate)
        .into_iter()
        .find(|&r| !matches!(story.frame(r).reference, Reference::Other { .. }))
}

/// The base a level's growth rate implies, if the level has one.
fn base_by_rate(growths: &[super::growth::Growth], q: usize) -> Option<Var> {
    growths
        .iter()
        .find(|g| g.current == q && g.rate.is_some())
        .map(|g| g.base.clone())
}

/// Rates at comparable prices (按可比价格计算) need not add up in money of the day; nor need
/// rates a story says anywhere are on a comparable basis (增速按可比口径计算), whose bases are
/// last year's figures of this year's set of firms.
fn in_real_terms(story: &Story, q: usize) -> bool {
    let sentence = &story.frames.layout.sentences[story.frame(q).sentence];
    let words = story.words();
    words.contains("real_terms", &story.text[sentence.range.clone()])
        || story.says_comparable_basis()
}

/// How the bases of a list's total and parts are told.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BasesBy {
    /// Some by a rate of change: a release's rates are of last year's figures as revised since,
    /// so the bases they imply agree within that revision.
    Rates,
    /// Every one by an amount of change (`比上年增加62亿斤`): the bases are exact.
    Amounts,
}

/// The base a level's amount of change implies, with the period compared against.
fn base_by_amount(
    growths: &[super::growth::Growth],
    q: usize,
) -> Option<(Var, Option<factcheck_frames::Period>)> {
    growths
        .iter()
        .find(|g| g.current == q && g.delta.is_some())
        .map(|g| (g.base.clone(), g.base_period))
}

/// The base a level's change implies (its rate, else its amount of change), with the period
/// compared against.
fn base_by_change(
    growths: &[super::growth::Growth],
    q: usize,
) -> Option<(Var, Option<factcheck_frames::Period>)> {
    growths
        .iter()
        .find(|g| g.current == q && g.rate.is_some())
        .map(|g| (g.base.clone(), g.base_period))
        .or_else(|| base_by_amount(growths, q))
}

/// Complete lists whose total and parts each have a growth rate or an amount of change against
/// the same period: the bases add up as well (and so do the amounts). A list whose members all
/// give an amount of change is read `by` amounts alone, exactly; any other `by` rates.
pub fn bases_of_parts(story: &Story, by: BasesBy) -> Vec<Found> {
    let growths = story.growths();
    let by_amounts = |l: &PartsList| {
        std::iter::once(l.total)
            .chain(l.parts.iter().copied())
            .all(|q| base_by_amount(growths, q).is_some())
    };
    let base_of = |q: usize| match by {
        BasesBy::Amounts => base_by_amount(growths, q),
        BasesBy::Rates => base_by_change(growths, q),
    };
    story
        .parts_lists()
        .iter()
        .filter_map(|l| {
            // a list whose printed parts add up to its total is all of it, said or not
            let certainty = l
                .complete
                .or_else(|| adds_up(story, l.total, &l.parts).then_some(Certainty::Inferred))?;
            if in_real_terms(story, l.total) || by_amounts(l) != (by == BasesBy::Amounts) {
                return None;
            }
            let (total_base, period) = base_of(l.total)?;
            let part_bases: Vec<(Var, Option<factcheck_frames::Period>)> =
                l.parts.iter().map(|&p| base_of(p)).collect::<Option<_>>()?;
            // a part compared with another period than the total's has another base
            if part_bases.iter().any(|(_, p)| *p != period) {
                return None;
            }
            let mut roles = Roles::new();
            roles.insert("total_base".into(), Binding::One(total_base));
            roles.insert(
                "part_bases".into(),
                Binding::Many(part_bases.into_iter().map(|(b, _)| b).collect()),
            );
            Some(Found::single(l.span.clone(), roles, certainty))
        })
        .collect()
}

/// Do two or more parts add up to their total within the rounding of each, the total printed to
/// three significant digits or more and each part to two (so that the sum agreeing is no
/// coincidence)?
fn adds_up(story: &Story, total: usize, parts: &[usize]) -> bool {
    use rust_decimal::Decimal;
    let bounds = |q: usize| match story.q(q).bounds() {
        (Some(lo), Some(hi)) => Some((lo, hi)),
        _ => None,
    };
    let Some((lo, hi)) = bounds(total) else {
        return false;
    };
    // the total precise and no part round, so that a sum of round figures (300.0 and 700.0 of
    // 1000.0, two groups that overlap) proves nothing
    let two_digits =
        |q: usize| super::restated::significant(story.q(q)).is_some_and(|d| d >= Decimal::TEN);
    let precise = super::restated::precise(story.q(total)) && parts.iter().all(|&q| two_digits(q));
    let sum = parts
        .iter()
        .try_fold((Decimal::ZERO, Decimal::ZERO), |(a, b), &p| {
            let (plo, phi) = bounds(p)?;
            Some((a.checked_add(plo)?, b.checked_add(phi)?))
        });
    parts.len() >= 2 && precise && sum.is_some_and(|(sum_lo, sum_hi)| sum_lo <= hi && lo <= sum_hi)
}

/// Lists that need not be complete, whose total and listed parts each have a growth rate: the
/// parts' bases do not exceed the total's either, for a measure that cannot be negative (the
/// parts left unlisted had a base of zero or more).
pub fn bases_of_listed_parts(story: &Story) -> Vec<Found> {
    let base_of = |q: usize| base_by_rate(story.growths(), q);
    let words = story.words();
    story
        .parts_lists()
        .iter()
        .filter(|l| l.complete.is_none() && l.parts.len() >= 2)
        .filter_map(|l| {
            // amounts only: a count of industries whose profit grew is no balance
            let signed = |q: usize| {
                story.q(q).kind == factcheck_numbers::Kind::Money
                    && words.contains("signed", &story.frame(q).metric)
            };
            if in_real_terms(story, l.total)
                || signed(l.total)
                || l.parts.iter().any(|&p| signed(p))
            {
                return None;
            }
            let reading = |(total, n): (usize, usize)| {
                let part_bases: Option<Vec<Var>> =
                    l.parts[..n].iter().map(|&p| base_of(p)).collect();
                let mut roles = Roles::new();
                roles.insert("total_base".into(), Binding::One(base_of(total)?));
                roles.insert("part_bases".into(), Binding::Many(part_bases?));
                Some(roles)
            };
            // per total, the longest reading whose printed parts fit in it: a list that fits
            // whole is read whole (a part after a semicolon that fits is still a part); every
            // reading must have its bases, or the check stays silent
            let fits = |(total, n): (usize, usize)| {
                let lower = |q: usize| story.q(q).bounds().0;
                let sum: Option<rust_decimal::Decimal> = l.parts[..n]
                    .iter()
                    .try_fold(rust_decimal::Decimal::ZERO, |acc, &p| {
                        acc.checked_add(lower(p)?)
                    });
                matches!((sum, story.q(total).bounds().1), (Some(s), Some(t)) if s <= t)
            };
            let mut chosen: Vec<(usize, usize)> = Vec::new();
            for (total, n) in partial_readings(story, l) {
                if !fits((total, n)) {
                    continue;
                }
                match chosen.iter_mut().find(|(t, _)| *t == total) {
                    Some(kept) if kept.1 < n => kept.1 = n,
                    Some(_) => {}
                    None => chosen.push((total, n)),
                }
            }
            let readings: Option<Vec<Roles>> = chosen.into_iter().map(reading).collect();
            let mut readings = readings?.into_iter();
            Some(Found {
                span: l.span.clone(),
                roles: readings.next()?,
                certainty: Certainty::Inferred,
                alternatives: readings.collect(),
            })
        })
        .collect()
}

/// Complete lists whose total and parts each have a growth rate: the total's lies between.
pub fn rate_of_parts(story: &Story) -> Vec<Found> {
    story
        .parts_lists()
        .iter()
        .filter_map(|l| {
            let certainty = l.complete?;
            let total_rate = rate_of(story, l.total)?;
            let part_rates: Option<Vec<usize>> =
                l.parts.iter().map(|&p| rate_of(story, p)).collect();
            let part_rates = part_rates?;
            let mut roles = Roles::new();
            roles.insert("total_rate".into(), Binding::One(Var::Stated(total_rate)));
            roles.insert("part_rates".into(), stated(&part_rates));
            Some(Found::single(
                l.span.clone(),
                roles,
                certainty.min(Certainty::Inferred),
            ))
        })
        .collect()
}

/// Complete lists whose parts each give their share of the total: the shares add up to all.
pub fn shares_of_parts(story: &Story) -> Vec<Found> {
    let lists = story.parts_lists();
    let complete = lists
        .iter()
        .filter_map(|l| Some((l.parts.clone(), l.span.clone(), l.complete?)));
    // parts of a whole the story does not print (`不满18岁的…占25%；18岁及以上的…占75%`)
    let bands = super::bands::band_runs(story, &list_levels(story))
        .into_iter()
        .filter(|run| !lists.iter().any(|l| l.parts == *run))
        .map(|run| {
            let span = story.q(run[0]).span.start..story.q(run[run.len() - 1]).span.end;
            (run, span, Certainty::Inferred)
        });
    // shares printed without their parts' figures (`男性占51.2%，女性占48.8%`), named by every
    // word of a partition group: each share stands for its part
    let named_shares = super::share::partition_share_runs(story)
        .into_iter()
        .map(|run| {
            let span = story.q(run[0]).span.start..story.q(run[run.len() - 1]).span.end;
            (run, span, Certainty::Inferred)
        });
    complete
        .chain(bands)
        .map(|(parts, span, certainty)| {
            let shares: Option<Vec<usize>> = parts
                .iter()
                .map(|&p| story.describing(p, Aspect::Share).first().copied())
                .collect();
            (shares, span, certainty)
        })
        .chain(named_shares.map(|(run, span, certainty)| (Some(run), span, certainty)))
        .filter_map(|(shares, span, certainty)| {
            // `占男性受访者的62.8%；…占女性受访者的71.2%`: shares of wholes named apart
            let wholes: Vec<String> = shares
                .iter()
                .flatten()
                .filter_map(|&s| story.frame(s).whole.as_ref().map(|(_, name)| name.clone()))
                .collect();
            if wholes.windows(2).any(|w| w[0] != w[1]) {
                return None;
            }
            let mut roles = Roles::new();
            roles.insert("shares".into(), stated(&shares?));
            Some(Found::single(span, roles, certainty))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::names_each_once;

    #[test]
    fn each_word_of_a_group_once_and_no_other() {
        assert!(names_each_once(2, [Some(1), Some(0)].into_iter()));
        assert!(!names_each_once(2, [Some(0), Some(0)].into_iter()));
        assert!(!names_each_once(3, [Some(0), Some(2)].into_iter()));
        assert!(!names_each_once(2, [Some(0), None].into_iter()));
        let many: Vec<Option<usize>> = (0..70).rev().map(Some).collect();
        assert!(names_each_once(70, many.into_iter()));
    }
}
