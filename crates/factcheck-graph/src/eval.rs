//! The checks, one function per relation. Each computes with the intervals the printed figures
//! allow and calls a contradiction only when no reading can satisfy the relation.

use crate::calendar;
use crate::display;
use crate::{Check, Derived, Finding, Page, Status};
use factcheck_claims::{Claim, ClaimKind};
use factcheck_interval::Interval;
use factcheck_numbers::{Kind, Quantity, Value};
use factcheck_rules::{Relation, Rule, Severity};
use rust_decimal::Decimal;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn interval(q: &Quantity) -> Option<Interval> {
    match q.value {
        Value::Number { lower, upper, .. } => Some(Interval::new(lower, upper)),
        _ => None,
    }
}

fn point(q: &Quantity) -> Option<Interval> {
    q.number().map(Interval::point)
}

/// Units that can be added and compared: the same unit, a unit and no unit (3.5万 and 3.4万人),
/// or units that share their measure word (件 and 件次).
fn compatible(a: &Quantity, b: &Quantity) -> bool {
    let money = |q: &Quantity| q.kind == Kind::Money;
    if money(a) != money(b) && !(a.unit.is_empty() || b.unit.is_empty()) {
        return false;
    }
    a.unit == b.unit
        || a.unit.is_empty()
        || b.unit.is_empty()
        || a.unit.chars().next() == b.unit.chars().next() && a.kind == b.kind
}

struct Ctx<'a> {
    page: &'a Page<'a>,
    claim: &'a Claim,
    rule_id: String,
    severity: Severity,
    /// The rule's message template (`{role}` and `{computation}` filled in).
    template: Option<String>,
}

impl Ctx<'_> {
    /// The finding's message: the rule's template with its placeholders filled, the computation
    /// where it says `{computation}` (or after it).
    fn render(&self, computation: &str) -> String {
        let Some(template) = &self.template else {
            return computation.to_string();
        };
        let mut out = template.clone();
        for (name, role) in &self.claim.roles {
            let shown = match role {
                factcheck_claims::Role::One(q) => self.text(*q).to_string(),
                factcheck_claims::Role::Many(qs) => qs
                    .iter()
                    .map(|&q| self.text(q))
                    .collect::<Vec<_>>()
                    .join("、"),
                factcheck_claims::Role::Label(t, _) | factcheck_claims::Role::Word(t, _) => {
                    t.clone()
                }
            };
            out = out.replace(&format!("{{{name}}}"), &shown);
        }
        if out.contains("{computation}") {
            out.replace("{computation}", computation)
        } else {
            format!("{out}：{computation}")
        }
    }

    fn q(&self, index: usize) -> &Quantity {
        &self.page.quantities[index]
    }
    fn text(&self, index: usize) -> &str {
        self.page
            .printed
            .get(index)
            .map(String::as_str)
            .unwrap_or("")
    }
    fn check(
        &self,
        quantities: Vec<usize>,
        status: Status,
        derived: Vec<Derived>,
        explanation: String,
    ) -> Check {
        Check {
            rule: self.rule_id.clone(),
            relation: self.claim.relation.name().to_string(),
            quantities,
            status,
            derived,
            explanation,
            finding: None,
        }
    }
    /// A contradiction with its finding: `primary` is the figure most likely wrong.
    fn contradiction(
        &self,
        quantities: Vec<usize>,
        primary: usize,
        derived: Vec<Derived>,
        message: String,
        severity: Severity,
    ) -> Check {
        let related = quantities
            .iter()
            .filter(|&&q| q != primary)
            .map(|&q| {
                (
                    self.q(q).span.clone(),
                    format!("相关数字：{}", self.text(q)),
                )
            })
            .collect::<Vec<_>>();
        let mut related = related;
        // the words the relation turns on (升至, 周一) are part of what may be wrong
        for role in ["verb", "rate_verb", "weekday", "to_half"] {
            if let (Some(span), Some(word)) = (self.claim.span_of(role), self.claim.text(role)) {
                related.push((span, format!("关键词：{word}")));
            }
        }
        let message = self.render(&message);
        let finding = Finding {
            rule: self.rule_id.clone(),
            severity,
            message: message.clone(),
            primary: self.q(primary).span.clone(),
            related,
        };
        Check {
            rule: self.rule_id.clone(),
            relation: self.claim.relation.name().to_string(),
            quantities,
            status: Status::Contradiction,
            derived,
            explanation: message,
            finding: Some(finding),
        }
    }
}

/// Exact when every figure is a point and the relation holds on the printed values.
fn within(exact: bool) -> Status {
    if exact {
        Status::Consistent
    } else {
        Status::ConsistentWithin
    }
}

