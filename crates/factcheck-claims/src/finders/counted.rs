//! A stated number of things and the things listed: `设考点8个（分别为A、B、…）`, `共有3类：一是…
//! 二是…三是…`. The count of names listed must be the number stated (at least it, when the list
//! ends with 等).

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;
use factcheck_numbers::Kind;
use rust_decimal::Decimal;

pub fn counted(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    let text = story.text;
    for c in story.members.clone() {
        let q = story.q(c);
        if q.kind != Kind::Count || story.frame(c).aspect != Aspect::Level {
            continue;
        }
        let Some(_) = q
            .number()
            .filter(|n| n.fract().is_zero() && *n >= Decimal::TWO && *n <= Decimal::from(60))
        else {
            continue;
        };
        let sentence = &story.frames.layout.sentences[story.frame(c).sentence];
        let rest = &text[q.span.end..sentence.range.end];
        // the names come right after 分别为/分别是, in brackets or after a comma
        let lead = rest
            .char_indices()
            .take(12)
            .find(|(i, _)| rest[*i..].starts_with("分别为") || rest[*i..].starts_with("分别是"));
        let Some((at, _)) = lead else {
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
        let list_start = at + "分别为".len();
        let list = &rest[list_start..];
        let end = list
            .find(['）', '，', '。', '；', '\n'])
            .unwrap_or(list.len());
        let list = list[..end].trim_start_matches('：');
        if list.chars().any(|ch| ch.is_ascii_digit()) || !list.contains('、') {
            continue;
        }
        let partial = list.ends_with('等') || story.words().contains("partial_list", list);
        if partial {
            continue;
        }
        // `A、B和C`: the last item may join two with 和
        let pieces: Vec<&str> = list.split('、').filter(|s| !s.trim().is_empty()).collect();
        let joined_last = pieces
            .last()
            .map_or(0, |last| last.matches(['和', '及', '与']).count());
        let items = pieces.len() + joined_last;
        let span_start = q.span.end + list_start;
        let mut roles = Roles::new();
        roles.insert("count".into(), Binding::One(Var::Stated(c)));
        roles.insert(
            "items".into(),
            Binding::One(Var::Literal {
                value: Decimal::from(items),
                span: span_start..span_start + list.len(),
                text: format!("列出的{items}项"),
            }),
        );
        out.push(Found::single(
            q.span.start..span_start + list.len(),
            roles,
            Certainty::Bound,
        ));
    }
    out
}
