//! A part's share of a whole: `占全省的40%`, `占比41%`, `是上年的80%`. The whole is the figure in
//! brackets beside its name, else the story's figure the name names (every one that does is a
//! reading), else the total the part is listed under, else a derived value that every share of
//! the same whole shares.

use crate::story::NameMatch;
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;
use factcheck_numbers::Kind;
use rust_decimal::Decimal;

pub fn share(story: &Story) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let unnamed = unnamed_wholes(story);
    // the whole the first share of a sentence named (`占全省进出口总值的59.6%；…占28.5%`), which
    // the shares after it that name none go on to be of
    let mut named_in_sentence: std::collections::HashMap<usize, (Var, usize, Certainty)> =
        std::collections::HashMap::new();
    // the whole each part's share was read as being of, by part
    let mut whole_of: std::collections::HashMap<usize, Var> = std::collections::HashMap::new();
    let mut recorded = 0;
    for s in story.members.clone() {
        for f in &out[recorded..] {
            if let (Some(Binding::One(Var::Stated(p))), Some(Binding::One(w))) =
                (f.roles.get("part"), f.roles.get("whole"))
            {
                whole_of.insert(*p, w.clone());
            }
        }
        recorded = out.len();
        let frame = story.frame(s);
        if frame.aspect != Aspect::Share {
            continue;
        }
        let Some(part) = frame
            .anchor
            .filter(|&p| crate::story::is_amount(story.q(p)))
            .or_else(|| part_named_before(story, s))
        else {
            continue;
        };
        let reading = |whole: Var| {
            let mut roles = Roles::new();
            roles.insert("part".into(), Binding::One(Var::Stated(part)));
            roles.insert("whole".into(), Binding::One(whole));
            roles.insert("share".into(), Binding::One(Var::Stated(s)));
            roles
        };
        let span = story.q(part).span.start..story.q(s).span.end;
        let found = |roles: Roles, certainty: Certainty, alternatives: Vec<Roles>| Found {
            span: span.clone(),
            roles,
            certainty,
            alternatives,
        };
        // a later part of a run smaller than the first may be a share of the first part itself
        // (`新登记企业3.41万户，占新登记市场主体的39.6%；第三产业企业2.68万户，占78.6%`)
        // — only when the sentence's shares so far pass 100%, as shares of one whole cannot
        let past_whole = || {
            let so_far: Decimal = story
                .frames
                .in_sentence(frame.sentence)
                .filter(|&o| o <= s && story.frame(o).aspect == Aspect::Share)
                .filter_map(|o| story.q(o).number())
                .sum();
            so_far > Decimal::new(1005, 1)
        };
        let of_first = |first: usize| -> Vec<Roles> {
            let smaller = story.q(part).number() < story.q(first).number();
            if smaller && first != part && past_whole() {
                vec![reading(Var::Stated(first))]
            } else {
                Vec::new()
            }
        };
        // a whole each part has its own of (各自…, 全年目标任务) is no whole of the shares after
        let inheritable = frame.whole.as_ref().is_none_or(|(_, name)| {
            let plain = story.plain_name(name);
            !name.contains('各') && story.words().ending("own_plan", &plain).is_none()
        });
        // 约占全市（300亿元）的15%, 占播种面积35.12万亩的81%: the whole's figure stands beside
        // its name
        if let Some((range, _)) = &frame.whole {
            let beside = story.members.clone().find(|&w| {
                let between = story
                    .text
                    .get(story.q(w).span.end..story.q(s).span.start)
                    .unwrap_or("");
                w != part
                    && (story.frame(w).bracketed
                        || (between.ends_with('的')
                            && between.chars().count() <= 8
                            && between.chars().all(factcheck_text::chars::is_han)))
                    && story.q(w).span.start >= range.start
                    && story.q(w).span.end <= story.q(s).span.start
                    && story.addable(w, part)
            });
            if let Some(w) = beside {
                if inheritable {
                    named_in_sentence.entry(frame.sentence).or_insert((
                        Var::Stated(w),
                        part,
                        Certainty::Inferred,
                    ));
                }
                out.push(found(reading(Var::Stated(w)), Certainty::Bound, Vec::new()));
                continue;
            }
        }
        let listed_under = story
            .parts_lists()
            .iter()
            .find(|l| l.parts.contains(&part) && l.shares_of_total)
            .map(|l| l.total);
        let Some((_, name)) = &frame.whole else {
            // the whole the first share of the sentence named, when the part goes on its run
            // (`第三产业企业2.68万户，占新登记企业的78.6%；第二产业企业0.61万户，占17.9%`): the
            // copy's own word over a list's total read from the structure
            let run_whole = named_in_sentence
                .get(&frame.sentence)
                .filter(|(whole, first, _)| {
                    matches!(whole, Var::Stated(_))
                        && continues_run(story, *first, part)
                        && *whole != Var::Stated(part)
                });
            if let Some((whole, first, certainty)) = run_whole {
                out.push(found(reading(whole.clone()), *certainty, of_first(*first)));
                continue;
            }
            // 占比41%: the whole is the total the part is listed under, or in a list nested in
            // another (60岁以上…，其中65岁以上…占18.83%) the total that one is listed under
            if let Some(total) = listed_under {
                let mut outer = Vec::new();
                let mut inner = total;
                while let Some(up) = story
                    .parts_lists()
                    .iter()
                    .find(|l| l.parts.contains(&inner) && l.shares_of_total)
                    .map(|l| l.total)
                    .filter(|t| *t != total && !outer.contains(t))
                {
                    outer.push(up);
                    inner = up;
                }
                // or a larger level before the total that it is a part of (年末常住人口52.36万人。
                // 60岁以上13.19万人，占25.19%，其中65岁以上9.86万人，占18.83%)
                let larger = |w: usize| {
                    story.q(w).number().unwrap_or_default()
                        > story.q(total).number().unwrap_or_default()
                };
                let above: Vec<usize> = story
                    .levels()
                    .filter(|&w| w < total && !outer.contains(&w) && larger(w))
                    // of the part's year: a stock at the year's end counts the year's people
                    .filter(|&w| story.addable(w, part) && story.same_year(w, part))
                    .filter(|&w| !story.in_headline(w) && !story.frame(w).compared)
                    .filter(|&w| !story.is_earlier_figure(w))
                    .collect();
                outer.extend(above);
                let mut alternatives: Vec<Roles> =
                    outer.into_iter().map(|t| reading(Var::Stated(t))).collect();
                // a total with a share of its own (60岁及以上…占21.15%，其中65岁及以上…占15.14%):
                // the part's share may be of the whole that one is of: the one that share was
                // read of, else one nothing here states
                if !story.describing(total, Aspect::Share).is_empty() {
                    match whole_of.get(&total) {
                        Some(whole @ Var::Stated(_)) => alternatives = vec![reading(whole.clone())],
                        _ => {
                            let key = format!("whole:outer|{total}");
                            alternatives.push(reading(story.derived(key, part, None)));
                        }
                    }
                }
                out.push(found(
                    reading(Var::Stated(total)),
                    Certainty::Inferred,
                    alternatives,
                ));
            } else if let Some((whole, first, certainty)) = named_in_sentence
                .get(&frame.sentence)
                .filter(|(whole, first, _)| {
                    continues_run(story, *first, part) && *whole != Var::Stated(part)
                })
            {
                out.push(found(reading(whole.clone()), *certainty, of_first(*first)));
            } else if let Some(group) = group_named(story, part) {
                // `初中生达标的有736人，占37.9%`: of the group the part's name opens with, whose
                // figure the story gave (初中生1943人)
                out.push(found(
                    reading(Var::Stated(group)),
                    Certainty::Inferred,
                    Vec::new(),
                ));
            } else if let Some(key) = unnamed.get(&s) {
                // `本科生2108人，占74.1%；硕士研究生652人，占22.9%`: one whole nobody prints,
                // which each part and its share must give alike
                let derived = story.derived(key.clone(), part, None);
                out.push(found(reading(derived), Certainty::Inferred, Vec::new()));
            }
            continue;
        };
        // 为调整预算的96.8%: a plan or budget named alone is the part's own, given in its sentence
        let own_plan = story.words().is("own_plan", &story.plain_name(name));
        let mut candidates: Vec<(usize, NameMatch)> = story
            .levels()
            .filter(|&w| w != part && story.addable(w, part) && story.same_period(w, part))
            .filter(|&w| !own_plan || story.frame(w).sentence == story.frame(part).sentence)
            .filter(|&w| !another_place(story, w, part))
            .filter(|&w| !story.in_headline(w) || story.in_headline(part))
            .map(|w| (w, story.names(name, w)))
            .filter(|(_, m)| *m != NameMatch::No)
            .collect();
        // the total the part is listed under, unless the share names one part of the total's
        // partition (占出口总值 under a total of 进出口)
        let names_other = |total: usize| story.names_part_of_whole_in(name, total);
        if let Some(total) = listed_under.filter(|&t| !names_other(t)) {
            if !candidates.iter().any(|(w, _)| *w == total) {
                candidates.push((total, NameMatch::Partial));
            }
        }
        // the nearest exact name first
        candidates.sort_by_key(|&(w, m)| {
            (
                std::cmp::Reverse(m),
                story.q(w).span.start.abs_diff(story.q(part).span.start),
            )
        });
        match candidates.first() {
            Some(&(best, how)) => {
                let exact = candidates
                    .iter()
                    .filter(|c| c.1 == NameMatch::Exact)
                    .count();
                let certainty = match (how, exact) {
                    (NameMatch::Exact, 1) => Certainty::Bound,
                    (NameMatch::Exact, _) => Certainty::Inferred,
                    // 占全国的18.9%: a place alone names no measure, so the total the part is
                    // listed under is the whole, unless it is another place's
                    _ if Some(best) == listed_under && names_territory_alone(story, name, best) => {
                        Certainty::Inferred
                    }
                    // a name that only ends like the whole's may name another measure
                    _ => Certainty::Weak,
                };
                let alternatives = candidates[1..]
                    .iter()
                    .map(|&(w, _)| reading(Var::Stated(w)))
                    .collect();
                // (a whole read weakly is no whole for the shares after it: they are of one
                // whole with this share's, whatever its figure)
                if !inheritable {
                    // (each share's own whole: nothing to hand on)
                } else if certainty != Certainty::Weak {
                    named_in_sentence.entry(frame.sentence).or_insert((
                        Var::Stated(best),
                        part,
                        certainty.min(Certainty::Inferred),
                    ));
                } else if !named_in_sentence.contains_key(&frame.sentence)
                    && story.frames.in_sentence(frame.sentence).any(|o| {
                        o > s
                            && story.frame(o).aspect == Aspect::Share
                            && story.frame(o).whole.is_none()
                    })
                {
                    let key = format!("whole:{}|run@{}", story.plain_name(name), frame.sentence);
                    let derived = story.derived(key, part, Some(name.clone()));
                    named_in_sentence
                        .insert(frame.sentence, (derived.clone(), part, Certainty::Inferred));
                    out.push(found(reading(derived), Certainty::Inferred, Vec::new()));
                }
                out.push(found(reading(Var::Stated(best)), certainty, alternatives));
            }
            None => {
                // nothing states the whole: derive it, shared by the shares of the same whole
                // each share derives its own: two shares of `仓位` may be of two funds' holdings;
                // but shares of one name in a run of one sentence (`…分别占受理总量的50.0%、
                // 25.0%`) are of one whole
                let run_whole = named_in_sentence.get(&frame.sentence).filter(
                    |(whole, first, _)| {
                        matches!(whole, Var::Derived(d) if d.name.as_deref() == Some(name.as_str()))
                            && continues_run(story, *first, part)
                    },
                );
                if let Some((whole, first, certainty)) = run_whole {
                    out.push(found(reading(whole.clone()), *certainty, of_first(*first)));
                    continue;
                }
                let key = format!("whole:{}|{part}", story.plain_name(name));
                let derived = story.derived(key, part, Some(name.clone()));
                if !inheritable {
                    out.push(found(reading(derived), Certainty::Inferred, Vec::new()));
                    continue;
                }
                named_in_sentence.entry(frame.sentence).or_insert((
                    derived.clone(),
                    part,
                    Certainty::Inferred,
                ));
                out.push(found(reading(derived), Certainty::Inferred, Vec::new()));
            }
        }
    }
    out
}

