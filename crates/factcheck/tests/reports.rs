//! Snapshots of exactly what a user sees: the text and JSON reports of every page in `fixtures/`
//! and of the reference page, kept in the top-level `snapshots/` folder.

use factcheck::Checker;
use factcheck_report::{json, text, Report};
use std::path::Path;

fn report_for(path: &Path, shown_as: &str) -> Report {
    let bytes = std::fs::read(path).expect("fixture reads");
    Report::new(vec![Checker::new().check(shown_as, &bytes)])
}

fn snapshot_both(name: &str, report: &Report) {
    insta::with_settings!({ snapshot_path => "../../../snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(format!("{name}.text"), text::render(report));
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
        .join("../../../shared/seeds/000_4286c6be4b60b62b.txt");
    assert!(
        path.exists(),
        "the reference page is expected at {}",
        path.display()
    );
    let report = report_for(&path, "seeds/000_4286c6be4b60b62b.txt");
    snapshot_both("seed", &report);
}
