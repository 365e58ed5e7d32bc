//! Normalising a decoded page: canonical characters, OCR spaces removed, and physical lines joined
//! back into paragraphs where OCR or a hard wrap broke a sentence. The original is never edited:
//! the result is a new string with an [`OffsetMap`] back to the decoded text.

use crate::chars::{canonical, is_cjk, is_han, is_invisible, is_space};
use crate::markers::{ends_article, starts_article};
use crate::offsets::OffsetMap;
use crate::table;
use std::ops::Range;

/// What the normaliser needs to know about the quantity grammar: whether a line that starts with
/// `text` continues a number cut off at the end of the previous line (a unit or measure word).
pub trait Continuation {
    fn starts_with_unit(&self, text: &str) -> bool;

    /// Does a unit run across the break, like `件` + `次` in `1423件` / `次`?
    fn unit_across(&self, tail: &str, head: &str) -> bool {
        let joined = format!("{tail}{head}");
        (1..=tail.chars().count()).any(|k| {
            let from = tail
                .char_indices()
                .rev()
                .nth(k - 1)
                .map(|(i, _)| i)
                .unwrap_or(0);
            let before_digit = tail[..from]
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit());
            before_digit
                && self
                    .unit_len(&joined[from..])
                    .is_some_and(|len| len > tail.len() - from)
        })
    }

    /// The byte length of the unit `text` starts with, if any.
    fn unit_len(&self, text: &str) -> Option<usize>;
}

/// A paragraph of the normalised text and how it was put together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// How many physical lines of the original were joined into this paragraph.
    pub physical_lines: usize,
    /// Joined from three or more short column lines (a narrow OCR'd box on the page).
    pub column_block: bool,
}

/// The normalised text, its map back to the decoded text, and its paragraphs.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    pub to_decoded: OffsetMap,
    pub paragraphs: Vec<Paragraph>,
    /// Digits on both sides of a paragraph break (`…总额41` / `6.25亿元…`): one number cut by a
    /// line break, or two numbers? The range covers both runs of digits and the break; numbers
    /// touching it are left unread.
    pub broken_numbers: Vec<Range<usize>>,
}

/// One character of a cleaned line: its canonical form and where it came from.
#[derive(Debug, Clone, Copy)]
struct SourceChar {
    ch: char,
    start: u32,
    len: u8,
}

/// A physical line after character clean-up, with what the joining rules look at.
#[derive(Debug, Default)]
struct Line {
    chars: Vec<SourceChar>,
    /// Lengths (in characters) of the pieces between OCR wrap gaps (a space removed between two
    /// Han characters), all but the last piece.
    wrap_pieces: Vec<usize>,
    /// Where the line's terminator starts and how long it is, in decoded bytes.
    end: u32,
    end_len: u32,
    /// A row of a table: never joined to its neighbours.
    table_row: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.chars.is_empty()
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn text(&self) -> String {
        self.chars.iter().map(|c| c.ch).collect()
    }
    fn last(&self) -> Option<char> {
        self.chars.last().map(|c| c.ch)
    }
    fn first(&self) -> Option<char> {
        self.chars.first().map(|c| c.ch)
    }
    fn terminated(&self) -> bool {
        self.last().is_some_and(is_terminal)
    }
    /// A paragraph that OCR reflowed into one physical line: two or more wrap gaps.
    fn reflowed(&self) -> bool {
        self.wrap_pieces.len() >= 2
    }
    /// The column widths this line shows: its wrap pieces, and its own length when it is a short
    /// unterminated physical line (itself one column line).
    fn column_widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .wrap_pieces
            .iter()
            .copied()
            .filter(|&w| w >= 6)
            .collect();
        if !self.terminated() && !self.reflowed() && !self.is_blank() {
            widths.push(self.len());
        }
        widths
    }
}

/// Punctuation after which a line break is a real one.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '）' | '…' | '】' | '》'
    )
}

/// Punctuation after which a line cannot end a paragraph.
fn is_open(c: char) -> bool {
    matches!(c, '，' | '、' | '（' | '《' | '【' | '-' | '~')
}

/// Characters a new line cannot start with: it continues the previous one.
fn cannot_start_line(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '。' | '；' | '：' | '）' | '%' | '‰' | '！' | '？' | '》' | '】'
    )
}

/// Normalises a decoded page of plain text.
pub fn normalize(decoded: &str, continuation: &dyn Continuation) -> Normalized {
    normalize_with(decoded, continuation, true)
}

