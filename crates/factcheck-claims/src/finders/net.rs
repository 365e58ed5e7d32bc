//! A net figure beside the two opposite flows it nets (`出口3.2万亿元，进口2.5万亿元，贸易顺差0.7万
//! 亿元`, `结汇3.6万亿元，售汇2.9万亿元，结售汇顺差0.7万亿元`; or in the next sentence, when it
//! names their kind again: `服务出口…，进口…。服务贸易逆差…`): the net is their difference.

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_frames::Aspect;

pub fn net_of_pair(story: &Story) -> Vec<Found> {
    let words = story.words();
    let mut out = Vec::new();
    let levels: Vec<usize> = story
        .members
        .clone()
        .filter(|&q| story.frame(q).aspect == Aspect::Level && !story.frame(q).bracketed)
        .collect();
    for (k, &net) in levels.iter().enumerate() {
        // the net's name, or its clause's words before it (逆差收窄15%至260亿元)
        let label = story.own_label(net);
        let clause = &story.frames.layout.clauses[story.frame(net).clause];
        let clause_words =
            &story.text[clause.range.start.min(story.q(net).span.start)..story.q(net).span.start];
        let Some((_, word)) = words
            .find("net", &label)
            .or_else(|| words.find("net", clause_words))
        else {
            continue;
        };
        // a net compared against (顺差由上月的720亿美元扩大到800亿美元) is another period's
        let later_in_clause = levels.get(k + 1).is_some_and(|&n| {
            story.frame(n).clause == story.frame(net).clause && story.addable(n, net)
        });
        if story.frame(net).compared || later_in_clause {
            continue;
        }
        // the two flows: the two levels just before it, in its sentence, or in the sentence
        // before when no level comes before the net in its own (checked below for its name)
        let [first, second] = match k.checked_sub(2).map(|s| &levels[s..k]) {
            Some(&[a, b]) => [a, b],
            _ => continue,
        };
        let sentence = story.frame(net).sentence;
        let flows_sentence = story.frame(second).sentence;
        let next_sentence = flows_sentence + 1 == sentence
            && !levels[..k]
                .iter()
                .any(|&q| story.frame(q).sentence == sentence);
        if [first, second].iter().any(|&p| {
            (story.frame(p).sentence != sentence
                && !(next_sentence && story.frame(p).sentence == flows_sentence))
                || !story.addable(p, net)
                || !story.same_period(p, net)
        }) {
            continue;
        }
        // `出口3.2万亿元，其中机电产品2万亿元；进口…`: a part of one flow is no flow; two parts of
        // one total (进出口总额…，其中出口…，进口…) are
        let lists_of = |q: usize| -> Vec<usize> {
            let lists = story.parts_lists();
            (0..lists.len())
                .filter(|&k| lists[k].parts.contains(&q))
                .collect()
        };
        if lists_of(first) != lists_of(second)
            || story.says_between("which", story.q(second).span.start, story.q(net).span.start)
        {
            continue;
        }
        // named by the two words of a pair, in the pair's order or the other way round
        let Some((plus, minus)) = story.rules.net_pairs.iter().find_map(|pair| {
            let [a, b] = pair.as_slice() else {
                return None;
            };
            let (l1, l2) = (story.own_label(first), story.own_label(second));
            let names = |l: &str, w: &str| l.contains(w);
            if names(&l1, a) && names(&l2, b) && !names(&l1, b) && !names(&l2, a) {
                Some((first, second))
            } else if names(&l1, b) && names(&l2, a) && !names(&l1, a) && !names(&l2, b) {
                Some((second, first))
            } else {
                None
            }
        }) else {
            continue;
        };
        // a net in the next sentence names the flows' own kind again (服务出口…，进口…。…服务
        // 贸易逆差…): 货物 flows are no 服务 net, 北向 flows no 南向 net; and no other period
        if next_sentence {
            let pair_word = story.rules.net_pairs.iter().flatten().find_map(|w| {
                let l = story.own_label(first);
                l.find(w.as_str()).map(|at| l[..at].to_string())
            });
            let kind = pair_word.map(|prefix| {
                let prefix = words.strip_start("which", &prefix).to_string();
                words.strip_start("own_subject", &prefix).to_string()
            });
            let other_period = words.contains("earlier_period", clause_words);
            if other_period
                || !kind
                    .is_some_and(|k| k.chars().count() >= 2 && clause_words.contains(k.as_str()))
            {
                continue;
            }
        }
        // 逆差: the second flow exceeds the first
        let (plus, minus) = if words.is("net_negative", word) {
            (minus, plus)
        } else {
            (plus, minus)
        };
        let mut roles = Roles::new();
        roles.insert("first".into(), Binding::One(Var::Stated(plus)));
        roles.insert("second".into(), Binding::One(Var::Stated(minus)));
        roles.insert("net".into(), Binding::One(Var::Stated(net)));
        out.push(Found::single(
            story.q(first).span.start..story.q(net).span.end,
            roles,
            Certainty::Inferred,
        ));
    }
    out
}