/// Runs of shares in one sentence, one after another, whose names hold each word of a partition
/// group once (`男性占51.2%，女性占48.8%`; `城镇人口占…，乡村人口占…`), of no whole they name
/// (`占全国的3.2%` may be a share of another total): shares of parts that leave nothing out.
pub(super) fn partition_share_runs(story: &Story) -> Vec<Vec<usize>> {
    let shares: Vec<usize> = story
        .members
        .clone()
        .filter(|&s| {
            let frame = story.frame(s);
            // (占 names the part: `男性中有62%支持` is a share of the men, not of all)
            let of_all = frame
                .word
                .as_ref()
                .is_some_and(|(_, w)| story.words().is("share_verb", w));
            // (and the part named in the share's own clause is no group of its own: `男性中
            // 吸烟者占…` is a share of the men)
            let clause = &story.frames.layout.clauses[frame.clause];
            let own = story
                .text
                .get(clause.range.start..story.q(s).span.start)
                .unwrap_or("");
            frame.aspect == Aspect::Share
                && of_all
                && frame.whole.is_none()
                && !own.contains('中')
                && frame.anchor.is_none()
                && !frame.bracketed
                && story.q(s).kind == factcheck_numbers::Kind::Percent
        })
        .collect();
    let held: Vec<Vec<Option<usize>>> = shares
        .iter()
        .map(|&s| story.partition_words(&story.frame(s).metric))
        .collect();
    let mut runs = Vec::new();
    for (g, group) in story.rules.partitions.iter().enumerate() {
        let n = group.len();
        for (at, window) in shares.windows(n).enumerate() {
            let sentence = story.frame(window[0]).sentence;
            // one scope for all: no `…中，` opening another group between them (`新增就业人员中，
            // 女性占48%；返乡创业人员中，男性占70%`)
            let between = story
                .text
                .get(story.q(window[0]).span.end..story.q(window[n - 1]).span.start)
                .unwrap_or("");
            if window.iter().all(|&s| story.frame(s).sentence == sentence)
                && !between.contains("中，")
                && super::parts::names_each_once(n, held[at..at + n].iter().map(|h| h[g]))
                && !runs.contains(&window.to_vec())
            {
                runs.push(window.to_vec());
            }
        }
    }
    runs
}

