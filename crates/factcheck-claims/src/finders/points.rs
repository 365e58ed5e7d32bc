//! Percentage points. A rate with its change (`城镇化率58.2%，比上年末提高1.1个百分点`): the
//! earlier rate is derived. A rate compared with another's (`增长6.9%，比全省（6.1%）高0.8个百分点`,
//! `出口增幅高于进口3个百分点`): the difference of the two rates is the points.

use crate::story::NameMatch;
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::{Aspect, Period, Reference};
use factcheck_numbers::Kind;

fn is_points(story: &Story, q: usize) -> bool {
    story.frame(q).aspect == Aspect::Points
}

/// A rate and its change in points against an earlier period.
pub fn points(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for p in story.members.clone().filter(|&p| is_points(story, p)) {
        let frame = story.frame(p);
        let Some(anchor) = frame.anchor else {
            continue;
        };
        // `增长12.4%，比8月份8.8%的增速加快3.6个百分点`: points anchored to the rate compared
        // with are of the rate before it
        let (now, compared_anchor) = match rate_before_compared(story, anchor) {
            Some(rate) => (rate, Some(anchor)),
            None => (anchor, None),
        };
        // the earlier rate printed in the comparison (`比上个月的9.2%下降1.6个百分点`)
        // or the rate the change started from (`由上年的53.7%升至58.4%，提高…`)
        let compared = compared_anchor
            .or_else(|| story.compared_level(now, p))
            .or_else(|| started_from(story, now))
            .or_else(|| earlier_in_brackets(story, now, p));
        let period = match story.compared_with(p, now) {
            Some(period) => Some(of_the_same_year(period, story.frame(now).period)),
            None if compared.is_some() => None,
            None => continue,
        };
        let metric = &story.frame(now).metric;
        let name = period.map(|x| story.earlier_name(now, &x, metric));
        let mut before = story.derived(
            format!("before:{}", story.earlier_key(now, period)),
            now,
            name.or_else(|| Some(format!("上期{metric}"))),
        );
        if let Var::Derived(d) = &mut before {
            // a growth rate may have been negative
            d.nonnegative =
                story.q(now).kind == Kind::Percent && story.frame(now).aspect != Aspect::Rate;
        }
        let reading = |before: Var| {
            let mut roles = Roles::new();
            roles.insert("now".into(), Binding::One(Var::Stated(now)));
            roles.insert("before".into(), Binding::One(before));
            roles.insert("points".into(), Binding::One(Var::Stated(p)));
            roles
        };
        let span = story.q(now).span.start..story.q(p).span.end;
        if let Some(compared) = compared {
            out.push(Found::single(
                span,
                reading(Var::Stated(compared)),
                Certainty::Bound,
            ));
            continue;
        }
        // the earlier rate as the story states it, for the same measure and period
        let stated = stated_earlier(story, now, period);
        match stated.split_first() {
            Some((&(first, how), rest)) => out.push(Found {
                span,
                roles: reading(Var::Stated(first)),
                certainty: if how == NameMatch::Exact && rest.is_empty() {
                    Certainty::Bound
                } else {
                    Certainty::Inferred
                },
                alternatives: rest.iter().map(|&(b, _)| reading(Var::Stated(b))).collect(),
            }),
            None => out.push(Found::single(span, reading(before), Certainty::Bound)),
        }
    }
    out
}

/// `由去年同期的52.2%升至58.5%`: the rate of the same kind in `now`'s clause that the change
/// starts from.
fn started_from(story: &Story, now: usize) -> Option<usize> {
    let clause = story.frame(now).clause;
    story
        .before_in_sentence(now)
        .take_while(|&b| story.frame(b).clause == clause)
        .find(|&b| story.q(b).kind == story.q(now).kind && story.q(b).unit == story.q(now).unit)
        .filter(|&b| story.starts_from(b))
}

/// The rate a compared figure is set against: the last percentage before it in its sentence,
/// of the same kind and not compared itself (12.4% of `增长12.4%，比8月份8.8%的增速`).
fn rate_before_compared(story: &Story, anchor: usize) -> Option<usize> {
    if !story.frame(anchor).compared || story.q(anchor).kind != Kind::Percent {
        return None;
    }
    story
        .before_in_sentence(anchor)
        .filter(|&b| story.frame(b).clause + 1 >= story.frame(anchor).clause)
        .find(|&b| !story.frame(b).bracketed && story.q(b).kind != Kind::Date)
        .filter(|&b| {
            story.frame(b).aspect == Aspect::Rate
                && !story.frame(b).compared
                && story.q(b).kind == Kind::Percent
                && story.q(b).unit == story.q(anchor).unit
        })
}

