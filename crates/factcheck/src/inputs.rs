//! Turning the command line's paths into the files to check: files as given, `-` for standard
//! input, folders walked recursively (honouring `.gitignore` and hidden files, as ripgrep does) for
//! draft files, in a stable order.

use std::path::Path;

/// File endings a folder walk picks up, in any case (the readers tell Markdown, HTML and Word
/// drafts apart by these endings in any case too).
pub const DRAFT_ENDINGS: [&str; 7] = ["txt", "md", "markdown", "text", "html", "htm", "docx"];

pub fn expand(paths: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for path in paths {
        if path != "-" && Path::new(path).is_dir() {
            let mut found: Vec<String> = ignore::WalkBuilder::new(path)
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .filter(|e| {
                    e.path()
                        .extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| {
                            DRAFT_ENDINGS
                                .iter()
                                .any(|ending| x.eq_ignore_ascii_case(ending))
                        })
                })
                .map(|e| e.path().display().to_string())
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    out
}