/// Does a share's whole name only a place (全国, 全省的), one the total's own name does not
/// contradict?
fn names_territory_alone(story: &Story, name: &str, total: usize) -> bool {
    let words = story.words();
    let Some(place) = words.starting("territory", name) else {
        return false;
    };
    let frame = story.frame(total);
    let clause = &story.frames.layout.clauses[frame.clause];
    let lead =
        &story.text[clause.range.start.min(story.q(total).span.start)..story.q(total).span.start];
    let total_place = [frame.scope.as_str(), lead]
        .into_iter()
        .find_map(|named| words.find("territory", named).map(|(_, w)| w));
    story.plain_name(name).is_empty() && total_place.is_none_or(|t| t == place)
}

/// Is `part` one more of the run that `first` opened (a level of the same unit, its name ending
/// alike, in a later clause)?
fn continues_run(story: &Story, first: usize, part: usize) -> bool {
    part > first
        && story.q(part).unit == story.q(first).unit
        && story.frame(part).aspect == Aspect::Level
        && crate::story::common_ending(&story.frame(part).metric, &story.frame(first).metric) >= 1
}

/// Shares that name no whole (`占74.1%`), two or more in one sentence, each right after its
/// part, the parts alike (one unit, names ending alike: 本科生, 硕士研究生): the key of the one
/// whole they share, by share.
fn unnamed_wholes(story: &Story) -> std::collections::HashMap<usize, String> {
    let mut by_sentence: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    for s in story.members.clone() {
        let frame = story.frame(s);
        if frame.aspect != Aspect::Share || frame.whole.is_some() || frame.bracketed {
            continue;
        }
        let Some(part) = frame.anchor.filter(|&p| story.is_level(p)) else {
            continue;
        };
        // (its rate of change may stand between: `…4583元，增长3.8%，占22.2%`)
        if story.frame(part).clause + 2 < frame.clause {
            continue;
        }
        by_sentence
            .entry(frame.sentence)
            .or_default()
            .push((s, part));
    }
    let mut keys = std::collections::HashMap::new();
    for (sentence, run) in by_sentence {
        let (_, first) = run[0];
        let alike = run.iter().all(|&(_, p)| {
            p == first
                || (story.q(p).unit == story.q(first).unit
                    && crate::story::common_ending(
                        &story.frame(p).metric,
                        &story.frame(first).metric,
                    ) >= 1)
        });
        let parts: std::collections::BTreeSet<usize> = run.iter().map(|&(_, p)| p).collect();
        // shares of one whole by parts apart add up to 100% at most; `小学生达标的有1127人，占
        // 47.2%；初中生达标的…` names who of each group: each share is of its own group
        let total: Decimal = run.iter().filter_map(|&(s, _)| story.q(s).number()).sum();
        let of_groups = run.iter().any(|&(_, p)| group_named(story, p).is_some());
        // shares that add up to 100% (as printed, give or take their rounding) are of one whole
        // whatever their parts are called (60～69岁…占48.6%；70～79岁…占36.3%；80岁及以上…)
        let slack = Decimal::new(5, 2) * Decimal::from(run.len());
        let whole_partition = (total - Decimal::ONE_HUNDRED).abs() <= slack
            && run
                .iter()
                .all(|&(_, p)| story.q(p).unit == story.q(first).unit);
        // (`男性受访者中吸烟者…，占47.6%`: a share of a group the part's name opens with, 中 after
        // a noun of people or households; not 中级, 中等)
        let of_subgroup = run.iter().any(|&(_, p)| {
            let metric: Vec<char> = story.frame(p).metric.chars().collect();
            metric
                .windows(2)
                .any(|w| w[1] == '中' && "者人员生户".contains(w[0]))
        });
        if run.len() < 2
            || parts.len() < run.len()
            || of_subgroup
            || !(alike || whole_partition)
            || of_groups
            || total > Decimal::new(1005, 1)
        {
            continue;
        }
        for (s, _) in run {
            keys.insert(s, format!("whole:unnamed@{sentence}"));
        }
    }
    keys
}

