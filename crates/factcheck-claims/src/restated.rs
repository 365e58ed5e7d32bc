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
use std::collections::BTreeMap;

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

    // the same label twice in the body
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for &q in in_story.iter().filter(|&&q| !in_headline(q)) {
        let quantity = &quantities[q];
        let label = labels.get(q);
        if !comparable(quantity) || label.chars().count() < 4 {
            continue;
        }
        let key = (label.to_string(), quantity.unit.clone());
        if let Some(&earlier) = seen.get(&key) {
            let between = &text[quantities[earlier].span.end..quantity.span.start];
            let period_between = quantities[earlier + 1..q]
                .iter()
                .any(|m| m.kind == Kind::Date)
                || between.contains("上年")
                || between.contains("去年");
            // a restatement comes in another sentence; one sentence lists different things
            let same_sentence = !between.contains(['。', '！', '？', '\n']);
            if !period_between && !same_sentence {
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
        seen.insert(key, q);
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
