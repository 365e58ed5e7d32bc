//! Relations a table states by its layout rather than by words: a total row and the rows it
//! groups (`合计`, `全省` above the numbered items of a section), the `其中` rows under an item,
//! and a column that is the product of two others (area × yield = output).
//!
//! A table never says which columns multiply or which rows add up, so each relation is first
//! shown to hold on the table's own figures: a product on most rows, a group's sum in at least
//! one column. Only then is every row or column checked, so that one misprinted cell stands out
//! against the rest of its table.

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_numbers::Kind;
use factcheck_text::table::{Table, TableRow};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Rows on which a product must hold before the table is taken to state it.
const PRODUCT_MIN_ROWS: usize = 4;

/// A table's figures: for each row, the quantity in each column's cell.
struct Grid<'t> {
    table: &'t Table,
    cells: Vec<Vec<Option<usize>>>,
}

/// One figure's rounding interval, for telling whether a relation holds on the table.
#[derive(Clone, Copy)]
struct Span {
    lo: f64,
    hi: f64,
}

fn span_of(story: &Story, q: usize) -> Option<Span> {
    let (lo, hi) = story.q(q).bounds();
    Some(Span {
        lo: lo?.to_f64()?,
        hi: hi?.to_f64()?,
    })
}

fn grids<'t>(story: &Story, tables: &'t [Table]) -> Vec<Grid<'t>> {
    tables
        .iter()
        .filter(|t| t.range.start >= story.range.start && t.range.end <= story.range.end)
        .map(|table| Grid {
            table,
            cells: table
                .rows
                .iter()
                .map(|row| {
                    row.cells
                        .iter()
                        .map(|cell| cell.as_ref().and_then(|c| figure_in(story, c)))
                        .collect()
                })
                .collect(),
        })
        .collect()
}

/// A row of a story's table: (the table, the row).
type TableRowAt = (usize, usize);

