//! The JSON report: the contract, pretty-printed. [`Stream`] writes the same bytes one file at a
//! time, so that a run need not hold every file's report until the end; [`FileBody`] takes one
//! file's records as its check makes them, so that a large file need not be held whole either.

use crate::model::{
    ArticleRecord, CheckRecord, FileReport, QuantityRecord, Report, Summary, SCHEMA,
};
use crate::parts::FileParts;
use crate::spool::Spool;
use serde::Serialize;

pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("the report serialises");
    out.push('\n');
    out
}

/// The JSON report written piece by piece: [`Stream::begin`], one [`Stream::file`] per file in
/// order, then [`Stream::end`]; the pieces joined are what [`render`] gives for the whole report.
#[derive(Debug, Default)]
pub struct Stream {
    files: usize,
}

impl Stream {
    pub fn begin(&mut self) -> String {
        format!("{{\n  \"schema\": {},\n  \"files\": [", quoted(SCHEMA))
    }

    pub fn file(&mut self, file: &FileReport) -> String {
        let mut out = Vec::new();
        self.write_file(&mut out, file)
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// The separator before the next file's entry in the `files` array.
    fn next_file(&mut self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(if self.files == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        self.files += 1;
        Ok(())
    }

    /// [`Stream::file`] written straight to `out`, without the file's JSON held in memory.
    pub fn write_file(
        &mut self,
        out: &mut impl std::io::Write,
        file: &FileReport,
    ) -> std::io::Result<()> {
        self.next_file(out)?;
        let mut indented = Indented { out, by: b"    " };
        serde_json::to_writer_pretty(&mut indented, file).map_err(std::io::Error::other)
    }

    /// [`Stream::write_file`] for a file whose records went to `body` as they were made (`file`
    /// holds the rest: its path, encoding and findings).
    pub fn write_file_body(
        &mut self,
        out: &mut impl std::io::Write,
        file: &FileReport,
        body: FileBody,
    ) -> std::io::Result<()> {
        use std::io::Write;
        self.next_file(out)?;
        let mut out = Indented { out, by: b"    " };
        write!(out, "{{\n  \"path\": {}", quoted(&file.path))?;
        if let Some(encoding) = &file.encoding {
            write!(out, ",\n  \"encoding\": {}", quoted(encoding))?;
        }
        out.write_all(b",\n  \"articles\": ")?;
        body.articles.copy_to(&mut out)?;
        out.write_all(b",\n  \"quantities\": ")?;
        body.quantities.copy_to(&mut out)?;
        out.write_all(b",\n  \"checks\": ")?;
        body.checks.copy_to(&mut out)?;
        out.write_all(b",\n  \"findings\": ")?;
        let mut findings = Array::default();
        for finding in &file.findings {
            findings.push(finding)?;
        }
        findings.copy_to(&mut out)?;
        out.write_all(b"\n}")
    }

    pub fn end(&mut self, summary: &Summary) -> String {
        let mut out = String::from(if self.files == 0 { "],\n" } else { "\n  ],\n" });
        out.push_str("  \"summary\": ");
        let text = serde_json::to_string_pretty(summary).expect("the summary serialises");
        indent(&mut out, &text, "  ");
        // the first line takes no indent: it follows the key
        let at = out
            .find("\"summary\": ")
            .map_or(0, |i| i + "\"summary\": ".len());
        out.replace_range(at..at + 2, "");
        out.push_str("\n}\n");
        out
    }
}

/// One file's articles, quantities and checks as JSON, written as they come (see [`FileParts`]);
/// [`Stream::write_file_body`] puts them in the report.
#[derive(Debug, Default)]
pub struct FileBody {
    articles: Array,
    quantities: Array,
    checks: Array,
    /// The first error writing the records (the temporary file's), reported with the file.
    failed: Option<std::io::Error>,
}

impl FileBody {
    pub fn quantities(&self) -> usize {
        self.quantities.items
    }

    pub fn checks(&self) -> usize {
        self.checks.items
    }

    /// The body, or the error that cut it short.
    pub fn finished(self) -> std::io::Result<FileBody> {
        match self.failed {
            Some(error) => Err(error),
            None => Ok(self),
        }
    }

    fn note(&mut self, written: std::io::Result<()>) {
        if let Err(error) = written {
            self.failed.get_or_insert(error);
        }
    }
}

impl FileParts for FileBody {
    fn article(&mut self, record: ArticleRecord) {
        let written = self.articles.push(&record);
        self.note(written);
    }
    fn quantity(&mut self, record: QuantityRecord) {
        let written = self.quantities.push(&record);
        self.note(written);
    }
    fn check(&mut self, record: CheckRecord) {
        let written = self.checks.push(&record);
        self.note(written);
    }
}

/// A JSON array of a file's records, as `serde_json` pretty-prints it one level into the file's
/// object: `[]` when empty, else one item per line block, indented.
#[derive(Debug, Default)]
struct Array {
    spool: Spool,
    items: usize,
    /// One item as `serde_json` writes it, before it is indented into the spool.
    item: Vec<u8>,
}

impl Array {
    fn push(&mut self, item: &impl Serialize) -> std::io::Result<()> {
        use std::io::Write;
        self.spool.write_all(if self.items == 0 {
            b"[\n    "
        } else {
            b",\n    "
        })?;
        self.items += 1;
        // written whole first: `serde_json` writes token by token, and each write would go
        // through the indenting and the spool
        self.item.clear();
        serde_json::to_writer_pretty(&mut self.item, item).map_err(std::io::Error::other)?;
        let mut indented = Indented {
            out: &mut self.spool,
            by: b"    ",
        };
        indented.write_all(&self.item)
    }

    fn copy_to(self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.items == 0 {
            return out.write_all(b"[]");
        }
        self.spool.copy_to(out)?;
        out.write_all(b"\n  ]")
    }
}

/// Indents every line after the first (JSON strings hold no raw line breaks).
struct Indented<'a, W: std::io::Write> {
    out: &'a mut W,
    by: &'static [u8],
}

impl<W: std::io::Write> std::io::Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for (k, piece) in buf.split(|&b| b == b'\n').enumerate() {
            if k > 0 {
                self.out.write_all(b"\n")?;
                self.out.write_all(self.by)?;
            }
            self.out.write_all(piece)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// `text` with every line indented (strings hold no raw line breaks in JSON).
fn indent(out: &mut String, text: &str, by: &str) {
    for (k, line) in text.lines().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(by);
        out.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingRecord, InputError, Severity};

