//! A source file as the rest of factcheck sees it: its original bytes' length, the decoded text,
//! the normalised text, and the way back from any normalised range to the file's bytes.

use crate::decode::{decode, decode_owned, DecodeError, Decoded};
use crate::lines::LineIndex;
use crate::normalize::{normalize_with, Continuation, Normalized};
use crate::segment::Document;
use std::borrow::Cow;
use std::ops::Range;

/// Where a range of the normalised text sits in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Half-open byte offsets into the file's bytes as read.
    pub start: usize,
    pub end: usize,
    /// 1-based; columns count characters.
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct SourceText {
    pub decoded: Decoded,
    pub normalized: Normalized,
    pub document: Document,
    lines: LineIndex,
}

impl SourceText {
    pub fn from_bytes(bytes: &[u8], continuation: &dyn Continuation) -> Result<Self, DecodeError> {
        Self::from_draft(bytes, crate::markup::Markup::Plain, continuation)
            .map(|(source, _)| source)
    }

    /// Reads a draft in plain text, Markdown or HTML: only its prose is read, at its place in the
    /// file; the suppression comments are returned beside it. Bytes given by value are dropped
    /// once decoded (a UTF-8 file becomes its own decoded text).
    pub fn from_draft<'a>(
        bytes: impl Into<Cow<'a, [u8]>>,
        markup: crate::markup::Markup,
        continuation: &dyn Continuation,
    ) -> Result<(Self, Vec<crate::markup::IgnoreComment>), DecodeError> {
        let decoded = match bytes.into() {
            Cow::Borrowed(bytes) => decode(bytes)?,
            Cow::Owned(bytes) => decode_owned(bytes)?,
        };
        let (prose, comments) = crate::markup::prose(&decoded.text, markup);
        let space_tables = markup == crate::markup::Markup::Plain;
        let normalized = normalize_with(&prose, continuation, space_tables);
        // a draft's blanked copy is done with before the page is segmented
        drop(prose);
        let document = Document::segment(&normalized);
        let lines = LineIndex::new(&decoded.text);
        Ok((
            SourceText {
                decoded,
                normalized,
                document,
                lines,
            },
            comments,
        ))
    }

    /// The normalised text that rules and the quantity grammar read.
    pub fn text(&self) -> &str {
        &self.normalized.text
    }

    /// Maps a range of the normalised text to the file's bytes, with the line and column of its start.
    pub fn locate(&self, range: Range<usize>) -> Location {
        self.locate_decoded(self.normalized.to_decoded.range(range))
    }

    /// Where a range of the decoded text sits in the original file.
    pub fn locate_decoded(&self, decoded: Range<usize>) -> Location {
        let original = self.decoded.to_original.range(decoded.clone());
        let (line, column) = self.lines.line_column(&self.decoded.text, decoded.start);
        Location {
            start: original.start,
            end: original.end,
            line,
            column,
        }
    }

    /// The decoded text behind a normalised range, as it stood in the file.
    pub fn original_text(&self, range: Range<usize>) -> &str {
        let decoded = self.normalized.to_decoded.range(range);
        &self.decoded.text[decoded]
    }
}
