//! Every relation kind on pages of its own: two clean pages that give no finding (but do check the
//! relation), and two with one changed figure whose finding points at that figure. The reports
//! are snapshotted under `snapshots/relations/` (the full text listing: findings, checks, quantities).

use factcheck::Checker;
use factcheck_report::{text, FileReport, Report, Severity};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Mutation {
    page: String,
    change: (String, String),
    rule: String,
    points_at: String,
}

fn folder() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/relations")
}

fn snapshot(name: &str, file: FileReport) {
    let report = Report::new(vec![file]);
    insta::with_settings!({ snapshot_path => "../../../snapshots/relations", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(
            name.to_string(),
            text::render_with(&report, &text::Options::full())
        );
    });
}

/// The relation a page is about, from its name (`sum-1` → sum).
fn kind_of(page: &str) -> &str {
    page.rsplit_once('-').map(|(kind, _)| kind).unwrap_or(page)
}

#[test]
fn clean_pages_check_their_relation_and_find_nothing() {
    let checker = Checker::new();
    let mut pages: Vec<_> = std::fs::read_dir(folder())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    pages.sort();
    let mut per_kind = std::collections::BTreeMap::<String, usize>::new();
    for path in &pages {
        let name = path.file_stem().unwrap().to_str().unwrap();
        *per_kind.entry(kind_of(name).to_string()).or_default() += 1;
    }
    assert!(
        per_kind.len() >= 11 && per_kind.values().all(|&n| n >= 2),
        "two clean pages per relation kind: {per_kind:?}"
    );
    for path in pages {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let report = checker.check(
            &format!("relations/{name}.txt"),
            std::fs::read(&path).unwrap(),
        );
        let alarms: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.message.as_str())
            .collect();
        assert!(alarms.is_empty(), "{name}: {alarms:?}");
        let kind = kind_of(&name);
        assert!(
            report.checks.iter().any(|c| c.relation == kind),
            "{name}: no {kind} check among {:?}",
            report
                .checks
                .iter()
                .map(|c| &c.relation)
                .collect::<Vec<_>>()
        );
        snapshot(&name, report);
    }
}

#[test]
fn one_changed_figure_is_pointed_at() {
    let checker = Checker::new();
    let mutations: Vec<Mutation> =
        serde_yaml::from_str(&std::fs::read_to_string(folder().join("mutations.yaml")).unwrap())
            .unwrap();
    let mut per_kind = std::collections::BTreeMap::<String, usize>::new();
    for (k, m) in mutations.iter().enumerate() {
        let clean = std::fs::read_to_string(folder().join(format!("{}.txt", m.page))).unwrap();
        assert_eq!(
            clean.matches(&m.change.0).count(),
            1,
            "{}: `{}` must occur once",
            m.page,
            m.change.0
        );
        let broken = clean.replace(&m.change.0, &m.change.1);
        let name = format!("{}-broken", m.page);
        let report = checker.check(&format!("relations/{name}.txt"), broken.as_bytes());
        let bytes = broken.as_bytes();
        let points = |start: usize, end: usize| {
            String::from_utf8_lossy(&bytes[start..end]).trim() == m.points_at
        };
        let hit = report.findings.iter().any(|f| {
            f.rule == m.rule
                && f.severity >= Severity::Warning
                && (points(f.start, f.end) || f.related.iter().any(|r| points(r.start, r.end)))
        });
        let found: Vec<String> = report
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} at {:?}: {}",
                    f.rule,
                    String::from_utf8_lossy(&bytes[f.start..f.end]),
                    f.message
                )
            })
            .collect();
        assert!(
            hit,
            "mutation {k} ({}): expected {} pointing at {}, found {found:?}",
            m.page, m.rule, m.points_at
        );
        *per_kind.entry(kind_of(&m.page).to_string()).or_default() += 1;
        snapshot(&name, report);
    }
    assert!(
        per_kind.values().all(|&n| n >= 2),
        "two broken pages per kind: {per_kind:?}"
    );
}
