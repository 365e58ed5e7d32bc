//! Which side of a measure a figure gives, read from the words right before it in its clause:
//! a level (`生产总值500亿元`), an amount of change (`增加28亿元`), a rate of change (`增长6%`), a
//! share (`占全省的40%`, `比重为22%`), a change in percentage points (`提高1.1个百分点`), a multiple
//! (`是…的3倍`). Every word comes from a word class of the packs.

use factcheck_numbers::{Kind, Quantity};
use factcheck_rules::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aspect {
    /// How much there is (or a rate's own level: 城镇化率58.2%).
    Level,
    /// How much it changed, in its own unit.
    Change,
    /// By what fraction it changed.
    Rate,
    /// What fraction of a whole it is.
    Share,
    /// A change or difference in percentage points.
    Points,
    /// So many times another figure.
    Multiple,
    /// The size of a top or bottom group (前三名, 后十位): a place in a ranking, no amount that
    /// grows or is restated.
    Rank,
    Date,
    Duration,
    Time,
}

impl Aspect {
    pub fn name(self) -> &'static str {
        match self {
            Aspect::Level => "level",
            Aspect::Change => "change",
            Aspect::Rate => "rate",
            Aspect::Share => "share",
            Aspect::Points => "points",
            Aspect::Multiple => "multiple",
            Aspect::Rank => "rank",
            Aspect::Date => "date",
            Aspect::Duration => "duration",
            Aspect::Time => "time",
        }
    }
}

/// What the words before a figure say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub aspect: Aspect,
    /// −1 for a fall (下降, 减少, 回落), +1 otherwise.
    pub sign: i8,
    /// The word the reading turns on (增长, 占, 提高), with its byte offset in `pre`.
    pub word: Option<(usize, String)>,
    /// For a share: the whole as the copy names it (`占全省的40%` → 全省), when it does.
    pub whole: Option<(usize, String)>,
}

impl Reading {
    pub(crate) fn plain(aspect: Aspect) -> Reading {
        Reading {
            aspect,
            sign: 1,
            word: None,
            whole: None,
        }
    }
}

