//! The period a figure is stated for: a year, a run of months (`1-7月`, `上半年`, `前三季度`), one
//! month, or the end of a year (`年末`). Copy names a period once and lets it stand for the figures
//! that follow, so a figure takes the last period named before it in its sentence, else in its
//! paragraph, else in its story. Relative years (`今年`, `上年`) are read against the story's year.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The whole year (or no part named).
    Year,
    /// Months `from..=to` added up (`1-7月`, `上半年`).
    Months(u32, u32),
    /// One month.
    Month(u32),
    /// The end of the year (a stock: 年末常住人口).
    YearEnd,
}

/// A period as far as the copy tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: Option<i32>,
    pub part: Part,
}

impl Period {
    /// The same part of the year before (what 同比 and 比上年 compare against).
    pub fn year_before(self) -> Period {
        Period {
            year: self.year.and_then(|y| y.checked_sub(1)),
            part: self.part,
        }
    }

    /// Could the two be the same period? Unknown years agree with anything.
    pub fn may_equal(&self, other: &Period) -> bool {
        self.part == other.part
            && (self.year.is_none() || other.year.is_none() || self.year == other.year)
    }

    /// The months the period runs over, first and last (none for a year's end).
    pub fn months(&self) -> Option<(u32, u32)> {
        match self.part {
            Part::Year => Some((1, 12)),
            Part::Months(a, b) => Some((a, b)),
            Part::Month(m) => Some((m, m)),
            Part::YearEnd => None,
        }
    }

    /// Could this period be one within `whole` (`8月` of `第三季度`)? Unknown years agree.
    pub fn may_lie_within(&self, whole: &Period) -> bool {
        let years = self.year.is_none() || whole.year.is_none() || self.year == whole.year;
        match (self.months(), whole.months()) {
            (Some((a, b)), Some((from, to))) => years && from <= a && b <= to,
            _ => self.may_equal(whole),
        }
    }

    /// Are they certainly the same period?
    pub fn equals(&self, other: &Period) -> bool {
        self.part == other.part && self.year.is_some() && self.year == other.year
    }

    /// As the editor reads it: `2023年`, `2023年1-7月`, `上年末`.
    pub fn display(&self) -> String {
        let year = self.year.map(|y| format!("{y}年")).unwrap_or_default();
        match self.part {
            Part::Year => year,
            Part::Months(1, 6) => format!("{year}上半年"),
            Part::Months(a, b) => format!("{year}{a}-{b}月"),
            Part::Month(m) => format!("{year}{m}月"),
            Part::YearEnd => format!("{year}年末").replace("年年末", "年末"),
        }
    }
}

/// A period named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    /// A year offset from the story's year (`上年` is −1), when the year is relative.
    pub relative: Option<i32>,
    pub period: Period,
    /// `上年同期`: the figure right after it is the earlier one; the figures of the sentences
    /// after it are of the story's own period again.
    pub same_time_before: bool,
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<year>(?:19|20)\d\d)年(?:度)?",
        r"|(?P<rel>今年|本年|当年|去年|上年|前年|明年)(?:度)?",
        r"|(?P<range>(?P<m1>\d{1,2})(?:月份?)?[-~至到](?P<m2>\d{1,2})月份?)",
        r"|(?P<first>前|头)(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})个?月",
        r"|(?P<half>上半年|下半年)",
        r"|(?P<quarters>前三季度|前3季度|1-3季度|一至三季度)",
        r"|(?P<quarter>[一二三四1-4])季度",
        r"|(?P<month>\d{1,2})月份?(?P<day>\d{1,2}日)?",
        r"|(?P<end>年末|年底|末)",
        r"|(?P<whole>全年)"
    ))
    .expect("period pattern")
});

fn small_number(text: &str) -> Option<u32> {
    text.parse().ok().or_else(|| {
        let digits: Vec<u32> = text
            .chars()
            .filter_map(factcheck_numbers::chinese::digit)
            .collect();
        match (text.chars().count(), digits.as_slice()) {
            (1, [d]) => Some(*d),
            (1, []) if text == "十" => Some(10),
            (2, [1, d]) if text.starts_with('十') => Some(10 + d),
            _ => None,
        }
    })
}

