//! The scanner: finds every number in a normalised text and reads it with its magnitude, unit,
//! qualifier and printed precision. Numbers without a unit are kept as pending for the passes that
//! carry units across lists and ranges (`unit_pass`).

use crate::chinese::{self, ChineseNumber};
use crate::quantity::{Kind, PartialDate, Qualifier};
use crate::vocab::Vocabulary;
use regex::Regex;
use rust_decimal::Decimal;
use std::ops::Range;
use std::sync::LazyLock;

/// A number as scanned, before units are carried and dates get their years.
#[derive(Debug, Clone, PartialEq)]
pub struct Scanned {
    /// Byte span in the normalised text, qualifier words included.
    pub span: Range<usize>,
    /// Byte span of the number itself (for the connectors between numbers).
    pub core: Range<usize>,
    pub reading: Reading,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    Number {
        value: Decimal,
        /// Place of the last digit printed, magnitude applied (18.47亿: 0.01亿).
        place: Decimal,
        /// Place of the last non-zero digit (for 余/多: 30余 runs from 30 to 40).
        step: Decimal,
        /// The interval of an approximate form (三四个, 十几个), if any.
        range: Option<(Decimal, Decimal)>,
        /// A magnitude word (万, 亿…) was printed.
        magnitude: bool,
        /// `None` until a unit is read or carried.
        unit: Option<(String, Kind)>,
        /// 余/多 after the digits: the last place is open.
        open_place: bool,
        /// Chinese numeral written alone as 一 (an article more often than a count).
        lone_one: bool,
    },
    Date(PartialDate),
    Time {
        hour: u32,
        minute: u32,
    },
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|www\.)[!-~]+").expect("url pattern"));

/// Scans a normalised text; also returns the byte spans of numbers too large or too long to hold
/// (more than 20 integer digits, more than 28 digits in all, or magnitudes stacked past 10²⁴), which
/// are left unread.
pub fn scan_noting(text: &str, vocab: &Vocabulary) -> (Vec<Scanned>, Vec<Range<usize>>) {
    let scanner = Scanner::new(text, vocab);
    let found = scanner.run();
    let mut unreadable = scanner.unreadable.into_inner();
    unreadable.sort_by_key(|r| (r.start, r.end));
    unreadable.dedup_by(|b, a| b.start < a.end);
    (found, unreadable)
}

/// [`scan_noting`] over one part of a text (a story and what precedes it), with the text's offsets.
pub fn scan_noting_in(
    text: &str,
    part: Range<usize>,
    vocab: &Vocabulary,
) -> (Vec<Scanned>, Vec<Range<usize>>) {
    let (mut found, mut unreadable) = scan_noting(&text[part.clone()], vocab);
    let shift = |r: &mut Range<usize>| *r = r.start + part.start..r.end + part.start;
    for s in &mut found {
        shift(&mut s.span);
        shift(&mut s.core);
    }
    unreadable.iter_mut().for_each(shift);
    (found, unreadable)
}