pub fn evaluate(page: &Page, claim: &Claim, claims: &[Claim], rule: Option<&Rule>) -> Vec<Check> {
    let ctx = Ctx {
        page,
        claim,
        rule_id: claim.rule.clone(),
        severity: rule.map(|r| r.severity).unwrap_or(Severity::Warning),
        template: rule.and_then(|r| r.message.clone()),
    };
    let checks = match claim.relation {
        ClaimKind::Rule(Relation::Sum) => sum(&ctx, rule.is_some_and(|r| r.exhaustive)),
        ClaimKind::Rule(Relation::Subset) => subset(&ctx),
        ClaimKind::Rule(Relation::Growth) => growth(&ctx),
        ClaimKind::Rule(Relation::Share) => share(&ctx, claims),
        ClaimKind::Rule(Relation::Change) => change(&ctx),
        ClaimKind::Rule(Relation::Difference) => difference(&ctx),
        ClaimKind::Rule(Relation::Multiple) => multiple(&ctx),
        ClaimKind::Rule(Relation::Span) => span(&ctx),
        ClaimKind::Rule(Relation::Weekday) => weekday(&ctx),
        ClaimKind::Rule(Relation::Respectively) => respectively(&ctx),
        ClaimKind::Rule(Relation::Bounds) => bounds(&ctx),
        ClaimKind::Rule(Relation::Expression) => expression(&ctx, rule),
        ClaimKind::Duplicate => duplicate(&ctx),
        ClaimKind::Headline => headline(&ctx),
    };
    checks.into_iter().flatten().collect()
}

/// The whole of a `其中` relation: the quantity the pattern took if it fits the part, else the last
/// one before the part that does (`捐款12亿元，衣物80万件，其中：棉衣30万件` is about the 衣物).
fn nearest_whole(ctx: &Ctx, taken: usize, part: usize) -> Option<usize> {
    let fits = |w: usize| {
        w != part && compatible(ctx.q(w), ctx.q(part)) && ctx.q(w).kind == ctx.q(part).kind
    };
    if fits(taken) {
        return Some(taken);
    }
    (taken.min(part)..part)
        .rev()
        .find(|&w| fits(w) && ctx.q(w).span.start >= ctx.claim.span.start)
}

fn sum(ctx: &Ctx, exhaustive: bool) -> Vec<Option<Check>> {
    let (Some(taken), Some(parts)) = (ctx.claim.one("total"), ctx.claim.many("parts")) else {
        return vec![];
    };
    let total = parts
        .first()
        .and_then(|&p| nearest_whole(ctx, taken, p))
        .unwrap_or(taken);
    let t = ctx.q(total);
    if parts.len() < 2
        || parts.iter().any(|&p| {
            !compatible(t, ctx.q(p))
                || ctx.q(p).kind != t.kind && !ctx.q(p).unit.is_empty() && !t.unit.is_empty()
        })
    {
        return vec![];
    }
    let Some(total_iv) = interval(t) else {
        return vec![];
    };
    let mut sum_iv = Interval::point(Decimal::ZERO);
    let mut sum_exact = Some(Decimal::ZERO);
    for &p in parts {
        let Some(piv) = interval(ctx.q(p)) else {
            return vec![];
        };
        sum_iv = sum_iv.add(&piv);
        sum_exact = sum_exact.zip(ctx.q(p).number()).map(|(a, b)| a + b);
    }
    let terms: Vec<String> = parts.iter().map(|&p| ctx.text(p).to_string()).collect();
    let shown_sum = sum_exact
        .map(|s| display::value(s, t, ctx.text(total)))
        .unwrap_or_default();
    let computation = format!("{} = {}", terms.join("+"), shown_sum);
    let mut quantities = vec![total];
    quantities.extend(parts);
    if sum_iv.overlaps(&total_iv) {
        let exact = sum_exact == t.number() && total_iv.is_point();
        return vec![Some(ctx.check(
            quantities,
            within(exact),
            vec![],
            format!("{computation}，与{}相符", ctx.text(total)),
        ))];
    }
    let exceeds = matches!((sum_iv.lo, total_iv.hi), (Some(s), Some(h)) if s > h);
    if exceeds || exhaustive {
        let message = format!(
            "{}的分项相加 {}，{}{}",
            ctx.text(total),
            computation,
            if exceeds { "超过了" } else { "不等于" },
            ctx.text(total)
        );
        return vec![Some(ctx.contradiction(
            quantities,
            total,
            vec![],
            message,
            ctx.severity,
        ))];
    }
    let rest = total_iv.sub(&sum_iv);
    let estimate = t.number().zip(sum_exact).map(|(a, b)| a - b);
    let derived = Derived {
        label: "未列出的其余部分".into(),
        display: display::interval(&rest, t, ctx.text(total)),
        interval: rest,
        estimate,
    };
    vec![Some(ctx.check(
        quantities,
        Status::Derived,
        vec![derived],
        format!("{computation}，少于{}；其余部分未列出", ctx.text(total)),
    ))]
}

