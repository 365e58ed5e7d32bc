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
    let suppressions = &loaded.config.suppress;
    let targets: Vec<Option<PathBuf>> = suppressions
        .iter()
        .map(|s| s.file.as_ref().and_then(|f| canonical(&loaded.resolve(f))))
        .collect();
    let mut used = vec![false; suppressions.len()];
    let mut checked = HashSet::new();
    let mut left_out = 0;
    for file in files.iter_mut() {
        let here = (file.path != "-")
            .then(|| canonical(Path::new(&file.path)))
            .flatten();
        if file.error.is_none() {
            checked.extend(here.clone());
        }
        let before = file.findings.len();
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
        left_out += before - file.findings.len();
    }
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
            fingerprint: format!("{rule}:{}", s.fingerprint),
        };
        if s.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            problems.push(problem(
                "suppression-without-reason",
                format!("suppression of {} gives no reason", s.fingerprint),
            ));
        }
        let could_match = whole_folder
            || targets[k]
                .as_ref()
                .is_some_and(|target| checked.contains(target));
        if !used[k] && could_match {
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
    if !problems.is_empty() {
        let path = loaded
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        files.push(FileReport {
            path,
            findings: problems,
            ..FileReport::default()
        });
    }
    left_out
}
