//! Rule packs: YAML files that say how copy phrases a relation (patterns with typed placeholders),
//! which relation it builds, how severe a break is and what to tell the editor. The built-in packs
//! under `rules/` are embedded; `--rules PATH` adds a user's. A wrong rule file is rejected with
//! file:line:column and a clear message.

pub mod expr;
pub mod finders;
pub mod pack;
pub mod partitions;
pub mod pattern;
pub mod words;

use expr::CheckExpr;
use pack::{Examples, PackFile, RuleFile};
use pattern::{Capture, CompiledPattern};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
pub use words::Words;

/// The built-in packs, embedded so the binary works alone.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/words.yaml",
        include_str!("../../../rules/words.yaml"),
    ),
    ("rules/sum.yaml", include_str!("../../../rules/sum.yaml")),
    (
        "rules/subset.yaml",
        include_str!("../../../rules/subset.yaml"),
    ),
    (
        "rules/growth.yaml",
        include_str!("../../../rules/growth.yaml"),
    ),
    (
        "rules/share.yaml",
        include_str!("../../../rules/share.yaml"),
    ),
    (
        "rules/change.yaml",
        include_str!("../../../rules/change.yaml"),
    ),
    (
        "rules/points.yaml",
        include_str!("../../../rules/points.yaml"),
    ),
    (
        "rules/restated.yaml",
        include_str!("../../../rules/restated.yaml"),
    ),
    (
        "rules/tables.yaml",
        include_str!("../../../rules/tables.yaml"),
    ),
    (
        "rules/multiple.yaml",
        include_str!("../../../rules/multiple.yaml"),
    ),
    (
        "rules/dates.yaml",
        include_str!("../../../rules/dates.yaml"),
    ),
    ("rules/span.yaml", include_str!("../../../rules/span.yaml")),
    (
        "rules/weekday.yaml",
        include_str!("../../../rules/weekday.yaml"),
    ),
    (
        "rules/respectively.yaml",
        include_str!("../../../rules/respectively.yaml"),
    ),
    (
        "rules/bounds.yaml",
        include_str!("../../../rules/bounds.yaml"),
    ),
    (
        "rules/statistics.yaml",
        include_str!("../../../rules/statistics.yaml"),
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(text: &str) -> Option<Severity> {
        Some(match text {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The relation kinds a rule can build. Most are arithmetic and carry a `check:`; span, weekday,
/// change and respectively are read against the calendar or the words, in Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Sum,
    Subset,
    Growth,
    Share,
    Change,
    Difference,
    Multiple,
    Ratio,
    Span,
    Weekday,
    Dates,
    Respectively,
    Bounds,
    Duplicate,
    Headline,
    Expression,
}

impl Relation {
    pub const ALL: [Relation; 16] = [
        Relation::Sum,
        Relation::Subset,
        Relation::Growth,
        Relation::Share,
        Relation::Change,
        Relation::Difference,
        Relation::Multiple,
        Relation::Ratio,
        Relation::Span,
        Relation::Weekday,
        Relation::Dates,
        Relation::Respectively,
        Relation::Bounds,
        Relation::Duplicate,
        Relation::Headline,
        Relation::Expression,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Relation::Sum => "sum",
            Relation::Subset => "subset",
            Relation::Growth => "growth",
            Relation::Share => "share",
            Relation::Change => "change",
            Relation::Difference => "difference",
            Relation::Multiple => "multiple",
            Relation::Ratio => "ratio",
            Relation::Span => "span",
            Relation::Weekday => "weekday",
            Relation::Dates => "dates",
            Relation::Respectively => "respectively",
            Relation::Bounds => "bounds",
            Relation::Duplicate => "duplicate",
            Relation::Headline => "headline",
            Relation::Expression => "expression",
        }
    }

    pub fn parse(text: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.name() == text)
    }

    /// Relations read in Rust rather than by a check expression (dates, words), with the roles
    /// their patterns must fill (any one of each group).
    pub fn native_roles(self) -> Option<&'static [&'static [&'static str]]> {
        match self {
            Relation::Change => Some(&[&["from"], &["to"], &["verb"]]),
            Relation::Span => Some(&[&["from"], &["to"], &["duration"]]),
            Relation::Weekday => Some(&[&["date"], &["weekday"]]),
            Relation::Dates => Some(&[&["date"], &["other"]]),
            Relation::Respectively => Some(&[&["values"]]),
            _ => None,
        }
    }
}

/// A rule ready to match.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub relation: Relation,
    pub severity: Severity,
    pub description: String,
    /// How copy phrases the relation (empty when a structure finds it).
    pub patterns: Vec<CompiledPattern>,
    /// The structure of the copy that finds the relation (see `finders`).
    pub find: Option<&'static finders::Finder>,
    pub exhaustive: bool,
    /// Whether the values the relation derives feed other relations (see the pack's `narrows`).
    pub narrows: bool,
    /// The arithmetic that must hold; each expression applies where its roles are filled.
    pub checks: Vec<CheckExpr>,
    /// Roles the checks compute rather than read, with the name the editor reads.
    pub derive: BTreeMap<String, String>,
    /// The role a finding points at.
    pub points_at: Option<String>,
    pub message: Option<String>,
    pub examples: Examples,
    /// Where the rule is defined: `rules/sum.yaml:12`.
    pub origin: String,
}

