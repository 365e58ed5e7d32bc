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
    /// For `sum`: the parts listed are all the parts (so their sum must equal the total).
    #[serde(default)]
    pub exhaustive: bool,
    /// For `expression`: e.g. `total / population = per_capita`.
    #[serde(default)]
    pub check: Option<String>,
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