struct Scanner<'a> {
    text: &'a str,
    chars: Vec<char>,
    offsets: Vec<usize>,
    vocab: &'a Vocabulary,
    /// Per character: inside a name, URL or ordinal where no quantity is read.
    excluded: Vec<bool>,
    /// Byte spans of numbers too large to hold, left unread.
    unreadable: std::cell::RefCell<Vec<Range<usize>>>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, vocab: &'a Vocabulary) -> Self {
        let (offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        let mut scanner = Scanner {
            text,
            chars,
            offsets,
            vocab,
            excluded: Vec::new(),
            unreadable: std::cell::RefCell::new(Vec::new()),
        };
        scanner.excluded = scanner.excluded_mask();
        scanner
    }

    /// Notes chars `start..end` as a number too large to read.
    fn note_unreadable(&self, start: usize, end: usize) {
        self.unreadable
            .borrow_mut()
            .push(self.byte(start)..self.byte(end.max(start + 1)));
    }

    fn byte(&self, i: usize) -> usize {
        self.offsets.get(i).copied().unwrap_or(self.text.len())
    }

    fn index_of_byte(&self, b: usize) -> usize {
        self.offsets.partition_point(|&o| o < b)
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn rest(&self, i: usize) -> &str {
        &self.text[self.byte(i)..]
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        self.rest(i).starts_with(word)
    }

    /// Character ranges (as char indices) where no quantity is read: names that look like numbers,
    /// URLs, ordinals (第二十二次).
    fn exclusions(&self) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for m in self
            .vocab
            .non_quantity_finder
            .find_overlapping_iter(self.text)
        {
            ranges.push(self.index_of_byte(m.start())..self.index_of_byte(m.end()));
        }
        for pattern in self
            .vocab
            .non_quantity_patterns
            .iter()
            .chain(std::iter::once(&*URL))
        {
            for m in pattern.find_iter(self.text) {
                ranges.push(self.index_of_byte(m.start())..self.index_of_byte(m.end()));
            }
        }
        for i in 0..self.chars.len() {
            if self.chars[i] == '第' {
                let len = self.chars[i + 1..]
                    .iter()
                    .take_while(|&&c| c.is_ascii_digit() || chinese::is_numeral(c))
                    .count();
                if len > 0 {
                    ranges.push(i..i + 1 + len);
                }
            }
        }
        ranges.sort_by_key(|r| r.start);
        ranges
    }

    fn excluded_mask(&self) -> Vec<bool> {
        let mut mask = vec![false; self.chars.len()];
        for range in self.exclusions() {
            for slot in
                &mut mask[range.start.min(self.chars.len())..range.end.min(self.chars.len())]
            {
                *slot = true;
            }
        }
        mask
    }

    fn run(&self) -> Vec<Scanned> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.chars.len() {
            if self.excluded[i] {
                i += 1;
                continue;
            }
            match self.read_at(i) {
                Some((mut found, next)) if next > i => {
                    for scanned in &mut found {
                        self.qualify_by_share_verb(scanned);
                    }
                    out.extend(found);
                    i = next;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Tries to read quantities starting at char `i`; returns them and the index after them.
    fn read_at(&self, i: usize) -> Option<(Vec<Scanned>, usize)> {
        let c = self.at(i)?;
        if c == '翻' {
            return self.doubling(i).map(|(q, n)| (vec![q], n));
        }
        if c == '半' || c == '一' || matches!(c, '过' | '逾' | '超' | '近') {
            if let Some(found) = self.half(i) {
                return Some(found);
            }
        }
        if self.starts(i, "百分之") || self.starts(i, "千分之") || self.starts(i, "负百分之")
        {
            return self.fraction_word(i).map(|(q, n)| (vec![q], n));
        }
        if c.is_ascii_digit() {
            let prev = i.checked_sub(1).and_then(|p| self.at(p));
            if prev.is_some_and(|p| p.is_ascii_digit() || p == '.') {
                return None;
            }
            if self.is_code(i) {
                let len = self.chars[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                return Some((Vec::new(), i + len));
            }
            return self.arabic(i);
        }
        if chinese::digit(c).is_some()
            || c == '十'
            || ((c == '几' || c == '数') && self.at(i + 1).is_some_and(chinese::is_numeral))
        {
            let prev = i.checked_sub(1).and_then(|p| self.at(p));
            if prev.is_some_and(chinese::is_numeral) {
                return None;
            }
            return self.chinese(i);
        }
        // (every character that starts no number comes here: a match, not a search of a string)
        if matches!(c, '上' | '过' | '超' | '逾' | '破')
            && self
                .at(i + 1)
                .is_some_and(|n| matches!(n, '百' | '千' | '万' | '亿'))
        {
            return self.order_of_magnitude(i);
        }
        None
    }

    /// An ASCII letter code: A03版, G20, 5G.
    fn is_code(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.at(p));
        let before_prev = i.checked_sub(2).and_then(|p| self.at(p));
        let end = i + self.chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let after = self.at(end);
        (prev.is_some_and(|p| p.is_ascii_alphabetic())
            && !before_prev.is_some_and(|p| p.is_ascii_alphabetic()))
            || after.is_some_and(|a| a.is_ascii_alphabetic())
    }

    fn arabic(&self, start: usize) -> Option<(Vec<Scanned>, usize)> {
        let (value, place, mut i) = self.decimal_digits(start)?;
        let negative = start > 0
            && self.at(start - 1) == Some('-')
            && !start
                .checked_sub(2)
                .and_then(|p| self.at(p))
                .is_some_and(|p| p.is_ascii_alphanumeric() || chinese::is_numeral(p));
        if self.at(i) == Some(':') && self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            return self.colon_form(start, value, place);
        }
        let step = last_nonzero_place(value, place);
        let number = Number {
            value,
            place,
            step,
            range: None,
            magnitude: false,
            chinese: false,
            digit_sequence: false,
            lone_one: false,
        };
        let begin = if negative { start - 1 } else { start };
        let (scanned, next) = self.after_number(begin, start, i, number, negative)?;
        i = next;
        Some((scanned, i))
    }

    /// Digits with an optional decimal part: value, place of the last digit, index after.
    fn decimal_digits(&self, start: usize) -> Option<(Decimal, Decimal, usize)> {
        let mut i = start;
        while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        let int_end = i;
        if self.at(i) == Some('.') && self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
            while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
        let digits = &self.text[self.byte(start)..self.byte(i)];
        let frac = if i > int_end { i - int_end - 1 } else { 0 };
        // more digits than a decimal holds exactly: unreadable, never misread
        if int_end - start > 20 || int_end - start + frac > 28 {
            self.note_unreadable(start, i);
            return None;
        }
        let value: Decimal = digits.parse().ok()?;
        let place = Decimal::new(1, frac as u32);
        Some((value, place, i))
    }

    /// `9:00` (a clock time) or `9.1:38.6:52.3` (a ratio of parts).
    fn colon_form(
        &self,
        start: usize,
        first: Decimal,
        first_place: Decimal,
    ) -> Option<(Vec<Scanned>, usize)> {
        let mut parts = vec![(start, first, first_place)];
        let mut i = self.decimal_digits(start)?.2;
        // `5.9:45.2： 48.9`: once two parts are read, a spaced (full-width) colon goes on
        let continues = |parts: &Vec<_>, c: Option<char>| {
            c == Some(':') || (c == Some('：') && parts.len() >= 2)
        };
        while continues(&parts, self.at(i)) && self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            let (v, p, next) = self.decimal_digits(i + 1)?;
            parts.push((i + 1, v, p));
            i = next;
        }
        let first_len = parts[1].0 - 1 - start;
        let second_len = i - parts[1].0;
        let is_time = parts.len() == 2
            && first_len <= 2
            && second_len == 2
            && first_place == Decimal::ONE
            && first <= Decimal::from(24)
            && parts[1].1 < Decimal::from(60);
        if is_time {
            let mut hour: u32 = first.try_into().ok()?;
            let minute: u32 = parts[1].1.try_into().ok()?;
            if hour < 12 && self.afternoon_before(start) {
                hour += 12;
            }
            let scanned = Scanned {
                span: self.byte(start)..self.byte(i),
                core: self.byte(start)..self.byte(i),
                reading: Reading::Time { hour, minute },
                qualifier: Qualifier::Exact,
            };
            return Some((vec![scanned], i));
        }
        let mut out = Vec::new();
        for (k, &(s, v, p)) in parts.iter().enumerate() {
            let end = parts.get(k + 1).map(|n| n.0 - 1).unwrap_or(i);
            let half = p / Decimal::TWO;
            out.push(Scanned {
                span: self.byte(s)..self.byte(end),
                core: self.byte(s)..self.byte(end),
                reading: Reading::Number {
                    value: v,
                    place: p,
                    step: p,
                    range: Some((v - half, v + half)),
                    magnitude: false,
                    unit: Some((":".to_string(), Kind::Ratio)),
                    open_place: false,
                    lone_one: false,
                },
                qualifier: Qualifier::Exact,
            });
        }
        Some((out, i))
    }

    /// `9时`, `下午3时30分`, `上午9点半`, `傍晚6时许`: a time of day. `N时` is one unless a word
    /// goes on (时间, 时期); `N点`, otherwise index points, only after a part of the day.
    fn time_of_day(
        &self,
        begin: usize,
        start: usize,
        i: usize,
        n: &Number,
    ) -> Option<(Scanned, usize)> {
        let marker = self.at(i)?;
        let hour: u32 = n.value.try_into().ok()?;
        if n.place != Decimal::ONE || hour > 24 || !matches!(marker, '时' | '点') {
            return None;
        }
        let next = self.at(i + 1);
        let (minute, end) = match self.small_number(i + 1) {
            Some((m, after))
                if m < 60 && self.at(after) == Some('分') && self.at(after + 1) != Some('钟') =>
            {
                (m, after + 1)
            }
            _ if next == Some('半') => (30, i + 2),
            _ => (0, i + 1),
        };
        let day_part = self.day_part_before(begin);
        let timed = minute > 0 || day_part.is_some();
        let goes_on =
            next.is_some_and(|c| "间期代候节段任尚光装空速效事势辰令差机针刻".contains(c));
        match marker {
            '时' if goes_on && !timed => return None,
            '点' if !timed => return None,
            _ => {}
        }
        let mut hour = hour;
        if hour < 12
            && (day_part == Some(true) || (day_part.is_none() && self.afternoon_before(start)))
        {
            hour += 12;
        }
        let mut scanned = Scanned {
            span: self.byte(begin)..self.byte(end),
            core: self.byte(start)..self.byte(end),
            reading: Reading::Time { hour, minute },
            qualifier: Qualifier::Exact,
        };
        // 9时许: about nine
        let end = if self.at(end) == Some('许') {
            scanned.qualifier = Qualifier::About;
            scanned.span.end = self.byte(end + 1);
            end + 1
        } else {
            self.qualify(begin, end, &mut scanned)
        };
        Some((scanned, end))
    }

    /// A part of the day right before a time (`下午3时`, `晚上8点`): `Some(true)` after noon.
    fn day_part_before(&self, begin: usize) -> Option<bool> {
        const PARTS: [(&str, bool); 14] = [
            ("上午", false),
            ("早上", false),
            ("早晨", false),
            ("清晨", false),
            ("凌晨", false),
            ("中午", false),
            ("下午", true),
            ("午后", true),
            ("傍晚", true),
            ("晚上", true),
            ("晚间", true),
            ("夜间", true),
            ("当晚", true),
            ("今晚", true),
        ];
        // `下午3时`, `晚上约8时`, `当日下午的3时`: the part may stand a word away
        let from = begin.saturating_sub(3);
        let before: String = self.chars[from..begin].iter().collect();
        PARTS
            .iter()
            .filter_map(|(w, pm)| before.rfind(w).map(|at| (at, *pm)))
            .max_by_key(|(at, _)| *at)
            .map(|(_, pm)| pm)
    }

    /// Is the clock time at `i` in the afternoon: the last 上午/下午 marker in its sentence?
    fn afternoon_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            let c = self.chars[k];
            if c == '。' || c == '\n' {
                return false;
            }
            if k >= 1 {
                let two: String = self.chars[k - 1..=k].iter().collect();
                match two.as_str() {
                    "下午" | "晚上" | "傍晚" => return true,
                    "上午" | "早上" | "凌晨" | "清晨" | "中午" => return false,
                    _ => {}
                }
            }
        }
        false
    }

    fn chinese(&self, start: usize) -> Option<(Vec<Scanned>, usize)> {
        let n: ChineseNumber = chinese::parse(&self.chars[start..])?;
        if n.too_large {
            self.note_unreadable(start, start + n.len);
            return Some((Vec::new(), start + n.len));
        }
        let lone_one = n.len == 1 && self.at(start) == Some('一');
        let magnitude = self.chars[start..start + n.len]
            .iter()
            .any(|&c| c == '万' || c == '亿');
        let step = if n.range.is_some() {
            n.place
        } else {
            last_nonzero_place(n.value, n.place)
        };
        let number = Number {
            value: n.value,
            place: n.place,
            step,
            range: n.range,
            magnitude,
            chinese: true,
            digit_sequence: n.digit_sequence,
            lone_one,
        };
        let negative = start > 0 && self.at(start - 1) == Some('负');
        let begin = if negative { start - 1 } else { start };
        self.after_number(begin, start, start + n.len, number, negative)
    }

    /// 上百, 上千, 上万: at least that order of magnitude, and less than ten times it. 过亿元,
    /// 超万人, 破千万元: more than it (said only before a unit).
    fn order_of_magnitude(&self, start: usize) -> Option<(Vec<Scanned>, usize)> {
        let (unit, len) = magnitude_at(&self.chars[start + 1..])?;
        let passed = self.at(start) != Some('上');
        if passed && self.vocab.unit_at(self.rest(start + 1 + len)).is_none() {
            return None;
        }
        let number = Number {
            value: unit,
            place: unit,
            step: unit * Decimal::from(9),
            range: None,
            magnitude: true,
            chinese: true,
            digit_sequence: false,
            lone_one: false,
        };
        let (mut found, next) =
            self.after_number(start, start + 1, start + 1 + len, number, false)?;
        for scanned in &mut found {
            if let Reading::Number { open_place, .. } = &mut scanned.reading {
                *open_place = !passed;
            }
            scanned.qualifier = Qualifier::MoreThan;
        }
        Some((found, next))
    }

    /// 半数, 一半 (half: 50%, read as loosely as 五成), and 过半, 逾半, 超半, 近半 (a bound at half).
    /// 半年, 过半百, 一半个 and 另一半 are other words.
    fn half(&self, start: usize) -> Option<(Vec<Scanned>, usize)> {
        let c = self.at(start)?;
        let (word_start, qualifier) = match c {
            '过' | '逾' | '超' => (start + 1, Qualifier::MoreThan),
            '近' => (start + 1, Qualifier::Nearly),
            _ => (start, Qualifier::Exact),
        };
        let end = if self.starts(word_start, "半数") || self.starts(word_start, "一半") {
            word_start + 2
        } else if qualifier != Qualifier::Exact && self.at(word_start) == Some('半') {
            // 过半数 reads on as 过半 + 数
            word_start + 1 + usize::from(self.at(word_start + 1) == Some('数'))
        } else {
            return None;
        };
        let time_or_count = self
            .at(end)
            .is_some_and(|n| "年月天日小时个点场旬晌夜百价路径身边壁".contains(n));
        let other_half = start
            .checked_sub(1)
            .and_then(|p| self.at(p))
            .is_some_and(|p| "另多大".contains(p));
        if time_or_count || other_half {
            return None;
        }
        let (value, place) = (Decimal::from(50), Decimal::TEN);
        let half_place = place / Decimal::TWO;
        let mut scanned = Scanned {
            span: self.byte(start)..self.byte(end),
            core: self.byte(word_start)..self.byte(end),
            reading: Reading::Number {
                value,
                place,
                step: place,
                range: Some((value - half_place, value + half_place)),
                magnitude: false,
                unit: Some(("%".to_string(), Kind::Percent)),
                open_place: false,
                lone_one: false,
            },
            qualifier,
        };
        let end = self.qualify(start, end, &mut scanned);
        Some((vec![scanned], end))
    }

    /// 翻一番, 翻了两番: doubling n times.
    fn doubling(&self, start: usize) -> Option<(Scanned, usize)> {
        let mut i = start + 1;
        if self.at(i) == Some('了') {
            i += 1;
        }
        let times = chinese::digit(self.at(i)?)?;
        if self.at(i + 1) != Some('番') || times == 0 || times > 5 {
            return None;
        }
        let factor = Decimal::from(1u64 << times);
        let end = i + 2;
        Some((
            Scanned {
                span: self.byte(start)..self.byte(end),
                core: self.byte(i)..self.byte(i + 1),
                reading: Reading::Number {
                    value: factor,
                    place: Decimal::ONE,
                    step: Decimal::ONE,
                    range: Some((factor, factor)),
                    magnitude: false,
                    unit: Some(("倍".to_string(), Kind::Multiple)),
                    open_place: false,
                    lone_one: false,
                },
                qualifier: Qualifier::Exact,
            },
            end,
        ))
    }

    /// 百分之二十, 千分之三, 负百分之四十, 百分之12.5.
    fn fraction_word(&self, start: usize) -> Option<(Scanned, usize)> {
        let negative = self.at(start) == Some('负');
        let word_start = if negative { start + 1 } else { start };
        let per_mille = self.at(word_start) == Some('千');
        let i = word_start + 3;
        let (value, place, end) = if self.at(i).is_some_and(|c| c.is_ascii_digit()) {
            self.decimal_digits(i)?
        } else {
            let n = chinese::parse(&self.chars[i..]).filter(|n| !n.too_large)?;
            (n.value, n.place, i + n.len)
        };
        let (unit, kind) = if per_mille {
            ("‰", Kind::Ratio)
        } else {
            ("%", Kind::Percent)
        };
        let value = if negative { -value } else { value };
        let half = place / Decimal::TWO;
        let mut scanned = Scanned {
            span: self.byte(start)..self.byte(end),
            core: self.byte(i)..self.byte(end),
            reading: Reading::Number {
                value,
                place,
                step: place,
                range: Some((value - half, value + half)),
                magnitude: false,
                unit: Some((unit.to_string(), kind)),
                open_place: false,
                lone_one: false,
            },
            qualifier: Qualifier::Exact,
        };
        let end = self.qualify(start, end, &mut scanned);
        Some((scanned, end))
    }

    /// Reads what follows the digits: magnitude, 余/多, unit (or date parts), 半, suffix qualifiers;
    /// and the prefix qualifier before `begin`.
    fn after_number(
        &self,
        begin: usize,
        start: usize,
        mut i: usize,
        mut n: Number,
        negative: bool,
    ) -> Option<(Vec<Scanned>, usize)> {
        let mut open_place = false;
        // 千瓦时 and 百分点 are units, not magnitudes
        let unit_here = self.vocab.unit_at(self.rest(i));
        if !n.chinese && unit_here.is_none_or(|(u, _)| !u.starts_with(['千', '百', '万', '亿']))
        {
            i += n.apply_magnitude(&self.chars[i..]);
            // 1亿2356万5000元: each smaller place in turn
            loop {
                let taken = n.add_lower_magnitude(&self.chars[i..]);
                if taken == 0 {
                    break;
                }
                i += taken;
            }
        }
        if self.open_place_at(i, !n.chinese) {
            open_place = true;
            i += 1;
            i += n.apply_magnitude(&self.chars[i..]);
        }
        // 1亿亿亿: magnitudes stacked past 万亿 name no figure
        let stacked = n.magnitude && !n.chinese && self.at(i) == Some('亿');
        if n.too_large() || stacked {
            // 99999999999999999999亿亿: more than a figure can be; the whole run stays unread
            while self
                .at(i)
                .is_some_and(|c| chinese::is_numeral(c) || c.is_ascii_digit())
            {
                i += 1;
            }
            self.note_unreadable(start, i);
            return Some((Vec::new(), i));
        }
        if self.starts(i, "分之") {
            return self.fraction_of(begin, start, i, &n);
        }
        if !n.magnitude && !open_place && n.range.is_none() {
            if let Some((found, next)) = self.date_or_duration(begin, start, i, &n) {
                // 一年来, 一天里: a lone 一 before a time word is an article
                let article = n.lone_one && matches!(&found.reading, Reading::Number { .. });
                return Some((if article { Vec::new() } else { vec![found] }, next));
            }
        }
        if !n.magnitude && !open_place && n.range.is_none() && !negative {
            if let Some((found, next)) = self.time_of_day(begin, start, i, &n) {
                return Some((vec![found], next));
            }
        }
        let mut unit: Option<(String, Kind)> = None;
        if open_place && self.at(i) == Some('年') {
            // 两千多年, 30多年: a span of years
            unit = Some(("年".to_string(), Kind::Duration));
            i += 1;
        } else if let Some((u, end)) = self.great_count(i, &n) {
            unit = Some((u, Kind::Count));
            i = end;
        } else if let Some((u, kind)) = self.vocab.unit_at(self.rest(i)) {
            unit = Some((u.to_string(), kind));
            i += u.chars().count();
        } else if self.at(i) == Some('成') && self.percent_tenths_ok(i, &n) {
            n.value *= Decimal::TEN;
            n.place *= Decimal::TEN;
            n.step *= Decimal::TEN;
            n.range = n.range.map(|(a, b)| (a * Decimal::TEN, b * Decimal::TEN));
            unit = Some(("%".to_string(), Kind::Percent));
            i += 1;
        } else if self.at(i) == Some('%') {
            unit = Some(("%".to_string(), Kind::Percent));
            i += 1;
        }
        // 3年余: only 余 opens the last place after a unit (多 there starts another word)
        // (余震, 余额, 余款 are words of their own)
        let word_of_its_own = self
            .at(i + 1)
            .is_some_and(|c| "震额款粮量热温波生".contains(c));
        if !open_place && unit.is_some() && self.at(i) == Some('余') && !word_of_its_own {
            open_place = true;
            i += 1;
        }
        if self.at(i) == Some('半')
            && unit
                .as_ref()
                .is_some_and(|(_, k)| matches!(k, Kind::Duration | Kind::Percent))
        {
            let half = if unit.as_ref().is_some_and(|(u, _)| u == "%") {
                Decimal::from(5)
            } else {
                Decimal::new(5, 1)
            };
            n.value += half;
            n.place = half;
            n.step = half;
            i += 1;
        }
        if n.lone_one && !n.magnitude {
            let counted = unit.as_ref().is_some_and(|(u, k)| {
                *k == Kind::Percent || self.vocab.counted_one.iter().any(|c| c == u)
            });
            let determiner = start > 0
                && self
                    .at(start - 1)
                    .is_some_and(|p| "这那每又另某任哪同唯其之统逐单".contains(p));
            if !counted || determiner {
                return Some((Vec::new(), i));
            }
        }
        if unit.is_none() && n.chinese && !n.magnitude && !open_place {
            return None;
        }
        if negative {
            n.value = -n.value;
            n.range = n.range.map(|(a, b)| (-b, -a));
        }
        let mut scanned = Scanned {
            span: self.byte(begin)..self.byte(i),
            core: self.byte(start)..self.byte(i),
            reading: Reading::Number {
                value: n.value,
                place: n.place,
                step: n.step,
                range: n.range,
                magnitude: n.magnitude,
                unit,
                open_place,
                lone_one: n.lone_one,
            },
            qualifier: if open_place {
                Qualifier::MoreThan
            } else if n.range.is_some() {
                Qualifier::About
            } else {
                Qualifier::Exact
            },
        };
        let end = self.qualify(begin, i, &mut scanned);
        Some((vec![scanned], end))
    }

    fn open_place_at(&self, i: usize, after_digits: bool) -> bool {
        let Some(c) = self.at(i) else { return false };
        if !self.vocab.open_place.iter().any(|w| w.starts_with(c)) {
            return false;
        }
        // 多 must not start another word: 多家 is fine, 多元 / 多样 / 多措 are not numbers; after
        // Arabic digits no such word starts (50多元, 50多项)
        if c == '多' && after_digits {
            let next = self.at(i + 1);
            return next.is_none_or(|n| !"样措方举维彩少数".contains(n));
        }
        if c == '多' {
            let next = self.at(i + 1);
            return next.is_none_or(|n| !chinese::is_numeral(n) || n == '万' || n == '亿')
                && !next.is_some_and(|n| {
                    "元样措种方项措举维彩少数".contains(n)
                        && self
                            .vocab
                            .unit_at(&n.to_string())
                            .is_none_or(|_| n == '元' || n == '种' || n == '项')
                });
        }
        true
    }

    /// `三大类`, `十大新闻`, `五大产业`: a Chinese count of named things, 大 its measure word (a
    /// measure word after it joins: 大类). Congress names (十九大) are non-quantities in the
    /// vocabulary; 一大 is an article (一大早, 一大批).
    fn great_count(&self, i: usize, n: &Number) -> Option<(String, usize)> {
        if !n.chinese || n.lone_one || n.magnitude || n.range.is_some() || self.at(i) != Some('大')
        {
            return None;
        }
        if n.value < Decimal::TWO || n.value > Decimal::TEN || n.place != Decimal::ONE {
            return None;
        }
        let next = self
            .at(i + 1)
            .filter(|&c| factcheck_text::chars::is_han(c))?;
        // 大于, 大约, 大多, 大学…: 大 starts another word
        if "于约概量多都学会家型批部".contains(next) {
            return None;
        }
        // `六大产业增加值83亿元`: a group whose figure follows in the clause is named, not counted
        let figure_follows = self.chars[i + 1..]
            .iter()
            .take(30)
            .take_while(|c| !"，。；：！？\n".contains(**c))
            .any(|c| c.is_ascii_digit());
        if figure_follows {
            return None;
        }
        // only a measure word that starts no noun (两大市场 is not 两大市)
        if "类项门块".contains(next) {
            return Some((format!("大{next}"), i + 2));
        }
        Some(("大".to_string(), i + 1))
    }

    /// 三成 is 30%, but 一成果 (a dash read as 一) is not.
    fn percent_tenths_ok(&self, i: usize, n: &Number) -> bool {
        if n.value > Decimal::TEN || n.place < Decimal::ONE {
            return false;
        }
        // words that begin with 成 (成果, 成功, 成为…) and the idiom 一成不变
        !self
            .at(i + 1)
            .is_some_and(|c| "果功为立本员熟绩交长效就型品都群片套规年份分像色不".contains(c))
    }

    /// 三分之一: the denominator was read, `i` is at 分之.
    fn fraction_of(
        &self,
        begin: usize,
        start: usize,
        i: usize,
        denominator: &Number,
    ) -> Option<(Vec<Scanned>, usize)> {
        let j = i + 2;
        let (numerator, end) = if self.at(j)?.is_ascii_digit() {
            let (v, _, end) = self.decimal_digits(j)?;
            (v, end)
        } else {
            let n = chinese::parse(&self.chars[j..])?;
            (n.value, j + n.len)
        };
        if denominator.value.is_zero() {
            return None;
        }
        let value = numerator / denominator.value;
        let scanned = Scanned {
            span: self.byte(begin)..self.byte(end),
            core: self.byte(start)..self.byte(end),
            reading: Reading::Number {
                value,
                place: Decimal::ONE,
                step: Decimal::ONE,
                range: Some((value, value)),
                magnitude: false,
                unit: Some((String::new(), Kind::Ratio)),
                open_place: false,
                lone_one: false,
            },
            qualifier: Qualifier::Exact,
        };
        Some((vec![scanned], end))
    }

    /// Adds the prefix qualifier before `begin` and the suffix qualifier at `end`; returns the new end.
    fn qualify(&self, begin: usize, end: usize, scanned: &mut Scanned) -> usize {
        let mut end = end;
        // (a word can only start with the character at `end`)
        let next = self.at(end);
        for (word, qualifier) in &self.vocab.suffixes {
            if word.chars().next().is_some_and(|c| Some(c) != next) {
                continue;
            }
            if self.starts(end, word) {
                scanned.qualifier = *qualifier;
                end += word.chars().count();
                break;
            }
        }
        if scanned.qualifier == Qualifier::Exact || scanned.qualifier == Qualifier::About {
            if let Some((word, qualifier)) = self.prefix_before(begin) {
                scanned.qualifier = qualifier;
                scanned.span.start = self.byte(begin - word);
            }
        }
        scanned.span.end = self.byte(end);
        end
    }

    /// `约占全市的三成`, `将近占了总数的一半`: a share whose verb carries the qualifier is as
    /// loose as one that carries it itself.
    fn qualify_by_share_verb(&self, scanned: &mut Scanned) {
        let percent = matches!(
            &scanned.reading,
            Reading::Number {
                unit: Some((_, Kind::Percent)),
                ..
            }
        );
        if !percent || scanned.qualifier != Qualifier::Exact {
            return;
        }
        let begin = self.index_of_byte(scanned.span.start);
        // back over the whole's name (Han words, 的, 了) to the verb 占
        let verb = (begin.saturating_sub(24)..begin)
            .rev()
            .take_while(|&k| self.at(k).is_some_and(factcheck_text::chars::is_han))
            .find(|&k| self.at(k) == Some('占'));
        let Some(verb) = verb else {
            return;
        };
        if let Some((_, qualifier)) = self.prefix_before(verb) {
            if matches!(qualifier, Qualifier::About | Qualifier::Nearly) {
                scanned.qualifier = qualifier;
            }
        }
    }

    /// The qualifier word ending right before `begin`, unless it is part of another word (最近, 节约).
    fn prefix_before(&self, begin: usize) -> Option<(usize, Qualifier)> {
        // only a word that ends in the character before `begin` can end there (most end in none)
        let last = begin.checked_sub(1).and_then(|p| self.at(p));
        for (word, qualifier) in &self.vocab.prefixes {
            if word.chars().next_back().is_some_and(|c| Some(c) != last) {
                continue;
            }
            let len = word.chars().count();
            if begin < len {
                continue;
            }
            let from = begin - len;
            if !self.starts(from, word) {
                continue;
            }
            let before = from.checked_sub(1).and_then(|p| self.at(p));
            let bound = match word.as_str() {
                "近" => "最附靠临就亲将接",
                "约" => "制签节邀预公条合违履爽大",
                "超" => "赶高",
                "破" => "打冲爆击攻突识",
                _ => "",
            };
            if before.is_some_and(|b| bound.contains(b)) {
                continue;
            }
            return Some((len, *qualifier));
        }
        None
    }

    /// Dates (2024年10月28日, 10月28日, 28日, 2024年底) and durations written with 年/日 (7年, 为期5日).
    fn date_or_duration(
        &self,
        begin: usize,
        start: usize,
        i: usize,
        n: &Number,
    ) -> Option<(Scanned, usize)> {
        let c = self.at(i)?;
        let integer = n.place >= Decimal::ONE;
        let as_u32 = |d: Decimal| -> Option<u32> { d.try_into().ok() };
        match c {
            '年' => {
                let next = self.at(i + 1);
                if matches!(
                    next,
                    Some(
                        '代' | '级'
                            | '龄'
                            | '纪'
                            | '薪'
                            | '均'
                            | '息'
                            | '利'
                            | '化'
                            | '报'
                            | '鉴'
                            | '会'
                            | '检'
                            | '审'
                    )
                ) {
                    return None;
                }
                let four_digits = !n.chinese
                    && integer
                    && (1000..=2999).contains(&as_u32(n.value).unwrap_or(0))
                    && (i - start) == 4;
                // 08年度: a year of this century printed short; no span of years opens with 0
                let short_year =
                    !n.chinese && integer && (i - start) == 2 && self.at(start) == Some('0');
                if (four_digits || short_year || n.digit_sequence) && !self.years_long(begin, i, n)
                {
                    let year = as_u32(n.value)? as i32;
                    let mut date = PartialDate {
                        year: Some(if short_year { 2000 + year } else { year }),
                        ..PartialDate::default()
                    };
                    let mut j = i + 1;
                    match self.at(j) {
                        Some('底' | '末') => {
                            date.month = Some(12);
                            date.day = Some(31);
                            j += 1;
                        }
                        // 年中 is mid-year only where no word goes on (2021年中央 is 中央)
                        Some('中')
                            if self.at(j + 1).is_some_and(|c| {
                                factcheck_text::chars::is_han(c) && !"以时前后的".contains(c)
                            }) => {}
                        Some('初' | '中' | '度') => j += 1,
                        _ => {
                            if let Some((month, day, end)) = self.month_day(j) {
                                date.month = Some(month);
                                date.day = day;
                                j = end;
                            }
                        }
                    }
                    return Some((self.date(begin, start, j, date), j));
                }
                if integer || n.place < Decimal::ONE {
                    return Some(self.duration(begin, start, i + 1, n, "年"));
                }
                None
            }
            '月' => {
                let month = as_u32(n.value)?;
                if !(1..=12).contains(&month) || !integer {
                    return None;
                }
                let mut j = i + 1;
                if self.at(j) == Some('份') {
                    j += 1;
                }
                let mut date = PartialDate {
                    month: Some(month),
                    ..PartialDate::default()
                };
                if let Some((day, end)) = self.day(j) {
                    date.day = Some(day);
                    j = end;
                }
                Some((self.date(begin, start, j, date), j))
            }
            '日' | '号' => {
                let day = as_u32(n.value)?;
                if !integer || !(1..=31).contains(&day) {
                    return None;
                }
                if c == '号' && self.at(i + 1).is_some_and(factcheck_text::chars::is_han) {
                    return None;
                }
                let lead = self.vocab.duration_lead.iter().any(|w| {
                    let len = w.chars().count();
                    begin >= len && self.starts(begin - len, w)
                });
                if lead || self.at(i + 1) == Some('内') {
                    return Some(self.duration(begin, start, i + 1, n, "天"));
                }
                let date = PartialDate {
                    day: Some(day),
                    ..PartialDate::default()
                };
                Some((self.date(begin, start, i + 1, date), i + 1))
            }
            _ => None,
        }
    }

    /// `建城2500年`, `1000年来`, `2000年的历史`: four digits before 年 that count years. A year
    /// past 2100 is read as a span of years too: copy names no dates that far ahead.
    fn years_long(&self, begin: usize, i: usize, n: &Number) -> bool {
        let lead = self.vocab.duration_lead.iter().any(|w| {
            let len = w.chars().count();
            begin >= len && self.starts(begin - len, w)
        });
        // 自2019年来 is a year, 2500年来 a span
        let since = begin > 0 && self.at(begin - 1).is_some_and(|c| "自从以".contains(c));
        let after = ["之久", "历史", "的历史"]
            .iter()
            .any(|w| self.starts(i + 1, w))
            || (self.starts(i + 1, "来") && !since);
        lead || after || n.value > Decimal::from(2100)
    }

    /// `10月28日` starting at `j`: month, optional day, index after.
    fn month_day(&self, j: usize) -> Option<(u32, Option<u32>, usize)> {
        let (month, after) = self.small_number(j)?;
        if self.at(after) != Some('月') || !(1..=12).contains(&month) {
            return None;
        }
        let mut end = after + 1;
        let day = self.day(end).map(|(d, e)| {
            end = e;
            d
        });
        Some((month, day, end))
    }

    fn day(&self, j: usize) -> Option<(u32, usize)> {
        let (day, after) = self.small_number(j)?;
        let marker = self.at(after)?;
        // after a month, 号 is the day even before a verb (7月30号发表), unless a word that
        // numbers something else goes on (5月1号线, 3月8号文件)
        let is_day = marker == '日'
            || (marker == '号'
                && !self
                    .at(after + 1)
                    .is_some_and(|c| "线楼院文令码称角牌机馆门车位种球选房台公决".contains(c)));
        (is_day && (1..=31).contains(&day)).then_some((day, after + 1))
    }

    /// A small whole number in Arabic or Chinese digits at `j`.
    fn small_number(&self, j: usize) -> Option<(u32, usize)> {
        if self.at(j)?.is_ascii_digit() {
            let len = self.chars[j..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let value: u32 = self.text[self.byte(j)..self.byte(j + len)].parse().ok()?;
            return Some((value, j + len));
        }
        let n = chinese::parse(&self.chars[j..])?;
        Some((n.value.try_into().ok()?, j + n.len))
    }

    fn date(&self, begin: usize, start: usize, end: usize, date: PartialDate) -> Scanned {
        Scanned {
            span: self.byte(begin)..self.byte(end),
            core: self.byte(start)..self.byte(end),
            reading: Reading::Date(date),
            qualifier: Qualifier::Exact,
        }
    }

    fn duration(
        &self,
        begin: usize,
        start: usize,
        end: usize,
        n: &Number,
        unit: &str,
    ) -> (Scanned, usize) {
        let mut end = end;
        let mut value = n.value;
        let mut place = n.place;
        if self.at(end) == Some('半') {
            value += Decimal::new(5, 1);
            place = Decimal::new(5, 1);
            end += 1;
        }
        let mut scanned = Scanned {
            span: self.byte(begin)..self.byte(end),
            core: self.byte(start)..self.byte(end),
            reading: Reading::Number {
                value,
                place,
                step: n.step,
                range: n.range,
                magnitude: false,
                unit: Some((unit.to_string(), Kind::Duration)),
                open_place: false,
                lone_one: n.lone_one,
            },
            qualifier: Qualifier::Exact,
        };
        let end = self.qualify(begin, end, &mut scanned);
        (scanned, end)
    }
}

