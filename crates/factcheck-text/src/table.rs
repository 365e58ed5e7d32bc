//! Tables in a normalised page: pipe tables (`| 地区 | 产量（万吨） |`, Markdown's among them, and
//! HTML tables once their cells are marked), and space-aligned plain-text tables whose column gaps
//! the normaliser keeps as a tab.
//!
//! A table is a run of row lines: an optional caption (`表1 …`, a one-cell row above the header),
//! an optional unit line (`单位：亿元`), one header row of column titles, then data rows, each with
//! its label in the first cell. A row that has only its label (`一、分季节`) heads the rows below it.
//!
//! Units: a column's unit is the one its title prints in brackets or after `单位：` (`总产量（万吨）`,
//! `比上年增长（%）`), else the caption's. Units are given as printed (`万吨`, `千公顷`, `公斤/公顷`);
//! the quantity grammar reads a cell under `万吨` exactly as it reads `62143.5万吨` in prose (the
//! magnitude applied to the value, the unit `吨`).
//!
//! All ranges are byte ranges of the normalised text.

use std::ops::Range;

/// The mark the normaliser leaves for a column gap of a space-aligned table.
pub const COLUMN_GAP: char = '\t';

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub range: Range<usize>,
    pub caption: Option<String>,
    /// The unit the caption or a unit line gives the whole table (`单位：亿元` → `亿元`).
    pub unit: Option<String>,
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableColumn {
    pub title: String,
    /// The unit the title prints (`万吨`, `%`, `公斤/公顷`).
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub range: Range<usize>,
    /// The first cell, spaces removed.
    pub label: String,
    /// One per column: the cell's text, trimmed (`None` for an empty cell).
    pub cells: Vec<Option<Range<usize>>>,
    /// The label-only row above this one (`一、分季节`), if any.
    pub section: Option<String>,
}

impl Table {
    /// The unit of column `k`: its own, else the table's.
    pub fn unit_of(&self, k: usize) -> Option<&str> {
        self.columns
            .get(k)
            .and_then(|c| c.unit.as_deref())
            .or(self.unit.as_deref())
    }
}

/// Is this physical line (as decoded) a pipe table row?
pub fn is_pipe_row(line: &str) -> bool {
    line.chars().filter(|&c| c == '|' || c == '｜').count() >= 2
}

/// Column gaps of a physical line: a tab, or two or more spaces, between printed characters.
pub fn column_gaps(line: &str) -> usize {
    let trimmed = line.trim_matches(|c: char| crate::chars::is_space(c));
    let mut gaps = 0;
    let mut run = 0;
    let mut tab = false;
    for c in trimmed.chars() {
        if crate::chars::is_space(c) {
            run += 1;
            tab |= c == '\t';
        } else {
            if run >= 2 || tab {
                gaps += 1;
            }
            run = 0;
            tab = false;
        }
    }
    gaps
}

/// One line of the normalised text cut into cells.
struct Line {
    range: Range<usize>,
    cells: Vec<Range<usize>>,
}

/// Finds the tables of a normalised text.
pub fn find_tables(text: &str) -> Vec<Table> {
    let lines = lines(text);
    let mut tables = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if lines[k].cells.len() < 2 {
            k += 1;
            continue;
        }
        let start = k;
        while k < lines.len() && lines[k].cells.len() >= 2 {
            k += 1;
        }
        if let Some(table) = assemble(text, &lines, start, k) {
            tables.push(table);
        }
    }
    tables
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        start = range.end + 1;
        out.push(Line {
            cells: cells(text, range.clone()),
            range,
        });
    }
    out
}

/// The cells of a line (trimmed ranges, empty ones kept in place); none for a line that is not
/// a row. The empty cells outside a row's outer pipes are dropped.
fn cells(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[range.clone()];
    let pipes = body.matches('|').count();
    let sep = if pipes >= 2 {
        '|'
    } else if body.contains(COLUMN_GAP) {
        COLUMN_GAP
    } else {
        return Vec::new();
    };
    let mut cells = Vec::new();
    let mut at = range.start;
    for piece in body.split(sep) {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        cells.push(at + lead..at + lead + trimmed.len());
        at += piece.len() + 1;
    }
    if sep == '|' {
        if body.trim_start().starts_with('|') && cells.first().is_some_and(|c| c.is_empty()) {
            cells.remove(0);
        }
        if body.trim_end().ends_with('|') && cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
    }
    cells
}

