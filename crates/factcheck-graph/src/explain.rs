//! What was computed from what, in the copy's own figures: a check written with the figures as
//! printed (`42件+13件+3件+9件 = 67件，与63件不符`), and each derived value with the relation that
//! gave it (`由 18.47亿元 = 基期值 × (1 + 22.4%) 得 基期值 ≈ 15.09亿元`).

use crate::display;
use crate::hc4::{self, Bindings, Slot};
use crate::vars::{Values, VarId};
use crate::Page;
use factcheck_claims::{Binding, Claim, Var};
use factcheck_interval::Interval;
use factcheck_rules::expr::{CheckExpr, Comparison, Expr, Op};
use factcheck_rules::Rule;
use rust_decimal::Decimal;

/// How a value reads: the printed figure, or the derived value's name.
pub fn name_of(v: VarId, values: &Values, page: &Page) -> String {
    match &values.values[v].var {
        Var::Stated(q) => {
            let text = page.printed.get(*q).cloned().unwrap_or_default();
            let negative = values.values[v]
                .initial
                .hi
                .is_some_and(|h| h < Decimal::ZERO);
            if negative {
                format!("(−{text})")
            } else {
                text
            }
        }
        Var::Derived(d) => d.name.clone().unwrap_or_else(|| "推算值".into()),
        Var::Literal { text, .. } => text.clone(),
    }
}

/// An interval of a value, in the magnitude and unit of the figure it is shown like.
pub fn show(i: &Interval, like: Option<usize>, page: &Page) -> String {
    let Some(q) = like.and_then(|q| page.quantities.get(q)) else {
        return display::plain(i, "");
    };
    let text = page
        .printed
        .get(like.unwrap_or(0))
        .map(String::as_str)
        .unwrap_or("");
    let scale = crate::vars::scale_of(q.kind, &q.unit);
    let shown = i.scale(Decimal::ONE / scale).rounded(4);
    match q.kind {
        factcheck_numbers::Kind::Percent => {
            display::percent_to(&shown, display::places_for(text).max(2))
        }
        factcheck_numbers::Kind::PercentagePoint => {
            display::plain_to(&shown, "个百分点", display::places_for(text).max(2))
        }
        _ => display::interval(&shown, q, text),
    }
}

/// A range of constants as an editor reads it: a factor about 1 as `(1±0.5%)`.
fn between(low: Decimal, high: Decimal) -> String {
    let spread = (high - low) / Decimal::TWO;
    if low + high == Decimal::TWO && spread > Decimal::ZERO {
        let percent = (spread * Decimal::ONE_HUNDRED).normalize();
        return format!("(1±{percent}%)");
    }
    format!("[{}, {}]", low.normalize(), high.normalize())
}

/// An expression with each role written as its figure or name.
pub fn render(e: &Expr, bindings: &Bindings, values: &Values, page: &Page) -> String {
    let one = |v: VarId| name_of(v, values, page);
    match e {
        Expr::Number(n) => {
            let n = n.normalize();
            // the 1 of (1 + rate) reads as 1; 100 as 100%
            n.to_string()
        }
        Expr::Between(low, high) => between(*low, *high),
        Expr::Var(name) => match bindings.get(name) {
            Some(Slot::One(v)) => one(*v),
            _ => name.clone(),
        },
        Expr::Sum(name) | Expr::Min(name) | Expr::Max(name) => {
            let items: Vec<String> = match bindings.get(name) {
                Some(Slot::Many(vs)) => vs.iter().map(|&v| one(v)).collect(),
                Some(Slot::One(v)) => vec![one(*v)],
                None => vec![name.clone()],
            };
            match e {
                Expr::Sum(_) => items.join("+"),
                Expr::Min(_) => format!("{}中最小者", items.join("、")),
                _ => format!("{}中最大者", items.join("、")),
            }
        }
        Expr::Neg(a) => format!("−{}", render(a, bindings, values, page)),
        Expr::Binary(op, a, b) => {
            let (x, y) = (
                render(a, bindings, values, page),
                render(b, bindings, values, page),
            );
            // (a sum of several figures is bracketed as an addition is: (14200人+5800人)×32%)
            let many =
                |name: &String| matches!(bindings.get(name), Some(Slot::Many(vs)) if vs.len() > 1);
            let wrap = |s: String, inner: &Expr| match inner {
                Expr::Binary(Op::Add | Op::Sub, ..)
                    if matches!(op, Op::Mul | Op::Div | Op::Pow) =>
                {
                    format!("({s})")
                }
                Expr::Sum(name) if many(name) && matches!(op, Op::Mul | Op::Div | Op::Pow) => {
                    format!("({s})")
                }
                Expr::Binary(Op::Mul | Op::Div | Op::Pow, ..) if *op == Op::Pow => format!("({s})"),
                _ => s,
            };
            let sign = match op {
                Op::Add => "+",
                Op::Sub => "−",
                Op::Mul => "×",
                Op::Div => "÷",
                Op::Pow => "^",
            };
            format!("{}{sign}{}", wrap(x, a), wrap(y, b))
        }
    }
}

