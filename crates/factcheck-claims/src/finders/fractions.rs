//! Shares printed with the count they come from, as research copy does: `22.9%（258/1127）`,
//! `（48.2%，210/436）`, `210/436（48.2%）`. The fraction's two numbers are read from the words (the
//! number grammar reads no `a/b`); the percent is their quotient, rounded as printed.

use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_numbers::Kind;
use regex::Regex;
use rust_decimal::Decimal;
use std::ops::Range;
use std::sync::LazyLock;

/// `258/1127`: two whole numbers, the smaller first (a share is of at most its whole).
static FRACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,9})\s*/\s*(\d{1,9})\s*$").expect("fraction pattern"));

/// Longest bracket read for a fraction (a bracket is a short aside, never a paragraph).
const MOST_BRACKET: usize = 60;

pub fn fraction_shares(story: &Story) -> Vec<Found> {
    let mut out = Vec::new();
    for q in story.members.clone() {
        if story.q(q).kind != Kind::Percent || story.in_headline(q) {
            continue;
        }
        let Some((part, whole)) = fraction_beside(story, q) else {
            continue;
        };
        let span = story.q(q).span.start.min(part.1.start)..story.q(q).span.end.max(whole.1.end);
        let mut roles = Roles::new();
        roles.insert("share".into(), Binding::One(Var::Stated(q)));
        roles.insert("part".into(), literal(story, part));
        roles.insert("whole".into(), literal(story, whole));
        out.push(Found::single(span, roles, Certainty::Bound));
    }
    out
}

/// A number read from the words, with where it stands.
type Number = (Decimal, Range<usize>);

fn literal(story: &Story, (value, span): Number) -> Binding {
    Binding::One(Var::Literal {
        value,
        text: story.text[span.clone()].to_string(),
        span,
    })
}

/// The fraction printed with percent `q`: in the bracket right after it, right before the
/// bracket that holds it alone, or in the bracket that holds it (with no other percent).
fn fraction_beside(story: &Story, q: usize) -> Option<(Number, Number)> {
    let text = story.text;
    let span = story.q(q).span.clone();
    if let Some(inner) = text[span.end..].strip_prefix(['（', '(']) {
        // (the inner text is the page's to its end: where it starts is what it leaves)
        return in_bracket(story, text.len() - inner.len(), None);
    }
    let floor = story.range.start.min(span.start);
    let before = &text[floor..span.start];
    let opened = floor + before.rfind(['（', '('])?;
    if text[opened..span.start].contains(['）', ')']) {
        return None;
    }
    let open = opened + text[opened..].chars().next()?.len_utf8();
    if text[open..span.start].trim().is_empty() && text[span.end..].starts_with(['）', ')']) {
        let head = &text[floor..opened];
        let tail = head
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '/' || c == ' ')
            .len();
        if let Some(found) = fraction(text, floor + tail..opened) {
            return Some(found);
        }
    }
    in_bracket(story, open, Some(q))
}

/// The one fraction among the items of the bracket opening at `open` (its items parted by
/// `，；,;`), when the bracket holds no percent but `holder`.
fn in_bracket(story: &Story, open: usize, holder: Option<usize>) -> Option<(Number, Number)> {
    let text = story.text;
    let rest = &text[open..];
    let len = rest.find(['）', ')'])?;
    if rest[..len].chars().count() > MOST_BRACKET || rest[..len].contains(['（', '(']) {
        return None;
    }
    let inside = open..open + len;
    let percents = story
        .members
        .clone()
        .filter(|&p| story.q(p).kind == Kind::Percent)
        .filter(|&p| story.q(p).span.start >= inside.start && story.q(p).span.end <= inside.end)
        .count();
    if percents != usize::from(holder.is_some()) {
        return None;
    }
    let mut found = None;
    let mut at = inside.start;
    for item in text[inside.clone()].split(['，', '；', ',', ';']) {
        let range = at..at + item.len();
        at = range.end + text[range.end..].chars().next().map_or(0, char::len_utf8);
        if let Some(f) = fraction(text, range) {
            if found.is_some() {
                return None;
            }
            found = Some(f);
        }
    }
    found
}

/// `258/1127` filling `range` (spaces aside): its two numbers with where each stands.
fn fraction(text: &str, range: Range<usize>) -> Option<(Number, Number)> {
    let caps = FRACTION.captures(&text[range.clone()])?;
    let (a, b) = (caps.get(1)?, caps.get(2)?);
    let value = |m: regex::Match| m.as_str().parse::<Decimal>().ok();
    let (part, whole) = (value(a)?, value(b)?);
    (whole > Decimal::ZERO && part <= whole).then(|| {
        (
            (part, range.start + a.start()..range.start + a.end()),
            (whole, range.start + b.start()..range.start + b.end()),
        )
    })
}
