//! Line and column numbers, computed only when a report is written (byte offsets everywhere else).

/// Line starts of a decoded text; lines end at `\n`, `\r\n` or a lone `\r`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset of `text`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        (line, column)
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
    }
}
