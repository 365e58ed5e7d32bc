//! Numbers too large or too long to hold: never a panic, never a misread. They are left unread
//! and their spans are returned, so that the report can say so at info level; a figure of the
//! usual size beside them is still read.

use factcheck_numbers::{read_quantities_noting, ReadOptions, Vocabulary};
use factcheck_text::SourceText;

/// The values read and the unreadable stretches of `page`.
fn read(page: &str) -> (Vec<String>, Vec<String>) {
    let vocab = Vocabulary::builtin();
    let source = SourceText::from_bytes(page.as_bytes(), &vocab).expect("decodes");
    let (quantities, unreadable) = read_quantities_noting(&source, &vocab, &ReadOptions::default());
    let values = quantities
        .iter()
        .map(|q| format!("{}={}", &source.text()[q.span.clone()], q.value_text()))
        .collect();
    let unreadable = unreadable
        .iter()
        .map(|r| source.text()[r.clone()].to_string())
        .collect();
    (values, unreadable)
}

#[test]
fn a_decimal_with_thirty_places_is_unreadable() {
    let long = format!("0.{}", "3".repeat(30));
    let (values, unreadable) = read(&format!("样品含量为{long}克，另一份为2.5克。"));
    assert_eq!(unreadable, vec![long]);
    assert_eq!(values, vec!["2.5克=2.5".to_string()]);
}

#[test]
fn stacked_magnitudes_are_unreadable() {
    for printed in ["１亿亿亿亿元", "一亿亿亿亿元", "九千九百亿亿亿元"] {
        let (values, unreadable) = read(&format!("账面记为{printed}，实收12元。"));
        assert_eq!(unreadable.len(), 1, "{printed}: {unreadable:?}");
        assert_eq!(values, vec!["12元=12".to_string()], "{printed}");
    }
}

#[test]
fn a_long_arabic_number_times_yi_is_unreadable() {
    let digits = "9".repeat(20);
    let (values, unreadable) = read(&format!("合计{digits}亿亿元，其中3万元已付。"));
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert!(unreadable[0].starts_with(&digits), "{unreadable:?}");
    assert_eq!(values, vec!["3万元=30000".to_string()]);
    let (_, unreadable) = read(&format!("共{}亿元。", "9".repeat(20)));
    assert_eq!(
        unreadable.len(),
        1,
        "10²⁸ is past the limit: {unreadable:?}"
    );
}

#[test]
fn twenty_one_digits_are_unreadable_not_cut_short() {
    let digits = "1".repeat(21);
    let (values, unreadable) = read(&format!("编号之外另记{digits}件。"));
    assert_eq!(unreadable, vec![digits]);
    assert!(values.is_empty(), "{values:?}");
}

#[test]
fn long_chinese_decimals_and_digit_runs_do_not_panic() {
    let page = format!(
        "零点{}亿元，二〇二四二〇二四二〇二四二〇二四二〇二四年，一万亿亿亿亿亿人。",
        "三".repeat(40)
    );
    let (_, unreadable) = read(&page);
    assert!(!unreadable.is_empty());
}

#[test]
fn figures_of_the_usual_size_are_still_read() {
    let (values, unreadable) = read("全年财政收入1.2万亿元，同比增长3.5%，其中税收九千亿元。");
    assert!(unreadable.is_empty(), "{unreadable:?}");
    assert_eq!(values.len(), 3, "{values:?}");
}
