//! Restatements. A story that states the same figure twice (the lead and a later paragraph) must
//! state it the same way: the same figure is the same measure (the whole clause that names it and
//! the noun it modifies), of the same subject (what its sentence says before its clause), for the
//! same period. A headline figure must be one the body gives, rounded or qualified as it may be.

use crate::story::{han, NameMatch};
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;
use factcheck_numbers::Kind;
use factcheck_text::chars::is_han;
use std::collections::HashMap;

pub fn restated(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    // each level's clause label, read once for both ways of finding a restatement
    let labelled: Vec<(usize, String)> = story
        .levels()
        .filter(|&q| !story.in_headline(q) && !per_base(story, q))
        .map(|q| (q, clause_label(story, q)))
        .filter(|(_, label)| label.chars().count() >= 4)
        .collect();
    for (q, label) in &labelled {
        let (q, label) = (*q, label.as_str());
        let frame = story.frame(q);
        let period = frame.period.map(|p| p.display()).unwrap_or_default();
        // what the key says besides the label, written once per figure
        let rest = format!(
            "|{}|{}|{}|{period}",
            frame.after,
            frame.scope,
            story.q(q).unit
        );
        let key_of = |label: &str| [label, rest.as_str()].concat();
        let keys = label_keys(story, label);
        // 全市… and 全省… are two subjects, though either may match a name without one
        let subject = |label: &str| story.words().starting("own_subject", label);
        let earlier = keys
            .iter()
            .filter_map(|k| seen.get(&key_of(k)))
            .copied()
            .filter(|&e| {
                let other = labelled
                    .binary_search_by_key(&e, |(p, _)| *p)
                    .ok()
                    .map(|k| labelled[k].1.as_str());
                // 收入合计 (this year's) and 收入总计 (with what was carried over) are two sums
                let sums_alike = match (sum_word(story, q), sum_word(story, e)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                // （一）…计划投资9.64亿元 and （二）…计划投资2.35亿元: two items' own figures
                let one_item = match (story.numbered_item(q), story.numbered_item(e)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                sums_alike
                    && one_item
                    && match (subject(label), other.and_then(subject)) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            })
            .max();
        if let Some(earlier) = earlier {
            // a restatement comes in another sentence; one sentence lists different things
            if story.frame(earlier).sentence != frame.sentence {
                let mut roles = Roles::new();
                roles.insert("first".into(), Binding::One(Var::Stated(earlier)));
                roles.insert("second".into(), Binding::One(Var::Stated(q)));
                // a figure stated twice carries one rate of change
                let rate = |x: usize| story.describing(x, Aspect::Rate).first().copied();
                if let (Some(a), Some(b)) = (rate(earlier), rate(q)) {
                    if story.frame(a).reference == story.frame(b).reference {
                        roles.insert("first_rate".into(), Binding::One(Var::Stated(a)));
                        roles.insert("second_rate".into(), Binding::One(Var::Stated(b)));
                    }
                }
                out.push(Found::single(
                    story.q(earlier).span.start..story.q(q).span.end,
                    roles,
                    Certainty::Inferred,
                ));
            }
        }
        for key in keys {
            seen.insert(key_of(&key), q);
        }
    }
    out.extend(repeated(story, &labelled, &out));
    out.extend(rounded_headers(story));
    out.extend(super::tables::restated_rows(story));
    out
}

/// `…共有12836名考生报名。在1.28万名考生中，…`: a clause that holds nothing but a rounder
/// figure and the 中 of a header restates the one more precise amount of its unit that the
/// sentence before gave, when it is near it (within a fifth): the header is the same whole told
/// again, and its rounding must hold the exact figure.
fn rounded_headers(story: &Story) -> Vec<Found> {
    let layout = &story.frames.layout;
    let width = |q: usize| match story.q(q).bounds() {
        (Some(lo), Some(hi)) => Some(hi - lo),
        _ => None,
    };
    let mut out = Vec::new();
    for rounded in story.levels().filter(|&q| story.amount_level(q)) {
        let frame = story.frame(rounded);
        let clause = &layout.clauses[frame.clause];
        let sentence = &layout.sentences[frame.sentence];
        if frame.bracketed || frame.sentence == 0 || clause.range.start != sentence.range.start {
            continue;
        }
        // 在 (or nothing) before the figure, a short name and 中 after it, nothing else
        let before = han(&story.text[clause.range.start..story.q(rounded).span.start]);
        let after = story.text[story.q(rounded).span.end..clause.range.end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '：' | ':'));
        let named = han(after);
        if !(before.is_empty() || before == "在")
            || !after.ends_with('中')
            || named.chars().count() > 12
            || named.chars().count() != after.chars().count()
        {
            continue;
        }
        let (Some(value), Some(w)) = (story.q(rounded).number(), width(rounded)) else {
            continue;
        };
        let exact: Vec<usize> = story
            .levels()
            .filter(|&p| story.frame(p).sentence + 1 == frame.sentence)
            .filter(|&p| story.amount_level(p) && story.addable(p, rounded))
            .filter(|&p| width(p).is_some_and(|pw| pw < w))
            .collect();
        let [exact] = exact[..] else {
            continue;
        };
        let near = story.q(exact).number().is_some_and(|v| {
            let gap = (v - value).abs();
            gap * rust_decimal::Decimal::from(5) <= value.abs()
        });
        // a round 1200 may round 1201.5 to its last digit but one: such a pair is left alone
        // rather than read to the last printed digit
        let exact_value = story.q(exact).number().unwrap_or_default();
        let (lo, hi) = story.q(rounded).bounds();
        let printed_holds =
            lo.is_some_and(|lo| lo <= exact_value) && hi.is_some_and(|hi| exact_value < hi);
        // the header names the exact figure's things again (12836名考生 … 1.28万名考生中), or it
        // may name a part of them (在1.1万名义务教育阶段学生中): then it is read as a restatement
        // only where the rounding holds
        let core = named.trim_end_matches('中');
        let exact_frame = story.frame(exact);
        let names_again = !core.is_empty()
            && (exact_frame.after.starts_with(core) || exact_frame.metric.ends_with(core));
        if !near
            || (!printed_holds && round_holds(value, exact_value))
            || (!printed_holds && !names_again)
        {
            continue;
        }
        let mut roles = Roles::new();
        roles.insert("first".into(), Binding::One(Var::Stated(exact)));
        roles.insert("second".into(), Binding::One(Var::Stated(rounded)));
        out.push(Found::single(
            story.q(exact).span.start..story.q(rounded).span.end,
            roles,
            Certainty::Inferred,
        ));
    }
    out
}

/// The same figure printed again under a shorter or longer name (`本届博览会共达成项目120宗`,
/// later `共达成项目120宗`): one name ends the other. A name that only ends another may be
/// another subject's, so the pair needs a second witness: the figures agree, or the rates that
/// describe them do (a restated level with its restated rate). With agreeing figures alone the
/// reading stays weak (a note at most); with the rate agreeing too it is inferred.
fn repeated(story: &Story, labelled: &[(usize, String)], found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    // the pairs the exact names already joined, looked up rather than searched
    let joined: std::collections::HashSet<(usize, usize)> = found
        .iter()
        .filter_map(|f| {
            let first = match f.roles.get("first") {
                Some(Binding::One(Var::Stated(q))) => *q,
                _ => return None,
            };
            let second = match f.roles.get("second") {
                Some(Binding::One(Var::Stated(q))) => *q,
                _ => return None,
            };
            Some((first.min(second), first.max(second)))
        })
        .collect();
    let paired = |a: usize, b: usize| joined.contains(&(a.min(b), a.max(b)));
    let rate = |x: usize| {
        story
            .describing(x, Aspect::Rate)
            .first()
            .copied()
            .filter(|&r| story.q(r).number().is_some())
    };
    // names that end one another share their last four characters
    let mut by_ending: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    // the same unit, or the unit dropped after the same magnitude (募集70亿元 … 募集70亿)
    let units_agree = |a: usize, b: usize| {
        let (a, b) = (story.q(a), story.q(b));
        // the whole run of magnitude words (万亿 is not 亿)
        let magnitude = |q: &factcheck_numbers::Quantity| {
            let printed =
                story.text[q.span.clone()].trim_end_matches(|c: char| c != '万' && c != '亿');
            let run: String = printed
                .chars()
                .rev()
                .take_while(|&c| c == '万' || c == '亿')
                .collect();
            (!run.is_empty()).then_some(run)
        };
        a.unit == b.unit
            || ((a.unit.is_empty() || b.unit.is_empty())
                && matches!(a.kind, Kind::Money | Kind::Count | Kind::Other)
                && matches!(b.kind, Kind::Money | Kind::Count | Kind::Other)
                && magnitude(a).is_some_and(|m| Some(m) == magnitude(b)))
    };
    for (q, label) in labelled {
        let (q, label) = (*q, label.clone());
        // 支出预算数 and 支出: a word of the measure's kind at the end may be dropped when the
        // figure is told again, though two different such words name different measures
        let (core, tail) = measure_tail(story, &label);
        let count = core.chars().count();
        let ending: String = core.chars().skip(count - 4).collect();
        let group = by_ending.entry(ending).or_default();
        let same = group.iter().rev().find(|(p, other)| {
            let (other_core, other_tail) = measure_tail(story, other);
            let (short, long) = if other_core.chars().count() <= count {
                (other_core, core)
            } else {
                (core, other_core)
            };
            story.frame(*p).sentence != story.frame(q).sentence
                && units_agree(*p, q)
                && long.ends_with(short)
                && tails_agree(story, tail, other_tail)
                && story.same_period(*p, q)
                && !paired(*p, q)
        });
        if let Some((p, other)) = same {
            let p = *p;
            let same_value = story.q(p).value_text() == story.q(q).value_text();
            // the same whole name and the same figure to three digits or more: one figure told
            // twice, whatever else the two sentences say
            let same_figure = same_value && *other == label && precise(story.q(q));
            // the same words on both sides of the figure, eight characters or more of them
            // (…款物使X万人次困难群众受益): one sentence told twice
            let (after_p, after_q) = (clause_rest(story, p), clause_rest(story, q));
            let same_wording = *other == label
                && !after_q.is_empty()
                && after_p == after_q
                && label.chars().count() + after_q.chars().count() >= 8;
            let rates = match (rate(p), rate(q)) {
                (Some(a), Some(b)) if references_agree(story, a, b) => Some((a, b)),
                _ => None,
            };
            let same_rate =
                rates.is_some_and(|(a, b)| story.q(a).value_text() == story.q(b).value_text());
            let certainty = match (same_value, same_rate) {
                (true, false) if same_figure => Some(Certainty::Inferred),
                (_, false) if same_wording => Some(Certainty::Inferred),
                (true, false) => Some(Certainty::Weak),
                (_, true) if rates.is_some() => Some(Certainty::Inferred),
                _ => None,
            };
            if let Some(certainty) = certainty {
                let mut roles = Roles::new();
                roles.insert("first".into(), Binding::One(Var::Stated(p)));
                roles.insert("second".into(), Binding::One(Var::Stated(q)));
                if let Some((a, b)) = rates {
                    roles.insert("first_rate".into(), Binding::One(Var::Stated(a)));
                    roles.insert("second_rate".into(), Binding::One(Var::Stated(b)));
                }
                out.push(Found::single(
                    story.q(p).span.start..story.q(q).span.end,
                    roles,
                    certainty,
                ));
            }
        }
        group.push((q, label));
    }
    out
}

/// A name without the word of the measure's kind or amount that may end it (`支出预算数` →
/// `支出`, `预算数`), when four characters or more stay; else the name whole and no such word.
fn measure_tail<'a>(story: &Story, label: &'a str) -> (&'a str, &'a str) {
    let words = story.words();
    let core = words.strip_end("amount_tail", words.strip_end("measure_tail", label));
    if core.len() < label.len() && core.chars().count() >= 4 {
        (core, &label[core.len()..])
    } else {
        (label, "")
    }
}

