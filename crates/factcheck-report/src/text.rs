//! The text report. By default what an editor or a CI log needs: the findings, rustc-style with a
//! caret under the number, and one summary line. The full listing (every relation checked, every
//! quantity per story) comes with `Options::show_checks` / `show_quantities`; `quiet` leaves the
//! summary out; `statistics` counts the findings per rule instead of listing them. Colour is ANSI,
//! only when asked for.

use crate::model::{FileReport, Report, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What the text report shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Every relation examined, with its mark and explanation, per file.
    pub show_checks: bool,
    /// Every quantity, per story, with its place, value and interval.
    pub show_quantities: bool,
    /// Findings only: no summary line.
    pub quiet: bool,
    /// Counts per rule instead of the findings.
    pub statistics: bool,
    /// ANSI colours (the caller decides: a terminal, `NO_COLOR`, `--color`).
    pub color: bool,
}

impl Options {
    /// The full listing: findings, checks and quantities.
    pub fn full() -> Options {
        Options {
            show_checks: true,
            show_quantities: true,
            ..Options::default()
        }
    }
}

/// The default report: findings and one summary line, no colour.
pub fn render(report: &Report) -> String {
    render_with(report, &Options::default())
}

pub fn render_with(report: &Report, options: &Options) -> String {
    let paint = Paint(options.color);
    let mut out = String::new();
    if options.statistics {
        statistics(&mut out, report, paint);
    } else {
        let listing = options.show_checks || options.show_quantities;
        for file in &report.files {
            render_file(&mut out, file, options, listing, paint);
        }
    }
    if !options.quiet {
        summary(&mut out, report, paint);
    }
    out
}

/// What the summary line counts, gathered file by file (a streamed run keeps only this).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub files: usize,
    pub quantities: usize,
    pub checks: usize,
    pub unreadable: usize,
}

impl Tally {
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        self.quantities += file.quantities.len();
        self.checks += file.checks.len();
        self.unreadable += usize::from(file.error.is_some());
    }

    /// A file whose records were counted as they were made, not kept.
    pub fn add_counted(&mut self, file: &FileReport, counted: crate::parts::Counted) {
        self.add(file);
        self.quantities += counted.quantities;
        self.checks += counted.checks;
    }

    pub fn of(report: &Report) -> Tally {
        let mut tally = Tally::default();
        for file in &report.files {
            tally.add(file);
        }
        tally
    }
}

/// The one summary line: `检查了1个文件，读出16个数字，核对了6处关系：4 个错误，0 个警告，0 条提示`.
pub fn summary_line(report: &Report) -> String {
    summary_line_of(&Tally::of(report), &report.summary)
}

pub fn summary_line_of(tally: &Tally, s: &crate::model::Summary) -> String {
    let mut line = format!(
        "检查了{}个文件，读出{}个数字，核对了{}处关系：{} 个错误，{} 个警告，{} 条提示",
        tally.files, tally.quantities, tally.checks, s.errors, s.warnings, s.infos
    );
    if s.suppressed > 0 {
        let _ = write!(line, "，{} 条已忽略", s.suppressed);
    }
    if tally.unreadable > 0 {
        let _ = write!(line, "，{} 个文件无法读取", tally.unreadable);
    }
    line
}

/// The summary line of a streamed run, coloured by the worst that was found.
pub fn render_summary_of(
    out: &mut String,
    tally: &Tally,
    s: &crate::model::Summary,
    options: &Options,
) {
    if options.quiet {
        return;
    }
    let style = if s.errors > 0 || tally.unreadable > 0 {
        RED
    } else if s.warnings > 0 {
        YELLOW
    } else {
        GREEN
    };
    let _ = writeln!(
        out,
        "{}",
        Paint(options.color).bold(style, &summary_line_of(tally, s))
    );
}

/// One file's part of the report (a run streams these out as files finish, in order).
pub fn render_file_with(out: &mut String, file: &FileReport, options: &Options) {
    let listing = options.show_checks || options.show_quantities;
    render_file(out, file, options, listing, Paint(options.color));
}

fn summary(out: &mut String, report: &Report, paint: Paint) {
    let s = &report.summary;
    let style = if s.errors > 0 || report.has_input_errors() {
        RED
    } else if s.warnings > 0 {
        YELLOW
    } else {
        GREEN
    };
    let _ = writeln!(out, "{}", paint.bold(style, &summary_line(report)));
}

/// Counts per rule, most frequent first, as ruff's `--statistics` does.
fn statistics(out: &mut String, report: &Report, paint: Paint) {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in report.files.iter().flat_map(|f| &f.findings) {
        *counts.entry((f.rule.as_str(), f.severity)).or_default() += 1;
    }
    let mut rows: Vec<((&str, Severity), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0 .1.cmp(&a.0 .1))
            .then(a.0 .0.cmp(b.0 .0))
    });
    let width = rows.iter().map(|r| r.0 .0.len()).max().unwrap_or(0);
    for ((rule, severity), n) in rows {
        let (name, style) = level(severity);
        let _ = writeln!(
            out,
            "{n:>5}  {rule:<width$}  {}",
            paint.bold(style, &format!("[{name}]"))
        );
    }
}

