//! Every span leaving the text layer points at the original bytes: the bytes at start..end,
//! decoded on their own, are the quantity as printed (up to OCR whitespace and the canonical
//! forms of full-width characters), and line/column agree with a count made from scratch.

use factcheck_numbers::{read_quantities, ReadOptions, Vocabulary};
use factcheck_text::chars::canonical;
use factcheck_text::SourceText;
use std::path::{Path, PathBuf};

fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures"))
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(
        pages.iter().any(|p| p.ends_with("seed-xining-page.txt")),
        "the reference page is among the fixtures"
    );
    pages.sort();
    pages
}

/// The printed characters in their canonical form, whitespace and thousands separators dropped.
fn canonical_text(printed: &str) -> String {
    let chars: Vec<char> = printed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{FEFF}')
        .collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| !(c == ',' && i > 0 && chars[i - 1].is_ascii_digit()))
        .map(|(i, &c)| {
            canonical(
                c,
                i.checked_sub(1).map(|p| chars[p]),
                chars.get(i + 1).copied(),
            )
        })
        .collect()
}

#[test]
fn spans_map_back_to_the_original_bytes() {
    let vocab = Vocabulary::builtin();
    let mut checked = 0;
    for page in pages() {
        let bytes = std::fs::read(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        let source = SourceText::from_bytes(&bytes, &vocab).expect("decodes");
        let encoding = encoding_rs::Encoding::for_label(source.decoded.encoding.as_bytes())
            .expect("known encoding");
        for q in read_quantities(&source, &vocab, &ReadOptions::default()) {
            let at = source.locate(q.span.clone());
            let (printed, _, malformed) = encoding.decode(&bytes[at.start..at.end]);
            assert!(
                !malformed,
                "{}: bytes {}..{} do not decode alone",
                page.display(),
                at.start,
                at.end
            );
            let printed = printed.trim_start_matches('\u{FEFF}');
            assert_eq!(
                canonical_text(printed),
                &source.text()[q.span.clone()],
                "{}: bytes {}..{}",
                page.display(),
                at.start,
                at.end
            );

            // line and column counted from the decoded text up to the start
            let decoded_before = encoding.decode(&bytes[..at.start]).0;
            let before = decoded_before.trim_start_matches('\u{FEFF}');
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .map(|l| l.trim_end_matches('\r').chars().count())
                .unwrap_or(0)
                + 1;
            assert_eq!(
                (at.line, at.column),
                (line, column),
                "{}: {printed}",
                page.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 180, "only {checked} spans checked");
}

/// Tables in Markdown and HTML drafts: every cell read points at its bytes in the file.
#[test]
fn table_cells_of_drafts_map_back_to_the_file() {
    let vocab = Vocabulary::builtin();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/drafts");
    for (name, cells) in [
        (
            "district-output.md",
            ["41.2", "44.0", "6.8", "18.5", "19.1", "3.2"],
        ),
        (
            "district-output.html",
            ["4120", "6.8", "1850", "3.2", "", ""],
        ),
    ] {
        let bytes = std::fs::read(root.join(name)).expect("draft");
        let markup = factcheck_text::markup::Markup::of_path(name);
        let (source, _) = SourceText::from_draft(&bytes, markup, &vocab).expect("decodes");
        let printed: Vec<String> = read_quantities(&source, &vocab, &ReadOptions::default())
            .iter()
            .filter(|q| q.measures.is_some())
            .map(|q| {
                let at = source.locate(q.span.clone());
                String::from_utf8(bytes[at.start..at.end].to_vec()).expect("whole characters")
            })
            .collect();
        let expected: Vec<&str> = cells.into_iter().filter(|c| !c.is_empty()).collect();
        assert_eq!(printed, expected, "{name}");
    }
}