fn subset(ctx: &Ctx) -> Vec<Option<Check>> {
    let Some(taken) = ctx.claim.one("whole") else {
        return vec![];
    };
    let parts: Vec<usize> = ctx
        .claim
        .one("part")
        .map(|p| vec![p])
        .or_else(|| ctx.claim.many("parts").map(<[usize]>::to_vec))
        .unwrap_or_default();
    let Some(whole) = parts.first().and_then(|&p| nearest_whole(ctx, taken, p)) else {
        return vec![];
    };
    let w = ctx.q(whole);
    if parts.is_empty()
        || parts
            .iter()
            .any(|&p| !compatible(w, ctx.q(p)) || ctx.q(p).kind != w.kind || p == whole)
    {
        return vec![];
    }
    let (Some(wiv), Some(piv)) = (
        interval(w),
        parts
            .iter()
            .map(|&p| interval(ctx.q(p)))
            .try_fold(Interval::point(Decimal::ZERO), |acc, i| {
                i.map(|i| acc.add(&i))
            }),
    ) else {
        return vec![];
    };
    let mut quantities = vec![whole];
    quantities.extend(&parts);
    let part_text: Vec<&str> = parts.iter().map(|&p| ctx.text(p)).collect();
    match (piv.lo, wiv.hi) {
        (Some(p), Some(h)) if p > h => {
            let message = format!("部分{}大于整体{}", part_text.join("+"), ctx.text(whole));
            vec![Some(ctx.contradiction(
                quantities,
                parts[0],
                vec![],
                message,
                ctx.severity,
            ))]
        }
        _ => vec![Some(ctx.check(
            quantities,
            Status::Consistent,
            vec![],
            format!("{}不超过{}", part_text.join("+"), ctx.text(whole)),
        ))],
    }
}

/// +1 for 增长, −1 for 下降.
fn direction(word: Option<&str>) -> Decimal {
    const DOWN: [&str; 14] = [
        "下降", "减少", "降低", "下滑", "回落", "下跌", "缩小", "收窄", "压减", "压缩", "缩短",
        "减", "降", "跌",
    ];
    match word {
        Some(w) if DOWN.iter().any(|d| w.starts_with(d)) => -Decimal::ONE,
        _ => Decimal::ONE,
    }
}

fn growth(ctx: &Ctx) -> Vec<Option<Check>> {
    let Some(current) = ctx.claim.one("current") else {
        return vec![];
    };
    let c = ctx.q(current);
    let Some(civ) = interval(c) else {
        return vec![];
    };
    let sign = direction(ctx.claim.text("verb"));
    // `增加40万亩，下降0.5%`: the rate may carry its own verb
    let rate_sign = ctx
        .claim
        .text("rate_verb")
        .map_or(sign, |w| direction(Some(w)));
    let rate = ctx
        .claim
        .one("rate")
        .filter(|&r| ctx.q(r).kind == Kind::Percent);
    let delta = ctx
        .claim
        .one("delta")
        .filter(|&d| compatible(c, ctx.q(d)) && ctx.q(d).kind == c.kind);
    let mut quantities = vec![current];
    quantities.extend(rate);
    quantities.extend(delta);
    let base_from_rate = rate.and_then(|r| {
        let riv = interval(ctx.q(r))?.scale(rate_sign / HUNDRED);
        let factor = Interval::point(Decimal::ONE).add(&riv);
        factor.lo.filter(|lo| *lo > Decimal::ZERO)?;
        Some(civ.div(&factor))
    });
    let base_from_delta = delta.and_then(|d| Some(civ.sub(&interval(ctx.q(d))?.scale(sign))));
    let label = "基期值".to_string();
    let printed_rate = rate.and_then(|r| ctx.q(r).number());
    let estimate = c
        .number()
        .zip(printed_rate)
        .and_then(|(v, r)| v.checked_div(Decimal::ONE + r * rate_sign / HUNDRED));
    let derive = |iv: &Interval| Derived {
        label: label.clone(),
        interval: *iv,
        estimate,
        display: estimated(estimate, iv, c, ctx.text(current)),
    };
    match (base_from_rate, base_from_delta) {
        (Some(b1), Some(b2)) => {
            let (r, d) = (rate.unwrap_or(current), delta.unwrap_or(current));
            let implied_rate = civ.sub(&b2).div(&b2).scale(HUNDRED * sign);
            if b1.overlaps(&b2) {
                let text = format!(
                    "{}按{}推算基期为{}；减去{}得{}，两者相符",
                    ctx.text(current),
                    ctx.text(r),
                    display::interval(&b1.rounded(4), c, ctx.text(current)),
                    ctx.text(d),
                    display::interval(&b2.rounded(4), c, ctx.text(current))
                );
                vec![Some(ctx.check(
                    quantities,
                    Status::ConsistentWithin,
                    vec![derive(&b1)],
                    text,
                ))]
            } else {
                let message = format!(
                    "{}与{}推出基期为{}，增幅应为{}，文中为{}",
                    ctx.text(current),
                    ctx.text(d),
                    display::interval(&b2.rounded(4), c, ctx.text(current)),
                    display::percent(&implied_rate.rounded(2)),
                    ctx.text(r)
                );
                vec![Some(ctx.contradiction(
                    quantities,
                    r,
                    vec![derive(&b1), derive(&b2)],
                    message,
                    ctx.severity,
                ))]
            }
        }
        (Some(b), None) => {
            let text = format!(
                "{}按{}推算，基期为{}",
                ctx.text(current),
                ctx.text(rate.unwrap_or(current)),
                estimated(estimate, &b, c, ctx.text(current))
            );
            vec![Some(ctx.check(
                quantities,
                Status::Derived,
                vec![derive(&b)],
                text,
            ))]
        }
        (None, Some(b)) => {
            let text = format!(
                "{}减去{}，基期为{}",
                ctx.text(current),
                ctx.text(delta.unwrap_or(current)),
                display::interval(&b.rounded(4), c, ctx.text(current))
            );
            vec![Some(ctx.check(
                quantities,
                Status::Derived,
                vec![derive(&b)],
                text,
            ))]
        }
        (None, None) => vec![],
    }
}

