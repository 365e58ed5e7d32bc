//! The grammar's words as data: units, qualifier words and names that only look like numbers,
//! read from `rules/vocabulary.yaml` (embedded) and extended by user packs.

use crate::quantity::{Kind, Qualifier};
use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The vocabulary shipped in the binary.
pub const BUILTIN_YAML: &str = include_str!("../../../rules/vocabulary.yaml");

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    #[serde(default)]
    pub units: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub counted_one: Vec<String>,
    #[serde(default)]
    pub qualifiers: QualifierWords,
    #[serde(default)]
    pub non_quantities: NonQuantities,
    #[serde(default)]
    pub duration_lead: Vec<String>,
    #[serde(default)]
    pub measured_figures: Vec<String>,
    #[serde(default)]
    pub people_nouns: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierWords {
    #[serde(default)]
    pub prefix: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub suffix: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub open_place: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonQuantities {
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum VocabularyError {
    #[error("{0}")]
    Yaml(#[from] serde_yaml::Error),
    #[error("unknown unit kind `{0}` (expected one of money, count, percent, percentage_point, ratio, multiple, duration, other)")]
    UnitKind(String),
    #[error("unknown qualifier `{0}` (expected one of more_than, at_least, less_than, at_most, about, nearly)")]
    Qualifier(String),
    #[error("bad list of non-quantity words: {0}")]
    Words(String),
    #[error("bad non-quantity pattern `{pattern}`: {source}")]
    Pattern {
        pattern: String,
        source: regex::Error,
    },
}

/// The compiled vocabulary the scanner uses.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Units, longest first.
    pub units: Vec<(String, Kind)>,
    /// The units (indices into `units`, in order) by their first character: a text can only
    /// start with those that share its first one. Units without a character are kept apart.
    units_by_first: HashMap<char, Vec<usize>>,
    units_empty: Vec<usize>,
    pub counted_one: Vec<String>,
    /// Prefix qualifier words, longest first.
    pub prefixes: Vec<(String, Qualifier)>,
    pub suffixes: Vec<(String, Qualifier)>,
    pub open_place: Vec<String>,
    pub non_quantity_words: Vec<String>,
    /// The words above as one automaton.
    pub non_quantity_finder: AhoCorasick,
    pub non_quantity_patterns: Vec<Regex>,
    pub duration_lead: Vec<String>,
    /// Nouns whose figures print no unit (性别比, 汇率, 指数).
    pub measured_figures: Vec<String>,
    /// Nouns for people: a bare figure with a magnitude right after one counts people
    /// (`游客3.4万`).
    pub people_nouns: Vec<String>,
}

impl Vocabulary {
    /// The built-in vocabulary.
    pub fn builtin() -> Vocabulary {
        Vocabulary::from_files(&[
            VocabularyFile::parse(BUILTIN_YAML).expect("built-in vocabulary parses")
        ])
        .expect("built-in vocabulary compiles")
    }

    /// Merges several vocabulary files (built-in first, then user packs) into one.
    pub fn from_files(files: &[VocabularyFile]) -> Result<Vocabulary, VocabularyError> {
        let mut vocab = Vocabulary {
            units: Vec::new(),
            units_by_first: HashMap::new(),
            units_empty: Vec::new(),
            counted_one: Vec::new(),
            prefixes: Vec::new(),
            suffixes: Vec::new(),
            open_place: Vec::new(),
            non_quantity_words: Vec::new(),
            non_quantity_finder: AhoCorasick::new(Vec::<String>::new())
                .expect("an empty automaton builds"),
            non_quantity_patterns: Vec::new(),
            duration_lead: Vec::new(),
            measured_figures: Vec::new(),
            people_nouns: Vec::new(),
        };
        for file in files {
            for (kind, words) in &file.units {
                let kind = Kind::from_name(kind)
                    .filter(|k| *k != Kind::Date)
                    .ok_or_else(|| VocabularyError::UnitKind(kind.clone()))?;
                vocab.units.extend(words.iter().map(|w| (w.clone(), kind)));
            }
            for (place, map) in [
                (&mut vocab.prefixes, &file.qualifiers.prefix),
                (&mut vocab.suffixes, &file.qualifiers.suffix),
            ] {
                for (qualifier, words) in map {
                    let q = Qualifier::from_name(qualifier)
                        .ok_or_else(|| VocabularyError::Qualifier(qualifier.clone()))?;
                    place.extend(words.iter().map(|w| (w.clone(), q)));
                }
            }
            vocab.counted_one.extend(file.counted_one.iter().cloned());
            vocab
                .open_place
                .extend(file.qualifiers.open_place.iter().cloned());
            vocab
                .non_quantity_words
                .extend(file.non_quantities.words.iter().cloned());
            vocab
                .duration_lead
                .extend(file.duration_lead.iter().cloned());
            vocab
                .measured_figures
                .extend(file.measured_figures.iter().cloned());
            vocab.people_nouns.extend(file.people_nouns.iter().cloned());
            for pattern in &file.non_quantities.patterns {
                let regex = Regex::new(pattern).map_err(|source| VocabularyError::Pattern {
                    pattern: pattern.clone(),
                    source,
                })?;
                vocab.non_quantity_patterns.push(regex);
            }
        }
        vocab.non_quantity_finder = AhoCorasick::new(&vocab.non_quantity_words)
            .map_err(|e| VocabularyError::Words(e.to_string()))?;
        vocab
            .units
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        for (k, (unit, _)) in vocab.units.iter().enumerate() {
            match unit.chars().next() {
                Some(first) => vocab.units_by_first.entry(first).or_default().push(k),
                None => vocab.units_empty.push(k),
            }
        }
        vocab
            .prefixes
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        vocab
            .suffixes
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        Ok(vocab)
    }

    /// The longest unit that `text` starts with.
    pub fn unit_at(&self, text: &str) -> Option<(&str, Kind)> {
        // the units that start with the text's first character, in order; a unit without a
        // character comes after every other (it is the shortest)
        let sharing = text
            .chars()
            .next()
            .and_then(|c| self.units_by_first.get(&c))
            .map_or(&[][..], Vec::as_slice);
        sharing
            .iter()
            .chain(&self.units_empty)
            .map(|&k| &self.units[k])
            .find(|(u, _)| text.starts_with(u.as_str()))
            .map(|(u, k)| (u.as_str(), *k))
    }
}

impl VocabularyFile {
    pub fn parse(yaml: &str) -> Result<VocabularyFile, VocabularyError> {
        Ok(serde_yaml::from_str(yaml)?)
    }
}

impl factcheck_text::Continuation for Vocabulary {
    fn starts_with_unit(&self, text: &str) -> bool {
        self.unit_at(text).is_some() || text.starts_with(['万', '亿', '余', '多'])
    }

    fn unit_len(&self, text: &str) -> Option<usize> {
        self.unit_at(text).map(|(u, _)| u.len())
    }
}
