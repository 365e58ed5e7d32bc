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

pub use quantity::{Kind, PartialDate, Qualifier, Quantity, Value};
pub use vocab::{Vocabulary, VocabularyError, VocabularyFile};

use factcheck_text::SourceText;
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
    let (mut scanned, unreadable) = scan::scan_noting(text, vocab);
    // a number cut by a paragraph break is one number or two: not read rather than misread
    scanned.retain(|s| {
        !layout
            .broken_numbers
            .iter()
            .any(|b| s.core.start < b.end && b.start < s.core.end)
    });
    let measures = cells::read_cells(text, layout.tables, &mut scanned, vocab);
    measured::read_measured(text, &mut scanned, vocab);
    let mut scanned = carry::carry_units(text, scanned);
    let whole = 0..text.len();
    let articles = if layout.articles.is_empty() {
        std::slice::from_ref(&whole)
    } else {
        layout.articles
    };
    dates::resolve_dates(text, &mut scanned, articles, options.page_date);
    let quantities = scanned
        .iter()
        .filter_map(finish::finish)
        .map(|mut q| {
            q.measures = measures.get(&q.span.start).cloned();
            q
        })
        .collect();
    (quantities, unreadable)
}
