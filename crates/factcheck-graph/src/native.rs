//! The relations arithmetic over figures cannot say: a span of dates against its number of days,
//! a date against its weekday, the direction of `升至`/`压减至`, and the subjects before 分别
//! against the values after it. Each reads its claim's roles and gives a check.

use crate::{calendar, display, Check, Finding, Page, Status};
use factcheck_claims::{Binding, Claim, Var};
use factcheck_interval::Interval;
use factcheck_numbers::Quantity;
use factcheck_rules::{Relation, Rule, Severity};
use rust_decimal::Decimal;

struct Ctx<'a> {
    page: &'a Page<'a>,
    claim: &'a Claim,
    rule: &'a Rule,
}

impl Ctx<'_> {
    fn q(&self, q: usize) -> &Quantity {
        &self.page.quantities[q]
    }
    fn text(&self, q: usize) -> &str {
        self.page.printed.get(q).map(String::as_str).unwrap_or("")
    }
    fn check(&self, quantities: Vec<usize>, status: Status, explanation: String) -> Check {
        Check {
            rule: self.rule.id.clone(),
            relation: self.rule.relation.name().to_string(),
            quantities,
            status,
            derived: vec![],
            explanation,
            finding: None,
        }
    }
    fn broken(
        &self,
        quantities: Vec<usize>,
        primary: usize,
        message: String,
        severity: Severity,
    ) -> Check {
        let mut related: Vec<(std::ops::Range<usize>, String)> = quantities
            .iter()
            .filter(|&&q| q != primary)
            .map(|&q| {
                (
                    self.q(q).span.clone(),
                    format!("相关数字：{}", self.text(q)),
                )
            })
            .collect();
        for (role, binding) in &self.claim.roles {
            if let Binding::Word(word, span) = binding {
                if ["verb", "weekday", "other_weekday", "to_half"].contains(&role.as_str()) {
                    related.push((span.clone(), format!("关键词：{word}")));
                }
            }
        }
        let message = crate::explain::render_template(self.rule, self.claim, self.page, &message);
        Check {
            rule: self.rule.id.clone(),
            relation: self.rule.relation.name().to_string(),
            quantities,
            status: Status::Contradiction,
            derived: vec![],
            explanation: message.clone(),
            finding: Some(Finding {
                expected: None,
                rule: self.rule.id.clone(),
                severity,
                message,
                primary: self.q(primary).span.clone(),
                related,
            }),
        }
    }
}

impl Check {
    /// The check with the value its arithmetic fixes for the figure its finding points at.
    fn expecting(mut self, expected: String) -> Check {
        if let Some(finding) = &mut self.finding {
            finding.expected = Some(expected);
        }
        self
    }
}

fn interval(q: &Quantity) -> Option<Interval> {
    let (lo, hi) = q.bounds();
    q.number().map(|_| Interval::new(lo, hi))
}

pub fn evaluate(page: &Page, claim: &Claim, rule: &Rule) -> Option<Check> {
    let ctx = Ctx { page, claim, rule };
    match rule.relation {
        Relation::Span => span(&ctx),
        Relation::Weekday => weekday(&ctx),
        Relation::Dates => dates(&ctx),
        Relation::Change => change(&ctx),
        Relation::Respectively => respectively(&ctx),
        _ => None,
    }
}

