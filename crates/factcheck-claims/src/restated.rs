//! Restatements: a story that states the same figure twice (the lead and a later paragraph, a
//! headline and its body) must state it the same way.
//!
//! Two body figures are the same figure only when their labels are identical (at least four Han
//! characters), their kind and unit agree, they stand in different sentences under the same
//! sentence opening (scope), and no other period is named between them. A headline
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
    own_subject: &[String],
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

    // the same label twice in the body, for the same period and subject; a label that opens with
    // the story's own subject (全市, 今年) names the same thing without it, so that
    // 全市新增城镇就业人数 finds 新增城镇就业人数, while 甲公司营业收入 never finds 乙公司营业收入
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for &q in in_story.iter().filter(|&&q| !in_headline(q)) {
        let quantity = &quantities[q];
        // the whole clause names the figure: a short label would lose its subject
        // (甲市累计确诊病例 and 乙市累计确诊病例 share their last twelve characters)
        // a figure that modifies the noun after it (`设立2亿元转型基金`) measures that noun too
        let label = clause_label(text, quantities, q, labels.get(q))
            + "|"
            + &noun_after(text, q, quantities);
        if !comparable(quantity) || label.chars().count() < 5 {
            continue;
        }
        let keys = label_keys(&label, own_subject);
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
            let same_scope = scope(text, quantities, earlier) == scope(text, quantities, q);
            if same_period && !same_sentence && same_scope {
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

/// The Han words of a figure's clause before it (from the last clause mark, not before the previous
/// figure), when they end with its label; the label itself otherwise.
fn clause_label(text: &str, quantities: &[Quantity], q: usize, label: &str) -> String {
    let at = quantities[q].span.start;
    let floor = q
        .checked_sub(1)
        .map_or(0, |p| quantities[p].span.end.min(at));
    let before = &text[floor..at];
    let clause = before
        .rfind(['，', '；', '：', '。', '！', '？', '\n', '（', '）'])
        .map_or(before, |i| &before[i..]);
    let words: String = clause
        .chars()
        .filter(|&c| factcheck_text::chars::is_han(c))
        .collect();
    if !label.is_empty() && words.contains(label) {
        words[..words.rfind(label).unwrap_or(0) + label.len()].to_string()
    } else {
        label.to_string()
    }
}

/// The Han words right after a figure in its clause (`2亿元转型基金` → 转型基金), at most eight.
fn noun_after(text: &str, q: usize, quantities: &[Quantity]) -> String {
    let end = quantities[q].span.end;
    let limit = quantities.get(q + 1).map_or(text.len(), |n| n.span.start);
    text[end..limit.max(end)]
        .chars()
        .take_while(|&c| factcheck_text::chars::is_han(c))
        .take(8)
        .collect()
}

/// The keys a label is found by: itself, and itself without the words that name the story's own
/// subject or period at its start.
fn label_keys(label: &str, own_subject: &[String]) -> Vec<String> {
    let mut keys = vec![label.to_string()];
    let mut rest = label;
    while let Some(word) = own_subject.iter().find(|w| rest.starts_with(w.as_str())) {
        rest = &rest[word.len()..];
    }
    if rest != label && rest.chars().count() >= 4 {
        keys.push(rest.to_string());
    }
    keys
}

/// What a figure's sentence says before its clause: the subject and circumstances its clause
/// inherits (`美国累计确诊X例，死亡病例Y例` — the deaths are 美国's too). Two figures restate each
/// other only under the same opening.
fn scope(text: &str, quantities: &[Quantity], q: usize) -> String {
    let at = quantities[q].span.start;
    let sentence = text[..at].rfind(['。', '！', '？', '\n']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = text[..at]
        .rfind(['，', '；', '：'])
        .map_or(sentence, |i| i.max(sentence));
    text[sentence..clause]
        .chars()
        .filter(|&c| factcheck_text::chars::is_han(c))
        .collect()
}

fn comparable(q: &Quantity) -> bool {
    matches!(q.kind, Kind::Money | Kind::Count | Kind::Other) && q.number().is_some()
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
