//! The pattern language of rule packs, compiled to a regular expression over a story's text in
//! which every quantity is replaced by a token (`\u{E000}` kind-letter index `\u{E001}`).
//!
//! - `{name:type}`: a quantity of that type (money, count, percent, percentage_point, ratio,
//!   multiple, date, duration, other, time; `number` for any number, `quantity` for anything;
//!   `a|b` for either), `{name:list}` / `{name:list(count)}` two or more quantities listed with
//!   their labels (`微信公众号42件，政府网13件`), `{name:label}` a short noun phrase,
//!   `{name:@class}` one word of a word class (kept for the check, e.g. the verb's direction).
//! - `@class`: any word of a word class (`@up` = 增长|上升|提高…).
//! - `( | )` alternatives, `?` optional, `+` one or more, `[...]` one character of a set.
//! - `\n`: a paragraph break.
//! - `…` or `...`: a gap of up to 10 characters inside the sentence; `…{20}` up to 20.
//! - `~`: a gap like `…` that holds no quantity and no semicolon (`~{20}` up to 20).
//! - `{_:type}`: a quantity that must be there but plays no role.
//! - `\x`: the character x itself; every other character stands for itself (full-width and ASCII
//!   punctuation are the same: `，` and `,` both match a comma).

use factcheck_numbers::Kind;
use factcheck_text::chars::canonical;
use regex::Regex;
use std::collections::BTreeMap;

pub const TOKEN_OPEN: char = '\u{E000}';
pub const TOKEN_CLOSE: char = '\u{E001}';

/// The letter a quantity's token carries: its kind (`h` for clock times).
pub fn kind_letter(kind: Kind, is_time: bool) -> char {
    if is_time {
        return 'h';
    }
    match kind {
        Kind::Money => 'm',
        Kind::Count => 'c',
        Kind::Percent => 'p',
        Kind::PercentagePoint => 't',
        Kind::Ratio => 'r',
        Kind::Multiple => 'x',
        Kind::Date => 'd',
        Kind::Duration => 'u',
        Kind::Other => 'o',
    }
}