fn change(ctx: &Ctx) -> Option<Check> {
    let (from, to) = (ctx.claim.stated("from")?, ctx.claim.stated("to")?);
    let (verb, _) = ctx.claim.word("verb")?;
    let words = &ctx.page.words;
    let up = words.is("up_to", verb);
    if !up && !words.is("down_to", verb) {
        return None;
    }
    let (f, t) = (ctx.q(from), ctx.q(to));
    if f.kind != t.kind && !(f.unit.is_empty() || t.unit.is_empty()) {
        return None;
    }
    let (fiv, tiv) = (interval(f)?, interval(t)?);
    let mut quantities = vec![from, to];
    // 升至: the new value is above the old; a reading where they are equal is no rise
    let wrong_way = if up {
        matches!((tiv.hi, fiv.lo), (Some(h), Some(l)) if h <= l)
    } else {
        matches!((tiv.lo, fiv.hi), (Some(l), Some(h)) if l >= h)
    };
    if wrong_way {
        let message = format!(
            "从{}{}{}：“{}”表示{}，而{}{}{}",
            ctx.text(from),
            verb,
            ctx.text(to),
            verb,
            if up { "上升" } else { "下降" },
            ctx.text(to),
            if up { "不高于" } else { "不低于" },
            ctx.text(from)
        );
        return Some(ctx.broken(quantities, to, message, ctx.rule.severity));
    }
    if let Some(diff) = ctx.claim.stated("diff") {
        let d = ctx.q(diff);
        quantities.push(diff);
        let div = interval(d)?;
        let actual = tiv
            .sub(&fiv)
            .scale(if up { Decimal::ONE } else { -Decimal::ONE });
        let same_unit = d.kind == f.kind
            || f.unit.is_empty()
            || d.unit.is_empty()
            || (f.kind == factcheck_numbers::Kind::Percent
                && d.kind == factcheck_numbers::Kind::PercentagePoint);
        if same_unit {
            let shown = display::interval(&actual.rounded(2), f, ctx.text(from));
            if actual.overlaps(&div) {
                return Some(ctx.check(
                    quantities,
                    Status::ConsistentWithin,
                    format!(
                        "{}与{}相差{shown}，与{}相符",
                        ctx.text(to),
                        ctx.text(from),
                        ctx.text(diff)
                    ),
                ));
            }
            let message = format!(
                "{}与{}相差{shown}，文中为{}",
                ctx.text(to),
                ctx.text(from),
                ctx.text(diff)
            );
            return Some(
                ctx.broken(quantities, diff, message, ctx.rule.severity)
                    .expecting(shown),
            );
        }
    }
    Some(ctx.check(
        quantities,
        Status::Consistent,
        format!("从{}{}{}，方向相符", ctx.text(from), verb, ctx.text(to)),
    ))
}

fn span(ctx: &Ctx) -> Option<Check> {
    let (from, to, duration) = (
        ctx.claim.stated("from")?,
        ctx.claim.stated("to")?,
        ctx.claim.stated("duration")?,
    );
    let (f, t) = (ctx.q(from).date()?, ctx.q(to).date()?);
    let d = ctx.q(duration);
    if d.unit == "年" {
        // whole years only: `2023年1月至2024年6月的一年半` counts months
        if f.month.is_some() || t.month.is_some() {
            return None;
        }
        return year_span(ctx, [from, to, duration], f.year?, t.year?);
    }
    if !matches!(d.unit.as_str(), "天" | "日") {
        return None;
    }
    let (fd, td) = (f.day?, t.day?);
    let (fm, tm) = match (f.month, t.month) {
        (Some(fm), Some(tm)) => (fm, tm),
        // two days with no month (18日开幕，20日闭幕): one month's days, counted in a long month
        (None, None) if td >= fd => (1, 1),
        _ => return None,
    };
    let year = f.year.or(t.year).unwrap_or(2001);
    // a span into the next year (12月28日至1月3日); a year too large to step is no span
    let to_year = if tm < fm {
        year.checked_add(1)?
    } else {
        t.year.unwrap_or(year)
    };
    if !calendar::is_valid(year, fm, fd) || !calendar::is_valid(to_year, tm, td) {
        return None;
    }
    let inclusive = calendar::days(to_year, tm, td) - calendar::days(year, fm, fd) + 1;
    if !(1..=3660).contains(&inclusive) {
        return None;
    }
    let div = interval(d)?;
    let mut readings = vec![Decimal::from(inclusive)];
    // no year printed: a span over the end of February has a day more in a leap year
    if f.year.is_none() && t.year.is_none() {
        let leap =
            calendar::days(2004 + (to_year - year), tm, td) - calendar::days(2004, fm, fd) + 1;
        if leap != inclusive {
            readings.push(Decimal::from(leap));
        }
    }
    // a half day at the end (15日上午闭幕), or at the start (3日下午开幕), or both
    let half = Decimal::new(5, 1);
    let late_start = ctx
        .claim
        .word("from_half")
        .is_some_and(|(w, _)| ctx.page.words.is("late_in_day", w));
    let half_end = ctx.claim.word("to_half").is_some();
    if half_end || late_start {
        readings.push(Decimal::from(inclusive) - half);
    }
    if half_end && late_start {
        readings.push(Decimal::from(inclusive) - Decimal::ONE);
    }
    let quantities = vec![from, to, duration];
    let shown: Vec<String> = readings
        .iter()
        .map(|r| format!("{}天", r.normalize()))
        .collect();
    let text = format!(
        "{}至{}（含首尾）共{}",
        ctx.text(from),
        ctx.text(to),
        shown.join("或")
    );
    if readings.iter().any(|r| div.contains(*r)) {
        return Some(ctx.check(
            quantities,
            Status::Consistent,
            format!("{text}，与{}相符", ctx.text(duration)),
        ));
    }
    let broken = ctx.broken(
        quantities,
        duration,
        format!("{text}，文中为{}", ctx.text(duration)),
        ctx.rule.severity,
    );
    // one reading fixes the days (a half day at the end allows two)
    Some(match shown.as_slice() {
        [days] => broken.expecting(days.clone()),
        _ => broken,
    })
}

