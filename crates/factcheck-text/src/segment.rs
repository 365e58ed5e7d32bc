//! Segmenting a normalised page into articles, paragraphs and sentences.
//!
//! Stories are cut at strong marks only: bylines and datelines (with the headline above them),
//! closing credits, continuation marks, and a narrow OCR'd box dropped between full-width
//! paragraphs. Subheads stay inside their story, since features relate numbers across sections.

use crate::markers::{ends_article, inner_dateline, starts_article};
use crate::normalize::Normalized;
use std::ops::Range;

/// One story on the page: its paragraphs (ranges of the normalised text) and its headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub range: Range<usize>,
    pub headline: Option<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
}

/// A segmented page.
#[derive(Debug, Clone)]
pub struct Document {
    pub articles: Vec<Article>,
    /// The page's tables (see [`crate::table`]).
    pub tables: Vec<crate::table::Table>,
}

#[derive(Debug, Clone)]
struct Unit {
    range: Range<usize>,
    column_block: bool,
    forced_heading: bool,
}

impl Document {
    pub fn segment(normalized: &Normalized) -> Document {
        let text = normalized.text.as_str();
        let units = split_glued_headlines(normalized);
        let mut articles = Vec::new();
        let mut current: Vec<Unit> = Vec::new();
        let close = |current: &mut Vec<Unit>, articles: &mut Vec<Article>| {
            if !current.is_empty() {
                articles.push(make_article(text, std::mem::take(current)));
            }
        };
        let titles = digest_titles(text, &units);
        for (index, unit) in units.into_iter().enumerate() {
            let body = &text[unit.range.clone()];
            let credit_only = ends_article(body) && body.chars().count() <= 16;
            if titles.contains(&index) {
                close(&mut current, &mut articles);
            } else if starts_article(body) && !credit_only {
                let mut headings = Vec::new();
                while !current.is_empty()
                    && headings.len() < 2
                    && current.last().is_some_and(|u| is_heading(text, u))
                {
                    headings.push(current.pop().expect("checked"));
                }
                close(&mut current, &mut articles);
                current.extend(headings.into_iter().rev());
            } else if let Some(prev) = current.last() {
                let prev_text = &text[prev.range.clone()];
                let box_starts = unit.column_block
                    && !prev.column_block
                    && !is_heading(text, prev)
                    && is_terminated(prev_text);
                let box_ended =
                    prev.column_block && !unit.column_block && !is_terminated(prev_text);
                if box_starts || box_ended {
                    close(&mut current, &mut articles);
                }
            }
            current.push(unit);
            if ends_article(body) {
                close(&mut current, &mut articles);
            }
        }
        close(&mut current, &mut articles);
        Document {
            articles,
            tables: crate::table::find_tables(text),
        }
    }

    /// The article holding a byte offset of the normalised text.
    pub fn article_at(&self, offset: usize) -> Option<usize> {
        self.articles
            .iter()
            .position(|a| a.range.contains(&offset) || a.range.end == offset)
    }
}

fn split_glued_headlines(normalized: &Normalized) -> Vec<Unit> {
    let mut units = Vec::new();
    for p in &normalized.paragraphs {
        let body = &normalized.text[p.range.clone()];
        match inner_dateline(body) {
            Some(at) if at <= 90 => {
                units.push(Unit {
                    range: p.range.start..p.range.start + at,
                    column_block: false,
                    forced_heading: true,
                });
                units.push(Unit {
                    range: p.range.start + at..p.range.end,
                    column_block: p.column_block,
                    forced_heading: false,
                });
            }
            _ => units.push(Unit {
                range: p.range.clone(),
                column_block: p.column_block,
                forced_heading: false,
            }),
        }
    }
    units
}

