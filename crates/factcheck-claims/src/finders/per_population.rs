//! Figures per so many people: `按年末常住人口521.6万人计算，每万人口发明专利拥有量为41.0件` —
//! the figure is the story's total of what it names (有效发明专利拥有量2.14万件) over the
//! population, times the thousand, ten thousand or hundred people it is per.

use crate::story::NameMatch;
use crate::{Binding, Certainty, Found, Story, Var};
use factcheck_numbers::Kind;
use rust_decimal::Decimal;

/// The people a figure is per (`每千人口`, `每万人`), with how many.
const PER: [(&str, i64); 8] = [
    ("每十万人口", 100_000),
    ("每十万人", 100_000),
    ("每万人口", 10_000),
    ("每万人", 10_000),
    ("每千人口", 1_000),
    ("每千人", 1_000),
    ("每百人口", 100),
    ("每百人", 100),
];

/// How many characters before 每 are read for a scope of the figure's own.
const SCOPE: usize = 6;

pub fn per_population(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for value in story.members.clone() {
        let quantity = story.q(value);
        if quantity.kind != Kind::Count || story.frame(value).bracketed {
            continue;
        }
        // (read over the sentence: a bracket inside the name, 执业（助理）医师, opens a clause)
        let sentence = &story.frames.layout.sentences[story.frame(value).sentence];
        let lead = &story.text[sentence.range.start.min(quantity.span.start)..quantity.span.start];
        let Some((at, word, per)) = PER
            .iter()
            .find_map(|&(w, n)| lead.rfind(w).map(|at| (at, w, n)))
        else {
            continue;
        };
        if lead[at..].contains(['，', '；', '。', ',', ';']) {
            continue;
        }
        // a narrower scope before the people (市区每万人口…) is of a total the copy may not print
        let before = &lead[..at];
        let before = before.rsplit(['，', '；', ',']).next().unwrap_or("");
        let scope = crate::story::han(crate::story::tail(before, SCOPE));
        let scope = story.words().strip_start("territory", &scope);
        if !scope.is_empty() && !scope.ends_with("计算") {
            continue;
        }
        // what is counted: the name after the people (医疗卫生机构床位), without the linking word
        // (named as the totals are, a word in brackets aside: 执业（助理）医师 is 执业医师 there)
        // (in a run, `每千人口执业医师3.71人、注册护士4.49人`, the name after the figure before)
        let lead_start = sentence.range.start.min(quantity.span.start);
        let name_from = value
            .checked_sub(1)
            .filter(|&p| p >= story.members.start)
            .map(|p| story.q(p).span.end)
            .filter(|&end| end > lead_start + at)
            .map_or(at + word.len(), |end| end - lead_start);
        let named = crate::story::han(&factcheck_frames::label::without_notes(&lead[name_from..]));
        let named = story.words().strip_end("link", &named).to_string();
        if named.chars().count() < 2 {
            continue;
        }
        let Some(population) = population_of(story, value) else {
            continue;
        };
        let totals = totals_named(story, value, &named, population);
        let Some(&total) = totals.first() else {
            continue;
        };
        let span_at = sentence.range.start.min(quantity.span.start) + at;
        let reading = |total: usize| {
            let mut roles = crate::stated_roles(&[
                ("value", value),
                ("total", total),
                ("population", population),
            ]);
            roles.insert(
                "per".into(),
                Binding::One(Var::Literal {
                    value: Decimal::from(per),
                    span: span_at..span_at + word.len(),
                    text: word.to_string(),
                }),
            );
            roles
        };
        let start = story
            .q(total)
            .span
            .start
            .min(story.q(population).span.start);
        out.push(Found {
            span: start..quantity.span.end,
            roles: reading(total),
            certainty: Certainty::Inferred,
            // (every total named alike is a reading: 医院床位 beside 医疗卫生机构床位)
            alternatives: totals[1..].iter().map(|&t| reading(t)).collect(),
        });
    }
    out
}

/// The population the sentence computes by (`按年末常住人口521.6万人计算`): a count of people
/// in the figure's sentence, before it, named a population.
fn population_of(story: &Story, value: usize) -> Option<usize> {
    let words = story.words();
    let sentence = story.frame(value).sentence;
    let people: Vec<usize> = story
        .frames
        .in_sentence(sentence)
        .filter(|&q| q < value)
        .filter(|&q| story.q(q).kind == Kind::Count && words.is("person_unit", &story.q(q).unit))
        .filter(|&q| story.frame(q).metric.ends_with("人口"))
        .collect();
    match people[..] {
        [only] => Some(only),
        _ => None,
    }
}

/// The totals the figure may divide, likeliest first: the levels before it of the figure's
/// unit and period whose names name what the figure counts (有效发明专利拥有量 for 发明专利拥有
/// 量) or end alike (实有床位 for 床位), the closer name and then the nearer figure first.
fn totals_named(story: &Story, value: usize, named: &str, population: usize) -> Vec<usize> {
    let unit = &story.q(value).unit;
    let mut totals: Vec<(NameMatch, usize)> = story
        .levels()
        .filter(|&t| t < value && t != population && !story.frame(t).compared)
        .filter(|&t| &story.q(t).unit == unit && story.q(t).kind == Kind::Count)
        .filter(|&t| story.same_period(t, value))
        .filter(|&t| story.frame(t).sentence + 3 >= story.frame(value).sentence)
        // (发病数 names the cases counted: 发病)
        .map(|t| {
            let bare = named.strip_suffix('数').filter(|b| b.chars().count() >= 2);
            let how = story.names(named, t);
            (bare.map_or(how, |b| how.max(story.names(b, t))), t)
        })
        .filter(|&(m, _)| m != NameMatch::No)
        .collect();
    totals.sort_by_key(|&(m, t)| (std::cmp::Reverse(m), std::cmp::Reverse(t)));
    totals.into_iter().map(|(_, t)| t).collect()
}