/// `2019至2023年的五年间`: copy counts the years of a range with both ends (five) or as the time
/// between them (four); either reading agrees, none other does.
fn year_span(ctx: &Ctx, quantities: [usize; 3], from: i32, to: i32) -> Option<Check> {
    let [from_q, to_q, duration] = quantities;
    let between = to.checked_sub(from)?;
    if !(1..=200).contains(&between) {
        return None;
    }
    let div = interval(ctx.q(duration))?;
    let readings = [Decimal::from(between + 1), Decimal::from(between)];
    let text = format!(
        "{}至{}含首尾共{}年，不含首年为{}年",
        ctx.text(from_q),
        ctx.text(to_q),
        between + 1,
        between
    );
    if readings.iter().any(|r| div.contains(*r)) {
        return Some(ctx.check(
            quantities.to_vec(),
            Status::Consistent,
            format!("{text}，与{}相符", ctx.text(duration)),
        ));
    }
    Some(ctx.broken(
        quantities.to_vec(),
        duration,
        format!("{text}，文中为{}", ctx.text(duration)),
        ctx.rule.severity,
    ))
}

fn weekday(ctx: &Ctx) -> Option<Check> {
    if ctx.claim.stated("other").is_some() {
        return weekday_pair(ctx);
    }
    let date = ctx.claim.stated("date")?;
    let d = ctx.q(date).date()?;
    let (year, month, day) = (d.year?, d.month?, d.day?);
    let (word, _) = ctx.claim.word("weekday")?;
    let stated = calendar::weekday_of_word(word)?;
    if !calendar::is_valid(year, month, day) {
        return None;
    }
    let actual = calendar::weekday(year, month, day);
    let iso = format!("{year}-{month:02}-{day:02}");
    // a year read from the context may be the data's year, not the day's: early in the next
    // year (2025年的数字, a meeting on 1月12日（周一） of 2026) or late in the one before (2026年的
    // 计划, a meeting on 12月28日 of 2025); one printed only after the date may be another
    // occasion's (上届…于2024年11月3日) either way. A neighbouring year that fits so is a reading
    if actual != stated && d.year_inferred && d.year_from_story {
        let later = d.year_from_later;
        let neighbours = [
            (year - 1, later || month >= 9),
            (year + 1, later || month <= 4),
        ];
        let fits = neighbours
            .into_iter()
            .filter(|&(_, near)| near)
            .map(|(y, _)| y)
            .find(|&y| {
                calendar::is_valid(y, month, day) && calendar::weekday(y, month, day) == stated
            });
        if let Some(y) = fits {
            return Some(ctx.check(
                vec![date],
                Status::Consistent,
                format!(
                    "{y}-{month:02}-{day:02}是{}，与“{word}”相符（年份未写明，取上下文{year}年的相邻年份）",
                    calendar::weekday_name(stated)
                ),
            ));
        }
    }
    if actual == stated {
        return Some(ctx.check(
            vec![date],
            Status::Consistent,
            format!("{iso}是{}，与“{word}”相符", calendar::weekday_name(actual)),
        ));
    }
    let year_note = if d.year_inferred {
        format!("（年份{year}取自上下文）")
    } else {
        String::new()
    };
    // a year read from the context may be the wrong one: a warning at most
    let severity = if d.year_inferred {
        Severity::Warning.min(ctx.rule.severity)
    } else {
        ctx.rule.severity
    };
    let message = format!(
        "{iso}{year_note}是{}，文中写作“{word}”",
        calendar::weekday_name(actual)
    );
    Some(ctx.broken(vec![date], date, message, severity))
}