/// A page of news in brief (快讯, 简讯): item after item, each a title line and one paragraph.
/// Three such items or more under the digest's own heading make the page a digest, whose every
/// title opens a story of its own; elsewhere a short line is a subhead and stays inside its story.
/// Returns the titles' indices.
fn digest_titles(text: &str, units: &[Unit]) -> Vec<usize> {
    let heading = |i: usize| units.get(i).is_some_and(|u| is_heading(text, u));
    let titles: Vec<usize> = (0..units.len())
        .filter(|&i| {
            heading(i)
                && !heading(i + 1)
                && i + 1 < units.len()
                && is_terminated(&text[units[i + 1].range.clone()])
        })
        .collect();
    let single = titles
        .iter()
        .filter(|&&i| i + 2 >= units.len() || heading(i + 2))
        .count();
    // the items come under the digest's own heading (快讯); a story's headline over its lead,
    // and subheads after, make a feature, whose sections (一、…) relate
    let opens_with_titles = titles
        .first()
        .is_some_and(|&first| first > 0 && (0..first).all(heading));
    // a subtitle under a headline (——上半年经济指标解读) marks a feature's top
    let subtitled = units
        .iter()
        .any(|u| is_heading(text, u) && text[u.range.clone()].starts_with(['—', '-', '－']));
    // items cut by datelines or credits are stories already
    let marked = titles.iter().any(|&i| {
        let body = &text[units[i + 1].range.clone()];
        starts_article(body) || ends_article(body)
    });
    let numbered = titles
        .iter()
        .any(|&i| numbered_section(&text[units[i].range.clone()]));
    if single >= 3 && opens_with_titles && !numbered && !marked && !subtitled {
        titles
    } else {
        Vec::new()
    }
}

/// `一、…`, `（二）…`, `3．…`, `第四部分…`: a line that numbers a section (第二届… is a title).
fn numbered_section(line: &str) -> bool {
    let line = line.trim_start_matches(['（', '(', ' ']);
    let (ordinal, line) = match line.strip_prefix('第') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let numeral: String = line
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .collect();
    let rest = &line[numeral.len()..];
    !numeral.is_empty()
        && if ordinal {
            ["、", "．", "部分", "章", "节", "篇", "，"]
                .iter()
                .any(|w| rest.starts_with(w))
        } else {
            rest.starts_with(['、', '．', '.', '）', ')', '是'])
        }
}

fn is_terminated(text: &str) -> bool {
    text.trim_end()
        .ends_with(['。', '！', '？', '；', '）', '"', '…'])
}

/// A short line without closing punctuation: a headline or a subhead; or the source line a web
/// page prints under its headline (an address, the date and the paper), which belongs to it too.
fn is_heading(text: &str, unit: &Unit) -> bool {
    let body = &text[unit.range.clone()];
    unit.forced_heading
        || (!unit.column_block
            && body.chars().count() <= 40
            && !body.trim_end().ends_with(['。', '！', '？', '；', '，']))
        || is_source_line(body)
}

/// `https://…  2024年7月2日 09:41 某某晚报`: a web address and no sentence in the line.
fn is_source_line(body: &str) -> bool {
    body.chars().count() <= 80
        // (the colon of the address arrives normalised to full width)
        && ((body.contains("http") && body.contains("//")) || body.contains("www."))
        && !body.contains(['。', '，', '！', '？'])
}

fn make_article(text: &str, units: Vec<Unit>) -> Article {
    let headline = units
        .first()
        .filter(|u| is_heading(text, u) && units.len() > 1)
        .map(|u| u.range.clone());
    let start = units.first().map(|u| u.range.start).unwrap_or(0);
    let end = units.last().map(|u| u.range.end).unwrap_or(0);
    Article {
        range: start..end,
        headline,
        paragraphs: units.into_iter().map(|u| u.range).collect(),
    }
}

