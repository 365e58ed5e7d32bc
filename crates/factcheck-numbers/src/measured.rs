//! Figures that measure something on their own scale and print no unit: a sex ratio
//! (`性别比为104.9`), a fertility rate, an exchange rate, an index, a score. A bare number is one
//! when a noun of the vocabulary's `measured_figures` stands before it in its sentence, right before
//! it or followed by a linking word (`为`, `是`, `达`, `至`, `的`…) just before the number. It is read
//! as a ratio without a unit; years and numbers after other words stay bare (and are dropped).

use crate::quantity::Kind;
use crate::scan::{Reading, Scanned};
use crate::vocab::Vocabulary;
use rust_decimal::Decimal;

/// How far (in characters) a figure may stand from its noun.
const REACH: usize = 40;

/// Characters that link a noun to its figure (a change on the same scale too: 下降0.8).
const LINKS: &str = "为是达至到的于由从报在:：升降高低";

pub fn read_measured(text: &str, scanned: &mut [Scanned], vocab: &Vocabulary) {
    if vocab.measured_figures.is_empty() {
        return;
    }
    for s in scanned.iter_mut() {
        let Reading::Number {
            value,
            place,
            unit: unit @ None,
            magnitude: false,
            open_place: false,
            ..
        } = &mut s.reading
        else {
            continue;
        };
        // years, and long whole numbers (codes, phone numbers) measure nothing
        let whole = *place == Decimal::ONE;
        let year_like = whole && (Decimal::from(1900)..=Decimal::from(2100)).contains(value);
        let code_like = whole && *value >= Decimal::from(10_000);
        if year_like || code_like || !measured_before(text, s.span.start, vocab) {
            continue;
        }
        *unit = Some((String::new(), Kind::Ratio));
    }
}

/// Is there a measured-figure noun before `start` in its sentence, linked to it?
fn measured_before(text: &str, start: usize, vocab: &Vocabulary) -> bool {
    let before = &text[..start];
    let sentence_start = before
        .rfind(['。', '！', '？', '；', '\n'])
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let sentence = &before[sentence_start..];
    let Some(noun_end) = vocab
        .measured_figures
        .iter()
        .filter_map(|w| sentence.rfind(w.as_str()).map(|at| at + w.len()))
        .max()
    else {
        return false;
    };
    let between = &sentence[noun_end..];
    between.is_empty()
        || (between.chars().count() <= REACH
            && between.chars().last().is_some_and(|c| LINKS.contains(c)))
}

/// `接待游客、香客3.45万`: a bare figure with a magnitude right after a noun for people (after a
/// linking word at most) counts people, as `3.45万人` would.
pub fn read_people(text: &str, scanned: &mut [Scanned], vocab: &Vocabulary) {
    if vocab.people_nouns.is_empty() {
        return;
    }
    for s in scanned.iter_mut() {
        let Reading::Number {
            unit: unit @ None,
            magnitude: true,
            ..
        } = &mut s.reading
        else {
            continue;
        };
        let before =
            text[..s.span.start].trim_end_matches(|c: char| "为是达有约近超逾".contains(c));
        if vocab
            .people_nouns
            .iter()
            .any(|noun| before.ends_with(noun.as_str()))
        {
            *unit = Some(("人".to_string(), Kind::Count));
        }
    }
}
