//! Word classes as the checker reads them: every word that carries meaning (a verb's direction, a
//! comparison, a period, a partition) comes from the packs, never from code, so a pack that adds
//! 萎缩 to `down` changes every place that reads a direction.

use aho_corasick::AhoCorasick;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// Texts up to this many bytes are searched from their end rather than with the automaton.
const SHORT: usize = 96;

/// The word classes of the loaded packs, each sorted longest first so that the longest word wins,
/// with an automaton that finds all of a class's words in one pass.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// By name: looked up at every call, so hashed with [`QuickHash`].
    classes: HashMap<String, Class, BuildHasherDefault<QuickHash>>,
}

/// The hash of the keys looked up at every call (class names, characters): a few bytes, for
/// which a byte-by-byte hash (or the default one, built to resist chosen keys, which packs are
/// not a risk of) costs more than the lookup itself. It mixes the length and the first and last
/// eight bytes in three steps whatever the length; keys that share all of those (no class names
/// do) only cost the table a comparison more.
#[derive(Debug, Clone, Copy, Default)]
struct QuickHash(u64);

impl QuickHash {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Up to eight bytes as one word that tells them apart for their length, read in fixed-size
/// pieces: copying a few bytes of unknown length into a buffer calls `memcpy` and stalls the read
/// that follows, which cost more than the rest of the lookup.
fn word_of(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    match n {
        0 => 0,
        // the first and the last four bytes (overlapping below eight)
        4.. => {
            let head = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let tail = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
            u64::from(head) | u64::from(tail) << 32
        }
        // the first, middle and last byte: all of them below four
        _ => u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
    }
}

impl Hasher for QuickHash {
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let (head, tail) = if n > 8 {
            (word_of(&bytes[..8]), word_of(&bytes[n - 8..]))
        } else {
            (word_of(bytes), 0)
        };
        self.mix(head);
        self.mix(tail);
        self.mix(n as u64);
    }

    // a string's end mark and a character: one word, mixed once
    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }

    fn write_u32(&mut self, word: u32) {
        self.mix(u64::from(word));
    }

    fn finish(&self) -> u64 {
        // the table takes its buckets from the low bits and its tags from the high ones
        self.0 ^ (self.0 >> 29)
    }
}

/// One class: its words longest first, and what finds them fast.
#[derive(Debug, Clone)]
struct Class {
    words: Vec<String>,
    automaton: Option<AhoCorasick>,
    /// The words (as indices into `words`, in their order) by their first and by their last
    /// character: a text can only start (end) with the words that share its first (last) one.
    by_first: ByChar,
    by_last: ByChar,
}

/// Word indices by a character, with a mask of the characters held (by their code modulo
/// `MASK_BITS`) that turns most characters away before the table is looked up: wide enough that
/// a class of a hundred words lets few other characters through.
#[derive(Debug, Clone, Default)]
struct ByChar {
    mask: [u64; MASK_BITS / 64],
    words: HashMap<char, Vec<usize>, BuildHasherDefault<QuickHash>>,
}

const MASK_BITS: usize = 1024;

/// Where a character's bit lies in [`ByChar::mask`]: its word and its bit in that word.
fn mask_bit(c: char) -> (usize, u64) {
    let k = u32::from(c) as usize % MASK_BITS;
    (k / 64, 1 << (k % 64))
}

impl ByChar {
    fn push(&mut self, c: char, k: usize) {
        let (word, bit) = mask_bit(c);
        self.mask[word] |= bit;
        self.words.entry(c).or_default().push(k);
    }

    fn get(&self, c: char) -> Option<&Vec<usize>> {
        let (word, bit) = mask_bit(c);
        if self.mask[word] & bit == 0 {
            return None;
        }
        self.words.get(&c)
    }
}

impl Class {
    fn new(words: Vec<String>) -> Class {
        let mut by_first = ByChar::default();
        let mut by_last = ByChar::default();
        for (k, w) in words.iter().enumerate() {
            // words are never empty (see `Words::new`)
            if let (Some(first), Some(last)) = (w.chars().next(), w.chars().next_back()) {
                by_first.push(first, k);
                by_last.push(last, k);
            }
        }
        Class {
            automaton: AhoCorasick::new(&words).ok(),
            words,
            by_first,
            by_last,
        }
    }
}

impl Words {
    pub fn new(classes: &BTreeMap<String, Vec<String>>) -> Words {
        let classes = classes
            .iter()
            .map(|(name, words)| {
                let mut words: Vec<String> =
                    words.iter().filter(|w| !w.is_empty()).cloned().collect();
                words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
                words.dedup();
                (name.clone(), Class::new(words))
            })
            .collect();
        Words { classes }
    }

