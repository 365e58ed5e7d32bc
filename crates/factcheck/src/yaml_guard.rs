//! Limits on the YAML a user hands factcheck (factcheck.yaml and rule packs), checked before any
//! YAML parser sees the text: anchors and aliases are refused (an alias is expanded by the parser,
//! so 1 MB of YAML can become gigabytes), flow collections may nest at most [`MAX_DEPTH`] deep,
//! and a file may hold at most [`MAX_BYTES`]. Each refusal names the file, line and column.
//!
//! The check is lexical: it skips comments and quoted scalars, and looks at what starts a value
//! (`&name`, `*name`, `[`, `{`). It runs in one pass over the text.

use std::path::{Path, PathBuf};

/// The largest YAML file read (rule packs and factcheck.yaml are a few kilobytes).
pub const MAX_BYTES: usize = 1 << 20;
/// The deepest nesting of flow collections (`[[[…]]]`) and of indentation levels.
pub const MAX_DEPTH: usize = 64;

/// Checks one YAML text; `name` is the file it came from, for the message.
pub fn check(name: &str, text: &str) -> Result<(), String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "{name}: {} bytes is more than the {MAX_BYTES} a YAML file of factcheck may hold",
            text.len()
        ));
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (l, line) in text.lines().enumerate() {
        let place = |column: usize| format!("{name}:{}:{}", l + 1, column + 1);
        let mut prev = ' ';
        // block indentation is nesting too
        if quote.is_none() && depth == 0 {
            let indent = line.len() - line.trim_start_matches([' ', '-']).len();
            if indent / 2 > MAX_DEPTH {
                return Err(format!(
                    "{}: nested more than {MAX_DEPTH} levels deep",
                    place(indent)
                ));
            }
        }
        for (column, c) in line.chars().enumerate() {
            match quote {
                Some(q) => {
                    if c == q && !(q == '"' && prev == '\\') {
                        quote = None;
                    }
                }
                None => {
                    let starts_value =
                        matches!(prev, ' ' | '\t' | '[' | '{' | ',' | ':') || column == 0;
                    match c {
                        '#' if matches!(prev, ' ' | '\t') || column == 0 => break,
                        '"' | '\'' if starts_value => quote = Some(c),
                        '&' | '*' if starts_value && column_is_value(line, column) => {
                            return Err(format!(
                                "{}: YAML anchors and aliases (`{c}name`) are not accepted: write the value out",
                                place(column)
                            ));
                        }
                        '[' | '{' => {
                            depth += 1;
                            if depth > MAX_DEPTH {
                                return Err(format!(
                                    "{}: nested more than {MAX_DEPTH} levels deep",
                                    place(column)
                                ));
                            }
                        }
                        ']' | '}' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            prev = c;
        }
        // single-quoted scalars may span lines; a double quote left open does too
    }
    Ok(())
}

/// Is the `&`/`*` at `column` of `line` followed by an anchor name (not `* 2` in an expression or
/// a lone `*`)?
fn column_is_value(line: &str, column: usize) -> bool {
    line.chars()
        .nth(column + 1)
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Checks the YAML files of rule packs given as files or folders (`*.yaml`, `*.yml` in a folder),
/// as the rule loader will read them.
pub fn check_packs(paths: &[PathBuf]) -> Result<(), String> {
    for path in paths {
        let files: Vec<PathBuf> = if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                    .collect(),
                // the loader reports an unreadable folder itself
                Err(_) => continue,
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            check_file(&file)?;
        }
    }
    Ok(())
}

fn check_file(path: &Path) -> Result<(), String> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // the loader says why it cannot read it
    };
    let name = path.display().to_string();
    if meta.len() > MAX_BYTES as u64 {
        return Err(format!(
            "{name}: {} bytes is more than the {MAX_BYTES} a YAML file of factcheck may hold",
            meta.len()
        ));
    }
    match std::fs::read_to_string(path) {
        Ok(text) => check(&name, &text),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_anchors_are_refused_with_their_place() {
        let text = "rules:\n  - &r {id: a}\n  - *r\n";
        assert_eq!(
            check("p.yaml", text).unwrap_err().split(": YAML").next(),
            Some("p.yaml:2:5")
        );
        let text = "disable: [a]\nsuppress:\n  - *x\n";
        assert!(check("f.yaml", text).unwrap_err().starts_with("f.yaml:3:5"));
    }

    #[test]
    fn stars_and_ampersands_inside_values_are_fine() {
        let text = "rules:\n  - id: a\n    check: \"total * 2 = parts\"\n    note: 'a & b, *c'\n    message: 甲 & 乙 # *comment\n    other: x*y\n";
        assert_eq!(check("p.yaml", text), Ok(()));
    }

    #[test]
    fn deep_flow_nesting_is_refused() {
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert!(check("p.yaml", &deep)
            .unwrap_err()
            .contains("nested more than"));
        let fine = format!("a: {}{}\n", "[".repeat(10), "]".repeat(10));
        assert_eq!(check("p.yaml", &fine), Ok(()));
    }

    #[test]
    fn large_files_are_refused() {
        let big = "# x\n".repeat(MAX_BYTES / 4 + 1);
        assert!(check("p.yaml", &big)
            .unwrap_err()
            .contains("bytes is more than"));
    }
}
