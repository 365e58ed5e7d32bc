//! Checking one file: bytes → source text → story by story (see `stories`) → its part of the
//! report, with the notes and suppressions that span the file.

use crate::story_pool::StoryThreads;
use factcheck_graph::Check;
use factcheck_numbers::{Kind, Quantity, ReadOptions, Vocabulary};
use factcheck_report::parts::{Collected, FileParts};
use factcheck_report::{
    ArticleRecord, CheckRecord, DerivedRecord, FileReport, FindingRecord, InputError,
    QuantityRecord, RelatedRecord, Severity,
};
use factcheck_rules::{RuleError, RuleSet};
use factcheck_text::{DecodeError, SourceText};
use std::borrow::Cow;

/// Checks files with one vocabulary, one rule set and one set of options.
#[derive(Clone)]
pub struct Checker {
    vocab: Vocabulary,
    rules: RuleSet,
    options: ReadOptions,
    story_threads: StoryThreads,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

/// A file checked: its report entry and, when asked for, the graph of each story in DOT.
#[derive(Debug)]
pub struct Checked {
    pub report: FileReport,
    pub dot: Option<String>,
}

impl Checker {
    pub fn new() -> Checker {
        Checker {
            vocab: Vocabulary::builtin(),
            rules: RuleSet::builtin(),
            options: ReadOptions::default(),
            story_threads: StoryThreads::default(),
        }
    }

    /// A checker with user rule packs (files or folders) added to the built-in ones.
    pub fn with_rules(paths: &[std::path::PathBuf]) -> Result<Checker, RuleError> {
        Checker::with_rules_and_selection(paths, None)
    }

    /// Like `with_rules`, with a last pack (the configuration's rule selection) given as text.
    pub fn with_rules_and_selection(
        paths: &[std::path::PathBuf],
        selection: Option<(String, String)>,
    ) -> Result<Checker, RuleError> {
        let mut packs = RuleSet::read_packs(paths)?;
        packs.extend(selection);
        let rules = RuleSet::load(&packs)?;
        // packs may add words to the quantity grammar (a newsroom's own plan names, units)
        let mut files =
            vec![
                factcheck_numbers::VocabularyFile::parse(factcheck_numbers::vocab::BUILTIN_YAML)
                    .expect("built-in vocabulary parses"),
            ];
        files.extend(rules.vocabulary.iter().cloned());
        let vocab = Vocabulary::from_files(&files).map_err(|e| RuleError {
            file: "rule packs".into(),
            line: 1,
            column: 1,
            message: format!("vocabulary: {e}"),
        })?;
        Ok(Checker {
            rules,
            vocab,
            options: ReadOptions::default(),
            story_threads: StoryThreads::default(),
        })
    }

    /// The same checker with the pages' publication date.
    pub fn with_page_date(mut self, page_date: Option<factcheck_numbers::PartialDate>) -> Checker {
        self.options.page_date = page_date;
        self
    }

    /// The same checker with the stories of a file shared among threads as `threads` says.
    pub fn with_story_threads(mut self, threads: StoryThreads) -> Checker {
        self.story_threads = threads;
        self
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Checks one file's bytes; `path` is only reported. Bytes given by value are dropped as
    /// soon as they are decoded.
    pub fn check<'a>(&self, path: &str, bytes: impl Into<Cow<'a, [u8]>>) -> FileReport {
        self.check_with_graph(path, bytes, false).report
    }

    /// [`Checker::check`], with the graph of each story in DOT when `want_dot`.
    pub fn check_with_graph<'a>(
        &self,
        path: &str,
        bytes: impl Into<Cow<'a, [u8]>>,
        want_dot: bool,
    ) -> Checked {
        let mut collected = Collected::default();
        let mut dot = want_dot.then(String::new);
        let mut report = self.check_into(path, bytes.into(), &mut collected, dot.as_mut());
        collected.fill(&mut report);
        Checked { report, dot }
    }