/// The figure an expression is shown like: its first stated or derived value that is no percent
/// (`whole × share` is an amount of the whole's unit), else its first one; nothing (a plain
/// number) when the rest is numbers read from the words (`312×91.7%`).
fn like_of(e: &Expr, bindings: &Bindings, values: &Values, page: &Page) -> Option<usize> {
    let vars = {
        let mut names = Vec::new();
        e.vars(&mut names);
        names
    };
    let first_value = |name: &String| match bindings.get(name) {
        Some(Slot::One(v)) => Some(*v),
        Some(Slot::Many(vs)) => vs.first().copied(),
        None => None,
    };
    let likes: Vec<Option<usize>> = vars
        .iter()
        .filter_map(first_value)
        .map(|v| values.values[v].like)
        .collect();
    let percent = |q: usize| {
        page.quantities.get(q).is_some_and(|q| {
            matches!(
                q.kind,
                factcheck_numbers::Kind::Percent | factcheck_numbers::Kind::PercentagePoint
            )
        })
    };
    if let Some(amount) = likes.iter().flatten().copied().find(|&q| !percent(q)) {
        return Some(amount);
    }
    if likes.iter().any(Option::is_none) {
        return None;
    }
    likes.into_iter().flatten().next()
}

fn is_single(e: &Expr) -> bool {
    matches!(e, Expr::Var(_))
}

/// One side of a check, as the editor reads it: `42件+13件+9件 = 64件`, or the figure itself.
fn side(
    e: &Expr,
    bindings: &Bindings,
    values: &Values,
    page: &Page,
    like: Option<usize>,
) -> String {
    let text = render(e, bindings, values, page);
    if is_single(e) {
        let Expr::Var(name) = e else { unreachable!() };
        if let Some(Slot::One(v)) = bindings.get(name) {
            if values.values[*v].is_derived() {
                return format!(
                    "{text}（{}）",
                    show(&values.domains[*v], values.values[*v].like, page)
                );
            }
        }
        return text;
    }
    let value = hc4::eval(e, bindings, &values.domains);
    // a bare number (the 0 and 100% a rate lies between) is shown once, as the figure is
    if matches!(e, Expr::Number(_) | Expr::Between(..)) {
        return show(&value, like, page);
    }
    format!("{text} = {}", show(&value, like, page))
}

