//! The HTML and JUnit outputs read back with an XML parser: the HTML page lists every finding and
//! every relation with its picture, highlights every number and fetches nothing; the JUnit report
//! has the shape of the Ant JUnit schema with counts that add up.

use factcheck::Checker;
use factcheck_report::{html, junit, Report, Severity};
use roxmltree::{Document, Node, ParsingOptions};
use std::path::Path;

fn report(files: &[&str]) -> Report {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    Report::new(
        files
            .iter()
            .map(|f| Checker::new().check(f, std::fs::read(root.join(f)).expect("reads")))
            .collect(),
    )
}

fn parse(text: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).expect("well-formed")
}

fn class_is(node: &Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c == class))
}

fn text_of(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// Text as the quantity grammar reads it: no spaces (OCR puts them inside numbers), full-width
/// forms as ASCII.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Checks one page's HTML report against its report; returns how many pictures it has.
fn check_html(report: &Report) -> usize {
    let page = html::render(report);
    let doc = parse(&page);
    // self-contained: nothing is fetched, nothing runs
    for needle in [
        "http://", "https://", "src=", "<link", "<script", "@import", "url(",
    ] {
        assert!(!page.contains(needle), "the page holds {needle}");
    }
    let file = &report.files[0];
    let findings: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("li") && class_is(n, "finding"))
        .collect();
    assert_eq!(
        findings.len(),
        file.findings.len(),
        "every finding is listed"
    );
    for (node, finding) in findings.iter().zip(&file.findings) {
        let summary = node
            .descendants()
            .find(|n| n.has_tag_name("summary"))
            .expect("a finding opens");
        assert!(text_of(summary).contains(&finding.message));
        assert!(
            node.descendants().any(|n| n.has_tag_name("svg")),
            "finding {} has its picture",
            finding.message
        );
        // the number it points at links into it (to its arithmetic, which opens)
        let id = node.attribute("id").expect("an id");
        let work = format!("{id}-work");
        assert!(node.descendants().any(|n| n.attribute("id") == Some(&work)));
        assert!(
            doc.descendants()
                .any(|n| n.attribute("href") == Some(&format!("#{work}"))),
            "{id} is linked from the copy"
        );
    }
    let checks: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("li") && class_is(n, "check"))
        .collect();
    assert_eq!(checks.len(), file.checks.len(), "every relation is listed");
    assert!(checks
        .iter()
        .all(|n| n.descendants().any(|n| n.has_tag_name("svg"))));
    // every number highlighted, its reading on hover
    let marked: Vec<Node> = doc.descendants().filter(|n| class_is(n, "q")).collect();
    assert_eq!(
        marked.len(),
        file.quantities.len(),
        "every number is marked"
    );
    for (node, q) in marked.iter().zip(&file.quantities) {
        assert_eq!(plain(&text_of(*node)), plain(&q.text));
        let title = node.attribute("title").expect("a tooltip");
        assert!(
            title.contains(&q.value) && title.contains(&q.kind),
            "{title}"
        );
    }
    doc.descendants().filter(|n| n.has_tag_name("svg")).count()
}

#[test]
fn html_of_a_broken_draft_and_the_reference_page() {
    let draft = report(&["examples/draft.txt"]);
    assert_eq!(draft.files[0].findings.len(), 4);
    assert!(check_html(&draft) >= 4 + draft.files[0].checks.len());
    let page = html::render(&draft);
    // a contradicted relation is drawn in red, a derived value drawn as one
    assert!(page.contains("class=\"node relation bad\""));
    assert!(page.contains("class=\"node derived\""));
    assert!(page.contains("分项之和 · 矛盾"));

    let seed = report(&["fixtures/seed-xining-page.txt"]);
    assert!(seed.files[0].findings.is_empty());
    assert!(check_html(&seed) >= seed.files[0].checks.len());
    assert!(html::render(&seed).contains("没有发现数字之间的矛盾"));
}

#[test]
fn html_marks_numbers_of_re_encoded_pages() {
    // GB18030 and BOM+CRLF: the file's byte offsets are not the text's; places come from lines
    for page in [
        "fixtures/winter-vegetables.gb18030.txt",
        "fixtures/county-bulletin.txt",
    ] {
        check_html(&report(&[page]));
    }
}

#[test]
fn junit_has_one_case_per_file_and_counts_that_add_up() {
    let report = report(&[
        "examples/draft.txt",
        "fixtures/seed-xining-page.txt",
        "fixtures/county-bulletin.txt",
    ]);
    for (fail_on, failing) in [
        (Some(Severity::Error), 1),
        (Some(Severity::Info), 1),
        (None, 0),
    ] {
        let xml = junit::render_with(&report, fail_on);
        let doc = parse(&xml);
        let suites = doc.root_element();
        assert_eq!(suites.tag_name().name(), "testsuites");
        let suite_nodes: Vec<Node> = suites.children().filter(Node::is_element).collect();
        assert_eq!(suite_nodes.len(), 1);
        let suite = suite_nodes[0];
        assert_eq!(suite.tag_name().name(), "testsuite");
        let cases: Vec<Node> = suite.children().filter(Node::is_element).collect();
        assert!(cases.iter().all(|c| c.tag_name().name() == "testcase"));
        assert_eq!(cases.len(), 3, "one test case per file");
        let count = |tag: &str| {
            cases
                .iter()
                .filter(|c| c.children().any(|x| x.has_tag_name(tag)))
                .count()
        };
        for c in &cases {
            // the Ant schema: at most one failure or error per test case, before system-out
            let outcome = c
                .children()
                .filter(|x| x.has_tag_name("failure") || x.has_tag_name("error"))
                .count();
            assert!(outcome <= 1);
            assert!(c.attribute("name").is_some() && c.attribute("classname").is_some());
        }
        assert_eq!(count("failure"), failing, "{xml}");
        for node in [suites, suite] {
            assert_eq!(node.attribute("tests"), Some("3"));
            assert_eq!(
                node.attribute("failures"),
                Some(failing.to_string().as_str())
            );
            assert_eq!(node.attribute("errors"), Some("0"));
        }
        if failing == 1 {
            let failure = cases[0]
                .children()
                .find(|x| x.has_tag_name("failure"))
                .unwrap();
            assert_eq!(
                failure.text().unwrap().lines().count(),
                4,
                "all four findings"
            );
        }
    }
}