/// What a placeholder captures.
#[derive(Debug, Clone, PartialEq)]
pub enum Capture {
    /// One quantity whose token letter is one of these.
    Quantity(Vec<char>),
    /// Two or more listed quantities.
    List(Vec<char>),
    Label,
    Word,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Placeholder {
    pub name: String,
    pub capture: Capture,
    /// The type names as written (`money|count`), for messages and the linter.
    pub types: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CompiledPattern {
    pub source: String,
    pub regex: Regex,
    pub placeholders: Vec<Placeholder>,
    /// Text every match contains (literals outside groups): a story without one of them is
    /// skipped without running the regex.
    pub literals: Vec<String>,
    /// The token letters of the quantities every match holds (placeholders outside groups, not
    /// made optional), one set per placeholder: a story with no token of one of the sets is
    /// skipped without running the regex.
    pub required_tokens: Vec<Vec<char>>,
}

/// Where in the pattern (0-based character index) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub at: usize,
    pub message: String,
}

const GAP: usize = 10;
/// Characters a label or a gap never crosses.
const CLAUSE_STOP: &str = "，。；：！？（）\\n\u{E000}\u{E001}";
const SENTENCE_STOP: &str = "。！？\\n";

fn letters_for(ty: &str) -> Option<Vec<char>> {
    Some(match ty {
        "money" => vec!['m'],
        "count" => vec!['c'],
        "percent" => vec!['p'],
        "percentage_point" => vec!['t'],
        "ratio" => vec!['r'],
        "multiple" => vec!['x'],
        "date" => vec!['d'],
        "duration" => vec!['u'],
        "other" => vec!['o'],
        "time" => vec!['h'],
        "number" => "mcptrxuo".chars().collect(),
        "quantity" => "mcptrxuodh".chars().collect(),
        _ => return None,
    })
}

fn token_regex(letters: &[char]) -> String {
    let set: String = letters.iter().collect();
    format!("{TOKEN_OPEN}[{set}]\\d+{TOKEN_CLOSE}")
}

fn words_regex(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alternatives: Vec<String> = sorted
        .iter()
        .map(|w| regex::escape(&canonical_text(w)))
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

/// A literal as the normalised text has it.
pub fn canonical_text(text: &str) -> String {
    text.chars().map(|c| canonical(c, None, None)).collect()
}

pub fn compile(
    source: &str,
    words: &BTreeMap<String, Vec<String>>,
) -> Result<CompiledPattern, PatternError> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut placeholders: Vec<Placeholder> = Vec::new();
    let mut required_tokens: Vec<Vec<char>> = Vec::new();
    let mut alternatives_at_top = false;
    let mut depth = 0usize;
    let mut i = 0;
    let error = |at: usize, message: String| Err(PatternError { at, message });
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' => {
                let Some(close) = chars[i..].iter().position(|&c| c == '}').map(|p| p + i) else {
                    return error(i, "`{` without a closing `}`".into());
                };
                let body: String = chars[i + 1..close].iter().collect();
                let Some((name, ty)) = body.split_once(':') else {
                    return error(
                        i,
                        format!("placeholder `{{{body}}}` needs a type: `{{name:type}}`"),
                    );
                };
                let name = name.trim();
                let anonymous = name == "_";
                if name.is_empty()
                    || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    || name.starts_with(|c: char| c.is_ascii_digit())
                {
                    return error(
                        i + 1,
                        format!("placeholder name `{name}` must be ASCII letters, digits or _"),
                    );
                }
                if !anonymous && placeholders.iter().any(|p| p.name == name) {
                    return error(i + 1, format!("placeholder `{name}` appears twice in one pattern; write a second pattern instead"));
                }
                let ty = ty.trim();
                let (capture, group, types) =
                    placeholder(ty, words).map_err(|message| PatternError {
                        at: i + 2 + name.chars().count(),
                        message,
                    })?;
                // a `?` after the placeholder makes it optional
                let optional = chars.get(close + 1) == Some(&'?');
                if depth == 0 && !optional {
                    if let Capture::Quantity(letters) | Capture::List(letters) = &capture {
                        required_tokens.push(letters.clone());
                    }
                }
                if anonymous {
                    // `{_:percent}`: must be there, is not kept
                    out.push_str(&format!("(?:{group})"));
                } else {
                    out.push_str(&format!("(?P<{name}>{group})"));
                    placeholders.push(Placeholder {
                        name: name.to_string(),
                        capture,
                        types,
                    });
                }
                i = close + 1;
                // `{rate:percent}%` or `{n:count}个` can never match: the unit is part of the number
                if let Some(&next) = chars.get(i) {
                    if "%％‰个件人家元亿万项次名户".contains(next)
                        && !ty.starts_with('@')
                        && ty != "label"
                    {
                        return error(i, format!("this can never match: `{next}` after `{{{name}:{ty}}}` is part of the number, not text after it"));
                    }
                }
            }
            '@' => {
                let len = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .count();
                let class: String = chars[i + 1..i + 1 + len].iter().collect();
                let Some(list) = words.get(&class) else {
                    return error(i, format!("unknown word class `@{class}`"));
                };
                out.push_str(&words_regex(list));
                i += 1 + len;
            }
            '(' => {
                depth += 1;
                out.push_str("(?:");
                i += 1;
            }
            ')' => {
                if depth == 0 {
                    return error(i, "`)` without an opening `(`".into());
                }
                depth -= 1;
                out.push(')');
                i += 1;
            }
            '|' => {
                alternatives_at_top |= depth == 0;
                out.push('|');
                i += 1;
            }
            '?' | '+' => {
                if i == 0 || matches!(chars[i - 1], '(' | '|' | '?' | '+') {
                    return error(
                        i,
                        format!("`{c}` must follow something to repeat or make optional"),
                    );
                }
                out.push(c);
                i += 1;
            }
            '…' | '.' | '~' if c != '.' || chars[i..].starts_with(&['.', '.', '.']) => {
                i += if c == '.' { 3 } else { 1 };
                let (bound, next) =
                    gap_bound(&chars, i, c).map_err(|message| PatternError { at: i, message })?;
                i = next;
                // `~` does not cross a quantity, nor a semicolon (the next item of a run)
                let tokens = if c == '~' {
                    format!("{TOKEN_OPEN}{TOKEN_CLOSE}；;")
                } else {
                    String::new()
                };
                out.push_str(&format!("[^{SENTENCE_STOP}{tokens}]{{0,{bound}}}?"));
            }
            '[' => {
                let Some(close) = chars[i..].iter().position(|&c| c == ']').map(|p| p + i) else {
                    return error(i, "`[` without a closing `]`".into());
                };
                let inner: String = chars[i + 1..close].iter().collect();
                // `[^周星]`: any one character but those (nor a quantity's token, nor a stop)
                let (negated, inner) = match inner.strip_prefix('^') {
                    Some(rest) => (true, rest.to_string()),
                    None => (false, inner),
                };
                let set: String = inner
                    .replace("\\n", "\n")
                    .chars()
                    .map(|c| canonical(c, None, None))
                    .map(|c| regex::escape(&c.to_string()))
                    .collect();
                if set.is_empty() {
                    return error(i, "empty character set `[]`".into());
                }
                if negated {
                    out.push_str(&format!("[^{set}{SENTENCE_STOP}{TOKEN_OPEN}{TOKEN_CLOSE}]"));
                } else {
                    out.push_str(&format!("[{set}]"));
                }
                i = close + 1;
            }
            '\\' => {
                let Some(&next) = chars.get(i + 1) else {
                    return error(i, "`\\` at the end of the pattern".into());
                };
                if next == 'n' {
                    out.push_str("\\n");
                } else if !matches!(next, '(' | ')') {
                    // `\:` is the ASCII colon of 6.8:42.7 (brackets take their Chinese form)
                    out.push_str(&regex::escape(&next.to_string()));
                } else {
                    out.push_str(&regex::escape(&canonical(next, None, None).to_string()));
                }
                i += 2;
            }
            '}' | ']' | '*' => {
                return error(
                    i,
                    format!("`{c}` has no meaning here; write `\\{c}` for the character itself"),
                )
            }
            _ => {
                out.push_str(&regex::escape(&canonical(c, None, None).to_string()));
                i += 1;
            }
        }
    }
    if depth > 0 {
        return error(chars.len(), "a `(` is never closed".into());
    }
    if !placeholders
        .iter()
        .any(|p| matches!(p.capture, Capture::Quantity(_) | Capture::List(_)))
    {
        return error(
            0,
            "a pattern needs at least one quantity placeholder".into(),
        );
    }
    // (a larger lazy-DFA cache: gaps over Han text build many states, and a cache that fills up
    // is cleared and built again story after story)
    let regex = regex::RegexBuilder::new(&out)
        .dfa_size_limit(64 << 20)
        .build()
        .map_err(|e| PatternError {
            at: 0,
            message: format!("cannot compile: {e}"),
        })?;
    Ok(CompiledPattern {
        source: source.to_string(),
        regex,
        placeholders,
        literals: required_literals(&chars),
        // a match of one side of a top-level `|` need hold nothing of the other
        required_tokens: if alternatives_at_top {
            Vec::new()
        } else {
            required_tokens
        },
    })
}

