//! The values of the graph: every figure the relations name (its interval as printed, turned to
//! the number the arithmetic uses: 22.4% is 0.224, a fall is negative), every value the relations
//! derive (a base, a whole), and numbers read from words (the count of items listed).

use crate::Page;
use factcheck_claims::Var;
use factcheck_interval::Interval;
use factcheck_numbers::Kind;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub type VarId = usize;

#[derive(Debug, Clone)]
pub struct Value {
    pub var: Var,
    /// What the printed interval allows, before any relation narrows it.
    pub initial: Interval,
    /// The figure it is shown like (its magnitude and unit).
    pub like: Option<usize>,
    /// The factor from the arithmetic's number to the printed one (100 for a percentage).
    pub shown_scale: Decimal,
}

impl Value {
    pub fn is_derived(&self) -> bool {
        matches!(self.var, Var::Derived(_))
    }
}

/// The values of one story's relations.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub values: Vec<Value>,
    /// What each value may be now (at first its initial interval), apart from the values so
    /// that a scratch copy is cheap.
    pub domains: Vec<Interval>,
    index: Index,
}

/// The id of each variable by what identifies it: a figure by its index, a derived value by its
/// key, a literal by its span.
#[derive(Debug, Clone, Default)]
struct Index {
    stated: HashMap<usize, VarId>,
    derived: HashMap<String, VarId>,
    literal: HashMap<(usize, usize), VarId>,
}

impl Index {
    fn get(&self, var: &Var) -> Option<VarId> {
        match var {
            Var::Stated(q) => self.stated.get(q),
            Var::Derived(d) => self.derived.get(&d.key),
            Var::Literal { span, .. } => self.literal.get(&(span.start, span.end)),
        }
        .copied()
    }

    fn insert(&mut self, var: &Var, id: VarId) {
        match var {
            Var::Stated(q) => self.stated.insert(*q, id),
            Var::Derived(d) => self.derived.insert(d.key.clone(), id),
            Var::Literal { span, .. } => self.literal.insert((span.start, span.end), id),
        };
    }
}

/// The number a figure stands for in the arithmetic, per unit of its printed value.
pub fn scale_of(kind: Kind, unit: &str) -> Decimal {
    match kind {
        Kind::Percent | Kind::PercentagePoint => Decimal::new(1, 2),
        Kind::Ratio if unit == "‰" || unit.contains("千分点") => Decimal::new(1, 3),
        _ => Decimal::ONE,
    }
}

impl Values {
    /// The id of a variable already added.
    pub fn find(&self, var: &Var) -> Option<VarId> {
        self.index.get(var)
    }

    /// The id of a variable, adding it on first sight.
    pub fn id(&mut self, var: &Var, page: &Page) -> Option<VarId> {
        if let Some(id) = self.index.get(var) {
            return Some(id);
        }
        let (initial, like, shown_scale) = match var {
            Var::Stated(q) => {
                let quantity = page.quantities.get(*q)?;
                let (lo, hi) = quantity.bounds();
                quantity.number()?;
                let scale = scale_of(quantity.kind, &quantity.unit);
                let sign = page
                    .frames
                    .frames
                    .get(*q)
                    .map_or(Decimal::ONE, |f| Decimal::from(f.sign));
                let (lo, hi) = match (lo, hi) {
                    (Some(l), Some(h)) if l == h && l.scale() == 0 && averaged(page, *q) => {
                        (Some(l - Decimal::new(5, 1)), Some(h + Decimal::new(5, 1)))
                    }
                    bounds => bounds,
                };
                let iv = Interval::new(lo, hi).scale(scale * sign);
                (iv, Some(*q), Decimal::ONE / scale)
            }
            Var::Derived(d) => {
                let floor = if d.nonnegative {
                    Interval::new(Some(Decimal::ZERO), None)
                } else {
                    Interval::ALL
                };
                let like = page.quantities.get(d.like)?;
                (
                    floor,
                    Some(d.like),
                    Decimal::ONE / scale_of(like.kind, &like.unit),
                )
            }
            Var::Literal { value, .. } => (Interval::point(*value), None, Decimal::ONE),
        };
        let id = self.values.len();
        self.values.push(Value {
            var: var.clone(),
            initial,
            like,
            shown_scale,
        });
        self.domains.push(initial);
        self.index.insert(var, id);
        Some(id)
    }

    pub fn reset(&mut self) {
        for (domain, v) in self.domains.iter_mut().zip(&self.values) {
            *domain = v.initial;
        }
    }
}

/// Is figure `q` an average (`日均2067个`, `人均消费875元`)? A whole number of items or yuan
/// per head is rounded, not counted: 2067 means 2066.5 to 2067.5.
fn averaged(page: &Page, q: usize) -> bool {
    let Some(frame) = page.frames.frames.get(q) else {
        return false;
    };
    let start = page.quantities[q].span.start;
    let clause_start = page
        .frames
        .layout
        .clauses
        .get(frame.clause)
        .map_or(start, |c| c.range.start.min(start));
    let lead: String = page.text[clause_start..start]
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    factcheck_frames::names_an_average(page.words, &frame.metric)
        || factcheck_frames::names_an_average(page.words, &lead)
}