/// The figure right after `p`, in brackets inside `p`'s clause (`…个百分点（上年为60.1%）`).
fn bracketed_after(story: &Story, p: usize) -> Option<usize> {
    let b = Some(p + 1).filter(|b| story.members.contains(b))?;
    let clause = &story.frames.layout.clauses[story.frame(b).clause];
    (clause.host == Some(story.frame(p).clause)).then_some(b)
}

/// `比全国高1.1个百分点（全国为6.0%）`: the other's rate in brackets right after the points,
/// named by the other.
fn other_in_brackets_after(story: &Story, p: usize, other: &str) -> Option<usize> {
    let b = bracketed_after(story, p)?;
    let words = story.words();
    let other = crate::story::han(words.strip_end("lower", words.strip_end("higher", other)));
    let named = crate::story::han(&story.frame(b).metric);
    (story.q(b).kind == Kind::Percent
        && other.chars().count() >= 2
        && named.starts_with(other.as_str()))
    .then_some(b)
}

/// `比重为58.4%，比上年下降1.7个百分点（上年为60.1%）`: the earlier rate in brackets right
/// after the points, named by an earlier time alone.
fn earlier_in_brackets(story: &Story, now: usize, p: usize) -> Option<usize> {
    let b = bracketed_after(story, p)?;
    let earlier = story.frame(b).compared
        || factcheck_frames::names_an_earlier_time_alone(
            story.words(),
            &story.plain_name(&story.frame(b).metric),
        );
    (earlier && story.q(b).kind == story.q(now).kind && story.q(b).unit == story.q(now).unit)
        .then_some(b)
}

/// `1—10月…增速比1—9月提高0.2个百分点`: months compared with that end before the figure's own
/// are of the figure's year.
fn of_the_same_year(compared: Period, own: Option<Period>) -> Period {
    let Some(own) = own.filter(|_| compared.year.is_none()) else {
        return compared;
    };
    match (compared.months(), own.months()) {
        (Some((_, end)), Some((_, own_end)))
            if end < own_end && compared.part != factcheck_frames::Part::Year =>
        {
            Period {
                year: own.year,
                ..compared
            }
        }
        _ => compared,
    }
}

/// The figures that state a rate's measure for an earlier period, best named first.
fn stated_earlier(story: &Story, now: usize, period: Option<Period>) -> Vec<(usize, NameMatch)> {
    let Some(period) = period else {
        return Vec::new();
    };
    // with no year known, only a figure named as the earlier period's (上年同期…为) is it
    let year_known = period.year.is_some();
    let metric = story.frame(now).metric.clone();
    let aspect = story.frame(now).aspect;
    if metric.chars().count() < 2 || story.names_only_a_time(now) {
        return unnamed_earlier(story, now, period);
    }
    let mut found: Vec<(usize, NameMatch)> = story
        .members
        .clone()
        .filter(|&b| b != now && !story.frame(b).bracketed)
        // a rate as a level and as a share are one (覆盖率为46.2%…这一比例为42.8%)
        .filter(|&b| {
            let level_or_share = |a: Aspect| matches!(a, Aspect::Level | Aspect::Share);
            story.frame(b).aspect == aspect
                || (level_or_share(aspect) && level_or_share(story.frame(b).aspect))
                // `涨幅比上月扩大0.2个百分点，上月为0.5%`: the earlier rate told by its time alone
                || story.names_no_measure(b)
        })
        .filter(|&b| story.q(b).kind == story.q(now).kind)
        .filter(|&b| {
            story.frame(b).period.is_some_and(|x| {
                if year_known {
                    x.equals(&period)
                } else {
                    // (months of a story that prints no year are this year's: 1—2月 for 1—2月,
                    // when they are other months than the figure's own)
                    let own_part = story.frame(now).period.map(|p| p.part);
                    let same_months = x.year.is_none()
                        && x.part == period.part
                        && period.part != factcheck_frames::Part::Year
                        && own_part != Some(period.part);
                    same_months
                        || ((x.may_equal(&period) || story.names_no_measure(b))
                            && (story.is_earlier_figure(b) || story.names_only_a_time(b)))
                }
            })
        })
        .map(|b| (b, story.names_earlier(now, b)))
        .filter(|(_, m)| *m != NameMatch::No)
        .collect();
    found.sort_by_key(|&(b, m)| (std::cmp::Reverse(m), b));
    found
}

