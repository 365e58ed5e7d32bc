//! The marks a newspaper page uses to start and end a story: bylines and datelines at the start,
//! reporters' credits and `(完)` at the end, `(上接A03版)` continuations.

use regex::Regex;
use std::sync::LazyLock;

/// News sites whose desks date their items `…网4月9日讯` (named, since the headline glued before
/// the name may end in any character).
macro_rules! web_desks {
    () => {
        "全景网|中证网|中国证券网|证券时报网|新浪网|新浪财经|东方财富网|和讯网|中国经济网|人民网|中新网|央视网|新华网|光明网|中国网|财新网|金融界|中金在线"
    };
}

static ARTICLE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"本报讯|本报记者|本报[^，。]{0,8}讯|新华社|中新社|中新网|人民网|央视网|据新华社",
        r"|[^，。！？]{0,6}报讯",
        r"|[^，。！？]{0,10}\d{1,2}月\d{1,2}日(?:专)?电",
        r"|（(?:上接|接上|接第|上转)",
        r"|（记者|（通讯员|（诵讯员|记者\s|通讯员\s",
        r"|新浪体育讯|(?:",
        web_desks!(),
        r")\d{1,2}月\d{1,2}日讯|⊙本报记者",
        r")"
    ))
    .expect("article start pattern")
});

static DATELINE_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:新华社|中新社|中新网|人民网|央视网)[^，。！？\s]{0,6}\d{1,2}月\d{1,2}日(?:专)?电",
        // a web desk's or a sports desk's line, a reporter's mark
        r"|新浪体育讯|(?:",
        web_desks!(),
        r")\d{1,2}月\d{1,2}日讯|⊙本报记者",
    ))
    .expect("dateline pattern")
});

static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"（(?:",
        r"[^（）]{0,6}(?:记者|通讯员|诵讯员|编辑|供稿|摄影|实习生)[^（）]{0,12}",
        r"|完|[\p{Han} ]{2,8}",
        r")）$"
    ))
    .expect("credit pattern")
});

/// Does this (normalised) paragraph open a story: a byline, a dateline or a continuation mark?
pub fn starts_article(paragraph: &str) -> bool {
    ARTICLE_START.is_match(paragraph)
}

/// Does this (normalised) paragraph close a story with a credit such as `（记者 施翔）` or `（完）`?
/// A bare name in brackets counts only when it follows the end of a sentence or stands alone.
pub fn ends_article(paragraph: &str) -> bool {
    let Some(found) = CREDIT_END.find(paragraph) else {
        return false;
    };
    let before = paragraph[..found.start()].trim_end();
    let keyword = [
        "记者",
        "通讯员",
        "诵讯员",
        "编辑",
        "供稿",
        "摄影",
        "实习生",
        "完",
    ]
    .iter()
    .any(|k| found.as_str().contains(k));
    keyword || before.is_empty() || before.ends_with(['。', '！', '？', '"'])
}

/// Where a dateline sits inside a paragraph after a headline that lost its line break
/// (`…调拨救灾物资36万件中新网8月14日电 …`): the byte offset of the dateline, if any.
pub fn inner_dateline(paragraph: &str) -> Option<usize> {
    let found = DATELINE_INSIDE.find(paragraph)?;
    let before = paragraph[..found.start()].chars().last()?;
    // 另据新华网4月20日讯，…: a source quoted, not a headline before a dateline
    let quoted = before == '据' || paragraph[found.end()..].starts_with(['，', ',']);
    (found.start() > 0 && !crate::chars::ends_sentence(before) && !quoted).then_some(found.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_and_datelines_open_stories() {
        for line in [
            "本报讯（记者 樊娅楠）近日，省科技",
            "新华社成都3月14日电（记者张明远）今年",
            "中新社宁波9月3日电 （陈立 王岚）",
            "晚报讯秋收时节",
            "（上接A03版）深学细悟笃行",
        ] {
            assert!(starts_article(line), "{line}");
        }
        assert!(!starts_article("10月28日，12345政务服务便"));
        assert!(!starts_article("记者近日从市交通局获悉"));
    }

    #[test]
    fn credits_close_stories() {
        assert!(ends_article("成为西部创新驱动发展的典范。（记者王琼）"));
        assert!(ends_article("（记者 施翔）"));
        assert!(ends_article("全天成交略有放大。（完）"));
        assert!(ends_article("同比增长86.41%。（林秋水）"));
        assert!(!ends_article("货物贸易总额5126.3亿元（以美元计，下同）"));
        assert!(!ends_article("制造业采购经理指数（PMI）"));
    }

    #[test]
    fn glued_headline_dateline_is_found() {
        let text = "应急管理部：2019年调拨救灾物资36万件中新网8月14日电 应急管理部今日";
        let at = inner_dateline(text).unwrap();
        assert!(text[at..].starts_with("中新网"));
        assert_eq!(inner_dateline("中新网8月14日电 应急管理部"), None);
        // a web desk's and a sports desk's lines, a reporter's mark
        for (text, desk) in [
            (
                "某某基金每10份派0.12元中证网3月2日讯 某某基金公告",
                "中证网",
            ),
            (
                "主队三连胜锁定头名新浪体育讯北京时间5月1日消息",
                "新浪体育讯",
            ),
            ("两只基金年内收益翻倍⊙本报记者 某某 截至昨日", "⊙"),
        ] {
            let at = inner_dateline(text).unwrap();
            assert!(text[at..].starts_with(desk), "{text}");
            assert!(starts_article(&text[at..]), "{text}");
        }
        // a source quoted inside a paragraph
        assert_eq!(
            inner_dateline("全市增长5.2%，而据人民网4月20日讯，全省增长6%"),
            None
        );
        assert_eq!(inner_dateline("另据新浪体育讯，球队已完成签约"), None);
    }
}
