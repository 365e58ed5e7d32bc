//! Sentences and clauses of a story: the units a figure's meaning is read from. A clause runs
//! between `，；：` at the sentence's own level; text in brackets forms clauses of its own inside
//! the clause that holds the brackets (`比全省（7.7%）高0.7个百分点`: the 7.7% belongs to 全省).

use factcheck_text::segment::{sentences, Document};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub range: Range<usize>,
    /// Inside brackets: the clause of the sentence's level that holds them.
    pub host: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub article: usize,
    /// Index of the paragraph in its article.
    pub paragraph: usize,
    pub headline: bool,
    /// Indices into the page's clauses, in text order.
    pub clauses: Range<usize>,
}

/// Every sentence and clause of a page, in text order.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub sentences: Vec<Sentence>,
    pub clauses: Vec<Clause>,
}

const CLAUSE_MARKS: [char; 3] = ['，', '；', '：'];

impl Layout {
    pub fn new(text: &str, document: &Document) -> Layout {
        let mut layout = Layout::default();
        for (a, article) in document.articles.iter().enumerate() {
            for (p, paragraph) in article.paragraphs.iter().enumerate() {
                let headline = article.headline.as_ref() == Some(paragraph);
                for range in sentences(text, paragraph.clone()) {
                    if text[range.clone()].trim().is_empty() {
                        continue;
                    }
                    let first = layout.clauses.len();
                    split_clauses(text, range.clone(), &mut layout.clauses);
                    layout.sentences.push(Sentence {
                        range,
                        article: a,
                        paragraph: p,
                        headline,
                        clauses: first..layout.clauses.len(),
                    });
                }
            }
        }
        layout
    }

    /// The sentence holding a byte offset (sentences are in text order).
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.range.end <= at);
        (k < self.sentences.len() && self.sentences[k].range.start <= at).then_some(k)
    }

    /// The innermost clause holding a byte offset.
    pub fn clause_at(&self, at: usize) -> Option<usize> {
        let s = &self.sentences[self.sentence_at(at)?];
        self.clauses[s.clauses.clone()]
            .iter()
            .enumerate()
            .filter(|(_, c)| c.range.start <= at && at < c.range.end.max(c.range.start + 1))
            .min_by_key(|(_, c)| c.range.len())
            .map(|(k, _)| s.clauses.start + k)
    }
}

/// Splits a sentence into clauses: top-level ones at clause marks, and one per bracketed run
/// (itself split at its marks), each bracketed clause hosted by the top-level clause around it.
fn split_clauses(text: &str, sentence: Range<usize>, out: &mut Vec<Clause>) {
    let body = &text[sentence.clone()];
    let base = sentence.start;
    // top-level clauses first, skipping what is inside brackets
    let mut top: Vec<Range<usize>> = Vec::new();
    let mut brackets: Vec<Range<usize>> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut open_at = 0usize;
    for (i, c) in body.char_indices() {
        match c {
            '（' => {
                if depth == 0 {
                    open_at = i + c.len_utf8();
                }
                depth += 1;
            }
            '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    brackets.push(base + open_at..base + i);
                }
            }
            c if depth == 0 && (CLAUSE_MARKS.contains(&c) || c == '\n') => {
                top.push(base + start..base + i);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if depth > 0 {
        // an unclosed bracket runs to the end of the sentence
        brackets.push(base + open_at..sentence.end);
    }
    top.push(base + start..sentence.end);
    let first_top = out.len();
    out.extend(top.iter().map(|r| Clause {
        range: r.clone(),
        host: None,
    }));
    for bracket in brackets {
        let host = top
            .iter()
            .position(|r| r.start <= bracket.start && bracket.end <= r.end)
            .map(|k| first_top + k);
        let inner = &text[bracket.clone()];
        let mut s = 0usize;
        for (i, c) in inner.char_indices() {
            if CLAUSE_MARKS.contains(&c) {
                out.push(Clause {
                    range: bracket.start + s..bracket.start + i,
                    host,
                });
                s = i + c.len_utf8();
            }
        }
        out.push(Clause {
            range: bracket.start + s..bracket.end,
            host,
        });
    }
    out[first_top..].sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        split_clauses(text, 0..text.len(), &mut out);
        out.iter()
            .map(|c| (text[c.range.clone()].to_string(), c.host.is_some()))
            .collect()
    }

    #[test]
    fn brackets_are_clauses_inside_their_host() {
        let got = clauses("投资增长12%，比全省（8.5%）高3.5个百分点。");
        assert_eq!(
            got,
            vec![
                ("投资增长12%".to_string(), false),
                ("比全省（8.5%）高3.5个百分点。".to_string(), false),
                ("8.5%".to_string(), true),
            ]
        );
    }

    #[test]
    fn bracketed_lists_split_at_their_commas() {
        let got = clauses("受理来信90件（网上60件，信箱30件）");
        assert_eq!(got[1], ("网上60件".to_string(), true));
        assert_eq!(got[2], ("信箱30件".to_string(), true));
    }
}