/// Two dates of one month without a year: the second weekday is the first moved by the days
/// between them.
fn weekday_pair(ctx: &Ctx) -> Option<Check> {
    let (first, second) = (ctx.claim.stated("date")?, ctx.claim.stated("other")?);
    let (a, b) = (ctx.q(first).date()?.day?, ctx.q(second).date()?.day?);
    let (a_word, _) = ctx.claim.word("weekday")?;
    let (b_word, _) = ctx.claim.word("other_weekday")?;
    let (a_day, b_day) = (
        calendar::weekday_of_word(a_word)?,
        calendar::weekday_of_word(b_word)?,
    );
    let gap = b.checked_sub(a)?;
    let expected = (a_day + gap) % 7;
    let (a_text, b_text) = (ctx.text(first), ctx.text(second));
    if expected == b_day {
        return Some(ctx.check(
            vec![first, second],
            Status::Consistent,
            format!(
                "{a_text}是{a_word}，{gap}天后的{b_text}是{}，与“{b_word}”相符",
                calendar::weekday_name(expected)
            ),
        ));
    }
    let message = format!(
        "{a_text}是{a_word}，{gap}天后的{b_text}应是{}，文中写作“{b_word}”",
        calendar::weekday_name(expected)
    );
    Some(ctx.broken(vec![first, second], second, message, ctx.rule.severity))
}

/// How many days (or years) after the story's own day a day word puts its date: 昨天 one
/// before, 明年 one after; none for a word that names no day (电, 开幕).
fn day_word(ctx: &Ctx, word: &str) -> Option<i64> {
    let words = &ctx.page.words;
    [
        ("today", 0),
        ("yesterday", -1),
        ("day_before_yesterday", -2),
        ("tomorrow", 1),
        ("this_year", 0),
        ("last_year", -1),
        ("year_before_last", -2),
        ("next_year", 1),
    ]
    .into_iter()
    .find(|(class, _)| words.is(class, word))
    .map(|(_, days)| days)
}

/// A date as printed: the parts the copy gives (a year or month taken from the context is
/// left open, since the context may be another day's).
fn printed_date(ctx: &Ctx, q: usize) -> Option<(Option<i32>, Option<u32>, Option<u32>)> {
    let d = ctx.q(q).date()?;
    let text = ctx.text(q);
    let month_printed = text.contains('月') || text.contains(['-', '/', '.']);
    Some((
        d.year.filter(|_| !d.year_inferred),
        d.month.filter(|_| month_printed),
        d.day,
    ))
}

