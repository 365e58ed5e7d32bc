//! A Markdown summary for a pull-request comment: counts, then a table of findings.

use crate::model::{Report, Severity};

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub fn render(report: &Report) -> String {
    let s = &report.summary;
    let mut out = format!(
        "### factcheck: {} errors, {} warnings, {} notes in {} files\n\n",
        s.errors,
        s.warnings,
        s.infos,
        report.files.len()
    );
    let rows: Vec<String> = report
        .files
        .iter()
        .flat_map(|file| {
            file.findings.iter().map(move |f| {
                let level = match f.severity {
                    Severity::Error => "❌ error",
                    Severity::Warning => "⚠️ warning",
                    Severity::Info => "ℹ️ info",
                };
                format!(
                    "| {level} | `{}:{}:{}` | `{}` | {} |",
                    cell(&file.path),
                    f.line,
                    f.column,
                    f.rule,
                    cell(&f.message)
                )
            })
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No contradictions found.\n");
    } else {
        out.push_str("| | where | rule | finding |\n|---|---|---|---|\n");
        out.push_str(&rows.join("\n"));
        out.push('\n');
    }
    for file in report.files.iter().filter(|f| f.error.is_some()) {
        out.push_str(&format!(
            "\n**{}** could not be read: {}\n",
            cell(&file.path),
            cell(
                file.error
                    .as_ref()
                    .map(|e| e.message.as_str())
                    .unwrap_or("")
            )
        ));
    }
    out
}
