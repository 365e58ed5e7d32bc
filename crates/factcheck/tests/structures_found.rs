//! Structures copy states without one fixed phrasing: each is found on a clean draft (its check
//! holds) and, with one figure changed, reports the contradiction.

use factcheck::Checker;

/// The statuses of one rule's checks on a draft.
fn statuses(draft: &str, rule: &str) -> Vec<String> {
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    report
        .checks
        .iter()
        .filter(|c| c.rule == rule)
        .map(|c| c.status.clone())
        .collect()
}

/// The draft's check of `rule` holds, and breaks when `from` is changed to `to`.
fn holds_then_breaks(draft: &str, rule: &str, from: &str, to: &str) {
    assert_eq!(statuses(draft, rule), ["consistent"], "{draft}");
    let changed = draft.replacen(from, to, 1);
    assert_ne!(changed, draft, "{from} is in the draft");
    assert_eq!(statuses(&changed, rule), ["contradiction"], "{changed}");
}

/// No check of `rule` on the draft contradicts (some are found), and one does when `from` is
/// changed to `to`: for drafts with several checks of the rule, or readings left derived.
fn none_then_one_breaks(draft: &str, rule: &str, from: &str, to: &str) {
    let found = statuses(draft, rule);
    assert!(!found.is_empty(), "{draft}");
    assert!(
        found.iter().all(|s| s != "contradiction"),
        "{draft}: {found:?}"
    );
    let changed = draft.replacen(from, to, 1);
    assert_ne!(changed, draft, "{from} is in the draft");
    assert!(
        statuses(&changed, rule)
            .iter()
            .any(|s| s == "contradiction"),
        "{changed}"
    );
}

#[test]
fn a_partition_adds_up_to_the_total_of_the_sentence_before() {
    holds_then_breaks(
        "年末全县户籍人口52.8万人。城镇户籍人口21.5万人，乡村户籍人口31.3万人。",
        "sum-of-parts",
        "31.3万人",
        "33.3万人",
    );
}

#[test]
fn a_respectively_run_after_which_lists_every_part() {
    holds_then_breaks(
        "全县油料产量8.6万吨，其中油菜籽、花生、芝麻产量分别为5.2万吨、2.1万吨、0.9万吨。",
        "parts-within-total",
        "2.1万吨",
        "3.1万吨",
    );
}

#[test]
fn a_total_may_close_a_run_under_a_short_name() {
    holds_then_breaks(
        "本届运动会上，县代表队获得金牌14枚、银牌9枚、铜牌11枚，奖牌总数达34枚。",
        "sum-of-parts",
        "34枚",
        "36枚",
    );
    holds_then_breaks(
        "今年新建口袋公园东城区6个、西城区4个、南城区5个，共15个。",
        "sum-of-parts",
        "共15个",
        "共17个",
    );
}

#[test]
fn a_share_named_by_its_part_is_of_the_level_given_before() {
    holds_then_breaks(
        "全县农业总产值86.4亿元。其中林业产值12.1亿元，增长3.2%。林业产值占农业总产值的比重为14.0%。",
        "share-of-whole",
        "14.0%",
        "16.0%",
    );
}

#[test]
fn a_daily_average_times_the_days_is_the_total() {
    holds_then_breaks(
        "春节假期8天，全县共接待游客86.4万人次，日均接待游客10.8万人次。",
        "average-per-item",
        "10.8万人次",
        "12.8万人次",
    );
    // the days may be told in the sentence before
    holds_then_breaks(
        "春节假期共8天。全县共接待游客86.4万人次，日均接待游客10.8万人次。",
        "average-per-item",
        "10.8万人次",
        "12.8万人次",
    );
}

#[test]
fn a_completion_share_is_of_the_plan_it_names() {
    holds_then_breaks(
        "全县新增城镇就业1.38万人，完成年度目标1.2万人的115.0%。",
        "share-of-whole",
        "115.0%",
        "125.0%",
    );
}

#[test]
fn a_named_rate_of_amounts_is_the_part_over_the_whole() {
    holds_then_breaks(
        "审计发现问题资金6.4亿元，已整改问题资金5.6亿元，整改率为87.5%。",
        "rate-of-count",
        "87.5%",
        "92.5%",
    );
}

#[test]
fn a_multiple_named_by_its_subject_is_of_the_named_figure() {
    holds_then_breaks(
        "全县粮食收购量36.8万吨，储备量15.2万吨，收购量是储备量的2.4倍。",
        "multiple-of-named",
        "2.4倍",
        "3.4倍",
    );
}

#[test]
fn a_rise_or_fall_that_widens_or_narrows_against_last_month() {
    // 涨幅扩大: the rate rose; 降幅收窄: a fall that got smaller, so the rate rose too
    holds_then_breaks(
        "8月份，全县居民消费价格同比上涨1.3%，涨幅比上月扩大0.4个百分点，上月为0.9%。",
        "points-change",
        "0.4个百分点",
        "0.6个百分点",
    );
    holds_then_breaks(
        "8月份，全县工业品出厂价格同比下降1.8%，降幅比上月收窄0.5个百分点，上月为下降2.3%。",
        "points-change",
        "0.5个百分点",
        "0.8个百分点",
    );
}

#[test]
fn points_between_two_groups_named_as_subjects() {
    holds_then_breaks(
        "观察组总有效率为91.2%，对照组总有效率为78.4%，观察组比对照组高12.8个百分点。",
        "points-against",
        "12.8个百分点",
        "15.8个百分点",
    );
}

#[test]
fn a_base_printed_between_the_comparison_and_the_change_is_compared_against() {
    holds_then_breaks(
        "全区一般公共预算收入完成43.20亿元，比上年决算数40.00亿元增长8.0%。",
        "growth-rate",
        "8.0%",
        "9.0%",
    );
}

#[test]
fn a_part_and_the_part_named_as_not_it_make_the_whole() {
    holds_then_breaks(
        "全区一般公共预算收入43.20亿元。其中，税收收入30.50亿元，非税收入12.70亿元。",
        "sum-of-parts",
        "12.70亿元",
        "13.70亿元",
    );
}

