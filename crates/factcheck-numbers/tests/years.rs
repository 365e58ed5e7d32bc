//! Years for dates that print none: the story's own mention of the month or period first, then
//! the page's dateline, then the publication date (`--date`), which always beats a comparison's
//! year.

use factcheck_numbers::{read_quantities, PartialDate, ReadOptions, Vocabulary};
use factcheck_text::SourceText;

/// The dates read from `page` (as printed = ISO), given a publication date.
fn dates(page: &str, page_date: Option<(i32, u32, u32)>) -> Vec<String> {
    let vocab = Vocabulary::builtin();
    let source = SourceText::from_bytes(page.as_bytes(), &vocab).expect("decodes");
    let options = ReadOptions {
        page_date: page_date.map(|(y, m, d)| PartialDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            year_inferred: false,
            year_from_story: false,
            year_from_later: false,
        }),
    };
    read_quantities(&source, &vocab, &options)
        .iter()
        .filter_map(|q| {
            q.date()
                .map(|d| format!("{}={}", &source.text()[q.span.clone()], d.iso()))
        })
        .collect()
}

#[test]
fn the_same_month_in_the_story_gives_the_year() {
    let page = "2019年12月28日至2020年1月1日，灯会在湖滨公园举办。12月28日开幕当天，客流最多。";
    assert_eq!(
        dates(page, Some((2020, 1, 3))),
        vec![
            "2019年12月28日=2019-12-28",
            "2020年1月1日=2020-01-01",
            "12月28日=2019-12-28"
        ]
    );
}

#[test]
fn the_publication_date_beats_a_comparison_year() {
    let page = "全年营收较2023年增长8%。10月20日，新品上市。";
    assert_eq!(
        dates(page, Some((2024, 11, 2))),
        vec!["2023年=2023", "10月20日=2024-10-20"]
    );
    // without a publication date the year stays open rather than guessed
    assert_eq!(dates(page, None), vec!["2023年=2023", "10月20日=--10-20"]);
}

#[test]
fn the_dateline_gives_the_year_nearest_the_page() {
    let page =
        "2025年1月6日 星期一\n\n本报讯 12月30日，新建的跨江大桥通车。1月3日，首批货车驶过大桥。";
    assert_eq!(
        dates(page, None),
        vec![
            "2025年1月6日=2025-01-06",
            "12月30日=2024-12-30",
            "1月3日=2025-01-03"
        ]
    );
}

#[test]
fn the_publication_date_gives_the_year_nearest_it() {
    let page = "本报讯 12月30日，新建的跨江大桥通车。";
    assert_eq!(dates(page, Some((2025, 1, 4))), vec!["12月30日=2024-12-30"]);
}