/// `≈15.09亿元（15.0796亿元～15.1002亿元）`: the estimate from the printed figures and the bounds.
fn estimated(estimate: Option<Decimal>, bounds: &Interval, like: &Quantity, text: &str) -> String {
    let range = display::interval(&bounds.rounded(4), like, text);
    match estimate {
        Some(v) => format!("≈{}（{range}）", display::value(v.round_dp(6), like, text)),
        None => range,
    }
}

/// The whole a part belongs to by another relation of the page (`其中…占总额的18.5%`).
fn whole_from_relations(part: usize, claims: &[Claim]) -> Option<usize> {
    claims.iter().find_map(|c| match c.relation {
        ClaimKind::Rule(Relation::Subset) if c.one("part") == Some(part) => c.one("whole"),
        ClaimKind::Rule(Relation::Sum) if c.many("parts").is_some_and(|ps| ps.contains(&part)) => {
            c.one("total")
        }
        _ => None,
    })
}

fn share(ctx: &Ctx, claims: &[Claim]) -> Vec<Option<Check>> {
    let (Some(part), Some(share)) = (ctx.claim.one("part"), ctx.claim.one("share")) else {
        return vec![];
    };
    let p = ctx.q(part);
    let (Some(piv), Some(siv)) = (interval(p), interval(ctx.q(share))) else {
        return vec![];
    };
    let fraction = siv.scale(Decimal::ONE / HUNDRED);
    let whole = ctx.claim.one("whole").or_else(|| {
        let label = ctx.claim.text("whole_label")?;
        (label.starts_with('总') || label.contains("总额") || label.contains("总量"))
            .then(|| whole_from_relations(part, claims))
            .flatten()
    });
    let mut out = Vec::new();
    if let Some(w) = whole.filter(|&w| compatible(p, ctx.q(w)) && w != part) {
        let Some(wiv) = interval(ctx.q(w)) else {
            return vec![];
        };
        let actual = piv.div(&wiv).scale(HUNDRED);
        let quantities = vec![part, w, share];
        if actual.overlaps(&siv) {
            out.push(Some(ctx.check(
                quantities,
                Status::ConsistentWithin,
                vec![],
                format!(
                    "{}÷{} = {}，与{}相符",
                    ctx.text(part),
                    ctx.text(w),
                    display::percent(&actual.rounded(2)),
                    ctx.text(share)
                ),
            )));
        } else {
            let message = format!(
                "{}÷{} = {}，文中为{}",
                ctx.text(part),
                ctx.text(w),
                display::percent(&actual.rounded(2)),
                ctx.text(share)
            );
            out.push(Some(ctx.contradiction(
                quantities,
                share,
                vec![],
                message,
                ctx.severity,
            )));
        }
        return out;
    }
    for role in ["whole_label", "second_label"] {
        let Some(label) = ctx.claim.text(role) else {
            continue;
        };
        let derived_whole = piv.div(&fraction);
        let mut shown = display::interval(&derived_whole.rounded(2), p, ctx.text(part));
        if p.kind == Kind::Count {
            if let Some(n) = single_whole_number(&derived_whole) {
                shown = format!("{n}{}", display::unit(p));
            }
        }
        let estimate = p
            .number()
            .zip(ctx.q(share).number())
            .and_then(|(v, s)| v.checked_div(s / HUNDRED));
        let derived = Derived {
            label: label.to_string(),
            interval: derived_whole,
            estimate,
            display: shown.clone(),
        };
        out.push(Some(ctx.check(
            vec![part, share],
            Status::Derived,
            vec![derived],
            format!(
                "{}占{}的{}，推算{}为{}",
                ctx.text(part),
                label,
                ctx.text(ctx.claim.one("share").unwrap_or(share)),
                label,
                shown
            ),
        )));
    }
    out
}

/// The one whole number inside an interval, if there is exactly one.
fn single_whole_number(i: &Interval) -> Option<Decimal> {
    let (lo, hi) = (i.lo?.ceil(), i.hi?.floor());
    (lo == hi).then_some(lo)
}

