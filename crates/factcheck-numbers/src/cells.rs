//! Figures in table cells. A bare figure in a cell takes the unit its column title or the table's
//! caption prints, read as the same figure with that unit would be read in prose: a cell `62143.5`
//! under `总产量（万吨）` is 621,435,000 吨, like `62143.5万吨`. A unit the vocabulary does not know
//! as a whole (`公斤/公顷`, `元/人`) is kept as printed and the figure unscaled; a column without any
//! unit gives an unnamed one (kind `other`). Every figure read from a cell also gets what it
//! measures: its row's label and its column's title.

use crate::quantity::Kind;
use crate::scan::{magnitude_at, Reading, Scanned};
use crate::vocab::Vocabulary;
use factcheck_text::table::{is_figure, Table};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Gives the bare figures of table cells their column's unit; returns what each cell figure
/// measures, by the start of its span.
pub fn read_cells(
    text: &str,
    tables: &[Table],
    scanned: &mut [Scanned],
    vocab: &Vocabulary,
) -> HashMap<usize, String> {
    let mut measures = HashMap::new();
    for table in tables {
        let units: Vec<(Decimal, String, Kind)> = (0..table.columns.len())
            .map(|k| header_unit(vocab, table.unit_of(k).unwrap_or("")))
            .collect();
        for row in &table.rows {
            for (k, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                if !is_figure(&text[cell.clone()]) {
                    continue;
                }
                // the numbers are in text order: look only at those that start in the cell
                let first = scanned.partition_point(|s| s.core.start < cell.start);
                let inside: Vec<usize> = (first..scanned.len())
                    .take_while(|&i| scanned[i].core.start < cell.end)
                    .filter(|&i| scanned[i].core.end <= cell.end)
                    .collect();
                let [only] = inside[..] else { continue };
                apply_unit(&mut scanned[only], &units[k]);
                let title = strip_unit(&table.columns[k].title);
                let label = strip_numbering(&row.label);
                measures.insert(
                    scanned[only].span.start,
                    format!("{label} {title}").trim().to_string(),
                );
            }
        }
    }
    measures
}

/// A header's unit as the grammar reads it: `万吨` → ×10,000 吨, `%` → percent, `公斤/公顷` as is.
fn header_unit(vocab: &Vocabulary, printed: &str) -> (Decimal, String, Kind) {
    let printed = printed.trim();
    let whole = |u: &str| {
        vocab
            .unit_at(u)
            .filter(|(found, _)| *found == u)
            .map(|(_, k)| k)
    };
    if let Some(kind) = whole(printed) {
        return (Decimal::ONE, printed.to_string(), kind);
    }
    let chars: Vec<char> = printed.chars().collect();
    if let Some((factor, len)) = magnitude_at(&chars) {
        let rest: String = chars[len..].iter().collect();
        if let Some(kind) = whole(&rest) {
            return (factor, rest, kind);
        }
    }
    (Decimal::ONE, printed.to_string(), Kind::Other)
}

fn apply_unit(scanned: &mut Scanned, (factor, unit, kind): &(Decimal, String, Kind)) {
    let Reading::Number {
        value,
        place,
        step,
        range,
        magnitude,
        unit: u @ None,
        ..
    } = &mut scanned.reading
    else {
        return;
    };
    if *magnitude {
        return;
    }
    // a figure the header's magnitude would take past what can be held stays unread
    let limit = crate::chinese::readable_limit();
    let scale = |v: Decimal| v.checked_mul(*factor).filter(|v| v.abs() <= limit);
    let (Some(new_value), Some(new_place), Some(new_step)) =
        (scale(*value), scale(*place), scale(*step))
    else {
        return;
    };
    let new_range = match range {
        Some((a, b)) => match (scale(*a), scale(*b)) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => return,
        },
        None => None,
    };
    *value = new_value;
    *place = new_place;
    *step = new_step;
    *range = new_range;
    *magnitude = *factor != Decimal::ONE;
    *u = Some((unit.clone(), *kind));
}

/// A column title without its bracketed unit: `总产量（万吨）` → `总产量`.
fn strip_unit(title: &str) -> &str {
    title
        .find('（')
        .map(|i| title[..i].trim_end())
        .unwrap_or(title)
}

/// A row label without its list numbering: `1、夏粮` → `夏粮`, `其中：玉米` → `玉米`.
fn strip_numbering(label: &str) -> &str {
    let label = label
        .strip_prefix("其中：")
        .or_else(|| label.strip_prefix("其中:"))
        .unwrap_or(label);
    match label.find('、') {
        Some(at)
            if label[..at]
                .chars()
                .all(|c| c.is_ascii_digit() || crate::chinese::is_numeral(c)) =>
        {
            &label[at + '、'.len_utf8()..]
        }
        _ => label,
    }
}
