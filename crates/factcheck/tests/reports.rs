//! Snapshots of exactly what a user sees: the full text listing (`--show checks,quantities`) and
//! the JSON report of every page in `fixtures/` (the reference page,
//! `fixtures/seed-xining-page.txt`, under the name `seed`), kept in the top-level `snapshots/`
//! folder.

use factcheck::Checker;
use factcheck_report::{json, text, Report};
use std::path::Path;

/// A real OCR'd city newspaper page, the project's reference input.
const REFERENCE_PAGE: &str = "seed-xining-page.txt";

fn report_for(path: &Path, shown_as: &str) -> Report {
    let bytes = std::fs::read(path).expect("fixture reads");
    Report::new(vec![Checker::new().check(shown_as, bytes)])
}

fn snapshot_both(name: &str, report: &Report) {
    insta::with_settings!({ snapshot_path => "../../../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(
            format!("{name}.text"),
            text::render_with(report, &text::Options::full())
        );
        insta::assert_snapshot!(format!("{name}.json"), json::render(report));
    });
}

#[test]
fn fixture_reports() {
    insta::glob!("../../../fixtures", "*.txt", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name");
        if name == REFERENCE_PAGE {
            return; // snapshotted as `seed` by `reference_page_report`
        }
        let report = report_for(path, &format!("fixtures/{name}"));
        assert!(report.files[0].error.is_none(), "{name} must decode");
        assert!(
            !report.files[0].quantities.is_empty(),
            "{name} holds quantities"
        );
        snapshot_both(name.trim_end_matches(".txt"), &report);
    });
}

#[test]
fn reference_page_report() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(REFERENCE_PAGE);
    let report = report_for(&path, &format!("fixtures/{REFERENCE_PAGE}"));
    snapshot_both("seed", &report);
}