#[test]
fn figures_added_after_jia_shang_make_the_total_that_follows() {
    holds_then_breaks(
        "全市一般公共预算支出安排88.60亿元，加上上解支出2.40亿元、债务还本支出5.00亿元，支出总计96.00亿元。",
        "plus-then-total",
        "2.40亿元",
        "3.40亿元",
    );
    // a sentence that opens with 加上 adds to the level the sentence before gives, past its parts
    holds_then_breaks(
        "全市一般公共预算收入52.00亿元，比上年增长5.0%。其中，税收收入36.00亿元，非税收入16.00亿元。加上转移支付收入40.50亿元、调入资金3.50亿元，收入总计96.00亿元。",
        "plus-then-total",
        "调入资金3.50亿元",
        "调入资金4.50亿元",
    );
}

#[test]
fn a_sentence_that_names_a_whole_alone_lists_its_parts() {
    let draft = "全市一般公共预算支出96.00亿元，比上年增长4.1%。\n\n一般公共预算支出中，教育支出17.28亿元，占18.0%；卫生健康支出9.60亿元，占10.0%。";
    assert_eq!(
        statuses(draft, "share-of-whole"),
        ["consistent", "consistent"]
    );
    let changed = draft.replace("占18.0%", "占21.0%");
    assert_eq!(
        statuses(&changed, "share-of-whole"),
        ["contradiction", "consistent"]
    );
}

#[test]
fn points_between_groups_compare_a_rate_given_as_a_level_with_one_given_as_a_share() {
    holds_then_breaks(
        "城镇受访者中愿意使用电子社保卡的比例为82.4%，农村受访者为71.9%，城镇受访者高出农村受访者10.5个百分点。",
        "points-against",
        "10.5个百分点",
        "12.5个百分点",
    );
}

#[test]
fn a_multiple_of_a_whole_printed_in_its_name_is_the_levels() {
    // the multiple is of 210.6公里 (the level), not of 18.2公里 (the change before it)
    holds_then_breaks(
        "全市地铁运营里程达到210.6公里，比上年增加18.2公里，是2019年末70.2公里的3.0倍。",
        "multiple-of-named",
        "3.0倍",
        "3.4倍",
    );
}