/// The bound written after a gap at `i` (`…{20}`): the bound and the index after it.
fn gap_bound(chars: &[char], i: usize, gap: char) -> Result<(usize, usize), String> {
    if chars.get(i) != Some(&'{') || !chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        return Ok((GAP, i));
    }
    let close = chars[i..].iter().position(|&c| c == '}').map(|p| p + i);
    let digits: Option<String> = close.map(|e| chars[i + 1..e].iter().collect());
    match (digits.as_deref().map(str::parse::<usize>), close) {
        (Some(Ok(n)), Some(close)) if n <= 200 => Ok((n, close + 1)),
        _ => Err(format!(
            "a gap's bound is written `{gap}{{20}}` (at most 200)"
        )),
    }
}

/// The runs of plain characters outside any group, placeholder, class or gap, without the
/// character a `?` or `+` applies to.
fn required_literals(chars: &[char]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    let flush = |run: &mut String, runs: &mut Vec<String>| {
        if !run.is_empty() {
            runs.push(std::mem::take(run));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' | '[' => {
                flush(&mut run, &mut runs);
                let close = if c == '{' { '}' } else { ']' };
                i = chars[i..]
                    .iter()
                    .position(|&x| x == close)
                    .map_or(chars.len(), |p| i + p + 1);
                continue;
            }
            '(' => {
                flush(&mut run, &mut runs);
                depth += 1;
            }
            ')' => depth = depth.saturating_sub(1),
            '?' | '+' => {
                run.pop();
                flush(&mut run, &mut runs);
            }
            '|' if depth == 0 => return Vec::new(),
            '@' | '…' | '.' | '~' | '|' => {
                flush(&mut run, &mut runs);
                // a word class name or a gap's bound is not text
                if c == '@' {
                    while chars
                        .get(i + 1)
                        .is_some_and(|x| x.is_ascii_alphanumeric() || *x == '_')
                    {
                        i += 1;
                    }
                }
            }
            '\\' => {
                flush(&mut run, &mut runs);
                i += 2;
                continue;
            }
            _ if depth == 0 => run.push(canonical(c, None, None)),
            _ => {}
        }
        i += 1;
    }
    flush(&mut run, &mut runs);
    runs
}

