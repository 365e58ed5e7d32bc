//! One file's report handed over in parts as the check makes them, story by story: every story
//! first (each with the ids of its quantities), then each story's quantities and checks in turn.
//! Findings come with the file's end, sorted over the whole file. A sink keeps what its format
//! needs, so that a large file need not be held whole.

use crate::model::{ArticleRecord, CheckRecord, FileReport, QuantityRecord};

/// Receives a file's records as they are made: `article` for every story before any `quantity`;
/// then quantities and checks, both in id order (a story's quantities before its checks).
pub trait FileParts {
    fn article(&mut self, record: ArticleRecord);
    fn quantity(&mut self, record: QuantityRecord);
    fn check(&mut self, record: CheckRecord);
}

/// Keeps every record: the file's report as one value.
#[derive(Debug, Default)]
pub struct Collected {
    pub articles: Vec<ArticleRecord>,
    pub quantities: Vec<QuantityRecord>,
    pub checks: Vec<CheckRecord>,
}

impl Collected {
    /// The records moved into the file's report.
    pub fn fill(self, report: &mut FileReport) {
        report.articles = self.articles;
        report.quantities = self.quantities;
        report.checks = self.checks;
    }
}

impl FileParts for Collected {
    fn article(&mut self, record: ArticleRecord) {
        self.articles.push(record);
    }
    fn quantity(&mut self, record: QuantityRecord) {
        self.quantities.push(record);
    }
    fn check(&mut self, record: CheckRecord) {
        self.checks.push(record);
    }
}

/// Keeps only how many quantities and checks there were (the text report's summary line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    pub quantities: usize,
    pub checks: usize,
}

impl FileParts for Counted {
    fn article(&mut self, _: ArticleRecord) {}
    fn quantity(&mut self, _: QuantityRecord) {
        self.quantities += 1;
    }
    fn check(&mut self, _: CheckRecord) {
        self.checks += 1;
    }
}