/// `初中生达标的有736人`: the level before the part, of its unit, whose name (two characters or
/// more) the part's opens with, the part's naming who among them (a name that goes on to 的).
fn group_named(story: &Story, part: usize) -> Option<usize> {
    let metric = &story.frame(part).metric;
    let (who, _) = metric.split_once('的')?;
    story
        .levels()
        .filter(|&g| g < part && story.addable(g, part) && !story.frame(g).compared)
        .filter(|&g| {
            let name = story.plain_name(&story.frame(g).metric);
            name.chars().count() >= 2 && who.starts_with(name.as_str()) && who != name
        })
        .last()
}

/// `第三产业增加值占地区生产总值的比重为65.7%`, `第二产业增加值比重为35.1%`: a share whose
/// clause names its part before 占 (or before 比重, 占比) with no figure of its own is of the
/// nearest level before it that the name names exactly.
fn part_named_before(story: &Story, s: usize) -> Option<usize> {
    let words = story.words();
    let clause = &story.frames.layout.clauses[story.frame(s).clause];
    let lead = &story.text[clause.range.start..story.q(s).span.start.max(clause.range.start)];
    let (at, _) = words
        .find("share_verb", lead)
        .or_else(|| words.find("share_noun", lead))?;
    let name = crate::story::han(&lead[..at]);
    let name = story.plain_name(&name);
    if name.chars().count() < 2 {
        return None;
    }
    story
        .levels()
        .filter(|&p| p < s && crate::story::is_amount(story.q(p)))
        .filter(|&p| story.names(&name, p) == NameMatch::Exact)
        // (a share planned for a later year is no share of this year's figure)
        .filter(|&p| story.same_period(p, s))
        .last()
}