/// Every period named in a range of the text, in order. A year followed by its part
/// (`2023年1-7月`, `2022年末`) is one mention.
pub fn mentions(text: &str, range: Range<usize>) -> Vec<Mention> {
    let body = &text[range.clone()];
    let mut out: Vec<Mention> = Vec::new();
    for caps in PERIOD.captures_iter(body) {
        let whole = caps.get(0).expect("group 0");
        let at = range.start + whole.start()..range.start + whole.end();
        let mut relative = None;
        let mut year = None;
        let part;
        if let Some(y) = caps.name("year") {
            year = y.as_str().parse().ok();
            part = None;
        } else if let Some(r) = caps.name("rel") {
            // 上年结转, 上年结余: a budget line carried over, not a figure of the year before
            if body[whole.end()..].starts_with(['结', '滚']) {
                continue;
            }
            relative = Some(match r.as_str() {
                "去年" | "上年" => -1,
                "前年" => -2,
                "明年" => 1,
                _ => 0,
            });
            // 上年同期: the part of the year the story last named (上半年, 1-10月), a year back
            // (not one compared with: `增速比一季度的5.8%回落…。…上年同期为` is of 上半年)
            if body[whole.end()..].starts_with("同期") {
                let same = out
                    .iter()
                    .rev()
                    .find(|m| !compared_with(text, m.range.clone()))
                    .map_or(Part::Year, |m| m.period.part);
                out.push(Mention {
                    range: at.start..at.end + "同期".len(),
                    relative,
                    period: Period {
                        year: None,
                        part: same,
                    },
                    same_time_before: true,
                });
                continue;
            }
            part = None;
        } else if caps.name("range").is_some() {
            let (a, b) = (
                small_number(&caps["m1"]).unwrap_or(0),
                small_number(&caps["m2"]).unwrap_or(0),
            );
            if !(1..=12).contains(&a) || !(a..=12).contains(&b) {
                continue;
            }
            part = Some(Part::Months(a, b));
        } else if caps.name("first").is_some() {
            match small_number(&caps["n"]) {
                Some(n) if (1..=12).contains(&n) => part = Some(Part::Months(1, n)),
                _ => continue,
            }
        } else if let Some(h) = caps.name("half") {
            part = Some(if h.as_str() == "上半年" {
                Part::Months(1, 6)
            } else {
                Part::Months(7, 12)
            });
        } else if caps.name("quarters").is_some() {
            part = Some(Part::Months(1, 9));
        } else if let Some(q) = caps.name("quarter") {
            let n = small_number(q.as_str()).unwrap_or(1);
            part = Some(Part::Months(3 * n - 2, 3 * n));
        } else if let Some(m) = caps.name("month") {
            // a day of a month is a date, not a period of figures
            if caps.name("day").is_some() {
                continue;
            }
            match small_number(m.as_str()) {
                Some(m) if (1..=12).contains(&m) => part = Some(Part::Month(m)),
                _ => continue,
            }
        } else if let Some(e) = caps.name("end") {
            // a lone 末 counts only right after a year (`2022年末` is read as one mention)
            if e.as_str() == "末" && !ends_year(&out, at.start) {
                continue;
            }
            part = Some(Part::YearEnd);
        } else {
            part = Some(Part::Year);
        }
        // `上年为…`, `上年末为…`: last year's figure given by the way, for its own clause
        let gives_earlier = |relative: Option<i32>| {
            relative.is_some_and(|r| r < 0) && body[whole.end()..].starts_with(['为', '是'])
        };
        // a part right after a year belongs to it
        if let (Some(part), Some(last)) = (part, out.last_mut()) {
            if last.range.end == at.start && last.period.part == Part::Year {
                last.range.end = at.end;
                last.period.part = part;
                last.same_time_before |= gives_earlier(last.relative);
                continue;
            }
        }
        out.push(Mention {
            range: at,
            relative,
            period: Period {
                year,
                part: part.unwrap_or(Part::Year),
            },
            same_time_before: gives_earlier(relative),
        });
    }
    out
}

/// Is the period at `range` one a figure is compared with (`比一季度`, `较上年`, `跟去年相比`),
/// not one the figures are stated for?
pub fn compared_with(text: &str, range: Range<usize>) -> bool {
    let lead = text[..range.start].chars().next_back();
    // 跟去年相比, 和上年持平: a comparison after 跟 or 和
    let compared_after = || {
        let after: String = text[range.end..].chars().take(6).collect();
        ["相比", "持平", "同期"].iter().any(|w| after.contains(w))
    };
    matches!(lead, Some('比' | '较' | '与' | '于' | '同'))
        || (matches!(lead, Some('跟' | '和')) && compared_after())
}

fn ends_year(out: &[Mention], at: usize) -> bool {
    out.last()
        .is_some_and(|m| m.range.end == at && m.period.part == Part::Year)
}

/// Resolves relative years against the story's year.
pub fn resolve(mention: &Mention, story_year: Option<i32>) -> Period {
    match mention.relative {
        Some(offset) => Period {
            year: story_year.and_then(|y| y.checked_add(offset)),
            part: mention.period.part,
        },
        None => mention.period,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Period)> {
        mentions(text, 0..text.len())
            .into_iter()
            .map(|m| (text[m.range.clone()].to_string(), resolve(&m, Some(2030))))
            .collect()
    }

    #[test]
    fn years_parts_and_relative_years() {
        let got =
            read("2029年1-5月，出口增长；上半年进口下降；去年末存款余额；7月份当月；前三季度");
        let periods: Vec<Period> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            periods,
            vec![
                Period {
                    year: Some(2029),
                    part: Part::Months(1, 5)
                },
                Period {
                    year: None,
                    part: Part::Months(1, 6)
                },
                Period {
                    year: Some(2029),
                    part: Part::YearEnd
                },
                Period {
                    year: None,
                    part: Part::Month(7)
                },
                Period {
                    year: None,
                    part: Part::Months(1, 9)
                },
            ]
        );
    }

    #[test]
    fn the_same_time_last_year_is_the_part_last_named() {
        let got = read("2030年1-10月，利润增长；上年同期为8亿元");
        assert_eq!(
            got[1],
            (
                "上年同期".to_string(),
                Period {
                    year: Some(2029),
                    part: Part::Months(1, 10)
                }
            )
        );
    }

    #[test]
    fn a_day_is_not_a_period() {
        assert!(read("3月12日开幕").is_empty());
    }
}