#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub words: BTreeMap<String, Vec<String>>,
    /// The word classes, ready to look words up.
    pub lexicon: Words,
    /// Groups of words that name all the parts of a whole.
    pub partitions: Vec<Vec<String>>,
    /// For each group, the names of the whole it makes up where the copy calls it by another
    /// word (粮食 for 夏粮, 早稻 and 秋粮); empty where the parts' own name is the whole's.
    pub partition_wholes: Vec<Vec<String>>,
    /// For each group, whether its parts and whole are per head of one population (averages
    /// that add up).
    pub partition_per_head: Vec<bool>,
    /// The groups, ready to look names up (made from `partitions` when the rules load).
    pub partition_words: partitions::PartitionWords,
    /// Groups of names of one thing.
    pub synonyms: Vec<Vec<String>>,
    /// Pairs of opposite flows whose difference is a net figure.
    pub net_pairs: Vec<Vec<String>>,
    /// Vocabulary the packs add to the quantity grammar, in order.
    pub vocabulary: Vec<factcheck_numbers::VocabularyFile>,
}

/// A rule file that cannot be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RuleError {}

struct Source<'a> {
    file: &'a str,
    text: &'a str,
    pack: PackFile,
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> RuleSet {
        RuleSet::load(&[]).expect("the built-in rules load")
    }

    /// The built-in rules plus user packs given as (file name, YAML text).
    pub fn load(user: &[(String, String)]) -> Result<RuleSet, RuleError> {
        let mut sources = Vec::new();
        for (file, text) in BUILTIN
            .iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .chain(user.iter().cloned())
        {
            sources.push((file, text));
        }
        let mut parsed = Vec::new();
        for (file, text) in &sources {
            let pack: PackFile = serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
            parsed.push(Source { file, text, pack });
        }
        let mut set = RuleSet::default();
        for source in &parsed {
            for (class, words) in &source.pack.words {
                set.words
                    .entry(class.clone())
                    .or_default()
                    .extend(words.iter().cloned());
            }
            for group in &source.pack.partitions {
                set.partitions.push(group.parts().to_vec());
                set.partition_wholes.push(group.whole().to_vec());
                set.partition_per_head.push(group.per_head());
            }
            set.synonyms.extend(source.pack.synonyms.iter().cloned());
            set.net_pairs.extend(source.pack.net_pairs.iter().cloned());
        }
        set.lexicon = Words::new(&set.words);
        set.partition_words = partitions::PartitionWords::new(&set.partitions);
        // the rule files as resolved (extensions merged in), beside the compiled rules
        let mut resolved: Vec<RuleFile> = Vec::new();
        // each pattern compiled once: a rule that extends another carries its patterns over
        let mut compiled_patterns = Patterns::new();
        for source in &parsed {
            let fail = |needle: &str, message: String| {
                let (line, column) = locate(source.text, needle, 0);
                RuleError {
                    file: source.file.to_string(),
                    line,
                    column,
                    message,
                }
            };
            if let Some(vocabulary) = &source.pack.vocabulary {
                set.vocabulary.push(vocabulary.clone());
            }
            for id in &source.pack.disable {
                let at = set.rules.iter().position(|r| &r.id == id).ok_or_else(|| {
                    fail(id, format!("`disable` names `{id}`, which is not a rule"))
                })?;
                set.rules.remove(at);
                resolved.remove(at);
            }
            for (id, severity) in &source.pack.severity {
                let rule = set.rules.iter_mut().find(|r| &r.id == id).ok_or_else(|| {
                    fail(id, format!("`severity` names `{id}`, which is not a rule"))
                })?;
                rule.severity = Severity::parse(severity).ok_or_else(|| fail(severity, format!("unknown severity `{severity}` for `{id}` (expected error, warning or info)")))?;
            }
            for rule in &source.pack.rules {
                let (rule, replaces) =
                    match &rule.extends {
                        Some(parent) => {
                            let at = set.rules.iter().position(|r| &r.id == parent).ok_or_else(
                                || {
                                    fail(
                                        &format!("extends: {parent}"),
                                        format!("`extends` names `{parent}`, which is not a rule"),
                                    )
                                },
                            )?;
                            let merged = extend(&resolved[at], rule);
                            let in_place =
                                rule.id.is_none() || rule.id.as_deref() == Some(parent.as_str());
                            (merged, in_place.then_some(at))
                        }
                        None if rule.id.is_none() => {
                            return Err(fail(
                                "rules:",
                                "a rule needs an `id` (or `extends` to add to one)".to_string(),
                            ))
                        }
                        None => (rule.clone(), None),
                    };
                let compiled = compile_rule(source, &rule, &set.words, &mut compiled_patterns)?;
                if let Some(at) = replaces {
                    set.rules[at] = compiled;
                    resolved[at] = rule;
                    continue;
                }
                if let Some(other) = set.rules.iter().find(|r| r.id == compiled.id) {
                    let id = compiled.id.clone();
                    let (line, column) = locate(source.text, &format!("id: {id}"), 0);
                    return Err(RuleError {
                        file: source.file.to_string(),
                        line,
                        column,
                        message: format!("rule id `{id}` is already defined at {}", other.origin),
                    });
                }
                set.rules.push(compiled);
                resolved.push(rule);
            }
        }
        Ok(set)
    }

    /// Reads user packs from files or folders (every `.yaml`/`.yml` inside, sorted).
    pub fn read_packs(paths: &[impl AsRef<Path>]) -> Result<Vec<(String, String)>, RuleError> {
        let mut files = Vec::new();
        for path in paths {
            let path = path.as_ref();
            if path.is_dir() {
                let mut inside: Vec<_> = std::fs::read_dir(path)
                    .map_err(|e| io_error(path, &e))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                    .collect();
                inside.sort();
                files.extend(inside);
            } else {
                files.push(path.to_path_buf());
            }
        }
        files
            .into_iter()
            .map(|p| {
                std::fs::read_to_string(&p)
                    .map(|t| (p.display().to_string(), t))
                    .map_err(|e| io_error(&p, &e))
            })
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// A rule built on `parent`: its own fields where it has them, the parent's otherwise, and the
/// parent's patterns followed by its own.
fn extend(parent: &RuleFile, rule: &RuleFile) -> RuleFile {
    let mut patterns = parent.patterns.clone();
    patterns.extend(rule.patterns.iter().cloned());
    RuleFile {
        id: rule.id.clone().or_else(|| parent.id.clone()),
        extends: None,
        relation: rule.relation.clone().or_else(|| parent.relation.clone()),
        severity: rule.severity.clone().or_else(|| parent.severity.clone()),
        description: if rule.description.is_empty() {
            parent.description.clone()
        } else {
            rule.description.clone()
        },
        patterns,
        find: rule.find.clone().or_else(|| parent.find.clone()),
        exhaustive: rule.exhaustive || parent.exhaustive,
        narrows: rule.narrows.or(parent.narrows),
        check: rule.check.clone().or_else(|| parent.check.clone()),
        derive: if rule.derive.is_empty() {
            parent.derive.clone()
        } else {
            rule.derive.clone()
        },
        points_at: rule.points_at.clone().or_else(|| parent.points_at.clone()),
        message: rule.message.clone().or_else(|| parent.message.clone()),
        examples: if rule.examples.valid.is_empty() && rule.examples.invalid.is_empty() {
            parent.examples.clone()
        } else {
            rule.examples.clone()
        },
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> RuleError {
    RuleError {
        file: path.display().to_string(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    }
}

fn yaml_error(file: &str, e: &serde_yaml::Error) -> RuleError {
    let (line, column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let message = e.to_string();
    // serde_yaml appends " at line L column C"; the location is given separately
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    RuleError {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

/// Line and column (1-based, characters) of `needle` in `text` at or after byte `from`; the start of
/// the text when it is not found.
fn locate(text: &str, needle: &str, from: usize) -> (usize, usize) {
    let at = text
        .get(from..)
        .and_then(|rest| rest.find(needle))
        .map(|i| i + from)
        .unwrap_or(from.min(text.len()));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

/// Patterns already compiled in one load, by their text (the word classes are the same for all).
type Patterns = BTreeMap<String, CompiledPattern>;

fn compile_rule(
    source: &Source,
    rule: &RuleFile,
    words: &BTreeMap<String, Vec<String>>,
    compiled_patterns: &mut Patterns,
) -> Result<Rule, RuleError> {
    let id = rule.id.clone().unwrap_or_default();
    let relation_name = rule.relation.clone().unwrap_or_default();
    let severity_name = rule.severity.clone().unwrap_or_else(|| "error".to_string());
    let rule_at = source.text.find(&format!("id: {}", id)).unwrap_or(0);
    let (rule_line, rule_column) = locate(source.text, &format!("id: {}", id), 0);
    let fail_at = |needle: &str, offset: usize, message: String| {
        let (line, column) = locate(source.text, needle, rule_at);
        let found = source.text[rule_at..].contains(needle);
        RuleError {
            file: source.file.to_string(),
            line: if found { line } else { rule_line },
            column: if found { column + offset } else { rule_column },
            message,
        }
    };
    let relation = Relation::parse(&relation_name).ok_or_else(|| {
        let names: Vec<&str> = Relation::ALL.iter().map(|r| r.name()).collect();
        fail_at(
            &format!("relation: {}", relation_name),
            10,
            format!(
                "rule `{}`: unknown relation `{}` (expected one of {})",
                id,
                relation_name,
                names.join(", ")
            ),
        )
    })?;
    let severity = Severity::parse(&severity_name).ok_or_else(|| {
        fail_at(
            &format!("severity: {}", severity_name),
            10,
            format!(
                "rule `{}`: unknown severity `{}` (expected error, warning or info)",
                id, severity_name
            ),
        )
    })?;
    let find = match &rule.find {
        Some(name) => Some(finders::get(name).ok_or_else(|| {
            let names: Vec<&str> = finders::ALL.iter().map(|f| f.name).collect();
            fail_at(
                &format!("find: {name}"),
                6,
                format!(
                    "rule `{id}`: unknown structure `{name}` (expected one of {})",
                    names.join(", ")
                ),
            )
        })?),
        None => None,
    };
    if rule.patterns.is_empty() && find.is_none() {
        return Err(fail_at(
            "patterns:",
            0,
            format!("rule `{}` has no patterns (or `find:` a structure)", id),
        ));
    }
    // a structure and patterns may find the same rule: a pack adds phrasings to a built-in one
    let mut patterns = Vec::new();
    for text in &rule.patterns {
        let compiled = match compiled_patterns.get(text) {
            Some(compiled) => compiled.clone(),
            None => {
                let compiled = pattern::compile(text, words).map_err(|e| {
                    fail_at(
                        text,
                        e.at,
                        format!("rule `{}`: bad pattern: {}", id, e.message),
                    )
                })?;
                compiled_patterns.insert(text.clone(), compiled.clone());
                compiled
            }
        };
        for group in relation.native_roles().unwrap_or(&[]) {
            if !compiled
                .placeholders
                .iter()
                .any(|p| group.contains(&p.name.as_str()))
            {
                return Err(fail_at(
                    text,
                    0,
                    format!(
                        "rule `{}`: a {} pattern needs a placeholder named {}",
                        id,
                        relation.name(),
                        group.join(" or ")
                    ),
                ));
            }
        }
        patterns.push(compiled);
    }
    // the roles a match can fill: a structure's declared roles, or every pattern's placeholders
    let roles_of = |pattern: Option<&CompiledPattern>| -> Vec<String> {
        match (find, pattern) {
            (Some(f), _) => f.roles.iter().map(|r| r.to_string()).collect(),
            (None, Some(p)) => p.placeholders.iter().map(|p| p.name.clone()).collect(),
            (None, None) => Vec::new(),
        }
    };
    if let Some(message) = &rule.message {
        for name in message
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n))
        {
            let known = name == "computation"
                || rule.derive.contains_key(name)
                || match find {
                    Some(f) => f.roles.contains(&name),
                    None => patterns
                        .iter()
                        .all(|p| p.placeholders.iter().any(|ph| ph.name == name)),
                };
            if !known {
                return Err(fail_at(message, 0, format!("rule `{}`: the message names `{{{name}}}`, which not every pattern captures", id)));
            }
        }
    }
    let texts = rule.check.as_ref().map(|c| c.texts()).unwrap_or_default();
    if texts.is_empty() && relation.native_roles().is_none() {
        return Err(fail_at(
            &format!("id: {}", id),
            0,
            format!(
                "rule `{}`: a {} rule needs `check:` (the arithmetic that must hold)",
                id,
                relation.name()
            ),
        ));
    }
    let mut checks = Vec::new();
    for text in texts {
        let parsed = expr::parse(text).map_err(|e| {
            fail_at(
                text,
                e.at,
                format!("rule `{}`: bad check: {}", id, e.message),
            )
        })?;
        let sources: Vec<Option<&CompiledPattern>> = if patterns.is_empty() {
            vec![None]
        } else {
            patterns.iter().map(Some).collect()
        };
        for pattern in sources {
            let roles = roles_of(pattern);
            for var in parsed.vars() {
                if !roles.contains(&var) && !rule.derive.contains_key(&var) {
                    let what = match pattern {
                        Some(p) => format!("pattern `{}` does not capture as a quantity", p.source),
                        None => {
                            "the structure does not fill and `derive` does not name".to_string()
                        }
                    };
                    return Err(fail_at(
                        text,
                        0,
                        format!("rule `{}`: the check uses `{var}`, which {what}", id),
                    ));
                }
                if let Some(p) = pattern {
                    let quantity = p.placeholders.iter().any(|ph| {
                        ph.name == var
                            && matches!(ph.capture, Capture::Quantity(_) | Capture::List(_))
                    });
                    if !quantity && !rule.derive.contains_key(&var) {
                        return Err(fail_at(text, 0, format!("rule `{}`: the check uses `{var}`, which pattern `{}` does not capture as a quantity", id, p.source)));
                    }
                }
            }
            if let Some(p) = pattern {
                if let Err(message) = units::check_units(&parsed, p) {
                    return Err(fail_at(text, 0, format!("rule `{}`: {message}", id)));
                }
            }
        }
        checks.push(parsed);
    }
    if !checks.is_empty() {
        let used: Vec<String> = checks.iter().flat_map(|c| c.vars()).collect();
        for pattern in &patterns {
            if let Some(unused) = pattern.placeholders.iter().find(|p| {
                matches!(p.capture, Capture::Quantity(_) | Capture::List(_))
                    && !used.contains(&p.name)
            }) {
                return Err(fail_at(
                    &pattern.source,
                    0,
                    format!("rule `{id}`: placeholder `{}` is never used in the check (write `{{_:{}}}` for a number that only has to be there)", unused.name, unused.types.join("|")),
                ));
            }
        }
    }
    if let Some(role) = &rule.points_at {
        let known = roles_of(patterns.first()).contains(role);
        if !known {
            return Err(fail_at(
                &format!("points_at: {role}"),
                11,
                format!("rule `{id}`: `points_at` names `{role}`, which no match fills"),
            ));
        }
    }
    Ok(Rule {
        id: id.clone(),
        relation,
        severity,
        description: rule.description.clone(),
        patterns,
        find,
        exhaustive: rule.exhaustive,
        narrows: rule.narrows.unwrap_or(true),
        checks,
        derive: rule.derive.clone(),
        points_at: rule.points_at.clone(),
        message: rule.message.clone(),
        examples: rule.examples.clone(),
        origin: format!("{}:{}", source.file, rule_line),
    })
}

pub mod units;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_with_unique_ids() {
        let set = RuleSet::builtin();
        assert!(set.rules.len() >= 12);
        let mut ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), set.rules.len());
    }

    #[test]
    fn a_wrong_pack_names_file_line_and_column() {
        let pack = "rules:\n  - id: per-capita\n    relation: expression\n    patterns:\n      - \"人均{avg:money}\"\n    check: \"total / people = avg\"\n".to_string();
        let error = RuleSet::load(&[("mine.yaml".into(), pack)]).unwrap_err();
        assert_eq!(error.to_string(), "mine.yaml:6:13: rule `per-capita`: the check uses `total`, which pattern `人均{avg:money}` does not capture as a quantity");
        let unknown_key = "rules:\n  - id: x\n    relaton: sum\n".to_string();
        let error = RuleSet::load(&[("bad.yaml".into(), unknown_key)]).unwrap_err();
        assert_eq!(
            (error.file.as_str(), error.line, error.column),
            ("bad.yaml", 3, 5)
        );
        assert!(
            error.message.contains("unknown field `relaton`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn units_must_agree() {
        let pack = "rules:\n  - id: odd\n    relation: expression\n    patterns:\n      - \"{amount:money}，增长{rate:percent}\"\n    check: \"rate = amount\"\n".to_string();
        let error = RuleSet::load(&[("odd.yaml".into(), pack)]).unwrap_err();
        assert!(
            error
                .message
                .contains("cannot agree in unit: a plain number (count, %, ratio) against money"),
            "{}",
            error.message
        );
    }
}
