//! A stated number of things and the things listed: `设考点8个（分别为A、B、…）`, `共有3类：一是…
//! 二是…三是…`. The count of names listed must be the number stated (at least it, when the list
//! ends with 等).

use super::enumeration::{point_starts, ORDINALS};
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;
use factcheck_numbers::Kind;
use rust_decimal::Decimal;

/// A level (or a top group's size) that counts things, a whole number from 2 to `most`: what a list of names or points
/// may be counted by.
fn count_of_things(story: &Story, c: usize, most: Decimal) -> Option<Decimal> {
    let q = story.q(c);
    // a top group (前三名) counts the names that fill it
    let counts = matches!(story.frame(c).aspect, Aspect::Level | Aspect::Rank);
    if q.kind != Kind::Count || !counts {
        return None;
    }
    q.number()
        .filter(|n| n.fract().is_zero() && *n >= Decimal::TWO && *n <= most)
}

/// The roles of a count against the items the copy lists for it (`items` a number of the
/// checker's own counting, shown at `span`).
fn count_roles(c: usize, items: usize, span: std::ops::Range<usize>, text: String) -> Roles {
    let mut roles = Roles::new();
    roles.insert("count".into(), Binding::One(Var::Stated(c)));
    roles.insert(
        "items".into(),
        Binding::One(Var::Literal {
            value: Decimal::from(items),
            span,
            text,
        }),
    );
    roles
}

pub fn counted(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let text = story.text;
    for c in story.members.clone() {
        let q = story.q(c);
        if count_of_things(story, c, Decimal::from(60)).is_none() {
            continue;
        }
        let sentence = &story.frames.layout.sentences[story.frame(c).sentence];
        let rest = &text[q.span.end..sentence.range.end];
        // the names come right after 分别为/分别是, in brackets or after a comma; or after a
        // colon that closes the count's noun (`前三名为：A、B、C`, `3个工作组：A、B、C`)
        let lead = rest.char_indices().take(12).find_map(|(i, _)| {
            let here = &rest[i..];
            if here.starts_with("分别为") || here.starts_with("分别是") {
                return Some((i, "分别为".len()));
            }
            // the count's noun alone: short, no 的-phrase, no one speaking (2位专家认为：)
            let noun = &rest[..i];
            let noun_only = noun.chars().all(factcheck_text::chars::is_han)
                && noun.chars().count() <= 4
                && !noun.contains('的');
            ["为：", "是：", "："]
                .iter()
                .find(|colon| here.starts_with(**colon))
                .filter(|colon| {
                    // (认为： ends in 为：)
                    let spoken = &rest[..i + colon.len()];
                    noun_only && story.words().find("say", spoken).is_none()
                })
                .map(|colon| (i, colon.len()))
        });
        let Some((at, lead_len)) = lead else {
            continue;
        };
        let before_lead = &rest[..at];
        // another figure before 分别为 is the one the names count (`考点32个，其中市区考点6个(分别为…`)
        let lead_end = q.span.end + at;
        let figure_between = story.members.clone().any(|p| {
            p != c && story.q(p).span.start >= q.span.end && story.q(p).span.end <= lead_end
        });
        if figure_between
            || before_lead.contains(['。', '；'])
            || before_lead.chars().filter(|&ch| ch == '，').count() > 1
        {
            continue;
        }
        let list_start = at + lead_len;
        let list = &rest[list_start..];
        let end = list
            .find(['）', '，', '。', '；', '\n'])
            .unwrap_or(list.len());
        let list = list[..end].trim_start_matches('：');
        if list.chars().any(|ch| ch.is_ascii_digit()) || !list.contains('、') {
            continue;
        }
        // a list left open (等, ……), or points numbered one by one (一、…；二、…) that the
        // enumeration finder counts
        // items that carry counts of their own (两名数学老师、一名英语老师) are not one each
        let list_start_at = q.span.end + list_start;
        let counted_items = story.members.clone().any(|p| {
            story.q(p).span.start >= list_start_at
                && story.q(p).span.end <= list_start_at + list.len()
        });
        let partial =
            counted_items || list.ends_with('等') || list.contains('…') || story.says_partial(list);
        let numbered = list.starts_with("一、") || list.starts_with("一是");
        if partial || numbered {
            continue;
        }
        // `A、B和C`: the last item may join two with 和; or the list may end with the last name
        // and a clause go on (`…、丁均涉嫌甲罪和乙罪`): either reading may be the copy's
        let pieces: Vec<&str> = list.split('、').filter(|s| !s.trim().is_empty()).collect();
        let joined_last = pieces
            .last()
            .map_or(0, |last| last.matches(['和', '及', '与']).count());
        let items = pieces.len() + joined_last;
        let span_start = q.span.end + list_start;
        let listed = span_start..span_start + list.len();
        let reading = |n: usize, span: std::ops::Range<usize>| {
            count_roles(c, n, span, format!("列出的{n}项"))
        };
        // the reading that stops at the joining word shows the list up to it
        let before_join = list
            .rfind(['和', '及', '与'])
            .map_or(listed.clone(), |at| listed.start..listed.start + at);
        out.push(Found {
            span: q.span.start..span_start + list.len(),
            roles: reading(items, listed.clone()),
            certainty: Certainty::Bound,
            alternatives: if joined_last > 0 {
                vec![reading(pieces.len(), before_join)]
            } else {
                Vec::new()
            },
        });
    }
    out
}