#[test]
fn shares_of_a_whole_nobody_prints_must_give_one_whole() {
    let draft =
        "按职称分，高级职称126人，占21.0%；中级职称288人，占48.0%；初级职称186人，占31.0%。";
    assert_eq!(
        statuses(draft, "share-of-whole"),
        ["consistent", "consistent", "consistent"]
    );
    let changed = draft.replace("288人", "318人");
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn short_names_each_alone_with_a_figure_are_a_list() {
    // 中等 is no 等 that leaves the list open
    holds_then_breaks(
        "全区共有学校120所，其中小学52所，初中31所，普通高中9所，中等职业学校4所，幼儿园24所。",
        "parts-within-total",
        "幼儿园24所",
        "幼儿园34所",
    );
}

#[test]
fn which_after_several_levels_lists_the_one_told_as_a_total() {
    holds_then_breaks(
        "上半年，政务中心共受理办件12.60万件，办结12.48万件。其中，即办件7.35万件，承诺件5.25万件。",
        "parts-within-total",
        "5.25万件",
        "6.25万件",
    );
}

#[test]
fn dates_in_brackets_are_no_part_of_a_name() {
    holds_then_breaks(
        "预计铁路发送旅客520万人次。其中，节前（1月10日至1月27日）发送旅客200万人次，假期（1月28日至2月4日）发送120万人次，节后（2月5日至2月18日）发送200万人次。",
        "parts-within-total",
        "发送120万人次",
        "发送140万人次",
    );
}

#[test]
fn points_between_groups_compare_the_rate_each_groups_stretch_ends_with() {
    holds_then_breaks(
        "观察组治疗有效的52例，有效率为86.7%；对照组治疗有效的41例，有效率为68.3%，观察组比对照组高18.4个百分点。",
        "points-against",
        "18.4个百分点",
        "20.4个百分点",
    );
}

#[test]
fn a_rate_compared_with_a_total_is_the_totals_not_the_daily_averages() {
    holds_then_breaks(
        "第三季度热线共受理诉求27600件，日均受理300件，比第二季度的24000件增长15.0%。",
        "growth-rate",
        "15.0%",
        "18.0%",
    );
}

#[test]
fn a_breakdown_may_open_with_cong_kan() {
    holds_then_breaks(
        "全年全市接待游客1500.0万人次。从客源看，市外游客900.0万人次，市内游客600.0万人次。",
        "sum-of-parts",
        "600.0万人次",
        "700.0万人次",
    );
}

#[test]
fn shares_after_one_that_names_its_whole_are_of_that_whole() {
    let draft = "从经营主体看，民营企业进出口600.0亿元，增长8.0%，占全省进出口总值的60.0%；外资企业进出口300.0亿元，下降2.0%，占30.0%；国有企业进出口100.0亿元，占10.0%。";
    let changed = draft.replace("外资企业进出口300.0亿元", "外资企业进出口360.0亿元");
    assert!(!statuses(draft, "share-of-whole").is_empty());
    assert!(statuses(draft, "share-of-whole")
        .iter()
        .all(|s| s == "consistent"));
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn a_breakdown_may_stand_paragraphs_after_its_total() {
    holds_then_breaks(
        "全市规模以上工业企业实现营业收入4125.6亿元，同比增长6.2%。其中，国有控股企业营业收入1210.3亿元。利润总额218.4亿元。全市规上工业企业数达1862家。\n分行业看，装备制造业营业收入1502.8亿元；原材料工业营业收入1387.5亿元；消费品工业营业收入1235.3亿元。",
        "parts-within-total",
        "1387.5亿元",
        "1587.5亿元",
    );
}

#[test]
fn a_totals_name_may_end_in_a_word_for_a_total() {
    holds_then_breaks(
        "2025年全市货物贸易进出口总值1520.4亿元，增长5.1%。\n分贸易方式看，一般贸易进出口1046.2亿元，加工贸易进出口301.5亿元，保税物流进出口172.7亿元。",
        "parts-within-total",
        "301.5亿元",
        "371.5亿元",
    );
}

#[test]
fn a_breakdown_of_one_listed_part_is_of_that_part() {
    // 出口 of the list before, not the 进出口 total: 88.6 is 14.3% of 620.0 and 8.9% of 1000.0
    let draft = "全市进出口总值1000.0亿元。其中，出口620.0亿元；进口380.0亿元。\n从出口商品看，机电产品出口401.2亿元，占出口总值的64.7%；纺织服装出口88.6亿元，占14.3%。";
    // (beside them, the whole the two shares share, derived from the first)
    let held: Vec<String> = statuses(draft, "share-of-whole")
        .into_iter()
        .filter(|s| s != "derived")
        .collect();
    assert_eq!(held, ["consistent", "consistent"]);
    let changed = draft.replace("占14.3%", "占17.3%");
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn last_years_figure_told_before_the_rate_is_its_base() {
    holds_then_breaks(
        "1—6月，全县一般公共预算收入18.64亿元，上年同期为17.92亿元，同比增长4.0%。",
        "growth-rate",
        "4.0%",
        "5.0%",
    );
}

#[test]
fn a_rate_compared_with_is_the_start_of_the_points() {
    holds_then_breaks(
        "前三季度，全县规模以上工业增加值同比增长7.2%，增速比上半年的6.5%加快0.7个百分点。",
        "points-change",
        "0.7个百分点",
        "0.9个百分点",
    );
}

#[test]
fn the_same_time_last_year_is_of_the_period_stated_not_the_one_compared_with() {
    holds_then_breaks(
        "上半年，全县社会消费品零售总额86.5亿元，同比增长5.1%，增速比一季度的4.8%提高0.3个百分点。\n全县限额以上单位零售额41.20亿元，同比增长6.0%，上年同期为38.87亿元。",
        "growth-base-stated",
        "6.0%",
        "7.0%",
    );
}

#[test]
fn a_share_may_name_its_part_before_bizhong() {
    let draft = "全年全县地区生产总值412.6亿元。其中，第一产业增加值52.3亿元；第二产业增加值150.8亿元；第三产业增加值209.5亿元。第一产业增加值占地区生产总值的比重为12.7%，第二产业增加值比重为36.5%，第三产业增加值比重为50.8%。";
    assert_eq!(
        statuses(draft, "share-of-whole"),
        ["consistent", "consistent", "consistent"]
    );
    let changed = draft.replace("比重为36.5%", "比重为38.5%");
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn a_total_may_count_its_items_as_a_class() {
    holds_then_breaks(
        "其中，食品加工业产值58.26亿元；纺织业产值31.07亿元；建材业产值24.55亿元。上述三大行业合计实现产值113.88亿元。",
        "sum-of-parts",
        "113.88亿元",
        "118.38亿元",
    );
}

#[test]
fn a_breakdowns_parts_may_be_named_in_its_totals_clause() {
    // by the verb they end with, by their own names listed there, by the total's name said
    // without 总
    holds_then_breaks(
        "一季度，区政务服务热线共受理群众来电来信20836件。按受理渠道分，电话渠道受理15420件，网络渠道受理5416件。",
        "parts-within-total",
        "5416件",
        "5816件",
    );
    holds_then_breaks(
        "全年全县共办理群众来信、来访和网上信访事项3215件次。从信访渠道看，来信402件次，来访1138件次，网上信访1675件次。",
        "parts-within-total",
        "来信402件次",
        "来信482件次",
    );
    holds_then_breaks(
        "全年社会消费品零售总额512.36亿元。从城乡看，城镇消费品零售额431.02亿元；乡村消费品零售额81.34亿元。",
        "sum-of-parts",
        "81.34亿元",
        "83.14亿元",
    );
}

#[test]
fn two_weekdays_agree_whatever_the_year_the_story_prints_elsewhere() {
    // each date alone fits the year next to the story's; the two together cannot
    holds_then_breaks(
        "6月2日（星期一），我市2025年全民健身月启动。其间6月6日（星期五）举行环湖健步走。",
        "weekday-pair",
        "6月6日（星期五）",
        "6月6日（星期四）",
    );
}

#[test]
fn a_weekday_told_first_for_the_later_day_is_paired_too() {
    holds_then_breaks(
        "本报讯 11月23日（星期日）晚，全县职工运动会闭幕。运动会于11月18日（星期二）开幕。",
        "weekday-pair",
        "11月18日（星期二）",
        "11月18日（星期三）",
    );
}

#[test]
fn a_share_of_who_among_a_group_is_of_that_groups_figure() {
    let draft = "参加体测的学生中，男生1260人，女生1140人。男生达标的有1021人，占81.0%；女生达标的有958人，占84.0%。";
    assert_eq!(
        statuses(draft, "share-of-whole"),
        ["consistent", "consistent"]
    );
    let changed = draft.replace("占84.0%", "占86.0%");
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn shares_of_subsets_told_by_a_de_phrase_share_one_whole() {
    // 在…就业的 says which of the people surveyed, not of a group the story counted
    let draft = "从就业去向看，在企业就业的5120人，占64.0%；在机关事业单位就业的1680人，占21.0%；自主创业的400人，占5.0%。";
    assert!(statuses(draft, "share-of-whole")
        .iter()
        .all(|s| s == "consistent"));
    let changed = draft.replace("占21.0%", "占24.0%");
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn graduates_by_level_are_a_partition() {
    // and a word in brackets inside a name leaves the name whole
    holds_then_breaks(
        "全省高校毕业生共38.64万人。其中，研究生2.87万人，本科生17.42万人，专科（高职）生18.35万人。",
        "sum-of-parts",
        "17.42万人",
        "16.42万人",
    );
}

#[test]
fn an_earlier_time_alone_names_the_figure_the_rate_compares_with() {
    holds_then_breaks(
        "国庆假期全县实现旅游收入8.36亿元，2019年同期为6.92亿元，增长20.8%。",
        "growth-rate",
        "20.8%",
        "28.0%",
    );
    holds_then_breaks(
        "9月末，全县各项贷款余额862.47亿元，上年同月末为801.35亿元，同比增长7.6%。",
        "growth-rate",
        "7.6%",
        "6.7%",
    );
}

#[test]
fn a_rate_after_the_figure_compared_with_is_of_the_level_told_before() {
    holds_then_breaks(
        "全年油菜籽产量34.62万吨，花生产量11.24万吨。油料生产稳中有升，全年花生产量比上年的10.34万吨增长8.7%。",
        "growth-rate",
        "8.7%",
        "7.8%",
    );
}

#[test]
fn a_rate_in_brackets_after_a_compared_period_is_that_periods() {
    holds_then_breaks(
        "前三季度全县地区生产总值增长6.1%，增速比上半年（5.6%）加快0.5个百分点。",
        "points-change",
        "0.5个百分点",
        "0.8个百分点",
    );
}

#[test]
fn a_share_nested_in_a_share_may_be_of_the_outer_ones_whole() {
    let draft = "全县常住人口为412608人。\n全县常住人口中，0—14岁人口为62717人，占15.20%；15—59岁人口为258830人，占62.73%；60岁及以上人口为91061人，占22.07%，其中65岁及以上人口为64563人，占15.65%。";
    let found = statuses(draft, "share-of-whole");
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found.iter().all(|s| s == "consistent"), "{found:?}");
    let changed = draft.replace("占15.65%", "占17.65%");
    assert!(statuses(&changed, "share-of-whole").contains(&"contradiction".to_string()));
}

#[test]
fn an_item_joined_with_the_rest_closes_the_list() {
    holds_then_breaks(
        "前三季度，全县到位资金86.42亿元。其中，国内贷款12.36亿元，自筹资金38.15亿元，定金及预收款24.07亿元，利用外资及其他资金11.84亿元。",
        "sum-of-parts",
        "24.07亿元",
        "21.07亿元",
    );
}

#[test]
fn the_months_of_a_quarter_make_up_its_total() {
    holds_then_breaks(
        "2025年第二季度，县政务热线共受理诉求38416件。\n分月看，4月受理12107件，5月受理12981件，6月受理13328件。",
        "sum-of-parts",
        "12981件",
        "12891件",
    );
}

#[test]
fn a_rate_of_items_may_be_of_the_total_told_sentences_before() {
    holds_then_breaks(
        "今年以来，县审计局共发现问题金额8.64亿元，其中违规问题金额2.15亿元，管理不规范问题金额6.49亿元。\n截至9月底，有关单位已整改问题金额6.93亿元，整改率为80.2%。",
        "rate-of-count",
        "80.2%",
        "82.0%",
    );
}

#[test]
fn a_daily_average_is_over_the_days_of_the_span_told() {
    holds_then_breaks(
        "10月1日至10月31日，区政务热线共受理诉求15283件，日均受理493件。",
        "average-per-item",
        "日均受理493件",
        "日均受理439件",
    );
}

#[test]
fn a_rate_in_a_sentence_of_its_own_is_of_the_level_it_names() {
    holds_then_breaks(
        "今年一季度，全县实现农产品加工产值48.60亿元。上年同期，全县农产品加工产值42.00亿元。农产品加工产值同比增长15.7%。",
        "growth-base-stated",
        "15.7%",
        "18.7%",
    );
}

/// The severity of the draft's finding under `rule`, if it has one.
fn severity_of(draft: &str, rule: &str) -> Option<String> {
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    report
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .map(|f| format!("{:?}", f.severity))
}

#[test]
fn a_headline_names_the_measure_after_the_place_the_body_calls_the_city() {
    let draft = "端午假期南溪接待游客56.8万人次\n\n6月8日至10日，全市共接待游客56.8万人次，实现旅游收入3.12亿元。去年端午假期，全市接待游客50.2万人次。";
    holds_then_breaks(draft, "headline", "56.8万人次", "65.8万人次");
    let changed = draft.replacen("56.8万人次", "65.8万人次", 1);
    // the headline's measure is the body's, not merely near it: a warning, not a note
    assert_eq!(
        severity_of(&changed, "headline").as_deref(),
        Some("Warning"),
        "{changed}"
    );
}

#[test]
fn a_weekday_pair_points_at_the_weekday_that_disagrees() {
    let draft = "展销会11日（周三）开幕，15日（周六）闭幕。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "weekday-pair")
        .expect("a weekday-pair finding");
    let saturday = draft.find("周六").expect("周六 in the draft");
    assert!(
        finding
            .related
            .iter()
            .any(|r| r.start == saturday && r.end == saturday + "周六".len()),
        "{:?}",
        finding.related
    );
}

#[test]
fn a_weekday_may_share_its_bracket_with_a_note() {
    holds_then_breaks(
        "2027年2月6日（星期六，全天营业），商场延时营业。",
        "weekday-matches",
        "星期六",
        "星期日",
    );
}

#[test]
fn a_spending_per_head_is_the_total_over_the_visits() {
    holds_then_breaks(
        "中秋假期全县共接待游客42.6万人次，实现旅游收入3.28亿元，游客人均消费770.0元。",
        "average-per-item",
        "770.0元",
        "707.0元",
    );
}

#[test]
fn a_rate_after_last_years_figure_is_of_this_years_level() {
    holds_then_breaks(
        "专项行动期间，全县公安机关共侦破各类刑事案件1423起。去年同期，全县侦破刑事案件1240起，今年同比上升14.8%。",
        "growth-rate",
        "14.8%",
        "18.4%",
    );
}

#[test]
fn a_daily_average_of_the_event_is_over_the_days_it_lasted() {
    holds_then_breaks(
        "为期50天的夏季治安专项行动日前结束。\n\n行动期间，全县累计投入巡防警力2.4万人次，平均每天出动480人次。",
        "average-per-item",
        "480人次",
        "408人次",
    );
}

#[test]
fn parts_after_a_total_and_its_figure_of_a_year_named_alone() {
    holds_then_breaks(
        "2024年该院全年出院病人达8.42万人次，同比增长6.3%，2023年这一数字为7.92万人次。其中，内科出院5.10万人次，外科出院3.32万人次。",
        "parts-within-total",
        "3.32万人次",
        "3.82万人次",
    );
    holds_then_breaks(
        "2024年该院全年出院病人达8.42万人次，同比增长6.3%，2023年这一数字为7.92万人次。",
        "growth-base-stated",
        "6.3%",
        "9.3%",
    );
}

#[test]
fn a_share_of_one_side_of_a_partition_is_of_both_sides() {
    holds_then_breaks(
        "在本届全部参赛选手中，男性14200人，女性5800人，女性跑者占比为29.0%。",
        "share-of-partition",
        "29.0%",
        "32.0%",
    );
}

#[test]
fn points_against_earlier_months_of_the_same_year() {
    holds_then_breaks(
        "1—4月，全县规模以上工业增加值同比增长5.4%。1—5月，全县规模以上工业增加值同比增长6.1%，增速比1—4月加快0.7个百分点。",
        "points-change",
        "0.7个百分点",
        "0.9个百分点",
    );
    holds_then_breaks(
        "2025年1—4月，全县规模以上工业增加值同比增长5.4%。1—5月，全县规模以上工业增加值同比增长6.1%，增速比1—4月加快0.7个百分点。",
        "points-change",
        "0.7个百分点",
        "0.9个百分点",
    );
}

#[test]
fn a_proportion_of_days_or_items_is_a_rate_of_count() {
    holds_then_breaks(
        "全年有效监测天数365天，其中空气质量优良天数301天，优良天数比例为82.5%。",
        "rate-of-count",
        "82.5%",
        "85.2%",
    );
    holds_then_breaks(
        "城西片区监测断面40个，水质优良断面31个，优良比例为77.5%。",
        "rate-of-count",
        "77.5%",
        "72.5%",
    );
}

#[test]
fn a_rate_of_an_act_alone_is_of_the_larger_count_of_the_sentence_before() {
    holds_then_breaks(
        "本轮检查共发现各类问题1280项，其中重大问题15项。截至月底，已完成整改1152项，整改率为90.0%。",
        "rate-of-count",
        "90.0%",
        "92.0%",
    );
}

#[test]
fn a_breakdown_after_a_which_list_breaks_down_the_same_whole() {
    // two breakdowns of one whole: each list is within it
    let draft = "本次全县共有35家事业单位参加公开招聘，计划招聘工作人员96名。其中，管理岗位14名，专业技术岗位82名。按招聘类别分，教育类41名、卫生类33名、综合类22名。";
    assert_eq!(
        statuses(draft, "parts-within-total"),
        ["consistent", "consistent"],
        "{draft}"
    );
    let changed = draft.replacen("卫生类33名", "卫生类38名", 1);
    assert_eq!(
        statuses(&changed, "parts-within-total"),
        ["consistent", "contradiction"],
        "{changed}"
    );
}

#[test]
fn an_average_per_place_may_average_the_total_of_the_sentence_before() {
    holds_then_breaks(
        "今年全县共有12480名考生报名参加中考，比去年增加310人。全县共设考点16个，平均每个考点约780名考生。",
        "average-per-item",
        "约780名",
        "约870名",
    );
}

#[test]
fn a_part_that_denies_the_one_before_is_the_other_side_of_the_list() {
    // (合格 and 不合格 leave nothing out: the two make up the total)
    holds_then_breaks(
        "全县共抽检药品960批次，其中合格941批次，不合格19批次。",
        "sum-of-parts",
        "不合格19批次",
        "不合格39批次",
    );
}

#[test]
fn a_semicolon_closes_the_statements_before_the_total_of_a_which_list() {
    holds_then_breaks(
        "全年水泥产量86.2万吨，下降3.1%；钢材产量41.5万吨，增长2.2%；平板玻璃产量9.6万吨，增长5.0%，其中：光伏玻璃产量6.8万吨，增长12.4%。",
        "part-of-whole",
        "6.8万吨",
        "16.8万吨",
    );
}

#[test]
fn items_named_by_a_hotlines_kinds_are_one_list() {
    holds_then_breaks(
        "今年一季度，区便民热线共受理市民诉求412件，主要包括咨询社保156件、医保98件，投诉物业71件。",
        "parts-within-total",
        "71件",
        "171件",
    );
}

#[test]
fn rates_after_respectively_describe_the_levels_right_before() {
    holds_then_breaks(
        "全年全县接待游客286.4万人次，增长18.6%，其中，县外游客201.3万人次，县内游客85.1万人次，比上年分别增长21.0%和13.3%。",
        "bases-of-parts",
        "18.6%",
        "28.6%",
    );
}

#[test]
fn a_figure_compared_with_is_no_total_of_the_which_list_after_it() {
    holds_then_breaks(
        "行动期间，全县接报刑事警情3620起，比上年同期的4100起下降11.7%；其中夜间警情1210起，占33.4%。",
        "share-of-whole",
        "33.4%",
        "37.4%",
    );
}

#[test]
fn points_between_two_falls_compare_their_sizes() {
    holds_then_breaks(
        "11月份，全县工业生产者出厂价格同比下降1.8%；工业生产者购进价格同比下降3.1%，购进价格降幅大于出厂价格1.3个百分点。",
        "points-against",
        "1.3个百分点",
        "1.6个百分点",
    );
}

#[test]
fn age_bands_add_up_to_the_whole_not_to_one_side_of_it() {
    // 乡村常住人口 ends like the whole the bands name, but is one side of it
    holds_then_breaks(
        "2024年末，全县常住人口为62.40万人。\n\n二、城乡构成\n\n年末乡村常住人口26.30万人，比上年末减少0.41万人。\n\n三、年龄构成\n\n年末常住人口中，0—14岁人口9.36万人，15—59岁人口39.31万人，60岁及以上人口13.73万人。",
        "sum-of-parts",
        "39.31万人",
        "41.31万人",
    );
}

#[test]
fn a_group_named_again_with_zhong_holds_the_share_after_it() {
    // 随迁子女中… names the side the first part is on again: a part of that part, whose share is
    // of it, not a second item of the list
    let draft = "全县小学在校生5.6万人，其中随迁子女0.92万人，占16.4%；随迁子女中在公办学校就读的0.71万人，占77.2%。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let changed = draft.replacen("77.2%", "67.2%", 1);
    let report = Checker::new().check("draft.txt", changed.as_bytes());
    assert_eq!(
        report
            .findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>(),
        ["share-of-whole"],
        "{changed}"
    );
}

#[test]
fn items_opening_with_the_same_side_are_one_list() {
    // 出口欧盟, 出口美国: items of one side of 进出口, each named with it first
    let draft = "全年出口额300亿元，其中出口欧盟120亿元，占40.0%；出口美国90亿元，占30.0%。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let changed = draft.replacen("占30.0%", "占35.0%", 1);
    let report = Checker::new().check("draft.txt", changed.as_bytes());
    assert!(
        report.findings.iter().any(|f| f.rule == "share-of-whole"),
        "{changed}: {:?}",
        report.findings
    );
}

#[test]
fn a_rate_of_money_is_of_the_sum_counting_what_its_part_counts() {
    holds_then_breaks(
        "本轮巡察发现问题资金8.6亿元，已整改问题资金6.2亿元，整改率72.1%。",
        "rate-of-count",
        "72.1%",
        "78.1%",
    );
}

#[test]
fn figures_that_agree_two_by_two_are_explained_by_the_chain_that_fails() {
    // level − change and level ÷ (1 + rate) each give a base the other allows; run on one another
    // they leave the printed level no room: the explanation walks that chain, not a last step
    // whose range still holds the printed figure
    let draft = "前三季度全县农产品网络零售额9.86亿元，比上年同期增加1.52亿元，增长18.4%。";
    let report = Checker::new().check("draft.txt", draft.as_bytes());
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "growth-rate")
        .unwrap_or_else(|| panic!("no growth-rate finding: {:?}", report.findings));
    assert!(
        finding
            .message
            .contains("= 9.863亿～9.871亿元，而文中为9.86亿元（9.86亿元只能为9.859亿～9.86亿元"),
        "{}",
        finding.message
    );
    assert!(
        finding.message.contains("9.86亿元只能为9.859亿～9.865亿元"),
        "{}",
        finding.message
    );
}

#[test]
fn a_rate_of_items_finds_its_whole_where_the_copy_puts_it() {
    // a longer rate's name opening with what is counted (有效回复率 after 有效问卷)
    holds_then_breaks(
        "本次调查发放问卷1500份，回收有效问卷1362份，有效回复率为90.8%。",
        "rate-of-count",
        "90.8%",
        "92.8%",
    );
    // the act's outcome after it (整改到位), the whole in the sentence before
    holds_then_breaks(
        "巡察共发现问题245个。截至6月底，已整改到位221个，整改率90.2%。",
        "rate-of-count",
        "90.2%",
        "93.2%",
    );
    // of several larger counts before, the one the sentence names as its whole (交办工单中，)
    holds_then_breaks(
        "平台共接收群众来电52300件，其中当场解答27410件，交办相关部门24890件。交办工单中，已办结23770件，办结率为95.5%。",
        "rate-of-count",
        "95.5%",
        "97.5%",
    );
}

#[test]
fn a_share_printed_with_its_fraction_is_the_fraction() {
    holds_then_breaks(
        "参与调查的教师中，使用智能备课工具的占37.4%（196/524）。",
        "share-of-fraction",
        "37.4%",
        "34.7%",
    );
    holds_then_breaks(
        "农村学校学生的营养不良检出率（8.6%，43/500）高于城区学校。",
        "share-of-fraction",
        "8.6%",
        "6.8%",
    );
}

#[test]
fn points_are_the_gap_between_the_rate_a_rise_starts_from_and_ends_at() {
    // the starting rate is named by its period (上年的) between 由 and the figure
    holds_then_breaks(
        "全县新能源汽车渗透率由上年的31.6%升至38.2%，提高6.6个百分点。",
        "points-change",
        "6.6个百分点",
        "7.6个百分点",
    );
}

#[test]
fn a_yearly_average_compounds_to_the_growth_since_a_printed_year() {
    holds_then_breaks(
        "2024年全县农村居民人均可支配收入达到23860元，比2019年增长39.6%，年均增长6.9%。",
        "growth-compound",
        "年均增长6.9%",
        "年均增长7.9%",
    );
}

#[test]
fn a_yearly_average_between_two_levels_of_printed_years() {
    holds_then_breaks(
        "全省快递业务量从2020年的21.4亿件增长到2024年的35.8亿件，年均增长13.7%。",
        "growth-compound-levels",
        "年均增长13.7%",
        "年均增长15.7%",
    );
}

#[test]
fn an_urban_rural_ratio_is_the_urban_figure_over_the_rural_one() {
    holds_then_breaks(
        "全年城镇居民人均消费支出31250元，农村居民人均消费支出16480元，城乡居民人均消费支出比值为1.90。",
        "ratio-of-named",
        "16480元",
        "18480元",
    );
}

#[test]
fn a_ratio_of_two_named_figures_printed_against_one() {
    holds_then_breaks(
        "全区小学招生1.46万人，初中招生1.18万人，小学与初中招生人数之比为1.24∶1。",
        "ratio-of-named",
        "1.24∶1",
        "1.42∶1",
    );
}

#[test]
fn shares_after_respectively_are_each_of_the_one_whole_named() {
    // one whole nobody prints: each share of it must give it alike
    let draft = "从来信类别看，表扬信120件、投诉信360件、建议信720件，分别占全部来信的10.0%、30.0%和60.0%。";
    let statuses = statuses(draft, "share-of-whole");
    assert_eq!(statuses.len(), 3, "{statuses:?}");
    assert!(statuses.iter().all(|s| s == "consistent"), "{statuses:?}");
    let changed = draft.replacen("投诉信360件", "投诉信630件", 1);
    assert!(
        self::statuses(&changed, "share-of-whole")
            .iter()
            .any(|s| s == "contradiction"),
        "{changed}"
    );
}

#[test]
fn shares_that_go_on_a_run_are_of_the_whole_the_first_names() {
    // the whole's name (茶叶销售总额) matches no printed figure surely: the second share is of
    // the same whole as the first, whatever it is
    none_then_one_breaks(
        "全年茶叶销售额9.6亿元。从销售渠道看，线上销售5.8亿元，占茶叶销售总额的60.4%；线下门店销售3.8亿元，占39.6%。",
        "share-of-whole",
        "占39.6%",
        "占36.9%",
    );
}

#[test]
fn income_by_source_adds_up_to_the_per_head_income() {
    holds_then_breaks(
        "全年全县居民人均可支配收入为28540元。按收入来源分，全县居民人均工资性收入15230元，人均经营净收入6120元，人均财产净收入1850元，人均转移净收入5340元。",
        "sum-of-parts",
        "6120元",
        "6210元",
    );
}

#[test]
fn a_count_names_what_it_counts_after_the_figure() {
    holds_then_breaks(
        "今年全县共有6820名考生报名参加中考。应届考生6415人，往届考生405人。",
        "sum-of-parts",
        "往届考生405人",
        "往届考生450人",
    );
}

#[test]
fn a_figure_per_thousand_people_is_the_total_over_the_population() {
    // of the two totals of beds, the one named as the figure names them
    holds_then_breaks(
        "年末全县医疗卫生机构床位2860张，其中医院床位1930张。按年末常住人口46.2万人计算，每千人口医疗卫生机构床位6.19张。",
        "stat-per-population",
        "6.19张",
        "7.19张",
    );
}

#[test]
fn an_average_per_employer_is_not_per_unit() {
    // 单 of 单位 names the employers; the average is per 家
    holds_then_breaks(
        "招聘会共有128家单位参会，提供岗位3520个，平均每家单位提供岗位27.5个。",
        "average-per-item",
        "27.5个",
        "25.7个",
    );
}

#[test]
fn shares_that_add_up_to_a_hundred_are_of_one_whole() {
    // three age groups named unlike each other: their shares make 100%, so one whole
    none_then_one_breaks(
        "受访者中，18～34岁412人，占41.2%；35～59岁436人，占43.6%；60岁及以上152人，占15.2%。",
        "share-of-whole",
        "436人",
        "463人",
    );
}

#[test]
fn a_total_rate_counts_the_outcomes_not_negated() {
    holds_then_breaks(
        "治疗后，研究组显效26例、有效17例、无效5例，总有效率为89.6%。",
        "rate-of-outcomes",
        "无效5例",
        "无效9例",
    );
}

#[test]
fn summer_and_autumn_grain_make_the_years_grain_where_no_early_rice_is_grown() {
    holds_then_breaks(
        "全年粮食总产量152.64万吨。其中，夏粮产量41.27万吨，增长1.6%；秋粮产量111.37万吨，增长0.9%。",
        "sum-of-parts",
        "111.37万吨",
        "113.17万吨",
    );
}

#[test]
fn income_by_source_said_without_its_people_is_of_all_residents() {
    // the urban and rural figures stand between: the parts are of the all-residents income
    holds_then_breaks(
        "全年全县居民人均可支配收入为31260元。城镇居民人均可支配收入42180元，农村居民人均可支配收入19840元。其中，人均工资性收入17650元，人均经营净收入6210元，人均财产净收入1930元，人均转移净收入5470元。",
        "sum-of-parts",
        "人均财产净收入1930元",
        "人均财产净收入1390元",
    );
}

#[test]
fn a_bare_ratio_after_zhi_bi_is_read() {
    holds_then_breaks(
        "全年出口额1938亿元，进口额1102亿元，出口额与进口额之比为1.76。",
        "ratio-of-named",
        "之比为1.76",
        "之比为1.67",
    );
}

#[test]
fn figures_per_people_in_a_run_each_have_their_own_total() {
    let draft = "全区共有注册护士1.36万人，执业（助理）医师1.12万人。按年末常住人口318.5万人计算，每千人口执业（助理）医师3.52人、注册护士4.27人。";
    let statuses = statuses(draft, "stat-per-population");
    assert_eq!(statuses, ["consistent", "consistent"], "{draft}");
    let changed = draft.replacen("注册护士4.27人", "注册护士4.72人", 1);
    assert!(
        self::statuses(&changed, "stat-per-population").contains(&"contradiction".to_string()),
        "{changed}"
    );
}

#[test]
fn points_against_the_rate_compared_with_are_of_the_rate_before_it() {
    holds_then_breaks(
        "10月份全省出口412.6亿元，增长9.3%，比9月份6.1%的增速加快3.2个百分点。",
        "points-change",
        "3.2个百分点",
        "4.2个百分点",
    );
}

#[test]
fn points_between_rates_named_by_their_period_alone() {
    holds_then_breaks(
        "全年全县规模以上工业增加值增长5.6%。分季度看，一季度增长4.2%，二季度增长5.0%，二季度增速比一季度加快0.8个百分点。",
        "points-change",
        "0.8个百分点",
        "1.8个百分点",
    );
}

#[test]
fn points_against_a_subject_are_of_the_rate_its_measure_opens_with() {
    // 农村居民消费 names 农村居民人均消费支出 by its head and its tail
    holds_then_breaks(
        "城镇居民人均消费支出28450元，增长4.6%；农村居民人均消费支出15730元，增长6.9%，农村居民消费增速快于城镇居民2.3个百分点。",
        "points-against",
        "快于",
        "慢于",
    );
}

#[test]
fn points_against_a_measure_named_inside_a_longer_name() {
    holds_then_breaks(
        "年末金融机构人民币各项存款余额9.62万亿元，增长8.1%。年末绿色贷款余额5126亿元，增长27.8%，比各项存款增速高19.7个百分点。",
        "points-against",
        "19.7个百分点",
        "21.7个百分点",
    );
}

#[test]
fn an_earlier_rate_in_brackets_after_the_points_is_the_one_compared() {
    holds_then_breaks(
        "第三产业增加值占地区生产总值的比重为54.6%，比上年提高1.2个百分点（上年为53.4%）。",
        "points-change",
        "上年为53.4%",
        "上年为52.4%",
    );
}

#[test]
fn a_scope_note_in_brackets_does_not_hide_the_name_before_it() {
    // the quarter's rate is found by the investment's name, which stands before （不含农户）
    holds_then_breaks(
        "全年全市固定资产投资（不含农户）2316.5亿元，增长5.2%，增速比前三季度回落0.6个百分点。前三季度，全市固定资产投资增长5.8%。",
        "points-change",
        "回落0.6个百分点",
        "回落1.6个百分点",
    );
}

#[test]
fn a_total_named_inside_the_list_closes_it() {
    // 三区合计 is the sum of the districts, not a fourth district
    let draft = "全市完成投资119.5亿元。分地区看，东区完成投资38.2亿元，西区完成投资27.5亿元，南区完成投资19.6亿元，三区合计85.3亿元。";
    let within = statuses(draft, "parts-within-total");
    assert!(within.iter().all(|s| s == "consistent"), "{within:?}");
    holds_then_breaks(
        draft,
        "sum-of-parts",
        "南区完成投资19.6亿元",
        "南区完成投资29.6亿元",
    );
}

#[test]
fn a_rate_of_a_part_listed_under_a_whole_named_with_its_word() {
    // the whole's name holds 供养 too, yet the part is listed under it
    holds_then_breaks(
        "全县共有特困供养人员3180人，其中集中供养1240人，集中供养率为39.0%。",
        "rate-of-count",
        "39.0%",
        "42.0%",
    );
}

#[test]
fn a_harvest_larger_by_so_much_is_a_change_not_a_level() {
    holds_then_breaks(
        "全年棉花产量86.2万吨，比上年增产4.1万吨，增长5.0%。",
        "growth-rate",
        "增长5.0%",
        "增长7.0%",
    );
}

#[test]
fn a_weekday_read_in_a_neighbouring_year_only_where_the_data_year_may_differ() {
    // June of a story about 2026: 2025's weekday is no reading (12 June 2026 is a Friday)
    assert_eq!(
        statuses(
            "2026年上半年全市接待游客1820万人次。6月12日（星期四），全市旅游工作会议召开。",
            "weekday-matches"
        ),
        ["contradiction"]
    );
    // January after a story of last year's figures: the next year's is (9 January 2026)
    assert_eq!(
        statuses(
            "2025年全市接待游客3640万人次。1月9日（星期五），全市旅游工作会议召开。",
            "weekday-matches"
        ),
        ["consistent"]
    );
}

#[test]
fn points_against_another_place_whose_rate_is_in_brackets_after_them() {
    holds_then_breaks(
        "全年全市地区生产总值增长5.8%。规模以上工业增加值增长7.4%，比全省高1.3个百分点（全省为6.1%）。",
        "points-against",
        "全省为6.1%",
        "全省为5.1%",
    );
}

#[test]
fn points_against_a_measure_named_in_another_word_order() {
    // 机电产品出口 is the rate of 出口机电产品; 全省出口 is named exactly, the nearer 出口…
    // only opens alike
    holds_then_breaks(
        "全年全省出口3280.5亿元，增长5.1%。从商品看，全省出口机电产品增长8.9%，出口纺织服装下降3.6%，机电产品出口增速快于全省出口3.8个百分点。",
        "points-against",
        "3.8个百分点",
        "4.8个百分点",
    );
}

#[test]
fn respectively_after_a_clause_that_shares_the_subjects_before_it() {
    // the figures' 分别 clause names no list; the clause before opens with 分别 too, so the
    // subjects are the two districts before both
    holds_then_breaks(
        "今年春节，东城区、西城区借助公园场地，分别举办了灯会和庙会，观众分别达到3.1万人次和2.4万人次。",
        "respectively-count",
        "3.1万人次和2.4万人次",
        "3.1万人次、1.7万人次和2.4万人次",
    );
}

#[test]
fn a_count_among_a_header_after_a_remark_and_its_share_of_the_place() {
    // 在260个乡镇中 is the whole of 58个 though a remark stands between; 全省 names no measure
    holds_then_breaks(
        "本次评估覆盖全省。在260个参评乡镇中，东部的比例最高，共有58个，占了全省的22.31%。",
        "share-of-whole",
        "22.31%",
        "26.31%",
    );
}

#[test]
fn a_running_total_of_months_is_the_total_to_the_month_before_plus_the_month() {
    holds_then_breaks(
        "1—9月，全市发电量累计284.6亿千瓦时，增长4.2%。其中，9月份全市发电量31.8亿千瓦时，增长3.5%；1—8月累计为252.8亿千瓦时。",
        "sum-of-parts",
        "252.8亿千瓦时",
        "225.8亿千瓦时",
    );
}

#[test]
fn what_is_still_left_is_the_rest_of_a_total() {
    holds_then_breaks(
        "今年以来，全区共排查安全隐患4260项，已整改3980项，整改率93.4%，尚有280项正在限期整改。",
        "sum-of-parts",
        "尚有280项",
        "尚有380项",
    );
}

#[test]
fn a_test_passed_and_failed_leaves_no_sample_out() {
    // 合格 and 不合格 are a partition's group: their counts make up the samples, though other
    // outcomes (出席, 请假) may be left out
    holds_then_breaks(
        "上半年，全市共抽检食用农产品1850批次，检验合格1812批次，不合格38批次，合格率97.9%。",
        "sum-of-parts",
        "不合格38批次",
        "不合格28批次",
    );
}

#[test]
fn shares_named_by_a_partition_group_alone_add_up_to_the_whole() {
    holds_then_breaks(
        "本次调查共回收有效问卷1260份。受访者中，男性占47.3%，女性占52.7%。",
        "shares-of-parts",
        "52.7%",
        "55.7%",
    );
}

#[test]
fn above_and_below_the_climate_normal_are_changes() {
    holds_then_breaks(
        "入汛以来，全市平均降雨量512.6毫米，较常年同期的401.3毫米偏多27.7%。",
        "growth-rate",
        "27.7%",
        "22.7%",
    );
}

#[test]
fn a_run_joined_by_commas_goes_on_past_parts_that_already_make_the_total() {
    // 40所+18所+6所 make the 64所 already, but 高中4所 is one more item of the same run
    assert_eq!(
        statuses(
            "全县现有中小学64所，其中小学40所、初中18所、九年一贯制学校6所、普通高中4所。",
            "parts-within-total"
        ),
        ["contradiction"]
    );
    // a figure counted once for each name (乙县、丙县各3家) stands twice in its run
    none_then_one_breaks(
        "全市共有12家，其中甲县6家、乙县、丙县各3家。",
        "parts-within-total",
        "甲县6家",
        "甲县7家",
    );
}

#[test]
fn an_average_over_a_count_given_between_the_total_and_it() {
    holds_then_breaks(
        "今年以来，全县发放创业担保贷款2640万元，扶持88人自主创业，人均贷款30万元。",
        "average-per-item",
        "人均贷款30万元",
        "人均贷款35万元",
    );
    // 个 counts the noun after it (8个班: 每班)
    holds_then_breaks(
        "新校区今年招收一年级新生8个班、360人，平均每班45人。",
        "average-per-item",
        "平均每班45人",
        "平均每班48人",
    );
}

#[test]
fn a_running_total_told_over_sentences_of_its_paragraph() {
    // 9月份完成… names nothing but stands in the total's paragraph; 累计完成 names the measure
    holds_then_breaks(
        "今年1—9月，全市规模以上工业增加值完成980亿元，同比增长6.1%。其中，9月份完成116亿元，增长6.9%；1—8月累计完成864亿元。",
        "sum-of-parts",
        "864亿元",
        "846亿元",
    );
    holds_then_breaks(
        "1—11月，全市税收收入累计完成312.4亿元。11月份完成税收收入27.9亿元，1—10月累计完成税收收入284.5亿元。",
        "sum-of-parts",
        "27.9亿元",
        "29.7亿元",
    );
}

#[test]
fn an_average_per_a_noun_that_names_its_count() {
    holds_then_breaks(
        "全年举办技能培训班12个、培训学员540人，平均每班45人。",
        "average-per-item",
        "平均每班45人",
        "平均每班50人",
    );
}