/// Sentences of a paragraph (ranges of the normalised text): cut after 。！？ and any closing
/// quote or bracket that follows them.
pub fn sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[paragraph.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if crate::chars::ends_sentence(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '"' | '\'' | '）' | '》' | '】') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(paragraph.start + start..paragraph.start + end);
            start = end;
        }
    }
    if start < body.len() {
        out.push(paragraph.start + start..paragraph.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{normalize, Continuation};

    struct NoUnits;
    impl Continuation for NoUnits {
        fn starts_with_unit(&self, _: &str) -> bool {
            false
        }
        fn unit_len(&self, _: &str) -> Option<usize> {
            None
        }
    }

    fn headlines(page: &str) -> Vec<String> {
        let n = normalize(page, &NoUnits);
        let doc = Document::segment(&n);
        doc.articles
            .iter()
            .map(|a| n.text[a.paragraphs[0].clone()].chars().take(8).collect())
            .collect()
    }

    #[test]
    fn bylines_credits_and_continuations_cut_stories() {
        let page = "城市之光\n\n第一篇正文。(记者王琼)\n\n辉煌十四五 改革谱新篇\n\n(上接A03版)第二篇正文。\n\n(记者 施翔)\n\n二十七家中心全部通过验收\n\n本报讯(记者 樊娅楠)第三篇正文。\n\n小标题\n\n第三篇继续。";
        assert_eq!(
            headlines(page),
            vec!["城市之光", "辉煌十四五改革谱", "二十七家中心全部"]
        );
    }

    #[test]
    fn each_item_of_a_digest_is_a_story_of_its_own() {
        let page = "本地简讯\n甲县新建乡村公路120公里\n今年以来，甲县新建乡村公路120公里。\n乙区三家医院通过评审\n近日，乙区三家医院通过评审。\n丙镇完成造林3000亩\n今春，丙镇完成造林3000亩。";
        assert_eq!(
            headlines(page),
            vec![
                "本地简讯",
                "甲县新建乡村公路",
                "乙区三家医院通过",
                "丙镇完成造林30"
            ]
        );
        // a feature opens with its lead: its subheads stay inside it
        let feature = "全县经济稳中向好\n上半年，全县经济稳中向好。\n工业增幅居全市第二\n规上工业增加值增长6%。\n投资增幅居全市第一\n固定资产投资增长9%。\n消费增幅居全市第三\n社会消费品零售总额增长5%。";
        assert_eq!(headlines(feature).len(), 1);
        // and so do numbered sections
        let numbered = "十件大事\n一、新建乡村公路120公里\n甲县新建乡村公路120公里。\n二、三家医院通过评审\n乙区三家医院通过评审。\n三、完成造林3000亩\n丙镇完成造林3000亩。";
        assert_eq!(headlines(numbered).len(), 1);
    }

    #[test]
    fn web_source_line_stays_with_its_headline() {
        let page = "全县夏粮收购量突破12万吨\n\nhttps://news.example.cn 2024年07月02日 09:41 某某晚报\n\n本报讯 截至6月底，全县收购夏粮12.3万吨。";
        let n = normalize(page, &NoUnits);
        let doc = Document::segment(&n);
        assert_eq!(doc.articles.len(), 1);
        let headline = doc.articles[0].headline.clone().unwrap();
        assert_eq!(&n.text[headline], "全县夏粮收购量突破12万吨");
    }

    #[test]
    fn glued_headline_is_its_own_line() {
        let n = normalize(
            "应急管理部：2019年调拨救灾物资36万件中新网8月14日电 应急管理部今日发布通报。",
            &NoUnits,
        );
        let doc = Document::segment(&n);
        assert_eq!(doc.articles.len(), 1);
        let headline = doc.articles[0].headline.clone().unwrap();
        assert_eq!(&n.text[headline], "应急管理部：2019年调拨救灾物资36万件");
    }

    #[test]
    fn sentences_end_after_closing_quotes() {
        let text = "他说：\"好。\"然后走了！最后";
        let s: Vec<&str> = sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(s, vec!["他说：\"好。\"", "然后走了！", "最后"]);
    }
}
