//! Copy whose shape resembles a relation's but whose words say it is not one: the checker makes
//! no check of that relation (a check would be a false alarm waiting for other figures).

use factcheck::Checker;

/// The rules of the checks made on one draft.
fn rules_checked(draft: &str) -> Vec<String> {
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    report.checks.iter().map(|c| c.rule.clone()).collect()
}

#[test]
fn shares_inside_each_part_are_not_shares_of_the_partition() {
    // each share is of its own group's spending: they need not move by opposite points
    let rules = rules_checked(
        "城镇居民服务性消费占比提高1.2个百分点，农村居民服务性消费占比提高0.6个百分点。",
    );
    assert!(!rules.iter().any(|r| r == "points-of-shares"), "{rules:?}");
    // the parts' own shares do
    let rules = rules_checked("全年城镇人口比重提高0.7个百分点，农村人口比重下降0.7个百分点。");
    assert!(rules.iter().any(|r| r == "points-of-shares"), "{rules:?}");
}

#[test]
fn a_second_comparison_in_another_unit_is_not_the_first_ones_base() {
    // the second rate compares with a figure printed in another currency: no base is taken from
    // the first comparison's figure
    let report = Checker::new().check(
        "draft.txt",
        "基金3月末资产规模达到88.40亿美元，较2月的80.15亿美元增加了10.29%，较去年底的81.02亿元增加了9.11%。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.rule == "growth-rate" && c.quantities.len() == 3),
        "the first comparison is checked against its printed base"
    );
}

#[test]
fn a_headline_rate_of_one_subject_is_not_another_subjects() {
    let report = Checker::new().check(
        "draft.txt",
        "甲国一季度通胀率达5.4%\n\n本报讯 甲国一季度居民消费价格同比上涨5.4%，乙国一季度通胀率为3.9%。".as_bytes(),
    );
    // at most a note: the names differ by their subject
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity == factcheck_report::Severity::Info),
        "{:?}",
        report.findings
    );
}