/// A number being read: value and precision, scaled as magnitude words are met.
#[derive(Debug, Clone)]
struct Number {
    value: Decimal,
    place: Decimal,
    step: Decimal,
    range: Option<(Decimal, Decimal)>,
    magnitude: bool,
    chinese: bool,
    digit_sequence: bool,
    lone_one: bool,
}

impl Number {
    /// Applies a magnitude word at the start of `chars`; returns the characters it took.
    fn apply_magnitude(&mut self, chars: &[char]) -> usize {
        let Some((factor, len)) = magnitude_at(chars) else {
            return 0;
        };
        let scaled = |v: Decimal| v.checked_mul(factor).unwrap_or(Decimal::MAX);
        self.value = scaled(self.value);
        self.place = scaled(self.place);
        self.step = scaled(self.step);
        self.magnitude = true;
        len
    }

    /// `3亿1864万`, `2万3千`: whole digits and a smaller magnitude right after a whole number of a
    /// larger one are the same figure, read to the smaller place. Returns the characters taken.
    fn add_lower_magnitude(&mut self, chars: &[char]) -> usize {
        let whole = self.magnitude && self.range.is_none() && self.step == self.place;
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        if !whole || digits == 0 || digits > 4 {
            return 0;
        }
        let Some((factor, len)) = magnitude_at(&chars[digits..]).or_else(|| {
            // 58万4236人: four digits below 万 end the figure in units (not 3万2019年, a year)
            let next = chars.get(digits).copied();
            (self.place == Decimal::from(10_000)
                && digits == 4
                && next.is_none_or(|c| !c.is_ascii_digit() && !"年月日号时.．".contains(c)))
            .then_some((Decimal::ONE, 0))
        }) else {
            return 0;
        };
        let tail: String = chars[..digits].iter().collect();
        let Some(added) = tail
            .parse::<Decimal>()
            .ok()
            .and_then(|d| d.checked_mul(factor))
        else {
            return 0;
        };
        // the tail must fit below the larger place (3亿1864万, not 3万5亿)
        if factor >= self.place || added >= self.place {
            return 0;
        }
        let Some(value) = self.value.checked_add(added) else {
            return 0;
        };
        self.value = value;
        self.place = factor;
        self.step = factor;
        // printed down to the units, the figure is as exact as any whole number
        self.magnitude = factor > Decimal::ONE;
        digits + len
    }

