//! Turning a scanned reading into a reported quantity: the interval its print allows (a printed
//! 22.4% covers [22.35, 22.45]) widened by its qualifier (余, 超, 约, 近…).

use crate::quantity::{Kind, Qualifier, Quantity, Value};
use crate::scan::{Reading, Scanned};
use rust_decimal::Decimal;

/// "About" means at least ±5%; "nearly" reaches down 10%.
const ABOUT: Decimal = Decimal::from_parts(5, 0, 0, false, 2);
const NEARLY: Decimal = Decimal::from_parts(10, 0, 0, false, 2);
/// The most a round figure's zeros widen it: an eighth (约40% is 35–45%).
const ROUND_CAP: Decimal = Decimal::from_parts(125, 0, 0, false, 3);

pub fn finish(s: &Scanned) -> Option<Quantity> {
    match &s.reading {
        Reading::Date(date) => Some(Quantity {
            span: s.span.clone(),
            value: Value::Date(*date),
            unit: if date.day.is_some() {
                "日"
            } else if date.month.is_some() {
                "月"
            } else {
                "年"
            }
            .to_string(),
            kind: Kind::Date,
            qualifier: s.qualifier,
            measures: None,
        }),
        Reading::Time { hour, minute } => Some(Quantity {
            span: s.span.clone(),
            value: Value::Time {
                hour: *hour,
                minute: *minute,
            },
            unit: "时刻".to_string(),
            kind: Kind::Other,
            qualifier: s.qualifier,
            measures: None,
        }),
        Reading::Number {
            value,
            place,
            step,
            range,
            magnitude,
            unit,
            open_place,
            ..
        } => {
            let (unit, kind) = match unit {
                Some((u, k)) => (u.clone(), *k),
                None if *open_place => (String::new(), Kind::Count),
                None if *magnitude => (String::new(), Kind::Other),
                None => return None,
            };
            let v = *value;
            let half = *place / Decimal::TWO;
            // counts are whole; 三天半 is as exact as 三天
            let half_day = kind == Kind::Duration && *place == Decimal::new(5, 1);
            let whole_count = matches!(kind, Kind::Count | Kind::Duration)
                && (*place >= Decimal::ONE || half_day)
                && !magnitude;
            let (lo, hi) = range.unwrap_or(if whole_count {
                (v, v)
            } else {
                (v - half, v + half)
            });
            let (lower, upper) = match s.qualifier {
                Qualifier::Exact => (Some(lo), Some(hi)),
                Qualifier::MoreThan if *open_place => (Some(v), Some(v + *step)),
                Qualifier::MoreThan | Qualifier::AtLeast => (Some(v), None),
                Qualifier::LessThan | Qualifier::AtMost => (None, Some(v)),
                Qualifier::About => {
                    let d = round_half(v, *place).max(v.abs() * ABOUT);
                    (Some(lo.min(v - d)), Some(hi.max(v + d)))
                }
                Qualifier::Nearly => (
                    Some(v - round_half(v, *place).max(v.abs() * NEARLY)),
                    Some(v),
                ),
            };
            Some(Quantity {
                span: s.span.clone(),
                value: Value::Number {
                    value: v,
                    lower: lower.map(|d| d.normalize()),
                    upper: upper.map(|d| d.normalize()),
                },
                unit,
                kind,
                qualifier: s.qualifier,
                measures: None,
            })
        }
    }
}

/// Half the place a round figure is rounded to: 约40% speaks in tens (its zero is no digit
/// measured), 约42% in ones; never more than an eighth of the figure (约1000万 is no 500万).
fn round_half(value: Decimal, place: Decimal) -> Decimal {
    rounded_to(value, place)
        .min(value.abs() * ROUND_CAP)
        .max(place / Decimal::TWO)
}

fn rounded_to(value: Decimal, place: Decimal) -> Decimal {
    let ten = Decimal::TEN;
    let mut round = place;
    if place >= Decimal::ONE {
        while let Some(next) = round.checked_mul(ten) {
            if next > value.abs() || !(value / next).fract().is_zero() {
                break;
            }
            round = next;
        }
    }
    round / Decimal::TWO
}
