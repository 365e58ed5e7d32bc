//! Calendar arithmetic for the span and weekday checks.

pub use factcheck_numbers::quantity::day_number as days;

/// 0 = Monday … 6 = Sunday.
pub fn weekday(year: i32, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (3)
    ((days(year, month, day) + 3).rem_euclid(7)) as u32
}

/// The weekday a word names (周一, 星期日, 礼拜天…).
pub fn weekday_of_word(word: &str) -> Option<u32> {
    let last = word.chars().last()?;
    Some(match last {
        '一' => 0,
        '二' => 1,
        '三' => 2,
        '四' => 3,
        '五' => 4,
        '六' => 5,
        '日' | '天' => 6,
        _ => return None,
    })
}

pub fn weekday_name(w: u32) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][w as usize % 7]
}

pub fn is_valid(year: i32, month: u32, day: u32) -> bool {
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month as usize - 1];
    day <= len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_weekdays() {
        assert_eq!(weekday_name(weekday(2025, 1, 12)), "星期日");
        assert_eq!(weekday_name(weekday(2025, 10, 28)), "星期二");
        assert_eq!(weekday(2024, 2, 29), 3);
        assert_eq!(days(2025, 10, 24) - days(2025, 10, 20), 4);
    }
}