    /// Past what a figure can be (see [`chinese::readable_limit`]).
    fn too_large(&self) -> bool {
        let limit = chinese::readable_limit();
        self.value.abs() > limit
            || self.place.abs() > limit
            || self
                .range
                .is_some_and(|(a, b)| a.abs() > limit || b.abs() > limit)
    }
}

/// The magnitude word at the start of `chars`: 万亿, 亿, 千万, 百万, 万, 千, 百.
pub(crate) fn magnitude_at(chars: &[char]) -> Option<(Decimal, usize)> {
    let pow = |e: u32| Decimal::from(10u64.pow(e));
    let first = *chars.first()?;
    let second = chars.get(1).copied();
    Some(match (first, second) {
        ('万', Some('亿')) => (pow(12), 2),
        ('千', Some('亿')) => (pow(11), 2),
        ('百', Some('亿')) => (pow(10), 2),
        ('十', Some('亿')) => (pow(9), 2),
        ('千', Some('万')) => (pow(7), 2),
        ('百', Some('万')) => (pow(6), 2),
        ('十', Some('万')) => (pow(5), 2),
        ('亿', _) => (pow(8), 1),
        ('万', _) => (pow(4), 1),
        ('千', _) => (pow(3), 1),
        ('百', Some(c)) if c != '分' => (pow(2), 1),
        _ => return None,
    })
}

/// The place of the last non-zero digit of an integer part (4700 → 100); the printed place for
/// decimals.
fn last_nonzero_place(value: Decimal, place: Decimal) -> Decimal {
    if place < Decimal::ONE || value.is_zero() {
        return place;
    }
    let mut step = place;
    let mut v = value.abs() / place;
    while (v % Decimal::TEN).is_zero() && !v.is_zero() {
        v /= Decimal::TEN;
        step *= Decimal::TEN;
    }
    step
}
