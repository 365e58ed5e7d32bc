//! The entry points of the fuzz targets in `fuzz/`, one per target, each taking the bytes a fuzzer
//! makes. The targets call them under libFuzzer; `tests/fuzz_corpora.rs` calls them on every input
//! of the targets' corpora and of `fuzz/regressions/` on the stable toolchain. Beyond not
//! panicking, each asserts what must hold of any input: spans inside the text and on character
//! boundaries, errors that name their line and column.

use crate::config::{self, Config, Loaded};
use crate::Checker;
use factcheck_numbers::{chinese, PartialDate, ReadOptions, Value, Vocabulary};
use factcheck_report::{FileReport, Report};
use factcheck_text::{markup::Markup, SourceText};
use std::ops::Range;
use std::sync::OnceLock;

/// The name a fuzzed rule pack is loaded under.
pub const PACK_NAME: &str = "fuzz-pack.yaml";
/// The name a fuzzed configuration is loaded under.
pub const CONFIG_NAME: &str = "factcheck.yaml";
/// The extensions the first byte of a pipeline input may choose (see [`pipeline`]).
pub const PIPELINE_PATHS: [&str; 4] = ["fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.docx"];

/// A page the rules of a fuzzed pack are run on, beside the pack's own examples.
const PAGE: &str = "全市共有学校120所，其中小学80所、中学40所。\n\n\
今年前三季度，全区实现地区生产总值312.5亿元，同比增长6.2%，比上半年提高0.4个百分点。";

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(Vocabulary::builtin)
}

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(Checker::new)
}

/// Asserts that `span` is a well-formed range of `text` on character boundaries.
fn assert_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

/// The number grammar on a text: the Chinese numeral reader at the start of every run of
/// numerals, then every quantity of the page, without and with a publication date. Returns how
/// many quantities were read (non-UTF-8 input reads none).
pub fn numbers(data: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(data) else {
        return 0;
    };
    let chars: Vec<char> = text.chars().collect();
    for k in 0..chars.len() {
        let starts_run = k == 0 || !chinese::is_numeral(chars[k - 1]);
        if starts_run && (chinese::is_numeral(chars[k]) || matches!(chars[k], '几' | '数')) {
            if let Some(n) = chinese::parse(&chars[k..]) {
                assert!(
                    n.len <= chars.len() - k,
                    "a numeral of {} characters read from {} characters",
                    n.len,
                    chars.len() - k
                );
            }
        }
    }
    let vocab = vocabulary();
    let Ok((source, _)) = SourceText::from_draft(data, Markup::Plain, vocab) else {
        return 0;
    };
    let dated = ReadOptions {
        page_date: Some(PartialDate {
            year: Some(2025),
            month: Some(10),
            day: Some(29),
            year_inferred: false,
            year_from_story: false,
            year_from_later: false,
        }),
    };
    let mut read = 0;
    for options in [ReadOptions::default(), dated] {
        let (quantities, unreadable) =
            factcheck_numbers::read_quantities_noting(&source, vocab, &options);
        let text = source.text();
        for span in &unreadable {
            assert_span(text, span, "an unreadable number");
            source.locate(span.clone());
        }
        for pair in quantities.windows(2) {
            assert!(
                pair[0].span.start <= pair[1].span.start,
                "quantities out of text order: {:?} before {:?}",
                pair[0].span,
                pair[1].span
            );
        }
        for q in &quantities {
            assert_span(text, &q.span, "a quantity");
            let at = source.locate(q.span.clone());
            assert!(at.line >= 1 && at.column >= 1 && at.start <= at.end && at.end <= data.len());
            source.original_text(q.span.clone());
            if let Value::Number {
                lower: Some(lo),
                upper: Some(hi),
                ..
            } = q.value
            {
                assert!(lo <= hi, "{q:?} has its lower bound above its upper one");
            }
            q.value_text();
            q.bound_texts();
        }
        read += quantities.len();
    }
    read
}

