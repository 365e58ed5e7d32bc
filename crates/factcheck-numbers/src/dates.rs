//! Years and months for dates that do not print them: taken from the story (the last full date
//! or year before), else from the page (its publication date, else the latest year it names).
//! `12月30日` in a story about the coming new year of 2008 is 2007-12-30.

use crate::quantity::PartialDate;
use crate::scan::{Reading, Scanned};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub fn resolve_dates(
    text: &str,
    scanned: &mut [Scanned],
    articles: &[Range<usize>],
    page_date: Option<PartialDate>,
) {
    let printed_years = scanned.iter().filter_map(|s| match &s.reading {
        Reading::Date(d) => d.year,
        _ => None,
    });
    let page_year = page_date.and_then(|d| d.year).or_else(|| {
        printed_years
            .chain(event_years(text))
            .filter(|y| (1900..=2100).contains(y))
            .max()
    });
    for article in articles {
        let mut year: Option<(i32, bool)> = None;
        let mut month: Option<(Option<i32>, u32)> =
            page_date.and_then(|d| d.month.map(|m| (d.year, m)));
        // scanned numbers are in text order: the article's are one run
        let first = scanned.partition_point(|s| s.span.start < article.start);
        let last = scanned.partition_point(|s| s.span.start < article.end);
        for s in scanned[first..last].iter_mut() {
            let Reading::Date(date) = &mut s.reading else {
                continue;
            };
            if let Some(y) = date.year {
                year = Some((y, is_coming_year(text, s.span.end)));
            }
            if date.day.is_some() && date.month.is_none() {
                if let Some((y, m)) = month {
                    date.month = Some(m);
                    if date.year.is_none() {
                        date.year = y;
                        date.year_inferred = y.is_some();
                    }
                }
            }
            if date.year.is_none() && date.month.is_some() {
                let inferred = match year {
                    Some((y, true)) if date.month == Some(12) => Some(y - 1),
                    Some((y, _)) => Some(y),
                    None => page_year,
                };
                if let Some(y) = inferred {
                    date.year = Some(y);
                    date.year_inferred = true;
                }
            }
            if let Some(m) = date.month {
                month = Some((date.year, m));
            }
        }
    }
}

/// Years that name an event rather than count (`2019西部农机博览会`, `2022北京冬奥会`):
/// not quantities, but they tell the page's year.
fn event_years(text: &str) -> impl Iterator<Item = i32> + '_ {
    static EVENT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])((?:19|20)\d\d)\p{Han}").expect("event year pattern")
    });
    EVENT_YEAR
        .captures_iter(text)
        .filter(|c| {
            !c.get(0)
                .is_some_and(|m| text[m.end() - 3..].starts_with('年'))
        })
        .filter_map(|c| c[1].parse().ok())
}

/// `2008年新年`, `迎接2008年`: the year named is the one about to begin.
fn is_coming_year(text: &str, end: usize) -> bool {
    let after = &text[end..];
    let before: String = text[..end]
        .chars()
        .rev()
        .skip(5)
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    ["新年", "元旦", "春节", "新春"]
        .iter()
        .any(|w| after.starts_with(w))
        || ["迎接", "迎来"].iter().any(|w| before.contains(w))
}