/// A whole in another paragraph measured for a place the part's sentence never names
/// (`西藏自治区…进出口总值` paragraphs after `民营企业进出口…占进出口总值的54.3%`): another
/// subject's figure, not the whole of this share.
fn another_place(story: &Story, whole: usize, part: usize) -> bool {
    let layout = &story.frames.layout;
    let (ws, ps) = (story.frame(whole).sentence, story.frame(part).sentence);
    if layout.sentences[ws].paragraph == layout.sentences[ps].paragraph {
        return false;
    }
    let Some(place) = leading_place(story, &story.frame(whole).metric) else {
        return false;
    };
    !story.text[layout.sentences[ps].range.clone()].contains(place)
}

/// The place a name opens with (西藏自治区, 甲县, 乙市): two to five characters ending in a word
/// for a place; the story's own 全市, 我省 are no other place.
fn leading_place<'n>(story: &Story, name: &'n str) -> Option<&'n str> {
    let words = story.words();
    let name = words.strip_start("own_subject", name);
    let end = name
        .char_indices()
        .take(5)
        .skip(1)
        .find(|&(i, c)| words.ending("place", &name[..i + c.len_utf8()]).is_some())
        .map(|(i, c)| i + c.len_utf8())?;
    let place = &name[..end];
    (!words.contains("own_subject", place)).then_some(place)
}