/// Normalises a decoded page; `space_tables`: lines with column gaps are table rows (plain text
/// only: the blanked markup of a draft leaves gaps everywhere).
pub fn normalize_with(
    decoded: &str,
    continuation: &dyn Continuation,
    space_tables: bool,
) -> Normalized {
    let raw: Vec<(Range<usize>, usize)> = physical_lines(decoded).collect();
    let rows = table_rows(decoded, &raw, space_tables);
    // the joining rules look at the line before and the two after: only those four lines are
    // cleaned and held at a time, not the whole page's characters
    let mut lines = raw
        .into_iter()
        .zip(rows)
        .map(|((range, end_len), row)| clean_line(decoded, range, end_len, row))
        .filter(|line| !line.is_blank());
    let mut prev: Option<Line> = None;
    let mut current = lines.next();
    let mut next = lines.next();
    let mut after_next = lines.next();

    let mut text = String::with_capacity(decoded.len());
    let mut map = OffsetMap::default();
    let mut paragraphs = Vec::new();
    let mut paragraph_start = 0;
    let mut physical = 0;
    let mut column_joins = 0;
    let mut broken_numbers = Vec::new();

    while let Some(line) = current {
        for c in &line.chars {
            let before = text.len();
            text.push(c.ch);
            map.push_substitute(c.start as usize, c.len as usize, text.len() - before);
        }
        physical += 1;
        let join = next.as_ref().map(|next| {
            join_kind(
                prev.as_ref(),
                &line,
                next,
                after_next.as_ref(),
                continuation,
            )
        });
        if join == Some(Join::Column) {
            column_joins += 1;
        }
        if join.is_none_or(|j| j == Join::Break) {
            paragraphs.push(Paragraph {
                range: paragraph_start..text.len(),
                physical_lines: physical,
                column_block: column_joins >= 2,
            });
            if let Some(next) = &next {
                let digits_before = digit_run_end(line.chars.iter().rev().map(|c| c.ch));
                let digits_after = digit_run_end(next.chars.iter().map(|c| c.ch));
                let cut = text.len() - digits_before;
                let before = text.len();
                text.push('\n');
                map.push_substitute(
                    line.end as usize,
                    line.end_len as usize,
                    text.len() - before,
                );
                let in_table = line.table_row || next.table_row;
                if digits_before > 0 && digits_after > 0 && !in_table {
                    broken_numbers.push(cut..text.len() + digits_after);
                }
                paragraph_start = text.len();
            }
            physical = 0;
            column_joins = 0;
        }
        prev = Some(line);
        current = next;
        next = after_next;
        after_next = lines.next();
    }
    text.shrink_to_fit();
    map.shrink_to_fit();
    Normalized {
        text,
        to_decoded: map,
        paragraphs,
        broken_numbers,
    }
}

/// How many ASCII digits (and decimal points after the first) `chars` starts with.
fn digit_run_end(chars: impl Iterator<Item = char>) -> usize {
    let mut chars = chars.peekable();
    if !chars.peek().is_some_and(|c| c.is_ascii_digit()) {
        return 0;
    }
    chars
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    Break,
    /// Joined because the sentence visibly continues (punctuation, a number and its unit).
    Continues,
    /// Joined because the line is as wide as the column around it.
    Column,
}

/// Decides whether the break between `line` and the next non-blank line is a real paragraph break.
fn join_kind(
    prev: Option<&Line>,
    line: &Line,
    next: &Line,
    after_next: Option<&Line>,
    continuation: &dyn Continuation,
) -> Join {
    if line.table_row || next.table_row {
        return Join::Break;
    }
    let next_text = next.text();
    let this_text = line.text();
    if starts_article(&next_text) || ends_article(&this_text) || line.terminated() {
        return Join::Break;
    }
    let (Some(last), Some(first)) = (line.last(), next.first()) else {
        return Join::Break;
    };
    if is_open(last) || cannot_start_line(first) {
        return Join::Continues;
    }
    let tail: String = this_text
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let head: String = next_text.chars().take(3).collect();
    if (last.is_ascii_digit() && continuation.starts_with_unit(&next_text))
        || (last == '.' && first.is_ascii_digit())
        || continuation.unit_across(&tail, &head)
    {
        return Join::Continues;
    }
    // The column rule below never glues a page's first line or the first line after a story's
    // credit (both headlines) to a paragraph, nor a line onto a headline whose byline follows.
    let short_run_follows = !next.terminated() && !next.reflowed();
    let first_line = prev.is_none() && !short_run_follows;
    let after_credit = prev.is_some_and(|p| ends_article(&p.text())) && !short_run_follows;
    let next_is_headline = after_next.is_some_and(|a| starts_article(&a.text()));
    if line.len() < 10 || first_line || after_credit || next_is_headline {
        return Join::Break;
    }
    let in_short_run = prev.is_some_and(|p| !p.terminated() && !p.reflowed() && !p.is_blank());
    // A run of short column lines followed by a reflowed paragraph is another box on the page.
    if in_short_run && next.reflowed() && next.len() * 2 > line.len() * 3 {
        return Join::Break;
    }
    let len = line.len();
    let fits = [Some(next), prev]
        .into_iter()
        .flatten()
        .filter_map(|l| median(l.column_widths()))
        .any(|w| {
            let slack = (w * 15 / 100).max(2);
            len.abs_diff(w) <= slack
        });
    if fits {
        Join::Column
    } else {
        Join::Break
    }
}

