//! `factcheck.yaml`: a newsroom's settings, found upward from the first file checked (or given
//! with `--config`), under the command line's flags. Unknown keys are errors with their place.

use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "factcheck.yaml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// error, warning, info or never.
    pub fail_on: Option<String>,
    /// text, json, dot, sarif, github, junit or markdown.
    pub format: Option<String>,
    /// Rule packs, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// The publication date of the pages (YYYY-MM-DD): the year of dates that print none.
    pub date: Option<String>,
    /// Findings that are known and accepted, by fingerprint, each with its reason.
    #[serde(default)]
    pub suppress: Vec<Suppression>,
    /// Rules to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// New severities for rules: `growth-rate: warning`.
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, String>,
    /// Only paths matching one of these globs are checked (all when empty).
    #[serde(default)]
    pub include: Vec<String>,
    /// Paths matching one of these globs are not checked.
    #[serde(default)]
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    pub fingerprint: String,
    /// The file the finding is in, relative to the configuration's folder (the `path` of the JSON
    /// report, made relative). A suppression naming its file leaves out findings of that file only
    /// and is reported as unused only by a run that checked that file; one without a file (older
    /// configurations) applies everywhere and is reported as unused only by a run over the
    /// configuration's whole folder.
    #[serde(default)]
    pub file: Option<PathBuf>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// A loaded configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    pub text: String,
}

impl Loaded {
    /// Line and column of a suppression's fingerprint in the file, for messages about it.
    pub fn place_of(&self, needle: &str) -> (usize, usize) {
        let at = self.text.find(needle).unwrap_or(0);
        let before = &self.text[..at];
        (
            before.matches('\n').count() + 1,
            before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        )
    }

    /// A path of the configuration made relative to the configuration file.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        match self.path.as_ref().and_then(|p| p.parent()) {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path.to_path_buf(),
        }
    }

    /// The folder holding the configuration file, as an absolute path.
    pub fn folder(&self) -> Option<PathBuf> {
        let path = std::path::absolute(self.path.as_ref()?).ok()?;
        let dir = path.parent()?;
        Some(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()))
    }

    /// The folder that paths in annotations (GitHub, SARIF, JUnit) are relative to, for a file at
    /// `path`: the git work tree holding it (what GitHub and code-scanning views resolve paths
    /// against), else the folder holding the configuration file, if the file is inside either.
    pub fn root_for(&self, path: &Path) -> Option<PathBuf> {
        let path = canonical(path)?;
        path.ancestors()
            .skip(1)
            .find(|dir| dir.join(".git").exists())
            .map(Path::to_path_buf)
            .or_else(|| self.folder().filter(|dir| path.starts_with(dir)))
    }

    /// `path` relative to its repository root (see [`Loaded::root_for`]) with `/` between the
    /// folders, or as given when it is in no repository (and for standard input, `-`).
    pub fn relative_to_root(&self, path: &str) -> String {
        if path == "-" {
            return path.to_string();
        }
        let (Some(root), Some(full)) = (self.root_for(Path::new(path)), canonical(Path::new(path)))
        else {
            return path.to_string();
        };
        match full.strip_prefix(&root) {
            Ok(inside) => inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => path.to_string(),
        }
    }
}

/// A path made absolute, with links resolved where it exists.
pub fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| std::path::absolute(path).ok())
}

/// `text` as a YAML double-quoted scalar that reads back as `text`: quotes and backslashes escaped,
/// and so is every character YAML does not take as printed in a double-quoted scalar (controls,
/// DEL, the C1 controls, line and paragraph separators, U+FEFF, U+FFFE and U+FFFF).
fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~'
            | '\u{a0}'..='\u{2027}'
            | '\u{202a}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fefe}'
            | '\u{ff00}'..='\u{fffd}'
            | '\u{10000}'.. => out.push(c),
            _ => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

impl Loaded {
    /// The rule selection of the configuration as a rule pack (disable and severity), if it has one.
    pub fn selection_pack(&self) -> Option<(String, String)> {
        let c = &self.config;
        if c.disable.is_empty() && c.severity.is_empty() {
            return None;
        }
        // every entry a double-quoted scalar: an entry is a name, never YAML
        let quoted = |s: &String| yaml_quoted(s);
        let mut yaml = format!(
            "disable: [{}]\nseverity:\n",
            c.disable.iter().map(quoted).collect::<Vec<_>>().join(", ")
        );
        for (id, level) in &c.severity {
            yaml.push_str(&format!("  {}: {}\n", quoted(id), quoted(level)));
        }
        if c.severity.is_empty() {
            yaml = yaml.replace("severity:\n", "");
        }
        Some((
            self.path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            yaml,
        ))
    }

