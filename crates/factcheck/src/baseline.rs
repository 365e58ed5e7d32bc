//! Baselines and suppressions: findings already known in an archive (a baseline file written by
//! `--write-baseline`) or accepted with a reason (`suppress:` in factcheck.yaml) are left out, so a
//! gate fails only on new findings. A suppression without a reason, or one that no longer matches
//! anything in the files it could have matched in this run, is itself reported.

use crate::config::{canonical, Loaded};
use factcheck_report::{FileReport, FindingRecord, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub schema: String,
    pub fingerprints: BTreeSet<String>,
}

pub fn write(path: &Path, files: &[FileReport]) -> Result<(), String> {
    let fingerprints = files
        .iter()
        .flat_map(|f| &f.findings)
        .map(|f| f.fingerprint.clone())
        .collect();
    write_fingerprints(path, fingerprints)
}

/// Writes a baseline of these fingerprints.
pub fn write_fingerprints(path: &Path, fingerprints: BTreeSet<String>) -> Result<(), String> {
    let baseline = Baseline {
        schema: "factcheck-baseline/1".into(),
        fingerprints,
    };
    let text = serde_json::to_string_pretty(&baseline).expect("serialises") + "\n";
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not a factcheck baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

/// Leaves out baselined and suppressed findings; returns how many. Problems with the
/// suppressions themselves are added as findings on the configuration file.
///
/// `given` are the paths of the command line. A suppression is reported as unused only when it
/// could have matched in this run: one naming its `file` when that file was checked, one without
/// a file when the run walked the configuration's whole folder (a hook given only the changed
/// files cannot tell whether a suppression of another file still matches).
pub fn apply(
    files: &mut Vec<FileReport>,
    baseline: &Baseline,
    loaded: &Loaded,
    given: &[String],
) -> usize {
    let mut filter = Filter::new(baseline, loaded);
    for file in files.iter_mut() {
        filter.file(file);
    }
    let (problems, left_out) = filter.finish(given);
    files.extend(problems);
    left_out
}

/// [`apply`] one file at a time, as a run streams its files: [`Filter::file`] for each, then
/// [`Filter::finish`] for the report entry on the suppressions themselves.
pub struct Filter<'a> {
    baseline: &'a Baseline,
    loaded: &'a Loaded,
    targets: Vec<Option<PathBuf>>,
    used: Vec<bool>,
    checked: HashSet<PathBuf>,
    left_out: usize,
}

impl<'a> Filter<'a> {
    pub fn new(baseline: &'a Baseline, loaded: &'a Loaded) -> Filter<'a> {
        let suppressions = &loaded.config.suppress;
        Filter {
            baseline,
            loaded,
            targets: suppressions
                .iter()
                .map(|s| s.file.as_ref().and_then(|f| canonical(&loaded.resolve(f))))
                .collect(),
            used: vec![false; suppressions.len()],
            checked: HashSet::new(),
            left_out: 0,
        }
    }

    /// Leaves out the file's baselined and suppressed findings.
    pub fn file(&mut self, file: &mut FileReport) {
        let suppressions = &self.loaded.config.suppress;
        let here = (file.path != "-")
            .then(|| canonical(Path::new(&file.path)))
            .flatten();
        if file.error.is_none() {
            self.checked.extend(here.clone());
        }
        let before = file.findings.len();
        let (targets, used, baseline) = (&self.targets, &mut self.used, self.baseline);
        file.findings.retain(|f| {
            if let Some(k) = suppressions.iter().enumerate().position(|(k, s)| {
                s.fingerprint == f.fingerprint
                    && (s.file.is_none() || (here.is_some() && targets[k] == here))
            }) {
                used[k] = true;
                return false;
            }
            !baseline.fingerprints.contains(&f.fingerprint)
        });
        self.left_out += before - file.findings.len();
    }

    /// The report entry on the suppressions (without a reason, or no longer matching), if any,
    /// and how many findings were left out in all.
    pub fn finish(self, given: &[String]) -> (Option<FileReport>, usize) {
        let loaded = self.loaded;
        let suppressions = &loaded.config.suppress;
        let whole_folder = loaded.folder().is_some_and(|folder| {
            given
                .iter()
                .filter(|p| *p != "-" && Path::new(p).is_dir())
                .filter_map(|p| canonical(Path::new(p)))
                .any(|dir| folder.starts_with(dir))
        });
        let mut problems = Vec::new();
        for (k, s) in suppressions.iter().enumerate() {
            let (line, column) = loaded.place_of(&s.fingerprint);
            let problem = |rule: &str, message: String| FindingRecord {
                rule: rule.into(),
                severity: Severity::Warning,
                message,
                start: 0,
                end: 0,
                line,
                column,
                related: Vec::new(),
                expected: None,
                fingerprint: format!("{rule}:{}", s.fingerprint),
            };
            if s.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                problems.push(problem(
                    "suppression-without-reason",
                    format!("suppression of {} gives no reason", s.fingerprint),
                ));
            }
            let could_match = whole_folder
                || self.targets[k]
                    .as_ref()
                    .is_some_and(|target| self.checked.contains(target));
            if !self.used[k] && could_match {
                let message = match &s.file {
                    Some(file) => format!(
                        "suppression of {} matches no finding in {} any more",
                        s.fingerprint,
                        file.display()
                    ),
                    None => format!(
                        "suppression of {} matches no finding any more",
                        s.fingerprint
                    ),
                };
                problems.push(problem("unused-suppression", message));
            }
        }
        let entry = (!problems.is_empty()).then(|| FileReport {
            path: loaded
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            findings: problems,
            ..FileReport::default()
        });
        (entry, self.left_out)
    }
}