fn median(mut widths: Vec<usize>) -> Option<usize> {
    widths.sort_unstable();
    widths.get(widths.len() / 2).copied()
}

/// The physical lines of `text`: content ranges and the length of each line's terminator.
fn physical_lines(text: &str) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > bytes.len() || (start == bytes.len() && start != 0 && !bytes.is_empty()) {
            return None;
        }
        let rest = &bytes[start..];
        let (content_len, terminator) = match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(p) if rest[p] == b'\r' && rest.get(p + 1) == Some(&b'\n') => (p, 2),
            Some(p) => (p, 1),
            None => (rest.len(), 0),
        };
        let range = start..start + content_len;
        start += content_len + terminator;
        if terminator == 0 {
            start = bytes.len() + 1;
        }
        Some((range, terminator))
    })
}

/// Which physical lines are table rows: pipe rows, and lines with column gaps (two, or one where
/// a neighbouring line has one too).
fn table_rows(text: &str, lines: &[(Range<usize>, usize)], space_tables: bool) -> Vec<bool> {
    // a line that ends a sentence is prose, whatever its spacing
    let gaps: Vec<usize> = lines
        .iter()
        .map(|(r, _)| &text[r.clone()])
        .map(|l| match space_tables && !l.contains('。') {
            true => table::column_gaps(l),
            false => 0,
        })
        .collect();
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !text[lines[i].0.clone()].trim().is_empty())
        .collect();
    let mut rows: Vec<bool> = lines
        .iter()
        .map(|(r, _)| table::is_pipe_row(&text[r.clone()]))
        .collect();
    for (k, &i) in non_blank.iter().enumerate() {
        let neighbour_has_gap = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|n| non_blank.get(n))
            .any(|&n| gaps[n] >= 1);
        rows[i] |= gaps[i] >= 2 || (gaps[i] == 1 && neighbour_has_gap);
    }
    rows
}

/// Cleans one physical line: canonical characters, invisible characters dropped, thousands
/// separators dropped, and whitespace removed wherever a CJK character stands next to it. In a
/// table row a column gap stays, as one [`table::COLUMN_GAP`].
fn clean_line(text: &str, range: Range<usize>, end_len: usize, table_row: bool) -> Line {
    let raw: Vec<(usize, char)> = text[range.clone()]
        .char_indices()
        .map(|(i, c)| (range.start + i, c))
        .collect();
    let mut line = Line {
        end: range.end as u32,
        end_len: end_len as u32,
        table_row,
        ..Line::default()
    };
    let mut piece_start = 0;
    let mut i = 0;
    while i < raw.len() {
        let (offset, c) = raw[i];
        if is_invisible(c) {
            i += 1;
            continue;
        }
        if is_space(c) {
            let run_end = (i..raw.len())
                .find(|&k| !is_space(raw[k].1) && !is_invisible(raw[k].1))
                .unwrap_or(raw.len());
            let before = line.chars.last().map(|s| s.ch);
            let after = raw.get(run_end).map(|&(_, c)| canonical(c, None, None));
            let gap = run_end - i >= 2 || raw[i..run_end].iter().any(|&(_, c)| c == '\t');
            if let (Some(b), Some(a)) = (before, after) {
                if table_row && gap && b != '|' && a != '|' {
                    line.chars.push(SourceChar {
                        ch: table::COLUMN_GAP,
                        start: offset as u32,
                        len: c.len_utf8() as u8,
                    });
                } else if b.is_ascii_digit() && matches!(a, '%' | '‰') {
                    // `1.4 %`: a sign set apart from its number
                } else if !(is_cjk(b) || is_cjk(a)) {
                    line.chars.push(SourceChar {
                        ch: ' ',
                        start: offset as u32,
                        len: c.len_utf8() as u8,
                    });
                } else if is_han(b) && is_han(a) {
                    line.wrap_pieces.push(line.chars.len() - piece_start);
                    piece_start = line.chars.len();
                }
            }
            i = run_end;
            continue;
        }
        let prev = i.checked_sub(1).map(|k| raw[k].1);
        let next = raw.get(i + 1).map(|&(_, c)| c);
        if c == ',' && is_thousands_separator(&raw, i) {
            i += 1;
            continue;
        }
        let after_han = line.chars.last().is_some_and(|s| is_han(s.ch));
        if let Some(len) = footnote_mark_len(&raw[i..]).filter(|_| after_han) {
            i += len;
            continue;
        }
        let ch = canonical(c, prev, next);
        line.chars.push(SourceChar {
            ch,
            start: offset as u32,
            len: c.len_utf8() as u8,
        });
        i += 1;
    }
    line
}

