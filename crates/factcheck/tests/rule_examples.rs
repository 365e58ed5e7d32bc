//! Every built-in rule proves itself on its own examples: each valid example gives no finding of
//! that rule, each invalid one gives a finding (error or warning) of that rule, and every rule has
//! at least two of each.

use factcheck::Checker;
use factcheck_report::Severity;

#[test]
fn every_rule_passes_its_examples() {
    let checker = Checker::new();
    let mut failures = Vec::new();
    for rule in &checker.rules().rules {
        if rule.examples.valid.len() < 2 || rule.examples.invalid.len() < 2 {
            failures.push(format!(
                "{}: needs at least two valid and two invalid examples",
                rule.id
            ));
        }
        for (text, should_fire) in rule
            .examples
            .valid
            .iter()
            .map(|t| (t, false))
            .chain(rule.examples.invalid.iter().map(|t| (t, true)))
        {
            let report = checker.check("example.txt", text.as_bytes());
            // a rule that only notes (info) fires notes
            let least = match rule.severity {
                factcheck_rules::Severity::Info => Severity::Info,
                _ => Severity::Warning,
            };
            let fired = report
                .findings
                .iter()
                .any(|f| f.rule == rule.id && f.severity >= least);
            let checked = report.checks.iter().any(|c| c.rule == rule.id);
            if fired != should_fire || !checked {
                let found: Vec<String> = report
                    .findings
                    .iter()
                    .map(|f| format!("{}: {}", f.rule, f.message))
                    .collect();
                failures.push(format!(
                    "{} ({}): {} example {text}\n    checks by this rule: {}; findings: {found:?}",
                    rule.id,
                    rule.origin,
                    if should_fire { "invalid" } else { "valid" },
                    checked
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
