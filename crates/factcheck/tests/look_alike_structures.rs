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

#[test]
fn bands_that_leave_a_gap_or_no_open_top_are_not_all_the_parts() {
    // 15 to 17 is missing: the bands are not the whole
    let rules = rules_checked(
        "全县常住人口40.0万人。全县常住人口中，0—14岁人口6.0万人，占15.0%；18—59岁人口24.0万人，占60.0%；60岁及以上人口8.0万人，占20.0%。",
    );
    assert!(
        !rules
            .iter()
            .any(|r| r == "sum-of-parts" || r == "shares-of-parts"),
        "{rules:?}"
    );
    // no open top: the oldest are not counted
    let rules = rules_checked(
        "全县常住人口40.0万人。全县常住人口中，0—14岁人口6.0万人，占15.0%；15—59岁人口26.0万人，占65.0%。",
    );
    assert!(
        !rules
            .iter()
            .any(|r| r == "sum-of-parts" || r == "shares-of-parts"),
        "{rules:?}"
    );
    // the same bands closed at both ends are
    let rules = rules_checked(
        "全县常住人口40.0万人。全县常住人口中，0—14岁人口6.0万人，占15.0%；15—59岁人口26.0万人，占65.0%；60岁及以上人口8.0万人，占20.0%。",
    );
    assert!(rules.iter().any(|r| r == "sum-of-parts"), "{rules:?}");
    assert!(rules.iter().any(|r| r == "shares-of-parts"), "{rules:?}");
}

#[test]
fn ratios_that_are_not_percentages_are_no_structure() {
    // a ratio of one to many, and a ratio whose terms add up far from 100, part nothing
    for draft in [
        "全县医疗资源结构中，医护比为1:1.2:0.9。",
        "新生人口性别结构为105.2:100。",
    ] {
        let rules = rules_checked(draft);
        assert!(
            !rules.iter().any(|r| r == "structure-terms-add-up"),
            "{draft}: {rules:?}"
        );
    }
}

