//! Offset maps: from one text's byte offsets back to another's.
//!
//! Both layers (decoded → original bytes, normalised → decoded) are stored as runs: a run either
//! copies bytes one-to-one or stands for a single substituted character, so plain UTF-8 pages cost a
//! handful of runs while a GB18030 page costs one run per character.

/// One run of the map: `target_len` bytes of the mapped text come from `source_len` bytes of the
/// source text starting at `source_start`. When the lengths are equal the run is a byte-for-byte copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    target_start: u32,
    source_start: u32,
    target_len: u32,
    source_len: u32,
}

impl Run {
    fn is_copy(&self) -> bool {
        self.target_len == self.source_len
    }
}

/// Maps byte offsets of a derived text to byte offsets of the text it was derived from.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    runs: Vec<Run>,
    target_len: u32,
}

impl OffsetMap {
    /// A map for a text that is its source shifted by `shift` bytes (a skipped byte-order mark).
    pub fn shifted(len: usize, shift: usize) -> Self {
        let mut map = OffsetMap::default();
        map.push_copy(shift, len);
        map
    }

    /// Appends `len` bytes copied unchanged from `source_start`.
    pub fn push_copy(&mut self, source_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        let (source_start, len) = (source_start as u32, len as u32);
        if let Some(last) = self.runs.last_mut() {
            if last.is_copy()
                && last.target_start + last.target_len == self.target_len
                && last.source_start + last.source_len == source_start
            {
                last.target_len += len;
                last.source_len += len;
                self.target_len += len;
                return;
            }
        }
        self.runs.push(Run {
            target_start: self.target_len,
            source_start,
            target_len: len,
            source_len: len,
        });
        self.target_len += len;
    }

    /// Appends one character of `target_len` bytes that stands for `source_len` source bytes.
    pub fn push_substitute(&mut self, source_start: usize, source_len: usize, target_len: usize) {
        if target_len == source_len {
            return self.push_copy(source_start, target_len);
        }
        self.runs.push(Run {
            target_start: self.target_len,
            source_start: source_start as u32,
            target_len: target_len as u32,
            source_len: source_len as u32,
        });
        self.target_len += target_len as u32;
    }

    /// Gives back the room the runs were growing into, once the map is complete.
    pub fn shrink_to_fit(&mut self) {
        self.runs.shrink_to_fit();
    }

    pub fn target_len(&self) -> usize {
        self.target_len as usize
    }

    fn run_index(&self, offset: u32) -> usize {
        self.runs
            .partition_point(|run| run.target_start <= offset)
            .saturating_sub(1)
    }

    /// The source offset where the character starting at `offset` begins.
    pub fn start(&self, offset: usize) -> usize {
        let offset = offset as u32;
        let Some(run) = self.runs.get(self.run_index(offset)) else {
            return offset as usize;
        };
        if offset >= run.target_start + run.target_len {
            return (run.source_start + run.source_len) as usize;
        }
        if run.is_copy() {
            (run.source_start + (offset - run.target_start)) as usize
        } else {
            run.source_start as usize
        }
    }

    /// The source offset just past the character that ends at `offset`.
    pub fn end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.start(0);
        }
        let last = (offset - 1) as u32;
        let Some(run) = self.runs.get(self.run_index(last)) else {
            return offset;
        };
        if run.is_copy() {
            (run.source_start + (offset as u32 - run.target_start)) as usize
        } else {
            (run.source_start + run.source_len) as usize
        }
    }

    /// Maps a half-open range of the derived text to the source range it came from.
    pub fn range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        if range.is_empty() {
            let at = self.start(range.start);
            return at..at;
        }
        self.start(range.start)..self.end(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_and_substitutions_map_back() {
        // source: "a１b" (1 + 3 + 1 bytes), target: "a1b"
        let mut map = OffsetMap::default();
        map.push_copy(0, 1);
        map.push_substitute(1, 3, 1);
        map.push_copy(4, 1);
        assert_eq!(map.range(0..3), 0..5);
        assert_eq!(map.range(1..2), 1..4);
        assert_eq!(map.range(2..3), 4..5);
    }

    #[test]
    fn deleted_source_bytes_are_skipped() {
        // source "12 件", target "12件": the space is dropped
        let mut map = OffsetMap::default();
        map.push_copy(0, 2);
        map.push_copy(3, 3);
        assert_eq!(map.range(0..5), 0..6);
        assert_eq!(map.range(2..5), 3..6);
        assert_eq!(map.range(0..2), 0..2);
    }
}
