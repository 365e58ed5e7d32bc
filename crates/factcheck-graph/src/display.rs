//! Numbers as an editor reads them: in the magnitude and unit the copy used (15.09亿, not
//! 1509000000), rounded for reading, intervals as ranges.

use factcheck_interval::Interval;
use factcheck_numbers::Quantity;
use rust_decimal::Decimal;

/// The magnitude word and its factor that a quantity's text uses.
fn magnitude(q: &Quantity, text: &str) -> (&'static str, Decimal) {
    let pow = |e: u32| Decimal::from(10u64.pow(e));
    if text.contains("万亿") {
        ("万亿", pow(12))
    } else if text.contains('亿') {
        ("亿", pow(8))
    } else if text.contains('万') && !q.unit.starts_with('万') {
        ("万", pow(4))
    } else {
        ("", Decimal::ONE)
    }
}

/// Rounds for reading: four significant places after the point at most.
pub fn round(v: Decimal) -> Decimal {
    let places = if v.abs() >= Decimal::from(100) { 2 } else { 4 };
    v.round_dp(places).normalize()
}

pub fn unit(q: &Quantity) -> &str {
    match q.unit.as_str() {
        ":" => "",
        u => u,
    }
}

/// An interval in the magnitude and unit of `like`: `15.0796亿—15.1002亿元`, or one value when narrow.
pub fn interval(i: &Interval, like: &Quantity, text: &str) -> String {
    let (word, factor) = magnitude(like, text);
    let places = places_for(text);
    let round = |v: Decimal| round(v).round_dp(places).normalize();
    // each side in the figure's magnitude, divided and rounded once
    let (lo, hi) = (
        i.lo.map(|v| round(v / factor)),
        i.hi.map(|v| round(v / factor)),
    );
    let side = |v: Option<Decimal>, open: &str| {
        v.map(|v| format!("{v}{word}"))
            .unwrap_or_else(|| open.to_string())
    };
    match (i.lo, i.hi) {
        (Some(_), Some(_)) if lo == hi => {
            format!("{}{}{}", lo.unwrap_or_default(), word, unit(like))
        }
        (Some(_), None) => format!("{}{}以上", side(lo, ""), unit(like)),
        // a lower side of zero comes from an open-ended rate: only the upper side says anything
        (Some(low), Some(_)) if low.is_zero() => format!("{}{}以下", side(hi, ""), unit(like)),
        (None, Some(_)) => format!("{}{}以下", side(hi, ""), unit(like)),
        _ => format!("{}～{}{}", side(lo, "-∞"), side(hi, "+∞"), unit(like)),
    }
}

/// An interval of plain numbers to `places` decimals: `-6.9～-6.7个百分点`.
pub fn plain_to(i: &Interval, suffix: &str, places: u32) -> String {
    let r = |v: Decimal| round(v).round_dp(places);
    plain(
        &Interval {
            lo: i.lo.map(r),
            hi: i.hi.map(r),
        },
        suffix,
    )
}

/// An interval of plain numbers followed by a word: `1.7～1.9个百分点`, `3倍`.
pub fn plain(i: &Interval, suffix: &str) -> String {
    match (i.lo, i.hi) {
        (Some(a), Some(b)) if round(a) == round(b) => format!("{}{suffix}", round(a)),
        (Some(a), None) => format!("{}{suffix}以上", round(a)),
        (None, Some(b)) => format!("{}{suffix}以下", round(b)),
        (Some(a), Some(b)) => format!("{}～{}{suffix}", round(a), round(b)),
        _ => "任意值".to_string(),
    }
}

/// The decimals to show a value in that is computed like a printed figure: one more than the
/// figure prints, enough to tell the two apart (at most four).
pub fn places_for(text: &str) -> u32 {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            c => c,
        })
        .collect();
    let printed = ascii
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .find(|s| s.chars().any(|c| c.is_ascii_digit()))
        .and_then(|n| n.split('.').nth(1))
        .map_or(0, str::len);
    (printed as u32 + 1).min(4)
}

/// A percentage interval, to `places` decimals.
pub fn percent_to(i: &Interval, places: u32) -> String {
    let r = |v: Decimal| round(v).round_dp(places).normalize();
    // each side rounded once
    match (i.lo.map(r), i.hi.map(r)) {
        (Some(a), Some(b)) if a == b => format!("{a}%"),
        (Some(a), None) => format!("{a}%以上"),
        (None, Some(b)) => format!("{b}%以下"),
        (Some(a), Some(b)) => format!("{a}%～{b}%"),
        _ => "任意值".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn points_show_in_the_decimals_of_the_printed_figure() {
        let i = Interval {
            lo: Some(Decimal::from_str("-6.9001").unwrap()),
            hi: Some(Decimal::from_str("-6.6999").unwrap()),
        };
        assert_eq!(plain_to(&i, "个百分点", 2), "-6.9～-6.7个百分点");
    }
}
