//! What a pattern's match must also be to count as the relation it looks like: the syntax binds
//! the figures, but only figures of the right kind make the relation.

use crate::{Binding, Roles, Story, Var};
use factcheck_frames::Aspect;
use factcheck_rules::{Relation, Rule};

/// Does the match bind figures the rule's relation can hold between? `stated` are the figures
/// its roles name.
pub fn reads_sensibly(story: &Story, rule: &Rule, roles: &Roles, stated: &[usize]) -> bool {
    measured_alike(story, rule, roles, stated)
        && !one_year_rate(story, roles)
        && !unbounded_rate(story, rule, roles)
}

/// Parts and their total are measured alike (诉求312件 has no part of 500人); a part and its
/// whole are levels of one unit and one period (a change, 去年同期的…, or 人次 against 人 is none).
fn measured_alike(story: &Story, rule: &Rule, roles: &Roles, stated: &[usize]) -> bool {
    match rule.relation {
        Relation::Sum => stated.iter().all(|&q| story.addable(q, stated[0])),
        Relation::Subset => {
            let Some(Binding::One(Var::Stated(whole))) = roles.get("whole") else {
                return false;
            };
            let whole = *whole;
            stated.iter().all(|&q| {
                let (unit, whole_unit) = (&story.q(q).unit, &story.q(whole).unit);
                // 来电986件次 counts times: 办结712件 may be under it
                (unit == whole_unit || *whole_unit == format!("{unit}次"))
                    && story.frame(q).aspect == Aspect::Level
                    && !story.frame(q).compared
                    && story.same_period(q, whole)
                    && (q == whole || !counts_more(story, q))
            })
        }
        // `达到286.4公里，比…增加32.6公里，是…114.5公里的2.5倍`: the multiple is the level's,
        // not the change's
        Relation::Multiple => !matches!(
            roles.get("a"),
            Some(Binding::One(Var::Stated(a))) if story.frame(*a).aspect == Aspect::Change
        ),
        _ => true,
    }
}

/// 办结1285件（含上年结转46件）: a part that says in brackets it counts something from elsewhere.
fn counts_more(story: &Story, q: usize) -> bool {
    let after = &story.text[story.q(q).span.end..];
    after
        .strip_prefix(['（', '('])
        .is_some_and(|inside| story.words().starting("counts_also", inside).is_some())
}

/// `同比增长18.6%，两年平均增长7.2%`: a rate said to be against the year before is one year's,
/// not the growth over the years named.
fn one_year_rate(story: &Story, roles: &Roles) -> bool {
    let (Some(Binding::One(Var::Stated(rate))), Some(_)) = (roles.get("rate"), roles.get("years"))
    else {
        return false;
    };
    let clause = &story.frames.layout.clauses[story.frame(*rate).clause];
    let start = story.q(*rate).span.start;
    story.words().contains(
        "compare_period",
        &story.text[clause.range.start.min(start)..start],
    )
}

/// 拨备覆盖率228.6%: a rate whose name only ends like a bounded one's may pass 100%.
fn unbounded_rate(story: &Story, rule: &Rule, roles: &Roles) -> bool {
    rule.relation == Relation::Bounds
        && roles.values().any(|b| match b {
            Binding::Word(_, at) => story
                .text
                .get(story.range.start.min(at.end)..at.end)
                .is_some_and(|before| story.words().ending("unbounded_rate", before).is_some()),
            _ => false,
        })
}