/// Reads the aspect of `q` from `pre`, the text of its clause before it; `after` is the text
/// right after it.
pub fn read(q: &Quantity, pre: &str, after: &str, words: &Words) -> Reading {
    let is_time = matches!(q.value, factcheck_numbers::Value::Time { .. });
    match q.kind {
        _ if is_time => return Reading::plain(Aspect::Time),
        Kind::Date => return Reading::plain(Aspect::Date),
        Kind::Duration => return Reading::plain(Aspect::Duration),
        _ => {}
    }
    let bare = words.strip_end("link", pre.trim_end());
    let verb = |class: &str| {
        words
            .ending(class, bare)
            .map(|w| (bare.len() - w.len(), w.to_string()))
            .or_else(|| {
                // 增至, 减少到: a target word may end in what is also a link
                let trimmed = pre.trim_end();
                words
                    .ending(class, trimmed)
                    .filter(|_| class.ends_with("_to"))
                    .map(|w| (trimmed.len() - w.len(), w.to_string()))
            })
            .or_else(|| {
                // any word of the direction followed by 至 or 到 (收窄至, 回升到) names where it went
                let direction = class.strip_suffix("_to")?;
                let trimmed = pre.trim_end().trim_end_matches('了');
                let before = trimmed
                    .strip_suffix('至')
                    .or_else(|| trimmed.strip_suffix('到'))?;
                let w = words.ending(direction, before)?;
                Some((
                    before.len() - w.len(),
                    format!("{w}{}", &trimmed[before.len()..]),
                ))
            })
    };
    let direction = || -> Option<(i8, (usize, String))> {
        verb("up")
            .map(|w| (1, w))
            .or_else(|| verb("down").map(|w| (-1, w)))
    };
    match q.kind {
        Kind::PercentagePoint => {
            // the last direction word of the clause: 提高, 回落, 高, 低 (the 增 of a rate's name,
            // 增幅 or 增速, says nothing of the direction: `低于全省增幅0.6个百分点`)
            let up = last_outside(words, "up", "change_noun", pre)
                .into_iter()
                .chain(words.rfind("higher", pre))
                .max_by_key(|(at, w)| at + w.len());
            let down = last_outside(words, "down", "change_noun", pre)
                .into_iter()
                .chain(words.rfind("lower", pre))
                .max_by_key(|(at, w)| at + w.len());
            let (sign, word) = match (up, down) {
                (Some(u), Some(d)) if d.0 + d.1.len() > u.0 + u.1.len() => (-1, Some(d)),
                (Some(u), _) => (1, Some(u)),
                (None, Some(d)) => (-1, Some(d)),
                (None, None) => (1, None),
            };
            // `降幅收窄0.3个百分点`: a fall that widens or narrows moves the rate the other way;
            // so does one whose size is compared (`降幅大于出厂价格0.5个百分点`)
            let of_a_fall = word.as_ref().is_some_and(|(at, w)| {
                (words.is("magnitude_change", w) || words.is("higher", w) || words.is("lower", w))
                    && words.contains("change_noun_down", &pre[..*at])
            });
            let sign = if of_a_fall { -sign } else { sign };
            Reading {
                aspect: Aspect::Points,
                sign,
                word: word.map(|(at, w)| (at, w.to_string())),
                whole: None,
            }
        }
        Kind::Percent => percent(
            pre,
            bare,
            words,
            verb("up_to").or(verb("down_to")),
            direction(),
        ),
        Kind::Multiple => match direction() {
            Some((sign, word)) => Reading {
                aspect: Aspect::Rate,
                sign,
                word: Some(word),
                whole: None,
            },
            None => Reading::plain(Aspect::Multiple),
        },
        Kind::Count
            if words.is("rank_unit", &q.unit)
                && words.ending("rank_head", bare).is_some()
                && words.ending("not_rank", bare).is_none() =>
        {
            Reading::plain(Aspect::Rank)
        }
        _ => {
            if words.ending("flow_level", bare).is_some()
                || verb("up_to").is_some()
                || verb("down_to").is_some()
            {
                return Reading::plain(Aspect::Level);
            }
            // `增加17个扩围行业`: a count of new things, a level of its own (`涨31点或1.5%` is
            // a change told twice)
            let attributive = after
                .chars()
                .next()
                .is_some_and(factcheck_text::chars::is_han)
                && words.starting("alternative", after).is_none();
            // 比上年多3.2亿元, 较均值少了2亿: a comparison ending in 多/少 states a change
            let compared = || {
                let higher = words.ending("higher", bare).map(|w| (1, w));
                let lower = words.ending("lower", bare).map(|w| (-1, w));
                let (sign, w) = higher.or(lower)?;
                let before = &bare[..bare.len() - w.len()];
                (w.chars().count() == 1 && words.find("compare", before).is_some())
                    .then(|| (sign, (bare.len() - w.len(), w.to_string())))
            };
            match direction().or_else(compared).filter(|_| !attributive) {
                Some((sign, word)) => Reading {
                    aspect: Aspect::Change,
                    sign,
                    word: Some(word),
                    whole: None,
                },
                None => Reading::plain(Aspect::Level),
            }
        }
    }
}

