//! The structures of copy that find relations without a phrasing of their own: a rule says
//! `find: parts` and the checker looks for a total and its parts wherever the copy gives them (a
//! `其中` list, brackets, a partition named across sentences, a table). Each structure declares the
//! roles it fills; a rule's checks may use those roles and the ones it derives. The structures
//! themselves are read in `factcheck-claims`.

/// A structure a rule can `find`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finder {
    pub name: &'static str,
    /// The roles it fills (a list role holds several figures: use it as `sum(parts)`).
    pub roles: &'static [&'static str],
    pub description: &'static str,
}

pub const ALL: &[Finder] = &[
    Finder {
        name: "growth",
        roles: &["current", "rate", "delta", "base"],
        description: "a figure with its rate or amount of change (生产总值500亿元，增长6%，增加28亿元); `base` is the figure of the period compared against",
    },
    Finder {
        name: "compound",
        roles: &["yearly", "rate", "years"],
        description: "a yearly average rate (年均增长6.7%) after the whole growth against a year (比2020年增长38.3%), of a figure whose own year the sentence prints: `years` is the number of years between",
    },
    Finder {
        name: "compound-levels",
        roles: &["yearly", "from", "to", "years"],
        description: "a yearly average rate (年均增长6.7%) after two levels printed with their years (由2020年的904亿元增加到2025年的1250亿元): `years` is the number of years between",
    },
    Finder {
        name: "base-stated",
        roles: &["base", "stated"],
        description: "the base a growth implies, against the figure the story gives for that period and measure",
    },
    Finder {
        name: "parts",
        roles: &["total", "parts"],
        description: "a total and all of its parts: brackets after the total, a `其中` list that names a whole partition (出口/进口, 城镇/乡村…) or follows 共计/合计, parts then 合计",
    },
    Finder {
        name: "added",
        roles: &["first", "added", "total"],
        description: "a level, another added to it (加上, 再加上) and the level the sentence then gives; `first` is a list (the last level before, or all the levels of its clause)",
    },
    Finder {
        name: "parts-listed",
        roles: &["total", "parts"],
        description: "a total and some of its parts (a `其中` list that need not be complete)",
    },
    Finder {
        name: "part-of",
        roles: &["whole", "part"],
        description: "one part of a whole (其中…, 此次…中, 受理…办结)",
    },
    Finder {
        name: "bases-of-parts",
        roles: &["total_base", "part_bases"],
        description: "a total and all its parts each with a growth rate (or, for some, an amount of change): their bases add up too",
    },
    Finder {
        name: "changes-of-parts",
        roles: &["total_base", "part_bases"],
        description: "a total and all its parts each with an amount of change against one period: their bases add up exactly",
    },
    Finder {
        name: "bases-of-listed-parts",
        roles: &["total_base", "part_bases"],
        description: "a total and some of its parts (a `其中` list), each with a growth rate, for a measure that cannot be negative: the parts' bases do not exceed the total's",
    },
    Finder {
        name: "points-of-shares",
        roles: &["points"],
        description: "the changes in points of the shares of every part of a partition, in one sentence (第一产业比重提高…，第二产业比重下降…，第三产业比重提高…)",
    },
    Finder {
        name: "rate-of-parts",
        roles: &["total_rate", "part_rates"],
        description: "a total's growth rate lies between its parts' rates (all parts named)",
    },
    Finder {
        name: "shares-of-parts",
        roles: &["shares"],
        description: "the shares of all the parts of a whole (结构为a:b:c, each part's 占比)",
    },
    Finder {
        name: "share",
        roles: &["part", "whole", "share"],
        description: "a part's share of a whole (占…的, 占比, 比重, 是…的); the whole is the figure the copy names, or derived",
    },
    Finder {
        name: "fraction",
        roles: &["part", "whole", "share"],
        description: "a percent printed with the fraction it comes from (22.9%（258/1127）, （48.2%，210/436）, 210/436（48.2%）): part and whole are the fraction's numbers",
    },
    Finder {
        name: "share-of-partition",
        roles: &["part", "members", "share"],
        description: "a share that names no whole, of a part named by one word of a partition (男/女, 城镇/乡村) whose other words each name a level of its sentence, or a run of shares adding up to 100% beside a run of as many levels (分别为…，占比依次为…): the whole is the parts' sum",
    },
    Finder {
        name: "structure",
        roles: &["part", "whole", "share"],
        description: "a structure printed as ratios (三次产业结构为7.3:37.8:54.8) after a total and all its parts: each ratio is its part's share, in percent",
    },
    Finder {
        name: "ratio-of-named",
        roles: &["a", "b", "ratio"],
        description: "a ratio named by the two figures it compares (城乡居民人均可支配收入比值为2.16, 普通高中与中等职业教育招生人数之比为1.6∶1): `a` and `b` are the levels the names name, the first over the second",
    },
    Finder {
        name: "per-population",
        roles: &["value", "total", "population", "per"],
        description: "a figure per so many people (按年末常住人口521.6万人计算，每万人口发明专利拥有量为41.0件): `total` is the story's level of what it names, `population` the people its sentence computes by, `per` the people it is per (每千人口: 1000)",
    },
    Finder {
        name: "outcomes-rate",
        roles: &["counted", "outcomes", "rate"],
        description: "a rate named after what it counts (总有效率) right after a 、 list of every outcome of one group (显效32例、有效24例、无效4例): `counted` are the outcomes named without a negation, `outcomes` all of them",
    },
    Finder {
        name: "multiple",
        roles: &["a", "b", "factor"],
        description: "a level said to be a multiple of a named figure (是计划发行额的6.2倍) or of the level its sentence started from (从…增长到…，是十年前的3.2倍)",
    },
    Finder {
        name: "rate-of-count",
        roles: &["part", "whole", "share"],
        description: "a rate of items (修复率, 命中率, 增长面) right after the count it is of, whose clause names what the rate is of; `whole` is an earlier count of the same unit in the sentence, each one a reading",
    },
    Finder {
        name: "per-item",
        roles: &["total", "count", "average"],
        description: "an average per item (平均每只, 单只, 每人) after a total of its unit and a count of that classifier in its sentence (6只…合计…，平均每只…); each count of the classifier is a reading",
    },
    Finder {
        name: "net-of-pair",
        roles: &["first", "second", "net"],
        description: "a net figure (顺差, 净流入, 结余) right after the two opposite flows of a pair in `net_pairs` (出口…进口…): `first` is the flow the net is positive for",
    },
    Finder {
        name: "structure-terms",
        roles: &["terms"],
        description: "a structure printed as ratios after a structure word (三次产业结构为7.3:37.8:54.8) whose terms add up to about 100: percentages of one whole",
    },
    Finder {
        name: "points",
        roles: &["now", "before", "points"],
        description: "a rate and its change in percentage points (提高0.7个百分点); `before` is the rate of the period compared against",
    },
    Finder {
        name: "points-against",
        roles: &["rate", "other", "points"],
        description: "a rate compared with another's (比全省（7.7%）高0.7个百分点, 增幅高于B 2个百分点)",
    },
    Finder {
        name: "restated",
        roles: &["first", "second", "first_rate", "second_rate"],
        description: "one figure stated twice in a story: same measure, subject and period",
    },
    Finder {
        name: "headline",
        roles: &["headline", "body"],
        description: "a headline figure and the body figure it rounds or restates",
    },
    Finder {
        name: "per-unit",
        roles: &["numerator", "denominator", "ratio"],
        description: "an average or rate per unit (平均每户2.6人, 元/人, 公斤/公顷) and the totals it divides",
    },
    Finder {
        name: "table-product",
        roles: &["product", "first", "second", "scale"],
        description: "a table column that, on most of its rows, is the product of two others (播种面积 × 单位面积产量 = 总产量); `scale` is the power of ten the units call for",
    },
    Finder {
        name: "table-sum",
        roles: &["total", "parts"],
        description: "a table's total row (合计, 全省…) and the rows it adds up (its section's numbered items, or all rows below), column by column where the table shows they add up",
    },
    Finder {
        name: "table-within",
        roles: &["total", "parts"],
        description: "a numbered table row and the `其中` rows under it",
    },
    Finder {
        name: "weekday-pairs",
        roles: &["date", "weekday", "other", "other_weekday"],
        description: "two dates of one month printed with their weekdays and no year (18日（周五）…20日（周日）): the weekday moves as many days as the date",
    },
    Finder {
        name: "day-words",
        roles: &["date", "word", "other", "other_word"],
        description: "dates bracketed after day words (今天（11日）…昨天（10日）) and the story's dateline (6月11日电): the words count from one day",
    },
    Finder {
        name: "span-ends",
        roles: &["date", "word", "other", "other_word"],
        description: "an event's span (12日至15日召开) and the days a later sentence says it opens and closes (12日开幕，15日闭幕)",
    },
    Finder {
        name: "counted-list",
        roles: &["count", "items"],
        description: "a stated number of things and the things listed (8个考点，分别为A、B…)",
    },
    Finder {
        name: "names-then-count",
        roles: &["count", "items"],
        description: "names listed and then counted by a count of their own kind (甲市、乙市和丙市三市; 产值、利润、税收三项指标)",
    },
    Finder {
        name: "enumerated",
        roles: &["count", "items"],
        description: "a number of kinds or points (三大类, 四个方面) and the points enumerated after it (一是…二是…三是…); `items` is how many",
    },
];

pub fn get(name: &str) -> Option<&'static Finder> {
    ALL.iter().find(|f| f.name == name)
}