/// `分季度看，一季度增长4.2%，二季度增长5.0%，二季度增速比一季度加快0.8个百分点`: a rate named by
/// its period alone is compared with the rate of its paragraph named by the earlier period alone.
fn unnamed_earlier(story: &Story, now: usize, period: Period) -> Vec<(usize, NameMatch)> {
    let found: Vec<usize> = story
        .members
        .clone()
        .filter(|&b| b < now && story.paragraph(b) == story.paragraph(now))
        .filter(|&b| {
            let f = story.frame(b);
            !f.bracketed
                && f.aspect == story.frame(now).aspect
                && story.q(b).kind == story.q(now).kind
                && (f.metric.chars().count() < 2 || story.names_only_a_time(b))
                && f.period
                    .is_some_and(|x| x.part == period.part && x.year == period.year)
        })
        .collect();
    match found[..] {
        [only] => vec![(only, NameMatch::Partial)],
        _ => Vec::new(),
    }
}

/// The name before the comparison word of points' clause (出口增幅 in `出口增幅高于进口3个百分点`).
fn name_before_comparison(story: &Story, p: usize) -> Option<String> {
    let clause = &story.frames.layout.clauses[story.frame(p).clause];
    let before = &story.text[clause.range.start..story.q(p).span.start];
    let words = story.words();
    let (at, _) = words
        .rfind("higher", before)
        .into_iter()
        .chain(words.rfind("lower", before))
        .chain(words.rfind("compare", before))
        .min_by_key(|(at, _)| *at)?;
    let name = crate::story::han(&before[..at]);
    let name = words.strip_end("change_noun", &name).to_string();
    (name.chars().count() >= 2).then_some(name)
}

/// `出口增幅高于进口3个百分点`: the rate of the measure named before the comparison word.
fn rate_named_before(story: &Story, p: usize) -> Option<usize> {
    let name = name_before_comparison(story, p)?;
    let rates = story
        .members
        .clone()
        .filter(|&o| o < p && !story.frame(o).bracketed)
        // a rate of change, or a rate as a level (净息差1.63%) or a share (…的比例为82.4%)
        .filter(|&o| {
            story.frame(o).aspect == Aspect::Rate
                || (matches!(story.frame(o).aspect, Aspect::Level | Aspect::Share)
                    && story.q(o).kind == Kind::Percent)
        })
        .filter(|&o| story.same_period(o, p))
        // (a share or a rate as a level of another sentence is some other group's)
        .filter(|&o| {
            story.frame(o).aspect == Aspect::Rate
                || story.frame(o).sentence == story.frame(p).sentence
        });
    let described = |o: usize| story.frame(o).anchor.unwrap_or(o);
    // named in full first (服务出口 of 服务出口), then by the name's head and tail (机电产品出口 of
    // 出口机电产品), last by a shorter measure the name ends with (出口 of 机电产品出口)
    let in_full = |o: usize| {
        let metric = story.plain_name(&story.frame(described(o)).metric);
        match story.names(&name, described(o)) {
            NameMatch::Exact => true,
            NameMatch::Partial => metric.chars().count() >= story.plain_name(&name).chars().count(),
            NameMatch::No => false,
        }
    };
    let mut candidates: Vec<usize> = rates.clone().filter(|&o| in_full(o)).collect();
    if candidates.is_empty() {
        candidates = rates
            .clone()
            .filter(|&o| names_around(story, &name, described(o)))
            .collect();
    }
    if candidates.is_empty() {
        candidates = rates
            .filter(|&o| story.names(&name, described(o)) != NameMatch::No)
            .collect();
    }
    // only when the name picks one rate: in the sentence, else the one told of the name as a
    // subject in the sentence, else one elsewhere
    let near = of_sentence(story, p, &candidates);
    match (&near[..], &candidates[..]) {
        ([only], _) => Some(*only),
        ([_, _, ..], _) => None,
        ([], far) => {
            // (the other's name without the comparison word after it: 对照组 of 对照组高)
            let words = story.words();
            let other = match &story.frame(p).reference {
                Reference::Other { name, .. } => words
                    .strip_end("lower", words.strip_end("higher", name))
                    .to_string(),
                _ => String::new(),
            };
            rate_of_subject(story, &name, &story.plain_name(&other), p).or(match far {
                [only] => Some(*only),
                _ => None,
            })
        }
    }
}

