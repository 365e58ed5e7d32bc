//! Chinese numerals: 一千二百, 两万, 十二, 三千五百万, 一万五千亿, 零点五, 二〇二四, and the
//! approximate forms 三四个, 十几个, 数十家, 二三十.

use rust_decimal::Decimal;

/// A Chinese numeral read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ChineseNumber {
    pub value: Decimal,
    /// The place of the last digit written, as for the same number in Arabic digits
    /// (三千五百万 reads like 3500万: ten thousand).
    pub place: Decimal,
    /// Characters consumed.
    pub len: usize,
    /// For approximate forms, the range they name.
    pub range: Option<(Decimal, Decimal)>,
    /// Written digit by digit (二〇二四), as years are.
    pub digit_sequence: bool,
    /// Too large to hold (stacked magnitudes such as 一亿亿亿亿): the value is unreadable and `len`
    /// covers every numeral character of the run.
    pub too_large: bool,
}

/// The largest value a numeral may name: beyond it sums and products of printed figures could no
/// longer be held exactly, so a larger number is unreadable (no newspaper prints one).
pub fn readable_limit() -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(24), 0)
}

/// A run of numeral characters too large to read.
fn too_large(chars: &[char]) -> ChineseNumber {
    ChineseNumber {
        value: Decimal::ZERO,
        place: Decimal::ONE,
        len: chars
            .iter()
            .take_while(|&&c| is_numeral(c) || c == '点')
            .count()
            .max(1),
        range: None,
        digit_sequence: false,
        too_large: true,
    }
}

pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<Decimal> {
    Some(match c {
        '万' => Decimal::from(10_000),
        '亿' => Decimal::from(100_000_000),
        _ => return None,
    })
}

pub fn is_numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// Reads a Chinese numeral at the start of `chars`.
pub fn parse(chars: &[char]) -> Option<ChineseNumber> {
    if let Some(n) = digit_sequence(chars) {
        return Some(n);
    }
    if let Some(n) = approximate(chars) {
        return Some(n);
    }
    standard(chars)
}

/// 二〇二四 before 年: digits written one by one.
fn digit_sequence(chars: &[char]) -> Option<ChineseNumber> {
    let len = chars
        .iter()
        .take_while(|&&c| digit(c).is_some() && c != '两')
        .count();
    // a year has at most four digits (二〇二四年); a longer run is no year
    if !(2..=4).contains(&len) || chars.get(len) != Some(&'年') {
        return None;
    }
    let value = chars[..len]
        .iter()
        .fold(0i64, |acc, &c| acc * 10 + digit(c).unwrap_or(0) as i64);
    Some(ChineseNumber {
        value: Decimal::from(value),
        place: Decimal::ONE,
        len,
        range: None,
        digit_sequence: true,
        too_large: false,
    })
}

/// 三四个, 二三十, 七八成, 十几, 几十, 数百.
fn approximate(chars: &[char]) -> Option<ChineseNumber> {
    let first = *chars.first()?;
    // 几十 / 数十 / 数百 / 几千 / 数万
    if matches!(first, '几' | '数') {
        let unit = chars
            .get(1)
            .and_then(|&c| small_unit(c).map(Decimal::from).or_else(|| big_unit(c)))?;
        let (mut len, mut unit) = (2, unit);
        if let Some(big) = chars.get(2).and_then(|&c| big_unit(c)) {
            unit *= big;
            len = 3;
        }
        let (lo, hi) = (unit * Decimal::from(2), unit * Decimal::from(9));
        return Some(ChineseNumber {
            value: (lo + hi) / Decimal::TWO,
            place: unit,
            len,
            range: Some((lo, hi)),
            digit_sequence: false,
            too_large: false,
        });
    }
    // 十几
    if first == '十' && chars.get(1) == Some(&'几') {
        let (lo, hi) = (Decimal::from(11), Decimal::from(19));
        return Some(ChineseNumber {
            value: Decimal::from(15),
            place: Decimal::ONE,
            len: 2,
            range: Some((lo, hi)),
            digit_sequence: false,
            too_large: false,
        });
    }
    // two neighbouring digits: 三四, 一两, 七八
    let (a, b) = (digit(first)?, digit(*chars.get(1)?)?);
    let neighbours = b == a + 1 || (first == '一' && chars[1] == '两');
    if !neighbours || a == 0 {
        return None;
    }
    let mut unit = Decimal::ONE;
    let mut len = 2;
    if let Some(u) = chars.get(2).and_then(|&c| small_unit(c)) {
        unit = Decimal::from(u);
        len = 3;
    }
    if let Some(big) = chars.get(len).and_then(|&c| big_unit(c)) {
        unit *= big;
        len += 1;
    }
    let (lo, hi) = (Decimal::from(a) * unit, Decimal::from(b) * unit);
    Some(ChineseNumber {
        value: (lo + hi) / Decimal::TWO,
        place: unit,
        len,
        range: Some((lo, hi)),
        digit_sequence: false,
        too_large: false,
    })
}

/// The positional reading: sections of 十/百/千 grouped by 万 and 亿, with 点 for decimals and the
/// colloquial elision of the last unit (三千五 = 3500, 一万五 = 15000).
fn standard(chars: &[char]) -> Option<ChineseNumber> {
    match standard_checked(chars) {
        Ok(found) => found,
        Err(Overflow) => Some(too_large(chars)),
    }
}

/// A value past what a decimal holds, or past [`readable_limit`].
struct Overflow;

fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b)
        .filter(|v| v.abs() <= readable_limit())
        .ok_or(Overflow)
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_mul(b)
        .filter(|v| v.abs() <= readable_limit())
        .ok_or(Overflow)
}