/// A cell that is a plain figure: digits with an optional sign, decimal part and percent sign.
pub fn is_figure(cell: &str) -> bool {
    let body = cell
        .trim_start_matches(['-', '+'])
        .trim_end_matches(['%', '‰']);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
}

/// A Markdown delimiter row: `|---|:---:|`.
fn is_delimiter(text: &str, line: &Line) -> bool {
    line.cells.iter().all(|c| {
        let cell = &text[c.clone()];
        !cell.is_empty() && cell.chars().all(|ch| matches!(ch, '-' | ':' | '：' | ' '))
    })
}

fn assemble(text: &str, lines: &[Line], start: usize, end: usize) -> Option<Table> {
    let cell = |r: &Range<usize>| text[r.clone()].to_string();
    let filled = |l: &Line| l.cells.iter().filter(|c| !c.is_empty()).count();
    let has_figures = |l: &Line| l.cells.iter().skip(1).any(|c| is_figure(&text[c.clone()]));
    let rows: Vec<&Line> = lines[start..end]
        .iter()
        .filter(|l| !is_delimiter(text, l))
        .collect();
    let first_data = rows.iter().position(|l| has_figures(l))?;
    if rows.iter().filter(|l| has_figures(l)).count() < 2 {
        return None;
    }
    // lines before the header: a caption, a unit line (in the table or just above it)
    let mut caption = None;
    let mut unit = None;
    let mut header = None;
    for line in &rows[..first_data] {
        if filled(line) <= 1 {
            let only = line
                .cells
                .iter()
                .find(|c| !c.is_empty())
                .map(cell)
                .unwrap_or_default();
            if let Some(u) = unit_after_label(&only) {
                unit = Some(u);
            } else {
                caption = Some(only);
            }
        } else {
            header = Some(*line);
        }
    }
    let mut range_start = rows[0].range.start;
    for above in lines[..start].iter().rev().take(2) {
        let body = text[above.range.clone()].trim();
        if body.is_empty() || body.chars().count() > 60 {
            break;
        }
        if let Some(u) = unit_after_label(body) {
            unit = unit.or(Some(u));
        } else if caption.is_none() && (body.starts_with('表') || is_title_like(body)) {
            caption = Some(body.to_string());
        } else {
            break;
        }
        range_start = above.range.start;
    }
    if unit.is_none() {
        unit = caption.as_deref().and_then(unit_in_brackets_or_label);
    }
    let width = rows[first_data..]
        .iter()
        .filter(|l| has_figures(l))
        .map(|l| l.cells.len() - 1)
        .max()?;
    let columns = columns(text, header, width);
    let mut table_rows = Vec::new();
    let mut section = None;
    let mut range_end = rows[first_data].range.end;
    for line in &rows[first_data..] {
        let label: String = line
            .cells
            .first()
            .map(|c| {
                text[c.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect()
            })
            .unwrap_or_default();
        if !has_figures(line) {
            if filled(line) <= 1 && !label.is_empty() && !label.starts_with('注') {
                section = Some(label);
                continue;
            }
            break;
        }
        let cells = (0..width)
            .map(|k| line.cells.get(k + 1).filter(|c| !c.is_empty()).cloned())
            .collect();
        table_rows.push(TableRow {
            range: line.range.clone(),
            label,
            cells,
            section: section.clone(),
        });
        range_end = line.range.end;
    }
    Some(Table {
        range: range_start..range_end,
        caption,
        unit,
        columns,
        rows: table_rows,
    })
}

/// Column titles for `width` value columns. A header with one title more than the values names
/// the label column too; one with fewer is aligned to the right.
fn columns(text: &str, header: Option<&Line>, width: usize) -> Vec<TableColumn> {
    let titles: Vec<String> = header
        .map(|h| {
            let mut titles: Vec<String> = h
                .cells
                .iter()
                .map(|c| text[c.clone()].to_string())
                .collect();
            while titles.last().is_some_and(|t| t.is_empty()) && titles.len() > width {
                titles.pop();
            }
            titles
        })
        .unwrap_or_default();
    let skip = titles.len().saturating_sub(width);
    let pad = width.saturating_sub(titles.len());
    (0..width)
        .map(|k| {
            let title = if k < pad {
                String::new()
            } else {
                titles[skip + k - pad].clone()
            };
            let unit = unit_in_brackets_or_label(&title);
            TableColumn { title, unit }
        })
        .collect()
}

/// `单位：亿元`, `单位:万吨` as a line of its own.
fn unit_after_label(body: &str) -> Option<String> {
    let rest = body.trim().strip_prefix("单位")?;
    let rest = rest.trim_start_matches(['：', ':', ' ']);
    let unit: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '，' | '。' | '；' | '）'))
        .collect();
    (!unit.is_empty() && unit.chars().count() <= 8).then_some(unit)
}

