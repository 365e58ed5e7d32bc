//! Years and months for dates that do not print them. A date without a year takes, in order:
//! 0. as the start of a span whose end prints its year, that year or the one before
//!    (`12月28日至2026年1月3日` is 2025);
//! 1. the year of the nearest date in its story that prints the same month with a year
//!    (`2019年12月28日至2020年1月1日…12月28日` is 2019), or a span's start read so; a year's end
//!    (`2020年末`) prints no month;
//! 2. the last year its story printed before it (`2003年…3月7日`), unless that year is a
//!    comparison (`较2023年`, `比2019年`) or planned for (`将于2029年`), and the year before when it names a coming new year
//!    (`迎接2008年新年…12月30日` is 2007);
//! 3. the page's dateline (a full date in its masthead), then the publication date (`--date`):
//!    of the years around it, the one that puts the date nearest to it (12月 on a January page is
//!    last December);
//! 4. the latest year the page names (a comparison's year or a year planned for, `到2025年底`,
//!    never: better no year than a guess).
//!
//! A day without a month takes the month of the date before it in its story, else the page's.

use crate::quantity::PartialDate;
use crate::scan::{Reading, Scanned};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Words right before a year that make it a comparison's base, not the story's year.
const COMPARED: [&str; 9] = [
    "较",
    "比",
    "同比",
    "相比",
    "对比",
    "高于",
    "低于",
    "超过",
    "恢复到",
];

/// `与2023年相比`, `和2019年同期持平`: a conjunction before the year, the comparison after it.
const COMPARED_WITH: [&str; 7] = ["与", "和", "同", "恢复至", "恢复到", "达到", "相当于"];
const COMPARISON_AFTER: [&str; 4] = ["相比", "比较", "持平", "同期"];

/// What the whole page tells the dates of each story: its dateline and the latest year it names.
/// Gathered part by part ([`PageYears::add`]) when a page is read story by story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageYears {
    /// Where the masthead's date starts, and the date.
    pub dateline: Option<(usize, PartialDate)>,
    /// The latest year printed (not as a comparison's base) or named by an event.
    pub latest: Option<i32>,
}

impl PageYears {
    /// The years of a page read whole.
    pub fn of_page(text: &str, scanned: &[Scanned]) -> PageYears {
        let mut years = PageYears::with_events(text);
        years.add(text, scanned);
        years
    }

    /// The years the page's event names give (`2022北京冬奥会`), before any number is read.
    pub fn with_events(text: &str) -> PageYears {
        PageYears {
            dateline: None,
            latest: event_years(text)
                .filter(|y| (1900..=2100).contains(y))
                .max(),
        }
    }

    /// Adds the numbers of one part of the page (parts in text order).
    pub fn add(&mut self, text: &str, scanned: &[Scanned]) {
        if self.dateline.is_none() {
            self.dateline = dateline(text, scanned);
        }
        let printed = scanned
            .iter()
            .filter_map(|s| match &s.reading {
                // (nor a year a period starts from: 2016年建园以来 is no year of the page's days)
                Reading::Date(d)
                    if !is_compared(text, s.span.start)
                        && !is_planned(text, s.span.start)
                        && !is_since(text, s.span.start, s.span.end) =>
                {
                    d.year
                }
                _ => None,
            })
            .filter(|y| (1900..=2100).contains(y))
            .max();
        self.latest = self.latest.max(printed);
    }
}

