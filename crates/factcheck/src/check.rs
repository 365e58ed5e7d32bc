//! Checking one file: bytes → source text → quantities → its part of the report.

use factcheck_numbers::{read_quantities, Quantity, ReadOptions, Vocabulary};
use factcheck_report::{ArticleRecord, FileReport, InputError, QuantityRecord};
use factcheck_text::{DecodeError, SourceText};

/// Checks files with one vocabulary and one set of options.
pub struct Checker {
    vocab: Vocabulary,
    options: ReadOptions,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

impl Checker {
    pub fn new() -> Checker {
        Checker {
            vocab: Vocabulary::builtin(),
            options: ReadOptions::default(),
        }
    }

    /// Checks one file's bytes; `path` is only reported.
    pub fn check(&self, path: &str, bytes: &[u8]) -> FileReport {
        let source = match SourceText::from_bytes(bytes, &self.vocab) {
            Ok(source) => source,
            Err(error) => return undecodable(path, &error),
        };
        let quantities = read_quantities(&source, &self.vocab, &self.options);
        let records: Vec<QuantityRecord> = quantities
            .iter()
            .enumerate()
            .map(|(k, q)| quantity_record(&source, k, q))
            .collect();
        let articles = source
            .document
            .articles
            .iter()
            .enumerate()
            .map(|(k, article)| {
                let at = source.locate(article.range.clone());
                ArticleRecord {
                    id: format!("a{}", k + 1),
                    start: at.start,
                    end: at.end,
                    line: at.line,
                    column: at.column,
                    headline: article
                        .headline
                        .clone()
                        .map(|h| source.text()[h].to_string()),
                    quantities: {
                        // quantities are in text order: the article's are one run
                        let first =
                            quantities.partition_point(|q| q.span.start < article.range.start);
                        let last = quantities.partition_point(|q| q.span.start < article.range.end);
                        records[first..last].iter().map(|r| r.id.clone()).collect()
                    },
                }
            })
            .collect();
        FileReport {
            path: path.to_string(),
            encoding: Some(source.decoded.encoding.to_string()),
            articles,
            quantities: records,
            ..FileReport::default()
        }
    }
}

fn quantity_record(source: &SourceText, k: usize, q: &Quantity) -> QuantityRecord {
    let at = source.locate(q.span.clone());
    let (lower, upper) = q.bound_texts();
    QuantityRecord {
        id: format!("q{}", k + 1),
        // the characters as printed, without the whitespace OCR put inside them
        text: source
            .original_text(q.span.clone())
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect(),
        start: at.start,
        end: at.end,
        line: at.line,
        column: at.column,
        value: q.value_text(),
        lower,
        upper,
        unit: q.unit.clone(),
        kind: q.kind.name().to_string(),
        qualifier: q.qualifier.name().to_string(),
    }
}

fn undecodable(path: &str, error: &DecodeError) -> FileReport {
    let (line, column) = match error {
        DecodeError::Malformed { line, column, .. } => (Some(*line), Some(*column)),
        DecodeError::Binary { .. } => (None, None),
    };
    FileReport {
        path: path.to_string(),
        error: Some(InputError {
            message: error.to_string(),
            line,
            column,
        }),
        ..FileReport::default()
    }
}

/// The report entry of a file that could not be read at all.
pub fn unreadable(path: &str, error: &std::io::Error) -> FileReport {
    FileReport {
        path: path.to_string(),
        error: Some(InputError {
            message: format!("cannot read: {error}"),
            line: None,
            column: None,
        }),
        ..FileReport::default()
    }
}