/// `三次产业结构为7.3:37.8:54.8` after the total and its parts: each ratio is its part's share of
/// the total, in the order the parts were listed. Where one sentence gives two structures (由…
/// 调整为…), the last is the one of the period the parts are of.
pub fn structure(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for run in colon_runs(story) {
        let last = *run.last().unwrap_or(&run[0]);
        let sentence = story.frame(run[0]).sentence;
        // a later structure in the same sentence replaces this one
        let later = colon_runs_after(story, last)
            .is_some_and(|next| story.frame(next).sentence == sentence);
        if later {
            continue;
        }
        // terms in percent add up to about 100: `医护比为1:1.18` is no structure
        let sum: Decimal = run.iter().filter_map(|&q| story.q(q).number()).sum();
        if (sum - Decimal::ONE_HUNDRED).abs() > Decimal::from(run.len()) {
            continue;
        }
        let start = story.q(run[0]).span.start;
        let Some(list) = story
            .parts_lists()
            .iter()
            .filter(|l| l.complete.is_some() && l.parts.len() == run.len() && l.span.end <= start)
            .max_by_key(|l| l.span.end)
        else {
            continue;
        };
        let period = |q: usize| story.frame(q).period;
        if let (Some(a), Some(b)) = (period(run[0]), period(list.total)) {
            if a != b {
                continue;
            }
        }
        for (&part, &share) in list.parts.iter().zip(&run) {
            let mut roles = Roles::new();
            roles.insert("part".into(), Binding::One(Var::Stated(part)));
            roles.insert("whole".into(), Binding::One(Var::Stated(list.total)));
            roles.insert("share".into(), Binding::One(Var::Stated(share)));
            out.push(Found::single(
                story.q(part).span.start..story.q(share).span.end,
                roles,
                Certainty::Inferred,
            ));
        }
    }
    out
}

