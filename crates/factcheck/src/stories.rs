//! One file checked story by story. Relations never reach beyond a story, so each story is read,
//! framed, searched for claims and checked on its own, its records handed on and its structures
//! dropped soon after: memory follows the largest story, not the file. A file of many stories
//! shares their work among a few threads (`story_pool`), the records still handed on in the
//! stories' order with the same ids. What spans the page is gathered first in one pass over the
//! stories (the years dates fall back on, how many quantities each story holds for the story
//! records).

use crate::check::{article_record, check_record, finding_record, quantity_record, Checker};
use factcheck_graph::Check;
use factcheck_numbers::{PagePass, Quantity};
use factcheck_report::parts::FileParts;
use factcheck_report::{FindingRecord, QuantityRecord};
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
    let want_dot = dot.is_some();
    let mut unreadable = Vec::new();
    let mut findings = Vec::new();
    let mut first = 0;
    let mut checks = 0;
    // the quantities are read in the page's order, one story after another; the rest of each
    // story's work may be shared among threads (see `story_pool`), its records handed on in order
    let stories = pieces.iter().map(|part| {
        let (quantities, left_unread) = pass.read(part.range.clone());
        unreadable.extend(left_unread);
        let story = Story {
            document: one_story(document, part),
            quantities,
            first,
        };
        first += story.quantities.len();
        (story, part.range.len())
    });
    let threads = checker.story_threads().for_stories(pieces.len());
    crate::story_pool::in_order(
        threads,
        stories,
        |story| story.check(checker, source, page_year, want_dot),
        |checked| checked.hand_on(sink, &mut findings, &mut checks, dot.as_deref_mut()),
    );
    StoriesChecked {
        findings,
        unreadable,
    }
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
struct Story {
    document: Document,
    quantities: Vec<Quantity>,
    first: usize,
}

/// A story's records, ready to be handed on.
struct StoryChecked {
    quantities: Vec<QuantityRecord>,
    /// The story's checks, numbered on the page only when handed on.
    checks: Vec<Check>,
    first: usize,
    findings: Vec<FindingRecord>,
    dot: Option<String>,
}

impl Story {
    /// Frames, claims and checks of the story, and the records of its quantities and findings;
    /// its graph in DOT when `want_dot`.
    fn check(
        &self,
        checker: &Checker,
        source: &SourceText,
        page_year: Option<i32>,
        want_dot: bool,
    ) -> StoryChecked {
        let text = source.text();
        let rules = checker.rules();
        let frames = factcheck_frames::read(
            text,
            &self.document,
            &self.quantities,
            &rules.lexicon,
            page_year,
        );
        let quantities: Vec<QuantityRecord> = (self.quantities.iter().enumerate())
            .map(|(k, q)| quantity_record(source, self.first + k, q, frames.get(k)))
            .collect();
        let mut checked = StoryChecked {
            quantities,
            checks: Vec::new(),
            first: self.first,
            findings: Vec::new(),
            dot: None,
        };
        // the text between stories has quantities, not claims
        if self.document.articles.is_empty() {
            return checked;
        }
        let printed: Vec<String> = checked.quantities.iter().map(|r| r.text.clone()).collect();
        let claims = factcheck_claims::find_claims(&factcheck_claims::Page {
            text,
            document: &self.document,
            quantities: &self.quantities,
            frames: &frames,
            rules,
            numbered_from: self.first,
        });
        let page = factcheck_graph::Page {
            text,
            quantities: &self.quantities,
            printed: &printed,
            frames: &frames,
            words: &rules.lexicon,
        };
        checked.checks = if want_dot {
            let graph = factcheck_graph::Graph::build(&page, &claims, rules);
            checked.dot = Some(graph.dot(&page));
            graph.checks
        } else {
            // the graph is kept only to be drawn
            factcheck_graph::Graph::checks(&page, &claims, rules)
        };
        checked.findings = (checked.checks.iter())
            .filter_map(|check| finding_record(source, check))
            .collect();
        checked
    }
}

impl StoryChecked {
    /// Hands the records on to `sink` (the checks numbered from the page's `checks` so far), the
    /// findings to `findings`, the graph to `dot`.
    fn hand_on(
        self,
        sink: &mut dyn FileParts,
        findings: &mut Vec<FindingRecord>,
        checks: &mut usize,
        dot: Option<&mut String>,
    ) {
        for record in self.quantities {
            sink.quantity(record);
        }
        for check in &self.checks {
            sink.check(check_record(*checks, check, self.first));
            *checks += 1;
        }
        findings.extend(self.findings);
        if let (Some(dot), Some(graph)) = (dot, self.dot) {
            dot.push_str(&graph);
        }
    }
}