/// Whether some reading of the parts a date leaves open puts the second date `apart` days after
/// the first (a year or month left open may be the other's, or one either side of it).
fn days_apart_possible(
    first: (Option<i32>, Option<u32>, u32),
    second: (Option<i32>, Option<u32>, u32),
    apart: i64,
) -> bool {
    // the month before January is December (of the year before: the years are read ±1 too)
    let near = |m: u32| [if m == 1 { 12 } else { m - 1 }, m, m % 12 + 1];
    let first_years: Vec<i32> = match (first.0, second.0) {
        (Some(y), _) => vec![y],
        (None, Some(y)) => vec![y - 1, y, y + 1],
        (None, None) => vec![2001, 2004],
    };
    let first_months: Vec<u32> = match (first.1, second.1) {
        (Some(m), _) => vec![m],
        (None, Some(m)) => near(m).to_vec(),
        (None, None) => (1..=12).collect(),
    };
    first_years.iter().any(|&fy| {
        let second_years = second.0.map_or(vec![fy - 1, fy, fy + 1], |y| vec![y]);
        first_months.iter().any(|&fm| {
            let second_months = second.1.map_or(near(fm).to_vec(), |m| vec![m]);
            calendar::is_valid(fy, fm, first.2)
                && second_years.iter().any(|&sy| {
                    second_months.iter().any(|&sm| {
                        calendar::is_valid(sy, sm, second.2)
                            && calendar::days(sy, sm, second.2) - calendar::days(fy, fm, first.2)
                                == apart
                    })
                })
        })
    })
}

/// Two mentions of a day: the days apart their words say (今天 and 昨天 one, a span's first day
/// and the day it opens none), in some reading of what the dates leave unprinted.
fn dates(ctx: &Ctx) -> Option<Check> {
    let (first, second) = (ctx.claim.stated("date")?, ctx.claim.stated("other")?);
    let (first_word, _) = ctx.claim.word("word")?;
    let (second_word, _) = ctx.claim.word("other_word")?;
    // a dateline, or the day a span opens or closes, is the day itself
    let apart = day_word(ctx, second_word).unwrap_or(0) - day_word(ctx, first_word).unwrap_or(0);
    let (a, b) = (printed_date(ctx, first)?, printed_date(ctx, second)?);
    let (holds, unit) = match (a.2, b.2) {
        (Some(ad), Some(bd)) => (
            days_apart_possible((a.0, a.1, ad), (b.0, b.1, bd), apart),
            "天",
        ),
        // two years (今年（2026年）, 去年（2025年）)
        (None, None) if a.1.is_none() && b.1.is_none() => {
            (b.0? - a.0? == i32::try_from(apart).ok()?, "年")
        }
        _ => return None,
    };
    let name = |q: usize, word: &str| {
        let text = ctx.text(q);
        if day_word(ctx, word).is_some() {
            format!("{word}（{text}）")
        } else if ctx.page.words.is("dateline_mark", word) {
            format!("电头日期{text}")
        } else if ctx.page.words.is("span_join", word) {
            let end = if ctx.page.words.is("span_start", second_word) {
                "起始日"
            } else {
                "结束日"
            };
            format!("{end}{text}")
        } else {
            format!("{text}{word}")
        }
    };
    let (first_name, second_name) = (name(first, first_word), name(second, second_word));
    let distance = match apart {
        0 if unit == "年" => "是同一年".to_string(),
        0 => "是同一天".to_string(),
        n => format!("相差{}{unit}", n.abs()),
    };
    let quantities = vec![first, second];
    if holds {
        return Some(ctx.check(
            quantities,
            Status::Consistent,
            format!("{first_name}与{second_name}{distance}，相符"),
        ));
    }
    let should = format!("应{distance}");
    Some(ctx.broken(
        quantities,
        second,
        format!("{first_name}与{second_name}{should}"),
        ctx.rule.severity,
    ))
}