/// The rate told of a subject in points' sentence: the last percentage of the clauses that open
/// with the subject, up to one that opens with the other subject or the points' own
/// (`男性受访者中有562人购买过，购买比例为77.2%；` for 男性, `干预组HbA1c＜7.0%的达标者60例，
/// 达标率为48.4%` for 干预组).
fn rate_of_subject(story: &Story, subject: &str, other: &str, p: usize) -> Option<usize> {
    if subject.chars().count() < 2 {
        return None;
    }
    let layout = &story.frames.layout;
    let sentence = story.frame(p).sentence;
    let own_clause = story.frame(p).clause;
    let opens_with = |c: usize, name: &str| {
        let clause = &layout.clauses[c];
        let lead = &story.text[clause.range.clone()];
        name.chars().count() >= 2
            && story
                .plain_name(&crate::story::han(
                    lead.trim_start_matches(|ch: char| !factcheck_text::chars::is_han(ch)),
                ))
                .starts_with(name)
    };
    let clauses: Vec<usize> = (0..own_clause)
        .rev()
        .take_while(|&c| layout.clauses[c].range.start >= layout.sentences[sentence].range.start)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let from = clauses.iter().position(|&c| opens_with(c, subject))?;
    // (the other's first two characters are enough when they are not the subject's:
    // 农村居民人均可支配收入 opens the stretch of 农村居民收入增速)
    let head = |name: &str| name.chars().take(2).collect::<String>();
    let other_head = Some(head(other)).filter(|h| *h != head(subject));
    let stretch: Vec<usize> = clauses[from..]
        .iter()
        .copied()
        .enumerate()
        .take_while(|&(k, c)| {
            k == 0
                || !(opens_with(c, other) || other_head.as_ref().is_some_and(|h| opens_with(c, h)))
        })
        .map(|(_, c)| c)
        .collect();
    story
        .members
        .clone()
        .filter(|&o| o < p && stretch.contains(&story.frame(o).clause))
        .filter(|&o| story.q(o).kind == Kind::Percent && !story.frame(o).bracketed)
        .filter(|&o| {
            matches!(
                story.frame(o).aspect,
                Aspect::Rate | Aspect::Level | Aspect::Share
            )
        })
        .last()
}

/// The candidates that stand in `p`'s sentence.
fn of_sentence(story: &Story, p: usize, candidates: &[usize]) -> Vec<usize> {
    let sentence = story.frame(p).sentence;
    candidates
        .iter()
        .copied()
        .filter(|&o| story.frame(o).sentence == sentence)
        .collect()
}

/// The candidates in `p`'s sentence if there are any (`甲银行净息差1.58%，乙银行净息差1.63%，乙银行
/// 高于甲银行0.05个百分点` compares the margins, not the banks' growth rates before), else all.
fn in_sentence_first(story: &Story, p: usize, candidates: Vec<usize>) -> Vec<usize> {
    let near = of_sentence(story, p, &candidates);
    if near.is_empty() {
        candidates
    } else {
        near
    }
}

