//! A total followed at once by counts of its members by outcome (`86家机构52家增持、30家减持`,
//! `应出席委员45人，出席41人，请假4人`): parts of the total, though the copy may leave an
//! outcome out (suspended, on leave), so the list is taken as complete only where a partition
//! group names its parts (合格, 不合格).

use super::parts::PartsList;
use crate::story::Story;

/// The longest text between a total and its first part, or between two parts, in characters.
const GAP: usize = 8;

pub(super) fn apposed_lists(story: &Story, levels: &[usize], out: &mut Vec<PartsList>) {
    let words = story.words();
    // the words right after a figure, up to the next figure or mark (`40家加仓`)
    let words_after = |q: usize| -> String {
        story.text[story.q(q).span.end..]
            .chars()
            .take_while(|&c| factcheck_text::chars::is_han(c))
            .take(GAP)
            .collect()
    };
    for (k, &total) in levels.iter().enumerate() {
        // a count named by an outcome is a part, not the total (`6只上涨，5只持平`)
        // (`上涨个股12只`: an outcome in the name too; `应出席委员45人` is the expected total)
        let label = story.own_label(total);
        let outcome_named = words
            .find("outcome", &label)
            .is_some_and(|(at, _)| words.ending("expected_total", &label[..at]).is_none());
        if words.find("outcome", &words_after(total)).is_some() || outcome_named {
            continue;
        }
        let sentence = story.frame(total).sentence;
        let mut parts: Vec<usize> = Vec::new();
        let mut outcomes: Vec<&str> = Vec::new();
        let mut outcome_after: Option<bool> = None;
        let mut end = story.q(total).span.end;
        for &p in &levels[k + 1..] {
            let between = &story.text[end..story.q(p).span.start];
            // `60只上涨，其中45只收涨`: a part of a part ends the run
            if story.frame(p).sentence != sentence
                || words.contains("which", between)
                || between.chars().count() > GAP
                || between.contains(['。', '；', '（'])
                || !story.addable(p, total)
                || !story.same_period(p, total)
            {
                break;
            }
            // each part is named by an outcome of its own, after its figure (`40家加仓、19家减
            // 仓`) or before it (`出席2886人，缺席70人`), as the first part is
            let after = words_after(p);
            let named_after = *outcome_after.get_or_insert(words.find("outcome", &after).is_some());
            let name = if named_after {
                after
            } else {
                story.own_label(p).into_owned()
            };
            let Some((_, outcome)) = words.find("outcome", &name) else {
                break;
            };
            if outcomes.contains(&outcome) {
                break;
            }
            outcomes.push(outcome);
            parts.push(p);
            end = story.q(p).span.end;
        }
        if parts.len() < 2
            || out
                .iter()
                .any(|l| parts.iter().any(|p| l.parts.contains(p)))
        {
            continue;
        }
        out.push(PartsList {
            total,
            span: story.q(total).span.start..end,
            // (a test's two outcomes, 合格 and 不合格, leave none out: a partition's group)
            complete: super::parts::names_partition(story, &parts)
                .then_some(crate::Certainty::Bound),
            parts,
            other_totals: Vec::new(),
            shares_of_total: true,
            enumerated: false,
        });
    }
}