fn placeholder(
    ty: &str,
    words: &BTreeMap<String, Vec<String>>,
) -> Result<(Capture, String, Vec<String>), String> {
    if ty == "label" {
        return Ok((
            Capture::Label,
            format!("[^{CLAUSE_STOP}、\"]{{1,16}}?"),
            vec![ty.into()],
        ));
    }
    if let Some(class) = ty.strip_prefix('@') {
        let mut list = Vec::new();
        for part in class.split('|') {
            let part = part.trim().trim_start_matches('@');
            let words = words
                .get(part)
                .ok_or_else(|| format!("unknown word class `@{part}`"))?;
            list.extend(words.iter().cloned());
        }
        return Ok((Capture::Word, words_regex(&list), vec![ty.into()]));
    }
    if let Some(inner) = ty.strip_prefix("list") {
        let inner = inner.trim();
        let types = if inner.is_empty() {
            "number"
        } else {
            inner
                .strip_prefix('(')
                .and_then(|s| s.strip_suffix(')'))
                .ok_or("write a list's type as `list(count)`")?
        };
        let letters = type_letters(types)?;
        // an item may carry its own rate: `出口2860亿元，增长6.1%；进口2260亿元`
        let rider = format!(
            "(?:，[^{CLAUSE_STOP}]{{0,8}}?{})?",
            token_regex(&['p', 't'])
        );
        let item = format!(
            "[^{CLAUSE_STOP}、]{{0,14}}?{}{rider}",
            token_regex(&letters)
        );
        let group = format!("{item}(?:(?:[，、；和及与]|以及){item})+");
        return Ok((
            Capture::List(letters),
            group,
            types.split('|').map(|s| s.trim().to_string()).collect(),
        ));
    }
    let letters = type_letters(ty)?;
    Ok((
        Capture::Quantity(letters.clone()),
        token_regex(&letters),
        ty.split('|').map(|s| s.trim().to_string()).collect(),
    ))
}

