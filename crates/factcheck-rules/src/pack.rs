//! The YAML form of a rule pack, exactly as a rule author writes it.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Word classes usable in patterns as `@name`.
    #[serde(default)]
    pub words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub rules: Vec<RuleFile>,
    /// Rules (built-in or from an earlier pack) to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// New severities for existing rules: `growth-rate: warning`.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Words for the quantity grammar: units, qualifier words, names that only look like numbers.
    #[serde(default)]
    pub vocabulary: Option<factcheck_numbers::VocabularyFile>,
    /// Groups of words that split a whole into all its parts (`[出口, 进口]`, `[男, 女]`): parts
    /// named by every word of a group, and nothing else, are the whole.
    /// A group may name its whole too (`{parts: [夏粮, 早稻, 秋粮], whole: [粮食]}`) where the copy
    /// calls the whole by another word than its parts.
    #[serde(default)]
    pub partitions: Vec<PartitionFile>,
    /// Names of one thing (`[GDP, 生产总值]`): a share of one finds its whole under another.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Pairs of opposite flows (`[出口, 进口]`, `[流入, 流出]`): a net figure beside them (顺差,
    /// 净流入) is the first less the second.
    #[serde(default)]
    pub net_pairs: Vec<Vec<String>>,
}

/// A partition group: its words, and optionally the names of the whole they make up.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PartitionFile {
    Words(Vec<String>),
    Named {
        parts: Vec<String>,
        #[serde(default)]
        whole: Vec<String>,
        /// The parts and the whole are each per head of one population (人均工资性收入 … 人均
        /// 可支配收入): averages that add up, which averages otherwise never do.
        #[serde(default)]
        per_head: bool,
    },
}

impl PartitionFile {
    pub fn parts(&self) -> &[String] {
        match self {
            PartitionFile::Words(parts) | PartitionFile::Named { parts, .. } => parts,
        }
    }

    pub fn whole(&self) -> &[String] {
        match self {
            PartitionFile::Words(_) => &[],
            PartitionFile::Named { whole, .. } => whole,
        }
    }

    pub fn per_head(&self) -> bool {
        matches!(self, PartitionFile::Named { per_head: true, .. })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rule's id; without one, a rule that `extends` another adds to it in place.
    #[serde(default)]
    pub id: Option<String>,
    /// An existing rule this one builds on: its relation, check, message and patterns carry over.
    #[serde(default)]
    pub extends: Option<String>,
    /// sum, subset, growth, share, change, difference, multiple, span, weekday, respectively,
    /// bounds, or expression (with `check`).
    #[serde(default)]
    pub relation: Option<String>,
    #[serde(default)]
    pub severity: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Instead of patterns: the structure of the copy that finds the relation (`growth`, `parts`,
    /// `share`…; `factcheck rules explain` lists each one's roles).
    #[serde(default)]
    pub find: Option<String>,
    /// For `sum`: the parts listed are all the parts (so their sum must equal the total).
    #[serde(default)]
    pub exhaustive: bool,
    /// `false`: the relation is only tested; the values it would derive feed no other relation
    /// (a percentage printed with its fraction: other figures are reckoned from the printed
    /// percentage, not from the fraction). Narrows by default.
    #[serde(default)]
    pub narrows: Option<bool>,
    /// The arithmetic that must hold, e.g. `total / population = per_capita`; a list of them when
    /// several must hold. An expression whose roles a match does not fill is skipped.
    #[serde(default)]
    pub check: Option<Checks>,
    /// Roles that no printed figure fills but the check computes (`base: 基期值`), named as the
    /// editor reads them.
    #[serde(default)]
    pub derive: BTreeMap<String, String>,
    /// The role a finding points at (the figure most likely wrong); the last stated one otherwise.
    #[serde(default)]
    pub points_at: Option<String>,
    /// Chinese message; `{role}` names a placeholder, `{computation}` the arithmetic.
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub examples: Examples,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub valid: Vec<String>,
    #[serde(default)]
    pub invalid: Vec<String>,
}

/// One check expression or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Checks {
    One(String),
    Many(Vec<String>),
}

impl Checks {
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Checks::One(text) => vec![text.as_str()],
            Checks::Many(texts) => texts.iter().map(String::as_str).collect(),
        }
    }
}
