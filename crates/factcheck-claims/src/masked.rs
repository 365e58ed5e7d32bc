//! A story's text with each quantity replaced by a token that says its kind and index, which is
//! what rule patterns match. The token marks are private-use characters; any that the copy itself
//! holds (GBK's user-defined characters decode to them) are replaced first, so copy can never
//! forge a token.

use factcheck_numbers::{Quantity, Value};
use factcheck_rules::pattern::{kind_letter, TOKEN_CLOSE, TOKEN_OPEN};
use std::ops::Range;

pub struct Masked {
    pub text: String,
    /// (masked range, quantity index, normalised range) of each token, in order.
    tokens: Vec<(Range<usize>, usize, Range<usize>)>,
    /// The token letters the text holds, one bit per letter (`a` is bit 0).
    letters: u32,
    /// Where the story starts in the normalised text.
    start: usize,
    /// The page's number of quantity 0: tokens carry the page's numbers, and the patterns' gaps
    /// count their width, so a story matches the same however its quantities were handed over.
    numbered_from: usize,
}

impl Masked {
    pub fn new(
        text: &str,
        story: Range<usize>,
        quantities: &[Quantity],
        numbered_from: usize,
    ) -> Masked {
        let first = quantities.partition_point(|q| q.span.start < story.start);
        let mut out = String::with_capacity(story.len());
        let mut tokens = Vec::new();
        let mut letters = 0u32;
        let mut at = story.start;
        for (index, q) in quantities.iter().enumerate().skip(first) {
            if q.span.start >= story.end {
                break;
            }
            if q.span.start < at {
                continue;
            }
            push_escaped(&mut out, &text[at..q.span.start]);
            let begin = out.len();
            let letter = kind_letter(q.kind, matches!(q.value, Value::Time { .. }));
            letters |= letter_bit(letter);
            out.push(TOKEN_OPEN);
            out.push(letter);
            out.push_str(&(numbered_from + index).to_string());
            out.push(TOKEN_CLOSE);
            tokens.push((begin..out.len(), index, q.span.clone()));
            at = q.span.end.min(story.end);
        }
        push_escaped(&mut out, &text[at..story.end]);
        Masked {
            text: out,
            tokens,
            letters,
            start: story.start,
            numbered_from,
        }
    }

    /// Does the text hold a token of one of these letters?
    pub fn holds_token_of(&self, letters: &[char]) -> bool {
        letters.iter().any(|&l| self.letters & letter_bit(l) != 0)
    }

    /// Maps an offset of the masked text to the normalised text.
    pub fn to_text(&self, offset: usize) -> usize {
        let k = self.tokens.partition_point(|(m, _, _)| m.start < offset);
        match k.checked_sub(1).map(|i| &self.tokens[i]) {
            Some((m, _, n)) if offset < m.end => n.start,
            Some((m, _, n)) => n.end + (offset - m.end),
            None => self.start + offset,
        }
    }

    /// Quantity indices of the tokens inside a matched piece of masked text.
    pub fn tokens_in(&self, piece: &str) -> Vec<usize> {
        piece
            .split(TOKEN_OPEN)
            .skip(1)
            .filter_map(|t| t.split(TOKEN_CLOSE).next())
            .filter_map(|t| t.get(1..).and_then(|n| self.index(n)))
            .collect()
    }

    /// The items of a matched list, cut where a new statement begins: at `其中`, or at a `；` that
    /// does not follow an item's own rate (`…进口820亿元，下降2%；` continues the list).
    pub fn list_items(&self, piece: &str, letters: &[char]) -> Vec<usize> {
        let mut items = Vec::new();
        let mut between = String::new();
        for (k, chunk) in piece.split(TOKEN_OPEN).enumerate() {
            let (token, rest) = if k == 0 {
                ("", chunk)
            } else {
                chunk.split_once(TOKEN_CLOSE).unwrap_or((chunk, ""))
            };
            if let Some(letter) = token.chars().next() {
                if letters.contains(&letter) {
                    let rate_before = between.contains('%');
                    let stop = between.contains("其中") || (between.contains('；') && !rate_before);
                    if !items.is_empty() && stop {
                        break;
                    }
                    if let Some(index) = self.index(&token[1..]) {
                        items.push(index);
                    }
                    between.clear();
                } else if matches!(letter, 'p' | 't') {
                    between.push('%');
                }
            }
            between.push_str(rest);
        }
        items
    }

    /// The quantity a token's number names.
    fn index(&self, number: &str) -> Option<usize> {
        number
            .parse::<usize>()
            .ok()?
            .checked_sub(self.numbered_from)
    }

    /// A matched label as plain text (tokens dropped).
    pub fn plain(&self, piece: &str) -> String {
        let mut out = String::new();
        let mut inside = false;
        for c in piece.chars() {
            match c {
                TOKEN_OPEN => inside = true,
                TOKEN_CLOSE => inside = false,
                _ if !inside => out.push(c),
                _ => {}
            }
        }
        out
    }
}

/// A token letter's bit in [`Masked::letters`] (token letters are ASCII lowercase).
fn letter_bit(letter: char) -> u32 {
    1 << ((letter as u32).wrapping_sub('a' as u32) % 32)
}

/// Copies text, replacing the token marks by U+FFFD (the same length in UTF-8, so offsets hold).
fn push_escaped(out: &mut String, text: &str) {
    // copy almost never holds a mark: copied whole then
    if !text.contains([TOKEN_OPEN, TOKEN_CLOSE]) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        out.push(if c == TOKEN_OPEN || c == TOKEN_CLOSE {
            '\u{FFFD}'
        } else {
            c
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factcheck_numbers::{Kind, Qualifier};

    #[test]
    fn copy_cannot_forge_a_token() {
        let text = format!("收入{}m99{}元，支出5元", TOKEN_OPEN, TOKEN_CLOSE);
        let at = text.find('5').unwrap();
        let five = Quantity {
            span: at..at + 4,
            value: Value::Number {
                value: 5.into(),
                lower: Some(5.into()),
                upper: Some(5.into()),
            },
            unit: "元".into(),
            kind: Kind::Money,
            qualifier: Qualifier::Exact,
            measures: None,
        };
        let masked = Masked::new(&text, 0..text.len(), &[five], 0);
        assert_eq!(masked.text.matches(TOKEN_OPEN).count(), 1);
        assert_eq!(masked.tokens_in(&masked.text), vec![0]);
        assert_eq!(
            masked.text.len(),
            text.len() - 4 + "\u{E000}m0\u{E001}".len()
        );
    }
}