fn change(ctx: &Ctx) -> Vec<Option<Check>> {
    let (Some(from), Some(to)) = (ctx.claim.one("from"), ctx.claim.one("to")) else {
        return vec![];
    };
    let (f, t) = (ctx.q(from), ctx.q(to));
    if !compatible(f, t) || f.kind != t.kind {
        return vec![];
    }
    let (Some(fiv), Some(tiv)) = (interval(f), interval(t)) else {
        return vec![];
    };
    let verb = ctx.claim.text("verb").unwrap_or("");
    let up = direction(Some(verb)) > Decimal::ZERO;
    let mut quantities = vec![from, to];
    let wrong_way = if up {
        matches!((tiv.hi, fiv.lo), (Some(h), Some(l)) if h <= l)
    } else {
        matches!((tiv.lo, fiv.hi), (Some(l), Some(h)) if l >= h)
    };
    if wrong_way {
        let message = format!(
            "从{}{}{}：“{}”表示{}，而{}{}{}",
            ctx.text(from),
            verb,
            ctx.text(to),
            verb,
            if up { "上升" } else { "下降" },
            ctx.text(to),
            if up { "不高于" } else { "不低于" },
            ctx.text(from)
        );
        return vec![Some(ctx.contradiction(
            quantities,
            to,
            vec![],
            message,
            ctx.severity,
        ))];
    }
    if let Some(diff) = ctx.claim.one("diff") {
        let d = ctx.q(diff);
        quantities.push(diff);
        let Some(div) = interval(d) else {
            return vec![];
        };
        let actual = tiv
            .sub(&fiv)
            .scale(if up { Decimal::ONE } else { -Decimal::ONE });
        let same_unit = compatible(f, d)
            && (d.kind == f.kind
                || f.unit.is_empty()
                || d.unit.is_empty()
                || (f.kind == Kind::Percent && d.kind == Kind::PercentagePoint));
        if same_unit {
            if actual.overlaps(&div) {
                return vec![Some(ctx.check(
                    quantities,
                    Status::ConsistentWithin,
                    vec![],
                    format!(
                        "{}与{}相差{}，与{}相符",
                        ctx.text(to),
                        ctx.text(from),
                        display::interval(&actual.rounded(2), f, ctx.text(from)),
                        ctx.text(diff)
                    ),
                ))];
            }
            let message = format!(
                "{}与{}相差{}，文中为{}",
                ctx.text(to),
                ctx.text(from),
                display::interval(&actual.rounded(2), f, ctx.text(from)),
                ctx.text(diff)
            );
            return vec![Some(ctx.contradiction(
                quantities,
                diff,
                vec![],
                message,
                ctx.severity,
            ))];
        }
    }
    vec![Some(ctx.check(
        quantities,
        Status::Consistent,
        vec![],
        format!("从{}{}{}，方向相符", ctx.text(from), verb, ctx.text(to)),
    ))]
}

fn difference(ctx: &Ctx) -> Vec<Option<Check>> {
    let Some(a) = ctx.claim.one("a") else {
        return vec![];
    };
    let higher = !ctx
        .claim
        .text("verb")
        .is_some_and(|v| v.starts_with(['低', '慢', '少']));
    [("b", "diff"), ("c", "diff2")]
        .into_iter()
        .filter_map(|(b_role, d_role)| Some((ctx.claim.one(b_role)?, ctx.claim.one(d_role)?)))
        .map(|(b, d)| difference_one(ctx, a, b, d, higher))
        .collect()
}

fn difference_one(ctx: &Ctx, a: usize, b: usize, d: usize, higher: bool) -> Option<Check> {
    let (aiv, biv, div) = (
        interval(ctx.q(a))?,
        interval(ctx.q(b))?,
        interval(ctx.q(d))?,
    );
    let sign = if higher { Decimal::ONE } else { -Decimal::ONE };
    let points = aiv.sub(&biv).scale(sign);
    let quantities = vec![a, b, d];
    let points_text = format!(
        "{}−{} = {}",
        ctx.text(a),
        ctx.text(b),
        display::plain(&points.rounded(2), "个百分点")
    );
    if ctx.q(d).kind == Kind::PercentagePoint {
        return Some(if points.overlaps(&div) {
            ctx.check(
                quantities,
                Status::ConsistentWithin,
                vec![],
                format!("{points_text}，与{}相符", ctx.text(d)),
            )
        } else {
            ctx.contradiction(
                quantities,
                d,
                vec![],
                format!("{points_text}，文中为{}", ctx.text(d)),
                ctx.severity,
            )
        });
    }
    // a percentage written as %: a relative difference, a = b × (1 ± d)
    let relative = biv.mul(&Interval::point(Decimal::ONE).add(&div.scale(sign / HUNDRED)));
    if relative.overlaps(&aiv) {
        return Some(ctx.check(
            quantities,
            Status::ConsistentWithin,
            vec![],
            format!(
                "{}×(1{}{}) ≈ {}",
                ctx.text(b),
                if higher { "+" } else { "−" },
                ctx.text(d),
                ctx.text(a)
            ),
        ));
    }
    let relative_text = format!(
        "按相对差，{}×(1{}{}) = {}，不是{}",
        ctx.text(b),
        if higher { "+" } else { "−" },
        ctx.text(d),
        display::percent(&relative.rounded(2)),
        ctx.text(a)
    );
    if points.overlaps(&div) {
        let message = format!(
            "{relative_text}；两者相差的是{}，应写作“个百分点”",
            display::plain(&points.rounded(2), "个百分点")
        );
        return Some(ctx.contradiction(
            quantities,
            d,
            vec![],
            message,
            Severity::Warning.min(ctx.severity),
        ));
    }
    Some(ctx.contradiction(
        quantities,
        d,
        vec![],
        format!("{relative_text}；{points_text}"),
        ctx.severity,
    ))
}