pub fn resolve_dates(
    text: &str,
    scanned: &mut [Scanned],
    articles: &[Range<usize>],
    page_date: Option<PartialDate>,
    years: &PageYears,
) {
    let dateline_at = years.dateline;
    let dateline = dateline_at.map(|(_, d)| d);
    let is_dateline = |at: usize| dateline_at.is_some_and(|(span_start, _)| span_start == at);
    let latest_year = years.latest;
    let reference = dateline.or(page_date.filter(|d| d.year.is_some()));
    for article in articles {
        // scanned numbers are in text order: the article's are one run
        let first = scanned.partition_point(|s| s.span.start < article.start);
        let last = scanned.partition_point(|s| s.span.start < article.end);
        let story = &mut scanned[first..last];
        // `12月28日至2026年1月3日`: a span's start is in the year of its end, or the one before
        let span_years: Vec<Option<i32>> = (0..story.len())
            .map(|k| {
                let (Reading::Date(start), Some(next)) = (&story[k].reading, story.get(k + 1))
                else {
                    return None;
                };
                let Reading::Date(end) = &next.reading else {
                    return None;
                };
                let joined = text
                    .get(story[k].span.end..next.span.start)
                    .is_some_and(|j| ["至", "到", "—", "-", "～", "~", "－"].contains(&j));
                let (y, end_month) = (end.year?, end.month?);
                let month = start.month?;
                (joined && start.year.is_none()).then_some(if month > end_month {
                    y - 1
                } else {
                    y
                })
            })
            .collect();
        // (a span's start read so anchors the same day told again: 12月28日…12月28日至…)
        let span_anchors =
            span_years
                .iter()
                .zip(story.iter())
                .filter_map(|(y, s)| match &s.reading {
                    Reading::Date(d) => y.map(|y| (s.span.start, y, d.month, Sure::Anywhere)),
                    _ => None,
                });
        // (where, the year, the month, where the days of that month are sure to be of that year)
        let anchors: Vec<(usize, i32, Option<u32>, Sure)> = story
            .iter()
            .filter_map(|s| match &s.reading {
                Reading::Date(d)
                    if !is_dateline(s.span.start)
                        && !is_since(text, s.span.start, s.span.end)
                        && !names_a_year_end(&text[s.span.clone()]) =>
                {
                    // (a full date with its year fixes the days of its month after it in that
                    // year; one after them may be another occasion's, 上届…于2023年11月5日; a
                    // year and month alone may be the data's)
                    let sure = if d.day.is_some() {
                        Sure::After
                    } else {
                        Sure::Never
                    };
                    d.year.map(|y| (s.span.start, y, d.month, sure))
                }
                _ => None,
            })
            .chain(span_anchors)
            .collect();
        // (the year, whether it names the coming one, where it ends)
        let mut year: Option<(i32, bool, usize)> = None;
        // the last month whose year a date of it was surely read in
        let mut sure_month: Option<(i32, u32)> = None;
        let mut month: Option<(Option<i32>, u32)> =
            page_date.and_then(|d| d.month.map(|m| (d.year, m)));
        for (k, s) in story.iter_mut().enumerate() {
            let at = s.span.start;
            let Reading::Date(date) = &mut s.reading else {
                continue;
            };
            if let Some(y) = span_years[k] {
                date.year = Some(y);
                date.year_inferred = true;
            }
            if let Some(y) = date.year {
                // the masthead's date is the page's, not the story's
                // (nor a year a period starts from: 2016年…以来)
                // (`2020年以来` after the story's 2023 is where a run of years starts, not the
                // year to date)
                let earlier_start = text[s.span.end..].starts_with("以来")
                    && year.is_some_and(|(current, _, _)| y < current);
                if !is_compared(text, at)
                    && !is_dateline(at)
                    && !is_planned(text, at)
                    && !is_since(text, at, s.span.end)
                    && !earlier_start
                {
                    year = Some((y, is_coming_year(text, s.span.end), s.span.end));
                }
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
            if date.year.is_none() {
                if let Some(m) = date.month {
                    let same_month = anchors
                        .iter()
                        .filter(|(_, _, am, _)| *am == Some(m))
                        .min_by_key(|(pos, _, _, _)| pos.abs_diff(at))
                        .map(|&(pos, y, _, sure)| {
                            let sure = match sure {
                                Sure::Anywhere => true,
                                Sure::After => pos < at,
                                Sure::Never => false,
                            };
                            (y, !sure, pos > at)
                        })
                        // (or a day of that month whose year its own sentence gave, below)
                        .or(sure_month
                            .filter(|&(_, sm)| sm == m)
                            .map(|(y, _)| (y, false, false)));
                    // (a year earlier in the date's own sentence is the day's: 2024年国庆假期（10月1日
                    // 至7日）; one sentences before may be the data's)
                    let from_story = match year {
                        Some((y, true, _)) if m == 12 => Some((y - 1, true, false)),
                        Some((y, _, end)) => Some((y, !in_one_sentence(text, end, at), false)),
                        None => None,
                    };
                    // a year the story mentions may be the data's, not the day's; the
                    // page's or the dateline's year is the day's, and so is a span's end's
                    let inferred = match same_month.or(from_story) {
                        Some(found) => Some(found),
                        None => match reference.and_then(|r| nearest_year(r, m, date.day)) {
                            Some(y) => Some((y, false, false)),
                            None => latest_year.map(|y| (y, true, true)),
                        },
                    };
                    if let Some((y, from_story, later)) = inferred {
                        date.year = Some(y);
                        date.year_inferred = true;
                        date.year_from_story = from_story;
                        date.year_from_later = from_story && later;
                        if !from_story {
                            sure_month = Some((y, m));
                        }
                    }
                }
            }
            if let Some(m) = date.month {
                month = Some((date.year, m));
            }
        }
    }
}

/// Where the days of an anchor's month are sure to be of its year.
#[derive(Debug, Clone, Copy)]
enum Sure {
    Anywhere,
    After,
    Never,
}

/// Of the reference's year and the years either side, the one that puts month/day nearest it.
fn nearest_year(reference: PartialDate, month: u32, day: Option<u32>) -> Option<i32> {
    let year = reference.year?;
    let days = |y: i32, m: u32, d: u32| y as i64 * 372 + m as i64 * 31 + d as i64;
    let target = days(
        year,
        reference.month.unwrap_or(6),
        reference.day.unwrap_or(15),
    );
    (year - 1..=year + 1).min_by_key(|&y| (days(y, month, day.unwrap_or(15)) - target).abs())
}

/// The page's dateline: a full date printed on a short line among the page's first three lines
/// (where it starts, and the date).
fn dateline(text: &str, scanned: &[Scanned]) -> Option<(usize, PartialDate)> {
    let top_end = text
        .match_indices('\n')
        .nth(2)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    scanned
        .iter()
        .take_while(|s| s.span.start < top_end)
        .find_map(|s| match &s.reading {
            Reading::Date(
                d @ PartialDate {
                    year: Some(_),
                    month: Some(_),
                    day: Some(_),
                    ..
                },
            ) => {
                let line_start = text[..s.span.start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[s.span.end..]
                    .find('\n')
                    .map_or(text.len(), |i| s.span.end + i);
                (text[line_start..line_end].chars().count() <= 40).then_some((s.span.start, *d))
            }
            _ => None,
        })
}

/// `较2023年`, `比2019年同期`, `与2023年相比`: a year that is the base of a comparison.
fn is_compared(text: &str, start: usize) -> bool {
    let before = &text[..start];
    if COMPARED.iter().any(|w| before.ends_with(w)) {
        return true;
    }
    // (to the clause's end: `与2021年举行的东京奥运会相比` names what is compared in between)
    let after: String = text[start..]
        .chars()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '\n'))
        .take(20)
        .collect();
    // `2019年同期为124.01亿元`: the same time of an earlier year, given to compare with
    let same_time = after
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .starts_with("年同期");
    same_time
        || (COMPARED_WITH.iter().any(|w| before.ends_with(w))
            && COMPARISON_AFTER.iter().any(|w| after.contains(w)))
}

