//! A figure with its rate or amount of change (`产量520万吨，比上年增加20万吨，增长4.0%`): the
//! value of the period compared against (the base) is derived, and checked against the figure
//! the story gives for that measure and period, wherever in the story it stands.

use crate::story::NameMatch;
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::{Aspect, Period, Reference};

/// One level and the rate and change that compare it with one earlier period.
pub struct Growth {
    pub current: usize,
    pub rate: Option<usize>,
    pub delta: Option<usize>,
    /// The period compared against, when the copy tells it.
    pub base_period: Option<Period>,
    pub base: Var,
    /// The base is where the level rose from (`从…升至…`), which the rate may not measure from
    /// (a stock's low, not its close): a reading, not the syntax's binding.
    pub from_start: bool,
    /// The level was told in another sentence, found by the name of the figure compared with
    /// (`大豆产量9.62万吨。…大豆产量比上年的8.57万吨增长12.3%`): a reading, not the syntax's.
    pub named_elsewhere: bool,
}

impl Growth {
    /// A rate of a level told in another sentence, found by name, against the figure printed
    /// for the period it compares with.
    fn named_elsewhere(current: usize, rate: usize, base: usize) -> Growth {
        Growth {
            current,
            rate: Some(rate),
            delta: None,
            base_period: None,
            base: Var::Stated(base),
            from_start: false,
            named_elsewhere: true,
        }
    }
}

/// Every level of the story with a rate or change against an earlier period.
pub fn growths(story: &Story) -> Vec<Growth> {
    let mut out = Vec::new();
    let by_name = rates_named_elsewhere(story);
    for current in story.levels() {
        let mut rates = story.describing(current, Aspect::Rate);
        let named_rates: Vec<usize> = by_name
            .iter()
            .filter(|&&(level, _)| level == current)
            .map(|&(_, r)| r)
            .collect();
        if rates.is_empty() {
            rates.clone_from(&named_rates);
        }
        // `涉及金额3.86亿元，比上年增加9件`: a change counts in the level's unit, or it is of
        // another figure
        let mut changes = story.describing(current, Aspect::Change);
        changes.retain(|&c| story.addable(c, current) || story.q(c).unit.is_empty());
        // each comparison (同比, 环比, 比2019年) has a base of its own
        let mut groups: Vec<(Option<Period>, Option<usize>, Option<usize>)> = Vec::new();
        for (figure, is_rate) in rates
            .iter()
            .map(|&r| (r, true))
            .chain(changes.iter().map(|&c| (c, false)))
        {
            // `较年初增长超800亿元，增速达12%`: a rate or change that names no comparison
            // follows the one just before it in its sentence
            let told_before = rates
                .iter()
                .chain(&changes)
                .copied()
                .filter(|&f| {
                    f < figure
                        && story.frame(f).sentence == story.frame(figure).sentence
                        && !matches!(story.frame(f).reference, Reference::Unsaid)
                })
                .max();
            let unsaid = matches!(story.frame(figure).reference, Reference::Unsaid);
            let compared_with = match told_before.filter(|_| unsaid) {
                Some(f) => story.compared_with(f, current),
                None => story.compared_with(figure, current),
            };
            let period = match compared_with {
                Some(p) => Some(p),
                // against a printed figure the period need not be one the reader knows (十年前)
                None if story.compared_level(current, figure).is_some() => None,
                None => continue,
            };
            let slot = groups.iter().position(|g| g.0 == period);
            let slot = match slot {
                Some(k) => k,
                None => {
                    groups.push((period, None, None));
                    groups.len() - 1
                }
            };
            let group = &mut groups[slot];
            if is_rate && group.1.is_none() {
                group.1 = Some(figure);
            } else if !is_rate && group.2.is_none() {
                group.2 = Some(figure);
            }
        }
        // a loss (亏损) falls or rises against a profit: its rate is not one of a positive base
        let clause = &story.frames.layout.clauses[story.frame(current).clause];
        if story.words().contains(
            "loss",
            &story.text[clause.range.start..story.q(current).span.start],
        ) {
            continue;
        }
        for (period, rate, delta) in groups {
            let whole_fall = rate.is_some_and(|r| {
                story.frame(r).sign < 0
                    && story
                        .q(r)
                        .number()
                        .is_some_and(|v| v >= rust_decimal::Decimal::ONE_HUNDRED)
            });
            if whole_fall {
                continue;
            }
            // the figure compared against, when the copy prints it (`比十年前的3.1人减少0.5人`)
            let compared = [rate, delta]
                .into_iter()
                .flatten()
                .min()
                .and_then(|first| story.compared_level(current, first));
            // `从2.10元升至3.84元，涨幅达…`: a change that names no period is from where the
            // level rose from
            let unsaid = [rate, delta]
                .into_iter()
                .flatten()
                .all(|f| matches!(story.frame(f).reference, Reference::Unsaid));
            let start = start_of(story, current).filter(|_| unsaid && compared.is_none());
            if let Some(base) = compared.or(start) {
                out.push(Growth {
                    current,
                    rate,
                    delta,
                    base_period: period,
                    base: Var::Stated(base),
                    from_start: start.is_some(),
                    named_elsewhere: rate.is_some_and(|r| named_rates.contains(&r)),
                });
                continue;
            }
            let metric = &story.frame(current).metric;
            // a period of no known year names nothing: the base is then the earlier period's
            let name = period
                .map(|p| story.earlier_name(current, &p, metric))
                .filter(|n| !n.is_empty() && !metric.is_empty() && n != metric);
            out.push(Growth {
                current,
                rate,
                delta,
                base_period: period,
                base: story.derived(
                    format!("base:{}", story.earlier_key(current, period)),
                    current,
                    name.or_else(|| {
                        Some(format!("上期{metric}").replace(
                            "上期",
                            if metric.is_empty() {
                                "上期值"
                            } else {
                                "上期"
                            },
                        ))
                    }),
                ),
                from_start: false,
                named_elsewhere: rate.is_some_and(|r| named_rates.contains(&r)),
            });
        }
    }
    out.extend(told_elsewhere(story));
    out.extend(rates_after_the_earlier_figure(story));
    out
}

