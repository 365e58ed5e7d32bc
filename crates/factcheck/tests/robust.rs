//! Hostile and unlucky input: every case exits 0, 1 or 2 with a located message where
//! one applies, and the other files of the run are still checked and reported. Every input is
//! generated here, not stored.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A draft with one contradiction (the parts add up to 61, not 58).
const CONTRADICTION: &str = "本报讯 全区共收到来信58封（区长信箱30封，热线21封，来访10封）。\n";

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factcheck"));
    command.args(args).current_dir(dir);
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("factcheck runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factcheck-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_panic_in_one_file_is_that_files_error_and_the_others_are_reported() {
    let dir = scratch("panic");
    std::fs::write(dir.join("a.txt"), CONTRADICTION).unwrap();
    std::fs::write(dir.join("b.txt"), "共有12家。\n").unwrap();
    std::fs::write(dir.join("c.txt"), CONTRADICTION).unwrap();
    let out = run(
        &dir,
        &["--format", "json", "a.txt", "b.txt", "c.txt"],
        &[("FACTCHECK_TEST_PANIC_ON", "b.txt")],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files = report["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["a.txt", "b.txt", "c.txt"]);
    assert!(files[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("internal error"));
    assert_eq!(files[0]["findings"].as_array().unwrap().len(), 1);
    assert_eq!(files[2]["findings"].as_array().unwrap().len(), 1);
    assert!(
        stderr(&out).contains("error: b.txt: internal error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_output_file_that_is_an_input_is_refused() {
    let dir = scratch("output");
    std::fs::write(dir.join("draft.txt"), CONTRADICTION).unwrap();
    for target in [
        "draft.txt",
        "./draft.txt",
        &dir.join("draft.txt").display().to_string(),
    ] {
        let out = run(&dir, &["-o", target, "draft.txt"], &[]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("refusing to overwrite"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("draft.txt")).unwrap(),
            CONTRADICTION
        );
    }
    // a folder walk's drafts count as inputs too
    let out = run(&dir, &["-o", "draft.txt", "."], &[]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&dir, &["-o", "report.txt", "draft.txt"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::read_to_string(dir.join("report.txt"))
        .unwrap()
        .contains("sum-of-parts"));
}

#[test]
fn impossible_dates_are_usage_errors() {
    let dir = scratch("dates");
    std::fs::write(dir.join("d.txt"), "12月30日至1月2日，共4天。\n").unwrap();
    for date in [
        "2025-02-31",
        "2023-02-29",
        "2147483647-12-30",
        "0-01-01",
        "2025-13-01",
    ] {
        let out = run(&dir, &["--date", date, "d.txt"], &[]);
        assert_eq!(out.status.code(), Some(2), "{date}");
        assert!(stderr(&out).contains("is not a date"), "{date}");
    }
    let out = run(&dir, &["--date", "2024-02-29", "d.txt"], &[]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    std::fs::write(
        dir.join("factcheck.yaml"),
        "fail_on: never\ndate: 2025-04-31\n",
    )
    .unwrap();
    let out = run(&dir, &["d.txt"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("factcheck.yaml:2:1: the date"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_html_comments_do_not_stop_a_run() {
    let dir = scratch("comments");
    for name in ["a.txt", "a.md", "a.html"] {
        std::fs::write(
            dir.join(name),
            format!("<!-->\n<!--->\n{CONTRADICTION}<!---->\n"),
        )
        .unwrap();
        let out = run(&dir, &[name], &[]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
    }
}

#[test]
fn a_stray_byte_early_in_utf8_is_a_located_error() {
    let dir = scratch("stray");
    let mut bytes = "本报讯".as_bytes().to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(CONTRADICTION.as_bytes());
    std::fs::write(dir.join("stray.txt"), bytes).unwrap();
    std::fs::write(dir.join("good.txt"), CONTRADICTION).unwrap();
    let out = run(&dir, &["stray.txt", "good.txt"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("stray.txt:1:4: not valid UTF-8"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("error[sum-of-parts]: good.txt"));
}

#[test]
fn walks_say_what_they_skip() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("drafts/real")).unwrap();
    std::fs::write(dir.join("drafts/real/a.txt"), CONTRADICTION).unwrap();
    std::fs::write(dir.join("drafts/UPPER.TXT"), CONTRADICTION).unwrap();
    std::os::unix::fs::symlink(dir.join("drafts/real"), dir.join("drafts/linked")).unwrap();
    std::os::unix::fs::symlink(dir.join("drafts/real/a.txt"), dir.join("drafts/link.txt")).unwrap();
    let out = run(&dir, &["--format", "json", "drafts"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["drafts/UPPER.TXT", "drafts/link.txt", "drafts/real/a.txt"]
    );
    assert!(
        stderr(&out).contains("drafts/linked: a symbolic link to a folder, not followed"),
        "{}",
        stderr(&out)
    );
    // a name that is not UTF-8 is named (lossily) and the run fails rather than skip it
    use std::os::unix::ffi::OsStrExt;
    let odd = std::ffi::OsStr::from_bytes(b"drafts/\xff\xfe.txt");
    std::fs::write(dir.join(odd), CONTRADICTION).unwrap();
    let out = run(&dir, &["drafts"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
    assert!(stdout(&out).contains("error[sum-of-parts]: drafts/real/a.txt"));
}

#[test]
fn yaml_aliases_and_injected_selections_are_refused() {
    let dir = scratch("yaml");
    std::fs::write(dir.join("d.txt"), CONTRADICTION).unwrap();
    std::fs::write(
        dir.join("factcheck.yaml"),
        "include: &all ['*.txt']\nexclude: *all\n",
    )
    .unwrap();
    let out = run(&dir, &["d.txt"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("factcheck.yaml:1:10: YAML anchors and aliases"),
        "{}",
        stderr(&out)
    );
    // a disable entry is a rule name, never YAML of its own
    std::fs::write(
        dir.join("factcheck.yaml"),
        "disable: [\"x]\\nrules: [{id: evil}]\\ny: [z\"]\n",
    )
    .unwrap();
    let out = run(&dir, &["d.txt"], &[]);
    // the whole entry is one unknown rule name (before, its text became a rule pack's YAML)
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("names `x]\nrules: [{id: evil}]\ny: [z`, which is not a rule"),
        "{}",
        stderr(&out)
    );
    let pack = dir.join("pack.yaml");
    std::fs::write(&pack, "rules:\n  - &r\n    id: a\n  - *r\n").unwrap();
    std::fs::remove_file(dir.join("factcheck.yaml")).unwrap();
    let out = run(&dir, &["--rules", "pack.yaml", "d.txt"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pack.yaml:2:5"), "{}", stderr(&out));
    let out = run(&dir, &["rules", "test", "pack.yaml"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pack.yaml:2:5"), "{}", stderr(&out));
    // the server refuses the pack before it listens
    let out = run(
        &dir,
        &["serve", "--addr", "127.0.0.1:0", "--rules", "pack.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pack.yaml:2:5"), "{}", stderr(&out));
}

#[test]
fn reports_stream_in_the_order_given() {
    let dir = scratch("order");
    let names: Vec<String> = (0..40).map(|k| format!("p{k:02}.txt")).collect();
    for (k, name) in names.iter().enumerate() {
        // some pages long, some short, so that they finish out of order
        let page = if k % 3 == 0 {
            CONTRADICTION.repeat(200)
        } else {
            "共有12家。\n".to_string()
        };
        std::fs::write(dir.join(name), page).unwrap();
    }
    let mut args: Vec<&str> = vec!["--format", "json"];
    args.extend(names.iter().rev().map(String::as_str));
    let out = run(&dir, &args, &[]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = names.iter().rev().cloned().collect();
    assert_eq!(paths, expected);
    assert_eq!(report["summary"]["errors"], 14 * 200);
    // the full listing names every file, findings or not
    let mut args: Vec<&str> = vec!["--show", "checks"];
    args.extend(names.iter().map(String::as_str));
    let text = run(&dir, &args, &[]);
    let printed = stdout(&text);
    let order: Vec<&str> = printed
        .lines()
        .filter_map(|l| l.strip_prefix("== "))
        .map(|l| l.trim())
        .collect::<Vec<_>>();
    assert_eq!(order, names.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        stdout(&text).ends_with("2800 个错误，0 个警告，0 条提示\n"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn forged_token_characters_do_not_take_the_run_down() {
    // U+E000/U+E001 delimit the quantity tokens rule patterns match (GBK user-defined characters
    // decode to them): today they forge a token and panic the relation engine, which the run turns
    // into this file's error; once the engine escapes them the file is simply checked
    let dir = scratch("forged");
    let forged: String = (0..6)
        .map(|k| format!("\u{E000}c{k}\u{E001}件，"))
        .collect();
    std::fs::write(dir.join("forged.txt"), format!("共{forged}增长。\n")).unwrap();
    std::fs::write(dir.join("good.txt"), CONTRADICTION).unwrap();
    let out = run(&dir, &["forged.txt", "good.txt"], &[]);
    let code = out.status.code();
    assert!(matches!(code, Some(1 | 2)), "{code:?}: {}", stderr(&out));
    if code == Some(2) {
        assert!(
            stderr(&out).contains("error: forged.txt:"),
            "{}",
            stderr(&out)
        );
    }
    assert!(stdout(&out).contains("error[sum-of-parts]: good.txt"));
    assert!(stdout(&out).ends_with("1 个错误，0 个警告，0 条提示\n"));
}

#[test]
fn numbers_too_large_to_hold_are_noted_not_read() {
    let dir = scratch("unreadable");
    std::fs::write(
        dir.join("a.txt"),
        format!(
            "全市收入1亿亿亿元，余额0.{}元。\n{CONTRADICTION}",
            "7".repeat(30)
        ),
    )
    .unwrap();
    let out = run(&dir, &["--format", "json", "a.txt"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let notes: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["rule"] == "number-unreadable")
        .collect();
    assert_eq!(notes.len(), 2, "{findings:?}");
    assert!(notes.iter().all(|f| f["severity"] == "info"));
    assert_eq!(notes[0]["line"], 1);
    // the readable copy is still checked
    assert!(findings.iter().any(|f| f["rule"] == "sum-of-parts"));
}