/// A check that holds or fails, in words.
pub fn check_text(
    check: &CheckExpr,
    bindings: &Bindings,
    values: &Values,
    page: &Page,
    holds: bool,
) -> String {
    let like = like_of(&check.left, bindings, values, page)
        .or_else(|| like_of(&check.right, bindings, values, page));
    let left = side(&check.left, bindings, values, page, like);
    let right = side(&check.right, bindings, values, page, like);
    let relation = match (holds, check.comparison) {
        (true, Comparison::Eq) => "与之相符：",
        (true, Comparison::Le | Comparison::Lt) => "不超过",
        (true, _) => "不少于",
        (false, Comparison::Eq) => "不可能等于",
        (false, Comparison::Le | Comparison::Lt) => "超过了",
        (false, _) => "少于",
    };
    if holds && check.comparison == Comparison::Eq {
        format!("{left}，与{right}相符")
    } else if check.comparison == Comparison::Eq
        && is_single(&check.left)
        && !is_single(&check.right)
    {
        // what the figures add up to first, then what the copy prints
        format!("{right}，而文中为{left}")
    } else {
        format!("{left}，{relation}{right}")
    }
}

/// How a derived value came: `由 18.47亿元 = 基期值×(1+22.4%) 推得 基期值 ≈ 15.09亿元`.
pub fn derivation(
    v: VarId,
    check: &CheckExpr,
    bindings: &Bindings,
    values: &Values,
    page: &Page,
) -> String {
    let (start, narrowed) = derivation_of_many(&[v], check, bindings, values, page);
    format!("{start}{}", narrowed.concat())
}

/// A value as narrowed: `基期值为…`; a printed figure, which is not derived, `572公斤只能为572～
/// 572.5公斤` (the part of its rounding left).
pub fn narrowed_phrase(v: VarId, values: &Values, page: &Page) -> String {
    let value = &values.values[v];
    let verb = if value.is_derived() {
        "为"
    } else {
        "只能为"
    };
    format!(
        "{}{verb}{}",
        name_of(v, values, page),
        show(&values.domains[v], value.like, page)
    )
}

/// How one check narrowed several values, as a start (`由 … = … 推得`) and one phrase per value
/// (`基期值为…`, `572公斤只能为572～572.5公斤`).
pub fn derivation_of_many(
    vs: &[VarId],
    check: &CheckExpr,
    bindings: &Bindings,
    values: &Values,
    page: &Page,
) -> (String, Vec<String>) {
    let narrowed: Vec<String> = vs
        .iter()
        .map(|&v| narrowed_phrase(v, values, page))
        .collect();
    let start = format!(
        "由{} {} {}推得",
        render(&check.left, bindings, values, page),
        match check.comparison {
            Comparison::Eq => "=",
            Comparison::Le | Comparison::Lt => "≤",
            _ => "≥",
        },
        render(&check.right, bindings, values, page),
    );
    (start, narrowed)
}

/// The rule's message with its placeholders filled: `{role}` by the figures of the role,
/// `{computation}` by the arithmetic (appended when the template does not place it).
pub fn render_template(rule: &Rule, claim: &Claim, page: &Page, computation: &str) -> String {
    let Some(template) = &rule.message else {
        return computation.to_string();
    };
    let mut out = template.clone();
    for (name, binding) in &claim.roles {
        // a role the message does not name is not written out
        let placeholder = format!("{{{name}}}");
        if !out.contains(&placeholder) {
            continue;
        }
        let shown = match binding {
            Binding::One(var) => var_text(var, page),
            Binding::Many(vars) => vars
                .iter()
                .map(|v| var_text(v, page))
                .collect::<Vec<_>>()
                .join("、"),
            Binding::Word(w, _) => w.clone(),
        };
        out = out.replace(&placeholder, &shown);
    }
    for (name, label) in &rule.derive {
        out = out.replace(&format!("{{{name}}}"), label);
    }
    if out.contains("{computation}") {
        out.replace("{computation}", computation)
    } else {
        format!("{out}：{computation}")
    }
}

fn var_text(var: &Var, page: &Page) -> String {
    match var {
        Var::Stated(q) => page.printed.get(*q).cloned().unwrap_or_default(),
        Var::Derived(d) => d.name.clone().unwrap_or_default(),
        Var::Literal { text, .. } => text.clone(),
    }
}
