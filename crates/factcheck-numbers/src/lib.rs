//! The quantity grammar: every number in a normalised Chinese page, read the way journalists
//! write them (18.47亿元, 2.62万余人次, 近两成, 百分之二十, 翻一番, 10月20日至24日), with its exact value,
//! the interval its print and qualifier allow, its unit, kind and place.

mod carry;
mod cells;
pub mod chinese;
mod dates;
mod finish;
mod measured;
pub mod quantity;
mod scan;
pub mod vocab;

pub use dates::PageYears;
pub use quantity::{Kind, PartialDate, Qualifier, Quantity, Value};
pub use vocab::{Vocabulary, VocabularyError, VocabularyFile};

use factcheck_text::SourceText;
use std::collections::VecDeque;
use std::ops::Range;

/// What the reader may know about the page beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The page's publication date: the year of dates that print none.
    pub page_date: Option<PartialDate>,
}

/// Reads every quantity of a page, in text order.
pub fn read_quantities(
    source: &SourceText,
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> Vec<Quantity> {
    read_quantities_noting(source, vocab, options).0
}

/// What the reader knows of a page's layout beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Layout<'a> {
    /// The stories' ranges (dates take their years within a story).
    pub articles: &'a [Range<usize>],
    /// Cells take their headers' units.
    pub tables: &'a [factcheck_text::Table],
    /// Digits on both sides of a paragraph break: left unread (see [`Normalized`]).
    ///
    /// [`Normalized`]: factcheck_text::Normalized
    pub broken_numbers: &'a [Range<usize>],
}