/// `家庭户[3]19.86万户`: a bulletin's footnote mark, one or two digits in square brackets, with
/// a word or a figure after it. Its length in characters; it is dropped, so that the name meets
/// its figure again.
fn footnote_mark_len(raw: &[(usize, char)]) -> Option<usize> {
    let at = |k: usize| raw.get(k).map(|&(_, c)| c);
    if !matches!(at(0), Some('[' | '［')) {
        return None;
    }
    let digits = (1..=3)
        .take_while(|&k| at(k).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .count();
    let close = 1 + digits;
    let then = at(close + 1);
    ((1..=2).contains(&digits)
        && matches!(at(close), Some(']' | '］'))
        && then.is_some_and(|c| is_han(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)))
    .then_some(close + 1)
}

/// `1,423`: an ASCII comma between a digit and exactly three digits.
fn is_thousands_separator(raw: &[(usize, char)], i: usize) -> bool {
    let digit = |k: usize| raw.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Units;
    impl Continuation for Units {
        fn starts_with_unit(&self, text: &str) -> bool {
            text.starts_with(['人', '件', '元'])
        }
        fn unit_len(&self, text: &str) -> Option<usize> {
            ["件次", "人", "件", "元"]
                .iter()
                .find(|u| text.starts_with(*u))
                .map(|u| u.len())
        }
    }

    fn norm(text: &str) -> Normalized {
        normalize(text, &Units)
    }

    #[test]
    fn ocr_spaces_inside_words_and_numbers_go() {
        let n = norm("吨铝电耗降1200千瓦 时、培育12 家,较 2023年 Hello world 69 70");
        assert_eq!(
            n.text,
            "吨铝电耗降1200千瓦时、培育12家，较2023年Hello world 69 70"
        );
    }

    #[test]
    fn footnote_marks_after_a_word_go() {
        let n = norm("全县共有家庭户[3]19.86万户，家庭户人口［12］为55.12万人。见附表[1]");
        assert_eq!(
            n.text,
            "全县共有家庭户19.86万户，家庭户人口为55.12万人。见附表[1]"
        );
    }

    #[test]
    fn full_width_and_thousands() {
        let n = norm("增长１２．５％，共1,423件");
        assert_eq!(n.text, "增长12.5%，共1423件");
        let at = n.text.find("1423").unwrap();
        assert_eq!(
            n.to_decoded.range(at..at + 4),
            "增长１２．５％，共".len().."增长１２．５％，共1,423".len()
        );
    }

    #[test]
    fn a_number_cut_from_its_unit_is_joined() {
        let n = norm("出境旅客318\n人，较去年同期增长");
        assert_eq!(n.text, "出境旅客318人，较去年同期增长");
        assert_eq!(n.paragraphs.len(), 1);
    }

    #[test]
    fn short_column_lines_join_but_headlines_do_not() {
        let page = "标题一行\n\n正文第一段已经结束了。\n\n10月28日,12345政务服务便\n\n民热线接听群众来电诉求 1423件\n\n次,网民留言63件(西宁12345微\n\n信公众号42件。";
        let n = norm(page);
        let paragraphs: Vec<&str> = n
            .paragraphs
            .iter()
            .map(|p| &n.text[p.range.clone()])
            .collect();
        assert_eq!(
            paragraphs,
            vec![
                "标题一行",
                "正文第一段已经结束了。",
                "10月28日，12345政务服务便民热线接听群众来电诉求1423件次，网民留言63件（西宁12345微信公众号42件。"
            ]
        );
        assert!(n.paragraphs[2].column_block);
        let at = n.text.find("1423件次").unwrap();
        let range = n.to_decoded.range(at..at + "1423件次".len());
        assert_eq!(&page[range], "1423件\n\n次");
    }

    #[test]
    fn a_unit_cut_in_two_is_joined() {
        let n = norm("接听来电 1423件\n\n次，网民留言");
        assert_eq!(n.text, "接听来电1423件次，网民留言");
    }

    #[test]
    fn crlf_lines_map_back() {
        let n = norm("第一段。\r\n第二段。");
        assert_eq!(n.text, "第一段。\n第二段。");
        let at = n.text.find("第二").unwrap();
        assert_eq!(n.to_decoded.start(at), "第一段。\r\n".len());
    }
}
