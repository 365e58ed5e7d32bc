//! The command line as users run it: formats, exit statuses, standard input, and bad input that
//! is reported without stopping the other files.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn factcheck(args: &[&str], stdin: Option<&[u8]>) -> Output {
    factcheck_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."),
        args,
        stdin,
    )
}

/// factcheck run in the folder `dir`.
fn factcheck_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factcheck runs");
    if let Some(bytes) = stdin {
        // a run that stops early (a usage error) may close its input before reading it
        let _ = child.stdin.take().expect("stdin").write_all(bytes);
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("factcheck finishes")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn json_follows_the_contract() {
    let out = factcheck(&["--format", "json", "fixtures/evening-page.txt"], None);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["schema"], "factcheck-report/1");
    let file = &report["files"][0];
    assert_eq!(file["path"], "fixtures/evening-page.txt");
    assert!(file["checks"].as_array().is_some());
    assert!(file["findings"].as_array().is_some());
    let q = file["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .find(|q| q["text"] == "3.64亿元")
        .expect("3.64亿元 is read");
    assert_eq!(q["value"], "364000000");
    assert_eq!(q["lower"], "363500000");
    assert_eq!(q["upper"], "364500000");
    assert_eq!(q["unit"], "元");
    assert_eq!(q["kind"], "money");
    assert_eq!(q["qualifier"], "exact");
    let open = file["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "逾三成")
        .expect("逾三成 is read");
    assert!(open["upper"].is_null(), "an unbounded side is null");
    assert_eq!(report["summary"]["errors"], 0);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let out = factcheck(
        &["--format", "json", "-"],
        Some("网民留言63件。".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["files"][0]["path"], "-");
    assert_eq!(report["files"][0]["quantities"][0]["value"], "63");
}

#[test]
fn bad_input_is_reported_and_the_other_files_still_checked() {
    let dir = std::env::temp_dir().join(format!("factcheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let broken = dir.join("broken.txt");
    let mut bytes = "第一行是正常的中文文本，有足够多的字符来判断它是统一码编码的文件。\n增长"
        .as_bytes()
        .to_vec();
    bytes.push(0xFF);
    std::fs::write(&broken, &bytes).unwrap();
    let (binary, broken) = (binary.to_str().unwrap(), broken.to_str().unwrap());

    let out = factcheck(
        &[
            "--format",
            "json",
            binary,
            "fixtures/evening-page.txt",
            broken,
            "missing.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 4, "every file has its entry, in order");
    assert!(files[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("binary"));
    assert!(files[1]["error"].is_null());
    assert!(!files[1]["quantities"].as_array().unwrap().is_empty());
    assert_eq!(files[2]["error"]["line"], 2);
    assert_eq!(files[2]["error"]["column"], 3);
    assert!(files[3]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot read"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("error: {broken}:2:3: not valid UTF-8")),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_exit_with_2() {
    let out = factcheck(&["--format", "yaml", "fixtures/evening-page.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = factcheck(&[], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fail_on_never_and_clean_pages_exit_0() {
    for level in ["error", "warning", "info", "never"] {
        let out = factcheck(&["--fail-on", level, "fixtures/county-bulletin.txt"], None);
        assert_eq!(out.status.code(), Some(0), "--fail-on {level}");
    }
}

#[test]
fn text_report_names_lines_and_columns() {
    let page = "fixtures/winter-vegetables.gb18030.txt";
    let out = factcheck(&["--show", "checks,quantities", page], None);
    let text = String::from_utf8(out.stdout).expect("text output is UTF-8");
    assert!(text.contains("== fixtures/winter-vegetables.gb18030.txt"));
    assert!(text.contains("3:41"), "{text}");
    assert!(text.contains("1850吨左右"), "{text}");
    assert!(text.contains("处相符"), "the checks are listed: {text}");
    // by default a clean page is one summary line
    let out = factcheck(&[page], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("检查了1个文件，读出"), "{text}");
    assert!(text.ends_with("0 个错误，0 个警告，0 条提示\n"), "{text}");
}

#[test]
fn quiet_statistics_and_colour() {
    let draft = "examples/draft.txt";
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.push(draft);
        let out = factcheck(&all, None);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let default = run(&[]);
    assert_eq!(
        default.lines().filter(|l| l.starts_with("error[")).count(),
        4,
        "{default}"
    );
    let last = default.lines().last().unwrap();
    assert_eq!(
        last, "检查了1个文件，读出16个数字，核对了6处关系：4 个错误，0 个警告，0 条提示",
        "{default}"
    );
    assert!(
        !default.contains("核对了6处关系：1处相符"),
        "no listing by default"
    );
    assert!(!default.contains('\x1b'), "no colour when piped: {default}");

    let quiet = run(&["--quiet"]);
    assert_eq!(quiet, default.strip_suffix(&format!("{last}\n")).unwrap());

    let statistics = run(&["--statistics"]);
    let rows: Vec<&str> = statistics.lines().collect();
    assert_eq!(rows.len(), 5, "four rules and the summary: {statistics}");
    assert!(
        rows.iter()
            .any(|r| r.split_whitespace().collect::<Vec<_>>() == ["1", "sum-of-parts", "[error]"]),
        "{statistics}"
    );

    let coloured = run(&["--color", "always"]);
    assert!(
        coloured.contains("\x1b[1;31merror[sum-of-parts]\x1b[0m"),
        "{coloured}"
    );
    assert_eq!(run(&["--color", "never"]), default);
    // NO_COLOR does not beat an explicit --color always, and auto stays plain when piped
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(["--color", "auto", draft])
        .env("NO_COLOR", "1")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), default);
}

#[test]
fn a_user_rule_pack_adds_a_relation() {
    let out = factcheck(
        &[
            "--rules",
            "examples/rules/per-capita.yaml",
            "--format",
            "json",
            "examples/per-capita-draft.txt",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "per-capita-income");
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("60亿元除以20万人应约为人均4万元："),
        "{finding}"
    );
    // without the pack the draft has nothing to say
    let out = factcheck(&["examples/per-capita-draft.txt"], None);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_wrong_rule_file_stops_with_its_place() {
    let dir = std::env::temp_dir().join(format!("factcheck-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("bad.yaml");
    std::fs::write(&pack, "rules:\n  - id: odd\n    relation: growth\n    patterns:\n      - \"{current:money}增长{rate:percnt}\"\n").unwrap();
    let out = factcheck(
        &[
            "--rules",
            pack.to_str().unwrap(),
            "fixtures/evening-page.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:5:33: rule `odd`: bad pattern: unknown placeholder type `percnt`",
            pack.display()
        )),
        "{stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "nothing is checked with a broken rule set"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn findings_set_the_exit_status() {
    let page = "网民留言63件（微信公众号42件，政府网13件，服务网3件，人民网9件）。";
    let out = factcheck(&["-"], Some(page.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[sum-of-parts]: -:1:5:"), "{text}");
    assert!(
        text.contains("42件+13件+3件+9件 = 67件，而文中为63件"),
        "{text}"
    );
    let out = factcheck(&["--fail-on", "never", "-"], Some(page.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn dot_shows_the_graph() {
    let out = factcheck(&["--format", "dot", "fixtures/relations/sum-1.txt"], None);
    assert_eq!(out.status.code(), Some(0));
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.starts_with("digraph factcheck {"));
    assert!(dot.contains("[label=\"1860件\", tooltip="), "{dot}");
    assert!(dot.contains("shape=diamond"), "{dot}");
    assert_eq!(dot.matches("subgraph cluster_").count(), 1, "{dot}");
    // many files: still one graph, a cluster each, contradictions in red
    let out = factcheck(
        &[
            "--format",
            "dot",
            "fixtures/relations/sum-1.txt",
            "examples/draft.txt",
        ],
        None,
    );
    let dot = String::from_utf8(out.stdout).unwrap();
    assert_eq!(dot.matches("digraph").count(), 1, "{dot}");
    assert_eq!(dot.matches("subgraph cluster_").count(), 2, "{dot}");
    assert!(dot.contains("label=\"examples/draft.txt\";"), "{dot}");
    assert!(
        dot.lines()
            .any(|l| l.contains("矛盾") && l.contains("color=red")),
        "{dot}"
    );
    assert_eq!(dot.matches('{').count(), dot.matches('}').count(), "{dot}");
}

#[test]
fn rules_list_explain_and_test() {
    let out = factcheck(&["rules", "list"], None);
    assert_eq!(out.status.code(), Some(0));
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(
        list.lines()
            .any(|l| l.starts_with("sum-of-parts") && l.contains("sum") && l.contains("error")),
        "{list}"
    );

    let out = factcheck(
        &[
            "rules",
            "list",
            "--format",
            "json",
            "--rules",
            "examples/rules/per-capita.yaml",
        ],
        None,
    );
    let rules = json(&out);
    assert!(rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "per-capita-income" && r["relation"] == "expression"));

    let out = factcheck(&["rules", "explain", "span-days"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("span-days (span, error)"), "{text}");
    assert!(
        text.contains("会报错的例子：") || text.contains("会报错的例子: "),
        "{text}"
    );
    let out = factcheck(&["rules", "explain", "span-days", "--lang", "en"], None);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("What it checks: the dates of a span"));
    let out = factcheck(&["rules", "explain", "no-such-rule"], None);
    assert_eq!(out.status.code(), Some(2));

    let out = factcheck(&["rules", "test", "examples/rules"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("per-capita-income") && l.contains("5 passed")),
        "{text}"
    );
}

#[test]
fn rules_test_fails_on_a_wrong_example() {
    let dir = std::env::temp_dir().join(format!("factcheck-rtest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/rules/per-capita.yaml"),
    )
    .unwrap();
    // a "valid" example that is in fact wrong
    let pack = pack.replace(
        "全区户籍人口5万人，收入总量达10亿元，人均2万元。",
        "全区户籍人口5万人，收入总量达10亿元，人均5万元。",
    );
    std::fs::write(dir.join("per-capita.yaml"), pack).unwrap();
    std::fs::write(dir.join("page.txt"), "全县常住人口20万人，居民可支配收入总量为60亿元，人均3万元。〔expect: per-capita-income〕\n").unwrap();
    let out = factcheck(&["rules", "test", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "valid example gave a finding: 全区户籍人口5万人，收入总量达10亿元，人均5万元。"
        ),
        "{text}"
    );
    assert!(
        text.contains("page.txt:1: expected per-capita-income, found []"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn packs_switch_off_reweigh_and_extend_rules() {
    let dir = std::env::temp_dir().join(format!("factcheck-extend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.txt");
    std::fs::write(
        &page,
        "网民留言63件（微信公众号42件，政府网13件，人民网9件）。\n特种钢材合格率从92%升至89%。\n",
    )
    .unwrap();
    let pack = dir.join("house.yaml");
    std::fs::write(
        &pack,
        "disable: [change-direction]\nseverity:\n  sum-of-parts: warning\n",
    )
    .unwrap();
    let out = factcheck(
        &[
            "--format",
            "json",
            "--rules",
            pack.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
        None,
    );
    let findings = json(&out)["files"][0]["findings"].clone();
    let rules: Vec<(&str, &str)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(rules, vec![("sum-of-parts", "warning")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings do not fail by default"
    );

    // a new phrasing for a built-in rule, without copying it
    std::fs::write(
        &page,
        "网民留言63件：微信公众号42件，政府网13件，人民网9件。\n",
    )
    .unwrap();
    std::fs::write(&pack, "rules:\n  - extends: sum-of-parts\n    patterns:\n      - \"{total:count}：{parts:list(count)}。\"\n").unwrap();
    let out = factcheck(
        &[
            "--format",
            "json",
            "--rules",
            pack.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        json(&out)["files"][0]["findings"][0]["rule"],
        "sum-of-parts"
    );

    // words for the grammar: a plan name that holds numerals
    std::fs::write(&page, "推进\"三个一百\"工程，新建项目12个。\n").unwrap();
    let out = factcheck(&["--format", "json", page.to_str().unwrap()], None);
    assert_eq!(
        json(&out)["files"][0]["quantities"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "三个 is read as a count without the pack"
    );
    std::fs::write(
        &pack,
        "vocabulary:\n  non_quantities:\n    words: [三个一百]\n",
    )
    .unwrap();
    let out = factcheck(
        &[
            "--format",
            "json",
            "--rules",
            pack.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
        None,
    );
    let quantities = json(&out)["files"][0]["quantities"].clone();
    assert_eq!(quantities.as_array().unwrap().len(), 1, "{quantities}");
    assert_eq!(quantities[0]["text"], "12个");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_rule_reference_is_in_sync() {
    let out = factcheck(&["rules", "list", "--format", "markdown"], None);
    let generated = String::from_utf8(out.stdout).unwrap();
    let stored = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules-reference.md"),
    )
    .unwrap();
    assert!(generated == stored, "docs/rules-reference.md is stale: run `cargo run -- rules list --format markdown > docs/rules-reference.md`");
}

#[test]
fn every_output_format_and_an_output_file() {
    let draft = "examples/draft.txt";
    let out = factcheck(&["--format", "github", draft], None);
    let github = String::from_utf8(out.stdout).unwrap();
    assert!(github.lines().next().unwrap().starts_with("::error file=examples/draft.txt,line=1,col=5,title=factcheck sum-of-parts::分项之和与总数不符"), "{github}");
    assert!(
        github.contains("从92%25升至89%25"),
        "percent signs are escaped: {github}"
    );

    let out = factcheck(&["--format", "junit", draft], None);
    let junit = String::from_utf8(out.stdout).unwrap();
    assert!(
        junit.contains("<testsuites name=\"factcheck\" tests=\"1\" failures=\"1\" errors=\"0\">"),
        "one file, failing: {junit}"
    );
    assert_eq!(junit.matches("<failure ").count(), 1, "{junit}");
    let out = factcheck(&["--format", "junit", "--fail-on", "never", draft], None);
    let junit = String::from_utf8(out.stdout).unwrap();
    assert!(junit.contains("failures=\"0\""), "nothing fails: {junit}");
    assert!(junit.contains("<system-out>"), "{junit}");

    let out = factcheck(&["--format", "markdown", draft], None);
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(
        markdown.starts_with("### factcheck: 4 errors, 0 warnings, 0 notes in 1 files"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| ❌ error | `examples/draft.txt:3:14` | `change-direction` |"),
        "{markdown}"
    );

    let target = std::env::temp_dir().join(format!("factcheck-{}.sarif", std::process::id()));
    let out = factcheck(
        &["--format", "sarif", "-o", target.to_str().unwrap(), draft],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "the report went to the file");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "sum-of-parts");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(
        (region["byteOffset"].as_u64(), region["byteLength"].as_u64()),
        (Some(12), Some(5))
    );
    assert_eq!(
        (region["charOffset"].as_u64(), region["charLength"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(result["relatedLocations"].as_array().unwrap().len(), 4);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().any(|r| r["id"] == "span-days"));
    for rule in rules {
        let uri = rule["helpUri"].as_str().unwrap();
        assert!(
            uri.ends_with(&format!(
                "/docs/rules-reference.md#{}",
                rule["id"].as_str().unwrap()
            )),
            "{uri}"
        );
    }
    let fingerprint = &result["partialFingerprints"]["factcheck/v1"];
    assert!(
        fingerprint.as_str().is_some_and(|f| f.len() == 16),
        "{fingerprint}"
    );
    std::fs::remove_file(&target).ok();
}

#[test]
fn folders_are_walked_in_order_honouring_gitignore() {
    let dir = std::env::temp_dir().join(format!("factcheck-walk-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("b/drafts")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("a/one.txt"), "共有企业12家。\n").unwrap();
    std::fs::write(
        dir.join("b/drafts/two.md"),
        "网民留言63件（微信42件，网站21件）。\n",
    )
    .unwrap();
    std::fs::write(dir.join("b/skip.txt"), "不应被读取的草稿8件。\n").unwrap();
    std::fs::write(dir.join("b/notes.pdf"), "not a draft").unwrap();
    std::fs::write(dir.join(".gitignore"), "b/skip.txt\n").unwrap();
    // .gitignore is honoured inside a git work tree
    std::process::Command::new("git")
        .arg("init")
        .arg("-q")
        .arg(&dir)
        .status()
        .ok();
    let out = factcheck(&["--format", "json", dir.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let paths: Vec<String> = json(&out)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let names: Vec<&str> = paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, vec!["one.txt", "two.md"], "{paths:?}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A scratch folder holding the draft of the examples.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("factcheck-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    let draft =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/draft.txt"))
            .unwrap();
    std::fs::write(dir.join("drafts/draft.txt"), draft).unwrap();
    dir
}

fn fingerprints(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["fingerprint"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn configuration_is_found_upward_and_flags_win() {
    let dir = scratch("config");
    let draft = dir.join("drafts/draft.txt");
    std::fs::write(
        dir.join("factcheck.yaml"),
        "format: markdown\nfail_on: never\n",
    )
    .unwrap();
    let out = factcheck(&[draft.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "fail_on: never from the file");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("### factcheck: 4 errors"));
    let out = factcheck(
        &[
            "--format",
            "json",
            "--fail-on",
            "error",
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "flags win");
    assert_eq!(json(&out)["summary"]["errors"], 4);

    std::fs::write(
        dir.join("factcheck.yaml"),
        "format: json\nfail_onn: never\n",
    )
    .unwrap();
    let out = factcheck(&[draft.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("factcheck.yaml:2:1: unknown field `fail_onn`"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn suppressions_need_reasons_and_must_still_match() {
    let dir = scratch("suppress");
    let draft = dir.join("drafts/draft.txt");
    let out = factcheck(&["--format", "json", draft.to_str().unwrap()], None);
    let all = fingerprints(&json(&out));
    assert_eq!(all.len(), 4);
    let config = format!("suppress:\n  - fingerprint: {}\n    reason: quoted from the bureau's release\n  - fingerprint: {}\n  - fingerprint: 0123456789abcdef\n    reason: fixed long ago\n", all[0], all[1]);
    std::fs::write(dir.join("factcheck.yaml"), config).unwrap();
    // the whole folder: a suppression naming no file could have matched anywhere in it
    let out = factcheck(&["--format", "json", dir.to_str().unwrap()], None);
    let report = json(&out);
    assert_eq!(report["summary"]["suppressed"], 2);
    assert_eq!(report["summary"]["errors"], 2);
    let rules: Vec<&str> = report["files"][1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["suppression-without-reason", "unused-suppression"]
    );
    assert_eq!(report["files"][1]["findings"][1]["line"], 5);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_baseline_lets_only_new_findings_fail() {
    let dir = scratch("baseline");
    let draft = dir.join("drafts/draft.txt");
    let baseline = dir.join("baseline.json");
    let out = factcheck(
        &[
            "--write-baseline",
            baseline.to_str().unwrap(),
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "writing a baseline still reports"
    );
    let out = factcheck(
        &[
            "--baseline",
            baseline.to_str().unwrap(),
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "nothing new");
    // an edit elsewhere keeps the old findings known; a new contradiction fails the gate
    let mut text = std::fs::read_to_string(&draft).unwrap();
    text.insert_str(0, "编者按：以下为本周热线数据。\n");
    text.push_str(
        "全年共接收捐款合计8.6亿元，其中慈善总会4.1亿元，红十字会3.7亿元，其他组织1.8亿元。\n",
    );
    std::fs::write(&draft, text).unwrap();
    let out = factcheck(
        &[
            "--format",
            "json",
            "--baseline",
            baseline.to_str().unwrap(),
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(
        report["summary"]["suppressed"], 4,
        "the four known findings keep their fingerprints"
    );
    assert_eq!(report["files"][0]["findings"][0]["rule"], "sum-of-parts");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_publication_date_gives_years() {
    let page = "11月3日（星期二）起，政务服务中心延长服务时间。";
    let out = factcheck(
        &["--format", "json", "--date", "2025-11-01", "-"],
        Some(page.as_bytes()),
    );
    let report = json(&out);
    assert_eq!(report["files"][0]["quantities"][0]["value"], "2025-11-03");
    assert_eq!(
        report["files"][0]["findings"][0]["rule"], "weekday-matches",
        "2025-11-03 is a Monday"
    );
    let out = factcheck(&["--date", "2025-13-01", "-"], Some(page.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn init_writes_a_starter_configuration() {
    let dir = std::env::temp_dir().join(format!("factcheck-init-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .arg("init")
            .current_dir(dir)
            .output()
            .unwrap()
    };
    assert_eq!(run(&dir).status.code(), Some(0));
    let written = std::fs::read_to_string(dir.join("factcheck.yaml")).unwrap();
    assert!(written.contains("fail_on: error") && written.contains("suppress: []"));
    assert_eq!(run(&dir).status.code(), Some(2), "an existing file is kept");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn markdown_and_html_drafts_read_only_their_prose() {
    let out = factcheck(
        &[
            "--format",
            "json",
            "fixtures/drafts/hotline.md",
            "fixtures/drafts/plant.html",
        ],
        None,
    );
    let report = json(&out);
    let md = &report["files"][0];
    let rules: Vec<&str> = md["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    // the sum is suppressed with a reason; the span in the code block is not prose
    assert_eq!(
        rules,
        vec![
            "suppression-without-reason",
            "unused-suppression",
            "change-direction"
        ]
    );
    let finding = &md["findings"][2];
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(7), Some(14))
    );
    let html = &report["files"][1];
    let texts: Vec<&str> = html["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(!texts.contains(&"63"), "scripts are not prose: {texts:?}");
    let change = html["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "change-direction")
        .expect("a finding in the HTML");
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/drafts/plant.html"),
    )
    .unwrap();
    let start = change["start"].as_u64().unwrap() as usize;
    let end = change["end"].as_u64().unwrap() as usize;
    assert_eq!(
        &bytes[start..end],
        "89%".as_bytes(),
        "spans point into the HTML file"
    );
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn include_and_exclude_choose_the_drafts() {
    let dir = scratch("globs");
    std::fs::create_dir_all(dir.join("drafts/archive")).unwrap();
    std::fs::write(
        dir.join("drafts/archive/old.txt"),
        "网民留言63件（微信42件，网站29件）。\n",
    )
    .unwrap();
    std::fs::write(dir.join("drafts/notes.md"), "共有企业12家。\n").unwrap();
    std::fs::write(
        dir.join("factcheck.yaml"),
        "include: [\"**/*.txt\"]\nexclude: [\"**/archive/**\"]\n",
    )
    .unwrap();
    let out = factcheck(
        &["--format", "json", dir.join("drafts").to_str().unwrap()],
        None,
    );
    let paths: Vec<String> = json(&out)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].ends_with("drafts/draft.txt"), "{paths:?}");
    std::fs::write(dir.join("factcheck.yaml"), "exclude: [\"[\"]\n").unwrap();
    let out = factcheck(&[dir.join("drafts").to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("factcheck.yaml:1:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn word_drafts_report_paragraph_and_character() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("factcheck-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("draft.docx");
    let mut archive = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    archive.start_file("[Content_Types].xml", options).unwrap();
    archive
        .write_all(b"<?xml version=\"1.0\"?><Types/>")
        .unwrap();
    archive.start_file("word/document.xml", options).unwrap();
    let body = "<w:document><w:body><w:p><w:r><w:t>热线日报</w:t></w:r></w:p><w:p><w:r><w:t>网民留言</w:t></w:r><w:r><w:t>63件（微信公众号42件，政府网13件，人民网9件）。</w:t></w:r></w:p></w:body></w:document>";
    archive.write_all(body.as_bytes()).unwrap();
    archive.finish().unwrap();
    let out = factcheck(&["--format", "json", path.to_str().unwrap()], None);
    let report = json(&out);
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "sum-of-parts");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(2), Some(5)),
        "paragraph 2, character 5"
    );

    std::fs::write(dir.join("broken.docx"), b"PK not really").unwrap();
    let out = factcheck(&[dir.join("broken.docx").to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a readable .docx"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_configuration_selects_and_reweighs_rules() {
    let dir = scratch("select");
    std::fs::write(
        dir.join("factcheck.yaml"),
        "disable: [change-direction]\nseverity:\n  span-days: warning\n",
    )
    .unwrap();
    let out = factcheck(
        &[
            "--format",
            "json",
            dir.join("drafts/draft.txt").to_str().unwrap(),
        ],
        None,
    );
    let findings = json(&out)["files"][0]["findings"].clone();
    let rules: Vec<(&str, &str)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rules,
        vec![
            ("sum-of-parts", "error"),
            ("growth-base-stated", "error"),
            ("span-days", "warning")
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn suppressions_are_reported_unused_only_where_they_could_have_matched() {
    let dir = scratch("partial");
    let other = "市长热线共受理来信250件（网上来信150件，信箱来信80件）。\n";
    std::fs::write(dir.join("drafts/other.txt"), other).unwrap();
    std::fs::write(
        dir.join("drafts/copy.txt"),
        std::fs::read(dir.join("drafts/draft.txt")).unwrap(),
    )
    .unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let out = factcheck(&["--format", "json", &path("drafts/draft.txt")], None);
    let in_draft = fingerprints(&json(&out));
    let out = factcheck(&["--format", "json", &path("drafts/other.txt")], None);
    let in_other = fingerprints(&json(&out));
    assert_eq!((in_draft.len(), in_other.len()), (4, 1));
    std::fs::write(
        dir.join("factcheck.yaml"),
        format!(
            "suppress:\n\
             - fingerprint: {}\n  file: drafts/draft.txt\n  reason: as the bureau printed it\n\
             - fingerprint: {}\n  file: drafts/other.txt\n  reason: as the bureau printed it\n\
             - fingerprint: 0123456789abcdef\n  file: drafts/other.txt\n  reason: fixed long ago\n\
             - fingerprint: fedcba9876543210\n  reason: fixed long ago, in some file\n",
            in_draft[0], in_other[0]
        ),
    )
    .unwrap();
    let problems = |report: &serde_json::Value| -> Vec<String> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"].as_str().unwrap().ends_with("factcheck.yaml"))
            .flat_map(|f| f["findings"].as_array().unwrap().clone())
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };

    // a hook given only the changed draft: the other file's suppressions are not judged
    let out = factcheck(&["--format", "json", &path("drafts/draft.txt")], None);
    let report = json(&out);
    assert_eq!(problems(&report), Vec::<String>::new());
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["summary"]["errors"], 3);
    assert_eq!(out.status.code(), Some(1));

    // checking the other file judges the suppressions naming it
    let out = factcheck(&["--format", "json", &path("drafts/other.txt")], None);
    let report = json(&out);
    assert_eq!(
        problems(&report),
        vec!["suppression of 0123456789abcdef matches no finding in drafts/other.txt any more"]
    );
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["summary"]["errors"], 0);

    // a suppression naming its file leaves the same finding in another file alone
    let out = factcheck(&["--format", "json", &path("drafts/copy.txt")], None);
    let report = json(&out);
    assert_eq!(report["summary"]["errors"], 4);
    assert_eq!(problems(&report), Vec::<String>::new());

    // the whole folder judges them all, the one naming no file too
    let out = factcheck(&["--format", "json", dir.to_str().unwrap()], None);
    let report = json(&out);
    assert_eq!(
        problems(&report),
        vec![
            "suppression of 0123456789abcdef matches no finding in drafts/other.txt any more",
            "suppression of fedcba9876543210 matches no finding any more"
        ]
    );
    assert_eq!(report["summary"]["suppressed"], 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn annotations_name_files_from_the_repository_root() {
    let dir = scratch("root");
    std::fs::write(dir.join("factcheck.yaml"), "fail_on: never\n").unwrap();
    let drafts = dir.join("drafts");
    let absolute = drafts.join("draft.txt");
    // run inside the drafts folder, the file given relative to it or as an absolute path
    for given in ["draft.txt", absolute.to_str().unwrap()] {
        let out = factcheck_in(&drafts, &["--format", "github", given], None);
        let github = String::from_utf8(out.stdout).unwrap();
        assert!(
            github.starts_with("::error file=drafts/draft.txt,line=1,col=5,"),
            "{github}"
        );
        let out = factcheck_in(&drafts, &["--format", "sarif", given], None);
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"],
            "drafts/draft.txt"
        );
        let out = factcheck_in(&drafts, &["--format", "junit", given], None);
        let junit = String::from_utf8(out.stdout).unwrap();
        assert!(junit.contains("name=\"drafts/draft.txt\""), "{junit}");
        assert!(!junit.contains(&format!("\"{given}\"")), "{junit}");
    }
    // the terminal's report keeps the path as given
    let out = factcheck_in(&drafts, &["draft.txt"], None);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("error[sum-of-parts]: draft.txt:"));

    // without a configuration, the git work tree is the root
    std::fs::remove_file(dir.join("factcheck.yaml")).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    let out = factcheck_in(&drafts, &["--format", "github", "draft.txt"], None);
    let github = String::from_utf8(out.stdout).unwrap();
    assert!(
        github.starts_with("::error file=drafts/draft.txt,line=1,col=5,"),
        "{github}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_total_its_parts_fix_says_what_it_should_be() {
    let page = "全区受理投诉58件（电话投诉30件，网上投诉21件，来访投诉10件）。";
    let out = factcheck(&["--format", "json", "-"], Some(page.as_bytes()));
    let report = json(&out);
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "sum-of-parts");
    assert_eq!(finding["expected"], "61件");
    let text = factcheck(&["-"], Some(page.as_bytes()));
    assert!(String::from_utf8_lossy(&text.stdout).contains("= help: 应为61件"));
    let sarif = factcheck(&["--format", "sarif", "-"], Some(page.as_bytes()));
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0];
    assert_eq!(fix["description"]["text"], "应为61件");
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "61件");
    // the region replaced is the total as printed
    let at = page.find("58件").unwrap();
    assert_eq!(replacement["deletedRegion"]["byteOffset"], at);
    assert_eq!(replacement["deletedRegion"]["byteLength"], "58件".len());
    // a date span fixes its days
    let page = "10月8日至12日，市图书馆举办为期6天的读书周活动。";
    let report = json(&factcheck(
        &["--format", "json", "--date", "2025-10-01", "-"],
        Some(page.as_bytes()),
    ));
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "span-days");
    assert_eq!(finding["expected"], "5天");
    // a relation whose parts are not all printed fixes nothing
    let page = "今年全市生产总值500亿元，比上年增长6%。";
    let report = json(&factcheck(
        &["--format", "json", "-"],
        Some(page.as_bytes()),
    ));
    assert!(report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f.get("expected").is_none()));
}
