//! What a number measures, as the copy names it: the words right before it in its clause
//! (`全市夜间消费额达3.6亿元` → 全市夜间消费额), or the noun after a count's measure word
//! (`27家参评工程技术研究中心` → 参评工程技术研究中心). The words that only link a name to its number
//! (达到, 为, 约) come from the `link` word class.

use factcheck_rules::Words;
use factcheck_text::chars::is_han;
use std::borrow::Cow;

/// Most Han characters a label keeps (the head noun is at its end).
const LONGEST: usize = 16;

/// The Han words right before `at` and after `floor`, links stripped from their end.
pub fn before(text: &str, floor: usize, at: usize, words: &Words) -> String {
    name_ending(&without_notes(&text[floor.min(at)..at]), words)
}

/// Is `c` a letter or digit of a code among Han words (全省CPI上涨, 全市PM2.5平均浓度)?
fn in_code(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.'
}

/// The name at the end of `before` (see [`before`]).
fn name_ending(before: &str, words: &Words) -> String {
    // Han words, and codes of capitals and digits among them (全省CPI上涨, 全市PM2.5平均浓度),
    // walked back from the end (byte offsets: the text before may be a long clause)
    let mut k = before.len();
    while let Some(c) = before[..k].chars().next_back() {
        if is_han(c) || c == '"' {
            k -= c.len_utf8();
            continue;
        }
        let code = before[..k].trim_end_matches(in_code).len();
        if code < k && before.as_bytes()[code].is_ascii_uppercase() {
            k = code;
            continue;
        }
        break;
    }
    let kept: String = before[k..].chars().filter(|&c| c != '"').collect();
    let run = last_chars(&kept, LONGEST).to_string();
    // `2024年全市产值`: the 年 belongs to the figure before it, not to the name
    let run = match before.strip_suffix(run.as_str()) {
        // `比2019年决算数下降`: the words after a compared year name the base, not the figure;
        // the figure's name stands before the comparison (`整体通关时间比2017年压缩了`)
        Some(rest)
            if rest.ends_with(|c: char| c.is_ascii_digit())
                && run.starts_with(['年', '月', '日']) =>
        {
            let head = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
            match words.ending("compare", head) {
                Some(word) => name_ending(&head[..head.len() - word.len()], words),
                None => run
                    .trim_start_matches(['年', '月', '日', '号'])
                    .trim_start_matches(['末', '底', '度', '份'])
                    .to_string(),
            }
        }
        Some(rest) if rest.ends_with(|c: char| c.is_ascii_digit()) => run
            .trim_start_matches(['年', '月', '日', '号'])
            .trim_start_matches(['末', '底', '度', '份'])
            .to_string(),
        _ => run,
    };
    let stripped = words.strip_end("link", &run);
    let stripped = words.strip_end("qualifier_word", stripped);
    words.strip_end("link", stripped).to_string()
}

/// The Han words right after `at`, up to eight (`27家参评中心` → 参评中心), before `limit`.
pub fn after(text: &str, at: usize, limit: usize) -> String {
    text[at..limit.max(at)]
        .chars()
        .take_while(|&c| is_han(c))
        .take(8)
        .collect()
}

/// The text without footnote marks (`常住人口[3]为`, `外向度（注4）`, `产值①`), abbreviations
/// in brackets (`生产总值（GDP）`) and notes on the scope at its end (`投资（不含农户）`), which
/// stand between a name and its figure.
pub fn without_notes(text: &str) -> Cow<'_, str> {
    // most names hold no bracket and no circled number: nothing to copy then
    let note_start = |c: char| matches!(c, '[' | '［' | '(' | '（' | '\u{2460}'..='\u{2473}');
    if !text.contains(note_start) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let skip = match c {
            '[' | '［' | '(' | '（' => {
                let close = match c {
                    '[' => ']',
                    '［' => '］',
                    '(' => ')',
                    _ => '）',
                };
                let inner = &rest[c.len_utf8()..];
                inner.find(close).and_then(|end| {
                    let mark = inner[..end].trim_start_matches('注');
                    // a note number, or an abbreviation of the name (`生产总值（GDP）`)
                    let note = mark.chars().all(|d| d.is_ascii_digit());
                    let abbreviation = mark.chars().all(|d| d.is_ascii_uppercase());
                    // or a word inside the name (`专科（高职）生`): the name goes on after it
                    let inside = inner[end + close.len_utf8()..].starts_with(is_han)
                        && mark.chars().count() <= 4
                        && mark.chars().all(is_han);
                    // or a note on the scope closing the name (`固定资产投资（不含农户）`)
                    let closing = inner[end + close.len_utf8()..].trim().is_empty()
                        && mark.chars().count() <= 12
                        && !mark.contains(['(', '（', '[', '［'])
                        // (an alias defined, `（以下简称西宁开发区）`, names what follows)
                        && !mark.contains("简称");
                    (!mark.is_empty()
                        && ((end <= 12 && (note || abbreviation || inside)) || closing))
                        .then(|| c.len_utf8() + end + close.len_utf8())
                })
            }
            '\u{2460}'..='\u{2473}' => Some(c.len_utf8()),
            _ => None,
        };
        match skip {
            Some(n) => rest = &rest[n..],
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Cow::Owned(out)
}

/// The last `n` characters of a text (all of it when shorter); `n` is at least one.
fn last_chars(text: &str, n: usize) -> &str {
    let start = text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &text[start..]
}

/// Han characters only.
pub fn han(text: &str) -> String {
    text.chars().filter(|&c| is_han(c)).collect()
}

/// Han characters and Latin letters (a name may be an abbreviation: GDP, CPI).
pub fn han_or_latin(text: &str) -> String {
    text.chars()
        .filter(|&c| is_han(c) || c.is_ascii_alphabetic())
        .collect()
}

/// Han characters and the codes among them (PM2.5, CPI, M2): capitals, and digits right after
/// a capital.
pub fn han_and_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for c in text.chars() {
        let keep = if is_han(c) {
            in_code = false;
            true
        } else if c.is_ascii_uppercase() {
            in_code = true;
            true
        } else if in_code && (c.is_ascii_digit() || c == '.') {
            true
        } else {
            in_code = false;
            false
        };
        if keep {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_notes;

    #[test]
    fn footnote_marks_do_not_cut_a_name() {
        assert_eq!(without_notes("全县户籍人口[2]为"), "全县户籍人口为");
        assert_eq!(without_notes("外贸依存度（注3）为"), "外贸依存度为");
        assert_eq!(without_notes("营业收入①达"), "营业收入达");
        assert_eq!(without_notes("地区生产总值（GDP）为"), "地区生产总值为");
        // a note on the scope closing a name goes (the figure follows it)
        assert_eq!(
            without_notes("全区固定资产投资（不含农户）"),
            "全区固定资产投资"
        );
        // brackets that say something inside a name stay, and so does an alias defined
        assert_eq!(
            without_notes("全区（含经济技术开发区和高新区）常住人口"),
            "全区（含经济技术开发区和高新区）常住人口"
        );
        assert_eq!(
            without_notes("开发区（以下简称园区）"),
            "开发区（以下简称园区）"
        );
    }
}