/// `去年同期，全市破获刑事案件2483起，今年同比上升14.6%`: a rate after an earlier period's figure
/// in its sentence, with this year named, is of the level told before under that name, and the
/// earlier figure is its base.
fn rates_after_the_earlier_figure(story: &Story) -> Vec<Growth> {
    let mut out = Vec::new();
    for r in story.members.clone() {
        let frame = story.frame(r);
        if frame.aspect != Aspect::Rate || frame.compared {
            continue;
        }
        let Some(earlier) = story
            .before_in_sentence(r)
            .find(|&b| story.is_level(b))
            .filter(|&b| story.is_earlier_figure(b) && frame.anchor.is_none_or(|a| a == b))
        else {
            continue;
        };
        // (this year named between them: the rate is not the earlier figure's own)
        let between = &story.text[story.q(earlier).span.end..story.q(r).span.start];
        if story.words().find("this_year", between).is_none() {
            continue;
        }
        let name = story.plain_name(&story.frame(earlier).metric);
        let named: Vec<usize> = story
            .levels()
            .filter(|&c| c < earlier && !story.in_headline(c) && !story.is_earlier_figure(c))
            .filter(|&c| story.q(c).unit == story.q(earlier).unit)
            // the same measure: the names end alike for four characters or more, and what the
            // earlier name says before that ending (its verb: 侦破) the level's name says too
            .filter(|&c| {
                let metric = story.plain_name(&story.frame(c).metric);
                let ending = crate::story::common_ending(&name, &metric);
                let head: String = name.chars().take(name.chars().count() - ending).collect();
                ending >= 4 && metric.contains(head.as_str())
            })
            .collect();
        if let [current] = named[..] {
            out.push(Growth::named_elsewhere(current, r, earlier));
        }
    }
    out
}

/// `旅游收入71.35亿元。…旅游收入同比增长12.3%`: a rate in a sentence of its own with no level
/// there, whose name names exactly one level told before (not an earlier period's figure):
/// (the level, the rate).
fn rates_named_elsewhere(story: &Story) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for r in story.members.clone() {
        let frame = story.frame(r);
        if frame.aspect != Aspect::Rate
            || frame.anchor.is_some()
            || frame.compared
            || story.in_headline(r)
            || story.plain_name(&frame.metric).chars().count() < 2
        {
            continue;
        }
        // (a rate of a sentence with a level of its own is that sentence's, found or not)
        if story
            .members
            .clone()
            .any(|o| story.frame(o).sentence == frame.sentence && story.is_level(o))
        {
            continue;
        }
        let named: Vec<usize> = story
            .levels()
            .filter(|&c| c < r && !story.in_headline(c) && !story.is_earlier_figure(c))
            .filter(|&c| story.same_period(c, r))
            .filter(|&c| names_the_level(story, &frame.metric, c))
            .collect();
        if let [level] = named[..] {
            out.push((level, r));
        }
    }
    out
}