    /// Every occurrence of a word of the class in `text`, overlapping ones too: (offset, word).
    fn occurrences<'w, 't>(
        &'w self,
        class: &str,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &'w str)> + use<'w, 't> {
        let class = self.classes.get(class);
        let words = class.map_or(&[][..], |c| c.words.as_slice());
        class
            .and_then(|c| c.automaton.as_ref())
            .into_iter()
            .flat_map(move |ac| ac.find_overlapping_iter(text))
            .map(move |m| (m.start(), words[m.pattern().as_usize()].as_str()))
    }

    /// The words of a class (longest first); empty for a class no pack defines.
    pub fn class(&self, name: &str) -> &[String] {
        self.classes.get(name).map_or(&[], |c| c.words.as_slice())
    }

    /// Is `word` one of the class?
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.class(class).iter().any(|w| w == word)
    }

    /// The longest word of the class that `text` ends with.
    pub fn ending<'w>(&'w self, class: &str, text: &str) -> Option<&'w str> {
        let class = self.classes.get(class)?;
        class
            .by_last
            .get(text.chars().next_back()?)?
            .iter()
            .map(|&k| class.words[k].as_str())
            .find(|w| text.ends_with(w))
    }

    /// The longest word of the class that `text` starts with.
    pub fn starting<'w>(&'w self, class: &str, text: &str) -> Option<&'w str> {
        let class = self.classes.get(class)?;
        class
            .by_first
            .get(text.chars().next()?)?
            .iter()
            .map(|&k| class.words[k].as_str())
            .find(|w| text.starts_with(w))
    }

    /// The leftmost occurrence of a word of the class (the longest at that place): its byte offset
    /// in `text` and the word.
    pub fn find<'w>(&'w self, class: &str, text: &str) -> Option<(usize, &'w str)> {
        self.occurrences(class, text)
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.len().cmp(&a.1.len())))
    }

    /// The rightmost occurrence of a word of the class.
    pub fn rfind<'w>(&'w self, class: &str, text: &str) -> Option<(usize, &'w str)> {
        if text.len() <= SHORT {
            return self.rfind_from_end(class, text);
        }
        // the one that ends last, the longest of those
        self.occurrences(class, text).max_by(|a, b| {
            (a.0 + a.1.len())
                .cmp(&(b.0 + b.1.len()))
                .then_with(|| a.1.len().cmp(&b.1.len()))
        })
    }

    /// [`Words::rfind`] by trying the words that end at each place, from the end of `text`
    /// back: on a short text (a label) this stops at the first place that ends a word, where
    /// the automaton would read the whole text and list every occurrence.
    fn rfind_from_end<'w>(&'w self, class: &str, text: &str) -> Option<(usize, &'w str)> {
        let class = self.classes.get(class)?;
        // (as the automaton: a class whose automaton could not be built finds nothing)
        class.automaton.as_ref()?;
        text.char_indices().rev().find_map(|(at, c)| {
            let end = at + c.len_utf8();
            // words are longest first: the first that ends here is the longest
            class
                .by_last
                .get(c)?
                .iter()
                .map(|&k| class.words[k].as_str())
                .find(|w| text[..end].ends_with(w))
                .map(|w| (end - w.len(), w))
        })
    }

    pub fn contains(&self, class: &str, text: &str) -> bool {
        // a short text (a label) is read back from its end, where starting the automaton costs
        // more than the reading
        if text.len() <= SHORT {
            return self.rfind_from_end(class, text).is_some();
        }
        self.classes
            .get(class)
            .and_then(|c| c.automaton.as_ref())
            .is_some_and(|ac| ac.is_match(text))
    }

    /// `text` without any words of the class at its end (repeatedly: 达到了 → 达到 → ``).
    pub fn strip_end<'t>(&self, class: &str, mut text: &'t str) -> &'t str {
        while let Some(w) = self.ending(class, text) {
            text = &text[..text.len() - w.len()];
        }
        text
    }

    /// `text` without any words of the class at its start.
    pub fn strip_start<'t>(&self, class: &str, mut text: &'t str) -> &'t str {
        while let Some(w) = self.starting(class, text) {
            text = &text[w.len()..];
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words::new(&BTreeMap::from([
            ("up".to_string(), vec!["增".to_string(), "增长".to_string()]),
            (
                "link".to_string(),
                vec!["达".to_string(), "达到".to_string(), "了".to_string()],
            ),
        ]))
    }

    #[test]
    fn the_longest_word_wins() {
        let w = words();
        assert_eq!(w.ending("up", "产值增长"), Some("增长"));
        assert_eq!(w.find("up", "产值增长了"), Some((6, "增长")));
        assert_eq!(w.strip_end("link", "收入达到了"), "收入");
        assert!(w.class("missing").is_empty());
    }
}