fn multiple(ctx: &Ctx) -> Vec<Option<Check>> {
    let (Some(a), Some(b), Some(f)) = (
        ctx.claim.one("a"),
        ctx.claim.one("b"),
        ctx.claim.one("factor"),
    ) else {
        return vec![];
    };
    if !compatible(ctx.q(a), ctx.q(b)) {
        return vec![];
    }
    let (Some(aiv), Some(biv), Some(fiv)) =
        (interval(ctx.q(a)), interval(ctx.q(b)), interval(ctx.q(f)))
    else {
        return vec![];
    };
    let ratio = aiv.div(&biv);
    let quantities = vec![a, b, f];
    let text = format!(
        "{}÷{} = {}",
        ctx.text(a),
        ctx.text(b),
        display::plain(&ratio.rounded(2), "倍")
    );
    vec![Some(if ratio.overlaps(&fiv) {
        ctx.check(
            quantities,
            Status::ConsistentWithin,
            vec![],
            format!("{text}，与{}相符", ctx.text(f)),
        )
    } else {
        ctx.contradiction(
            quantities,
            f,
            vec![],
            format!("{text}，文中为{}", ctx.text(f)),
            ctx.severity,
        )
    })]
}

fn span(ctx: &Ctx) -> Vec<Option<Check>> {
    let (Some(from), Some(to), Some(duration)) = (
        ctx.claim.one("from"),
        ctx.claim.one("to"),
        ctx.claim.one("duration"),
    ) else {
        return vec![];
    };
    let (Some(f), Some(t)) = (ctx.q(from).date(), ctx.q(to).date()) else {
        return vec![];
    };
    let d = ctx.q(duration);
    if !matches!(d.unit.as_str(), "天" | "日") {
        return vec![];
    }
    let (Some(fm), Some(fd), Some(tm), Some(td)) = (f.month, f.day, t.month, t.day) else {
        return vec![];
    };
    let year = f.year.or(t.year).unwrap_or(2001);
    let to_year = if tm < fm {
        year + 1
    } else {
        t.year.unwrap_or(year)
    };
    if !calendar::is_valid(year, fm, fd) || !calendar::is_valid(to_year, tm, td) {
        return vec![];
    }
    let inclusive = calendar::days(to_year, tm, td) - calendar::days(year, fm, fd) + 1;
    let Some(div) = interval(d) else {
        return vec![];
    };
    let mut readings = vec![Decimal::from(inclusive)];
    if ctx.claim.text("to_half").is_some() {
        readings.push(Decimal::from(inclusive) - Decimal::new(5, 1));
    }
    let quantities = vec![from, to, duration];
    let shown: Vec<String> = readings
        .iter()
        .map(|r| format!("{}天", r.normalize()))
        .collect();
    let text = format!(
        "{}至{}（含首尾）共{}",
        ctx.text(from),
        ctx.text(to),
        shown.join("或")
    );
    if readings.iter().any(|r| div.contains(*r)) {
        return vec![Some(ctx.check(
            quantities,
            Status::Consistent,
            vec![],
            format!("{text}，与{}相符", ctx.text(duration)),
        ))];
    }
    vec![Some(ctx.contradiction(
        quantities,
        duration,
        vec![],
        format!("{text}，文中为{}", ctx.text(duration)),
        ctx.severity,
    ))]
}

fn weekday(ctx: &Ctx) -> Vec<Option<Check>> {
    let Some(date) = ctx.claim.one("date") else {
        return vec![];
    };
    let Some(d) = ctx.q(date).date() else {
        return vec![];
    };
    let (Some(year), Some(month), Some(day)) = (d.year, d.month, d.day) else {
        return vec![];
    };
    let Some(word) = ctx.claim.text("weekday") else {
        return vec![];
    };
    let Some(stated) = calendar::weekday_of_word(word) else {
        return vec![];
    };
    if !calendar::is_valid(year, month, day) {
        return vec![];
    }
    let actual = calendar::weekday(year, month, day);
    let iso = format!("{year}-{month:02}-{day:02}");
    if actual == stated {
        return vec![Some(ctx.check(
            vec![date],
            Status::Consistent,
            vec![],
            format!("{iso}是{}，与“{word}”相符", calendar::weekday_name(actual)),
        ))];
    }
    let year_note = if d.year_inferred {
        format!("（年份{year}取自上下文）")
    } else {
        String::new()
    };
    let severity = if d.year_inferred {
        Severity::Warning.min(ctx.severity)
    } else {
        ctx.severity
    };
    let message = format!(
        "{iso}{year_note}是{}，文中写作“{word}”",
        calendar::weekday_name(actual)
    );
    vec![Some(ctx.contradiction(
        vec![date],
        date,
        vec![],
        message,
        severity,
    ))]
}