/// Two such words that may end one measure's name: the same, one left out, or two words for
/// its amount (规模, 金额); a budget and an outturn are two measures.
fn tails_agree(story: &Story, a: &str, b: &str) -> bool {
    let amount = |t: &str| story.words().is("amount_tail", t);
    a == b || a.is_empty() || b.is_empty() || (amount(a) && amount(b))
}

/// Does a whole number that ends in zeros (1200) hold `exact` when read as rounded to its last
/// digit that is not zero (1150 to 1250)?
fn round_holds(round: rust_decimal::Decimal, exact: rust_decimal::Decimal) -> bool {
    let ten = rust_decimal::Decimal::TEN;
    if !round.fract().is_zero() || round.is_zero() {
        return false;
    }
    let mut step = rust_decimal::Decimal::ONE;
    let mut rest = round.abs().normalize();
    while (rest % ten).is_zero() {
        rest /= ten;
        step *= ten;
    }
    let half = step / rust_decimal::Decimal::TWO;
    round - half <= exact && exact < round + half
}

/// Do two rates compare with the same thing? The same reference, or one unsaid and the other
/// the year before the rate's own period (下降0.2% and 比2020年…下降0.2% of a 2021 figure): a
/// rate that names no comparison is against the year before.
fn references_agree(story: &Story, a: usize, b: usize) -> bool {
    use factcheck_frames::Reference;
    let (ra, rb) = (&story.frame(a).reference, &story.frame(b).reference);
    let year_before = |rate: usize, reference: &Reference| match reference {
        Reference::Period(Some(period)) => story.frame(rate).period.is_some_and(|own| {
            own.year.is_some() && period.year.is_some() && own.year_before().year == period.year
        }),
        _ => false,
    };
    ra == rb
        || (*ra == Reference::Unsaid && year_before(b, rb))
        || (*rb == Reference::Unsaid && year_before(a, ra))
}

