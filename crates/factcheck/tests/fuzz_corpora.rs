//! The fuzz targets' inputs replayed on the stable toolchain: every file of `fuzz/seeds/<target>`
//! (written by hand), `fuzz/corpus/<target>` (what the fuzzer kept, minimised) and
//! `fuzz/regressions/<target>` (inputs that once failed) goes through the same entry point the
//! target calls (`factcheck::fuzzing`), which asserts what must hold of any input. A panic fails
//! the test with the file's name.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every input of `target` through `run`; fails, naming the files, if any panicked, and if
/// the seeds or the corpus are missing or empty.
fn replay(target: &str, run: impl Fn(&Path, &[u8])) {
    let mut failed = Vec::new();
    let mut total = 0;
    for kind in ["seeds", "corpus", "regressions"] {
        let files = files_in(&fuzz_dir().join(kind).join(target));
        if kind != "regressions" {
            assert!(!files.is_empty(), "no inputs in fuzz/{kind}/{target}");
        }
        for file in files {
            let data = std::fs::read(&file).expect("a fuzz input reads");
            total += 1;
            if catch_unwind(AssertUnwindSafe(|| run(&file, &data))).is_err() {
                failed.push(file.display().to_string());
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {total} inputs of {target} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

fn named(file: &Path, dir: &str, name: &str) -> bool {
    file.ends_with(Path::new("seeds").join(dir).join(name))
}

#[test]
fn numbers_corpus_replays() {
    replay("numbers", |file, data| {
        let read = factcheck::fuzzing::numbers(data);
        if named(file, "numbers", "schools.txt") {
            // three figures, read without and with a publication date
            assert_eq!(read, 6);
        }
    });
}

#[test]
fn pipeline_corpus_replays() {
    replay("pipeline", |file, data| {
        let report = factcheck::fuzzing::pipeline(data);
        if named(file, "pipeline", "schools-wrong.txt") || named(file, "pipeline", "docx.bin") {
            // 80 + 50 is more than the 120 they are part of
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.severity == factcheck_report::Severity::Error),
                "{report:?}"
            );
        }
    });
}

#[test]
fn rule_pack_corpus_replays() {
    replay("rule_pack", |file, data| {
        let loaded = factcheck::fuzzing::rule_pack(data);
        for ok in ["density.yaml", "changes.yaml", "example-per-capita.yaml"] {
            if named(file, "rule_pack", ok) {
                assert!(loaded.is_ok(), "{}", loaded.err().unwrap_or_default());
            }
        }
        if named(file, "rule_pack", "alias.yaml") {
            let error = loaded.err().unwrap_or_default();
            assert!(error.starts_with("fuzz-pack.yaml:2:5: "), "{error}");
        }
    });
}

#[test]
fn config_corpus_replays() {
    replay("config", |file, data| {
        let loaded = factcheck::fuzzing::config(data);
        for ok in ["starter.yaml", "full.yaml", "empty.yaml"] {
            if named(file, "config", ok) {
                assert!(loaded.is_ok(), "{}", loaded.err().unwrap_or_default());
            }
        }
        if named(file, "config", "unknown-key.yaml") {
            let error = loaded.err().unwrap_or_default();
            assert!(error.starts_with("factcheck.yaml:1:1: "), "{error}");
        }
    });
}