/// `甲市、乙市和丙市三市`, `产值、利润、税收三项指标`: names listed right before a count of
/// things of their kind: the noun after the count, or the count's own unit, is what ends the last
/// name (市 of 丙市), or the noun is a word for kinds of things named one by one (`count_kind`:
/// 城市, 部门, 指标…), or the count's unit is one (`count_kind_unit`: 两地, 四市); 甲镇、乙镇和丙镇12个村 counts villages in the towns, not the towns. A list
/// left open (`等`) or holding figures of its own counts nothing here.
pub fn names_then_count(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let text = story.text;
    let words = story.words();
    for c in story.members.clone() {
        let q = story.q(c);
        if count_of_things(story, c, Decimal::from(20)).is_none()
            || q.qualifier != factcheck_numbers::Qualifier::Exact
        {
            continue;
        }
        // 甲、乙合同到期，这两人…: people named in the clause before, counted back
        let anaphor = words
            .ending("anaphor", &text[..q.span.start])
            .map(|w| q.span.start - w.len())
            .filter(|&at| text[..at].ends_with('，'))
            .map(|at| at - '，'.len_utf8())
            .filter(|_| words.is("person_unit", &q.unit));
        let list_end = anaphor.unwrap_or(q.span.start);
        // the names: back from the count to the clause mark before them
        let before = &text[..list_end];
        let start = before
            .char_indices()
            .rev()
            .take(120)
            .find(|&(_, ch)| !(factcheck_text::chars::is_han(ch) || ch == '、'))
            .map_or(before.len().saturating_sub(360), |(i, ch)| {
                i + ch.len_utf8()
            });
        let list = &before[start.min(before.len())..];
        if !list.contains('、') || list.ends_with(['等', '、']) || list.starts_with('、') {
            continue;
        }
        let figure_inside = story
            .members
            .clone()
            .any(|p| p != c && story.q(p).span.start >= start && story.q(p).span.end <= list_end);
        // 包括A、B在内的16个国家: some of the names counted, not all
        if figure_inside || story.says_partial(list) || list.ends_with('的') {
            continue;
        }
        let pieces: Vec<&str> = list.split('、').collect();
        // each name after the first is short; the first may open with the clause's verb. A
        // name much longer than the others, or joined with 和 before the last, may hold a verb
        // between two lists (财政部、应急管理部向甲省、乙省、丙省3省)
        // (the last name before a count told back may be followed by what is said of them all)
        let named = if anaphor.is_some() {
            &pieces[1..pieces.len() - 1]
        } else {
            &pieces[1..]
        };
        let lengths: Vec<usize> = named.iter().map(|p| p.chars().count()).collect();
        let shortest = lengths.iter().copied().min().unwrap_or(0);
        let middle = &pieces[1..pieces.len() - 1];
        if lengths.iter().any(|&n| n > 10 || n > 2 * shortest + 2)
            || middle.iter().any(|p| p.contains(['和', '与', '及']))
        {
            continue;
        }
        let last = pieces.last().copied().unwrap_or("");
        // the noun right after the count (三项指标, 3个城市), or the count's own unit (四市)
        let noun: String = text[q.span.end..]
            .chars()
            .take_while(|&ch| factcheck_text::chars::is_han(ch))
            .take(6)
            .collect();
        let noun = words.strip_start("count_filler", &noun);
        // 5省的经济总量: the count's phrase ends at 的
        let noun = if noun.starts_with('的') { "" } else { noun };
        let ending = last.chars().last();
        let unit = text[q.span.clone()].chars().last();
        // 甲、乙、丙三人: a few people counted in words right after their names
        let people = words.is("person_unit", &q.unit)
            && text[q.span.clone()].starts_with(|ch: char| "两二三四五六七八九十".contains(ch));
        // the kind said outright: the count's unit ends the last name (丁市 … 四市), a word for
        // kinds of things (三项指标), people
        let said = anaphor.is_some()
            || people
            || (ending.is_some() && unit == ending)
            || words.starting("count_kind", noun).is_some();
        // the kind only hinted: a noun that opens with the name's last character (三条线路 after
        // 西线, but 18个村民小组 after 南山村), a unit that is a kind (3省, but 东盟10国): the
        // count is read against the names only where they agree
        let hinted = (ending.is_some() && noun.chars().next() == ending)
            || (noun.is_empty()
                && unit.is_some_and(|u| words.is("count_kind_unit", u.encode_utf8(&mut [0; 4]))));
        let joined_last = last.matches(['和', '及', '与']).count();
        let items = pieces.len() + joined_last;
        let agrees = q
            .number()
            .is_some_and(|n| n == Decimal::from(items) || n == Decimal::from(pieces.len()));
        if !(said || (hinted && agrees)) {
            continue;
        }
        let listed = start..list_end;
        let reading = |n: usize| count_roles(c, n, listed.clone(), format!("列出的{n}项"));
        out.push(Found {
            span: start..q.span.end,
            roles: reading(items),
            certainty: Certainty::Inferred,
            alternatives: if joined_last > 0 {
                vec![reading(pieces.len())]
            } else {
                Vec::new()
            },
        });
    }
    out
}