fn percent(
    pre: &str,
    bare: &str,
    words: &Words,
    target: Option<(usize, String)>,
    direction: Option<(i8, (usize, String))>,
) -> Reading {
    if target.is_some() {
        // 升至98%: the rate's new level
        return Reading {
            word: target,
            ..Reading::plain(Aspect::Level)
        };
    }
    if let Some((sign, word)) = direction {
        return Reading {
            aspect: Aspect::Rate,
            sign,
            word: Some(word),
            whole: None,
        };
    }
    // 占比达75%, 比重为22%: a share whose whole the clause does not name
    if let Some((at, noun)) = words.rfind("share_noun", pre) {
        let after = &pre[at + noun.len()..];
        if words
            .strip_start("link", after)
            .chars()
            .all(|c| !c.is_alphanumeric())
        {
            let whole = words
                .rfind("share_verb", &pre[..at])
                .map(|(v, verb)| (v + verb.len(), pre[v + verb.len()..at].to_string()))
                .map(|(w, name)| (w, name.trim_end_matches('的').to_string()))
                .filter(|(_, name)| !name.is_empty());
            return Reading {
                aspect: Aspect::Share,
                sign: 1,
                word: Some((at, noun.to_string())),
                whole,
            };
        }
    }
    // 占全省的40%, 占全县人口的 48.3%
    if let Some((at, verb)) = words.rfind("share_verb", pre) {
        let rest = &pre[at + verb.len()..];
        let rest = words.strip_start("link", rest);
        let name = rest.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '的');
        let name = name.strip_suffix('的').unwrap_or(name);
        return Reading {
            aspect: Aspect::Share,
            sign: 1,
            word: Some((at, verb.to_string())),
            whole: (!name.is_empty()).then(|| (pre.len() - rest.len(), name.to_string())),
        };
    }
    // 增速为6%, 降幅达3%: a rate named by its noun
    if let Some((at, noun)) = words.rfind("change_noun", pre) {
        let sign = if words.is("change_noun_down", noun) {
            -1
        } else {
            1
        };
        return Reading {
            aspect: Aspect::Rate,
            sign,
            word: Some((at, noun.to_string())),
            whole: None,
        };
    }
    // 是上年的80%, 相当于全省的三成
    if let Some(rest) = bare.strip_suffix('的') {
        if let Some((at, verb)) = words.rfind("of_whole", rest) {
            let name = &rest[at + verb.len()..];
            if !name.is_empty() {
                return Reading {
                    aspect: Aspect::Share,
                    sign: 1,
                    word: Some((at, verb.to_string())),
                    whole: Some((at + verb.len(), name.to_string())),
                };
            }
        }
    }
    Reading::plain(Aspect::Level)
}

/// The last word of a class in a text that is not part of a word of another class.
pub(crate) fn last_outside<'w>(
    words: &'w Words,
    class: &str,
    outside: &str,
    text: &str,
) -> Option<(usize, &'w str)> {
    let mut end = text.len();
    while let Some((at, word)) = words.rfind(class, &text[..end]) {
        let inside = words.class(outside).iter().any(|n| covered_by(text, n, at));
        if !inside {
            return Some((at, word));
        }
        end = at;
    }
    None
}

/// Does an occurrence of `word` in `text`, as `match_indices` finds them (left to right, none
/// overlapping the one before), cover byte `at`? Only the few places an occurrence covering `at`
/// could start are looked at, not the whole text once per word of the class.
fn covered_by(text: &str, word: &str, at: usize) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    if w.is_empty() {
        return false;
    }
    let mut starts = at.saturating_sub(w.len() - 1)..=at;
    if !starts.any(|s| t.get(s..).is_some_and(|rest| rest.starts_with(w))) {
        return false;
    }
    // a word that may overlap itself (哈哈哈) may cover `at` only where the search skips it
    let overlaps_itself = (1..w.len()).any(|k| w[..k] == w[w.len() - k..]);
    !overlaps_itself
        || text
            .match_indices(word)
            .any(|(s, _)| s <= at && at < s + word.len())
}

#[cfg(test)]
mod tests {
    use super::covered_by;

    #[test]
    fn covered_as_the_left_to_right_search_finds_words() {
        let covered = |text: &str, word: &str, at: usize| {
            text.match_indices(word)
                .any(|(s, _)| s <= at && at < s + word.len())
        };
        for (text, word) in [("增幅比增速", "增幅"), ("哈哈哈", "哈哈"), ("aaa", "aa")]
        {
            for at in 0..text.len() {
                assert_eq!(covered_by(text, word, at), covered(text, word, at));
            }
        }
    }
}