fn level(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("error", RED),
        Severity::Warning => ("warning", YELLOW),
        Severity::Info => ("info", CYAN),
    }
}

fn render_file(
    out: &mut String,
    file: &FileReport,
    options: &Options,
    listing: bool,
    paint: Paint,
) {
    if listing {
        let _ = writeln!(out, "{}", paint.bold("", &format!("== {}", file.path)));
    }
    if let Some(error) = &file.error {
        let place = match (error.line, error.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{}: {}{}: {}",
            paint.bold(RED, "error"),
            file.path,
            place,
            error.message
        );
        return;
    }
    render_findings(out, file, paint);
    if options.show_checks {
        render_checks(out, file, paint);
    }
    if options.show_quantities {
        render_quantities(out, file);
    }
}

fn render_checks(out: &mut String, file: &FileReport, paint: Paint) {
    let consistent = file
        .checks
        .iter()
        .filter(|c| c.status == "consistent")
        .count();
    let derived = file.checks.iter().filter(|c| c.status == "derived").count();
    let _ = writeln!(
        out,
        "   核对了{}处关系：{}处相符，{}处只能推算，{}处矛盾",
        file.checks.len(),
        consistent,
        derived,
        file.checks.len() - consistent - derived
    );
    for check in &file.checks {
        let (mark, style) = match check.status.as_str() {
            "consistent" if check.within_rounding => ("≈", GREEN),
            "consistent" => ("✓", GREEN),
            "derived" => ("→", CYAN),
            _ => ("✗", RED),
        };
        let _ = writeln!(
            out,
            "   {} {:<5} {}: {}",
            paint.bold(style, mark),
            check.id,
            check.rule,
            check.explanation
        );
    }
}

fn render_quantities(out: &mut String, file: &FileReport) {
    for (k, article) in file.articles.iter().enumerate() {
        let headline = article.headline.as_deref().unwrap_or("（无标题）");
        let _ = writeln!(
            out,
            "-- 第{}篇 {}:{}  {}",
            k + 1,
            article.line,
            article.column,
            headline
        );
        for id in &article.quantities {
            let Some(q) = file.quantities.iter().find(|q| &q.id == id) else {
                continue;
            };
            let bounds = match (&q.lower, &q.upper) {
                (Some(l), Some(u)) if l == u => String::new(),
                (l, u) => format!(
                    " [{}, {}]",
                    l.as_deref().unwrap_or("-∞"),
                    u.as_deref().unwrap_or("+∞")
                ),
            };
            let qualifier = if q.qualifier == "exact" {
                String::new()
            } else {
                format!(" {}", q.qualifier)
            };
            let _ = writeln!(
                out,
                "   {:>4}:{:<3} {:<5} {} = {}{} {} ({}{})",
                q.line,
                q.column,
                q.id,
                q.text,
                q.value,
                bounds,
                if q.unit.is_empty() { "-" } else { &q.unit },
                q.kind,
                qualifier
            );
        }
    }
}

fn render_findings(out: &mut String, file: &FileReport, paint: Paint) {
    // line starts, found once per file (lines end at \n, \r\n or a lone \r, as columns count)
    let starts = file
        .source
        .as_deref()
        .filter(|_| !file.findings.is_empty())
        .map(line_starts);
    for finding in &file.findings {
        let (name, style) = level(finding.severity);
        let _ = writeln!(
            out,
            "{}: {}",
            paint.bold(style, &format!("{name}[{}]", finding.rule)),
            paint.bold(
                "",
                &format!(
                    "{}:{}:{}: {}",
                    file.path, finding.line, finding.column, finding.message
                )
            )
        );
        if let (Some(source), Some(starts)) = (&file.source, &starts) {
            snippet(
                out,
                source,
                starts,
                finding.line,
                finding.column,
                finding_chars(source, finding.start, finding.end),
                style,
                paint,
            );
        }
        for related in &finding.related {
            let _ = writeln!(out, "    {} {}", paint.bold(BLUE, "= note:"), related.note);
        }
        if let Some(expected) = &finding.expected {
            let _ = writeln!(out, "    {} 应为{expected}", paint.bold(GREEN, "= help:"));
        }
    }
}

/// Byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
            _ => {}
        }
    }
    starts
}

/// The characters a finding covers, counted in the decoded text (its byte offsets are the file's,
/// which for UTF-8 without BOM are the same; otherwise one character is underlined).
fn finding_chars(source: &str, start: usize, end: usize) -> usize {
    source
        .get(start..end)
        .map(|s| s.chars().count())
        .unwrap_or(1)
        .clamp(1, SHOWN_SPAN)
}