/// `将于2029年`, `到2030年`, `2030年有望`: a year planned for, not when the story happens.
fn is_planned(text: &str, start: usize) -> bool {
    let before = &text[..start];
    // a plan's verb, with the preposition before the year (力争在, 将于, 计划到) or without
    // (力争2029年; not 将 alone: 将2024年定为…)
    let after_preposition = ["在", "于", "到", "至"]
        .iter()
        .find_map(|p| before.strip_suffix(p));
    let plans = ["计划", "预计", "力争", "争取", "有望", "确保", "力求"];
    let planned_before = ["到", "至"].iter().any(|w| before.ends_with(w))
        || plans.iter().any(|w| before.ends_with(w))
        || after_preposition.is_some_and(|verb| {
            plans
                .iter()
                .chain(&["将", "要", "拟"])
                .any(|w| verb.ends_with(w))
        });
    // the words right after the date's own characters (年, 年底…)
    let rest = text[start..]
        .trim_start_matches(|c: char| c.is_ascii_digit() || "年月日底末前后".contains(c));
    planned_before
        || ["有望", "将", "要", "力争", "预计", "建成", "完成"]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// `2020年末`, `2023年底`: a year's end, no day the copy printed.
fn names_a_year_end(printed: &str) -> bool {
    printed.ends_with(['末', '底'])
}

/// `自2018年6月`, `从2019年起`: where a period began, not when the story happens.
fn is_since(text: &str, start: usize, end: usize) -> bool {
    // (自2016年起; 2016年新馆开放以来, where 以来 closes a short phrase the year opens; not
    // 2025年以来, the year to date, nor a 以来 of another phrase further on)
    let clause_after = text[end..]
        .split(['，', '。', '；', '：', '\n'])
        .next()
        .unwrap_or("");
    let since_phrase = clause_after
        .find("以来")
        .is_some_and(|at| (1..=SINCE_PHRASE).contains(&clause_after[..at].chars().count()));
    text[..start].ends_with(['自', '从']) || since_phrase
}

/// Is nothing but the one sentence between `from` and `to`?
fn in_one_sentence(text: &str, from: usize, to: usize) -> bool {
    from <= to && !text[from..to].contains(['。', '！', '？', '；', '\n'])
}

/// The most characters between a year and the 以来 that makes it where a period starts.
const SINCE_PHRASE: usize = 8;

/// Years that name an event rather than count (`2019西部农机博览会`, `2022北京冬奥会`):
/// not quantities, but they tell the page's year.
fn event_years(text: &str) -> impl Iterator<Item = i32> + '_ {
    static EVENT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])((?:19|20)\d\d)\p{Han}").expect("event year pattern")
    });
    EVENT_YEAR
        .captures_iter(text)
        .filter(|c| {
            // 2000万人次, 2019个: a figure with its magnitude or measure word, not an event's year
            !c.get(0).is_some_and(|m| {
                text[m.end() - 3..].starts_with(|ch: char| {
                    "年万亿千百多余个人元名家件吨米次只台辆户条项所座场届位份株棵头例套间篇首部期".contains(ch)
                })
            })
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
