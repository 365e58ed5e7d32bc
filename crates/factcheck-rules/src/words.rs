//! Word classes as the checker reads them: every word that carries meaning (a verb's direction, a
//! comparison, a period, a partition) comes from the packs, never from code, so a pack that adds
//! 萎缩 to `down` changes every place that reads a direction.

use aho_corasick::AhoCorasick;
use std::collections::BTreeMap;

/// The word classes of the loaded packs, each sorted longest first so that the longest word wins,
/// with an automaton that finds all of a class's words in one pass.
#[derive(Debug, Clone, Default)]
pub struct Words {
    classes: BTreeMap<String, Vec<String>>,
    automata: BTreeMap<String, AhoCorasick>,
}

impl Words {
    pub fn new(classes: &BTreeMap<String, Vec<String>>) -> Words {
        let classes: BTreeMap<String, Vec<String>> = classes
            .iter()
            .map(|(name, words)| {
                let mut words: Vec<String> =
                    words.iter().filter(|w| !w.is_empty()).cloned().collect();
                words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
                words.dedup();
                (name.clone(), words)
            })
            .collect();
        let automata = classes
            .iter()
            .filter_map(|(name, words)| AhoCorasick::new(words).ok().map(|ac| (name.clone(), ac)))
            .collect();
        Words { classes, automata }
    }

    /// Every occurrence of a word of the class in `text`, overlapping ones too: (offset, word).
    fn occurrences<'w>(&'w self, class: &str, text: &str) -> Vec<(usize, &'w str)> {
        let (Some(ac), words) = (self.automata.get(class), self.class(class)) else {
            return Vec::new();
        };
        ac.find_overlapping_iter(text)
            .map(|m| (m.start(), words[m.pattern().as_usize()].as_str()))
            .collect()
    }

    /// The words of a class (longest first); empty for a class no pack defines.
    pub fn class(&self, name: &str) -> &[String] {
        self.classes.get(name).map_or(&[], Vec::as_slice)
    }

    /// Is `word` one of the class?
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.class(class).iter().any(|w| w == word)
    }

    /// The longest word of the class that `text` ends with.
    pub fn ending<'w>(&'w self, class: &str, text: &str) -> Option<&'w str> {
        self.class(class)
            .iter()
            .find(|w| text.ends_with(w.as_str()))
            .map(String::as_str)
    }

    /// The longest word of the class that `text` starts with.
    pub fn starting<'w>(&'w self, class: &str, text: &str) -> Option<&'w str> {
        self.class(class)
            .iter()
            .find(|w| text.starts_with(w.as_str()))
            .map(String::as_str)
    }

    /// The leftmost occurrence of a word of the class (the longest at that place): its byte offset
    /// in `text` and the word.
    pub fn find<'w>(&'w self, class: &str, text: &str) -> Option<(usize, &'w str)> {
        self.occurrences(class, text)
            .into_iter()
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.len().cmp(&a.1.len())))
    }

    /// The rightmost occurrence of a word of the class.
    pub fn rfind<'w>(&'w self, class: &str, text: &str) -> Option<(usize, &'w str)> {
        // the one that ends last, the longest of those
        self.occurrences(class, text).into_iter().max_by(|a, b| {
            (a.0 + a.1.len())
                .cmp(&(b.0 + b.1.len()))
                .then_with(|| a.1.len().cmp(&b.1.len()))
        })
    }

    pub fn contains(&self, class: &str, text: &str) -> bool {
        self.automata.get(class).is_some_and(|ac| ac.is_match(text))
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
