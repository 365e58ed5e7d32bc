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

/// The one summary line: `检查了1个文件，读出16个数字，核对了6处关系：4 个错误，0 个警告，0 条提示`.
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let quantities: usize = report.files.iter().map(|f| f.quantities.len()).sum();
    let checks: usize = report.files.iter().map(|f| f.checks.len()).sum();
    let unreadable = report.files.iter().filter(|f| f.error.is_some()).count();
    let mut line = format!(
        "检查了{}个文件，读出{}个数字，核对了{}处关系：{} 个错误，{} 个警告，{} 条提示",
        report.files.len(),
        quantities,
        checks,
        s.errors,
        s.warnings,
        s.infos
    );
    if s.suppressed > 0 {
        let _ = write!(line, "，{} 条已忽略", s.suppressed);
    }
    if unreadable > 0 {
        let _ = write!(line, "，{unreadable} 个文件无法读取");
    }
    line
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
        if let Some(source) = &file.source {
            snippet(
                out,
                source,
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
    }
}

/// The characters a finding covers, counted in the decoded text (its byte offsets are the file's,
/// which for UTF-8 without BOM are the same; otherwise one character is underlined).
fn finding_chars(source: &str, start: usize, end: usize) -> usize {
    source
        .get(start..end)
        .map(|s| s.chars().count())
        .unwrap_or(1)
        .max(1)
}

/// The line the finding is on, with a caret under the number: rustc style, Han characters two
/// cells wide.
fn snippet(
    out: &mut String,
    source: &str,
    line: usize,
    column: usize,
    chars: usize,
    style: &str,
    paint: Paint,
) {
    use unicode_width::UnicodeWidthStr;
    let Some(text) = source.lines().nth(line.saturating_sub(1)) else {
        return;
    };
    let text = text.trim_end_matches('\r');
    let before: String = text.chars().take(column.saturating_sub(1)).collect();
    let marked: String = text
        .chars()
        .skip(column.saturating_sub(1))
        .take(chars)
        .collect();
    let gutter = " ".repeat(line.to_string().len());
    let bar = paint.bold(BLUE, "|");
    let _ = writeln!(out, "{gutter} {bar}");
    let _ = writeln!(out, "{} {bar} {text}", paint.bold(BLUE, &line.to_string()));
    let _ = writeln!(
        out,
        "{gutter} {bar} {}{}",
        " ".repeat(before.width()),
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
