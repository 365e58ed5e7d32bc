//! A file with many stories may share them among threads: its report (records, their order and
//! ids, findings, graphs) is the same as when its stories are checked one after another.

use factcheck::{Checker, StoryThreads};
use factcheck_report::parts::{Collected, FileParts};
use factcheck_report::{ArticleRecord, CheckRecord, QuantityRecord};
use std::path::Path;

/// Stories of a community care centre and a county's night spending, `n` of them with their own
/// figures; in story 18 the share of care beds does not match its beds.
fn many_stories(n: usize) -> String {
    (0..n)
        .map(|k| {
            let beds = 100 + k * 10;
            let care = beds * (k % 5 + 3) / 10;
            let mut share = (care * 100 + beds / 2) / beds;
            if k == 17 {
                share += 9;
            }
            let (food, shops) = (120 + k, 35 + k * 2);
            format!(
                "第{no}社区养老服务中心投用\n\n\
                 本报讯(记者 马晓东)9月25日,城东区第{no}家社区嵌入式养老服务中心正式投用。\
                 中心设置床位{beds}张,其中护理型床位{care}张,占比{share}%。\n\n\
                 据县商务局统计,1至9月,全县夜间消费额达{total}万元,\
                 其中餐饮消费{food}万元,零售消费{shops}万元。\n",
                no = k + 1,
                total = food + shops,
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn alone() -> Checker {
    Checker::new().with_story_threads(StoryThreads {
        workers: Some(1),
        from_stories: 0,
    })
}

fn shared(workers: usize) -> Checker {
    Checker::new().with_story_threads(StoryThreads {
        workers: Some(workers),
        from_stories: 2,
    })
}

/// The records as they arrive, each as JSON on a line of its own.
#[derive(Default)]
struct Arrivals(String);

impl Arrivals {
    fn push(&mut self, kind: char, record: &impl serde::Serialize) {
        self.0.push(kind);
        self.0.push_str(&serde_json::to_string(record).unwrap());
        self.0.push('\n');
    }
}

impl FileParts for Arrivals {
    fn article(&mut self, record: ArticleRecord) {
        self.push('a', &record);
    }
    fn quantity(&mut self, record: QuantityRecord) {
        self.push('q', &record);
    }
    fn check(&mut self, record: CheckRecord) {
        self.push('c', &record);
    }
}

/// Everything a checker makes of a file: the report, the records in their order, the graphs.
fn everything(checker: &Checker, path: &str, bytes: &[u8]) -> (String, String, String) {
    let checked = checker.check_with_graph(path, bytes, true);
    let mut arrivals = Arrivals::default();
    let rest = checker.check_in_parts(path, bytes, &mut arrivals);
    (
        serde_json::to_string(&checked.report).unwrap(),
        arrivals.0 + &serde_json::to_string(&rest).unwrap(),
        checked.dot.unwrap_or_default(),
    )
}

#[test]
fn many_stories_on_threads_read_as_one_after_another() {
    let page = many_stories(150);
    let one_by_one = everything(&alone(), "many.txt", page.as_bytes());
    for checker in [shared(2), shared(3), shared(4), Checker::new()] {
        let on_threads = everything(&checker, "many.txt", page.as_bytes());
        assert!(one_by_one.0 == on_threads.0, "the reports differ");
        assert!(one_by_one.1 == on_threads.1, "the records arrive otherwise");
        assert!(one_by_one.2 == on_threads.2, "the graphs differ");
    }
    // the page is what it says: its stories checked, the one wrong share found
    let report = alone().check("many.txt", page.as_bytes());
    assert_eq!(report.articles.len(), 150);
    assert_eq!(report.checks.len(), 4 * 150);
    let ids: Vec<String> = (1..=600).map(|k| format!("c{k}")).collect();
    assert_eq!(
        report.checks.iter().map(|c| &c.id).collect::<Vec<_>>(),
        ids.iter().collect::<Vec<_>>()
    );
    let found: Vec<(&str, usize)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.line))
        .collect();
    let story_18 = page.lines().position(|l| l.contains("第18家")).unwrap() + 1;
    assert_eq!(found, [("share-of-whole", story_18)]);
}

#[test]
fn the_fixtures_on_threads_read_as_one_after_another() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut pages = vec![
        fixtures.join("seed-xining-page.txt"),
        fixtures.join("evening-page.txt"),
    ];
    pages.extend(
        std::fs::read_dir(fixtures.join("relations"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt")),
    );
    for path in pages {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let one_by_one = everything(&alone(), name, &bytes);
        let on_threads = everything(&shared(3), name, &bytes);
        assert!(
            one_by_one == on_threads,
            "{name}: checked otherwise on threads"
        );
    }
}

#[test]
fn collected_records_count_over_the_page() {
    let page = many_stories(40);
    let mut collected = Collected::default();
    shared(2).check_in_parts("many.txt", page.as_bytes(), &mut collected);
    let ids: Vec<String> = collected.quantities.iter().map(|q| q.id.clone()).collect();
    let expected: Vec<String> = (1..=ids.len()).map(|k| format!("q{k}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(collected.quantities.len(), 40 * 9);
}