fn type_letters(types: &str) -> Result<Vec<char>, String> {
    let mut letters = Vec::new();
    for ty in types.split('|') {
        let ty = ty.trim();
        let found = letters_for(ty).ok_or_else(|| {
            format!("unknown placeholder type `{ty}` (expected money, count, percent, percentage_point, ratio, multiple, date, duration, other, time, number, quantity, label, list or @class)")
        })?;
        letters.extend(found);
    }
    Ok(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> BTreeMap<String, Vec<String>> {
        BTreeMap::from([(
            "up".to_string(),
            vec!["增长".to_string(), "上升".to_string()],
        )])
    }

    fn token(letter: char, n: usize) -> String {
        format!("{TOKEN_OPEN}{letter}{n}{TOKEN_CLOSE}")
    }

    #[test]
    fn placeholders_match_tokens_of_their_type() {
        let p = compile("{current:money}，(同比)?@up{rate:percent}", &words()).unwrap();
        let text = format!("{}，同比增长{}", token('m', 3), token('p', 4));
        let caps = p.regex.captures(&text).unwrap();
        assert_eq!(&caps["current"], token('m', 3));
        assert_eq!(&caps["rate"], token('p', 4));
        assert!(!p
            .regex
            .is_match(&format!("{}，增长{}", token('c', 3), token('p', 4))));
    }

    #[test]
    fn a_negated_set_takes_one_other_character_but_no_token() {
        let p = compile("{d:date}\\(周六[，,][^周星]", &words()).unwrap();
        assert!(p.regex.is_match(&format!("{}（周六，农历", token('d', 1))));
        assert!(!p.regex.is_match(&format!("{}（周六，周日", token('d', 1))));
        assert!(!p
            .regex
            .is_match(&format!("{}（周六，{}", token('d', 1), token('c', 2))));
    }

    #[test]
    fn lists_take_labelled_items() {
        let p = compile("{total:count}\\({parts:list(count)}\\)", &words()).unwrap();
        let text = format!(
            "留言{}（微信{}，网站{}，其他{}）",
            token('c', 1),
            token('c', 2),
            token('c', 3),
            token('c', 4)
        );
        let caps = p.regex.captures(&text).unwrap();
        assert_eq!(caps["parts"].matches(TOKEN_OPEN).count(), 3);
    }

    #[test]
    fn only_quantities_outside_groups_and_not_optional_are_required() {
        let p = compile(
            "{a:money|count}(，@up{b:percent})?{c:ratio}?{_:duration}…{d:list(count)}",
            &words(),
        )
        .unwrap();
        assert_eq!(
            p.required_tokens,
            vec![vec!['m', 'c'], vec!['u'], vec!['c']]
        );
        let p = compile("{a:count}|{b:money}", &words()).unwrap();
        assert!(p.required_tokens.is_empty());
    }

    #[test]
    fn ascii_and_full_width_punctuation_are_one() {
        let p = compile("{a:count},{b:count}", &words()).unwrap();
        assert!(p
            .regex
            .is_match(&format!("{}，{}", token('c', 1), token('c', 2))));
    }

    #[test]
    fn a_gap_may_precede_a_placeholder() {
        let p = compile("{a:count}…{b:money}", &words()).unwrap();
        assert!(p
            .regex
            .is_match(&format!("{}，共计{}", token('c', 1), token('m', 2))));
        let p = compile("{a:count}…{3}{b:money}", &words()).unwrap();
        assert!(!p
            .regex
            .is_match(&format!("{}，一二三四{}", token('c', 1), token('m', 2))));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = compile("增长{rate:percnt}", &words()).unwrap_err();
        assert_eq!(e.at, 8);
        assert!(
            e.message.contains("unknown placeholder type `percnt`"),
            "{}",
            e.message
        );
        let e = compile("@down{rate:percent}", &words()).unwrap_err();
        assert_eq!(
            (e.at, e.message.as_str()),
            (0, "unknown word class `@down`")
        );
        let e = compile("({a:count}", &words()).unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = compile("{a:count}{a:count}", &words()).unwrap_err();
        assert!(e.message.contains("appears twice"));
    }
}