/// A line longer than this many bytes (about 400 Han characters) is cut to a window: CONTEXT
/// characters either side of the span, and at most SHOWN_SPAN of the span itself.
const LONG_LINE: usize = 1200;
const CONTEXT: usize = 40;
const SHOWN_SPAN: usize = 80;

/// The line the finding is on, with a caret under the number: rustc style, Han characters two
/// cells wide. A long line is cut to a window around the span, `…` marking the cuts.
#[allow(clippy::too_many_arguments)] // the place, the span and the paint of one snippet
fn snippet(
    out: &mut String,
    source: &str,
    starts: &[usize],
    line: usize,
    column: usize,
    chars: usize,
    style: &str,
    paint: Paint,
) {
    use unicode_width::UnicodeWidthStr;
    let Some(&start) = starts.get(line.saturating_sub(1)) else {
        return;
    };
    let end = starts.get(line).copied().unwrap_or(source.len());
    let Some(text) = source.get(start..end) else {
        return;
    };
    let text = text.trim_end_matches(['\n', '\r']);
    let skip = column.saturating_sub(1);
    // the window: CONTEXT characters before the span, the span, CONTEXT after; a line of the
    // usual length is shown whole
    let context = if text.len() <= LONG_LINE {
        text.len()
    } else {
        CONTEXT
    };
    let first = skip.saturating_sub(context);
    let mut shown = text.char_indices().skip(first);
    let Some((from, _)) = shown.next() else {
        return;
    };
    let until = text[from..]
        .char_indices()
        .nth(skip - first + chars + context)
        .map_or(text.len(), |(i, _)| from + i);
    let window = &text[from..until];
    let (left, right) = (
        if first > 0 { "…" } else { "" },
        if until < text.len() { "…" } else { "" },
    );
    let before: String = window.chars().take(skip - first).collect();
    let marked: String = window.chars().skip(skip - first).take(chars).collect();
    let gutter = " ".repeat(line.to_string().len());
    let bar = paint.bold(BLUE, "|");
    let _ = writeln!(out, "{gutter} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {left}{window}{right}",
        paint.bold(BLUE, &line.to_string())
    );
    let _ = writeln!(
        out,
        "{gutter} {bar} {}{}",
        " ".repeat(left.width() + before.width()),
        paint.bold(style, &"^".repeat(marked.width().max(1)))
    );
}

const RED: &str = "31";
const YELLOW: &str = "33";
const GREEN: &str = "32";
const BLUE: &str = "34";
const CYAN: &str = "36";

/// Bold and coloured text when colour is on; the text itself otherwise.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn bold(self, color: &str, text: &str) -> String {
        match (self.0, color.is_empty()) {
            (false, _) => text.to_string(),
            (true, true) => format!("\x1b[1m{text}\x1b[0m"),
            (true, false) => format!("\x1b[1;{color}m{text}\x1b[0m"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingRecord, Severity};

    fn finding(line: usize, column: usize, start: usize, end: usize) -> FindingRecord {
        FindingRecord {
            rule: "sum-of-parts".into(),
            severity: Severity::Error,
            message: "m".into(),
            start,
            end,
            line,
            column,
            related: Vec::new(),
            expected: None,
            fingerprint: "f".into(),
        }
    }

    fn rendered(source: &str, finding: FindingRecord) -> String {
        let file = FileReport {
            path: "p.txt".into(),
            source: Some(source.to_string()),
            findings: vec![finding],
            ..FileReport::default()
        };
        let mut out = String::new();
        render_findings(&mut out, &file, Paint(false));
        out
    }

    #[test]
    fn cr_only_line_ends_still_show_the_line() {
        let source = "第一行\r共有63件\r第三行";
        let at = source.find("63").unwrap();
        let out = rendered(source, finding(2, 3, at, at + 5));
        assert!(out.contains("2 | 共有63件\n"), "{out}");
        // 63件 is four cells wide (件 two)
        assert!(out.contains("  |     ^^^^\n"), "{out}");
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_span() {
        let filler = "字".repeat(5000);
        let source = format!("{filler}共有63件{filler}");
        let at = source.find("63").unwrap();
        let out = rendered(&source, finding(1, 5003, at, at + 5));
        assert!(out.len() < 600, "{} bytes", out.len());
        let line = out.lines().nth(2).unwrap();
        assert!(
            line.starts_with("1 | …字") && line.ends_with("字…"),
            "{line}"
        );
        assert!(line.contains("共有63件"), "{line}");
        let caret = out.lines().nth(3).unwrap();
        // the caret stands under 63: gutter, ellipsis (1 cell), the 40 characters before it
        // (38 of the filler and 共有, all two cells wide)
        assert_eq!(caret.find('^'), Some("  | ".len() + 1 + 80), "{out}");
    }
}
