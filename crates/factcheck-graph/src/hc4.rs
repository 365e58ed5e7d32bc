//! Checks as constraints over intervals. A check `left ⋈ right` is read as `left − right` lying
//! in [0, 0] (=), (−∞, 0] (≤) or [0, ∞) (≥). Evaluating the expression bottom-up gives every value
//! the figures allow; projecting the target back down each operation narrows each value to what
//! the check leaves possible (HC4-revise). A value narrowed to nothing is a contradiction: no
//! reading of the printed figures satisfies the check.

use crate::vars::{Values, VarId};
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
    check.vars().iter().all(|v| bindings.contains_key(v))
}

/// The variables a check touches.
pub fn touched(check: &CheckExpr, bindings: &Bindings) -> Vec<VarId> {
    let mut out = Vec::new();
    for name in check.vars() {
        match bindings.get(&name) {
            Some(Slot::One(v)) => out.push(*v),
            Some(Slot::Many(vs)) => out.extend(vs),
            None => {}
        }
    }
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
pub fn eval(e: &Expr, bindings: &Bindings, values: &Values) -> Interval {
    let dom = |v: VarId| values.values[v].domain;
    let list = |name: &str| -> Vec<Interval> {
        match bindings.get(name) {
            Some(Slot::Many(vs)) => vs.iter().map(|&v| dom(v)).collect(),
            Some(Slot::One(v)) => vec![dom(*v)],
            None => Vec::new(),
        }
    };
    match e {
        Expr::Number(n) => Interval::point(*n),
        Expr::Var(name) => match bindings.get(name) {
            Some(Slot::One(v)) => dom(*v),
            _ => Interval::ALL,
        },
        Expr::Sum(name) => list(name)
            .iter()
            .fold(Interval::point(Decimal::ZERO), |acc, i| acc.add(i)),
        Expr::Min(name) => fold_bounds(&list(name), true),
        Expr::Max(name) => fold_bounds(&list(name), false),
        Expr::Neg(a) => eval(a, bindings, values).neg(),
        Expr::Binary(op, a, b) => {
            let (x, y) = (eval(a, bindings, values), eval(b, bindings, values));
            outward(match op {
                Op::Add => x.add(&y),
                Op::Sub => x.sub(&y),
                Op::Mul => x.mul(&y),
                Op::Div => x.div(&y),
            })
        }
    }
}

/// The interval of the least (or greatest) of several values.
fn fold_bounds(items: &[Interval], least: bool) -> Interval {
    let Some(first) = items.first() else {
        return Interval::ALL;
    };
    items[1..].iter().fold(*first, |acc, i| {
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
    values: &mut Values,
) -> Result<Vec<VarId>, Conflict> {
    let whole = Expr::Binary(
        Op::Sub,
        Box::new(check.left.clone()),
        Box::new(check.right.clone()),
    );
    let mut changed = Vec::new();
    backward(
        &whole,
        target(check.comparison),
        bindings,
        values,
        &mut changed,
    )?;
    changed.sort_unstable();
    changed.dedup();
    Ok(changed)
}

/// Does the check leave some reading possible, without narrowing anything?
pub fn satisfiable(check: &CheckExpr, bindings: &Bindings, values: &Values) -> bool {
    let mut scratch = values.clone();
    narrow(check, bindings, &mut scratch).is_ok()
}

fn set(
    v: VarId,
    to: Interval,
    values: &mut Values,
    changed: &mut Vec<VarId>,
) -> Result<(), Conflict> {
    let old = values.values[v].domain;
    let new = old.intersect(&to).ok_or(Conflict)?;
    if narrower(&new, &old) {
        values.values[v].domain = new;
        changed.push(v);
    }
    Ok(())
}

/// Is `new` narrower than `old` by more than rounding noise?
fn narrower(new: &Interval, old: &Interval) -> bool {
    let tol = |v: Decimal| v.abs() * Decimal::new(1, 12) + Decimal::new(1, 18);
    let lo = match (new.lo, old.lo) {
        (Some(n), Some(o)) => n > o + tol(o),
        (Some(_), None) => true,
        _ => false,
    };
    let hi = match (new.hi, old.hi) {
        (Some(n), Some(o)) => n < o - tol(o),
        (Some(_), None) => true,
        _ => false,
    };
    lo || hi
}

fn backward(
    e: &Expr,
    t: Interval,
    bindings: &Bindings,
    values: &mut Values,
    changed: &mut Vec<VarId>,
) -> Result<(), Conflict> {
    let now = eval(e, bindings, values);
    let t = now.intersect(&t).ok_or(Conflict)?;
    match e {
        Expr::Number(_) => Ok(()),
        Expr::Var(name) => match bindings.get(name) {
            Some(Slot::One(v)) => set(*v, t, values, changed),
            _ => Ok(()),
        },
        Expr::Sum(name) => {
            let Some(Slot::Many(vs)) = bindings.get(name) else {
                if let Some(Slot::One(v)) = bindings.get(name) {
                    return set(*v, t, values, changed);
                }
                return Ok(());
            };
            for (k, &v) in vs.iter().enumerate() {
                let others = vs
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != k)
                    .fold(Interval::point(Decimal::ZERO), |acc, (_, &o)| {
                        acc.add(&values.values[o].domain)
                    });
                set(v, outward(t.sub(&others)), values, changed)?;
            }
            Ok(())
        }
        Expr::Min(name) | Expr::Max(name) => {
            let vs: Vec<VarId> = match bindings.get(name) {
                Some(Slot::Many(vs)) => vs.clone(),
                Some(Slot::One(v)) => vec![*v],
                None => return Ok(()),
            };
            // every value is at least the least (at most the greatest)
            let bound = if matches!(e, Expr::Min(_)) {
                Interval::new(t.lo, None)
            } else {
                Interval::new(None, t.hi)
            };
            for v in vs {
                set(v, bound, values, changed)?;
            }
            Ok(())
        }
        Expr::Neg(a) => backward(a, t.neg(), bindings, values, changed),
        Expr::Binary(op, a, b) => {
            let y = eval(b, bindings, values);
            match op {
                Op::Add => {
                    backward(a, outward(t.sub(&y)), bindings, values, changed)?;
                    let x = eval(a, bindings, values);
                    backward(b, outward(t.sub(&x)), bindings, values, changed)
                }
                Op::Sub => {
                    backward(a, outward(t.add(&y)), bindings, values, changed)?;
                    let x = eval(a, bindings, values);
                    backward(b, outward(x.sub(&t)), bindings, values, changed)
                }
                Op::Mul => {
                    if excludes_zero(&y) {
                        backward(a, outward(t.div(&y)), bindings, values, changed)?;
                    }
                    let x = eval(a, bindings, values);
                    if excludes_zero(&x) {
                        backward(b, outward(t.div(&x)), bindings, values, changed)?;
                    }
                    Ok(())
                }
                Op::Div => {
                    backward(a, outward(t.mul(&y)), bindings, values, changed)?;
                    let x = eval(a, bindings, values);
                    if excludes_zero(&t) {
                        backward(b, outward(x.div(&t)), bindings, values, changed)?;
                    }
                    Ok(())
                }
            }
        }
    }
}

fn excludes_zero(i: &Interval) -> bool {
    matches!(i.lo, Some(l) if l > Decimal::ZERO) || matches!(i.hi, Some(h) if h < Decimal::ZERO)
}
