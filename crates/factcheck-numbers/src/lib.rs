//! The quantity grammar: every number in a normalised Chinese page, read the way journalists
//! write them (18.47亿元, 2.62万余人次, 近两成, 百分之二十, 翻一番, 10月20日至24日), with its exact value,
//! the interval its print and qualifier allow, its unit, kind and place.

mod carry;
mod cells;
pub mod chinese;
mod dates;
mod finish;
pub mod quantity;
mod scan;
pub mod vocab;

pub use quantity::{Kind, PartialDate, Qualifier, Quantity, Value};
pub use vocab::{Vocabulary, VocabularyError, VocabularyFile};

use factcheck_text::SourceText;

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
    let articles: Vec<_> = source
        .document
        .articles
        .iter()
        .map(|a| a.range.clone())
        .collect();
    read_text_with_tables(
        source.text(),
        &articles,
        &source.document.tables,
        vocab,
        options,
    )
}

/// Reads the quantities of a normalised text whose stories span `articles`.
pub fn read_text(
    text: &str,
    articles: &[std::ops::Range<usize>],
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> Vec<Quantity> {
    read_text_with_tables(text, articles, &[], vocab, options)
}

/// Reads the quantities of a normalised text with its tables (cells take their headers' units).
pub fn read_text_with_tables(
    text: &str,
    articles: &[std::ops::Range<usize>],
    tables: &[factcheck_text::Table],
    vocab: &Vocabulary,
    options: &ReadOptions,
) -> Vec<Quantity> {
    let mut scanned = scan::scan(text, vocab);
    let measures = cells::read_cells(text, tables, &mut scanned, vocab);
    let mut scanned = carry::carry_units(text, scanned);
    let whole = 0..text.len();
    let articles = if articles.is_empty() {
        std::slice::from_ref(&whole)
    } else {
        articles
    };
    dates::resolve_dates(text, &mut scanned, articles, options.page_date);
    scanned
        .iter()
        .filter_map(finish::finish)
        .map(|mut q| {
            q.measures = measures.get(&q.span.start).cloned();
            q
        })
        .collect()
}
