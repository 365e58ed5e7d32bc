//! Turning a scanned reading into a reported quantity: the interval its print allows (a printed
//! 22.4% covers [22.35, 22.45]) widened by its qualifier (余, 超, 约, 近…).

use crate::quantity::{Kind, Qualifier, Quantity, Value};
use crate::scan::{Reading, Scanned};
use rust_decimal::Decimal;

/// "About" means at least ±5%; "nearly" reaches down 10%.
const ABOUT: Decimal = Decimal::from_parts(5, 0, 0, false, 2);
const NEARLY: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

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
                    let d = half.max(v.abs() * ABOUT);
                    (Some(lo.min(v - d)), Some(hi.max(v + d)))
                }
                Qualifier::Nearly => (Some(v - half.max(v.abs() * NEARLY)), Some(v)),
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