/// The rate's name is the level's, or ends it past the level's subject or verb (旅游收入 for
/// 实现旅游收入), when it says four characters or more.
fn names_the_level(story: &Story, name: &str, level: usize) -> bool {
    let plain = story.plain_name(name);
    match story.names(name, level) {
        NameMatch::Exact => true,
        NameMatch::Partial => {
            plain.chars().count() >= 4
                && story
                    .plain_name(&story.frame(level).metric)
                    .ends_with(plain.as_str())
        }
        NameMatch::No => false,
    }
}

/// `大豆产量9.62万吨。…全年大豆产量比上年的8.57万吨增长12.3%`: a rate that describes no level
/// of its sentence, after the figure it compares with, is of the story's level that the
/// compared figure's name names exactly (the one such level, of the rate's period).
fn told_elsewhere(story: &Story) -> Vec<Growth> {
    let mut out = Vec::new();
    for r in story.members.clone() {
        let frame = story.frame(r);
        if frame.aspect != Aspect::Rate || frame.anchor.is_some() || frame.compared {
            continue;
        }
        let Some(compared) = story
            .before_in_sentence(r)
            .take_while(|&b| story.frame(b).clause + 1 >= frame.clause)
            .find(|&b| {
                let f = story.frame(b);
                f.compared && f.aspect == Aspect::Level && crate::story::is_amount(story.q(b))
            })
        else {
            continue;
        };
        let name = story.frame(compared).metric.clone();
        let named: Vec<usize> = story
            .levels()
            .filter(|&c| c < compared && !story.frame(c).compared && !story.is_earlier_figure(c))
            .filter(|&c| story.q(c).unit == story.q(compared).unit && story.same_period(c, r))
            .filter(|&c| story.names(&name, c) == NameMatch::Exact)
            .collect();
        if let [current] = named[..] {
            out.push(Growth::named_elsewhere(current, r, compared));
        }
    }
    out
}

/// The figure a level rose or fell from in its own clause (`从2.10元升至3.84元`): the figure
/// just before it (dates aside), after a from-word, in the same unit, with 至 or 到 between.
fn start_of(story: &Story, current: usize) -> Option<usize> {
    let clause = story.frame(current).clause;
    let start = story
        .before_in_sentence(current)
        .take_while(|&p| story.frame(p).clause == clause)
        .find(|&p| story.q(p).kind != factcheck_numbers::Kind::Date)?;
    let (end, next) = (story.q(start).span.end, story.q(current).span.start);
    let between = &story.text[end.min(next)..next];
    (story.starts_from(start)
        && story.is_level(start)
        && story.q(start).unit == story.q(current).unit
        && between.contains(['至', '到']))
    .then_some(start)
}

pub fn growth(story: &Story) -> Vec<Found> {
    story
        .growths()
        .iter()
        .filter_map(|g| {
            // a rate in real terms says nothing of a change or base at current prices
            let real = rate_in_real_terms(story, g);
            let rate = g
                .rate
                .filter(|_| !real || (g.delta.is_none() && !matches!(g.base, Var::Stated(_))));
            if rate.is_none() && g.delta.is_none() {
                return None;
            }
            let mut roles = Roles::new();
            roles.insert("current".into(), Binding::One(Var::Stated(g.current)));
            roles.insert("base".into(), Binding::One(g.base.clone()));
            if let Some(r) = rate {
                roles.insert("rate".into(), Binding::One(Var::Stated(r)));
            }
            if let Some(d) = g.delta {
                roles.insert("delta".into(), Binding::One(Var::Stated(d)));
            }
            let end = [g.rate, g.delta]
                .into_iter()
                .flatten()
                .map(|q| story.q(q).span.end)
                .max()
                .unwrap_or(story.q(g.current).span.end);
            let certainty = if g.from_start {
                Certainty::Weak
            } else if g.named_elsewhere {
                Certainty::Inferred
            } else {
                Certainty::Bound
            };
            Some(Found::single(
                story.q(g.current).span.start..end,
                roles,
                certainty,
            ))
        })
        .collect()
}

