//! A file is checked story by story: its records are handed over as each story is done, not
//! gathered for the whole file, and what they add up to is the file's report as one value.

use factcheck::Checker;
use factcheck_report::parts::{Collected, FileParts};
use factcheck_report::{ArticleRecord, CheckRecord, QuantityRecord};

/// The order in which records arrive: `a` story, `q` quantity, `c` check.
#[derive(Default)]
struct Order {
    arrived: String,
    kept: Collected,
}

impl FileParts for Order {
    fn article(&mut self, record: ArticleRecord) {
        self.arrived.push('a');
        self.kept.article(record);
    }
    fn quantity(&mut self, record: QuantityRecord) {
        self.arrived.push('q');
        self.kept.quantity(record);
    }
    fn check(&mut self, record: CheckRecord) {
        self.arrived.push('c');
        self.kept.check(record);
    }
}

/// Several pages in one file, each with stories whose figures are related.
fn pages() -> String {
    let page = include_str!("../../../fixtures/seed-xining-page.txt");
    let evening = include_str!("../../../fixtures/evening-page.txt");
    [page, evening, page].join("\n\n")
}

#[test]
fn records_arrive_story_by_story() {
    let text = pages();
    let mut order = Order::default();
    let checker = Checker::new();
    let rest = checker.check_in_parts("pages.txt", text.as_bytes(), &mut order);
    assert!(rest.error.is_none());
    let stories = order.kept.articles.len();
    assert!(stories >= 3, "{stories} stories");
    // every story first, each naming its quantities…
    let arrived = order.arrived.as_str();
    assert!(arrived.starts_with(&"a".repeat(stories)), "{arrived}");
    assert!(!arrived[stories..].contains('a'), "{arrived}");
    // …then quantities and checks story by story: checks come between quantities, long before
    // the file's end
    let runs = arrived.as_bytes()[stories..]
        .windows(2)
        .filter(|w| w == b"cq")
        .count();
    assert!(runs >= 2, "{arrived}");
    // ids count over the whole file
    let ids: Vec<&str> = order
        .kept
        .quantities
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    let expected: Vec<String> = (1..=ids.len()).map(|k| format!("q{k}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn the_parts_make_the_report_of_the_whole_file() {
    let text = pages();
    let checker = Checker::new();
    let whole = checker.check("pages.txt", text.as_bytes());
    let mut order = Order::default();
    let mut rest = checker.check_in_parts("pages.txt", text.as_bytes(), &mut order);
    order.kept.fill(&mut rest);
    let json = |r: &factcheck_report::FileReport| serde_json::to_string_pretty(r).unwrap();
    assert_eq!(json(&rest), json(&whole));
    assert!(!whole.checks.is_empty() && !whole.quantities.is_empty());
    assert_eq!(rest.source, whole.source);
}
