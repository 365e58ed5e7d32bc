//! The text report for a desk editor: per file and story, every quantity with its place, value and
//! interval; then the findings.

use crate::model::{FileReport, Report, Severity};
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for file in &report.files {
        render_file(&mut out, file);
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} 个错误，{} 个警告，{} 条提示",
        s.errors, s.warnings, s.infos
    );
    out
}

fn render_file(out: &mut String, file: &FileReport) {
    let _ = writeln!(out, "== {}", file.path);
    if let Some(error) = &file.error {
        let place = match (error.line, error.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            _ => String::new(),
        };
        let _ = writeln!(out, "error: {}{}: {}", file.path, place, error.message);
        return;
    }
    render_findings(out, file);
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
        let mark = match check.status.as_str() {
            "consistent" if check.within_rounding => "≈",
            "consistent" => "✓",
            "derived" => "→",
            _ => "✗",
        };
        let _ = writeln!(
            out,
            "   {mark} {:<5} {}: {}",
            check.id, check.rule, check.explanation
        );
    }
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

fn render_findings(out: &mut String, file: &FileReport) {
    for finding in &file.findings {
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = writeln!(
            out,
            "{level}[{}]: {}:{}:{}: {}",
            finding.rule, file.path, finding.line, finding.column, finding.message
        );
        if let Some(source) = &file.source {
            snippet(
                out,
                source,
                finding.line,
                finding.column,
                finding_chars(source, finding.start, finding.end),
            );
        }
        for related in &finding.related {
            let _ = writeln!(out, "    = note: {}", related.note);
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
fn snippet(out: &mut String, source: &str, line: usize, column: usize, chars: usize) {
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
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{line} | {text}");
    let _ = writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(before.width()),
        "^".repeat(marked.width().max(1))
    );
}