    /// Keeps the paths the configuration's include/exclude globs let through (`-` always).
    pub fn filter(&self, paths: Vec<String>) -> Result<Vec<String>, String> {
        let set = |globs: &[String]| -> Result<Option<globset::GlobSet>, String> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut builder = globset::GlobSetBuilder::new();
            for glob in globs {
                let glob = globset::Glob::new(glob).map_err(|e| {
                    let (line, column) = self.place_of(glob);
                    format!(
                        "{}:{line}:{column}: {e}",
                        self.path
                            .as_ref()
                            .map(|p| p.display().to_string())
                            .unwrap_or_default()
                    )
                })?;
                builder.add(glob);
            }
            builder.build().map(Some).map_err(|e| e.to_string())
        };
        let (include, exclude) = (set(&self.config.include)?, set(&self.config.exclude)?);
        Ok(paths
            .into_iter()
            .filter(|p| {
                p == "-"
                    || (include.as_ref().is_none_or(|s| s.is_match(p))
                        && !exclude.as_ref().is_some_and(|s| s.is_match(p)))
            })
            .collect())
    }
}

/// The configuration: the given file, else the first `factcheck.yaml` from `start` upward.
pub fn load(explicit: Option<&Path>, start: &Path) -> Result<Loaded, String> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok(Loaded::default());
    };
    if let Ok(meta) = std::fs::metadata(&path) {
        if meta.len() > crate::yaml_guard::MAX_BYTES as u64 {
            return Err(format!(
                "{}: {} bytes is more than the {} a YAML file of factcheck may hold",
                path.display(),
                meta.len(),
                crate::yaml_guard::MAX_BYTES
            ));
        }
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let config = parse(&path.display().to_string(), &text)?;
    Ok(Loaded {
        config,
        path: Some(path),
        text,
    })
}

/// A configuration's text read as the file `name`: the YAML limits checked first, then the keys;
/// an error names the file, line and column.
pub fn parse(name: &str, text: &str) -> Result<Config, String> {
    crate::yaml_guard::check(name, text)?;
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.to_string();
        format!(
            "{name}:{line}:{column}: {}",
            message.split(" at line ").next().unwrap_or(&message)
        )
    })
}

/// The starter file `factcheck init` writes.
pub const STARTER: &str = r#"# factcheck settings for this folder and the folders below it.
# Flags on the command line win over what is written here.

# Exit with status 1 on findings at or above: error, warning, info, never.
fail_on: error

# Report format: text, json, dot, sarif, github, junit, markdown.
format: text

# Rule packs of our own (YAML files or folders), relative to this file.
rules: []

# Rules to switch off, and rules to make more or less severe.
disable: []
severity: {}
#  growth-rate: warning

# The publication date of the pages: dates that print no year take it from here.
# date: 2025-10-29

# Paths to check or leave out (globs such as "**/archive/**").
include: []
exclude: []

# Findings we know and accept, by fingerprint (see `--format json`), always with a reason,
# and the file they are in (relative to this file's folder).
suppress: []
#  - fingerprint: 6b08df1e8121a2ea
#    file: drafts/2025-10-29/page-a03.txt
#    reason: quoted from the statistics bureau's release as printed
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_names_read_back_as_written() {
        let names = [
            "growth-rate",
            "a: b",
            "c\"d\\e",
            "\u{85}\u{80}\u{7f}",
            "\t\n\r\0",
            "\u{2028}\u{2029}\u{feff}\u{fffe}\u{ffff}",
            "增长率 #x",
            "😀",
        ];
        for name in names {
            let read: String = serde_yaml::from_str(&yaml_quoted(name)).unwrap();
            assert_eq!(read, name);
        }
    }

    #[test]
    fn a_selection_of_any_names_is_a_pack_that_parses() {
        let text = "severity:\n  \"\\u0085\\x80\": warning\ndisable: [\"\\t\", \"#x\"]\n";
        let loaded = Loaded {
            config: parse(FILE_NAME, text).unwrap(),
            path: Some(FILE_NAME.into()),
            text: text.to_string(),
        };
        let (_, pack) = loaded.selection_pack().unwrap();
        let error = crate::Checker::with_rules_and_selection(&[], Some((FILE_NAME.into(), pack)))
            .err()
            .unwrap();
        assert!(error.message.contains("which is not a rule"), "{error}");
    }
}