#[test]
fn a_figure_of_another_unit_inside_an_item_is_no_part() {
    // 500人 says how large each drill was: it is not a third item of the 其中 list
    let report = Checker::new().check(
        "draft.txt",
        "全年组织应急演练30次，其中24次演练参与人数超过500人，6次为跨区联合演练。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let people = &report
        .quantities
        .iter()
        .find(|q| q.text.ends_with("500人"))
        .expect("500人 is read")
        .id;
    assert!(
        report.checks.iter().all(|c| !c.quantities.contains(people)),
        "{:?}",
        report.checks
    );
}

#[test]
fn a_count_named_by_an_outcome_is_a_part_not_the_total() {
    // the first count is itself an outcome: nothing here is the total of the others
    let report = Checker::new().check(
        "draft.txt",
        "当日两市封闭式基金7只上涨，4只持平，20只下跌。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report.checks.iter().all(|c| c.rule != "parts-within-total"),
        "{:?}",
        report.checks
    );
}

#[test]
fn a_net_reads_its_pair_in_either_order_and_no_net_word_is_no_net() {
    // imports named first: the surplus is still exports less imports
    let report = Checker::new().check(
        "draft.txt",
        "前三季度全省进口1940亿元，出口2860亿元，贸易顺差920亿元。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report.checks.iter().any(|c| c.rule == "net-of-pair"),
        "{:?}",
        report.checks
    );
    // a total after the pair is no net of it
    let rules = rules_checked("前三季度全省出口2860亿元，进口1940亿元，进出口总额4800亿元。");
    assert!(!rules.iter().any(|r| r == "net-of-pair"), "{rules:?}");
}

#[test]
fn a_multiple_of_an_earlier_time_needs_the_figure_it_started_from() {
    // the figure before it in the sentence is this year's addition, not where it started from
    let report = Checker::new().check(
        "draft.txt",
        "今年新增光伏装机12万千瓦，全县光伏装机达54万千瓦，是五年前的3.5倍。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report.checks.iter().all(|c| c.rule != "multiple-of-named"),
        "{:?}",
        report.checks
    );
}

#[test]
fn averages_are_no_parts_of_a_sum() {
    // per-head incomes of town and country, told in two sentences, never add up to anything
    let report = Checker::new().check(
        "draft.txt",
        "全年全体居民人均可支配收入为58150元。城镇和农村居民人均可支配收入分别为41230元和20140元。2024年城镇居民人均可支配收入47230元。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report
            .checks
            .iter()
            .all(|c| c.relation != "sum" && c.relation != "subset"),
        "{:?}",
        report.checks
    );
}

#[test]
fn farming_forestry_herding_and_fishing_are_not_all_of_the_gross_output() {
    // the gross output also counts the services to them: the four need not add up to it
    let report = Checker::new().check(
        "draft.txt",
        "全年全区农林牧渔业总产值86.4亿元，其中农业产值41.7亿元，林业产值3.6亿元，牧业产值35.2亿元，渔业产值1.9亿元。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report.checks.iter().any(|c| c.rule == "parts-within-total"),
        "{:?}",
        report.checks
    );
}

#[test]
fn a_part_of_one_flow_a_subject_and_a_span_of_months_make_no_finding() {
    for draft in [
        // 机电产品出口 is a part of 出口, and 进口 is 出口's counterpart, not a part of it
        "全年全省出口3.2万亿元，其中机电产品出口2万亿元；进口2.5万亿元，贸易顺差0.7万亿元。",
        // 全国 names a subject, no measure: no figure is what the multiple is of
        "全区人均生产总值达19.1万元，是全国的2.1倍。全年全区居民人均可支配收入为4.1万元。",
        // a span counted in months is no count of whole years
        "2023年1月至2024年6月的一年半时间里，全市新增企业1.2万家。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
}

#[test]
fn a_count_inside_a_clause_does_not_gather_the_figures_before_it() {
    // 3只 is what the week issued, not a count of the figures told before: no sum of them
    let rules = rules_checked(
        "上周两市成交额5200亿元，前一周为4800亿元，再前一周为4100亿元。本周新发行3只基金，合计募集96亿元。",
    );
    assert!(!rules.iter().any(|r| r == "sum-of-parts"), "{rules:?}");
    // opening its clause, the count gathers the holdings just told
    let rules = rules_checked(
        "甲公司持有该基金8.12亿份。另两家股东乙公司和丙公司分别持有2.05亿份和4000万份，三家股东合计持有10.57亿份。",
    );
    assert!(rules.iter().any(|r| r == "sum-of-parts"), "{rules:?}");
}

#[test]
fn an_average_per_another_noun_is_not_the_total_over_the_count() {
    // 每亩 is per unit of land, not per household: no average of the households' count
    let rules = rules_checked("全村126户种植户去年收入756万元，平均每亩收益3200元。");
    assert!(!rules.iter().any(|r| r == "average-per-item"), "{rules:?}");
    let rules = rules_checked("全村126户种植户去年收入756万元，平均每户收入6万元。");
    assert!(rules.iter().any(|r| r == "average-per-item"), "{rules:?}");
}

#[test]
fn two_totals_before_one_list_each_keep_their_own_parts() {
    // the stations add up to the stations, the boxes to the boxes
    let report = Checker::new().check(
        "draft.txt",
        "全县共设投票站40个，投票箱900个，其中城区投票站10个，投票箱300个，乡镇投票站30个，投票箱600个。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let sums = report
        .checks
        .iter()
        .filter(|c| c.quantities.len() == 3 && c.status == "consistent")
        .count();
    assert_eq!(sums, 2, "{:?}", report.checks);
}

#[test]
fn a_rate_of_what_the_copy_does_not_count_is_left_alone() {
    // 就业率 is of the employed, whom the copy does not count; 毕业 is another count
    let rules = rules_checked("该校今年招生3000人，毕业2500人，就业率95%。");
    assert!(!rules.iter().any(|r| r == "rate-of-count"), "{rules:?}");
    // a rate inside the count's clause says what the items are, not how many
    let rules = rules_checked("在310只股票型基金中，仅有12只基金今年以来收益率超过35%。");
    assert!(!rules.iter().any(|r| r == "rate-of-count"), "{rules:?}");
    let rules = rules_checked("该校今年毕业2500人，已就业2350人，就业率94%。");
    assert!(rules.iter().any(|r| r == "rate-of-count"), "{rules:?}");
}

#[test]
fn the_rest_of_a_part_is_not_the_rest_of_the_total() {
    // the 10 are the rest of the 22 deaths, not of the 25 cases
    let report = Checker::new().check(
        "draft.txt",
        "共报告相关病例25例，其中3例康复、22例死亡，死亡病例中有12例已明确诊断与接种无关，其他10例初步诊断也与接种无关。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_part_named_for_another_place_is_no_part_of_this_whole() {
    // the province's tertiary industry is no part of the city's product
    let rules = rules_checked("全市地区生产总值212亿元，全省第三产业增加值2580亿元。");
    assert!(!rules.iter().any(|r| r == "part-of-whole"), "{rules:?}");
    let rules = rules_checked("全市地区生产总值212亿元，全市第三产业增加值58亿元。");
    assert!(rules.iter().any(|r| r == "part-of-whole"), "{rules:?}");
}

#[test]
fn counts_above_two_bounds_are_nested_not_parts() {
    // the 6 above 25% are among the 11 above 15%: together they may exceed the 14
    let rules = rules_checked("在14家上市银行中，净利润增速超过15%的11家，超过25%的6家。");
    assert!(
        !rules
            .iter()
            .any(|r| r == "parts-within-total" || r == "sum-of-parts"),
        "{rules:?}"
    );
    // one bound above and one below count apart: they are parts
    let rules = rules_checked("在14家上市银行中，净利润增速超过15%的6家，不足5%的3家。");
    assert!(rules.iter().any(|r| r == "parts-within-total"), "{rules:?}");
}

#[test]
fn a_balance_is_no_part_of_a_gross_amount() {
    let rules = rules_checked("全年营业收入86.2亿元，其中净利润9.1亿元。");
    assert!(!rules.iter().any(|r| r == "part-of-whole"), "{rules:?}");
    // a profit is part of a larger profit
    let rules = rules_checked("全市工业企业实现利润总额86.2亿元，其中国有企业利润9.1亿元。");
    assert!(rules.iter().any(|r| r == "part-of-whole"), "{rules:?}");
}

#[test]
fn a_target_year_is_not_the_year_the_story_reports() {
    let report = Checker::new().check(
        "draft.txt",
        "全市计划到2030年建成充电桩5万个。今年1-3月，全市新建充电桩3200个。".as_bytes(),
    );
    let period = |text: &str| {
        report
            .quantities
            .iter()
            .find(|q| q.text == text)
            .and_then(|q| q.period.clone())
    };
    assert_eq!(period("3200个").as_deref(), Some("1-3月"));
}

#[test]
fn a_level_with_its_own_rate_is_no_other_subjects_base() {
    // 甲's profit grew on the year before: it is 甲's current figure, not 乙's 2007 base
    let rules = rules_checked(
        "回顾2007年，电信行业竞争加剧。甲公司净利润386亿元，同比增长29.6%。乙公司2008年利润为200.66亿元，较2007年下降12.8%。",
    );
    assert!(
        !rules.iter().any(|r| r == "growth-base-stated"),
        "{rules:?}"
    );
    // a base printed with its year is still one
    let rules = rules_checked(
        "乙公司2007年利润为230.1亿元。乙公司2008年利润为200.66亿元，较2007年下降12.8%。",
    );
    assert!(rules.iter().any(|r| r == "growth-base-stated"), "{rules:?}");
}

#[test]
fn exports_inside_imports_and_exports_name_the_whole() {
    // 进出口 holds the word 出口: the trade with one partner is no export part of general trade
    let rules = rules_checked(
        "一般贸易进出口15.2万亿元，同比增长9.1%。我国对甲国、乙国分别进出口3.5万亿元、3.2万亿元。",
    );
    assert!(!rules.iter().any(|r| r == "part-of-whole"), "{rules:?}");
    // a share of exports is not a share of the trade total the exports are listed under: its
    // whole is derived, not the printed total
    let report = Checker::new().check(
        "draft.txt",
        "全省进出口1.24万亿元。其中，出口机电产品0.52万亿元，占出口总值近六成。".as_bytes(),
    );
    let shares: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.rule == "share-of-whole")
        .collect();
    assert!(
        !shares.is_empty() && shares.iter().all(|c| c.quantities.len() == 2),
        "{:?}",
        report.checks
    );
    // exports and imports make up the trade
    let rules =
        rules_checked("全省进出口货物约27.6万吨。其中，出口货物9.1万吨，进口货物18.5万吨。");
    assert!(rules.iter().any(|r| r == "sum-of-parts"), "{rules:?}");
}

#[test]
fn names_after_a_nearer_count_are_not_counted_by_the_total() {
    // the six names are the urban sites, not all 32
    let report = Checker::new().check(
        "draft.txt",
        "全市设考点32个，其中市区考点6个(分别为县一中、县二中、县五中、城关中学、实验中学、职业中专)，考室240个。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(report.checks.iter().any(|c| c.rule == "counted-list"));
}

#[test]
fn points_that_go_on_past_the_ordinals_are_not_too_few() {
    // the fourth point opens with 此外: four points, three of them numbered
    let report = Checker::new().check(
        "draft.txt",
        "今年工作有四个特点：一是投入加大；二是覆盖更广；三是服务更细。此外，群众满意度明显提高。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // without it, three points are not four
    let report = Checker::new().check(
        "draft.txt",
        "今年工作有四个特点：一是投入加大；二是覆盖更广；三是服务更细。全年投入资金2.3亿元。"
            .as_bytes(),
    );
    assert!(
        report.findings.iter().any(|f| f.rule == "enumerated-count"),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_whole_of_another_place_paragraphs_away_is_not_the_shares_whole() {
    let report = Checker::new().check(
        "draft.txt",
        "一季度，民营企业进出口5.5万亿元，占进出口总值的54.3%。\n\n中西部地区，甲自治区一季度进出口总值21.8亿元，同比增长16.7%。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // the whole of the share's own subject, in the same paragraph, is taken
    let rules = rules_checked(
        "一季度，全国进出口总值10.2万亿元，其中民营企业进出口5.5万亿元，占进出口总值的54.3%。",
    );
    assert!(rules.iter().any(|r| r == "share-of-whole"), "{rules:?}");
}

#[test]
fn census_and_yearly_rules_stay_with_their_own_measure() {
    for draft in [
        // the yearly rate is the towns' alone
        "与2010年相比，十年共增加1.86万户，增长15.3%，其中城镇户数年均增长3.9%。",
        // the yearly figure counts other people
        "五年间累计新增城镇就业4.6万人，带动农民增收，平均每年新增返乡创业人员2300人。",
        // the ratio is of births, not of the population
        "全县常住人口中，男性人口为31.25万人，女性人口为29.95万人。出生人口性别比为110.6。",
        // the households are the towns' alone
        "全县家庭户中，城镇家庭户11.2万户，乡村家庭户8.66万户，家庭户人口为55.12万人，平均每个家庭户的人口是2.78人。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
}

#[test]
fn ordinals_inside_a_point_and_points_after_a_long_last_one() {
    for draft in [
        // 一是 inside a clause enumerates nothing
        "下一步将着力解决两大问题：一是资金短缺，主要原因之一是融资渠道单一；二是人才短缺。",
        // the fourth point comes two sentences after the third
        "今年重点抓好四个方面工作：一是抓项目建设；二是抓招商引资；三是抓民生改善，投入资金2.1亿元。这些投入惠及群众12万人。此外，全县还抓好生态保护，完成造林3.2万亩。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
}

#[test]
fn a_part_named_as_a_kind_of_an_earlier_part_is_inside_it() {
    // the machinery exports are among the exports: they need not fit beside them
    let report = Checker::new().check(
        "draft.txt",
        "前三季度，全市进出口总值2036.5亿元，其中出口1302.1亿元，机电产品出口812.6亿元。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(report.checks.iter().any(|c| c.rule == "part-of-whole"));
}

#[test]
fn the_registered_populations_urbanisation_is_not_the_resident_ones() {
    let rules =
        rules_checked("年末全县常住人口38.6万人，其中城镇人口17.9万人，户籍人口城镇化率38.2%。");
    assert!(!rules.iter().any(|r| r == "stat-urbanisation"), "{rules:?}");
}

#[test]
fn a_top_group_or_the_things_counted_carry_no_rate_of_the_count() {
    // the rates are of the things counted or ranked, not of how many there are
    for draft in [
        "上月房价涨幅前三名的城市为甲市、乙市和丙市，涨幅分别为4.8%、3.2%和2.5%。",
        "上周新上市的股票中有6只个股4月份累计涨幅超过25%。",
        "甲乙丙这三只基金跌幅较大，分别下跌2.1%、1.6%和1.2%。",
        "本周开盘交易的30只基金中，13只上涨，17只下跌，甲基金全周上涨3.6%；乙基金跌幅最大，下跌2.4%。",
        "其跟踪的上证180只涨了0.9%。",
    ] {
        let rules = rules_checked(draft);
        assert!(!rules.iter().any(|r| r == "growth-rate"), "{draft}: {rules:?}");
    }
    // a count's own rate of change is still its own
    let rules = rules_checked("全市共有高新技术企业120家，比上年增长5%。");
    assert!(rules.iter().any(|r| r == "growth-rate"), "{rules:?}");
    // and a top group still counts the names that fill it
    let rules = rules_checked("今年销量前三名分别为甲品牌、乙品牌和丙品牌。");
    assert!(rules.iter().any(|r| r == "counted-list"), "{rules:?}");
}

/// The figures each check of a draft binds, by their text.
/// The statuses of the checks one rule makes on a draft, in their order.
/// The rules of the warnings and errors a draft gets.
fn alarms(draft: &str) -> Vec<String> {
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    report
        .findings
        .iter()
        .filter(|f| f.severity >= factcheck_report::Severity::Warning)
        .map(|f| f.rule.clone())
        .collect()
}

fn statuses(draft: &str, rule: &str) -> Vec<String> {
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    report
        .checks
        .iter()
        .filter(|c| c.rule == rule)
        .map(|c| c.status.clone())
        .collect()
}

fn bound(draft: &str) -> Vec<(String, Vec<String>)> {
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    let text = |id: &str| {
        report
            .quantities
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.text.clone())
            .unwrap_or_default()
    };
    report
        .checks
        .iter()
        .map(|c| {
            (
                c.rule.clone(),
                c.quantities.iter().map(|q| text(q)).collect(),
            )
        })
        .collect()
}

#[test]
fn a_rate_is_not_the_level_of_another_item_or_measure() {
    // a series whose items end in semicolons: each rate comes before its own price
    let checks = bound("午盘甲ETF涨3.12%，报4.561元；乙ETF涨1.87%，报2.309元。");
    assert!(
        !checks.iter().any(|(_, qs)| qs.contains(&"4.561元".to_string())
            && qs.contains(&"1.87%".to_string())),
        "{checks:?}"
    );
    // a contribution to growth is no change of the contribution rate
    let checks = bound("三季度，最终消费支出对经济增长的贡献率为58.2%，拉动GDP增长2.9个百分点。");
    assert!(
        !checks.iter().any(|(r, _)| r == "points-change"),
        "{checks:?}"
    );
    // a gap to the year's target is no change since last year
    let checks = bound("上半年货币供应量同比增长11.3%，增速比全年预期目标高1.3个百分点。");
    assert!(
        !checks.iter().any(|(r, _)| r == "points-change"),
        "{checks:?}"
    );
    // rates listed after 比上年分别 go one to each level listed, not all to the last
    let checks = bound("全年甲类收入和乙类收入分别为150亿元和60亿元，比上年分别增长3.2%和7.5%。");
    let pairs: Vec<&Vec<String>> = checks
        .iter()
        .filter(|(r, _)| r == "growth-rate")
        .map(|(_, qs)| qs)
        .collect();
    assert_eq!(
        pairs,
        vec![
            &vec!["150亿元".to_string(), "3.2%".to_string()],
            &vec!["60亿元".to_string(), "7.5%".to_string()]
        ]
    );
    // and after levels named one by one, one to each in order, not all to the nearest level
    let checks = bound("全年营业收入150亿元，净利润12亿元，分别增长3.2%和7.5%。");
    let pairs: Vec<&Vec<String>> = checks
        .iter()
        .filter(|(r, _)| r == "growth-rate")
        .map(|(_, qs)| qs)
        .collect();
    assert_eq!(
        pairs,
        vec![
            &vec!["150亿元".to_string(), "3.2%".to_string()],
            &vec!["12亿元".to_string(), "7.5%".to_string()]
        ]
    );
}

#[test]
fn where_a_part_starts_is_no_part_of_where_the_whole_ends() {
    let checks = bound("全省研发投入从2015年1200亿元增长到2023年3100亿元，其中基础研究投入从60亿元增长到超过200亿元。");
    assert!(
        !checks
            .iter()
            .any(|(r, qs)| r == "part-of-whole" && qs.contains(&"3100亿元".to_string())),
        "{checks:?}"
    );
    // a part of the whole at the same point still is one
    let checks = bound("全省研发投入增长到2023年的3100亿元，其中基础研究投入280亿元。");
    assert!(
        checks.iter().any(|(r, _)| r == "part-of-whole"),
        "{checks:?}"
    );
}

#[test]
fn a_headline_figure_the_body_prints_is_not_compared_with_another() {
    // the body prints 5.4% as a rise in prices: the headline's rate is that one, not 乙国's
    let checks = bound("甲国一季度通胀率达5.4%\n\n本报讯 乙国一季度通胀率为3.9%。甲国一季度居民消费价格同比上涨5.4%。");
    assert!(!checks.iter().any(|(r, _)| r == "headline"), "{checks:?}");
    // a headline figure the body never prints is still compared
    let checks = bound("甲国一季度通胀率达5.4%\n\n本报讯 甲国一季度通胀率为3.9%。");
    assert!(checks.iter().any(|(r, _)| r == "headline"), "{checks:?}");
}

#[test]
fn a_class_bound_and_a_count_of_digits_are_no_levels() {
    // the rate is of the cases in the age group, not of the age
    let checks = bound("其中，甲省12岁及以下的儿童流感病例在过去一个月增加了约85%，从3月1日的2400例增加到了4月1日的4450例。");
    assert!(
        !checks.iter().any(|(r, _)| r == "growth-rate"),
        "{checks:?}"
    );
    assert!(
        checks.iter().any(|(r, _)| r == "growth-from-to"),
        "{checks:?}"
    );
    // 两位数增长 says how fast, it is no figure of the share's whole
    let checks = bound("软件出口收入保持两位数增长，占全行业收入近六成。");
    assert!(checks.is_empty(), "{checks:?}");
    // a level after a class bound keeps its rate
    let checks = bound("全市60岁及以上老人达到32万人，比上年增长4%。");
    assert!(checks.iter().any(|(r, _)| r == "growth-rate"), "{checks:?}");
}

#[test]
fn a_threshold_passed_a_part_after_which_and_a_fall_in_points() {
    // the share is of the level printed, not of the round threshold it passed
    let checks = bound("全年实现增加值8.3万亿元，首次突破8万亿元，占地区生产总值比重约12%。");
    assert!(
        checks
            .iter()
            .any(|(r, qs)| r == "share-of-whole" && qs.contains(&"8.3万亿元".to_string())),
        "{checks:?}"
    );
    // after 其中 the points are the part's, not a change of the total's rate
    let checks = bound("前两个月进出口同比增长8.7%，其中出口增幅比去年12月扩大了4.2个百分点。");
    assert!(
        !checks.iter().any(|(r, _)| r == "points-change"),
        "{checks:?}"
    );
    // 重挫 is a fall in points, no level the rate grew from
    let checks = bound("当日沪指重挫85.12点，跌幅为2.63%。");
    assert!(
        !checks.iter().any(|(r, _)| r == "growth-rate"),
        "{checks:?}"
    );
}

#[test]
fn a_level_risen_from_a_printed_start_is_checked_against_it_as_a_reading() {
    let report = Checker::new().check(
        "draft.txt",
        "该股股价从4.20元上涨至5.46元，涨幅达30%。".as_bytes(),
    );
    assert!(
        report.checks.iter().any(|c| c.rule == "growth-rate"
            && c.quantities.len() == 3
            && c.status == "consistent"),
        "{:?}",
        report.checks
    );
    // where they disagree the rate may measure from another start (a close, not a low): a note
    let report = Checker::new().check(
        "draft.txt",
        "该股股价从4.20元上涨至5.46元，涨幅达20%。".as_bytes(),
    );
    assert!(!report.findings.is_empty());
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity == factcheck_report::Severity::Info),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_headline_duration_restates_the_bodys_in_another_numeral() {
    let checks = bound("坚守山村十六年的乡村教师\n\n本报讯 16年来，他一直坚守在山村小学。");
    assert!(checks.iter().any(|(r, _)| r == "headline"), "{checks:?}");
}

#[test]
fn a_colon_after_a_count_opens_a_list_only_of_names() {
    // topics after a count of meetings, left open with an ellipsis: no count of them
    let checks =
        bound("领导小组一共召开了12次会议：教育改革、医疗改革、住房改革……一个个难题被破解。");
    assert!(
        !checks.iter().any(|(r, _)| r == "counted-list"),
        "{checks:?}"
    );
    // points numbered one by one are the enumeration's to count
    let checks = bound("报告共分5个部分：一、过去一年的工作；二、今年的目标任务；三、重点工作。");
    assert!(
        !checks.iter().any(|(r, _)| r == "counted-list"),
        "{checks:?}"
    );
}

#[test]
fn a_figure_restated_without_its_unit_is_the_same_figure() {
    let checks = bound(
        "公司计划募集资金70亿元，用于新建产线。市场人士认为，募集资金70亿的规模在行业内属于前列。",
    );
    assert!(checks.iter().any(|(r, _)| r == "duplicate"), "{checks:?}");
    // another magnitude is another figure's
    let checks =
        bound("公司计划募集资金70亿元，用于新建产线。市场人士认为，募集资金70万的规模并不算大。");
    assert!(!checks.iter().any(|(r, _)| r == "duplicate"), "{checks:?}");
}

#[test]
fn a_rounded_header_restates_the_exact_total_before_it() {
    // 在4.28万名考生中 restates the 42816 just given: the parts are within both
    let checks = bound("本报讯 今年全市有42816名考生报名参加中考。在4.28万名考生中，城区考生26410人，农村考生16406人。");
    assert!(
        checks
            .iter()
            .any(|(r, qs)| r == "parts-within-total" && qs.contains(&"42816名".to_string())),
        "{checks:?}"
    );
    // parts that the rounding would hold but the exact total cannot
    let report = Checker::new().check(
        "draft.txt",
        "本报讯 今年全市有42816名考生报名参加中考。在4.28万名考生中，城区考生26410人，农村考生16420人。"
            .as_bytes(),
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "parts-within-total"),
        "{:?}",
        report.findings
    );
}

#[test]
fn what_follows_a_colon_or_an_ordinal_is_not_always_a_count_or_its_parts() {
    for draft in [
        // what was said after a colon is no list of the speakers
        "座谈会上，3位代表认为：教育、医疗、养老、就业都需要长期投入。",
        // items that carry their own counts are not one each
        "学校新来6名老师：三名数学老师、两名语文老师和一名英语老师。",
        // points of what was done with a budget are no parts of the revenue before them
        "去年全县财政收入38亿元，全年财政工作突出三个重点：一是投入民生资金26亿元；二是减税降费8.5亿元；三是争取补助资金12亿元。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
    // 目前 and 此后 are times, not the head of a top group
    let report = Checker::new().check("draft.txt", "截至目前12名伤员已出院。".as_bytes());
    assert!(
        report
            .quantities
            .iter()
            .all(|q| q.aspect.as_deref() != Some("rank")),
        "{:?}",
        report.quantities
    );
}

#[test]
fn a_digest_item_titled_with_an_ordinal_is_still_an_item() {
    let page = "县域快讯\n甲镇新修农村公路120公里\n今年以来，甲镇新修农村公路120公里，同比增长10%。\n第三届农民丰收节开幕\n昨天，第三届农民丰收节在乙镇开幕。\n丙镇新修农村公路85公里\n今年以来，丙镇新修农村公路85公里，同比增长10%。";
    let report = Checker::new().check("draft.txt", page.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // the page's heading, then one story per item
    assert_eq!(report.articles.len(), 4);
}

#[test]
fn a_date_inside_a_shares_whole_is_part_of_its_name() {
    let checks = bound("截至2023年12月31日，基金乙2023年度已实现收益为1856万元，共计派发现金红利1410万元，占基金乙2023年度已实现收益的75.97%。");
    assert!(
        checks
            .iter()
            .any(|(r, qs)| r == "share-of-whole" && qs.len() == 3),
        "{checks:?}"
    );
}

#[test]
fn the_name_after_a_compared_year_is_the_bases_not_the_figures() {
    // 比2022年决算数减少: the amount and the rate both describe the level before them
    let checks = bound("县本级支出预算数为86亿元，比2022年决算数减少2亿元，下降2.3%。");
    assert!(
        checks
            .iter()
            .any(|(r, qs)| r == "growth-rate" && qs.len() == 3),
        "{checks:?}"
    );
    let report = Checker::new().check(
        "draft.txt",
        "县本级支出预算数为86亿元，比2022年决算数减少2亿元，下降12%。".as_bytes(),
    );
    assert!(
        report.findings.iter().any(|f| f.rule == "growth-rate"),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_figure_told_again_without_its_measure_word_is_the_same_figure() {
    let draft = |later: &str| {
        format!("今年，县本级支出预算数为86亿元，增长3.1%。各项重点支出得到保障。按功能分类看，县本级支出{later}亿元，增长3.1%，保持平稳。")
    };
    let restated = |report: &factcheck_report::FileReport| {
        report
            .checks
            .iter()
            .filter(|c| c.rule == "duplicate")
            .map(|c| c.status.clone())
            .collect::<Vec<_>>()
    };
    let same = Checker::new().check("draft.txt", draft("86").as_bytes());
    assert_eq!(restated(&same), ["consistent"], "{:?}", same.checks);
    let other = Checker::new().check("draft.txt", draft("68").as_bytes());
    assert_eq!(restated(&other), ["contradiction"], "{:?}", other.checks);
    // two measures of their own kind (a budget, an outturn) are two figures
    let two = Checker::new().check(
        "draft.txt",
        "县本级支出预算数为86亿元，增长3.1%。全年县本级支出执行数为84亿元，增长3.1%。".as_bytes(),
    );
    assert!(restated(&two).is_empty(), "{:?}", two.checks);
}

#[test]
fn a_round_header_may_round_to_its_last_digit_but_one() {
    // 1200 after 1201.5 rounds to the hundred, not to the unit: no restatement told wrong
    let report = Checker::new().check(
        "draft.txt",
        "去年全市财政支出共1201.5亿元，基本持平。1200亿元中，约350亿元用于市本级，其余约850亿元转给区县。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // a header far from the figure before it (a fifth or more) is another whole
    let report = Checker::new().check(
        "draft.txt",
        "今年全县有12836名考生报名参加中考。在2.1万名考生中，城区考生7400人。".as_bytes(),
    );
    assert!(
        report.checks.iter().all(|c| c.rule != "duplicate"),
        "{:?}",
        report.checks
    );
}

#[test]
fn names_then_a_count_of_something_else_are_not_counted() {
    for draft in [
        // villages in the towns, not the towns
        "今年，甲镇、乙镇和丙镇12个村完成了改厕。",
        // some of the countries counted, not all
        "包括甲国、乙国在内的9个国家参加了演习。",
        // a verb between two lists: who gave and who got
        "财政部、应急管理部向甲省、乙省、丙省3省下拨补助资金。",
        // a list left open
        "北京、上海、广州等10个城市入选。",
    ] {
        let checks = bound(draft);
        assert!(
            checks.iter().all(|(r, _)| r != "names-then-count"),
            "{draft}: {checks:?}"
        );
    }
    // the towns themselves, counted by their own kind
    let checks = bound("今年，甲镇、乙镇和丙镇3镇完成了改厕。");
    assert!(
        checks.iter().any(|(r, _)| r == "names-then-count"),
        "{checks:?}"
    );
}

#[test]
fn the_first_days_of_a_span_are_not_the_span() {
    let checks = bound("县读书月从4月1日至30日举行。前3天里，共借出图书8000册。");
    assert!(
        checks.iter().all(|(r, _)| !r.starts_with("span")),
        "{checks:?}"
    );
    let checks = bound("县读书月从4月1日至30日举行。30天里，共借出图书8万册。");
    assert!(
        checks.iter().any(|(r, _)| r == "span-then-days"),
        "{checks:?}"
    );
}

#[test]
fn two_words_for_one_amount_name_one_figure() {
    let draft = |later: &str| {
        format!("2025年，全省实际使用外资规模超120亿元，再创新高。2025年，全省实际使用外资金额{later}亿元，同比增长8.1%。")
    };
    let restated = |draft: &str| statuses(draft, "duplicate");
    assert_eq!(restated(&draft("123.4")), ["consistent"]);
    assert_eq!(restated(&draft("113.4")), ["contradiction"]);
}

#[test]
fn a_level_reached_is_no_amount_of_change() {
    for draft in [
        "舞台的高度从2米升到了3米。",
        "村民人均收入从2020年的9100元增长到了12800元。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
    // any direction word and 至 or 到: where the figure went, a level
    let report = Checker::new().check("draft.txt", "贸易逆差收窄至120亿元。".as_bytes());
    assert_eq!(report.quantities[0].aspect.as_deref(), Some("level"));
}

#[test]
fn a_partition_in_the_sentence_after_its_qualified_total_adds_up_to_it() {
    let draft = |rural: &str| {
        format!("全县常住人口为52.6万人。城镇人口为21.3万人，乡村人口为{rural}万人。")
    };
    let sum = |draft: &str| statuses(draft, "sum-of-parts");
    assert_eq!(sum(&draft("31.3")), ["consistent"]);
    assert_eq!(sum(&draft("33.1")), ["contradiction"]);
    // a total named for a part of the whole (专业考生) is not the partition's total
    assert!(sum("今年全县专业考生1200人。应届考生11000人，往届考生1836人。").is_empty());
}

#[test]
fn a_row_printed_in_two_tables_is_one_row() {
    let page = |output: &str| {
        format!(
            "表1 全县油料生产情况\n\
             | 播种面积（公顷） | 单产（公斤/公顷） | 总产量（吨） |\n\
             全年油料 | 12480.5 | 2736.4 | 34151.3 |\n\
             油菜籽 | 9020.1 | 2511.7 | 22655.9 |\n\
             \n\
             表2 各乡镇油料生产情况\n\
             乡镇 | 播种面积（公顷） | 单产（公斤/公顷） | 总产量（吨） |\n\
             全县合计 | 12480.5 | 2736.4 | {output} |\n\
             东关镇 | 3120.4 | 2811.2 | 8772.1 |\n"
        )
    };
    let restated = |page: &str| statuses(page, "duplicate");
    assert_eq!(
        restated(&page("34151.3")),
        ["consistent", "consistent", "consistent"]
    );
    let changed = restated(&page("31451.3"));
    assert!(
        changed.contains(&"contradiction".to_string()),
        "{changed:?}"
    );
    // rows that agree in one column only are two rows
    let other =
        page("31451.3").replace("全县合计 | 12480.5 | 2736.4", "全县合计 | 12480.5 | 2763.4");
    assert!(restated(&other).is_empty());
}

#[test]
fn a_count_and_中_then_a_count_of_the_same_things_is_a_part() {
    let part_of = |draft: &str| statuses(draft, "part-of-whole");
    assert_eq!(
        part_of("全县156个村中，已有98个村完成改厕。"),
        ["consistent"]
    );
    assert_eq!(
        part_of("全市12家银行中有17家已上调利率。"),
        ["contradiction"]
    );
    // a count of other things in the wholes counted
    assert!(part_of("该企业在全国50个城市中有200个门店。").is_empty());
    assert!(part_of("全国5000家上市公司中有6000家次发布了分红预案。").is_empty());
    for draft in [
        // things of another kind under the same head word
        "运动员参加了全部5个大项中46个小项的比赛。",
        // a rate per a base
        "每10万名儿童中有680人感染。",
        // 中标 is no 中 of a whole
        "3家企业中标5个项目。",
    ] {
        assert!(part_of(draft).is_empty(), "{draft}");
    }
}

#[test]
fn a_headline_count_under_another_measure_word_restates_the_body() {
    let checks = bound("全国21省区市出台方案\n\n本报讯 目前，全国已有21个省区市出台了实施方案。");
    assert!(checks.iter().any(|(r, _)| r == "headline"), "{checks:?}");
    let checks = bound("五大战区开展演练\n\n本报讯 近日，五个战区分别组织演练。");
    assert!(checks.iter().any(|(r, _)| r == "headline"), "{checks:?}");
    // counts of different things are not one figure
    let checks = bound("全国21省区市出台方案\n\n本报讯 目前，已有21个部门参与制定实施方案。");
    assert!(checks.iter().all(|(r, _)| r != "headline"), "{checks:?}");
}

#[test]
fn people_named_then_counted_back_are_as_many_as_the_count() {
    let status = |draft: &str| statuses(draft, "names-then-count");
    assert_eq!(
        status("张大力、李小明合同到期，这两人都将离队。"),
        ["consistent"]
    );
    assert_eq!(
        status("张大力、李小明、王强合同到期，这两人都将离队。"),
        ["contradiction"]
    );
    assert_eq!(status("张大力、李小明、王强三人合同到期。"), ["consistent"]);
    // events in the cities named are not the cities
    assert!(status("北京、上海、广州举办展会，这5场展会共吸引观众10万人次。").is_empty());
}

#[test]
fn a_rate_against_the_year_before_named_or_not_is_one_rate() {
    let draft = |later: &str| {
        format!("2025年，县本级支出预算数为86亿元，比2024年决算数减少0.9亿元，下降1.0%。\n\n各项支出跟去年相比基本持平。县本级支出{later}亿元，下降1.0%，连续第二年负增长。")
    };
    let restated = |draft: &str| statuses(draft, "duplicate");
    assert_eq!(restated(&draft("68")), ["contradiction"]);
    // 跟去年相比 compares: the figure after it is still of 2025
    let report = Checker::new().check("draft.txt", draft("86").as_bytes());
    let later = report
        .quantities
        .iter()
        .rfind(|q| q.text == "86亿元")
        .expect("read");
    assert_eq!(later.period.as_deref(), Some("2025年"));
}

#[test]
fn structures_that_only_look_like_this_rounds_make_no_alarm() {
    for draft in [
        // counts of other things inside the wholes counted
        "全省12个地市中，已有30个县市区完成任务。",
        "全区6个街道中，有4个街道的15个社区被评为示范社区。",
        // a noun that only opens with the names' last character, a bloc counted with its members
        "东坡村、西坡村和南坡村21个村民小组参加了活动。",
        "中国、日本、韩国和东盟10国领导人出席会议。",
        // a net of another flow, another subject or another period in the sentence after
        "前三季度货物出口410亿元，货物进口530亿元。服务贸易逆差30亿元。",
        "北向资金买入860亿元，卖出820亿元。南向资金净流入35亿元。",
        "全年出口1.2万亿元，进口0.8万亿元。全省对外投资净流出300亿元。",
        "全年服务出口1337亿元，服务进口1472亿元。去年同期服务贸易逆差为150亿元。",
        // a net compared against
        "当月出口2000亿美元，进口1200亿美元，顺差由上月的720亿美元扩大到800亿美元。",
        // a header naming a part of the total before it
        "全县共有各类在校学生12836人。在1.1万名义务教育阶段学生中，男生5900人。",
        // the first days of a holiday
        "国庆假期（10月1日—8日）头3天里，全市接待游客80万人次。",
        // the same county in the tables of two years
        "表1 2022年各县基本情况\n县 | 土地面积（平方公里） | 耕地面积（公顷） | 地区生产总值（亿元） |\n甲县 | 1256.3 | 45210.6 | 286.5 |\n乙县 | 987.4 | 38120.2 | 231.8 |\n\n表2 2023年各县基本情况\n县 | 土地面积（平方公里） | 耕地面积（公顷） | 地区生产总值（亿元） |\n甲县 | 1256.3 | 45210.6 | 301.2 |\n乙县 | 987.4 | 38120.2 | 245.6 |",
        // a city and its province
        "全市实际使用外资5.2亿美元，增长3%。另据介绍，全省实际使用外资总额52.6亿美元，增长3%。",
        // a figure of 2000万 is no year: the span is of a year unknown, leap or not
        "春运从1月26日到3月6日，共41天。其间全省发送旅客2000万人次。",
    ] {
        assert!(alarms(draft).is_empty(), "{draft}: {:?}", alarms(draft));
    }
}

#[test]
fn a_rate_named_by_its_abbreviation_is_found_by_it() {
    // 全县GDP186.4亿元: the name ends in the abbreviation printed right before the figure
    assert_eq!(
        statuses(
            "全年全县GDP186.4亿元，比上年增长9.5%。全社会用电量12.5亿千瓦时，增长3.2%，低于GDP增幅6.3个百分点。",
            "points-against"
        ),
        ["consistent"]
    );
    assert_eq!(
        statuses(
            "全年全县GDP186.4亿元，比上年增长9.5%。全社会用电量12.5亿千瓦时，增长3.2%，低于GDP增幅4.3个百分点。",
            "points-against"
        ),
        ["contradiction"]
    );
}

#[test]
fn days_named_twice_count_from_one_day() {
    let days = |draft: &str| statuses(draft, "day-words");
    // a month left unprinted may be the month before: 1日 and 8月31日 are a day apart
    assert_eq!(
        days("今天（1日），新学期开学。昨天（8月31日），各校完成了报到。"),
        ["consistent"]
    );
    // no year printed: 2月29日 is yesterday in a leap year
    assert_eq!(
        days("今天（3月1日），冬训结束。昨天（2月29日），队员完成了测试。"),
        ["consistent"]
    );
    assert_eq!(
        days("今天（8日），大会开幕。明天（10日），代表们将分组讨论。"),
        ["contradiction"]
    );
    assert_eq!(
        days("本报北京9月8日讯 今天（9日），全国农技推广大会在京开幕。"),
        ["contradiction"]
    );
    // a weekday or a festival in the brackets is no date
    assert!(days("今天（周一），大会开幕。昨天（10日），代表们报到。").is_empty());
    // December runs into January
    assert_eq!(
        days("今天（1日），新年音乐会上演。昨天（12月31日），市民排队购票。"),
        ["consistent"]
    );
    // words that count from another day than the story's: none is paired
    for draft in [
        // a date and a word that only begins with the mark (电价, 电影节)
        "自7月1日电价将下调。记者今天（6月28日）从供电公司获悉这一消息。",
        "本报讯 6月15日电影节开幕。今天（14日），首批影片已运抵。",
        // another source's dispatch
        "据新华社北京6月9日电 今天（10日），全国夏粮收购开始。",
        // a notice of another day, a quote, a day after another
        "市交通局6月8日发布通知称，自明天（6月9日）起，3路公交车改道。今天（6月11日），记者乘车体验了新线路。",
        "王师傅告诉记者：“明天（9日）一早就要出发。”今天（6月11日），车队已抵达拉萨。",
        "今天（8日），科考队抵达营地。第二天，今天（9日），队员们开始钻取冰芯。",
        // a headline written for the day of the paper over copy filed the day before
        "今天（11日）起，这些新规施行\n新华社北京6月10日电 明天（11日）起，一批新规正式施行。",
    ] {
        let alarms: Vec<_> = Checker::new()
            .check("draft.txt", draft.as_bytes())
            .findings
            .into_iter()
            .filter(|f| f.rule == "day-words")
            .collect();
        assert!(alarms.is_empty(), "{draft}: {alarms:?}");
    }
    // an event's days: two spans in the story leave it open which one opens and closes
    let ends = |draft: &str| statuses(draft, "span-ends");
    assert!(
        ends("展会于5月1日至7日举行，论坛于5月3日至4日举行。展会5月1日开幕，5月6日闭幕。")
            .is_empty()
    );
    assert_eq!(
        ends("展会于5月1日至7日举行。展会5月1日开幕，5月6日闭幕。"),
        ["consistent", "contradiction"]
    );
    // a part of the event, a span of registration, a check-in day before the opening
    for draft in [
        "文化节于5月1日至7日举行。其中书画展5月2日开幕，5月6日闭幕。",
        "文化节于5月1日至7日举行。分论坛5月2日开幕，5月4日闭幕。",
        "报名时间为3月1日至10日。美食节3月15日开幕，3月20日闭幕。",
        "夏令营7月10日至20日举办。营员10日报到，11日开营，20日闭营。",
    ] {
        assert!(ends(draft).is_empty(), "{draft}");
    }
}

#[test]
fn a_main_part_is_a_level_of_the_totals_unit_and_period() {
    let mainly = |draft: &str| statuses(draft, "subset-mainly");
    assert_eq!(
        mainly("热线受理诉求312件，主要为咨询停车问题，共368件。"),
        ["contradiction"]
    );
    for draft in [
        // a change, a figure of another period, a count of people against one of visits
        "热线受理诉求同比增加120件，主要为咨询停车问题，共268件。",
        "今年受理诉求312件，主要为咨询停车问题，去年同期共418件。",
        "景区接待游客3.2万人，主要来自周边城市，共5.1万人次。",
        // another measure with no 共 before it
        "全年发放贷款12.6亿元，主要用于支持创业，带动就业资金18亿元。",
    ] {
        assert!(mainly(draft).is_empty(), "{draft}");
    }
}

#[test]
fn a_rate_named_for_another_territory_is_not_the_storys_own() {
    // 全省GDP增幅 is the province's: the county's rate is no term of the difference
    assert!(statuses(
        "全年全县GDP186.4亿元，比上年增长9.5%。全社会用电量12.5亿千瓦时，增长3.2%，高于全省GDP增幅1.2个百分点。",
        "points-against"
    )
    .is_empty());
    // 我县 and 全县 are one county
    assert_eq!(
        statuses(
            "全年我县地区生产总值186.4亿元，比上年增长9.5%。全社会用电量12.5亿千瓦时，增长3.2%，低于全县地区生产总值增幅6.3个百分点。",
            "points-against"
        ),
        ["consistent"]
    );
}

#[test]
fn half_in_words_is_a_share() {
    let shares = |draft: &str| statuses(draft, "share-of-whole");
    assert_eq!(
        shares("全县共有项目449个，其中新兴产业项目232个，占比超半数。"),
        ["consistent"]
    );
    assert_eq!(
        shares("全县共有项目449个，其中新兴产业项目202个，占比超半数。"),
        ["contradiction"]
    );
    // 约占…的40%: the share is as loose as 约 makes it (9 of 21 is 42.9%)
    assert_eq!(
        shares("在这21只基金中，有9只次新基金，约占基金只数的40%。"),
        ["consistent"]
    );
}

#[test]
fn readings_an_audit_of_consistent_bulletins_needed() {
    for draft in [
        // a year-on-year rate beside a two-year average: not the two years' growth
        "规模以上工业增加值同比增长18.6%，两年平均增长7.2%。",
        // a half day at either end of a span
        "会议于1月5日上午开幕，7日中午闭幕，会期两天半。",
        "会议于1月5日下午开幕，7日下午闭幕，会期两天。",
        // the year of the figures is not the year of the day with its weekday
        "本报讯 2025年，全县地区生产总值386.42亿元，增长5.6%。县十八届人大五次会议将于1月12日（周一）开幕。",
        // a share in a nested list is of the grand total
        "年末全县常住人口52.36万人。60岁及以上人口13.19万人，占25.19%，其中65岁及以上人口9.86万人，占18.83%。",
        // 与…的X相比: X is the level compared against, not the current one
        "全县常住人口为58.42万人，与十年前那次普查的62.90万人相比，十年共减少4.48万人，下降7.1%。",
        // visits are not visitors: a part in 人次 under a whole in 人
        "全市教职工1.9万人，新增学位2.6万个，其中随迁子女在校生达到19.2万人次。",
        // a statement of its own (全县…) ends the parts after 其中
        "城镇人口为29.6万人，外出务工人员达到18.5万人，其中跨省务工人员12.6万人，全县户籍人口为61.2万人。",
        // closings that count last year's carry-over may outnumber this year's intake
        "全年县信访局受理信访事项1262件，办结1285件（含上年结转事项46件）。",
        // nets of both ways net out
        "本周ETF合计净流入86.3亿元。其中，宽基ETF净流入62.1亿元，行业ETF净流入31.5亿元，跨境ETF净流出7.3亿元。",
        // a rate that names its measure by a code (全市CPI, PPI) describes no level before it;
        // two codes are two measures
        "10月份，全市社会消费品零售总额286.4亿元，比上年同期增加12.2亿元，全市CPI同比上涨0.3%，PPI同比下降2.1%。",
        "全市PM2.5平均浓度为32微克/立方米。全市PM10平均浓度为58微克/立方米，优良天数比例达到86.3%。",
        // 上年结转 is a budget line, not last year's revenue
        "2025年，全县一般公共预算收入完成25.30亿元，比上年增长5.8%。一般公共预算收入25.30亿元，加上上级补助收入38.62亿元、上年结转1.08亿元，收入总计65.00亿元。",
        // a budget named alone is the part's own, not the budget of the sentence before
        "全市一般公共预算收入完成226.18亿元，为调整预算225.00亿元的100.5%。全市一般公共预算支出完成412.65亿元，为调整预算的96.8%。",
        // the whole's figure printed inside its name is no part
        "全县小麦播种面积35.12万亩。截至今天，已收获小麦28.46万亩，占小麦播种面积35.12万亩的81.0%。",
        "目前交易所基金合计64只，其中封闭式基金32只，LOF基金27只，ETF基金5只，数量占到473只基金总数的13%。",
        // parts that already make up the total, then the total counted another way
        "共设车站22座，其中地下站18座、高架站4座，换乘站5座。",
        // a coverage ratio of a bank passes 100%
        "截至6月末，该行不良贷款率1.26%，拨备覆盖率228.6%，流动性覆盖率为135.2%。",
        // kinds of a thing and the rest of them are siblings, not a total and its parts
        "空调业务收入1136.8亿元，占营业收入的71.8%；冰箱及洗衣机业务收入284.5亿元，占18.0%；其他业务收入161.3亿元，占10.2%。",
        // counts with no units multiply by no power of ten (a league table)
        "积分榜（第28轮后）\n\n| 排名 | 球队 | 场次 | 胜 | 平 | 负 | 进球 | 失球 | 积分 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n| 1 | 甲队 | 28 | 19 | 5 | 4 | 52 | 24 | 62 |\n| 2 | 乙队 | 28 | 17 | 6 | 5 | 47 | 28 | 57 |\n| 3 | 丙队 | 28 | 15 | 8 | 5 | 44 | 30 | 53 |\n| 4 | 丁队 | 28 | 14 | 7 | 7 | 41 | 33 | 49 |\n| 5 | 戊队 | 28 | 12 | 9 | 7 | 38 | 31 | 45 |",
        // a year compared with (恢复至…同期) is not the story's
        "2026年“五一”假期接待游客68.4万人次，恢复至2019年同期的118.6%。5月3日（周日）为客流高峰日。",
    ] {
        assert!(alarms(draft).is_empty(), "{draft}: {:?}", alarms(draft));
    }
    assert_eq!(
        alarms("全县常住人口为58.42万人，与十年前那次普查的62.90万人相比，十年共减少4.48万人，下降9.1%。"),
        ["growth-rate"]
    );
    // the whole printed in its name is checked
    assert_eq!(
        alarms("全县小麦播种面积35.12万亩。截至今天，已收获小麦28.46万亩，占小麦播种面积35.12万亩的91.0%。"),
        ["share-of-whole"]
    );
    assert_eq!(alarms("医保覆盖率为108.6%。"), ["bounds-rate"]);
    assert_eq!(
        alarms("今年将新建8项工程，目前已有3项开工，其余6项正在做前期工作。"),
        ["sum-of-parts"]
    );
    // the weekday is still checked where no year fits
    assert_eq!(
        alarms("本报讯 2025年，全县地区生产总值386.42亿元。县人代会将于1月12日（周三）开幕。"),
        ["weekday-matches"]
    );
}

#[test]
fn an_earlier_editions_figure_is_the_base_of_a_multiple_not_a_level() {
    // 是上届0.42亿元的2.5倍，增长1.5倍: the growth is this edition's
    let growth_levels = |draft: &str| -> Vec<String> {
        bound(draft)
            .into_iter()
            .filter(|(rule, _)| rule == "growth-rate")
            .flat_map(|(_, figures)| figures)
            .collect()
    };
    let figures = growth_levels("本届交易会成交额1.05亿元，是上届0.42亿元的2.5倍，增长1.5倍。");
    assert!(figures.contains(&"1.05亿元".to_string()), "{figures:?}");
    assert!(!figures.contains(&"0.42亿元".to_string()), "{figures:?}");
}

#[test]
fn a_figure_after_each_counts_once_for_every_name_before_it() {
    // 各 stands for every name before it, however the items are separated, and 和平区 is one name
    for draft in [
        "全区今年新建学校8所，其中和平区和河西区各3所，南开区2所。",
        "全市共有9家三甲医院，其中城东区4家、城西区和城南区各2家、城北区1家。",
        "全年共办招聘会11场，其中春季和秋季各3场，夏季4场，冬季1场。",
    ] {
        assert_eq!(
            statuses(draft, "parts-within-total"),
            ["consistent"],
            "{draft}"
        );
    }
    assert_eq!(
        statuses(
            "全年共办招聘会11场，其中春季和秋季各4场，夏季4场，冬季1场。",
            "parts-within-total"
        ),
        ["contradiction"]
    );
}

#[test]
fn after_which_or_a_breakdown_no_level_is_the_total_of_the_others() {
    // every level after 其中 or 分行业看 is a part: the first one is no total of the rest
    for draft in [
        "园区今年新增岗位8600个。其中，电子信息岗位4100个，物流岗位2900个，其他行业岗位1600个。",
        "公司实现营业收入64.8亿元。\n分产品看，光伏组件收入40.2亿元，储能产品16.3亿元，其他8.3亿元。",
    ] {
        let sums = statuses(draft, "sum-of-parts");
        assert!(sums.iter().all(|s| s == "consistent"), "{draft}: {sums:?}");
        assert!(alarms(draft).is_empty(), "{draft}: {:?}", alarms(draft));
    }
}

#[test]
fn a_breakdown_sentence_lists_the_parts_of_the_total_before_it() {
    // the whole is in the sentence before, past a sentence that only gives last year's figure
    let draft = "前三季度全县规上工业增加值243.8亿元，同比增长8.3%。上年同期增加值为225.2亿元。分行业看，装备制造业增加值98.4亿元，食品加工业增加值77.9亿元，建材业增加值67.5亿元。";
    assert_eq!(statuses(draft, "parts-within-total"), ["consistent"]);
    let wrong = draft.replace("67.5亿元", "87.5亿元");
    assert_eq!(statuses(&wrong, "parts-within-total"), ["contradiction"]);
}

#[test]
fn the_same_time_last_year_named_alone_is_the_base_just_before_it() {
    let draft = "今年1—9月，全市快递业务收入36.4亿元，同比增长12.0%，上年同期为32.5亿元。";
    assert_eq!(statuses(draft, "growth-base-stated"), ["consistent"]);
    let wrong = draft.replace("32.5亿元", "30.5亿元");
    assert_eq!(statuses(&wrong, "growth-base-stated"), ["contradiction"]);
    let points = "今年1—9月，全市新能源汽车渗透率为41.6%，比上年同期提高5.2个百分点。上年同期新能源汽车渗透率为36.4%。";
    assert_eq!(statuses(points, "points-change"), ["consistent"]);
    let wrong = points.replace("36.4%", "34.4%");
    assert_eq!(statuses(&wrong, "points-change"), ["contradiction"]);
}

#[test]
fn a_weekday_may_fit_the_year_after_the_data_year_the_story_mentions() {
    // a release of last year's figures: the day is in the year after them
    let draft = "本报讯 2月10日（星期一），市统计局发布数据，2024年全市常住人口达到312.6万人。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    // a weekday that fits no year near it is still wrong
    let wrong = draft.replace("星期一", "星期四");
    assert_eq!(alarms(&wrong), ["weekday-matches"]);
}

#[test]
fn a_change_counted_in_another_unit_is_of_another_figure() {
    // 增加12件 is of the cases, not of the money
    let draft = "全年查处案件86件，涉案金额2.35亿元，比上年增加12件。上年涉案金额为1.9亿元。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    assert!(bound(draft)
        .iter()
        .all(|(_, figures)| !(figures.contains(&"2.35亿元".to_string())
            && figures.contains(&"12件".to_string()))));
}

#[test]
fn counts_of_two_groups_named_alike_are_no_whole_of_each_other() {
    // each group's count of responders is a part of its own group, not the other's whole
    let draft = "观察组有效96例，有效率为91.4%；对照组有效83例，有效率为79.0%。";
    assert!(statuses(draft, "rate-of-count").is_empty());
}

#[test]
fn a_from_to_figure_is_the_first_amount_after_the_to_word() {
    // 减少 names the change, not where the level ended
    let draft = "全县林地面积从862.5平方公里增至901.3平方公里，增加38.8平方公里，增长4.5%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    let dated = "全县林地面积从2015年的862.5平方公里增至2024年的901.3平方公里，增长6.5%。";
    assert_eq!(statuses(dated, "growth-from-to"), ["contradiction"]);
}

#[test]
fn a_counted_total_adds_the_figures_that_name_its_measure() {
    // each firm's revenue is no part of the two firms' profit
    let draft = "甲公司营业收入88.6亿元，净利润12.4亿元；乙公司营业收入61.2亿元，净利润9.3亿元。两家公司净利润合计21.7亿元。";
    assert_eq!(statuses(draft, "sum-of-parts"), ["consistent"]);
}

#[test]
fn points_between_two_named_subjects_compare_their_rates_in_that_sentence() {
    let draft = "甲区出口增长6.2%，乙区出口增长4.8%。甲区失业率为3.9%，乙区失业率为4.3%，乙区高于甲区0.4个百分点。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    let wrong = draft.replace("0.4个百分点", "0.9个百分点");
    assert_eq!(alarms(&wrong), ["points-against"]);
}

#[test]
fn last_years_figure_named_alone_is_the_base_of_the_nearest_level_only() {
    // 上年同期为… follows the profit: it is no base of the revenue before it
    let draft =
        "公司营业收入42.6亿元，同比增长8.1%；净利润3.95亿元，同比增长15.2%，上年同期为3.43亿元。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    assert_eq!(statuses(draft, "growth-base-stated"), ["consistent"]);
}

#[test]
fn a_breakdown_adds_up_to_the_measure_it_breaks_down_not_the_nearest_figure() {
    // the revenue lines add up to the revenue, not to the profit of the sentence between, nor
    // to the last year's revenue, nor to the lines of another breakdown
    let draft = "上半年公司实现营业收入58.4亿元，同比增长9.2%。上年同期，公司营业收入为53.5亿元。扣除非经常性损益后的净利润4.12亿元。\n分业务看，储能业务收入31.6亿元，光伏业务收入20.3亿元，其他业务收入6.5亿元。\n分地区看，海外业务收入14.8亿元，占营业收入的25.3%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    let sums = statuses(draft, "sum-of-parts");
    assert!(sums.iter().all(|s| s == "consistent"), "{sums:?}");
}

#[test]
fn a_rate_of_a_cut_is_of_its_size_not_of_a_signed_change() {
    // 核减 is a change: the rate of it is over the amount sent for review, not checked here
    let draft = "审计了8个项目，送审金额24.6亿元，审定金额23.1亿元，核减1.5亿元，核减率6.1%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_daily_average_is_of_the_period_total_not_last_years_figure() {
    let draft = "假期全县共接待游客86.4万人次，同比增长7.5%，上年同期为80.4万人次，日均接待游客10.8万人次。假期共8天。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_semicolon_ends_one_subjects_run_before_the_next_subjects_total() {
    let draft = "一队获得金牌3枚、银牌7枚，奖牌总数10枚；二队获得金牌6枚、银牌2枚，奖牌总数8枚。";
    assert_eq!(
        statuses(draft, "sum-of-parts"),
        ["consistent", "consistent"]
    );
    // 利润总额 is a measure of its own, no total of the revenue before it
    let measures = "甲厂产值28亿元，利润总额3亿元；乙厂产值19亿元，利润总额2亿元。";
    assert!(statuses(measures, "sum-of-parts").is_empty());
}

#[test]
fn last_years_figure_given_by_the_way_totals_no_list_and_sets_no_later_period() {
    // the list after the semicolon is of this year's total
    let draft = "2025年8月，全市快递量4620万件，上年同期为4210万件；其中同城快递1380万件，异地快递3240万件。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    assert_eq!(statuses(draft, "parts-within-total"), ["consistent"]);
    // 上年末为… gives last year's figure for its clause only
    let report = Checker::new().check(
        "draft.txt",
        "2025年末全行业资产负债率58.3%，上年末为59.1%。全年营业收入412.6亿元，增长6.2%。"
            .as_bytes(),
    );
    let revenue = report
        .quantities
        .iter()
        .find(|q| q.text == "412.6亿元")
        .expect("the revenue is read");
    assert_eq!(revenue.period.as_deref(), Some("2025年"));
}

#[test]
fn a_rate_is_of_the_count_its_word_names_not_of_the_count_it_denies() {
    let draft = "全县32所学校中，28所达标，4所未达标，达标率87.5%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn shares_of_wholes_named_apart_need_not_add_up() {
    let draft = "受访的650人中，有418人经常网购。其中，男性186人，占男性受访者的60.4%；女性232人，占女性受访者的68.6%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_rate_named_only_by_its_time_restates_the_measure_just_before() {
    let draft =
        "2025年前三季度，全县工业增加值同比增长7.1%，比上半年提高0.5个百分点，上半年为增长6.6%。";
    assert_eq!(statuses(draft, "points-change"), ["consistent"]);
    let wrong = draft.replace("0.5个百分点", "0.9个百分点");
    assert_eq!(statuses(&wrong, "points-change"), ["contradiction"]);
    let this = "2025年全县森林覆盖率为46.2%，比2015年提高3.4个百分点，2015年这一比例为42.8%。";
    assert_eq!(statuses(this, "points-change"), ["consistent"]);
}

#[test]
fn counts_by_outcome_are_parts_of_the_closing_total_not_changes() {
    // 下跌30只 counts the stocks that fell, not a fall of the count before it
    let draft = "当日沪市上涨个股14只，下跌27只，平盘9只，合计50只。";
    assert_eq!(statuses(draft, "sum-of-parts"), ["consistent"]);
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    let wrong = draft.replace("合计50只", "合计53只");
    assert_eq!(alarms(&wrong), ["sum-of-parts"]);
}

#[test]
fn a_whole_named_after_the_comparison_is_no_subject_of_another_measure() {
    // 全部投资 is compared, not the last investment named (航空制造业投资)
    let draft = "前11个月，全部投资增长3.1%。高技术产业投资同比增长7.6%，比全部投资高出4.5个百分点。其中航空航天制造业投资同比增长29.3%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn the_figure_a_share_or_multiple_is_of_is_no_level_of_the_clause() {
    // 2.10万个 is what the 4.0倍 is of, not the part of the share after it
    let report = Checker::new().check(
        "draft.txt",
        "截至年末，全市充电桩保有量达到8.40万个，是2021年末2.10万个的4.0倍；占全省充电桩总量42.0万个的20.0%。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // 25.00亿元 is what the 105.6% is of, not the level that grew by 10.0%
    let report = Checker::new().check(
        "draft.txt",
        "全区税收收入完成26.40亿元，为年初预算25.00亿元的105.6%，比上年的24.00亿元增长10.0%。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.rule == "growth-rate" && c.status == "consistent"),
        "the growth is checked between 24.00亿元 and 26.40亿元"
    );
}

#[test]
fn what_is_left_in_brackets_is_no_list_of_parts() {
    let rules = rules_checked("剔除3个试点县样本（剩余17个县、204个观测值）后，结果不变。");
    assert!(!rules.iter().any(|r| r.contains("sum")), "{rules:?}");
}

#[test]
fn a_rate_after_a_list_of_outcomes_may_be_of_several_of_them() {
    // 总有效率 counts the cured and the improved together
    let rules = rules_checked("观察组治愈18例、好转22例、无效4例，总有效率为90.91%。");
    assert!(!rules.iter().any(|r| r == "rate-of-count"), "{rules:?}");
}

#[test]
fn a_span_that_ends_in_a_named_year_dates_its_start_and_the_same_day_told_before() {
    // 12月29日 is the last December before 2026年1月4日, not the December of 2019年底
    let draft = "本报讯 12月29日（星期一），市地铁3号线开通运营。2019年底，全市地铁里程为58公里。12月29日至2026年1月4日（星期日），市民可免费乘坐3号线。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    let wrong = draft.replacen("星期一", "星期二", 1);
    assert_eq!(alarms(&wrong), ["weekday-matches"]);
}

#[test]
fn a_year_planned_for_dates_no_day_of_the_story() {
    // the next games' year is not this one's: 2029-08-23 is a Thursday
    let draft = "本报讯 8月23日（星期六）晚，第九届全市运动会闭幕。下一届运动会将于2029年举办。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_whole_number_average_is_rounded_not_counted() {
    // 14500 calls over 7 days is 2071.4 a day, printed 2071
    let draft = "春节假期7天里，热线共接听来电1.45万个，日均2071个。其中，咨询类8012个，求助类3506个，投诉类2982个。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    assert_eq!(statuses(draft, "average-per-item"), ["consistent"]);
}

#[test]
fn shares_of_each_groups_own_members_are_not_of_one_whole() {
    // each share is of its own group: they add up to more than 100%
    let draft = "城区学生睡眠达标的有420人，占60.0%；乡村学生睡眠达标的有300人，占50.0%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    assert!(statuses(draft, "share-of-whole").is_empty());
}

#[test]
fn a_counted_total_after_a_semicolon_counts_what_its_clause_names() {
    let draft = "展期累计观众12.5万人次，其中专业观众4.1万人次。开幕首日观众3.2万人次；周六、周日两天合计观众5.9万人次。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_partition_may_add_up_to_a_level_between_it_and_the_total() {
    // the valid sample, not everyone asked, is what the residents add up to
    let draft = "本次调查抽取居民2000人，有效样本1900人。其中城市居民1100人，农村居民800人。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn an_average_is_no_part_of_the_whole_a_share_is_of() {
    let draft = "全县小麦种植面积40.0万亩。种粮大户250户，经营小麦面积10.0万亩，户均经营400亩，占全县小麦种植面积的25.0%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    assert_eq!(statuses(draft, "share-of-whole"), ["consistent"]);
}

#[test]
fn a_share_inside_a_part_with_a_share_may_be_of_the_outer_whole() {
    // 15.0% is of all residents, as the 20.0% of the part it is listed under is
    let draft = "全市常住人口中，60岁及以上人口为20.0万人，占20.0%，其中65岁及以上人口为15.0万人，占15.0%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_subtotal_and_a_grand_total_are_two_sums() {
    // 收入合计 is this year's income, 收入总计 adds what was carried over
    let draft = "2024年度收入合计5210.40万元，年初结转和结余128.60万元。2024年度收入总计5339.00万元，支出总计5339.00万元。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn the_same_time_of_an_earlier_year_dates_no_day_of_the_story() {
    // 2023-10-01 is a Sunday; in 2019 it was a Tuesday
    let draft = "2023年国庆假期，全市接待游客920万人次，2019年同期为780万人次。10月1日（星期日）当天接待游客186万人次。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_count_with_a_rate_of_its_own_is_no_whole_of_the_next_rate() {
    // 治疗率 is of all the patients, who are told in another sentence; 知晓的520例 is another part
    let draft = "调查共发现患者1000例。其中知晓自己患病的520例，知晓率为52.0%；正在治疗的430例，治疗率为43.0%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    // a chain's whole with a rate of its own is still a reading
    let chain = "共发放问卷2000份，回收1900份，回收率为95.0%；得到有效问卷1800份，有效率为94.7%。";
    assert!(alarms(chain).is_empty(), "{:?}", alarms(chain));
    assert!(statuses(chain, "rate-of-count")
        .iter()
        .all(|s| s == "consistent"));
}

#[test]
fn a_breakdown_breaks_down_no_part_of_another_and_no_smaller_level() {
    // 外商投资企业进出口 is a part of the breakdown before, not the whole of the next one
    let draft = "全年外贸进出口2400亿元。\n\n从经营主体看，民营企业进出口1400亿元。外商投资企业进出口600亿元。\n\n从商品看，机电产品进出口1300亿元。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
    // a holiday's visitors are fewer than the year's from outside the city: not what is broken down
    let draft = "全年接待游客3000万人次。五一假期接待游客400万人次。\n\n从客源结构看，市外游客1800万人次，占接待游客总数的60.0%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_whole_read_weakly_is_no_whole_for_the_shares_after_it() {
    // 常住人口 is printed nowhere: the first share's whole is a guess, the next shares keep theirs
    let draft = "从年龄构成看，0—14岁人口120.00万人，占常住人口的15.00%；15—59岁人口520.00万人，占65.00%；60岁及以上人口160.00万人，占20.00%。";
    assert!(alarms(draft).is_empty(), "{:?}", alarms(draft));
}

#[test]
fn a_view_of_the_whole_breaks_nothing_down() {
    // 从统计数据来看 views the figures, it lists no parts of the total before it
    let rules = rules_checked(
        "3月份股票共被减持9.07亿股。\n从统计数据来看，沪市被减持5.01亿股，深市被减持2.20亿股。",
    );
    assert_eq!(
        rules.iter().filter(|r| r.starts_with("parts")).count(),
        0,
        "{rules:?}"
    );
    // a view by a dimension does
    let rules = rules_checked(
        "3月份股票共被减持9.07亿股。\n从市场看，沪市被减持6.12亿股，深市被减持2.95亿股。",
    );
    assert!(
        rules
            .iter()
            .any(|r| r.starts_with("parts") || r == "sum-of-parts"),
        "{rules:?}"
    );
}

#[test]
fn rates_on_a_comparable_basis_imply_no_bases_that_add_up() {
    let draft = "全市规模以上工业企业实现营业收入1000.0亿元，增长10.0%，其中国有控股企业600.0亿元，增长13.5%；其他企业400.0亿元，增长7.0%。";
    assert!(rules_checked(draft).iter().any(|r| r == "bases-of-parts"));
    let noted = format!("{draft}\n注：增速按可比口径计算。");
    let rules = rules_checked(&noted);
    assert!(!rules.iter().any(|r| r == "bases-of-parts"), "{rules:?}");
}

#[test]
fn a_daily_average_totals_no_other_daily_average() {
    let rules = rules_checked("2月1日到8日，全省电厂日均供煤85万吨，日均耗煤79万吨。");
    assert!(!rules.iter().any(|r| r == "average-per-item"), "{rules:?}");
}

#[test]
fn an_industry_named_with_other_in_it_is_no_rest_of_the_list() {
    let draft = "全年全县规模以上工业企业实现营业收入620.0亿元。\n分行业看，纺织业实现营业收入150.0亿元；计算机、通信和其他电子设备制造业120.0亿元；金属制品业80.0亿元。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // the list goes on past that industry, to the third one
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.rule == "parts-within-total" && c.quantities.len() == 4),
        "{:?}",
        report
            .checks
            .iter()
            .map(|c| (&c.rule, &c.quantities))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_change_of_a_total_named_before_its_comparison_is_no_change_of_the_part_before() {
    let draft = "两个组别的参赛人数分别为5000人和2500人，总人数比上届的6000人增加1500人，增长25%。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_daily_average_of_a_period_of_its_own_is_not_over_the_events_days() {
    // the story's event lasts 40 days; the average is of eleven months
    let draft = "为期40天的试运行日前结束。\n\n今年1至11月，全市公交累计运送乘客1.82亿人次，日均54.5万人次。";
    let rules = rules_checked(draft);
    assert!(!rules.iter().any(|r| r == "average-per-item"), "{rules:?}");
}

#[test]
fn a_daily_average_may_be_of_the_first_total_of_its_sentence() {
    let draft = "为期5天的展会今天闭幕。\n\n展会期间累计接待观众21.5万人次，其中境外观众1.2万人次，日均接待观众4.3万人次。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.rule == "average-per-item" && c.status == "consistent"),
        "{:?}",
        report
            .checks
            .iter()
            .map(|c| (&c.rule, &c.status))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_share_of_one_side_with_a_total_is_of_the_total() {
    let rules =
        rules_checked("全县常住人口52.6万人，其中男性26.9万人，女性25.7万人，女性占48.9%。");
    assert!(rules.iter().any(|r| r == "share-of-whole"), "{rules:?}");
    assert!(
        !rules.iter().any(|r| r == "share-of-partition"),
        "{rules:?}"
    );
}

#[test]
fn look_alikes_of_todays_structures_raise_nothing() {
    for draft in [
        // a share inside one side of a pair, not of the pair
        "出口总额85亿元，进口总额60亿元，出口中机电产品占62%。",
        // two weekdays of a range in one bracket
        "5月1日至2日（周五、周六），商场延时营业。",
        // last month's rate is not of the year's total
        "今年以来全市累计受理群众诉求12600件。上月办结1080件，办结率98.2%。",
        // farmers' income per head is not the village fund over its people
        "全村共有村民1020人，村集体经济收入达到48万元，农民人均可支配收入2.6万元。",
        // a number of good-air days is no span of the campaign
        "全年空气优良天数共300天。攻坚行动期间，全市累计查处1200起，日均查处8起。",
        // cases taken in and cases solved are two measures
        "全市公安机关受理刑事案件3000起。去年同期，全市破获刑事案件2483起，今年同比上升14.6%。",
        // the headline's figure told again is not last year's
        "1—10月全市规上工业增加值增长6.5%\n\n1—10月，全市规上工业增加值同比增长6.5%，增速比上年同期加快0.9个百分点。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
}

#[test]
fn a_rate_of_return_is_of_a_sum_the_copy_does_not_state() {
    // 增值收益率 is the gain over the fund's balance, which the sentence never gives
    let rules = rules_checked(
        "2024年，住房公积金业务收入8.43亿元，业务支出5.21亿元，增值收益3.22亿元，增值收益率1.46%。",
    );
    assert!(!rules.iter().any(|r| r == "rate-of-count"), "{rules:?}");
    // a rate whose name holds the whole (资产负债率 of 资产) is checked
    let rules = rules_checked("年末资产合计52.4亿元，负债合计31.0亿元，资产负债率59.2%。");
    assert!(rules.iter().any(|r| r == "rate-of-count"), "{rules:?}");
}

#[test]
fn rates_after_respectively_skip_last_years_figures_and_real_terms() {
    // the levels right before 分别 are last year's: the rates describe no pair of them
    let rules = rules_checked(
        "全年营业收入150亿元，上年为138亿元，净利润12亿元，上年为10.5亿元，分别增长8.7%和14.3%。",
    );
    assert!(
        !rules
            .iter()
            .any(|r| r == "growth-rate" || r == "growth-base-stated"),
        "{rules:?}"
    );
    // rates in real terms are no growth of levels at current prices
    let report = Checker::new().check(
        "draft.txt",
        "全年规上工业增加值120亿元，高技术制造业增加值35亿元，按可比价格计算，比上年分别增长6.2%和11.5%。上年规上工业增加值为108亿元，高技术制造业增加值为30亿元。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_count_handled_after_a_hotlines_kinds_is_no_kind_of_its_own() {
    // 办结 counts the items handled, a part of the total again, not one more kind
    let report = Checker::new().check(
        "draft.txt",
        "今年以来共受理热线诉求5.6万件，主要包括咨询类2.1万件、投诉类1.8万件，按时办结5.4万件，办结率96.4%。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_fall_set_against_a_rise_is_no_difference_of_signed_rates() {
    let rules = rules_checked(
        "前三季度，全市出口增长3.2%，进口下降5.4%，进口降幅比出口增速高2.2个百分点。",
    );
    assert!(!rules.iter().any(|r| r == "points-against"), "{rules:?}");
}

#[test]
fn a_which_list_opening_after_a_semicolon_may_be_of_the_statement_before() {
    // sloppy but common: 其中 opens its own statement and lists parts of the first total
    let report = Checker::new().check(
        "draft.txt",
        "全年全社会用电量85.2亿千瓦时，增长6.1%；工业用电量32.3亿千瓦时，增长5.2%；其中，第三产业用电量26.8亿千瓦时，城乡居民生活用电量24.6亿千瓦时。"
            .as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_rate_of_money_is_not_of_any_sum_beside_it() {
    // profit over costs, bad loans over the balance: neither is of the figure told beside it
    for draft in [
        "全年实现营业收入150亿元，利润总额12亿元，成本费用利润率8.7%。",
        "全年新增贷款投放120亿元，不良贷款1.2亿元，不良率0.8%。",
    ] {
        let rules = rules_checked(draft);
        assert!(
            !rules.iter().any(|r| r == "rate-of-count"),
            "{draft}: {rules:?}"
        );
    }
}

#[test]
fn an_item_named_from_inside_the_one_before_is_no_item_of_the_list() {
    for draft in [
        "全年受理群众来电8.6万件，其中咨询4.1万件，投诉4.5万件，投诉中涉及物业纠纷1.2万件。",
        "全市出口860亿元，其中出口欧盟510亿元，出口欧盟的机电产品380亿元。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
}

#[test]
fn a_change_ending_in_zeros_may_be_rounded_to_them() {
    // 2600亿元 may stand for 2649亿元: level, change and rate are held two by two only
    let report = Checker::new().check(
        "draft.txt",
        "全年研发经费支出3.6万亿元，比上年增加2600亿元，增长8.1%。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_rate_in_real_terms_is_no_growth_of_figures_at_current_prices() {
    for draft in [
        "全年地区生产总值2860亿元，比上年增加180亿元，按可比价格计算，增长5.1%。",
        "初步核算，全年全市地区生产总值2860亿元，按不变价格计算，比上年增长5.1%。上年地区生产总值为2680亿元。",
    ] {
        let report = Checker::new().check("draft.txt", draft.as_bytes());
        assert!(report.findings.is_empty(), "{draft}: {:?}", report.findings);
    }
    // at current prices the three still agree or not
    let rules = rules_checked("全年粮食产量52.6万吨，比上年增加2.1万吨，增长4.2%。");
    assert!(rules.iter().any(|r| r == "growth-rate"), "{rules:?}");
}

#[test]
fn a_count_named_by_a_kind_before_it_is_inside_that_kind() {
    // 投诉办结 counts the complaints handled: inside 投诉类, no third kind of call
    let report = Checker::new().check(
        "draft.txt",
        "全年受理群众来电8.6万件，其中咨询类4.1万件，投诉类4.5万件，投诉办结4.4万件。".as_bytes(),
    );
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

/// No alarm on the draft; the alarm of `rule` when `from` is changed to `to`.
/// No error or warning on the draft.
fn quiet(draft: &str) {
    assert_eq!(alarms(draft), Vec::<String>::new(), "{draft}");
}

fn quiet_then_alarms(draft: &str, from: &str, to: &str, rule: &str) {
    assert_eq!(alarms(draft), Vec::<String>::new(), "{draft}");
    let changed = draft.replacen(from, to, 1);
    assert_ne!(changed, draft, "{from} is in the draft");
    assert!(
        alarms(&changed).iter().any(|a| a == rule),
        "{changed}: {:?}",
        alarms(&changed)
    );
}

#[test]
fn an_item_of_the_breakdown_before_is_no_whole_of_the_next_breakdown() {
    // the two partners' figures share the name 出口额 with the breakdown by firm that follows,
    // but each is smaller than its first part: an item of its own list, no whole
    let draft = "从出口市场看，对东盟出口额412.6亿元，增长6.1%。日本、韩国分别居第二、三位，出口额分别为188.5亿元和97.2亿元。\n从企业性质看，民营企业出口额905.3亿元，增长9.8%；国有企业出口额133.7亿元；外资企业出口额350.9亿元。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn figures_of_two_numbered_items_are_no_restatement() {
    // each item is its own project: the same measure named twice is two projects' figures
    let draft = "二、项目进展\n（一）建设城区污水管网48公里。计划投资3.26亿元，已完成投资2.71亿元。\n（二）改造老旧小区52个。计划投资4.08亿元，已完成投资3.15亿元。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn a_headline_count_the_body_prints_under_another_noun_is_restated() {
    // the headline counts firms, the body counts the questionnaires those firms returned
    let draft = "县域中小企业电商化经营的现状与对策——基于石川市648家企业的问卷调查\n摘要：本研究向石川市中小企业发放问卷720份，回收有效问卷648份，有效回收率90.0%。调查结果显示：已开展电商化经营的企业有352家，占54.3%。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn a_year_a_period_starts_from_is_not_the_year_of_a_later_date() {
    // 2011 opens a since-phrase; the weekday's date is in the summer of the visits
    let draft = "今年暑期（2025年7月1日至8月31日），湖西植物园接待游客31.2万人次，创下2011年建园以来同期最高。8月9日（周六）单日游客最多，达5.6万人次。";
    // (a year read from the story allows the years either side: 周一 fits none of them)
    quiet_then_alarms(draft, "8月9日（周六）", "8月9日（周一）", "weekday-matches");
}

#[test]
fn a_daily_average_is_over_the_span_its_own_sentence_dates() {
    // the campaign lasts 30 days, the total and its average are of its first week
    let draft = "夏季促消费活动自6月1日开始，为期30天。活动第一周（6月1日至7日），全市商圈客流累计121.1万人次，日均17.3万人次。";
    quiet_then_alarms(draft, "日均17.3万", "日均19.3万", "average-per-item");
}

#[test]
fn fractions_that_are_not_a_shares_count_are_left_alone() {
    // two shares in one bracket: which fraction is whose is not said; a run of numerals; a date
    for draft in [
        "两组的有效率（86.7%，39/45；75.6%，34/45）差异有统计学意义。",
        "该病在6/7月份高发，占全年病例的58.2%。",
        "完成率达到96.1%（2024/2025学年）。",
    ] {
        assert!(
            !rules_checked(draft)
                .iter()
                .any(|r| r == "share-of-fraction"),
            "{draft}"
        );
    }
}

#[test]
fn a_rate_named_by_every_counts_act_picks_no_part_by_it() {
    // 整改 opens the rate's name and every count's clause: it names none of them
    let draft = "巡察共发现问题52个，截至9月底，已整改到位44个，部分整改5个，正在整改3个，整改到位率84.6%。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn a_year_in_the_dates_own_sentence_is_the_days_year() {
    // 2023 is printed in the sentence that dates the holiday: its days are 2023's, and a weekday
    // that fits only the year after is wrong
    let draft = "2023年国庆假期（9月29日至10月6日），南湾古镇接待游客41.5万人次。10月3日（星期二）单日客流最高，达7.9万人次。";
    quiet_then_alarms(
        draft,
        "10月3日（星期二）",
        "10月3日（星期四）",
        "weekday-matches",
    );
    // a full date of that month told after the day may be another occasion's (last edition's):
    // the year either side still reads
    let draft = "11月2日（星期日）上午，2025南湾半程马拉松鸣枪开跑。上届比赛于2024年11月3日（星期日）举行。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn a_contradiction_over_a_direction_points_at_its_word() {
    // the figures are right, the word is wrong: the finding shows the word too
    let report = Checker::new().check(
        "draft.txt",
        "全县生产总值增长6.8%。全县用电量增长4.1%，高于生产总值增速2.7个百分点。".as_bytes(),
    );
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "points-against")
        .expect("the points contradict the two rates");
    let at = "全县生产总值增长6.8%。全县用电量增长4.1%，".len();
    assert!(
        finding
            .related
            .iter()
            .any(|r| r.start == at && r.end == at + "高于".len()),
        "{:?}",
        finding.related
    );
}

#[test]
fn a_breakdown_opened_by_a_view_then_a_named_whole_is_of_that_whole() {
    // 企业2.1万户 of all registered firms is not the whole of the new ones
    let draft = "年末全市实有企业8.6万户。今年新登记企业1.25万户。\n从行业看，今年新登记企业中，服务业企业0.98万户，占新登记企业的78.4%；工业企业0.21万户，占16.8%。";
    quiet_then_alarms(draft, "占16.8%", "占18.6%", "share-of-whole");
}

#[test]
fn the_ends_of_a_range_total_nothing() {
    // 48 and 186 bound the studies' sizes; the average is over the studies, of no printed total
    let draft = "共纳入12项研究，单项研究样本量为48～186例，平均每项研究96.5例。";
    assert_eq!(alarms(draft), Vec::<String>::new());
    assert!(
        !statuses(draft, "average-per-item")
            .iter()
            .any(|s| s == "contradiction"),
        "{draft}"
    );
}

#[test]
fn a_ratio_far_from_a_hundred_in_all_is_no_structure() {
    let draft = "全市共有卫生机构1280个，其中医院52家（含公立医院21家、民营医院31家）。卫生技术人员8960人，其中执业医师3120人，注册护士3780人，医护比为1:1.21。";
    assert_eq!(alarms(draft), Vec::<String>::new());
    assert!(
        !rules_checked(draft).iter().any(|r| r == "structure-shares"),
        "{draft}"
    );
}

#[test]
fn points_of_several_subjects_after_respectively_are_no_one_rate() {
    let draft = "全市社会消费品零售总额增长4.2%。其中，家具类增长9.3%，建筑装潢类增长12.8%，家具类、建筑装潢类零售额增速分别比全市高5.1个和8.6个百分点。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn a_headline_total_against_a_body_with_averages_and_far_parts() {
    // the body's daily average and the far smaller parts named alike are no rival reading of
    // the headline's figure: a headline that misprints the total is warned of
    let draft = "国庆长假 全市揽收快递1268.4万件\n\n本报讯 国庆长假期间，全市邮政、快递企业累计揽收快递1268.4万件，日均揽收快递181.2万件。其中，邮政揽收快递512.5万件，民营快递企业揽收快递755.9万件。";
    quiet_then_alarms(
        draft,
        "揽收快递1268.4万件\n",
        "揽收快递1286.4万件\n",
        "headline",
    );
}

#[test]
fn look_alikes_of_this_rounds_structures_stay_quiet() {
    // each was a false alarm of a first version of its structure: a yearly rate of another
    // measure, over another span or in real terms; a rate of one outcome, or outcomes past 无效;
    // shares of each one's own target; a subgroup's share; medians for a ratio of means; a
    // narrower scope per head of population, or only the parts of the total printed; a share of
    // the part just named
    for draft in [
        "2025年全市进出口总额比2020年增长31.5%，其中出口年均增长8.2%。",
        "全县户籍人口由2020年的36.2万人增加到2025年的37.1万人，常住人口年均增长0.9%。",
        "全区生产总值由2020年的812亿元增加到2025年的1096亿元，按可比价格计算，年均增长5.1%。",
        "2025年全市旅游收入比2020年增长85.0%，近十年年均增长11.6%。",
        "治疗组显效28例、有效15例、无效5例，显效率为58.3%。",
        "观察组显效22例、有效18例、无效4例、加重1例，总有效率为88.9%。",
        "全年城镇新增就业4.6万人，失业人员再就业1.2万人，分别完成全年目标任务的102.2%和120.0%。",
        "城镇居民人均教育文化娱乐支出3250元，农村居民人均教育文化娱乐支出1560元，分别占各自人均消费支出的11.2%和9.8%。",
        "受访者中女性612人，占51.0%；女性受访者中有锻炼习惯的300人，占49.0%。",
        "城镇居民人均可支配收入中位数41200元，农村居民人均可支配收入中位数18900元。按平均数计算，城乡居民人均可支配收入比值为2.25。",
        "全市有效发明专利拥有量1.92万件，其中市区1.41万件。按市区常住人口205.3万人计算，市区每万人口发明专利拥有量68.7件。",
        "公立医院床位1.86万张，民营医院床位0.52万张。按年末常住人口402.6万人计算，每千人口医疗卫生机构床位6.21张。",
        "全年新登记企业2.46万户，占新登记经营主体的35.2%；第三产业企业1.93万户，占78.5%。",
    ] {
        quiet(draft);
    }
}

#[test]
fn partitions_are_of_the_whole_they_name_and_of_no_side_of_another() {
    // the industries are of the city's product, not of the counties' named nearer; they make
    // up the product, not the electricity (households use some); men and women are of all
    // residents, not of the rural side; a breakdown by crop paragraphs after one by season may
    // break down the year's grain
    for draft in [
        "全市地区生产总值3120.5亿元。\n中心城区实现地区生产总值1410.2亿元，四个县合计实现地区生产总值1710.3亿元。\n全市第一产业增加值205.4亿元，第二产业增加值1180.6亿元，第三产业增加值1734.5亿元。",
        "全年全社会用电量588.3亿千瓦时。分产业看，第一产业用电量8.2亿千瓦时，第二产业用电量380.5亿千瓦时，第三产业用电量112.4亿千瓦时。",
        "年末城镇常住人口265.3万人，乡村常住人口98.7万人。年末常住人口中，男性186.2万人，女性177.8万人。",
        "全年粮食总产量61.2万吨。\n分季节看，夏粮产量20.5万吨，秋粮产量40.7万吨。\n分品种看，稻谷产量30.1万吨，小麦产量19.6万吨，玉米产量9.8万吨。",
    ] {
        assert_eq!(alarms(draft), Vec::<String>::new(), "{draft}");
    }
    quiet_then_alarms(
        "全市地区生产总值3120.5亿元。\n中心城区实现地区生产总值1410.2亿元，四个县合计实现地区生产总值1710.3亿元。\n全市第一产业增加值205.4亿元，第二产业增加值1180.6亿元，第三产业增加值1734.5亿元。",
        "第二产业增加值1180.6亿元",
        "第二产业增加值1108.6亿元",
        "sum-of-parts",
    );
}

#[test]
fn overlapping_groups_with_their_own_shares_are_no_parts_apart() {
    // one delegate may be a woman, of a minority and a party member: the groups add up past the
    // total and their shares past 100%
    let draft = "本次共选出代表326名，其中女性代表98名，占30.1%；少数民族代表27名，占8.3%；党员代表231名，占70.9%。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    // the same groups without their shares are still parts that must fit in the total
    let rules = rules_checked("本次共选出代表326名，其中女性代表98名，党员代表231名。");
    assert!(rules.iter().any(|r| r == "parts-within-total"), "{rules:?}");
}

#[test]
fn a_level_named_by_an_age_band_is_no_whole_of_men_and_women() {
    let draft = "年末常住人口512.3万人。0—14岁人口78.6万人，15—59岁人口331.8万人，60岁及以上人口101.9万人。男性人口260.1万人，女性人口252.2万人。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let text_of = |id: &String| {
        let q = report.quantities.iter().find(|q| &q.id == id);
        q.map_or(String::new(), |q| q.text.clone())
    };
    assert!(
        report.checks.iter().any(|c| c.rule == "sum-of-parts"
            && c.status == "consistent"
            && c.quantities.iter().any(|q| text_of(q) == "512.3万人")
            && c.quantities.iter().any(|q| text_of(q) == "260.1万人")),
        "men and women make up the residents: {:?}",
        report.checks
    );
}

#[test]
fn a_year_planned_for_is_not_the_year_of_the_story_dates() {
    // no year is printed before the date; 2031 is a target, not the year of 8月16日
    let draft = "本报讯 第十二届全市运动会8月16日（星期日）开幕。市体育局表示，力争在2031年省运会上取得更好成绩。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn points_between_percentages_printed_with_their_fractions_use_the_printed_figures() {
    // 460/1500 is 30.67%, 377/1500 is 25.13%: 5.53 points exactly, 5.6 as printed (30.7 − 25.1)
    let draft =
        "城市组检出率为30.7%（460/1500），农村组为25.1%（377/1500），城市组高于农村组5.6个百分点。";
    assert_eq!(alarms(draft), Vec::<String>::new());
    assert!(rules_checked(draft).iter().any(|r| r == "points-against"));
}

#[test]
fn a_run_of_years_since_an_earlier_one_does_not_date_the_story() {
    // the story's year is 2025; 2021年以来 starts a run of years (23 September 2025 is a Tuesday)
    let draft = "2025年全县粮食总产量28.6万吨。2021年以来，全县累计建成高标准农田18.2万亩。9月23日（星期二），全县丰收节开幕。";
    assert_eq!(alarms(draft), Vec::<String>::new());
    assert!(rules_checked(draft).iter().any(|r| r == "weekday-matches"));
}

#[test]
fn a_net_figure_is_no_total_of_gross_parts() {
    let draft = "全赛季打进48球、失21球，净胜球27个。其中主场进球29个，客场进球19个。";
    assert_eq!(alarms(draft), Vec::<String>::new());
    // a balance neither: exports and imports are no parts of the surplus
    let draft = "全年货物贸易顺差3.2万亿元，其中出口15.6万亿元，进口12.4万亿元。";
    assert_eq!(alarms(draft), Vec::<String>::new());
}

#[test]
fn details_in_brackets_of_an_added_item_are_not_added() {
    quiet_then_alarms(
        "全年一般公共预算收入485.2亿元。加上上级补助收入136.8亿元、债务转贷收入96.5亿元（其中新增债券36.5亿元、再融资债券60.0亿元）、上年结转收入12.4亿元，收入总计730.9亿元。",
        "730.9亿元",
        "740.9亿元",
        "plus-then-total",
    );
}

#[test]
fn an_average_per_month_is_no_average_of_a_years_total() {
    quiet("截至年末，全县共有低保对象1.2万人，全年发放低保金0.86亿元，月人均补助约597元。");
}

#[test]
fn a_share_planned_for_a_later_year_is_no_share_of_this_years_figure() {
    quiet("截至2024年末，全市养老床位3.2万张，其中护理型床位1.6万张。到2027年，全市力争护理型床位占比达到70%以上。");
}

#[test]
fn a_year_compared_with_dates_no_weekday_of_the_story() {
    // 2016 is a comparison's year (与…相比, with the event named between): the undated 8日
    // is not of 2016, and no year is sure enough to test its weekday
    quiet("本报讯 第十五届运动会8日（星期六）晚闭幕。本届共产生金牌320枚。与2016年举行的上届运动会相比，金牌数增加12枚。");
}

#[test]
fn kinds_of_a_product_are_no_whole_of_the_pieces_sold() {
    quiet("博物馆全年开发文创产品120余款，销售收入1860万元。其中以馆藏铜镜为原型的书签，全年售出8万余件。");
}

#[test]
fn shares_within_each_group_add_up_to_no_whole() {
    quiet("男性受访者中，支持的占62%；女性受访者中，支持的占58%。");
}

#[test]
fn shares_of_other_wholes_or_within_groups_are_no_partition() {
    // each share has a whole of its own, or its group is the base, not the part
    for draft in [
        "全年全市出口总额中，对东盟出口占19%；进口总额中，自东盟进口占27%。",
        "今年前三季度，我省出口占全国的4.1%，进口占全国的2.6%。",
        "在校研究生中，硕士研究生中男性占46%；博士研究生中女性占39%。",
        "调查显示，男性中吸烟者占41.3%，女性中吸烟者占2.4%。",
        "新增就业人员中，女性占47%；返乡创业人员中，男性占68%。",
    ] {
        quiet(draft);
    }
}

#[test]
fn temperatures_add_up_to_no_total() {
    quiet("今天南部地区最高气温36℃至38℃，其中东滩、西岭两地分别达到38℃和37℃。");
}

#[test]
fn what_is_left_after_an_added_item_is_no_total() {
    quiet("今年新排查隐患86项，已整改70项；加上去年遗留的12项，尚有28项正在整改。");
}
