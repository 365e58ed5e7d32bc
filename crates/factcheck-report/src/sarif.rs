//! SARIF 2.1.0, for code-scanning views: one run, the rules that fired as the driver's rules, each
//! finding a result with its primary location and the related numbers as related locations. A
//! result's `partialFingerprints` carry the finding's fingerprint (stable across edits elsewhere),
//! so code-scanning views follow a finding from run to run; a rule's `helpUri` is its entry in
//! `docs/rules-reference.md` of the repository named by the crate's `repository` key.

/// Where the repository's files are browsed: the `repository` of the crate's manifest, else a
/// placeholder that names no real host.
fn repository() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => "https://example.invalid/factcheck",
        url => url.trim_end_matches('/'),
    }
}

/// A rule's entry in the reference (`## \`sum-of-parts\`` has the anchor `sum-of-parts`).
pub fn help_uri(rule: &str) -> String {
    format!(
        "{}/blob/main/docs/rules-reference.md#{}",
        repository(),
        rule.to_lowercase()
    )
}

use crate::model::{FindingRecord, Report, Severity};
use serde_json::{json, Value};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// 1-based column of a byte offset in the decoded text, in characters; and the character offset.
fn char_offset(source: Option<&str>, byte: usize) -> Option<usize> {
    source
        .and_then(|s| s.get(..byte.min(s.len())))
        .map(|prefix| prefix.chars().count())
}

fn region(f_start: usize, f_end: usize, line: usize, column: usize) -> Value {
    json!({ "startLine": line, "startColumn": column, "byteOffset": f_start, "byteLength": f_end.saturating_sub(f_start) })
}

pub fn render(report: &Report) -> String {
    let mut rules: Vec<String> = report
        .files
        .iter()
        .flat_map(|f| &f.findings)
        .map(|f| f.rule.clone())
        .collect();
    rules.sort();
    rules.dedup();
    let rule_entries: Vec<Value> = rules
        .iter()
        .map(|id| json!({ "id": id, "name": id, "helpUri": help_uri(id), "shortDescription": { "text": id } }))
        .collect();
    let mut results = Vec::new();
    for file in &report.files {
        let uri = file.path.trim_start_matches("./");
        for finding in &file.findings {
            results.push(result(uri, file.source.as_deref(), finding, &rules));
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "factcheck", "version": env!("CARGO_PKG_VERSION"), "informationUri": repository(), "rules": rule_entries } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&sarif).expect("serialises") + "\n"
}

fn result(uri: &str, source: Option<&str>, finding: &FindingRecord, rules: &[String]) -> Value {
    let mut primary = region(finding.start, finding.end, finding.line, finding.column);
    if let (Some(a), Some(b)) = (
        char_offset(source, finding.start),
        char_offset(source, finding.end),
    ) {
        primary["charOffset"] = json!(a);
        primary["charLength"] = json!(b - a);
    }
    let related: Vec<Value> = finding
        .related
        .iter()
        .enumerate()
        .map(|(k, r)| {
            json!({
                "id": k + 1,
                "message": { "text": r.note },
                "physicalLocation": { "artifactLocation": { "uri": uri }, "region": { "byteOffset": r.start, "byteLength": r.end.saturating_sub(r.start) } }
            })
        })
        .collect();
    let mut result = json!({
        "ruleId": finding.rule,
        "ruleIndex": rules.iter().position(|r| r == &finding.rule).unwrap_or(0),
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri }, "region": primary } }],
        "relatedLocations": related,
        "partialFingerprints": { "factcheck/v1": finding.fingerprint },
    });
    // the value the arithmetic fixes, as a replacement of the figure
    if let Some(expected) = &finding.expected {
        result["fixes"] = json!([{
            "description": { "text": format!("应为{expected}") },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": [{
                    "deletedRegion": { "byteOffset": finding.start, "byteLength": finding.end.saturating_sub(finding.start) },
                    "insertedContent": { "text": expected }
                }]
            }]
        }]);
    }
    result
}