fn standard_checked(chars: &[char]) -> Result<Option<ChineseNumber>, Overflow> {
    let mut total = Decimal::ZERO;
    let mut section = Decimal::ZERO;
    let mut number: Option<u32> = None;
    let mut place = Decimal::ONE;
    let mut last_unit: Option<Decimal> = None;
    let mut seen_digit = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = digit(c) {
            if number.is_some() && d != 0 {
                break;
            }
            if d != 0 {
                number = Some(d);
            }
            seen_digit = true;
        } else if let Some(u) = small_unit(c) {
            let n = match number.take() {
                Some(n) => n,
                None if c == '十' && section.is_zero() && (total.is_zero() || seen_digit) => 1,
                None => break,
            };
            section = add(section, mul(Decimal::from(n), Decimal::from(u))?)?;
            // 二十 is as exact as 20: small units do not coarsen the print
            place = Decimal::ONE;
            last_unit = Some(Decimal::from(u));
            seen_digit = true;
        } else if let Some(big) = big_unit(c) {
            let digit_before = number.take();
            if let Some(n) = digit_before {
                section = add(section, Decimal::from(n))?;
            }
            if digit_before.is_some() || !section.is_zero() {
                place = Decimal::ONE;
            }
            if section.is_zero() && total.is_zero() {
                break;
            }
            if big == Decimal::from(100_000_000) {
                total = mul(add(total, section)?, big)?;
            } else {
                total = add(total, mul(section, big)?)?;
            }
            section = Decimal::ZERO;
            place = mul(place, big)?;
            last_unit = Some(big);
        } else if c == '点' && seen_digit && chars.get(i + 1).and_then(|&c| digit(c)).is_some() {
            let whole = Decimal::from(number.take().unwrap_or(0));
            let mut frac = Decimal::ZERO;
            let mut scale = Decimal::ONE;
            let mut k = i + 1;
            while let Some(d) = chars.get(k).and_then(|&c| digit(c)) {
                // more places than a decimal holds exactly
                if k - i > 20 {
                    return Err(Overflow);
                }
                scale /= Decimal::TEN;
                frac += Decimal::from(d) * scale;
                k += 1;
            }
            section = add(section, add(whole, frac)?)?;
            place = scale;
            last_unit = None;
            i = k;
            // a magnitude may follow (三点五亿)
            if let Some(big) = chars.get(i).and_then(|&c| big_unit(c)) {
                total = mul(add(total, section)?, big)?;
                section = Decimal::ZERO;
                place = mul(place, big)?;
                i += 1;
            }
            break;
        } else {
            break;
        }
        i += 1;
    }
    if !seen_digit && number.is_none() {
        return Ok(None);
    }
    if let Some(n) = number {
        match last_unit {
            // 三千五, 一万五: the digit takes the place below the last unit
            Some(u)
                if u >= Decimal::TEN
                    && chars
                        .get(i.wrapping_sub(2))
                        .is_some_and(|&c| small_unit(c).is_some() || big_unit(c).is_some()) =>
            {
                let below = u / Decimal::TEN;
                section = add(section, mul(Decimal::from(n), below)?)?;
                place = below;
            }
            _ => {
                section = add(section, Decimal::from(n))?;
                place = Decimal::ONE;
            }
        }
    }
    let value = add(total, section)?;
    if i == 0 {
        return Ok(None);
    }
    Ok(Some(ChineseNumber {
        value,
        place,
        len: i,
        range: None,
        digit_sequence: false,
        too_large: false,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn read(text: &str) -> (String, String, usize) {
        let chars: Vec<char> = text.chars().collect();
        let n = parse(&chars).unwrap_or_else(|| panic!("no number in {text}"));
        (
            n.value.normalize().to_string(),
            n.place.normalize().to_string(),
            n.len,
        )
    }

    #[test]
    fn positional_numerals() {
        assert_eq!(read("一千二百人"), ("1200".into(), "1".into(), 4));
        assert_eq!(read("两万元"), ("20000".into(), "10000".into(), 2));
        assert_eq!(read("十二个"), ("12".into(), "1".into(), 2));
        assert_eq!(read("三千五百万"), ("35000000".into(), "10000".into(), 5));
        assert_eq!(
            read("一万五千亿"),
            ("1500000000000".into(), "100000000".into(), 5)
        );
        assert_eq!(
            read("两万亿"),
            ("2000000000000".into(), "1000000000000".into(), 3)
        );
        assert_eq!(read("零点五"), ("0.5".into(), "0.1".into(), 3));
        assert_eq!(read("一百零五"), ("105".into(), "1".into(), 4));
        assert_eq!(read("三千五"), ("3500".into(), "100".into(), 3));
        assert_eq!(read("二十届"), ("20".into(), "1".into(), 2));
        assert_eq!(read("三点五亿"), ("350000000".into(), "10000000".into(), 4));
    }

    #[test]
    fn years_are_digit_sequences() {
        let chars: Vec<char> = "二〇二四年".chars().collect();
        let n = parse(&chars).unwrap();
        assert!(n.digit_sequence);
        assert_eq!(n.value, Decimal::from(2024));
    }

    #[test]
    fn approximate_forms_give_ranges() {
        let range = |t: &str| {
            let chars: Vec<char> = t.chars().collect();
            parse(&chars).unwrap().range.unwrap()
        };
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(range("三四个"), (d("3"), d("4")));
        assert_eq!(range("十几个"), (d("11"), d("19")));
        assert_eq!(range("数十家"), (d("20"), d("90")));
        assert_eq!(range("二三十"), (d("20"), d("30")));
    }
}