/// The Han words of a figure's clause after it, bracketed asides left out (`万人(次)困难群众`).
fn clause_rest(story: &Story, q: usize) -> String {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    // to the clause's end or the next figure, whichever comes first
    let next = (q + 1 < story.members.end).then(|| story.q(q + 1).span.start);
    let end = next
        .map_or(clause.range.end, |n| n.min(clause.range.end))
        .max(story.q(q).span.end);
    let mut depth = 0usize;
    let mut words = String::new();
    for c in story.text[story.q(q).span.end..end].chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            c if depth == 0 && is_han(c) => words.push(c),
            _ => {}
        }
    }
    words
}

/// A figure printed to three significant digits or more (896亿, 7109, 16.5): two such figures
/// that agree are rarely a coincidence.
pub(crate) fn precise(q: &factcheck_numbers::Quantity) -> bool {
    significant(q).is_some_and(|d| d >= rust_decimal::Decimal::ONE_HUNDRED)
}

/// The printed digits as a whole number (896亿 → 896, 16.5 → 165), trailing zeros dropped so
/// that a round 300万 counts one digit.
pub(crate) fn significant(q: &factcheck_numbers::Quantity) -> Option<rust_decimal::Decimal> {
    let (Some(value), (Some(lo), Some(hi))) = (q.number(), q.bounds()) else {
        return None;
    };
    let step = hi - lo;
    let digits = if step.is_zero() {
        value.abs()
    } else {
        value.abs().checked_div(step)?.round()
    };
    let mut digits = digits.normalize();
    let ten = rust_decimal::Decimal::TEN;
    while !digits.is_zero() && (digits % ten).is_zero() {
        digits /= ten;
    }
    Some(digits)
}

