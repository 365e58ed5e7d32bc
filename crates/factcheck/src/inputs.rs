//! Turning the command line's paths into the files to check: files as given, `-` for standard
//! input, folders walked recursively (honouring `.gitignore` and hidden files, as ripgrep does) for
//! draft files, in a stable order. What a walk cannot take is said, never dropped in silence.

use std::path::Path;

/// File endings a folder walk picks up, in any case (the readers tell Markdown, HTML and Word
/// drafts apart by these endings in any case too).
pub const DRAFT_ENDINGS: [&str; 7] = ["txt", "md", "markdown", "text", "html", "htm", "docx"];

/// The files to check, and what the walks could not take.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Files to check, in order.
    pub paths: Vec<String>,
    /// Drafts or folders that could not be walked or named: (path, why). These are input errors
    /// (the run exits 2), reported in place of a file.
    pub problems: Vec<(String, String)>,
    /// What a walk left out on purpose and why (symbolic links to folders, which are not
    /// followed): said on standard error.
    pub notes: Vec<String>,
}

pub fn expand(paths: &[String]) -> Vec<String> {
    expand_reporting(paths).paths
}

/// [`expand`], with what the walks skipped and why.
pub fn expand_reporting(paths: &[String]) -> Expanded {
    let mut out = Expanded::default();
    for path in paths {
        if path != "-" && Path::new(path).is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).build() {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(error) => {
                        let at = walk_error_path(&error).unwrap_or_else(|| path.clone());
                        out.problems
                            .push((at, format!("cannot walk: {}", walk_error_message(&error))));
                        continue;
                    }
                };
                let Some(kind) = entry.file_type() else {
                    continue;
                };
                let is_draft = entry
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| {
                        DRAFT_ENDINGS
                            .iter()
                            .any(|ending| x.eq_ignore_ascii_case(ending))
                    });
                if kind.is_symlink() {
                    let target = std::fs::metadata(entry.path());
                    match &target {
                        Ok(meta) if meta.is_dir() => out.notes.push(format!(
                            "{}: a symbolic link to a folder, not followed (name the folder to check it)",
                            entry.path().display()
                        )),
                        // a link to a draft is checked as the draft
                        Ok(meta) if meta.is_file() && is_draft => {}
                        Ok(_) => continue,
                        Err(e) if is_draft => {
                            out.problems.push((
                                entry.path().to_string_lossy().into_owned(),
                                format!("a symbolic link that cannot be followed: {e}"),
                            ));
                            continue;
                        }
                        Err(_) => continue,
                    }
                    if !target.is_ok_and(|m| m.is_file()) {
                        continue;
                    }
                } else if !kind.is_file() {
                    continue;
                }
                if !is_draft {
                    // a name that is not UTF-8 hides its ending from the check above
                    if entry.path().to_str().is_none() && lossy_is_draft(entry.path()) {
                        out.problems.push((
                            entry.path().to_string_lossy().into_owned(),
                            "the file name is not valid UTF-8: rename it to check it".into(),
                        ));
                    }
                    continue;
                }
                match entry.path().to_str() {
                    Some(name) => found.push(name.to_string()),
                    None => out.problems.push((
                        entry.path().to_string_lossy().into_owned(),
                        "the file name is not valid UTF-8: rename it to check it".into(),
                    )),
                }
            }
            found.sort();
            out.paths.extend(found);
        } else {
            out.paths.push(path.clone());
        }
    }
    out
}

fn lossy_is_draft(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.rsplit_once('.').is_some_and(|(_, x)| {
        DRAFT_ENDINGS
            .iter()
            .any(|ending| x.eq_ignore_ascii_case(ending))
    })
}

fn walk_error_path(error: &ignore::Error) -> Option<String> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.to_string_lossy().into_owned()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

fn walk_error_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_message(err),
        other => other.to_string(),
    }
}
