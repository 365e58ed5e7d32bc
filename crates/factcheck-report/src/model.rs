//! The report model. Field names and meanings are the JSON contract; later versions only add
//! fields. Offsets are half-open byte offsets into a file's original bytes; lines and columns are
//! 1-based, columns counting characters; decimals are strings, an unbounded side is `null`.

use serde::Serialize;

pub const SCHEMA: &str = "factcheck-report/1";

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub files: Vec<FileReport>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings left out because a baseline or a suppression names them.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FileReport {
    pub path: String,
    /// The encoding the file was read in (`UTF-8`, `gb18030`, `UTF-16LE`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Why the file could not be checked, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<InputError>,
    pub articles: Vec<ArticleRecord>,
    pub quantities: Vec<QuantityRecord>,
    pub checks: Vec<CheckRecord>,
    pub findings: Vec<FindingRecord>,
    /// The decoded text, for the formats that quote the lines they point at (not serialised).
    #[serde(skip)]
    pub source: Option<String>,
    /// Findings left out by suppression comments in the file (not serialised; counted in the summary).
    #[serde(skip)]
    pub suppressed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct InputError {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// One story of the page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRecord {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Ids of the quantities in this story.
    pub quantities: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuantityRecord {
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub value: String,
    pub lower: Option<String>,
    pub upper: Option<String>,
    pub unit: String,
    pub kind: String,
    pub qualifier: String,
    /// What the number measures, as the copy names it (`技术合同交易额`), when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Which side of its measure the number gives: level, change, rate, share, points, multiple.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspect: Option<String>,
    /// The period it is stated for, as far as the copy tells (`2024年1-7月`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckRecord {
    pub id: String,
    pub rule: String,
    pub relation: String,
    pub quantities: Vec<String>,
    pub status: String,
    /// The status holds only through the rounding of the printed figures or their qualifiers.
    pub within_rounding: bool,
    pub derived: Vec<DerivedRecord>,
    /// What was computed from what, in Chinese.
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DerivedRecord {
    pub label: String,
    /// The value as the editor reads it (`15.09亿元`).
    pub display: String,
    pub value: String,
    pub lower: Option<String>,
    pub upper: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRecord {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub related: Vec<RelatedRecord>,
    /// What the arithmetic says the figure pointed at should be (`67件`), where the other figures
    /// fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Stable across edits elsewhere in the draft: the rule, the numbers involved and the words
    /// around them (not line numbers). Baselines and suppressions name findings by it.
    pub fingerprint: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedRecord {
    pub start: usize,
    pub end: usize,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Report {
    pub fn new(files: Vec<FileReport>) -> Report {
        Report::with_suppressed(files, 0)
    }

    /// A report from which `suppressed` findings were left out.
    pub fn with_suppressed(files: Vec<FileReport>, suppressed: usize) -> Report {
        let in_files: usize = files.iter().map(|f| f.suppressed).sum();
        let mut summary = Summary {
            suppressed: suppressed + in_files,
            ..Summary::default()
        };
        for finding in files.iter().flat_map(|f| &f.findings) {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        Report {
            schema: SCHEMA,
            files,
            summary,
        }
    }

    /// The most severe finding of the run, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .map(|f| f.severity)
            .max()
    }

    pub fn has_input_errors(&self) -> bool {
        self.files.iter().any(|f| f.error.is_some())
    }
}