/// The Han words (and codes: PM2.5) of a figure's clause before it (from the clause mark, not
/// before the figure before it), so that a subject in the clause is kept (甲市累计确诊 and 乙市累计确诊 differ).
fn clause_label(story: &Story, q: usize) -> String {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    // a date inside the label (美国5月通胀率) is part of it, not the figure before it
    let floor = (story.members.start..q)
        .rev()
        .take_while(|&p| story.frame(p).clause == story.frame(q).clause)
        .find(|&p| story.q(p).kind != factcheck_numbers::Kind::Date)
        .map_or(clause.range.start, |p| story.q(p).span.end);
    let words = factcheck_frames::label::han_and_codes(
        &story.text[floor.min(story.q(q).span.start)..story.q(q).span.start],
    );
    story.words().strip_end("link", &words).to_string()
}

/// The word of a sum a figure's name ends with (合计, 总计), past a linking 为 or 达.
fn sum_word(story: &Story, q: usize) -> Option<&'static str> {
    let clause = &story.frames.layout.clauses[story.frame(q).clause];
    let before = crate::story::han(
        &story.text[clause.range.start.min(story.q(q).span.start)..story.q(q).span.start],
    );
    let before = before.trim_end_matches(['为', '达', '是']);
    ["合计", "总计"].into_iter().find(|w| before.ends_with(w))
}