/// The unit a title or caption prints: in its last brackets (`总产量（万吨）`), after `单位：`, or
/// a trailing `%`.
fn unit_in_brackets_or_label(title: &str) -> Option<String> {
    if let Some(at) = title.find("单位：").or_else(|| title.find("单位:")) {
        return unit_after_label(&title[at..]);
    }
    let trimmed = title.trim();
    if let Some(inner) = trimmed
        .strip_suffix('）')
        .and_then(|t| t.rfind('（').map(|i| &t[i + '（'.len_utf8()..]))
    {
        let inner = inner.trim();
        if !inner.is_empty() && inner.chars().count() <= 8 && !inner.contains(['，', '、']) {
            return Some(inner.to_string());
        }
    }
    if trimmed.ends_with('%') || trimmed.ends_with('‰') {
        return trimmed.chars().last().map(String::from);
    }
    None
}

/// A short line without closing punctuation, like a table's title.
fn is_title_like(body: &str) -> bool {
    body.chars().count() <= 40 && !body.ends_with(['。', '！', '？', '；', '，', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, ranges: &[Option<Range<usize>>]) -> Vec<String> {
        ranges
            .iter()
            .map(|r| r.clone().map(|r| text[r].to_string()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_pipe_table_with_a_caption_sections_and_a_shifted_header() {
        let text = "表3 各镇蔬菜产量 | ||\n面积（公顷）| 产量（万吨）| 增长（%）|\n全县合计 | 820.5 | 12.4 | 3.1 |\n一、设施 | ||\n东 岭 | 300.0 | 5.2 | -0.8 |\n注：数据为初步统计。|";
        let tables = find_tables(text);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.caption.as_deref(), Some("表3 各镇蔬菜产量"));
        let units: Vec<_> = t.columns.iter().map(|c| c.unit.clone()).collect();
        assert_eq!(
            units,
            vec![Some("公顷".into()), Some("万吨".into()), Some("%".into())]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].label, "东岭");
        assert_eq!(t.rows[1].section.as_deref(), Some("一、设施"));
        assert_eq!(texts(text, &t.rows[1].cells), vec!["300.0", "5.2", "-0.8"]);
        assert!(text[t.range.clone()].ends_with("-0.8 |"));
    }

    #[test]
    fn a_markdown_table_with_a_unit_line_above() {
        let text = "单位：亿元\n| 区 | 2023年 | 2024年 |\n|---|---:|---:|\n| 东区 | 41.2 | 44.0 |\n| 西区 | 18.5 | 19.1 |";
        let t = &find_tables(text)[0];
        assert_eq!(t.unit.as_deref(), Some("亿元"));
        assert_eq!(t.columns[1].title, "2024年");
        assert_eq!(t.unit_of(1), Some("亿元"));
        assert_eq!(texts(text, &t.rows[0].cells), vec!["41.2", "44.0"]);
        assert_eq!(t.range.start, 0);
    }

    #[test]
    fn a_space_aligned_table() {
        let text = "指标\t数量（个）\t比上年增长（%）\n企业\t1204\t6.5\n网点\t86\t-2.0";
        let t = &find_tables(text)[0];
        assert_eq!(t.columns[0].unit.as_deref(), Some("个"));
        assert_eq!(t.rows[1].label, "网点");
        assert_eq!(texts(text, &t.rows[1].cells), vec!["86", "-2.0"]);
    }

    #[test]
    fn prose_is_no_table() {
        assert!(find_tables("全年增长5.2%。\n其中一季度增长4.8%。").is_empty());
        assert_eq!(column_gaps("北京  104.5\t62.6"), 2);
        assert_eq!(column_gaps("交通运输部副部长 王明"), 0);
    }
}
