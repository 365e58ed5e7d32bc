//! A ratio of two figures the story gives, named by what it compares: `城乡居民人均可支配收入
//! 比值为2.16` (the urban figure over the rural one), `普通高中与中等职业教育招生人数之比为1.6∶1`
//! (the first named over the second). The figures are the story's levels the names name, of one
//! unit and one period, the nearest before the ratio.

use crate::story::NameMatch;
use crate::{Certainty, Found, Story};
use factcheck_numbers::Kind;

pub fn named_ratios(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    for q in story.members.clone() {
        if story.q(q).kind != Kind::Ratio || story.frame(q).bracketed {
            continue;
        }
        // `1.6∶1`: the first term is the ratio when the second is a plain 1
        let second = q + 1;
        let pair = second < story.members.end
            && story.q(second).kind == Kind::Ratio
            && matches!(
                story.text[story.q(q).span.end..story.q(second).span.start].trim(),
                "∶" | ":" | "："
            );
        if pair && story.text[story.q(second).span.clone()].trim() != "1" {
            continue;
        }
        // (the second term of a pair is no ratio of its own)
        if q > story.members.start
            && story.q(q - 1).kind == Kind::Ratio
            && matches!(
                story.text[story.q(q - 1).span.end..story.q(q).span.start].trim(),
                "∶" | ":" | "："
            )
        {
            continue;
        }
        let clause = &story.frames.layout.clauses[story.frame(q).clause];
        let lead = crate::story::han(
            &story.text[clause.range.start.min(story.q(q).span.start)..story.q(q).span.start],
        );
        let lead = words.strip_end("link", &lead);
        let Some(ending) = words.ending("ratio_of_two", lead) else {
            continue;
        };
        let named = &lead[..lead.len() - ending.len()];
        let Some((first, other, exact)) = two_names(story, named) else {
            continue;
        };
        let Some((a, b)) = figures_named(story, q, &first, &other, exact) else {
            continue;
        };
        let roles = crate::stated_roles(&[("a", a), ("b", b), ("ratio", q)]);
        let span = story.q(a).span.start..story.q(q).span.end;
        out.push(Found::single(span, roles, Certainty::Inferred));
    }
    out
}

/// The two names a ratio compares: `甲与乙` (what follows the second said of both when the
/// first is bare: `普通高中与中等职业教育招生人数` → 普通高中招生人数?, 中等职业教育招生人数), or
/// `城乡X` (城镇X and 农村X).
/// (With whether the figures' names must be the names exactly: 城乡X names the urban and rural
/// X, not their medians, 城镇X中位数.)
fn two_names(story: &Story, named: &str) -> Option<(String, String, bool)> {
    let words = story.words();
    if let Some(pair) = words.starting("urban_rural", named) {
        let measure = &named[pair.len()..];
        if measure.chars().count() < 2 {
            return None;
        }
        return Some((format!("城镇{measure}"), format!("农村{measure}"), true));
    }
    let (first, other) = named.split_once('与').or_else(|| named.split_once('和'))?;
    (first.chars().count() >= 2 && other.chars().count() >= 2)
        .then(|| (first.to_string(), other.to_string(), false))
}

/// The levels before the ratio that the two names name, one each: the nearest of each, of one
/// unit and period; a name matched by more than one level of the same closeness is no match.
fn figures_named(
    story: &Story,
    ratio: usize,
    first: &str,
    other: &str,
    exact: bool,
) -> Option<(usize, usize)> {
    let words = story.words();
    let named_by = |name: &str| -> Vec<usize> {
        // 城镇X also matches 城市X; 农村X also 乡村X (the urban and rural words of the packs)
        let variants: Vec<String> = ["urban", "rural"]
            .iter()
            .find_map(|&class| {
                let rest = &name[words.starting(class, name)?.len()..];
                Some(
                    words
                        .class(class)
                        .iter()
                        .map(|w| format!("{w}{rest}"))
                        .collect(),
                )
            })
            .unwrap_or_else(|| vec![name.to_string()]);
        story
            .levels()
            .filter(|&w| w < ratio && story.q(w).kind != Kind::Ratio && !story.frame(w).compared)
            .filter(|&w| !story.is_earlier_figure(w))
            .filter(|&w| {
                variants.iter().any(|v| {
                    let how = story.names(v, w);
                    (how == NameMatch::Exact || (!exact && how != NameMatch::No))
                        && opens_alike(story, v, w)
                })
            })
            .collect()
    };
    let b = *named_by(other).last()?;
    // a bare first name (普通高中 of `普通高中与中等职业教育招生人数`) is said with the second's
    // measure: of several levels it names, the one whose name ends like the second's
    let firsts = named_by(first);
    let a = match firsts[..] {
        [only] => only,
        _ => *firsts.iter().rev().find(|&&a| {
            crate::story::common_ending(&story.frame(a).metric, &story.frame(b).metric) >= 2
        })?,
    };
    (a != b && story.addable(a, b) && story.same_period(a, b)).then_some((a, b))
}

/// Do the name and the level's metric open alike (城镇 against 城镇…, not 农村…)? A partial
/// match by ending alone would take the rural figure for the urban one.
fn opens_alike(story: &Story, name: &str, w: usize) -> bool {
    let metric = story.plain_name(&story.frame(w).metric);
    let name = story.plain_name(name);
    let head: String = name.chars().take(2).collect();
    metric.contains(head.as_str())
}