/// A label and, when it opens with the story's own subject or period (全市, 今年), the label
/// without it (全市新增城镇就业 and 新增城镇就业 are one figure), each also without a word for
/// an amount at its end.
fn label_keys(story: &Story, label: &str) -> Vec<String> {
    let mut keys = vec![label.to_string()];
    let rest = story.words().strip_start("own_subject", label);
    if rest != label && rest.chars().count() >= 4 {
        keys.push(rest.to_string());
    }
    // 外资规模 and 外资金额: one amount under two words for it
    let words = story.words();
    for k in 0..keys.len() {
        let core = words.strip_end("amount_tail", &keys[k]);
        if core.len() < keys[k].len() && core.chars().count() >= 4 {
            keys.push(core.to_string());
        }
    }
    keys
}

/// A body figure named by the story's own subject and the measure alone (`全市共接待游客`), the
/// headline naming that measure after its place or occasion (`国庆假期青岚接待游客`): the
/// subject the body says as 全市 is the one the headline names.
fn measure_in_headline(story: &Story, body_label: &str, head_label: &str) -> bool {
    let words = story.words();
    let subjectless = words.strip_start("own_subject", body_label);
    if subjectless == body_label {
        return false;
    }
    let measure = words.strip_start("total_word", subjectless);
    measure.chars().count() >= 4 && head_label.ends_with(measure)
}

/// Two counts of the same noun: the words after them agree for three characters at least
/// (`3个新建公园年底开放`, `3个新建公园主体完工`).
fn same_noun(a: &str, b: &str) -> bool {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() >= 3
}

/// The headline words a body figure's name in other order (限放政策的城市 under …城市出台烟花
/// 爆竹限放政策): three of its character pairs or more, and at least half of them, recur there.
fn echoes_headline(label: &str, headline: &str) -> bool {
    let chars: Vec<char> = label.chars().collect();
    let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    let shared = pairs
        .iter()
        .filter(|p| headline.contains(p.as_str()))
        .count();
    shared >= 3 && shared * 2 >= pairs.len()
}

/// `每10份派1.2元`, `每10万人`: the figure after 每 is the base a rate is per, the same in every
/// story that uses it, no figure of its own to restate.
fn per_base(story: &Story, q: usize) -> bool {
    story.text[..story.q(q).span.start].ends_with('每')
}

