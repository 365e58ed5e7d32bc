//! Every way a rule pack can be wrong, with the exact message a rule author sees
//! (`file:line:column: message`), kept as snapshots under `snapshots/rule-errors/`.

use factcheck_rules::RuleSet;

fn error_of(pack: &str) -> String {
    match RuleSet::load(&[("mine.yaml".to_string(), pack.to_string())]) {
        Ok(_) => "loaded without error".to_string(),
        Err(e) => e.to_string(),
    }
}

fn snapshot(name: &str, pack: &str) {
    let message = error_of(pack);
    insta::with_settings!({ snapshot_path => "../../../snapshots/rule-errors", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name.to_string(), format!("{pack}\n---\n{message}"));
    });
}

#[test]
fn unknown_key() {
    snapshot("unknown-key", "rules:\n  - id: my-sum\n    relaton: sum\n    patterns: [\"{total:count}\\\\({parts:list}\\\\)\"]\n");
}

#[test]
fn bad_pattern() {
    snapshot("bad-pattern", "rules:\n  - id: my-sum\n    relation: sum\n    patterns: [\"{total:count}({parts:list}\"]\n");
}

#[test]
fn unknown_placeholder_type() {
    snapshot("unknown-placeholder-type", "rules:\n  - id: my-growth\n    relation: growth\n    patterns:\n      - \"{current:money}，增长{rate:percnt}\"\n");
}

#[test]
fn unknown_word_class() {
    snapshot("unknown-word-class", "rules:\n  - id: my-growth\n    relation: growth\n    patterns:\n      - \"{current:money}，@rise{rate:percent}\"\n");
}

#[test]
fn missing_role_for_the_relation() {
    snapshot("missing-role", "rules:\n  - id: my-growth\n    relation: growth\n    patterns:\n      - \"{amount:money}，增长{rate:percent}\"\n");
}

#[test]
fn bad_expression() {
    snapshot("bad-expression", "rules:\n  - id: per-capita\n    relation: expression\n    check: \"total / = avg\"\n    patterns:\n      - \"{total:money}…人均{avg:money}\"\n");
}

#[test]
fn check_names_a_missing_placeholder() {
    snapshot("check-missing-placeholder", "rules:\n  - id: per-capita\n    relation: expression\n    check: \"total / people = avg\"\n    patterns:\n      - \"{total:money}…人均{avg:money}\"\n");
}

#[test]
fn message_names_a_missing_placeholder() {
    snapshot("message-missing-placeholder", "rules:\n  - id: my-growth\n    relation: growth\n    message: \"{current}增长{ratio}\"\n    patterns:\n      - \"{current:money}，增长{rate:percent}\"\n");
}

#[test]
fn units_cannot_agree() {
    snapshot("units-disagree", "rules:\n  - id: odd\n    relation: expression\n    check: \"rate = amount\"\n    patterns:\n      - \"{amount:money}，增长{rate:percent}\"\n");
}

#[test]
fn duplicate_id() {
    snapshot("duplicate-id", "rules:\n  - id: growth-rate\n    relation: growth\n    patterns:\n      - \"{current:money}，增长{rate:percent}\"\n");
}

#[test]
fn unknown_relation_and_severity() {
    snapshot("unknown-relation", "rules:\n  - id: mine\n    relation: summ\n    patterns:\n      - \"{total:count}\\\\({parts:list}\\\\)\"\n");
    snapshot("unknown-severity", "rules:\n  - id: mine\n    relation: sum\n    severity: fatal\n    patterns:\n      - \"{total:count}\\\\({parts:list}\\\\)\"\n");
}

#[test]
fn disable_extend_and_severity_must_name_rules() {
    snapshot("disable-unknown", "disable: [no-such-rule]\n");
    snapshot("extends-unknown", "rules:\n  - extends: no-such-rule\n    patterns:\n      - \"{total:count}\\\\({parts:list}\\\\)\"\n");
    snapshot("severity-unknown", "severity:\n  no-such-rule: warning\n");
}

#[test]
fn placeholder_never_used_in_the_check() {
    snapshot("placeholder-unused", "rules:\n  - id: per-capita\n    relation: expression\n    check: \"total / people = avg\"\n    patterns:\n      - \"{people:count}…{total:money}…{year:date}…人均{avg:money}\"\n");
}

#[test]
fn pattern_that_can_never_match() {
    snapshot("never-matches", "rules:\n  - id: my-growth\n    relation: growth\n    patterns:\n      - \"{current:money}，增长{rate:percent}%\"\n");
}