fn respectively(ctx: &Ctx) -> Option<Check> {
    let listed: Vec<usize> = ctx
        .claim
        .many("values")?
        .iter()
        .filter_map(|v| match v {
            Var::Stated(q) => Some(*q),
            _ => None,
        })
        .collect();
    let text = ctx.page.text;
    // the values are the run joined by 、/和 with one unit (not the 13个 after a comma)
    let mut values = vec![*listed.first()?];
    for pair in listed.windows(2) {
        let (a, b) = (ctx.q(pair[0]), ctx.q(pair[1]));
        let joined = matches!(
            text.get(a.span.end..b.span.start),
            Some("、" | "和" | "与" | "及" | "以及" | "，")
        );
        if !joined || a.unit != b.unit {
            break;
        }
        values.push(pair[1]);
    }
    // another figure of the same unit later in the clause (`分别为连续8周、连续7周`): the run
    // may go on past what the joins show
    let last = ctx.q(*values.last()?);
    let quantities = ctx.page.quantities;
    let after = quantities.partition_point(|q| q.span.start < last.span.end);
    let goes_on = quantities[after..].iter().take(8).any(|q| {
        q.span.start >= last.span.end
            && q.unit == last.unit
            && !text[last.span.end..q.span.start].contains(['，', '。', '；', '\n'])
    });
    if goes_on {
        return None;
    }
    let start = ctx.claim.span.start;
    // the subjects: the clause before 分别, or the one before it when 分别 opens its clause
    let before = &text[..start];
    let clause_start = |end: usize| {
        text[..end]
            .rfind(['，', '；', '。', '\n', '：'])
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            })
    };
    let mut from = clause_start(before.len());
    let mut to = before.len();
    // a clause that only opens with 分别 shares the subject before it (`A、B借助场地，分别办了
    // 灯会和庙会，观众分别为…`): step back over it too, at most twice
    for _ in 0..2 {
        let own = text[from..to].split("分别").next().unwrap_or("");
        if own.contains(['、', '和', '与', '及']) || from == 0 {
            break;
        }
        if to < start && !own.is_empty() {
            break;
        }
        to = text[..from]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        from = clause_start(to);
    }
    let subjects = text[from..to].split("分别").next().unwrap_or("");
    // figures before 分别 (`从7.1%、7.4%分别上调至…`): the names are not a plain list
    let quantities = ctx.page.quantities;
    let first = quantities.partition_point(|q| q.span.start < from);
    let named_by_figures = quantities[first..]
        .iter()
        .take_while(|q| q.span.start < from + subjects.len())
        .any(|q| q.span.end <= from + subjects.len() && q.number().is_some());
    if named_by_figures {
        return None;
    }
    // figures inside names (上证180ETF) are part of the names
    let subjects: String = subjects
        .chars()
        .filter(|c| !c.is_ascii_alphanumeric())
        .collect();
    let subjects = subjects.as_str();
    // `A、B和C` is three subjects, but `文化和娱乐服务、…` holds a 和 inside one: both readings count
    let by_comma = subjects.matches('、').count();
    let (count, also, strong) = if by_comma > 0 {
        let and_in_last = subjects
            .rsplit('、')
            .next()
            .is_some_and(|last| last.contains(['和', '及']));
        (
            by_comma + 1,
            if and_in_last {
                by_comma + 2
            } else {
                by_comma + 1
            },
            true,
        )
    } else {
        let n = subjects.matches(['和', '与', '及']).count() + 1;
        (n, n, false)
    };
    if count < 2 {
        return None;
    }
    if count == values.len() || also == values.len() {
        // the reading that agrees (`A、B、C和D`: four, counting the last 和)
        return Some(ctx.check(
            values.clone(),
            Status::Consistent,
            format!(
                "“{subjects}”{}项，分别对应{}个数",
                values.len(),
                values.len()
            ),
        ));
    }
    let message = format!(
        "“分别”前列了{count}项（{subjects}），后面却有{}个数",
        values.len()
    );
    if strong {
        Some(ctx.broken(values.clone(), values[0], message, ctx.rule.severity))
    } else {
        Some(ctx.check(values, Status::Derived, message))
    }
}