/// `诉求主要集中在三大类：一是…；二是…；三是…`: a number of kinds or points, then the points
/// enumerated with 一是, 二是, …: as many points as the number says. The enumeration may go on
/// into the paragraphs that open with the next ordinal.
pub fn enumerated(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let text = story.text;
    if story.members.is_empty() {
        return out;
    }
    // where the story's text ends: the end of the last sentence of its article
    let sentences = &story.frames.layout.sentences;
    let article = sentences[story.frame(story.members.start).sentence].article;
    let story_end = sentences
        .iter()
        .filter(|s| s.article == article)
        .map(|s| s.range.end)
        .max()
        .unwrap_or(text.len());
    for c in story.members.clone() {
        let q = story.q(c);
        let Some(count) = count_of_things(story, c, Decimal::TEN) else {
            continue;
        };
        // the noun after the count (大类, 个方面), then a colon or comma and 一是
        let rest = &text[q.span.end..story_end.max(q.span.end)];
        let noun = rest
            .char_indices()
            .take_while(|(_, ch)| factcheck_text::chars::is_han(*ch))
            .take(6)
            .last()
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let after = &rest[noun..];
        let Some(points) = after
            .strip_prefix('：')
            .or_else(|| after.strip_prefix('，'))
            .filter(|p| p.starts_with(ORDINALS[0]))
        else {
            continue;
        };
        let start = story_end - points.len();
        // each next ordinal opening a clause, in the same paragraph or opening the next one
        let starts = point_starts(&text[..story_end], start);
        let items = starts.len();
        let at = starts[items - 1] - start + ORDINALS[items - 1].len();
        // the point after the last may still follow in a form not enumerated (第四, 此外, 最后):
        // a count larger than the points is told only when no sentence after the last point,
        // to the end of its paragraph, opens with one of those
        let tail = &points[at..];
        let paragraph = tail.find('\n').map_or(tail, |n| &tail[..n]);
        let goes_on = paragraph.split('。').skip(1).any(|sentence| {
            let sentence = sentence.trim_start();
            ["第", "此外", "另外", "同时", "还有", "再", "最后", "其次"]
                .iter()
                .chain(ORDINALS[items.min(ORDINALS.len() - 1)..].iter())
                .any(|w| sentence.starts_with(w))
        });
        if Decimal::from(items) < count && goes_on {
            continue;
        }
        let span = start..start + ORDINALS[0].len();
        let roles = count_roles(c, items, span.clone(), format!("列举的{items}点"));
        out.push(Found::single(
            q.span.start..span.end,
            roles,
            Certainty::Inferred,
        ));
    }
    out
}