    fn streamed(report: &Report) -> String {
        let mut stream = Stream::default();
        let mut out = stream.begin();
        for file in &report.files {
            out.push_str(&stream.file(file));
        }
        out.push_str(&stream.end(&report.summary));
        out
    }

    fn quantity(k: usize) -> crate::model::QuantityRecord {
        crate::model::QuantityRecord {
            id: format!("q{k}"),
            text: "3件".into(),
            start: k,
            end: k + 4,
            line: 1,
            column: k,
            value: "3".into(),
            lower: Some("3".into()),
            upper: None,
            unit: "件".into(),
            kind: "count".into(),
            qualifier: "exact".into(),
            metric: k.is_multiple_of(2).then(|| "受理来信".into()),
            aspect: None,
            period: None,
        }
    }

    #[test]
    fn a_file_written_in_parts_is_the_file_written_whole() {
        let article = crate::model::ArticleRecord {
            id: "a1".into(),
            start: 0,
            end: 9,
            line: 1,
            column: 1,
            headline: Some("标题".into()),
            quantities: vec!["q1".into(), "q2".into()],
        };
        let check = crate::model::CheckRecord {
            id: "c1".into(),
            rule: "sum-of-parts".into(),
            relation: "sum".into(),
            quantities: vec!["q1".into(), "q2".into()],
            status: "consistent".into(),
            within_rounding: false,
            derived: Vec::new(),
            explanation: "1+2=3".into(),
        };
        let finding = FindingRecord {
            rule: "sum-of-parts".into(),
            severity: Severity::Error,
            message: "m".into(),
            start: 1,
            end: 2,
            line: 1,
            column: 2,
            related: Vec::new(),
            expected: Some("3件".into()),
            fingerprint: "f".into(),
        };
        let full = FileReport {
            path: "a.txt".into(),
            encoding: Some("UTF-8".into()),
            articles: vec![article],
            quantities: vec![quantity(1), quantity(2)],
            checks: vec![check],
            findings: vec![finding],
            ..FileReport::default()
        };
        let empty = FileReport {
            path: "b.txt".into(),
            ..FileReport::default()
        };
        for files in [vec![full.clone()], vec![empty.clone(), full]] {
            let mut whole = Stream::default();
            let mut parts = Stream::default();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for file in &files {
                whole.write_file(&mut a, file).unwrap();
                let mut body = FileBody::default();
                file.articles.iter().for_each(|r| body.article(r.clone()));
                file.quantities
                    .iter()
                    .for_each(|r| body.quantity(r.clone()));
                file.checks.iter().for_each(|r| body.check(r.clone()));
                let head = FileReport {
                    articles: Vec::new(),
                    quantities: Vec::new(),
                    checks: Vec::new(),
                    ..file.clone()
                };
                parts
                    .write_file_body(&mut b, &head, body.finished().unwrap())
                    .unwrap();
            }
            assert_eq!(String::from_utf8(b).unwrap(), String::from_utf8(a).unwrap());
        }
    }

    #[test]
    fn the_stream_writes_what_render_writes() {
        let finding = FindingRecord {
            rule: "sum-of-parts".into(),
            severity: Severity::Error,
            message: "两行\n之间".into(),
            start: 1,
            end: 2,
            line: 1,
            column: 2,
            related: Vec::new(),
            expected: None,
            fingerprint: "f".into(),
        };
        let good = FileReport {
            path: "a.txt".into(),
            encoding: Some("UTF-8".into()),
            findings: vec![finding],
            ..FileReport::default()
        };
        let bad = FileReport {
            path: "b.txt".into(),
            error: Some(InputError {
                message: "cannot read".into(),
                line: Some(3),
                column: None,
            }),
            ..FileReport::default()
        };
        for files in [vec![], vec![good.clone()], vec![good, bad]] {
            let report = Report::with_suppressed(files, 2);
            assert_eq!(streamed(&report), render(&report));
        }
    }
}