fn respectively(ctx: &Ctx) -> Vec<Option<Check>> {
    let Some(listed) = ctx.claim.many("values") else {
        return vec![];
    };
    let text = ctx.page.text;
    // the values are the run joined by 、/和 with one unit: 266人、269人 (not the 13个 after a comma)
    let mut values = vec![listed[0]];
    for pair in listed.windows(2) {
        let (a, b) = (ctx.q(pair[0]), ctx.q(pair[1]));
        let joined = matches!(
            &text[a.span.end..b.span.start],
            "、" | "和" | "与" | "及" | "以及"
        );
        if !joined || a.unit != b.unit {
            break;
        }
        values.push(pair[1]);
    }
    let values = values.as_slice();
    let start = ctx.claim.span.start;
    // the subjects: the clause before 分别, or the one before it when 分别 opens its clause
    let before = &text[..start];
    let mut clauses = before.rsplit(['，', '；', '。', '\n', '：']);
    let mut subjects = clauses.next().unwrap_or("").to_string();
    if !subjects.contains(['、', '和', '与', '及']) {
        subjects = clauses.next().unwrap_or("").to_string();
    }
    let subjects = subjects.split("分别").next().unwrap_or("");
    let subjects = subjects
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("");
    // `A、B和C` is three subjects, but `个人文化和娱乐服务、…` holds a 和 inside one: both readings count
    let by_comma = subjects.matches('、').count();
    let (count, also, strong) = if by_comma > 0 {
        let and_in_last = subjects
            .rsplit('、')
            .next()
            .is_some_and(|last| last.contains(['和', '及']));
        (
            by_comma + 1,
            if and_in_last {
                by_comma + 2
            } else {
                by_comma + 1
            },
            true,
        )
    } else {
        let n = subjects.matches(['和', '与', '及']).count() + 1;
        (n, n, false)
    };
    if count < 2 {
        return vec![];
    }
    let quantities = values.to_vec();
    if count == values.len() || also == values.len() {
        return vec![Some(ctx.check(
            quantities,
            Status::Consistent,
            vec![],
            format!("“{subjects}”{count}项，分别对应{}个数", values.len()),
        ))];
    }
    let message = format!(
        "“分别”前列了{count}项（{subjects}），后面却有{}个数",
        values.len()
    );
    if strong {
        vec![Some(ctx.contradiction(
            quantities,
            values[0],
            vec![],
            message,
            ctx.severity,
        ))]
    } else {
        vec![Some(ctx.check(
            quantities,
            Status::Derived,
            vec![],
            message,
        ))]
    }
}

fn bounds(ctx: &Ctx) -> Vec<Option<Check>> {
    let Some(value) = ctx.claim.one("value") else {
        return vec![];
    };
    let Some(iv) = interval(ctx.q(value)) else {
        return vec![];
    };
    let noun = ctx.claim.text("noun").unwrap_or("比率");
    let out_of_range =
        iv.lo.is_some_and(|l| l > HUNDRED) || iv.hi.is_some_and(|h| h < Decimal::ZERO);
    if out_of_range {
        let message = format!(
            "{noun}是整体中的一部分，只能在0到100%之间，文中为{}",
            ctx.text(value)
        );
        return vec![Some(ctx.contradiction(
            vec![value],
            value,
            vec![],
            message,
            ctx.severity,
        ))];
    }
    vec![Some(ctx.check(
        vec![value],
        Status::Consistent,
        vec![],
        format!("{noun}{}在0到100%之间", ctx.text(value)),
    ))]
}

fn expression(ctx: &Ctx, rule: Option<&Rule>) -> Vec<Option<Check>> {
    let Some(check) = rule.and_then(|r| r.check.as_ref()) else {
        return vec![];
    };
    use factcheck_rules::expr::{Comparison, Expr, Op};
    fn eval(e: &Expr, ctx: &Ctx) -> Option<Interval> {
        Some(match e {
            Expr::Number(n) => Interval::point(*n),
            Expr::Var(v) => {
                let q = ctx.q(ctx.claim.one(v)?);
                let iv = interval(q)?;
                if matches!(q.kind, Kind::Percent | Kind::PercentagePoint) {
                    iv.scale(Decimal::ONE / HUNDRED)
                } else {
                    iv
                }
            }
            Expr::Neg(inner) => eval(inner, ctx)?.neg(),
            Expr::Binary(op, a, b) => {
                let (a, b) = (eval(a, ctx)?, eval(b, ctx)?);
                match op {
                    Op::Add => a.add(&b),
                    Op::Sub => a.sub(&b),
                    Op::Mul => a.mul(&b),
                    Op::Div => a.div(&b),
                }
            }
        })
    }
    let (Some(left), Some(right)) = (eval(&check.left, ctx), eval(&check.right, ctx)) else {
        return vec![];
    };
    let holds = match check.comparison {
        Comparison::Eq => left.overlaps(&right),
        Comparison::Le | Comparison::Lt => match (left.lo, right.hi) {
            (Some(l), Some(r)) => {
                if check.comparison == Comparison::Le {
                    l <= r
                } else {
                    l < r
                }
            }
            _ => true,
        },
        Comparison::Ge | Comparison::Gt => match (left.hi, right.lo) {
            (Some(l), Some(r)) => {
                if check.comparison == Comparison::Ge {
                    l >= r
                } else {
                    l > r
                }
            }
            _ => true,
        },
    };
    let vars = check.vars();
    let quantities: Vec<usize> = vars.iter().filter_map(|v| ctx.claim.one(v)).collect();
    let text = format!(
        "{} 可取{}，{} 可取{}",
        render_expr(&check.left, ctx),
        display::plain(&left.rounded(4), ""),
        render_expr(&check.right, ctx),
        display::plain(&right.rounded(4), "")
    );
    let Some(&primary) = quantities.last() else {
        return vec![];
    };
    vec![Some(if holds {
        ctx.check(quantities, Status::ConsistentWithin, vec![], text)
    } else {
        ctx.contradiction(
            quantities,
            primary,
            vec![],
            format!("{}{}", "", text),
            ctx.severity,
        )
    })]
}