/// The whole check of one file, and every report format on its result. A first byte below 4
/// chooses the file's kind (`.txt`, `.md`, `.html`, `.docx`) and is not part of the file; any
/// other input is a `.txt` file whole.
pub fn pipeline(data: &[u8]) -> FileReport {
    let (path, bytes) = match data.first() {
        Some(&b) if usize::from(b) < PIPELINE_PATHS.len() => {
            (PIPELINE_PATHS[usize::from(b)], &data[1..])
        }
        _ => (PIPELINE_PATHS[0], data),
    };
    let checked = checker().check_with_graph(path, bytes, true);
    let file = checked.report;
    assert_eq!(file.path, path);
    if let Some(error) = &file.error {
        assert!(!error.message.is_empty());
        assert!(error.line.is_none_or(|l| l >= 1) && error.column.is_none_or(|c| c >= 1));
    }
    // offsets are into the file's bytes (a .docx: into its paragraphs' text)
    let len = if path.ends_with(".docx") {
        factcheck_text::docx::paragraphs(bytes).map_or(0, |text| text.len())
    } else {
        bytes.len()
    };
    let places = file
        .quantities
        .iter()
        .map(|q| (q.start, q.end, q.line, q.column))
        .chain(
            file.findings
                .iter()
                .map(|f| (f.start, f.end, f.line, f.column)),
        )
        .chain(
            file.articles
                .iter()
                .map(|a| (a.start, a.end, a.line, a.column)),
        );
    for (start, end, line, column) in places {
        assert!(
            start <= end && end <= len,
            "{start}..{end} outside a file of {len} bytes"
        );
        assert!(line >= 1 && column >= 1);
    }
    for finding in &file.findings {
        for related in &finding.related {
            assert!(related.start <= related.end && related.end <= len);
        }
    }
    for check in &file.checks {
        for id in &check.quantities {
            assert!(file.quantities.iter().any(|q| &q.id == id), "{id} unknown");
        }
    }
    let report = Report::new(vec![file]);
    factcheck_report::text::render(&report);
    factcheck_report::json::render(&report);
    factcheck_report::sarif::render(&report);
    factcheck_report::markdown::render(&report);
    factcheck_report::github::render(&report);
    factcheck_report::junit::render(&report);
    factcheck_report::html::render(&report);
    factcheck_report::dot::render(&report);
    report.files.into_iter().next().expect("one file")
}

/// Asserts that a loader's error message names `name` and, where it gives a place, a line and
/// column from 1.
fn assert_located(name: &str, message: &str) {
    let rest = message
        .strip_prefix(name)
        .unwrap_or_else(|| panic!("the error does not name {name}: {message}"));
    let mut parts = rest.splitn(4, ':');
    assert_eq!(parts.next(), Some(""), "{message}");
    let line = parts.next().and_then(|p| p.parse::<usize>().ok());
    let column = parts.next().and_then(|p| p.parse::<usize>().ok());
    if let (Some(line), Some(column)) = (line, column) {
        assert!(line >= 1 && column >= 1, "{message}");
    }
}

/// The rule-pack loader on a text: the YAML limits, then the pack loaded after the built-in ones
/// (with its vocabulary), its rules explained, and the checker it makes run on each of its rules'
/// examples and on a page. Returns the checker, or the error message (which names the pack and,
/// where the loader gives one, a line and column from 1).
pub fn rule_pack(data: &[u8]) -> Result<Checker, String> {
    let text = std::str::from_utf8(data).map_err(|e| e.to_string())?;
    crate::yaml_guard::check(PACK_NAME, text).inspect_err(|e| assert_located(PACK_NAME, e))?;
    let checker =
        Checker::with_rules_and_selection(&[], Some((PACK_NAME.to_string(), text.to_string())))
            .map_err(|e| {
                assert!(e.line >= 1 && e.column >= 1, "{e}");
                e.to_string()
            })?;
    let rules = checker.rules();
    crate::rules_cmd::list_json(rules);
    for rule in rules
        .rules
        .iter()
        .filter(|r| r.origin.starts_with(PACK_NAME))
    {
        crate::rules_cmd::explain(rules, &rule.id, false);
        crate::rules_cmd::explain(rules, &rule.id, true);
        for example in rule.examples.valid.iter().chain(&rule.examples.invalid) {
            checker.check("example.txt", example.as_bytes());
        }
    }
    checker.check("page.txt", PAGE.as_bytes());
    Ok(checker)
}

/// The configuration loader on a text: the YAML limits and keys, then what a run does with the
/// configuration (its places, its include/exclude globs, its rule selection made a pack and
/// loaded). Returns the configuration, or the error message (which names the file and, where it
/// gives one, a line and column from 1).
pub fn config(data: &[u8]) -> Result<Config, String> {
    let text = std::str::from_utf8(data).map_err(|e| e.to_string())?;
    let config =
        config::parse(CONFIG_NAME, text).inspect_err(|e| assert_located(CONFIG_NAME, e))?;
    let loaded = Loaded {
        config,
        path: Some(CONFIG_NAME.into()),
        text: text.to_string(),
    };
    for key in ["format:", "fail_on:", "date:", "rules:"] {
        let (line, column) = loaded.place_of(key);
        assert!(line >= 1 && column >= 1);
    }
    for suppression in &loaded.config.suppress {
        loaded.place_of(&suppression.fingerprint);
    }
    for rules in &loaded.config.rules {
        loaded.resolve(rules);
    }
    let paths = ["a.txt", "drafts/2025/page-a03.md", "archive/old.html", "-"];
    let _ = loaded.filter(paths.iter().map(|p| p.to_string()).collect());
    if let Some((name, pack)) = loaded.selection_pack() {
        assert_eq!(name, CONFIG_NAME);
        // the selection is written as a pack: it parses, and only its names can be wrong
        if let Err(e) = Checker::with_rules_and_selection(&[], Some((name, pack))) {
            assert!(e.line >= 1 && e.column >= 1, "{e}");
            assert!(
                e.message.contains("which is not a rule")
                    || e.message.starts_with("unknown severity"),
                "the selection pack does not load: {e}"
            );
        }
    }
    Ok(loaded.config)
}