    /// Checks one file story by story, handing its stories, quantities and checks to `parts` as
    /// they are made (a story's structures are dropped before the next is read); returns the rest
    /// of its report: path, encoding, findings, the decoded text, or why it could not be read.
    pub fn check_in_parts<'a>(
        &self,
        path: &str,
        bytes: impl Into<Cow<'a, [u8]>>,
        parts: &mut dyn FileParts,
    ) -> FileReport {
        self.check_into(path, bytes.into(), parts, None)
    }

    fn check_into(
        &self,
        path: &str,
        bytes: Cow<'_, [u8]>,
        parts: &mut dyn FileParts,
        dot: Option<&mut String>,
    ) -> FileReport {
        // a .docx is read as its paragraphs: lines are paragraphs, columns characters in them
        let bytes = if path.to_ascii_lowercase().ends_with(".docx") {
            match factcheck_text::docx::paragraphs(&bytes) {
                Ok(text) => Cow::Owned(text.into_bytes()),
                Err(error) => return failed(path, error.to_string()),
            }
        } else {
            bytes
        };
        let markup = factcheck_text::markup::Markup::of_path(path);
        let (source, comments) = match SourceText::from_draft(bytes, markup, &self.vocab) {
            Ok(found) => found,
            Err(error) => return undecodable(path, &error),
        };
        let checked = crate::stories::check_stories(self, &source, parts, dot);
        let mut findings = checked.findings;
        findings.extend(broken_number_notes(&source));
        findings.extend(unreadable_number_notes(&source, &checked.unreadable));
        // in reading order
        findings.sort_by_key(|f| (f.start, f.end));
        let suppressed = apply_ignore_comments(&source, &comments, &mut findings);
        let encoding = source.decoded.encoding.to_string();
        FileReport {
            path: path.to_string(),
            encoding: Some(encoding),
            findings,
            // the decoded text itself, not a copy: the source is done with
            source: Some(source.decoded.text),
            suppressed,
            ..FileReport::default()
        }
    }

    pub(crate) fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    pub(crate) fn options(&self) -> &ReadOptions {
        &self.options
    }

    pub(crate) fn story_threads(&self) -> &StoryThreads {
        &self.story_threads
    }
}

pub(crate) fn article_record(
    source: &SourceText,
    k: usize,
    article: &factcheck_text::segment::Article,
    quantities: std::ops::Range<usize>,
) -> ArticleRecord {
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
        quantities: quantities.map(quantity_id).collect(),
    }
}

/// The report's id of the page's quantity `q` (counted from 0).
pub(crate) fn quantity_id(q: usize) -> String {
    format!("q{}", q + 1)
}

/// The record of check `k` of the page, whose story's quantities start at the page's `first`.
pub(crate) fn check_record(k: usize, check: &Check, first: usize) -> CheckRecord {
    CheckRecord {
        id: format!("c{}", k + 1),
        rule: check.rule.clone(),
        relation: check.relation.clone(),
        quantities: check
            .quantities
            .iter()
            .map(|&q| quantity_id(first + q))
            .collect(),
        status: check.status.name().to_string(),
        within_rounding: check.status == factcheck_graph::Status::ConsistentWithin,
        derived: check
            .derived
            .iter()
            .map(|d| DerivedRecord {
                label: d.label.clone(),
                display: d.display.clone(),
                value: d
                    .estimate
                    .or(d.interval.center())
                    .map(|v| v.round_dp(6).normalize().to_string())
                    .unwrap_or_default(),
                lower: d.interval.lo.map(|v| v.round_dp(6).normalize().to_string()),
                upper: d.interval.hi.map(|v| v.round_dp(6).normalize().to_string()),
            })
            .collect(),
        explanation: check.explanation.clone(),
    }
}

pub(crate) fn finding_record(source: &SourceText, check: &Check) -> Option<FindingRecord> {
    let finding = check.finding.as_ref()?;
    let at = source.locate(finding.primary.clone());
    let fingerprint = fingerprint(
        source.text(),
        &finding.rule,
        &finding.primary,
        &finding.related,
    );
    Some(FindingRecord {
        rule: finding.rule.clone(),
        severity: match finding.severity {
            factcheck_rules::Severity::Error => Severity::Error,
            factcheck_rules::Severity::Warning => Severity::Warning,
            factcheck_rules::Severity::Info => Severity::Info,
        },
        message: finding.message.clone(),
        start: at.start,
        end: at.end,
        line: at.line,
        column: at.column,
        related: finding
            .related
            .iter()
            .map(|(span, note)| {
                let r = source.locate(span.clone());
                RelatedRecord {
                    start: r.start,
                    end: r.end,
                    note: note.clone(),
                }
            })
            .collect(),
        expected: finding.expected.clone(),
        fingerprint,
    })
}

/// Digits on both sides of a paragraph break were left unread (one number cut in two, or two
/// numbers?): said at info level so that the editor can look.
fn broken_number_notes(source: &SourceText) -> Vec<FindingRecord> {
    source
        .normalized
        .broken_numbers
        .iter()
        .map(|range| {
            let printed = source.text()[range.clone()].replace('\n', "⏎");
            reading_note(
                source,
                "number-across-lines",
                range,
                format!("数字被换行隔开（“{printed}”），无法确定是一个数还是两个数，未读取"),
            )
        })
        .collect()
}

