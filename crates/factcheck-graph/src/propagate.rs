//! What the graph adds beyond single relations: a value derived by one relation is checked against
//! a value the copy states elsewhere (the 2023 base implied by 18.47亿 at +22.4% against the 2023
//! figure printed in another paragraph), and a figure stated twice must carry the same rate both
//! times.

use crate::{display, Check, Finding, Page, Status};
use factcheck_claims::{Claim, ClaimKind};
use factcheck_interval::Interval;
use factcheck_numbers::{Kind, Quantity};
use factcheck_rules::{Relation, Severity};
use rust_decimal::Decimal;

fn interval(q: &Quantity) -> Option<Interval> {
    let (lo, hi) = q.bounds();
    q.number().map(|_| Interval::new(lo, hi))
}

/// The signed rate of a growth claim, as a percentage interval.
fn signed_rate(page: &Page, claim: &Claim) -> Option<(usize, Interval)> {
    let rate = claim.one("rate")?;
    let q = &page.quantities[rate];
    if q.kind != Kind::Percent {
        return None;
    }
    let word = claim.text("rate_verb").or(claim.text("verb")).unwrap_or("");
    let down = [
        "下降", "减少", "降低", "下滑", "回落", "下跌", "缩小", "收窄", "压减", "压缩", "减", "降",
        "跌",
    ]
    .iter()
    .any(|d| word.starts_with(d));
    Some((
        rate,
        interval(q)?.scale(if down { -Decimal::ONE } else { Decimal::ONE }),
    ))
}

fn growth_of(claims: &[Claim], current: usize) -> Option<&Claim> {
    claims.iter().find(|c| {
        c.relation == ClaimKind::Rule(Relation::Growth) && c.one("current") == Some(current)
    })
}

fn finding(
    rule: &str,
    severity: Severity,
    message: &str,
    primary: &Quantity,
    related: Vec<(&Quantity, &str)>,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity,
        message: message.to_string(),
        primary: primary.span.clone(),
        related: related
            .into_iter()
            .map(|(q, note)| (q.span.clone(), note.to_string()))
            .collect(),
    }
}

/// A figure restated with a growth rate both times: the two rates must agree.
pub fn restated_rates(page: &Page, claims: &[Claim], checks: &mut Vec<Check>) {
    for claim in claims.iter().filter(|c| c.relation == ClaimKind::Duplicate) {
        let (Some(first), Some(second)) = (claim.one("first"), claim.one("second")) else {
            continue;
        };
        // only a figure restated with the same value is known to be the same figure
        let same_value = interval(&page.quantities[first])
            .zip(interval(&page.quantities[second]))
            .is_some_and(|(a, b)| a.overlaps(&b));
        if !same_value {
            continue;
        }
        let (Some(g1), Some(g2)) = (growth_of(claims, first), growth_of(claims, second)) else {
            continue;
        };
        let (Some((r1, i1)), Some((r2, i2))) = (signed_rate(page, g1), signed_rate(page, g2))
        else {
            continue;
        };
        let (q1, q2) = (&page.quantities[r1], &page.quantities[r2]);
        let (t1, t2) = (&page.printed[r1], &page.printed[r2]);
        let quantities = vec![first, r1, second, r2];
        if i1.overlaps(&i2) {
            let explanation = format!("同一指标两次给出的增速{t1}与{t2}一致");
            checks.push(Check::holds(
                "duplicate-rate",
                "duplicate",
                quantities,
                Status::Consistent,
                explanation,
            ));
        } else {
            let message = format!("同一指标前文的增速为{t1}，此处为{t2}");
            let note = format!("前文的增速{t1}");
            let f = finding(
                "duplicate-rate",
                Severity::Warning,
                &message,
                q2,
                vec![(q1, note.as_str())],
            );
            checks.push(Check::broken("duplicate-rate", "duplicate", quantities, f));
        }
    }
}

/// The byte range of the sentence around `at`.
fn sentence(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at]
        .rfind(['。', '！', '？', '\n'])
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let end = text[at..]
        .find(['。', '！', '？', '\n'])
        .map(|i| at + i)
        .unwrap_or(text.len());
    start..end
}

