//! Checks as constraints over intervals. A check `left ⋈ right` is read as `left − right` lying
//! in [0, 0] (=), (−∞, 0] (≤) or [0, ∞) (≥). Evaluating the expression bottom-up gives every value
//! the figures allow; projecting the target back down each operation narrows each value to what
//! the check leaves possible (HC4-revise). A value narrowed to nothing is a contradiction: no
//! reading of the printed figures satisfies the check.

use crate::vars::VarId;
use factcheck_interval::Interval;
use factcheck_rules::expr::{CheckExpr, Comparison, Expr, Op};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What a role of a check stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    One(VarId),
    Many(Vec<VarId>),
}

pub type Bindings = BTreeMap<String, Slot>;

/// Are all the roles an expression uses bound?
pub fn bound(check: &CheckExpr, bindings: &Bindings) -> bool {
    check.all_vars(&mut |v| bindings.contains_key(v))
}

/// The variables a check touches.
pub fn touched(check: &CheckExpr, bindings: &Bindings) -> Vec<VarId> {
    let mut out = Vec::new();
    // every name visited (a name used twice gives the same values twice: deduplicated below)
    check.all_vars(&mut |name| {
        match bindings.get(name) {
            Some(Slot::One(v)) => out.push(*v),
            Some(Slot::Many(vs)) => out.extend(vs),
            None => {}
        }
        true
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// The variables an expression uses.
pub fn vars_of(e: &Expr, bindings: &Bindings) -> Vec<VarId> {
    let mut names = Vec::new();
    e.vars(&mut names);
    let mut out = Vec::new();
    for name in names {
        match bindings.get(&name) {
            Some(Slot::One(v)) => out.push(*v),
            Some(Slot::Many(vs)) => out.extend(vs),
            None => {}
        }
    }
    out
}

/// Widens an interval by a hair on each side, so that decimal rounding in a division never
/// narrows a value past what is exact.
fn outward(i: Interval) -> Interval {
    let hair = |v: Decimal| v.abs() * Decimal::new(1, 20) + Decimal::new(1, 24);
    Interval {
        lo: i.lo.and_then(|v| v.checked_sub(hair(v))),
        hi: i.hi.and_then(|v| v.checked_add(hair(v))),
    }
}

fn target(comparison: Comparison) -> Interval {
    match comparison {
        Comparison::Eq => Interval::point(Decimal::ZERO),
        Comparison::Le | Comparison::Lt => Interval::new(None, Some(Decimal::ZERO)),
        Comparison::Ge | Comparison::Gt => Interval::new(Some(Decimal::ZERO), None),
    }
}

/// Every value `e` may take given the values' domains.
pub fn eval(e: &Expr, bindings: &Bindings, domains: &[Interval]) -> Interval {
    let list = |name: &str| -> &[VarId] {
        match bindings.get(name) {
            Some(Slot::Many(vs)) => vs,
            Some(Slot::One(v)) => std::slice::from_ref(v),
            None => &[],
        }
    };
    match e {
        Expr::Number(n) => Interval::point(*n),
        Expr::Between(low, high) => Interval::new(Some(*low), Some(*high)),
        Expr::Var(name) => match bindings.get(name) {
            Some(Slot::One(v)) => domains[*v],
            _ => Interval::ALL,
        },
        Expr::Sum(name) => list(name)
            .iter()
            .fold(Interval::point(Decimal::ZERO), |acc, &v| {
                acc.add(&domains[v])
            }),
        Expr::Min(name) => fold_bounds(list(name), domains, true),
        Expr::Max(name) => fold_bounds(list(name), domains, false),
        Expr::Neg(a) => eval(a, bindings, domains).neg(),
        Expr::Binary(op, a, b) => apply(
            *op,
            &eval(a, bindings, domains),
            &eval(b, bindings, domains),
        ),
    }
}

/// `x op y`, widened by a hair against rounding.
fn apply(op: Op, x: &Interval, y: &Interval) -> Interval {
    outward(match op {
        Op::Add => x.add(y),
        Op::Sub => x.sub(y),
        Op::Mul => x.mul(y),
        Op::Div => x.div(y),
        Op::Pow => x.pow(y),
    })
}

/// The interval of the least (or greatest) of several values.
fn fold_bounds(vars: &[VarId], domains: &[Interval], least: bool) -> Interval {
    let Some((&first, rest)) = vars.split_first() else {
        return Interval::ALL;
    };
    rest.iter()
        .map(|&v| &domains[v])
        .fold(domains[first], |acc, i| {
            let pick = |a: Option<Decimal>, b: Option<Decimal>, take_min: bool| match (a, b) {
                (Some(x), Some(y)) => Some(if take_min { x.min(y) } else { x.max(y) }),
                // an unbounded side stays unbounded for the side it bounds
                (None, _) | (_, None) => None,
            };
            if least {
                Interval {
                    lo: pick(acc.lo, i.lo, true),
                    hi: match (acc.hi, i.hi) {
                        (Some(x), Some(y)) => Some(x.min(y)),
                        (x, y) => x.or(y),
                    },
                }
            } else {
                Interval {
                    lo: match (acc.lo, i.lo) {
                        (Some(x), Some(y)) => Some(x.max(y)),
                        (x, y) => x.or(y),
                    },
                    hi: pick(acc.hi, i.hi, false),
                }
            }
        })
}

/// A contradiction found while narrowing: the value that was left with nothing (if a value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict;

/// Narrows the values a check touches; returns those narrowed, or a conflict.
pub fn narrow(
    check: &CheckExpr,
    bindings: &Bindings,
    domains: &mut [Interval],
) -> Result<Vec<VarId>, Conflict> {
    let mut changed = Vec::new();
    // `left − right` in the target
    backward_binary(
        Op::Sub,
        &check.left,
        &check.right,
        target(check.comparison),
        bindings,
        domains,
        &mut changed,
    )?;
    changed.sort_unstable();
    changed.dedup();
    Ok(changed)
}

/// Does the check leave some reading possible, without narrowing anything?
pub fn satisfiable(check: &CheckExpr, bindings: &Bindings, domains: &[Interval]) -> bool {
    let mut scratch = domains.to_vec();
    narrow(check, bindings, &mut scratch).is_ok()
}

/// Narrows value `v` to `to`; every value narrowed is noted in `changed` (and no value changes
/// without being noted there).
fn set(
    v: VarId,
    to: Interval,
    domains: &mut [Interval],
    changed: &mut Vec<VarId>,
) -> Result<(), Conflict> {
    let old = domains[v];
    let new = old.intersect(&to).ok_or(Conflict)?;
    if narrower(&new, &old) {
        domains[v] = new;
        changed.push(v);
    }
    Ok(())
}

/// Is `new` narrower than `old` by more than rounding noise?
fn narrower(new: &Interval, old: &Interval) -> bool {
    let tol = |v: Decimal| v.abs() * Decimal::new(1, 12) + Decimal::new(1, 18);
    // the tolerance (positive) is worked out only for a bound that moved at all
    let lo = match (new.lo, old.lo) {
        (Some(n), Some(o)) => n > o && n > o + tol(o),
        (Some(_), None) => true,
        _ => false,
    };
    let hi = match (new.hi, old.hi) {
        (Some(n), Some(o)) => n < o && n < o - tol(o),
        (Some(_), None) => true,
        _ => false,
    };
    lo || hi
}

/// Narrows what `e` names so that `e` lies in `t`.
fn backward(
    e: &Expr,
    t: Interval,
    bindings: &Bindings,
    domains: &mut [Interval],
    changed: &mut Vec<VarId>,
) -> Result<(), Conflict> {
    if let Expr::Binary(op, a, b) = e {
        return backward_binary(*op, a, b, t, bindings, domains, changed);
    }
    let now = eval(e, bindings, domains);
    let t = now.intersect(&t).ok_or(Conflict)?;
    match e {
        // (a binary is narrowed above)
        Expr::Number(_) | Expr::Between(..) | Expr::Binary(..) => Ok(()),
        Expr::Var(name) => match bindings.get(name) {
            Some(Slot::One(v)) => set(*v, t, domains, changed),
            _ => Ok(()),
        },
        Expr::Sum(name) => {
            let Some(Slot::Many(vs)) = bindings.get(name) else {
                if let Some(Slot::One(v)) = bindings.get(name) {
                    return set(*v, t, domains, changed);
                }
                return Ok(());
            };
            for (k, &v) in vs.iter().enumerate() {
                let others = vs
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != k)
                    .fold(Interval::point(Decimal::ZERO), |acc, (_, &o)| {
                        acc.add(&domains[o])
                    });
                set(v, outward(t.sub(&others)), domains, changed)?;
            }
            Ok(())
        }
        Expr::Min(name) | Expr::Max(name) => {
            let vs: &[VarId] = match bindings.get(name) {
                Some(Slot::Many(vs)) => vs,
                Some(Slot::One(v)) => std::slice::from_ref(v),
                None => return Ok(()),
            };
            // every value is at least the least (at most the greatest)
            let bound = if matches!(e, Expr::Min(_)) {
                Interval::new(t.lo, None)
            } else {
                Interval::new(None, t.hi)
            };
            for &v in vs {
                set(v, bound, domains, changed)?;
            }
            Ok(())
        }
        Expr::Neg(a) => backward(a, t.neg(), bindings, domains, changed),
    }
}

/// Narrows what `a op b` names so that it lies in `t`: `a` to what `b` leaves possible, then `b`
/// to what `a` now leaves possible.
fn backward_binary(
    op: Op,
    a: &Expr,
    b: &Expr,
    t: Interval,
    bindings: &Bindings,
    domains: &mut [Interval],
    changed: &mut Vec<VarId>,
) -> Result<(), Conflict> {
    let x = eval(a, bindings, domains);
    let y = eval(b, bindings, domains);
    let t = apply(op, &x, &y).intersect(&t).ok_or(Conflict)?;
    let before = changed.len();
    match op {
        Op::Add => backward(a, outward(t.sub(&y)), bindings, domains, changed)?,
        Op::Sub => backward(a, outward(t.add(&y)), bindings, domains, changed)?,
        Op::Mul if excludes_zero(&y) => {
            backward(a, outward(t.div(&y)), bindings, domains, changed)?
        }
        Op::Mul => {}
        Op::Div => backward(a, outward(t.mul(&y)), bindings, domains, changed)?,
        // the root is the base's only when the base cannot be negative ((−3)² is 9 too)
        Op::Pow if x.lo.is_some_and(|lo| lo >= Decimal::ZERO) => {
            backward(a, outward(t.root(&y)), bindings, domains, changed)?
        }
        Op::Pow => {}
    }
    // `a` evaluated again only when narrowing it changed some value
    let x = if changed.len() == before {
        x
    } else {
        eval(a, bindings, domains)
    };
    match op {
        Op::Add => backward(b, outward(t.sub(&x)), bindings, domains, changed),
        Op::Sub => backward(b, outward(x.sub(&t)), bindings, domains, changed),
        Op::Mul if excludes_zero(&x) => backward(b, outward(t.div(&x)), bindings, domains, changed),
        Op::Div if excludes_zero(&t) => backward(b, outward(x.div(&t)), bindings, domains, changed),
        Op::Mul | Op::Div => Ok(()),
        // the exponent is a count of periods, stated, never derived
        Op::Pow => Ok(()),
    }
}

fn excludes_zero(i: &Interval) -> bool {
    matches!(i.lo, Some(l) if l > Decimal::ZERO) || matches!(i.hi, Some(h) if h < Decimal::ZERO)
}
