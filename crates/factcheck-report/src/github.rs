//! GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

use crate::model::{Report, Severity};

/// Workflow-command data must escape `%`, CR and LF; properties also `:` and `,`.
fn escape(text: &str, property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for file in &report.files {
        if let Some(error) = &file.error {
            out.push_str(&format!(
                "::error file={}::{}\n",
                escape(&file.path, true),
                escape(&error.message, false)
            ));
        }
        for f in &file.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            out.push_str(&format!(
                "::{command} file={},line={},col={},title={}::{}\n",
                escape(&file.path, true),
                f.line,
                f.column,
                escape(&format!("factcheck {}", f.rule), true),
                escape(&f.message, false)
            ));
        }
    }
    out
}
