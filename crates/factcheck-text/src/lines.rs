//! Line and column numbers, computed only when a report is written (byte offsets everywhere else).

/// Line starts of a decoded text; lines end at `\n`, `\r\n` or a lone `\r`. Built once per
/// file, with a count of characters every [`STRIDE`] bytes, so that the line and column of any
/// offset cost a binary search and a scan of at most [`STRIDE`] bytes, however long its line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars[k]`: characters in the text's first `k * STRIDE` bytes.
    chars: Vec<usize>,
}

/// Bytes between two character-count checkpoints.
const STRIDE: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut chars = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if i % STRIDE == 0 {
                chars.push(count);
            }
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            // every byte but a continuation byte starts a character
            if b & 0xC0 != 0x80 {
                count += 1;
            }
        }
        LineIndex { starts, chars }
    }

    /// Characters in `text[..offset]` (offset clamped to the text).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let k = (offset / STRIDE).min(self.chars.len().saturating_sub(1));
        let from = k * STRIDE;
        let base = self.chars.get(k).copied().unwrap_or(0);
        base + text.as_bytes()[from.min(offset)..offset]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
    }

    /// 1-based line and column (in characters) of a byte offset of `text`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = if offset <= text.len() && start <= offset {
            self.chars_before(text, offset) - self.chars_before(text, start)
        } else {
            0
        } + 1;
        (line, column)
    }

    /// The byte range of 1-based line `line` of `text`, without its line end.
    pub fn line_range(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let next = self.starts.get(line).copied().unwrap_or(text.len());
        let mut end = next.min(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "第一行\r\n第二行63件\r第三";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, 0), (1, 1));
        let at = text.find("63").unwrap();
        assert_eq!(index.line_column(text, at), (2, 4));
        let at = text.find("第三").unwrap();
        assert_eq!(index.line_column(text, at), (3, 1));
        assert_eq!(&text[index.line_range(text, 2).unwrap()], "第二行63件");
        assert_eq!(&text[index.line_range(text, 3).unwrap()], "第三");
        assert_eq!(index.line_range(text, 4), None);
    }

    #[test]
    fn columns_on_one_very_long_line_cost_no_scan_from_its_start() {
        // 600 KB on one line, 30,000 numbers: counting from the line's start for each would take
        // minutes; the checkpoints answer in milliseconds
        let text = "增长12%，".repeat(30_000);
        let index = LineIndex::new(&text);
        let started = std::time::Instant::now();
        let mut last = 0;
        for (offset, _) in text.match_indices("12") {
            let (line, column) = index.line_column(&text, offset);
            assert_eq!(line, 1);
            assert!(column > last);
            last = column;
        }
        assert_eq!(last, 29_999 * 6 + 3);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn columns_on_a_long_line_agree_with_counting() {
        let text: String = (0..3000)
            .map(|k| if k % 7 == 0 { "增长12.5%，" } else { "字a" })
            .collect::<String>()
            + "\r末行";
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(37) {
            let line_start = text[..offset].rfind('\r').map_or(0, |i| i + 1);
            let expected = (
                if line_start == 0 { 1 } else { 2 },
                text[line_start..offset].chars().count() + 1,
            );
            assert_eq!(index.line_column(&text, offset), expected, "at {offset}");
        }
    }
}
