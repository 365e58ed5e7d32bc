//! The text report for a desk editor: per file and story, every quantity with its place, value and
//! interval; then the findings.

use crate::model::{FileReport, Report, Severity};
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for file in &report.files {
        render_file(&mut out, file);
    }
    render_summary(&mut out, &report.summary);
    out
}

/// The last line of the report: the findings counted.
pub fn render_summary(out: &mut String, s: &crate::model::Summary) {
    let _ = writeln!(
        out,
        "{} 个错误，{} 个警告，{} 条提示",
        s.errors, s.warnings, s.infos
    );
}

/// One file's part of the report (a run streams these out as files finish, in order).
pub fn render_file(out: &mut String, file: &FileReport) {
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
    let by_id: std::collections::HashMap<&str, &crate::model::QuantityRecord> =
        file.quantities.iter().map(|q| (q.id.as_str(), q)).collect();
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
            let Some(q) = by_id.get(id.as_str()) else {
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
    // line starts, found once per file (lines end at \n, \r\n or a lone \r, as columns count)
    let starts = file
        .source
        .as_deref()
        .filter(|_| !file.findings.is_empty())
        .map(line_starts);
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
        if let (Some(source), Some(starts)) = (&file.source, &starts) {
            snippet(
                out,
                source,
                starts,
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
fn snippet(
    out: &mut String,
    source: &str,
    starts: &[usize],
    line: usize,
    column: usize,
    chars: usize,
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
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{line} | {left}{window}{right}");
    let _ = writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(left.width() + before.width()),
        "^".repeat(marked.width().max(1))
    );
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
        render_findings(&mut out, &file);
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
