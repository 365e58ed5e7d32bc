//! The SARIF output of a draft with findings validates against the SARIF 2.1.0 JSON schema
//! (`tests/data/sarif-schema-2.1.0.json`, the OASIS schema, with its one malformed regular
//! expression — `run.language`'s pattern has a stray `]` — repaired so that it compiles).

use factcheck::Checker;
use factcheck_report::{sarif, Report};
use std::path::Path;

#[test]
fn sarif_of_a_broken_draft_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let draft = std::fs::read(root.join("../../examples/draft.txt")).unwrap();
    let report = Report::new(vec![Checker::new().check("examples/draft.txt", &draft)]);
    assert!(report.summary.errors >= 4);
    let output: serde_json::Value = serde_json::from_str(&sarif::render(&report)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // and an invalid document is caught, so the check can fail
    let mut broken = output.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
}
