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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub id: String,
    /// sum, subset, growth, share, change, difference, multiple, span, weekday, respectively,
    /// bounds, or expression (with `check`).
    pub relation: String,
    #[serde(default = "default_severity")]
    pub severity: String,
    #[serde(default)]
    pub description: String,
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

fn default_severity() -> String {
    "error".to_string()
}