/// A rate against another subject's or measure's rate.
pub fn against(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let all: Vec<usize> = story
        .members
        .clone()
        .filter(|&p| is_points(story, p))
        .collect();
    for &p in &all {
        let frame = story.frame(p);
        let Reference::Other { name, figure } = &frame.reference else {
            continue;
        };
        // the rate the clause names before 高于 (`乙银行高于甲银行…`) over the one the points
        // were anchored to
        let Some(rate) = rate_named_before(story, p).or(frame.anchor) else {
            continue;
        };
        // `比全省（6.1%）和全国（5.2%）分别高0.8、1.7个百分点`: the k-th points go with the k-th
        // bracketed figure of the clause
        let clause = frame.clause;
        let run: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&o| story.frame(o).clause == clause)
            .collect();
        let k = run.iter().position(|&o| o == p).unwrap_or(0);
        let bracketed: Vec<usize> = story
            .members
            .clone()
            .filter(|&o| {
                story.frame(o).bracketed
                    && story.q(o).kind == story.q(rate).kind
                    && story.q(o).span.start > story.q(rate).span.end
                    && story.q(o).span.end < story.q(p).span.start
                    && story.frame(o).sentence == frame.sentence
            })
            .collect();
        let other = if run.len() > 1 && bracketed.len() == run.len() {
            Some(bracketed[k])
        } else {
            // `甲类、乙类零售额增速分别比全市高10.6个和14.1个百分点`: each points has a rate of
            // its own subject, which one name before the comparison does not pick out
            let before = &story.text[story.frames.layout.clauses[clause].range.start
                ..story
                    .q(p)
                    .span
                    .start
                    .max(story.frames.layout.clauses[clause].range.start)];
            let subjects_listed = before
                .find("分别")
                .is_some_and(|at| before[..at].contains(['、', '和']));
            if run.len() > 1 && subjects_listed {
                continue;
            }
            figure.or_else(|| other_in_brackets_after(story, p, name))
        };
        let reading = |other: usize| {
            let mut roles = Roles::new();
            roles.insert("rate".into(), Binding::One(Var::Stated(rate)));
            roles.insert("other".into(), Binding::One(Var::Stated(other)));
            roles.insert("points".into(), Binding::One(Var::Stated(p)));
            roles
        };
        let span = story.q(rate).span.start..story.q(p).span.end;
        // `降幅高于…涨幅1.6个百分点` sets a fall's size against a rise's: no difference of the two
        // signed rates
        let sizes = story.words().contains(
            "change_noun_down",
            &story.text[story.frames.layout.clauses[clause].range.start..story.q(p).span.start],
        );
        let signed = |q: usize| {
            let negative = story.q(q).number().is_some_and(|v| v.is_sign_negative());
            story.frame(q).sign * if negative { -1 } else { 1 }
        };
        let other = other.filter(|&o| !sizes || signed(o) == signed(rate));
        if let Some(other) = other.filter(|&o| story.q(o).kind == Kind::Percent) {
            out.push(Found::single(span, reading(other), Certainty::Bound));
            continue;
        }
        // `高于进口增幅`: the rate of the measure the name names, in the same period
        if name.chars().count() < 2 {
            continue;
        }
        let words = story.words();
        // `比对照组高15.5个百分点`: without the comparison word the name is a subject, whose
        // rate's name opens with it (对照组总有效率)
        let subject = words.strip_end("lower", words.strip_end("higher", name));
        let subject = (subject.len() < name.len() && subject.chars().count() >= 2)
            .then(|| story.plain_name(subject));
        let name = words.strip_end("change_noun", name).to_string();
        // (the name without the comparison word and the rate's noun: 各项贷款 of 各项贷款增速高)
        let bare = words.strip_end(
            "change_noun",
            words.strip_end("lower", words.strip_end("higher", &name)),
        );
        let rate_aspect = story.frame(rate).aspect;
        // a percentage as a level (女生为40.5%) and as a share (男生选择…的比例为35.6%) are one
        let alike = |a: Aspect, b: Aspect| {
            a == b
                || (matches!(a, Aspect::Level | Aspect::Share)
                    && matches!(b, Aspect::Level | Aspect::Share))
        };
        let rates = story
            .members
            .clone()
            .filter(|&o| {
                o != rate
                    && alike(story.frame(o).aspect, rate_aspect)
                    && story.q(o).kind == story.q(rate).kind
                    && !story.frame(o).bracketed
            })
            .filter(|&o| story.same_period(o, rate));
        let described = |o: usize| story.frame(o).anchor.unwrap_or(o);
        let mut candidates: Vec<usize> = rates
            .clone()
            .filter(|&o| {
                story.names(&name, described(o)) != NameMatch::No
                    || subject.as_ref().is_some_and(|s| {
                        story
                            .plain_name(&story.frame(described(o)).metric)
                            .starts_with(s.as_str())
                    })
            })
            .collect();
        // (by a name inside the measure's only where no rate is named so outright)
        if candidates.is_empty() {
            candidates = rates
                .filter(|&o| names_inside(story, bare, described(o)))
                .collect();
        }
        // (a rate named exactly so, 全省出口, before one whose name merely opens alike,
        // 出口劳动密集型产品, however near)
        let exact: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&o| story.names(&name, described(o)) == NameMatch::Exact)
            .collect();
        if !exact.is_empty() {
            candidates = exact;
        }
        let mut candidates = in_sentence_first(story, p, candidates);
        // the rate the sentence tells of the subject compared with, before any other
        let subject = subject.unwrap_or_else(|| story.plain_name(&name));
        let rate_name = name_before_comparison(story, p)
            .map(|n| story.plain_name(&n))
            .unwrap_or_default();
        if let Some(told) = rate_of_subject(story, &subject, &rate_name, p)
            .filter(|&o| o != rate && story.q(o).kind == story.q(rate).kind)
        {
            candidates.retain(|&o| o != told);
            candidates.insert(0, told);
        }
        candidates.retain(|&o| !sizes || signed(o) == signed(rate));
        if let Some((&first, rest)) = candidates.split_first() {
            out.push(Found {
                span,
                roles: reading(first),
                certainty: Certainty::Inferred,
                alternatives: rest.iter().map(|&o| reading(o)).collect(),
            });
        }
    }
    out
}

