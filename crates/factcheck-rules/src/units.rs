//! Whether a check expression's sides can agree in unit: money against money, a count or a
//! percentage against a plain number. `share = part / whole` is fine; `rate = amount` (% against 元)
//! is not.

use crate::expr::{CheckExpr, Expr, Op};
use crate::pattern::{Capture, CompiledPattern};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dim {
    /// Counts, percentages, ratios, multiples and constants.
    Plain,
    Money,
    /// A physical measure or an unknown unit: anything goes.
    Any,
    Duration,
    Date,
}

fn name(d: Dim) -> &'static str {
    match d {
        Dim::Plain => "a plain number (count, %, ratio)",
        Dim::Money => "money",
        Dim::Any => "a measure",
        Dim::Duration => "a duration",
        Dim::Date => "a date",
    }
}

fn dim_of_var(var: &str, pattern: &CompiledPattern) -> Dim {
    let Some(p) = pattern.placeholders.iter().find(|p| p.name == var) else {
        return Dim::Any;
    };
    let (Capture::Quantity(letters) | Capture::List(letters)) = &p.capture else {
        return Dim::Any;
    };
    let dims: Vec<Dim> = letters
        .iter()
        .map(|l| match l {
            'm' => Dim::Money,
            'c' | 'p' | 't' | 'r' | 'x' => Dim::Plain,
            'u' => Dim::Duration,
            'd' | 'h' => Dim::Date,
            _ => Dim::Any,
        })
        .collect();
    if dims.windows(2).all(|w| w[0] == w[1]) {
        dims.first().copied().unwrap_or(Dim::Any)
    } else {
        Dim::Any
    }
}

fn dim(e: &Expr, pattern: &CompiledPattern) -> Result<Dim, String> {
    Ok(match e {
        Expr::Number(_) | Expr::Between(..) => Dim::Plain,
        Expr::Var(v) | Expr::Sum(v) | Expr::Min(v) | Expr::Max(v) => dim_of_var(v, pattern),
        Expr::Neg(inner) => dim(inner, pattern)?,
        Expr::Binary(op, a, b) => {
            let (da, db) = (dim(a, pattern)?, dim(b, pattern)?);
            if da == Dim::Date || db == Dim::Date {
                return Err("dates cannot be computed with".into());
            }
            match op {
                Op::Add | Op::Sub => {
                    if da != db && da != Dim::Any && db != Dim::Any {
                        return Err(format!(
                            "cannot add or subtract {} and {}",
                            name(da),
                            name(db)
                        ));
                    }
                    if da == Dim::Any {
                        db
                    } else {
                        da
                    }
                }
                Op::Mul => match (da, db) {
                    (Dim::Plain, d) | (d, Dim::Plain) => d,
                    _ => Dim::Any,
                },
                Op::Div => match (da, db) {
                    (d, Dim::Plain) => d,
                    (a, b) if a == b => Dim::Plain,
                    _ => Dim::Any,
                },
                // a power counts how many times (years, periods): a plain base stays plain
                Op::Pow => match da {
                    Dim::Plain => Dim::Plain,
                    _ => Dim::Any,
                },
            }
        }
    })
}

pub fn check_units(check: &CheckExpr, pattern: &CompiledPattern) -> Result<(), String> {
    let (left, right) = (dim(&check.left, pattern)?, dim(&check.right, pattern)?);
    if left != right && left != Dim::Any && right != Dim::Any {
        return Err(format!(
            "the two sides cannot agree in unit: {} against {}",
            name(left),
            name(right)
        ));
    }
    Ok(())
}