/// A structure printed as ratios after a structure word (`三次产业结构为7.3:37.8:54.8`) whose
/// terms are percentages: they add up to 100.
pub fn structure_terms(story: &Story) -> Vec<Found> {
    colon_runs(story)
        .into_iter()
        .filter_map(|run| {
            let first = run[0];
            let sentence = &story.frames.layout.sentences[story.frame(first).sentence];
            let before = &story.text[sentence.range.start..story.q(first).span.start];
            if !story.words().contains("structure_noun", before) {
                return None;
            }
            let values: Vec<Decimal> = run
                .iter()
                .map(|&q| story.q(q).number())
                .collect::<Option<_>>()?;
            // terms that are percentages add up to about 100; `1:2.5` compares, it parts nothing
            let sum: Decimal = values.iter().sum();
            if values[0] == Decimal::ONE || sum < Decimal::from(90) || sum > Decimal::from(110) {
                return None;
            }
            let mut roles = Roles::new();
            roles.insert(
                "terms".into(),
                Binding::Many(run.iter().map(|&q| Var::Stated(q)).collect()),
            );
            let span = story.q(first).span.start..story.q(run[run.len() - 1]).span.end;
            Some(Found::single(span, roles, Certainty::Inferred))
        })
        .collect()
}

/// Runs of two or more ratios printed with colons between them (`7.3:37.8:54.8`).
fn colon_runs(story: &Story) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for q in story.members.clone() {
        let joined = current.last().is_some_and(|&p| {
            story.q(p).span.end <= story.q(q).span.start
                && matches!(
                    story.text[story.q(p).span.end..story.q(q).span.start].trim(),
                    ":" | "："
                )
        });
        if !joined && current.len() >= 2 {
            runs.push(std::mem::take(&mut current));
        }
        if !joined {
            current.clear();
        }
        if story.q(q).kind == Kind::Ratio {
            current.push(q);
        } else {
            current.clear();
        }
    }
    if current.len() >= 2 {
        runs.push(current);
    }
    runs
}

fn colon_runs_after(story: &Story, q: usize) -> Option<usize> {
    colon_runs(story)
        .into_iter()
        .map(|run| run[0])
        .find(|&first| first > q)
}

/// `男性14200人，女性5800人，女性占29.0%`: a share that names no whole, of a part named by one
/// word of a partition whose every other word names a level of its sentence, is of their sum;
/// so is each share of a run that goes with a run of parts and adds up to 100%.
pub fn of_partition(story: &Story) -> Vec<Found> {
    let mut out = shares_of_runs(story);
    for s in story.members.clone() {
        let frame = story.frame(s);
        if frame.aspect != Aspect::Share || frame.whole.is_some() {
            continue;
        }
        let clause = &story.frames.layout.clauses[frame.clause];
        let lead = crate::story::han(
            &story.text[clause.range.start.min(story.q(s).span.start)..story.q(s).span.start],
        );
        let levels: Vec<usize> = story
            .before_in_sentence(s)
            .filter(|&p| story.is_level(p) && !story.frame(p).bracketed)
            .collect();
        for (g, word) in story.partition_words(&lead).into_iter().enumerate() {
            let Some(k) = word else {
                continue;
            };
            let group_size = story.rules.partitions[g].len();
            // the level each word of the group names, nearest first
            let named = |m: usize| {
                levels.iter().copied().find(|&p| {
                    story.partition_words(&story.frame(p).metric).get(g) == Some(&Some(m))
                })
            };
            let Some(members) = (0..group_size).map(named).collect::<Option<Vec<usize>>>() else {
                continue;
            };
            let part = members[k];
            if !names_the_members(story, &lead, &story.rules.partitions[g][k], &members) {
                continue;
            }
            let alike = members
                .iter()
                .all(|&m| story.addable(m, part) && story.same_period(m, part));
            // (a total the parts are listed under is the share's whole instead)
            let listed = story
                .parts_lists()
                .iter()
                .any(|l| l.parts.contains(&part) && l.shares_of_total);
            if !alike || listed {
                continue;
            }
            out.push(share_of_sum(story, part, &members, s));
            break;
        }
    }
    out
}