/// Numbers too large or too long to hold (`1亿亿亿`, thirty digits): left unread, said at info
/// level so that the editor knows they were not checked.
fn unreadable_number_notes(
    source: &SourceText,
    spans: &[std::ops::Range<usize>],
) -> Vec<FindingRecord> {
    spans
        .iter()
        .map(|range| {
            let printed: String = source.text()[range.clone()].chars().take(40).collect();
            reading_note(
                source,
                "number-unreadable",
                range,
                format!("数字过大或位数过多（“{printed}”），无法读取，未参与核对"),
            )
        })
        .collect()
}

/// An info finding about how a number was read (not a relation between numbers).
fn reading_note(
    source: &SourceText,
    rule: &str,
    range: &std::ops::Range<usize>,
    message: String,
) -> FindingRecord {
    let at = source.locate(range.clone());
    FindingRecord {
        rule: rule.to_string(),
        severity: Severity::Info,
        message,
        start: at.start,
        end: at.end,
        line: at.line,
        column: at.column,
        related: Vec::new(),
        expected: None,
        fingerprint: fingerprint(source.text(), rule, range, &[]),
    }
}

/// A finding's fingerprint: FNV-1a over the rule, the numbers it names (as normalised text), and
/// the ten characters before the primary one — what the finding is about, not where it is.
fn fingerprint(
    text: &str,
    rule: &str,
    primary: &std::ops::Range<usize>,
    related: &[(std::ops::Range<usize>, String)],
) -> String {
    let context: String = text[..primary.start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .take(10)
        .collect();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |part: &str| {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(rule);
    feed(&text[primary.clone()]);
    feed(&context);
    for (span, _) in related
        .iter()
        .filter(|(_, note)| !note.starts_with(factcheck_graph::SIGN_WORD))
    {
        feed(text.get(span.clone()).unwrap_or(""));
    }
    format!("{hash:016x}")
}

pub(crate) fn quantity_record(
    source: &SourceText,
    k: usize,
    q: &Quantity,
    frame: &factcheck_frames::Frame,
) -> QuantityRecord {
    let metric = frame.metric.as_str();
    let at = source.locate(q.span.clone());
    let (lower, upper) = q.bound_texts();
    QuantityRecord {
        id: quantity_id(k),
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
        // dates and durations measure time; one character names nothing
        metric: (metric.chars().count() >= 2
            && !matches!(q.kind, Kind::Date | Kind::Duration)
            && q.number().is_some())
        .then(|| metric.to_string()),
        aspect: q.number().map(|_| frame.aspect.name().to_string()),
        period: frame.period.map(|p| p.display()).filter(|p| !p.is_empty()),
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

/// `<!-- factcheck-ignore RULE: reason -->` leaves out the findings of RULE in the paragraph that
/// follows the comment (or on its own line); a comment without a reason, or one that leaves out
/// nothing, is reported where it stands. Returns how many findings were left out.
fn apply_ignore_comments(
    source: &SourceText,
    comments: &[factcheck_text::markup::IgnoreComment],
    findings: &mut Vec<FindingRecord>,
) -> usize {
    let text = &source.decoded.text;
    let shift = source.decoded.to_original.start(0);
    let mut left_out = 0;
    let mut problems = Vec::new();
    for comment in comments {
        // the comment's line through the end of the next paragraph
        let line_start = text[..comment.at.start].rfind('\n').map_or(0, |i| i + 1);
        let after = comment.at.end;
        let body = after
            + text[after..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(text.len() - after);
        let end = text[body..].find("\n\n").map_or(text.len(), |i| body + i);
        let scope = (line_start + shift)..(end + shift);
        let before = findings.len();
        findings.retain(|f| !(f.rule == comment.rule && scope.contains(&f.start)));
        let removed = before - findings.len();
        left_out += removed;
        let at = source.locate_decoded(comment.at.clone());
        let problem = |rule: &str, message: String| FindingRecord {
            rule: rule.to_string(),
            severity: Severity::Warning,
            message,
            start: at.start,
            end: at.end,
            line: at.line,
            column: at.column,
            related: Vec::new(),
            expected: None,
            fingerprint: format!("{rule}@{}", comment.rule),
        };
        if comment.reason.is_empty() {
            problems.push(problem(
                "suppression-without-reason",
                format!("factcheck-ignore {} gives no reason", comment.rule),
            ));
        }
        if removed == 0 {
            problems.push(problem(
                "unused-suppression",
                format!("factcheck-ignore {} leaves out no finding", comment.rule),
            ));
        }
    }
    findings.extend(problems);
    findings.sort_by_key(|f| (f.start, f.end));
    left_out
}

fn failed(path: &str, message: String) -> FileReport {
    FileReport {
        path: path.to_string(),
        error: Some(InputError {
            message,
            line: None,
            column: None,
        }),
        ..FileReport::default()
    }
}