/// Reads the quantities of a normalised text whose stories span `articles`.
pub fn read_text(
    text: &str,
    articles: &[Range<usize>],
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> Vec<Quantity> {
    let layout = Layout {
        articles,
        ..Layout::default()
    };
    read_laid_out(text, &layout, vocab, options)
}

/// Reads every quantity of a page, in text order, and the byte spans (in the normalised text) of
/// numbers too large to hold, which are left unread: a report says so at info level.
pub fn read_quantities_noting(
    source: &SourceText,
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> (Vec<Quantity>, Vec<Range<usize>>) {
    let articles: Vec<_> = source
        .document
        .articles
        .iter()
        .map(|a| a.range.clone())
        .collect();
    let layout = Layout {
        articles: &articles,
        tables: &source.document.tables,
        broken_numbers: &source.normalized.broken_numbers,
    };
    read_laid_out_noting(source.text(), &layout, vocab, options)
}

/// The byte spans of the normalised text's numbers too large to hold (see
/// [`read_quantities_noting`]).
pub fn unreadable_numbers(text: &str, vocab: &Vocabulary) -> Vec<Range<usize>> {
    scan::scan_noting(text, vocab).1
}

/// Reads the quantities of a normalised text laid out as `layout` says.
pub fn read_laid_out(
    text: &str,
    layout: &Layout,
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> Vec<Quantity> {
    read_laid_out_noting(text, layout, vocab, options).0
}

/// [`read_laid_out`], with the spans of numbers too large to hold.
pub fn read_laid_out_noting(
    text: &str,
    layout: &Layout,
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> (Vec<Quantity>, Vec<Range<usize>>) {
    let whole = 0..text.len();
    let (scanned, measures, unreadable) = scan_part(text, whole.clone(), layout, vocab);
    let years = PageYears::of_page(text, &scanned);
    let articles = if layout.articles.is_empty() {
        std::slice::from_ref(&whole)
    } else {
        layout.articles
    };
    let quantities = finish_part(text, scanned, &measures, articles, options, &years);
    (quantities, unreadable)
}

/// A page read part by part (a story and the text before it): the page's years are gathered in a
/// first pass over the parts ([`PagePass::gather`]), then each part is read with them
/// ([`PagePass::read`]), so that no more than one part's numbers are held at a time.
pub struct PagePass<'a> {
    text: &'a str,
    layout: Layout<'a>,
    vocab: &'a Vocabulary,
    options: ReadOptions,
    years: PageYears,
    /// The first pass's scans of the first parts, in order, so that they are not scanned again:
    /// as many as fit in [`KEPT_TEXT`] bytes of text, so that memory stays flat on long files.
    kept: VecDeque<(Range<usize>, Scan)>,
}

/// The numbers of a part as scanned (see [`scan_part`]).
type Scan = (
    Vec<scan::Scanned>,
    std::collections::HashMap<usize, String>,
    Vec<Range<usize>>,
);

/// How much of a page's text (in bytes) the first pass keeps the scans of: a page of many stories
/// (a megabyte) is scanned once; beyond that the parts are scanned again as they are read.
const KEPT_TEXT: usize = 2 << 20;

impl<'a> PagePass<'a> {
    /// Reads every part once for the page's years; returns the pass and how many quantities each
    /// part holds (in the order of `parts`).
    pub fn gather(
        text: &'a str,
        parts: impl Iterator<Item = Range<usize>>,
        layout: Layout<'a>,
        vocab: &'a Vocabulary,
        options: &ReadOptions,
    ) -> (PagePass<'a>, Vec<usize>) {
        let mut years = PageYears::with_events(text);
        let mut counts = Vec::new();
        let mut kept = VecDeque::new();
        let mut kept_text = 0;
        for part in parts {
            let scan = scan_part(text, part.clone(), &layout, vocab);
            let scanned = &scan.0;
            years.add(text, scanned);
            counts.push(
                scanned
                    .iter()
                    .filter(|s| finish::finish(s).is_some())
                    .count(),
            );
            // only a run from the first part is kept: the parts are read in this order
            if kept.len() == counts.len() - 1 && kept_text + part.len() <= KEPT_TEXT {
                kept_text += part.len();
                kept.push_back((part, scan));
            }
        }
        let pass = PagePass {
            text,
            layout,
            vocab,
            options: *options,
            years,
            kept,
        };
        (pass, counts)
    }

    /// The quantities of one part (those of the stories it holds get their years as on a page read
    /// whole), and the spans of the numbers too large to hold. Parts are read in the order they
    /// were gathered in (a part read out of order is scanned again).
    pub fn read(&mut self, part: Range<usize>) -> (Vec<Quantity>, Vec<Range<usize>>) {
        let (scanned, measures, unreadable) = match self.kept.pop_front() {
            Some((kept, scan)) if kept == part => scan,
            _ => {
                self.kept.clear();
                scan_part(self.text, part.clone(), &self.layout, self.vocab)
            }
        };
        let articles = self.layout.articles;
        let first = articles.partition_point(|a| a.end <= part.start);
        let last = articles.partition_point(|a| a.start < part.end);
        let articles = &articles[first..last.max(first)];
        let quantities = finish_part(
            self.text,
            scanned,
            &measures,
            articles,
            &self.options,
            &self.years,
        );
        (quantities, unreadable)
    }
}

/// The numbers of one part of a page with their units (those of table cells, measures and lists),
/// what table cells measure, and the spans of numbers too large to hold. Offsets are the page's.
fn scan_part(text: &str, part: Range<usize>, layout: &Layout, vocab: &Vocabulary) -> Scan {
    let (mut scanned, unreadable) = scan::scan_noting_in(text, part.clone(), vocab);
    // a number cut by a paragraph break is one number or two: not read rather than misread
    let broken = overlapping(layout.broken_numbers, &part, |b| b.clone());
    scanned.retain(|s| {
        !broken
            .iter()
            .any(|b| s.core.start < b.end && b.start < s.core.end)
    });
    let tables = overlapping(layout.tables, &part, |t| t.range.clone());
    let measures = cells::read_cells(text, tables, &mut scanned, vocab);
    measured::read_measured(text, &mut scanned, vocab);
    measured::read_people(text, &mut scanned, vocab);
    let scanned = carry::carry_units(text, scanned);
    (scanned, measures, unreadable)
}

/// The run of `items` (in text order, not overlapping) that overlaps `part`.
fn overlapping<'t, T>(
    items: &'t [T],
    part: &Range<usize>,
    range: impl Fn(&T) -> Range<usize>,
) -> &'t [T] {
    let first = items.partition_point(|i| range(i).end <= part.start);
    let last = items.partition_point(|i| range(i).start < part.end);
    &items[first..last.max(first)]
}

/// Dates get their years; the readings become quantities.
fn finish_part(
    text: &str,
    mut scanned: Vec<scan::Scanned>,
    measures: &std::collections::HashMap<usize, String>,
    articles: &[Range<usize>],
    options: &ReadOptions,
    years: &PageYears,
) -> Vec<Quantity> {
    dates::resolve_dates(text, &mut scanned, articles, options.page_date, years);
    scanned
        .iter()
        .filter_map(finish::finish)
        .map(|mut q| {
            q.measures = measures.get(&q.span.start).cloned();
            q
        })
        .collect()
}