/// A part's share of the sum of the members it is one of (a reading, not the syntax's).
fn share_of_sum(story: &Story, part: usize, members: &[usize], share: usize) -> Found {
    let mut roles = Roles::new();
    roles.insert("part".into(), Binding::One(Var::Stated(part)));
    roles.insert(
        "members".into(),
        Binding::Many(members.iter().map(|&m| Var::Stated(m)).collect()),
    );
    roles.insert("share".into(), Binding::One(Var::Stated(share)));
    let start = members.iter().map(|&m| story.q(m).span.start).min();
    Found {
        span: start.unwrap_or(story.q(part).span.start)..story.q(share).span.end,
        roles,
        certainty: Certainty::Inferred,
        alternatives: Vec::new(),
    }
}

/// Does a share's name say no more than the partition word and what the members count
/// (`女性占`, `女性跑者占比为` of 男性…人，女性…人)? `出口中机电产品占` is a share inside a part.
fn names_the_members(story: &Story, lead: &str, word: &str, members: &[usize]) -> bool {
    let Some((_, after)) = lead.rsplit_once(word) else {
        return false;
    };
    let words = story.words();
    let rest = words.strip_end("link", after);
    let rest = words.strip_end("share_noun", rest);
    let rest = words.strip_end("share_verb", rest);
    let people = members
        .iter()
        .all(|&m| words.is("person_unit", &story.q(m).unit));
    rest.is_empty()
        || (people && rest.ends_with('者') && rest.chars().count() <= 3)
        || members
            .iter()
            .all(|&m| story.frame(m).metric.ends_with(rest))
}

/// Figures joined one to the next by 、, 和 or 及, from `first` on, while `keep` holds.
fn joined_run(story: &Story, first: usize, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut run = vec![first];
    let mut q = first;
    while q + 1 < story.members.end && keep(q + 1) {
        let between = &story.text[story.q(q).span.end..story.q(q + 1).span.start];
        if !matches!(between, "、" | "和" | "及" | "，") {
            break;
        }
        q += 1;
        run.push(q);
    }
    run
}

/// `分别为590人、166人和106人，占比依次为68.4%、19.3%和12.3%`: a run of shares after 依次 or 分别
/// that adds up to 100%, beside a run of as many levels before it in its sentence: each share is
/// of the levels' sum.
fn shares_of_runs(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    let mut q = story.members.start;
    while q < story.members.end {
        let frame = story.frame(q);
        let clause = &story.frames.layout.clauses[frame.clause];
        let lead =
            &story.text[clause.range.start.min(story.q(q).span.start)..story.q(q).span.start];
        let opens_run = story.q(q).kind == factcheck_numbers::Kind::Percent
            && words.contains("respectively", lead)
            && (words.contains("share_noun", lead) || words.contains("share_verb", lead));
        if !opens_run {
            q += 1;
            continue;
        }
        let shares = joined_run(story, q, |n| {
            story.q(n).kind == factcheck_numbers::Kind::Percent
        });
        q = shares[shares.len() - 1] + 1;
        let n = shares.len();
        // the run of parts: the levels just before the shares, joined alike, as many
        let Some(last_part) = story
            .before_in_sentence(shares[0])
            .find(|&p| story.is_level(p))
        else {
            continue;
        };
        if last_part + 1 < n {
            continue;
        }
        let first_part = last_part + 1 - n;
        if story.frame(first_part).sentence != frame.sentence {
            continue;
        }
        let parts = joined_run(story, first_part, |p| p <= last_part && story.is_level(p));
        if parts.len() != n || n < 2 || !parts.iter().all(|&p| story.addable(p, parts[0])) {
            continue;
        }
        // the shares make up the whole: their sum is 100% within their printing
        let (mut low, mut high) = (rust_decimal::Decimal::ZERO, rust_decimal::Decimal::ZERO);
        for &s in &shares {
            let (lo, hi) = story.q(s).bounds();
            let (Some(lo), Some(hi)) = (lo, hi) else {
                low = rust_decimal::Decimal::MAX;
                break;
            };
            low += lo;
            high += hi;
        }
        let hundred = rust_decimal::Decimal::ONE_HUNDRED;
        if low > hundred || high < hundred {
            continue;
        }
        for (&part, &share) in parts.iter().zip(&shares) {
            out.push(share_of_sum(story, part, &parts, share));
        }
    }
    out
}
