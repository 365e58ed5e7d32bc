//! JUnit XML, for CI systems that show test reports: one test case per file. A file fails when it
//! has findings at or above the `--fail-on` threshold: one `<failure>` listing them (the Ant JUnit
//! schema allows one per test case); findings below the threshold go to `<system-out>`. A file that
//! could not be read is an `<error>`. `failures` and `errors` count test cases, as the schema means.

use crate::model::{FileReport, Report, Severity};
use std::fmt::Write;

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn line(file: &FileReport, f: &crate::model::FindingRecord) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        file.path,
        f.line,
        f.column,
        level(f.severity),
        f.rule,
        f.message
    )
}

/// JUnit with the default threshold: errors fail.
pub fn render(report: &Report) -> String {
    render_with(report, Some(Severity::Error))
}

/// JUnit where findings at or above `fail_on` fail their file (`None`: nothing fails).
pub fn render_with(report: &Report, fail_on: Option<Severity>) -> String {
    let failing = |s: Severity| fail_on.is_some_and(|t| s >= t);
    let errors = report.files.iter().filter(|f| f.error.is_some()).count();
    let failures = report
        .files
        .iter()
        .filter(|f| f.error.is_none() && f.findings.iter().any(|x| failing(x.severity)))
        .count();
    let tests = report.files.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts = format!("tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\"");
    let _ = writeln!(out, "<testsuites name=\"factcheck\" {counts}>");
    let _ = writeln!(
        out,
        "  <testsuite name=\"factcheck\" {counts} skipped=\"0\">"
    );
    for file in &report.files {
        let _ = writeln!(
            out,
            "    <testcase classname=\"factcheck\" name=\"{}\">",
            xml(&file.path)
        );
        if let Some(error) = &file.error {
            let _ = writeln!(
                out,
                "      <error type=\"unreadable\" message=\"{}\"/>",
                xml(&error.message)
            );
        } else {
            let (fail, rest): (Vec<_>, Vec<_>) =
                file.findings.iter().partition(|x| failing(x.severity));
            if let Some(first) = fail.first() {
                let message = if fail.len() == 1 {
                    first.message.clone()
                } else {
                    format!("{} 处问题；第一处：{}", fail.len(), first.message)
                };
                let body: Vec<String> = fail.iter().map(|f| line(file, f)).collect();
                let _ = writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    xml(&first.rule),
                    xml(&message),
                    xml(&body.join("\n"))
                );
            }
            if !rest.is_empty() {
                let body: Vec<String> = rest.iter().map(|f| line(file, f)).collect();
                let _ = writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    xml(&body.join("\n"))
                );
            }
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
