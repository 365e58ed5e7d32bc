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
        for unit in units {
            let body = &text[unit.range.clone()];
            let credit_only = ends_article(body) && body.chars().count() <= 16;
            if starts_article(body) && !credit_only {
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