/// The same row printed in two tables of a story (a total in a summary table and again atop a
/// table by region): two or more columns of the same title hold the same precise figure, so the
/// rows are one, and every column the two share must agree.
pub fn restated_rows(story: &Story) -> Vec<Found> {
    let grids = grids(story, story.tables);
    if grids.len() < 2 {
        return Vec::new();
    }
    let title = |grid: &Grid, k: usize| -> String {
        grid.table.columns[k]
            .title
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    // every precise figure by its column's title and its printed value: (table, row)
    let mut printed: std::collections::HashMap<(String, String), Vec<TableRowAt>> =
        std::collections::HashMap::new();
    for (g, grid) in grids.iter().enumerate() {
        for (r, row) in grid.cells.iter().enumerate() {
            for (k, cell) in row.iter().enumerate() {
                let Some(q) = *cell else { continue };
                if super::restated::precise(story.q(q)) && k < grid.table.columns.len() {
                    printed
                        .entry((title(grid, k), story.q(q).value_text()))
                        .or_default()
                        .push((g, r));
                }
            }
        }
    }
    // rows of two tables that agree in two columns or more
    let mut agreeing: std::collections::HashMap<(TableRowAt, TableRowAt), usize> =
        std::collections::HashMap::new();
    for rows in printed.values().filter(|rows| rows.len() <= 8) {
        for (i, &a) in rows.iter().enumerate() {
            for &b in &rows[i + 1..] {
                if a.0 != b.0 {
                    *agreeing.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    // the columns two tables share, by index in each
    let shared = |a: &Grid, b: &Grid| -> Vec<(usize, usize)> {
        (0..a.table.columns.len())
            .filter_map(|ka| {
                (0..b.table.columns.len())
                    .find(|&kb| title(b, kb) == title(a, ka))
                    .map(|kb| (ka, kb))
            })
            .collect()
    };
    // tables of two years (2022年…, 2023年…) share the columns that do not change
    let years = |grid: &Grid| -> Vec<String> {
        let caption = grid.table.caption.as_deref().unwrap_or("");
        caption
            .split(|c: char| !c.is_ascii_digit())
            .filter(|d| d.len() == 4)
            .map(str::to_string)
            .collect()
    };
    let mut pairs: Vec<_> = agreeing
        .into_iter()
        .filter(|&(((ga, _), (gb, _)), n)| {
            // most of the columns the two share agree, not a few that never change
            n >= 2 && 2 * n > shared(&grids[ga], &grids[gb]).len()
        })
        .filter(|&(((ga, _), (gb, _)), _)| {
            let (ya, yb) = (years(&grids[ga]), years(&grids[gb]));
            ya.is_empty() || yb.is_empty() || ya == yb
        })
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    let mut out = Vec::new();
    for ((ga, ra), (gb, rb)) in pairs {
        let (a, b) = (&grids[ga], &grids[gb]);
        for ka in 0..a.table.columns.len() {
            let Some(kb) = (0..b.table.columns.len()).find(|&kb| title(b, kb) == title(a, ka))
            else {
                continue;
            };
            let (Some(Some(x)), Some(Some(y))) = (a.cells[ra].get(ka), b.cells[rb].get(kb)) else {
                continue;
            };
            let mut roles = Roles::new();
            roles.insert("first".into(), Binding::One(Var::Stated(*x)));
            roles.insert("second".into(), Binding::One(Var::Stated(*y)));
            out.push(Found::single(
                story.q(*x).span.start..story.q(*y).span.end,
                roles,
                Certainty::Inferred,
            ));
        }
    }
    out
}

/// The one figure printed in a cell.
fn figure_in(story: &Story, cell: &std::ops::Range<usize>) -> Option<usize> {
    let mut inside = story
        .members
        .clone()
        .filter(|&q| story.q(q).span.start >= cell.start && story.q(q).span.end <= cell.end);
    let q = inside.next()?;
    let quantity = story.q(q);
    (inside.next().is_none() && quantity.number().is_some() && quantity.kind != Kind::Date)
        .then_some(q)
}

/// A column that multiplies two others: on most rows `product = first × second × 10ᵏ`.
pub fn products(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for grid in grids(story, story.tables) {
        let columns = grid.table.columns.len();
        for product in 0..columns {
            for first in 0..columns {
                for second in first + 1..columns {
                    if product == first || product == second {
                        continue;
                    }
                    out.extend(product_claims(story, &grid, [first, second, product]));
                }
            }
        }
    }
    out
}

fn product_claims(story: &Story, grid: &Grid, [a, b, c]: [usize; 3]) -> Vec<Found> {
    let rows: Vec<[usize; 3]> = grid
        .cells
        .iter()
        .filter_map(|row| Some([(*row.get(a)?)?, (*row.get(b)?)?, (*row.get(c)?)?]))
        .filter(|row| row.iter().all(|&q| !is_percent(story, q)))
        .collect();
    if rows.len() < PRODUCT_MIN_ROWS {
        return Vec::new();
    }
    // the power of ten the units call for, as most rows say it
    let mut exponents: Vec<i32> = rows
        .iter()
        .filter_map(|&[x, y, z]| {
            let (x, y, z) = (
                story.q(x).number()?.to_f64()?,
                story.q(y).number()?.to_f64()?,
                story.q(z).number()?.to_f64()?,
            );
            (x > 0.0 && y > 0.0 && z > 0.0).then(|| (z / (x * y)).log10().round() as i32)
        })
        .collect();
    exponents.sort_unstable();
    let Some(&exponent) = exponents.get(exponents.len() / 2) else {
        return Vec::new();
    };
    // a power of ten comes from units (万亩 × 公斤/亩 = 万吨); counts with none multiply as they
    // are, else a league table's games × wins ≈ goals × 10 is a coincidence
    let with_units = [a, b, c].iter().all(|&k| {
        grid.table
            .columns
            .get(k)
            .is_some_and(|col| col.unit.is_some())
    });
    if exponent != 0 && !with_units {
        return Vec::new();
    }
    let scale = 10f64.powi(exponent);
    let holds = |&[x, y, z]: &[usize; 3]| -> Option<bool> {
        let (x, y, z) = (span_of(story, x)?, span_of(story, y)?, span_of(story, z)?);
        let (lo, hi) = (x.lo * y.lo * scale, x.hi * y.hi * scale);
        // a relative hair for the floating point of the test (the check itself is exact)
        let slack = 1e-9 * hi.abs().max(1.0);
        Some(z.lo <= hi + slack && lo - slack <= z.hi)
    };
    let holding = rows.iter().filter(|r| holds(r) == Some(true)).count();
    // most rows, and all but a few: a misprint or two, not a coincidence on some rows
    if holding < PRODUCT_MIN_ROWS || holding * 5 < rows.len() * 4 {
        return Vec::new();
    }
    let literal = scale_literal(exponent, grid.table);
    rows.iter()
        .map(|&[x, y, z]| {
            let mut roles = Roles::new();
            roles.insert("first".into(), Binding::One(Var::Stated(x)));
            roles.insert("second".into(), Binding::One(Var::Stated(y)));
            roles.insert("product".into(), Binding::One(Var::Stated(z)));
            roles.insert("scale".into(), Binding::One(literal.clone()));
            Found::single(row_span(story, &[x, y, z]), roles, Certainty::Inferred)
        })
        .collect()
}

fn scale_literal(exponent: i32, table: &Table) -> Var {
    let value = if exponent >= 0 {
        Decimal::from_i128_with_scale(10i128.pow(exponent.unsigned_abs()), 0)
    } else {
        Decimal::from_i128_with_scale(1, exponent.unsigned_abs())
    };
    Var::Literal {
        value,
        span: table.range.start..table.range.start,
        text: format!("单位换算{}", value.normalize()),
    }
}

fn is_percent(story: &Story, q: usize) -> bool {
    matches!(story.q(q).kind, Kind::Percent | Kind::PercentagePoint)
}

fn row_span(story: &Story, qs: &[usize]) -> std::ops::Range<usize> {
    let start = qs.iter().map(|&q| story.q(q).span.start).min().unwrap_or(0);
    let end = qs
        .iter()
        .map(|&q| story.q(q).span.end)
        .max()
        .unwrap_or(start);
    start..end
}

/// The rows a total row adds up: its section's numbered items, or all the rows below it.
struct Group {
    total: usize,
    parts: Vec<usize>,
    /// `其中` rows: some of the parts of the row above them, not all.
    within: bool,
}

fn groups(story: &Story, grid: &Grid) -> Vec<Group> {
    let rows = &grid.table.rows;
    let words = story.words();
    let mut out = Vec::new();
    let Some(total) = rows
        .iter()
        .position(|r| words.contains("total_row", &r.label))
    else {
        return out;
    };
    let below: Vec<usize> = (total + 1..rows.len())
        .filter(|&r| grid.cells[r].iter().any(Option::is_some))
        .collect();
    let mut sections: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for &r in &below {
        let section = rows[r].section.as_deref();
        match sections.last_mut() {
            Some((s, members)) if *s == section => members.push(r),
            _ => sections.push((section, vec![r])),
        }
    }
    for (_, members) in sections {
        let numbered: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&r| numbered(&rows[r]))
            .collect();
        if numbered.len() >= 2 {
            out.push(Group {
                total,
                parts: numbered.clone(),
                within: false,
            });
            // the unnumbered rows under a numbered item, from its `其中` on, are some of its parts
            for (k, &item) in numbered.iter().enumerate() {
                let next = numbered.get(k + 1).copied().unwrap_or(usize::MAX);
                let under: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&r| r > item && r < next)
                    .collect();
                if under
                    .first()
                    .is_some_and(|&r| words.starting("which", &rows[r].label).is_some())
                {
                    out.push(Group {
                        total: item,
                        parts: under,
                        within: true,
                    });
                }
            }
        } else if numbered.is_empty() && members.len() >= 2 {
            out.push(Group {
                total,
                parts: members,
                within: false,
            });
        }
    }
    out
}

/// `1、夏粮`, `（二）东部`, `一、工业`: an item of a numbered list.
fn numbered(row: &TableRow) -> bool {
    let label = row.label.trim_start_matches(['(', '（']);
    let digits = label
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .count();
    digits > 0
        && label
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '、' | '.' | '．' | ')' | '）'))
}

/// Total rows and the rows they add up, column by column: `total = sum(parts)`, or for `其中`
/// rows `total >= sum(parts)`. A group counts as adding up only where it does in some column;
/// a column is checked where it adds up somewhere in the table or measures an amount.
pub fn row_sums(story: &Story, within: bool) -> Vec<Found> {
    let mut out = Vec::new();
    for grid in grids(story, story.tables) {
        let groups = groups(story, &grid);
        let columns = grid.table.columns.len();
        let adds = |g: &Group, c: usize| -> Option<bool> {
            let total = span_of(story, grid.cells[g.total].get(c).copied()??)?;
            let mut lo = 0.0;
            let mut hi = 0.0;
            for &r in &g.parts {
                let part = span_of(story, grid.cells[r].get(c).copied()??)?;
                lo += part.lo;
                hi += part.hi;
            }
            let slack = 1e-9 * hi.abs().max(1.0);
            Some(if g.within {
                lo <= total.hi + slack
            } else {
                lo <= total.hi + slack && total.lo <= hi + slack
            })
        };
        let additive: Vec<bool> = (0..columns)
            .map(|c| {
                groups.iter().any(|g| !g.within && adds(g, c) == Some(true))
                    || amount_column(story, &grid, c)
            })
            .collect();
        for group in groups.iter().filter(|g| g.within == within) {
            let valid = within || (0..columns).any(|c| adds(group, c) == Some(true));
            if !valid {
                continue;
            }
            for c in (0..columns).filter(|&c| additive[c]) {
                let Some(total) = grid.cells[group.total].get(c).copied().flatten() else {
                    continue;
                };
                let parts: Option<Vec<usize>> = group
                    .parts
                    .iter()
                    .map(|&r| grid.cells[r].get(c).copied().flatten())
                    .collect();
                let Some(parts) = parts else {
                    continue;
                };
                if is_percent(story, total) {
                    continue;
                }
                let mut roles = Roles::new();
                roles.insert("total".into(), Binding::One(Var::Stated(total)));
                roles.insert(
                    "parts".into(),
                    Binding::Many(parts.iter().map(|&q| Var::Stated(q)).collect()),
                );
                let mut all = parts.clone();
                all.push(total);
                out.push(Found::single(
                    row_span(story, &all),
                    roles,
                    Certainty::Inferred,
                ));
            }
        }
    }
    out
}

/// A column of amounts (not a rate, an average or an index), by its title and unit.
fn amount_column(story: &Story, grid: &Grid, c: usize) -> bool {
    let Some(column) = grid.table.columns.get(c) else {
        return false;
    };
    let unit = grid.table.unit_of(c).unwrap_or("");
    !unit.contains(['%', '/', '‰'])
        && !story.words().contains("intensive", &column.title)
        && grid
            .cells
            .iter()
            .flat_map(|row| row.get(c).copied().flatten())
            .all(|q| matches!(story.q(q).kind, Kind::Money | Kind::Count | Kind::Other))
}
