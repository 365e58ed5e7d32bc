//! The JSON report: the contract, pretty-printed. [`Stream`] writes the same bytes one file at a
//! time, so that a run need not hold every file's report until the end.

use crate::model::{FileReport, Report, Summary, SCHEMA};

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

    /// [`Stream::file`] written straight to `out`, without the file's JSON held in memory.
    pub fn write_file(
        &mut self,
        out: &mut impl std::io::Write,
        file: &FileReport,
    ) -> std::io::Result<()> {
        out.write_all(if self.files == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        self.files += 1;
        let mut indented = Indented { out, by: b"    " };
        serde_json::to_writer_pretty(&mut indented, file).map_err(std::io::Error::other)
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
