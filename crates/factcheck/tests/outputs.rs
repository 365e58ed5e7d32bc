//! Every output format on the reference page (clean) and on a draft with four contradictions,
//! snapshotted under `snapshots/outputs/`.

use factcheck::Checker;
use factcheck_report::{dot, github, json, junit, markdown, sarif, text, Report};
use std::path::Path;

fn report(path: &Path, shown: &str) -> Report {
    Report::new(vec![
        Checker::new().check(shown, std::fs::read(path).expect("reads"))
    ])
}

#[test]
fn every_format_on_the_reference_page_and_a_broken_draft() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let pages = [
        (
            "seed",
            root.join("fixtures/seed-xining-page.txt"),
            "fixtures/seed-xining-page.txt",
        ),
        (
            "draft",
            root.join("examples/draft.txt"),
            "examples/draft.txt",
        ),
    ];
    let quiet = text::Options {
        quiet: true,
        ..text::Options::default()
    };
    let statistics = text::Options {
        statistics: true,
        ..text::Options::default()
    };
    for (name, path, shown) in pages {
        let report = report(&path, shown);
        let formats: [(&str, String); 9] = [
            ("text", text::render(&report)),
            ("text-quiet", text::render_with(&report, &quiet)),
            ("statistics", text::render_with(&report, &statistics)),
            ("dot", dot::render(&report)),
            ("json", json::render(&report)),
            ("sarif", sarif::render(&report)),
            ("github", github::render(&report)),
            ("junit", junit::render(&report)),
            ("markdown", markdown::render(&report)),
        ];
        for (format, rendered) in formats {
            // a clean page gives GitHub nothing to annotate
            assert!(
                !rendered.is_empty()
                    || (matches!(format, "github" | "text-quiet") && name == "seed")
            );
            insta::with_settings!({ snapshot_path => "../../../snapshots/outputs", prepend_module_to_snapshot => false, omit_expression => true }, {
                insta::assert_snapshot!(format!("{name}.{format}"), rendered);
            });
        }
    }
}