/// Is the rate of `g` in real terms (`按可比价格计算，…增长5.1%`, `实际增长`), said in the statement
/// of its level (from the semicolon before the level, or its sentence's start) up to the rate's
/// clause's end?
fn rate_in_real_terms(story: &Story, g: &Growth) -> bool {
    let Some(r) = g.rate else {
        return false;
    };
    let frame = story.frame(r);
    let sentence = &story.frames.layout.sentences[story.frame(g.current).sentence];
    let clause = &story.frames.layout.clauses[frame.clause];
    let level_at = story.q(g.current).span.start.max(sentence.range.start);
    let start = story.text[sentence.range.start..level_at]
        .rfind('；')
        .map_or(sentence.range.start, |i| sentence.range.start + i);
    let end = clause.range.end.max(story.q(r).span.end);
    story.says_between("real_terms", start, end)
}

/// The base a growth implies, against the figure the story states for the same measure in the
/// period compared against (`较2023年增长22.4%` … `2023年为16.2亿元`).
pub fn base_stated(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for g in story.growths() {
        let Some(period) = g.base_period else {
            continue;
        };
        // (a base the comparison prints is the growth's own: nothing to restate)
        if matches!(g.base, Var::Stated(_)) {
            continue;
        }
        // a base derived from a rate in real terms is no figure at current prices
        if g.delta.is_none() && rate_in_real_terms(story, g) {
            continue;
        }
        // with no year known, only a figure named as the earlier period's (上年同期…为) is
        // the base
        let year_known = period.year.is_some();
        let metric = story.frame(g.current).metric.clone();
        if metric.chars().count() < 2 {
            continue;
        }
        let changes_unnamed = |b: usize, period: &factcheck_frames::Period| {
            let sentence = &story.frames.layout.sentences[story.frame(b).sentence];
            let text = &story.text[sentence.range.clone()];
            story.growths().iter().any(|o| o.current == b)
                && period.year.is_some_and(|y| !text.contains(&y.to_string()))
        };
        // 比2023年执行数增长: the base is the outturn, not a budget of the same name
        let compared_measure = [g.rate, g.delta].into_iter().flatten().find_map(|r| {
            let clause = &story.frames.layout.clauses[story.frame(r).clause];
            let before =
                &story.text[clause.range.start.min(story.q(r).span.start)..story.q(r).span.start];
            story.words().find("measure_tail", before).map(|(_, w)| w)
        });
        let mut candidates: Vec<(usize, NameMatch)> = story
            .levels()
            .filter(|&b| b != g.current && story.addable(b, g.current))
            .filter(|&b| compared_measure.is_none_or(|w| story.frame(b).metric.contains(w)))
            .filter(|&b| {
                let of_period = |p: factcheck_frames::Period| {
                    if year_known {
                        p.equals(&period)
                    } else {
                        p.may_equal(&period) && story.is_earlier_figure(b)
                    }
                };
                story.frame(b).period.is_some_and(of_period)
            })
            // a level with a rate of its own is its story's current figure unless its sentence
            // names the earlier year (中国移动净利润…同比增长29.6% is no other company's base)
            .filter(|&b| !changes_unnamed(b, &period))
            .filter(|&b| {
                story.frame(b).scope == story.frame(g.current).scope
                    || story.frame(b).sentence != story.frame(g.current).sentence
                    || story.names_no_measure(b)
                    || story.names_only_a_time(b)
            })
            .map(|b| (b, story.names_earlier(g.current, b)))
            .filter(|(_, m)| *m != NameMatch::No)
            .collect();
        candidates.sort_by_key(|(b, m)| (std::cmp::Reverse(*m), *b));
        let Some(&(best, how)) = candidates.first() else {
            continue;
        };
        let reading = |b: usize| {
            let mut roles = Roles::new();
            roles.insert("base".into(), Binding::One(g.base.clone()));
            roles.insert("stated".into(), Binding::One(Var::Stated(b)));
            roles
        };
        let certainty = match (how, candidates.len()) {
            // (a rate bound to its level by name alone binds no base either)
            (NameMatch::Exact, 1) if g.named_elsewhere => Certainty::Inferred,
            (NameMatch::Exact, 1) => Certainty::Bound,
            (NameMatch::Exact, _) => Certainty::Inferred,
            _ => Certainty::Weak,
        };
        out.push(Found {
            span: story.q(best).span.clone(),
            roles: reading(best),
            certainty,
            alternatives: candidates[1..].iter().map(|&(b, _)| reading(b)).collect(),
        });
    }
    out
}
