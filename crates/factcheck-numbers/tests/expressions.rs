//! The grammar table: every case of `expressions.txt`, read in its sentence, must give exactly the
//! listed quantities (text as printed, value, bounds, unit, kind, qualifier) and nothing else.

use factcheck_numbers::{read_quantities, ReadOptions, Vocabulary};
use factcheck_text::SourceText;

struct Case {
    line: usize,
    sentence: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let table = include_str!("expressions.txt");
    let mut cases: Vec<Case> = Vec::new();
    let mut in_sentence = false;
    for (k, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            in_sentence = false;
            continue;
        }
        if let Some(sentence) = line.strip_prefix('>') {
            let sentence = sentence.strip_prefix(' ').unwrap_or(sentence);
            match cases.last_mut() {
                Some(case) if in_sentence => {
                    case.sentence.push('\n');
                    case.sentence.push_str(sentence);
                }
                _ => cases.push(Case {
                    line: k + 1,
                    sentence: sentence.to_string(),
                    expected: Vec::new(),
                }),
            }
            in_sentence = true;
            continue;
        }
        in_sentence = false;
        let case = cases.last_mut().expect("an expectation follows a sentence");
        if line.trim() != "-" {
            case.expected.push(canonical_expectation(line));
        }
    }
    cases
}

/// `text | value | lower .. upper | unit | kind | qualifier`, with `=` bounds spelled out.
fn canonical_expectation(line: &str) -> String {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    assert_eq!(fields.len(), 6, "expectation needs six fields: {line}");
    let bounds = if fields[2] == "=" {
        format!("{} .. {}", fields[1], fields[1])
    } else {
        fields[2].to_string()
    };
    let text = fields[0].replace("\\n", "\n");
    format!(
        "{} | {} | {} | {} | {} | {}",
        text,
        fields[1],
        bounds.trim(),
        fields[3],
        fields[4],
        fields[5]
    )
}

fn actual(vocab: &Vocabulary, sentence: &str) -> Vec<String> {
    let source = SourceText::from_bytes(sentence.as_bytes(), vocab).expect("decodes");
    read_quantities(&source, vocab, &ReadOptions::default())
        .iter()
        .map(|q| {
            let located = source.locate(q.span.clone());
            let text = &sentence[located.start..located.end];
            let (lower, upper) = q.bound_texts();
            let unit = if q.unit.is_empty() {
                "-"
            } else {
                q.unit.as_str()
            };
            let bounds = format!(
                "{} .. {}",
                lower.unwrap_or_default(),
                upper.unwrap_or_default()
            );
            format!(
                "{} | {} | {} | {} | {} | {}",
                text,
                q.value_text(),
                bounds.trim(),
                unit,
                q.kind,
                q.qualifier.name()
            )
        })
        .collect()
}

#[test]
fn every_expression_reads_as_listed() {
    let vocab = Vocabulary::builtin();
    let cases = cases();
    assert!(cases.len() >= 200, "the table holds {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = actual(&vocab, &case.sentence);
        if got != case.expected {
            failures.push(format!(
                "line {}: {}\n  expected: {:#?}\n  got:      {:#?}",
                case.line, case.sentence, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