/// An expression with each placeholder shown as printed: `60亿元 / 20万人`.
fn render_expr(e: &factcheck_rules::expr::Expr, ctx: &Ctx) -> String {
    use factcheck_rules::expr::{Expr, Op};
    match e {
        Expr::Number(n) => n.normalize().to_string(),
        Expr::Var(v) => ctx
            .claim
            .one(v)
            .map(|q| ctx.text(q).to_string())
            .unwrap_or_else(|| v.clone()),
        Expr::Neg(inner) => format!("−{}", render_expr(inner, ctx)),
        Expr::Binary(op, a, b) => {
            let sign = match op {
                Op::Add => "+",
                Op::Sub => "−",
                Op::Mul => "×",
                Op::Div => "÷",
            };
            format!("({}{sign}{})", render_expr(a, ctx), render_expr(b, ctx))
        }
    }
}

fn duplicate(ctx: &Ctx) -> Vec<Option<Check>> {
    let (Some(first), Some(second)) = (ctx.claim.one("first"), ctx.claim.one("second")) else {
        return vec![];
    };
    let (Some(a), Some(b)) = (interval(ctx.q(first)), interval(ctx.q(second))) else {
        return vec![];
    };
    let quantities = vec![first, second];
    if a.overlaps(&b) {
        return vec![Some(ctx.check(
            quantities,
            Status::Consistent,
            vec![],
            format!(
                "同一指标两次出现：{}与{}一致",
                ctx.text(first),
                ctx.text(second)
            ),
        ))];
    }
    let message = format!(
        "同一指标前文为{}，此处为{}",
        ctx.text(first),
        ctx.text(second)
    );
    vec![Some(ctx.contradiction(
        quantities,
        second,
        vec![],
        message,
        Severity::Warning,
    ))]
}

fn headline(ctx: &Ctx) -> Vec<Option<Check>> {
    let (Some(h), Some(body)) = (ctx.claim.one("headline"), ctx.claim.many("body")) else {
        return vec![];
    };
    let Some(hiv) = interval(ctx.q(h)) else {
        return vec![];
    };
    // an open-ended body figure (600万吨以上) restates nothing
    let restating = |b: usize| {
        matches!(
            ctx.q(b).qualifier,
            factcheck_numbers::Qualifier::Exact | factcheck_numbers::Qualifier::About
        )
    };
    if let Some(&same) = body
        .iter()
        .find(|&&b| restating(b) && interval(ctx.q(b)).is_some_and(|b| b.overlaps(&hiv)))
    {
        return vec![Some(ctx.check(
            vec![h, same],
            Status::Consistent,
            vec![],
            format!("标题中的{}与正文的{}一致", ctx.text(h), ctx.text(same)),
        ))];
    }
    // the body figure the headline most likely restates: closest in value, within a factor of 2
    let Some(hv) = point(ctx.q(h)).and_then(|p| p.lo) else {
        return vec![];
    };
    let closest = body
        .iter()
        .filter_map(|&b| Some((b, ctx.q(b).number()?)))
        .filter(|(_, v)| {
            *v > Decimal::ZERO
                && hv > Decimal::ZERO
                && *v * Decimal::TWO >= hv
                && hv * Decimal::TWO >= *v
        })
        .min_by_key(|(_, v)| (*v - hv).abs());
    let Some((b, _)) = closest else { return vec![] };
    let message = format!(
        "标题中的{}在正文中没有出现，正文相近的数字是{}",
        ctx.text(h),
        ctx.text(b)
    );
    vec![Some(ctx.contradiction(
        vec![h, b],
        h,
        vec![],
        message,
        Severity::Warning,
    ))]
}

/// Counts of people, firms and things are whole numbers: 3.5家 cannot be.
pub fn whole_counts(page: &Page, checks: &mut Vec<Check>) {
    const WHOLE: [&str; 12] = [
        "人", "名", "位", "家", "个", "件", "户", "项", "座", "所", "辆", "台",
    ];
    for (index, q) in page.quantities.iter().enumerate() {
        let Value::Number {
            value,
            lower,
            upper,
        } = q.value
        else {
            continue;
        };
        let printed = page.printed.get(index).map(String::as_str).unwrap_or("");
        let magnitude = printed.contains(['万', '亿', '千', '百']);
        if q.kind != Kind::Count
            || !WHOLE.contains(&q.unit.as_str())
            || magnitude
            || value.fract().is_zero()
            || lower != upper && lower.is_some() && upper.is_some() && lower != Some(value)
        {
            continue;
        }
        let message = format!("{printed}：人数、家数、件数应为整数");
        checks.push(Check {
            rule: "bounds-whole-count".into(),
            relation: "bounds".into(),
            quantities: vec![index],
            status: Status::Contradiction,
            derived: vec![],
            explanation: message.clone(),
            finding: Some(Finding {
                rule: "bounds-whole-count".into(),
                severity: Severity::Warning,
                message,
                primary: q.span.clone(),
                related: vec![],
            }),
        });
    }
}