/// The base a growth claim derives, checked against the same figure stated for the base year.
pub fn bases_against_stated(page: &Page, claims: &[Claim], checks: &mut Vec<Check>) {
    let labels = page.labels;
    for claim in claims
        .iter()
        .filter(|c| c.relation == ClaimKind::Rule(Relation::Growth))
    {
        let Some(current) = claim.one("current") else {
            continue;
        };
        let Some((_, rate)) = signed_rate(page, claim) else {
            continue;
        };
        let c = &page.quantities[current];
        let (Some(civ), label) = (interval(c), labels.get(current)) else {
            continue;
        };
        if label.chars().count() < 4 {
            continue;
        }
        // the base year: a date named inside the claim (较2023年)
        let Some(year) = page.quantities[page.quantities_in(&claim.span)]
            .iter()
            .filter(|q| q.kind == Kind::Date)
            .find_map(|q| q.date().and_then(|d| d.year))
        else {
            continue;
        };
        let factor =
            Interval::point(Decimal::ONE).add(&rate.scale(Decimal::ONE / Decimal::ONE_HUNDRED));
        if factor.lo.is_none_or(|lo| lo <= Decimal::ZERO) {
            continue;
        }
        let base = civ.div(&factor);
        let story = page
            .articles
            .get(claim.article)
            .cloned()
            .unwrap_or(0..page.text.len());
        for s in page.quantities_in(&story) {
            let stated = &page.quantities[s];
            if s == current || stated.unit != c.unit || stated.kind != c.kind {
                continue;
            }
            let same_label = {
                let l = labels.get(s);
                l.chars().count() >= 4 && (l.ends_with(label) || label.ends_with(l))
            };
            if !same_label {
                continue;
            }
            let around = sentence(page.text, stated.span.start);
            let in_base_year = page.quantities.iter().any(|q| {
                q.kind == Kind::Date
                    && around.contains(&q.span.start)
                    && q.date().and_then(|d| d.year) == Some(year)
            });
            let Some(siv) = interval(stated) else {
                continue;
            };
            if !same_label || !in_base_year || claim.span.contains(&stated.span.start) {
                continue;
            }
            let shown = display::interval(&base.rounded(4), c, &page.printed[current]);
            let quantities = vec![current, s];
            if base.overlaps(&siv) {
                let explanation = format!(
                    "{}推算的{year}年基期{shown}与文中{year}年的{}相符",
                    page.printed[current], page.printed[s]
                );
                checks.push(Check::holds(
                    "growth-base-stated",
                    "growth",
                    quantities,
                    Status::ConsistentWithin,
                    explanation,
                ));
            } else {
                let message = format!(
                    "{}按增速推算{year}年应为{shown}，文中{year}年为{}",
                    page.printed[current], page.printed[s]
                );
                let note = format!("本期值{}", page.printed[current]);
                let f = finding(
                    "growth-base-stated",
                    Severity::Error,
                    &message,
                    stated,
                    vec![(c, note.as_str())],
                );
                checks.push(Check::broken("growth-base-stated", "growth", quantities, f));
            }
        }
    }
}

/// A total and its parts each given with a growth rate (`总额5120亿元，增长3.1%；其中出口
/// 2860亿元，增长6.1%；进口2260亿元，下降1.5%`): the parts' bases must add up to the total's.
pub fn bases_of_parts(page: &Page, claims: &[Claim], checks: &mut Vec<Check>) {
    let base = |current: usize| -> Option<(usize, Interval)> {
        let claim = growth_of(claims, current)?;
        let (rate, r) = signed_rate(page, claim)?;
        let factor =
            Interval::point(Decimal::ONE).add(&r.scale(Decimal::ONE / Decimal::ONE_HUNDRED));
        factor.lo.filter(|lo| *lo > Decimal::ZERO)?;
        Some((rate, interval(&page.quantities[current])?.div(&factor)))
    };
    for claim in claims
        .iter()
        .filter(|c| c.relation == ClaimKind::Rule(Relation::Sum))
    {
        let (Some(total), Some(parts)) = (claim.one("total"), claim.many("parts")) else {
            continue;
        };
        // only parts that are all the parts: their values already add up to the total
        let values: Option<Vec<Interval>> = parts
            .iter()
            .map(|&p| interval(&page.quantities[p]))
            .collect();
        let (Some(values), Some(t)) = (values, interval(&page.quantities[total])) else {
            continue;
        };
        let sum = values
            .iter()
            .fold(Interval::point(Decimal::ZERO), |acc, v| acc.add(v));
        if !sum.overlaps(&t) || page.quantities[total].unit != page.quantities[parts[0]].unit {
            continue;
        }
        let (Some((total_rate, total_base)), Some(part_bases)) = (
            base(total),
            parts.iter().map(|&p| base(p)).collect::<Option<Vec<_>>>(),
        ) else {
            continue;
        };
        let parts_base = part_bases
            .iter()
            .fold(Interval::point(Decimal::ZERO), |acc, (_, b)| acc.add(b));
        let mut quantities = vec![total, total_rate];
        for (&p, (r, _)) in parts.iter().zip(&part_bases) {
            quantities.extend([p, *r]);
        }
        let t_text = &page.printed[total];
        let shown_total =
            display::interval(&total_base.rounded(2), &page.quantities[total], t_text);
        let shown_parts =
            display::interval(&parts_base.rounded(2), &page.quantities[total], t_text);
        if total_base.overlaps(&parts_base) {
            let explanation =
                format!("按各自增速推算，上期总数{shown_total}与各分项上期之和{shown_parts}相符");
            checks.push(Check::holds(
                "growth-of-parts",
                "growth",
                quantities,
                Status::ConsistentWithin,
                explanation,
            ));
        } else {
            let message = format!("{}按{}推算上期为{shown_total}，各分项按各自增速推算的上期之和却为{shown_parts}：增速之间对不上", t_text, page.printed[total_rate]);
            let related: Vec<(&Quantity, String)> = parts
                .iter()
                .zip(&part_bases)
                .map(|(&p, (r, _))| {
                    (
                        &page.quantities[*r],
                        format!("{}的增速{}", page.printed[p], page.printed[*r]),
                    )
                })
                .collect();
            let f = Finding {
                rule: "growth-of-parts".into(),
                severity: Severity::Error,
                message: message.clone(),
                primary: page.quantities[total_rate].span.clone(),
                related: related
                    .into_iter()
                    .map(|(q, note)| (q.span.clone(), note))
                    .collect(),
            };
            checks.push(Check::broken("growth-of-parts", "growth", quantities, f));
        }
    }
}