/// Two counts of one kind of thing under different measure words: 21省区市 and 21个省区市,
/// 五大战区 and 五个战区 (a generic measure word counts the noun after it).
fn same_things_counted(story: &Story, a: usize, b: usize) -> bool {
    let noun = |q: usize| -> String {
        let quantity = story.q(q);
        if matches!(quantity.unit.as_str(), "个" | "大") {
            story.text[quantity.span.end..]
                .chars()
                .take_while(|&c| is_han(c))
                .take(2)
                .collect()
        } else {
            quantity.unit.clone()
        }
    };
    let (x, y) = (noun(a), noun(b));
    story.q(a).kind == Kind::Count
        && story.q(b).kind == Kind::Count
        && !x.is_empty()
        && !y.is_empty()
        && (x.starts_with(y.as_str()) || y.starts_with(x.as_str()))
}

/// Every headline figure against the body figures it may restate.
pub fn headline(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let comparable = |q: usize| {
        matches!(
            story.q(q).kind,
            Kind::Money | Kind::Count | Kind::Other | Kind::Percent | Kind::Duration
        ) && story.q(q).number().is_some()
            && story.frame(q).aspect != Aspect::Date
            && !per_base(story, q)
    };
    for h in story
        .members
        .clone()
        .filter(|&q| story.in_headline(q) && comparable(q))
    {
        let same_unit = |b: usize| {
            story.q(b).kind == story.q(h).kind
                && (story.q(b).unit == story.q(h).unit || same_things_counted(story, b, h))
        };
        // a headline drops the unit after a magnitude (收入超5亿 for 4.82亿元); such a figure
        // restates a body amount or count only where the body names the same measure (below)
        let headline_text = &story.text[story.q(h).span.clone()];
        let unitless = story.q(h).kind == Kind::Other
            && story.q(h).unit.is_empty()
            && headline_text.ends_with(['万', '亿']);
        let bare_magnitude =
            |b: usize| unitless && matches!(story.q(b).kind, Kind::Money | Kind::Count);
        let mut body: Vec<usize> = story
            .members
            .clone()
            .filter(|&b| !story.in_headline(b) && comparable(b))
            .filter(|&b| same_unit(b) || bare_magnitude(b))
            .filter(|&b| story.frame(b).aspect == story.frame(h).aspect)
            .collect();
        // a body figure the headline may restate: one that agrees with it, or one that names
        // the same measure at a value near it (a headline figure the body never mentions is news,
        // not a contradiction)
        let value = |q: usize| story.q(q).number().unwrap_or_default();
        let hv = value(h);
        let interval = |q: usize| {
            let (lo, hi) = story.q(q).bounds();
            (lo, hi)
        };
        let overlaps = |b: usize| {
            let ((hl, hh), (bl, bh)) = (interval(h), interval(b));
            !(matches!((hh, bl), (Some(x), Some(y)) if x < y)
                || matches!((hl, bh), (Some(x), Some(y)) if x > y))
        };
        let near = |b: usize| {
            let v = value(b);
            v > rust_decimal::Decimal::ZERO
                && hv > rust_decimal::Decimal::ZERO
                && v <= hv * rust_decimal::Decimal::TWO
                && hv <= v * rust_decimal::Decimal::TWO
        };
        // the headline's words: a figure may open the headline and its measure follow
        // (…亿斤，…总产量创新高)
        let headline_words = story
            .headline
            .as_ref()
            .map(|range| han(&story.text[range.clone()]))
            .unwrap_or_default();
        // the body figure's measure is named in the headline: the name's last four characters
        // or more (全省粮食总产量 → 粮食总产量; a bare 人数 or 产量 names nothing)
        let headline_names = |b: usize| {
            let metric: Vec<char> = story.plain_name(&story.frame(b).metric).chars().collect();
            metric.len() >= 4 && {
                let ending: String = metric[metric.len() - 4..].iter().collect();
                headline_words.contains(ending.as_str())
            }
        };
        // the same measure: the names match, or two counts count the same noun (3个新建公园)
        let named = |b: usize| {
            let (hf, bf) = (story.frame(h), story.frame(b));
            story.names(&hf.metric, b) != NameMatch::No
                || same_noun(&hf.after, &bf.after)
                || headline_names(b)
                || echoes_headline(&clause_label(story, b), &headline_words)
        };
        body.retain(|&b| (same_unit(b) && overlaps(b)) || (near(b) && named(b)));
        // a headline restates a figure at most as precisely as the body prints it: when the body
        // names the measure as precisely as the headline does, a rounder body figure (1.3万亿以上
        // beside 13657亿) is that figure's rounding, not what the headline restates
        let width = |q: usize| match interval(q) {
            (Some(lo), Some(hi)) => Some(hi - lo),
            _ => None,
        };
        let no_wider = |b: usize| match (width(b), width(h)) {
            (Some(wb), Some(wh)) => wb <= wh,
            (_, None) => true,
            (None, Some(_)) => false,
        };
        if body.iter().any(|&b| named(b) && no_wider(b)) {
            body.retain(|&b| no_wider(b));
        }
        // the body prints the headline's figure somewhere, whatever it calls it (通胀率达3.1% in
        // the headline, 消费价格同比上涨3.1% in the body): the headline restates that one
        // (or the body prints its number for another noun: 648家企业 in the headline, 回收有效问卷
        // 648份 in the body; a number of three digits or more, printed alike, does not recur by
        // chance, unless its sentence gives one of the headline's own unit too: 新增企业182家…
        // 专利128件 restates no 128家)
        let value_text = story.q(h).value_text();
        let digits: String = value_text.chars().filter(char::is_ascii_digit).collect();
        let distinctive = digits.trim_matches('0').len() >= 3;
        let number_text = |q: usize| -> String {
            story.text[story.q(q).span.clone()]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect()
        };
        let own_unit_beside = |b: usize| {
            story.members.clone().any(|o| {
                !story.in_headline(o)
                    && story.frame(o).sentence == story.frame(b).sentence
                    && story.q(o).unit == story.q(h).unit
            })
        };
        let printed_again = || {
            story.members.clone().any(|b| {
                !story.in_headline(b)
                    && story.q(b).value_text() == value_text
                    && (story.q(b).unit == story.q(h).unit
                        || (distinctive
                            && story.q(b).kind == story.q(h).kind
                            && number_text(b) == number_text(h)
                            && !own_unit_beside(b)))
            })
        };
        body.retain(|&b| overlaps(b) || !printed_again());
        if body.is_empty() {
            continue;
        }
        // the body figure that names the same measure first, then by closeness of value
        body.sort_by_key(|&b| {
            let distance = (value(b) - hv).abs();
            (!named(b), distance)
        });
        let reading = |b: usize| {
            let mut roles = Roles::new();
            roles.insert("headline".into(), Binding::One(Var::Stated(h)));
            roles.insert("body".into(), Binding::One(Var::Stated(b)));
            roles
        };
        // the same words in the headline and the body name the same figure; a near name may be
        // another subject's (甲国通胀率 in the headline, 乙国通胀率 in the body)
        // (the body may open the clause with the dateline, the period or the subject the headline leaves out)
        let (body_label, head_label) = (clause_label(story, body[0]), clause_label(story, h));
        let (shorter, longer) = if head_label.len() <= body_label.len() {
            (&head_label, &body_label)
        } else {
            (&body_label, &head_label)
        };
        // or the two names end alike for four characters or more (全县旅游收入, 实现国内旅游
        //收入) and no other candidate's name does
        let ends_alike = |label: &str| crate::story::common_ending(label, &head_label) >= 4;
        // (an average, 日均发送旅客, is no rival of a headline's total named alike, nor is a
        // figure far from the headline's, 铁路发送旅客128.4万人次 against 321.6万人次: a slip
        // changes a digit or two, not the size)
        let average =
            |q: usize| factcheck_frames::names_an_average(story.words(), &story.frame(q).metric);
        let near = |b: usize| {
            let (v, three) = (value(b), rust_decimal::Decimal::from(3));
            v * three >= hv * rust_decimal::Decimal::TWO
                && v * rust_decimal::Decimal::TWO <= hv * three
        };
        let rivals: Vec<usize> = body[1..]
            .iter()
            .copied()
            .filter(|&b| (average(h) || !average(b)) && near(b))
            .collect();
        let alone_alike =
            ends_alike(&body_label) && rivals.iter().all(|&b| !ends_alike(&clause_label(story, b)));
        let alone_echoing = echoes_headline(&body_label, &headline_words)
            && rivals
                .iter()
                .all(|&b| !echoes_headline(&clause_label(story, b), &headline_words));
        // those looser names bind only where no body figure agrees with the headline (another
        // subject's figure may be named alike: 甲国通胀率 in the headline, 乙国通胀率 in the body)
        let agreeing = story
            .members
            .clone()
            .any(|b| !story.in_headline(b) && comparable(b) && same_unit(b) && overlaps(b));
        // nor where the body's figures of that sentence add up to the headline's (a headline
        // total of 1200公里 over 860公里 and 340公里)
        let sums_to_headline = || {
            let sentence = story.frame(body[0]).sentence;
            let parts: Vec<usize> = story
                .members
                .clone()
                .filter(|&b| {
                    !story.in_headline(b)
                        && same_unit(b)
                        && story.frame(b).sentence == sentence
                        && story.frame(b).aspect == story.frame(h).aspect
                })
                .collect();
            let bound =
                |pick: fn(&factcheck_numbers::Quantity) -> Option<rust_decimal::Decimal>| {
                    parts
                        .iter()
                        .try_fold(rust_decimal::Decimal::ZERO, |acc, &b| {
                            acc.checked_add(pick(story.q(b))?)
                        })
                };
            let (Some(lo), Some(hi)) = (bound(|q| q.bounds().0), bound(|q| q.bounds().1)) else {
                return false;
            };
            let (hl, hh) = interval(h);
            parts.len() >= 2 && hh.is_none_or(|hh| lo <= hh) && hl.is_none_or(|hl| hi >= hl)
        };
        // a headline that totals the body's figures (超4400万吨 over 4367.2万吨 of one thing and
        // 46.3万吨 of another) restates none of them
        if !overlaps(body[0]) && sums_to_headline() {
            continue;
        }
        let loosely = (alone_alike || alone_echoing) && !agreeing && !sums_to_headline();
        let same = body_label == head_label
            || loosely
            || measure_in_headline(story, &body_label, &head_label)
            || (shorter.chars().count() >= 4 && longer.ends_with(shorter.as_str()))
            || (head_label.is_empty() && headline_names(body[0]))
            || (story.q(h).kind == Kind::Count
                && same_noun(&story.frame(h).after, &story.frame(body[0]).after));
        let certainty = if same {
            Certainty::Inferred
        } else {
            Certainty::Weak
        };
        // the body may state the figure again under the same name: the headline restates each
        let again: Vec<usize> = body[1..]
            .iter()
            .copied()
            .filter(|&b| {
                story.q(b).value_text() == story.q(body[0]).value_text()
                    && clause_label(story, b) == body_label
            })
            .collect();
        out.push(Found {
            span: story.q(h).span.clone(),
            roles: reading(body[0]),
            certainty,
            alternatives: body[1..].iter().map(|&b| reading(b)).collect(),
        });
        out.extend(again.into_iter().map(|b| Found {
            span: story.q(h).span.clone(),
            roles: reading(b),
            certainty,
            alternatives: Vec::new(),
        }));
    }
    out
}