/// `农村居民收入增速快于…`: a name whose head stands in the measure's name and whose tail after it
/// (农村居民人均可支配收入), or the other way round (机电产品出口 for 全省出口机电产品), two
/// characters each at least.
fn names_around(story: &Story, name: &str, q: usize) -> bool {
    let name = story.plain_name(name);
    let metric = story.plain_name(&story.frame(q).metric);
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    chars.len() >= 4
        && metric.chars().count() >= chars.len()
        && (2..=chars.len() - 2).any(|k| {
            let at = chars[k].0;
            let (head, tail) = name.split_at(at);
            let around = |a: &str, b: &str| {
                metric
                    .find(a)
                    .is_some_and(|i| metric[i + a.len()..].contains(b))
            };
            around(head, tail) || around(tail, head)
        })
}

/// `比各项贷款增速高11.1个百分点`: a name of four characters or more inside the measure's
/// (金融机构本外币各项贷款余额), short of the whole of it.
fn names_inside(story: &Story, name: &str, q: usize) -> bool {
    let name = story.plain_name(name);
    name.chars().count() >= 4
        && story
            .plain_name(&story.frame(q).metric)
            .contains(name.as_str())
}

/// `一产比重下降0.6个百分点，二产比重下降1.2个百分点，三产比重提高1.8个百分点`: the
/// shares of every part of a partition change by points that add up to nothing, when one
/// sentence gives the change of each part's share.
pub fn points_of_shares(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    let mut sentences: Vec<usize> = story
        .members
        .clone()
        .filter(|&p| is_points(story, p))
        .map(|p| story.frame(p).sentence)
        .collect();
    sentences.dedup();
    for s in sentences {
        // each points figure's own name, from its clause: 第二产业比重
        let named: Vec<(usize, String)> = story
            .frames
            .in_sentence(s)
            .filter(|&p| is_points(story, p) && !story.frame(p).bracketed)
            .map(|p| (p, story.own_label(p).into_owned()))
            .filter(|(_, name)| words.contains("share_noun", name))
            .collect();
        // the part's own share (第二产业比重, 第一产业增加值占比), not a share inside the part
        // (城镇居民服务性消费占比 is of urban spending): at most three characters between the
        // part's name and the share word
        let own_share = |name: &str, word: &str| {
            name.find(word).is_some_and(|at| {
                let rest = &name[at + word.len()..];
                words.class("share_noun").iter().any(|noun| {
                    rest.find(noun.as_str())
                        .is_some_and(|k| rest[..k].chars().count() <= 3)
                })
            })
        };
        // each name's words of every group, read once
        let held: Vec<Vec<Option<usize>>> = named
            .iter()
            .map(|(_, name)| story.partition_words(name))
            .collect();
        for (g, group) in story.rules.partitions.iter().enumerate() {
            let mut found: Vec<Option<usize>> = vec![None; group.len()];
            let mut twice = false;
            for ((p, name), words) in named.iter().zip(&held) {
                if let Some(k) = words[g].filter(|&k| own_share(name, &group[k])) {
                    twice |= found[k].is_some();
                    found[k] = Some(*p);
                }
            }
            let all: Option<Vec<usize>> = found.into_iter().collect();
            let Some(all) = all.filter(|_| !twice) else {
                continue;
            };
            let mut roles = Roles::new();
            roles.insert(
                "points".into(),
                Binding::Many(all.iter().map(|&p| Var::Stated(p)).collect()),
            );
            let first = all.iter().copied().min().unwrap_or(all[0]);
            let last = all.iter().copied().max().unwrap_or(all[0]);
            out.push(Found::single(
                story.q(first).span.start..story.q(last).span.end,
                roles,
                Certainty::Inferred,
            ));
        }
    }
    out
}
