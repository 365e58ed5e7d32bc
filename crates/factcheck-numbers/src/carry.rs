//! Units that the text states once for several numbers. A list or a range prints its unit only on
//! one member, so without this pass the others would look like bare numbers and be lost:
//! `0.6、1.9个百分点`, `3至5个`, `1-9月`, `9至12日`, `从3个工作日压减至0.5`, `引进团队13个、11`.
//! Numbers still without a unit afterwards are names or labels (12345热线, 中证500指数) and are
//! dropped.

use crate::quantity::{Kind, PartialDate};
use crate::scan::{Reading, Scanned};

/// Words that join a number to the next one in a list or a range.
const CONNECTORS: [&str; 10] = ["、", "和", "与", "及", "至", "到", "-", "~", "或", "，"];

pub fn carry_units(text: &str, mut scanned: Vec<Scanned>) -> Vec<Scanned> {
    // `5.4个和7.5个百分点`: the measure word is printed on each, the noun once at the end
    for k in (0..scanned.len().saturating_sub(1)).rev() {
        let (end, next_start) = (scanned[k].span.end, scanned[k + 1].span.start);
        let between = &text[end.min(next_start)..next_start];
        if !["、", "和", "与", "及"].contains(&between) {
            continue;
        }
        let (Some(own), Some(next)) = (unit_of(&scanned[k]), unit_of(&scanned[k + 1])) else {
            continue;
        };
        if own == "个" && next.len() > own.len() && next.starts_with(own) {
            let next_reading = scanned[k + 1].reading.clone();
            apply_from(&mut scanned[k], &next_reading, true);
        }
    }
    // right to left, so that a chain `0.6、1.9、2.4个百分点` passes the unit all the way back
    // (and `86.3万、42.7万和31.5万人次`: a figure with its magnitude alone takes the unit too)
    for k in (0..scanned.len()).rev() {
        let magnitude_alone = is_unitless(&scanned[k])
            && scanned
                .get(k + 1)
                .is_some_and(|n| matches!(n.reading, Reading::Number { unit: Some(_), .. }));
        if !is_bare(&scanned[k]) && !magnitude_alone {
            continue;
        }
        let Some(next) = scanned.get(k + 1) else {
            continue;
        };
        let between = &text[scanned[k].span.end..next.span.start];
        if !CONNECTORS.contains(&between) || (between == "，" && !is_number_list(text, &scanned, k))
        {
            continue;
        }
        let next_reading = next.reading.clone();
        apply_from(&mut scanned[k], &next_reading, true);
    }
    for k in 0..scanned.len() {
        if !is_bare(&scanned[k]) || k == 0 {
            continue;
        }
        let prev = scanned[k - 1].clone();
        if is_bare(&prev) {
            continue;
        }
        let between = &text[prev.span.end..scanned[k].span.start];
        // `分别为0.052、0.087和0.113`: the last member of a list joins it with 和, 及 or 与
        let last_of_list = ["和", "及", "与"].contains(&between)
            && (text[..prev.span.start].ends_with('、') || is_number_list(text, &scanned, k - 1));
        let follows_list =
            (between == "、" || last_of_list) && !matches!(prev.reading, Reading::Date(_));
        if follows_list || from_to(text, &prev, &scanned[k]) {
            apply_from(&mut scanned[k], &prev.reading, false);
        }
    }
    scanned.retain(|s| !is_bare(s));
    scanned
}

/// A comma usually ends a clause, so the unit after it belongs to the next number only; inside a
/// 分别 list (`分别低2.3，3.6个百分点`, rare) it separates members that share the unit.
fn is_number_list(text: &str, scanned: &[Scanned], k: usize) -> bool {
    let start = scanned[k].span.start;
    let before = &text[..start];
    before.ends_with("分别为") || before.ends_with("分别")
}

/// `从A…至B` / `由A…降至B`, and `A下降为B` whatever comes before: B is stated in A's unit.
fn from_to(text: &str, a: &Scanned, b: &Scanned) -> bool {
    let between = &text[a.span.end..b.span.start];
    const CHANGED_TO: [&str; 12] = [
        "下降为",
        "上升为",
        "下降到",
        "上升到",
        "降为",
        "升为",
        "降至",
        "升至",
        "降到",
        "升到",
        "提高到",
        "提高至",
    ];
    if CHANGED_TO.contains(&between) {
        return true;
    }
    let short = between.chars().count() <= 8 && !between.contains(['。', '，', '；']);
    let to = between.ends_with('至') || between.ends_with('到') || between.ends_with("为");
    let lead: String = text[..a.span.start].chars().rev().take(6).collect();
    short && to && (lead.contains('从') || lead.contains('由'))
}

fn unit_of(s: &Scanned) -> Option<&str> {
    match &s.reading {
        Reading::Number {
            unit: Some((unit, _)),
            ..
        } => Some(unit.as_str()),
        _ => None,
    }
}

/// A number with no unit, with or without its magnitude (`42.7万`).
fn is_unitless(s: &Scanned) -> bool {
    matches!(
        &s.reading,
        Reading::Number {
            unit: None,
            open_place: false,
            ..
        }
    )
}

fn is_bare(s: &Scanned) -> bool {
    matches!(
        &s.reading,
        Reading::Number {
            unit: None,
            magnitude: false,
            open_place: false,
            ..
        }
    )
}

/// Gives `target` the unit (or the date role) of `source`.
fn apply_from(target: &mut Scanned, source: &Reading, backward: bool) {
    let Reading::Number { value, place, .. } = &target.reading else {
        return;
    };
    let (value, place) = (*value, *place);
    match source {
        Reading::Number {
            unit: Some(unit), ..
        } => {
            if let Reading::Number { unit: u, .. } = &mut target.reading {
                *u = Some(unit.clone());
            }
        }
        // `10～12时`, `下午2至5时`: the first hour of a span of hours, on the same side of noon
        Reading::Time { hour, .. } if backward && place == rust_decimal::Decimal::ONE => {
            let Ok(n) = u32::try_from(value) else { return };
            let n = if *hour >= 12 && n < 12 && n + 12 <= *hour {
                n + 12
            } else {
                n
            };
            if n > *hour {
                return;
            }
            target.reading = Reading::Time { hour: n, minute: 0 };
        }
        Reading::Date(date) if backward && place >= rust_decimal::Decimal::ONE => {
            let Ok(n) = u32::try_from(value) else { return };
            let carried = match (date.year, date.month, date.day) {
                (_, Some(month), Some(_)) if (1..=31).contains(&n) => PartialDate {
                    year: date.year,
                    month: Some(month),
                    day: Some(n),
                    year_inferred: false,
                    year_from_story: false,
                    year_from_later: false,
                },
                (_, None, Some(_)) if (1..=31).contains(&n) => PartialDate {
                    day: Some(n),
                    ..PartialDate::default()
                },
                (year, Some(_), None) if (1..=12).contains(&n) => PartialDate {
                    year,
                    month: Some(n),
                    day: None,
                    year_inferred: false,
                    year_from_story: false,
                    year_from_later: false,
                },
                (Some(_), None, None) if (1000..=2999).contains(&n) => PartialDate {
                    year: Some(n as i32),
                    ..PartialDate::default()
                },
                _ => return,
            };
            target.reading = Reading::Date(carried);
        }
        _ => {}
    }
    if let Reading::Number {
        unit: Some((_, Kind::Date)),
        ..
    } = &target.reading
    {
        unreachable!("dates are readings, not units");
    }
}
