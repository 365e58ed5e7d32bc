//! One file checked story by story. Relations never reach beyond a story, so each story is read,
//! framed, searched for claims and checked on its own, its records handed on and its structures
//! dropped before the next: memory follows the largest story, not the file. What spans the page
//! is gathered first in one pass over the stories (the years dates fall back on, how many
//! quantities each story holds for the story records).

use crate::check::{article_record, check_record, finding_record, quantity_record, Checker};
use factcheck_numbers::{PagePass, Quantity};
use factcheck_report::parts::FileParts;
use factcheck_report::FindingRecord;
use factcheck_text::segment::{Article, Document};
use factcheck_text::SourceText;
use std::ops::Range;

/// What a file's check keeps once its stories are done.
pub struct StoriesChecked {
    /// The findings of the checks, in the order of the checks.
    pub findings: Vec<FindingRecord>,
    /// Numbers too large to hold, left unread (normalised spans, in text order).
    pub unreadable: Vec<Range<usize>>,
}

/// A stretch of the page read at once: a story, or the text between two.
struct Part {
    range: Range<usize>,
    story: Option<usize>,
}

/// The page cut into its stories and the stretches between them, in text order.
fn parts(text: &str, articles: &[Article]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut at = 0;
    for (k, article) in articles.iter().enumerate() {
        if article.range.start > at {
            parts.push(Part {
                range: at..article.range.start,
                story: None,
            });
        }
        parts.push(Part {
            range: article.range.clone(),
            story: Some(k),
        });
        at = at.max(article.range.end);
    }
    if at < text.len() || parts.is_empty() {
        parts.push(Part {
            range: at..text.len(),
            story: None,
        });
    }
    parts
}

/// Checks every story of `source`, handing the records to `parts`; the graph of each story is
/// added to `dot` in DOT when asked for.
pub fn check_stories(
    checker: &Checker,
    source: &SourceText,
    sink: &mut dyn FileParts,
    mut dot: Option<&mut String>,
) -> StoriesChecked {
    let text = source.text();
    let document = &source.document;
    let pieces = parts(text, &document.articles);
    let story_ranges: Vec<Range<usize>> =
        document.articles.iter().map(|a| a.range.clone()).collect();
    let layout = factcheck_numbers::Layout {
        articles: &story_ranges,
        tables: &document.tables,
        broken_numbers: &source.normalized.broken_numbers,
    };
    let (mut pass, counts) = PagePass::gather(
        text,
        pieces.iter().map(|p| p.range.clone()),
        layout,
        checker.vocab(),
        checker.options(),
    );
    // the story records come first, each naming its quantities by id
    let mut first = 0;
    for (part, &count) in pieces.iter().zip(&counts) {
        if let Some(k) = part.story {
            sink.article(article_record(
                source,
                k,
                &document.articles[k],
                first..first + count,
            ));
        }
        first += count;
    }
    let page_year = checker.options().page_date.and_then(|d| d.year);
    let mut done = StoriesChecked {
        findings: Vec::new(),
        unreadable: Vec::new(),
    };
    let mut first = 0;
    let mut checks = 0;
    for part in &pieces {
        let (quantities, unreadable) = pass.read(part.range.clone());
        done.unreadable.extend(unreadable);
        let story = Story {
            source,
            document: one_story(document, part),
            quantities: &quantities,
            first,
        };
        story.check(
            checker,
            page_year,
            sink,
            &mut done.findings,
            &mut checks,
            dot.as_deref_mut(),
        );
        first += quantities.len();
    }
    done
}

/// A document of the part's story alone (none for the text between stories), with the page's
/// tables that reach into it.
fn one_story(document: &Document, part: &Part) -> Document {
    let tables = &document.tables;
    let from = tables.partition_point(|t| t.range.end <= part.range.start);
    let to = tables.partition_point(|t| t.range.start < part.range.end);
    Document {
        articles: part
            .story
            .map(|k| document.articles[k].clone())
            .into_iter()
            .collect(),
        tables: tables[from..to.max(from)].to_vec(),
    }
}

/// One part's quantities (numbered from the page's `first`) and the story they stand in.
struct Story<'a> {
    source: &'a SourceText,
    document: Document,
    quantities: &'a [Quantity],
    first: usize,
}

impl Story<'_> {
    /// Frames, claims and checks of the story; its quantity and check records go to `sink`,
    /// the findings to `findings`. `checks` counts the page's checks so far.
    fn check(
        &self,
        checker: &Checker,
        page_year: Option<i32>,
        sink: &mut dyn FileParts,
        findings: &mut Vec<FindingRecord>,
        checks: &mut usize,
        dot: Option<&mut String>,
    ) {
        let text = self.source.text();
        let rules = checker.rules();
        let frames = factcheck_frames::read(
            text,
            &self.document,
            self.quantities,
            &rules.lexicon,
            page_year,
        );
        let mut printed = Vec::with_capacity(self.quantities.len());
        for (k, q) in self.quantities.iter().enumerate() {
            let record = quantity_record(self.source, self.first + k, q, frames.get(k));
            printed.push(record.text.clone());
            sink.quantity(record);
        }
        if self.document.articles.is_empty() {
            return;
        }
        let claims = factcheck_claims::find_claims(&factcheck_claims::Page {
            text,
            document: &self.document,
            quantities: self.quantities,
            frames: &frames,
            rules,
            numbered_from: self.first,
        });
        let page = factcheck_graph::Page {
            text,
            quantities: self.quantities,
            printed: &printed,
            frames: &frames,
            words: &rules.lexicon,
        };
        let checks_made = match dot {
            Some(dot) => {
                let graph = factcheck_graph::Graph::build(&page, &claims, rules);
                dot.push_str(&graph.dot(&page));
                graph.checks
            }
            // the graph is kept only to be drawn
            None => factcheck_graph::Graph::checks(&page, &claims, rules),
        };
        for check in &checks_made {
            sink.check(check_record(*checks, check, self.first));
            *checks += 1;
            findings.extend(finding_record(self.source, check));
        }
    }
}
