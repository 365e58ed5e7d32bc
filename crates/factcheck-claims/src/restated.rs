//! Restatements: a story that states the same figure twice (the lead and a later paragraph, a
//! headline and its body) must state it the same way.
//!
//! Two body figures are the same figure only when their labels are identical (at least four Han
//! characters), their kind and unit agree, they stand in different sentences, and no other period
//! is named between them. A headline
//! figure must appear in the body with the same unit and a compatible value.

use crate::labels::Labels;
use crate::{Claim, ClaimKind, Role};
use factcheck_numbers::{Kind, Quantity};
use factcheck_text::segment::Article;
use std::collections::{BTreeMap, HashMap};

pub fn restatements(
    text: &str,
    article_index: usize,
    article: &Article,
    quantities: &[Quantity],
    labels: &Labels,
) -> Vec<Claim> {
    let first = quantities.partition_point(|q| q.span.start < article.range.start);
    let last = quantities.partition_point(|q| q.span.start < article.range.end);
    let in_story: Vec<usize> = (first..last).collect();
    let in_headline = |q: usize| {
        article
            .headline
            .as_ref()
            .is_some_and(|h| h.contains(&quantities[q].span.start))
    };
    let mut claims = Vec::new();
    let comparable = |q: &Quantity| {
        matches!(q.kind, Kind::Money | Kind::Count | Kind::Other) && q.number().is_some()
    };

    // the same label twice in the body, for the same period; labels are looked up by every
    // ending of six characters or more, so that 加博会共达成商贸合作项目 finds 共达成商贸合作项目
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for &q in in_story.iter().filter(|&&q| !in_headline(q)) {
        let quantity = &quantities[q];
        let label = labels.get(q);
        if !comparable(quantity) || label.chars().count() < 4 {
            continue;
        }
        let keys = label_keys(label);
        let earlier = keys
            .iter()
            .filter_map(|k| seen.get(&(k.clone(), quantity.unit.clone())))
            .copied()
            .max();
        if let Some(earlier) = earlier {
            let between = &text[quantities[earlier].span.end..quantity.span.start];
            // a restatement comes in another sentence; one sentence lists different things
            let same_sentence = !between.contains(['。', '！', '？', '\n']);
            let (p1, p2) = (
                period(text, quantities, earlier),
                period(text, quantities, q),
            );
            // periods conflict only when both are named and differ
            let same_period = p1.1 == p2.1 && (p1.0.is_none() || p2.0.is_none() || p1.0 == p2.0);
            if same_period && !same_sentence {
                claims.push(Claim {
                    rule: "duplicate".into(),
                    relation: ClaimKind::Duplicate,
                    article: article_index,
                    span: quantities[earlier].span.start..quantity.span.end,
                    roles: BTreeMap::from([
                        ("first".to_string(), Role::One(earlier)),
                        ("second".to_string(), Role::One(q)),
                    ]),
                });
            }
        }
        for key in keys {
            seen.insert((key, quantity.unit.clone()), q);
        }
    }

    // every headline figure against the body
    for &h in in_story.iter().filter(|&&q| in_headline(q)) {
        let headline = &quantities[h];
        if !matches!(
            headline.kind,
            Kind::Money | Kind::Count | Kind::Other | Kind::Percent
        ) || headline.number().is_none()
        {
            continue;
        }
        let body: Vec<usize> = in_story
            .iter()
            .copied()
            .filter(|&q| {
                !in_headline(q)
                    && quantities[q].unit == headline.unit
                    && quantities[q].kind == headline.kind
            })
            .collect();
        if body.is_empty() {
            continue;
        }
        claims.push(Claim {
            rule: "headline".into(),
            relation: ClaimKind::Headline,
            article: article_index,
            span: headline.span.clone(),
            roles: BTreeMap::from([
                ("headline".to_string(), Role::One(h)),
                ("body".to_string(), Role::Many(body)),
            ]),
        });
    }
    claims
}

/// The keys a label is found by: itself, and each of its endings of six characters or more (the
/// head noun of a Chinese noun phrase is at its end; what comes before narrows its scope).
fn label_keys(label: &str) -> Vec<String> {
    let chars: Vec<char> = label.chars().collect();
    let mut keys = vec![label.to_string()];
    for start in 1..chars.len() {
        if chars.len() - start >= 6 {
            keys.push(chars[start..].iter().collect());
        }
    }
    keys
}

/// The period a figure is stated for: the last date named before it in its sentence, and whether
/// the sentence speaks of the previous year (上年, 去年).
fn period(text: &str, quantities: &[Quantity], q: usize) -> (Option<String>, bool) {
    let at = quantities[q].span.start;
    let start = text[..at].rfind(['。', '！', '？', '\n']).unwrap_or(0);
    let date = quantities[..q]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= start)
        .find(|m| m.kind == Kind::Date)
        .map(|m| m.value_text());
    let before = &text[start..at];
    (date, before.contains("上年") || before.contains("去年"))
}
