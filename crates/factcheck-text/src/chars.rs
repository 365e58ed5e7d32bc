//! Character classes and the canonical form of each character.
//!
//! The canonical form is what rules and the quantity grammar see: ASCII digits, letters and signs
//! for their full-width twins, one dash and one tilde for the many range marks, one double quote,
//! and the Chinese full-width forms for sentence punctuation (so that `(` stays free for pattern
//! syntax and `,` can mark a thousands separator).

/// Han ideographs (the blocks that occur in news copy).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '〇')
}

/// Han characters and CJK punctuation: the characters next to which an OCR space is noise.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
        || is_canonical_cjk_punct(c)
}

fn is_canonical_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '：' | '；' | '（' | '）' | '！' | '？' | '《' | '》' | '【' | '】'
    )
}

/// Whitespace that OCR and web copy put between characters (including the ideographic space).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// Characters dropped outright: byte-order marks, zero-width spaces, soft hyphens.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{2060}'
    )
}

/// Punctuation that ends a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// The canonical form of `c`, given its neighbours in the original text (needed for `,` and `:`
/// between digits, which stay ASCII as thousands separators and times).
pub fn canonical(c: char, prev: Option<char>, next: Option<char>) -> char {
    let between_digits = prev.is_some_and(|p| p.is_ascii_digit() || is_fullwidth_digit(p))
        && next.is_some_and(|n| n.is_ascii_digit() || is_fullwidth_digit(n));
    match c {
        // full-width ASCII twins, except the sentence punctuation kept in its Chinese form below
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '％'
        | '．'
        | '＋'
        | '＝'
        | '／'
        | '＜'
        | '＞'
        | '＆'
        | '＃'
        | '＠'
        | '＊'
        | '＄' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        ',' if between_digits => ',',
        ':' | '：' | '∶' if between_digits => ':',
        ',' | '，' => '，',
        ':' => '：',
        ';' | '；' => '；',
        '(' | '（' => '（',
        ')' | '）' => '）',
        '!' | '！' => '！',
        '?' | '？' => '？',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '－' => '-',
        '~' | '～' | '〜' => '~',
        '“' | '”' | '„' | '‟' | '"' | '「' | '」' | '『' | '』' | '＂' => '"',
        '‘' | '’' | '＇' => '\'',
        '﹪' => '%',
        _ => c,
    }
}

fn is_fullwidth_digit(c: char) -> bool {
    matches!(c, '０'..='９')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_become_ascii() {
        let text: String = "１２．５％"
            .chars()
            .map(|c| canonical(c, None, None))
            .collect();
        assert_eq!(text, "12.5%");
    }

    #[test]
    fn commas_and_colons_depend_on_their_neighbours() {
        assert_eq!(canonical(',', Some('1'), Some('4')), ',');
        assert_eq!(canonical(',', Some('件'), Some('西')), '，');
        assert_eq!(canonical(':', Some('9'), Some('0')), ':');
        assert_eq!(canonical(':', Some('题'), Some(' ')), '：');
    }

    #[test]
    fn range_marks_are_unified() {
        for c in ['—', '–', '－', '‒'] {
            assert_eq!(canonical(c, None, None), '-');
        }
        assert_eq!(canonical('～', None, None), '~');
    }
}
