//! Drafts in Markdown or HTML: everything that is not prose (markup, code blocks, tags, scripts,
//! styles, comments) is blanked with spaces of the same byte length, so every offset of the prose
//! is still its offset in the file. Suppression comments (`<!-- factcheck-ignore RULE: reason -->`)
//! are collected on the way.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    Markdown,
    Html,
}

impl Markup {
    /// The markup a file name suggests.
    pub fn of_path(path: &str) -> Markup {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Markup::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Markup::Html
        } else {
            Markup::Plain
        }
    }
}

/// `<!-- factcheck-ignore growth-rate: quoted from the bureau's release -->`: the rule, the reason
/// (empty when none was given), and where the comment stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoreComment {
    pub rule: String,
    pub reason: String,
    pub at: Range<usize>,
}

/// The text with non-prose blanked, and the suppression comments found. Plain text is all prose:
/// it is lent back, not copied.
pub fn prose(text: &str, markup: Markup) -> (Cow<'_, str>, Vec<IgnoreComment>) {
    let comments = ignore_comments(text);
    let keep = match markup {
        Markup::Plain => return (Cow::Borrowed(text), comments),
        Markup::Markdown => markdown_prose(text),
        Markup::Html => html_prose(text),
    };
    let mut prose = blank_outside(text, &keep);
    if markup == Markup::Html {
        prose = mark_table_cells(text, prose);
    }
    (Cow::Owned(prose), comments)
}

/// An HTML table as pipe rows, so the table reader finds it like any other: each `<td>`/`<th>`
/// tag's `<` becomes `|`, each row one line (its line breaks blanked, `</tr>`'s `<` a line break).
/// Byte lengths do not change.
fn mark_table_cells(text: &str, prose: String) -> String {
    let lower = text.to_ascii_lowercase();
    let mut bytes = prose.into_bytes();
    let mut at = 0;
    while let Some(open) = lower[at..].find("<tr").map(|i| i + at) {
        let Some(close) = lower[open..].find("</tr").map(|i| i + open) else {
            break;
        };
        for b in &mut bytes[open..close] {
            if *b == b'\n' || *b == b'\r' {
                *b = b' ';
            }
        }
        for (i, _) in lower[open..close].match_indices('<') {
            let tag = &lower[open + i..];
            if tag.starts_with("<td") || tag.starts_with("<th") {
                bytes[open + i] = b'|';
            }
        }
        bytes[close] = b'\n';
        at = close + 1;
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn ignore_comments(text: &str) -> Vec<IgnoreComment> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| i + from) {
        // `<!-->` and `<!--->` are empty comments (HTML5): the close may overlap the opening
        let Some(close) = text[open + 2..].find("-->").map(|i| i + open + 2 + 3) else {
            break;
        };
        let body = text.get(open + 4..close - 3).unwrap_or("").trim();
        if let Some(rest) = body.strip_prefix("factcheck-ignore") {
            let (rule, reason) = rest.split_once(':').unwrap_or((rest, ""));
            out.push(IgnoreComment {
                rule: rule.trim().to_string(),
                reason: reason.trim().to_string(),
                at: open..close,
            });
        }
        from = close;
    }
    out
}

/// Byte ranges of Markdown prose: text events outside code blocks.
fn markdown_prose(text: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut keep = Vec::new();
    let mut in_code = 0usize;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(_) if in_code == 0 => keep.push(range),
            _ => {}
        }
    }
    keep
}

/// Byte ranges of HTML text: outside tags, comments, scripts and styles.
fn html_prose(text: &str) -> Vec<Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut keep = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(open) = text[at..].find('<').map(|i| i + at) else {
            keep.push(at..text.len());
            break;
        };
        keep.push(at..open);
        let skip_to = if lower[open..].starts_with("<!--") {
            lower[open..].find("-->").map(|i| open + i + 3)
        } else if lower[open..].starts_with("<script") || lower[open..].starts_with("<style") {
            let name = if lower[open..].starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            lower[open..].find(name).map(|i| open + i + name.len())
        } else {
            text[open..].find('>').map(|i| open + i + 1)
        };
        at = skip_to.unwrap_or(text.len());
    }
    keep
}

/// The text with every byte outside `keep` turned into a space (line breaks stay).
fn blank_outside(text: &str, keep: &[Range<usize>]) -> String {
    let mut bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    for range in keep {
        bytes[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
    }
    // a multi-byte character cut by a kept range cannot occur: ranges fall on character boundaries
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_prose_in_place() {
        let text = "# 网民留言63件\n\n正文**共有**12家。\n\n```\n代码 99件\n```\n";
        let (prose, _) = prose(text, Markup::Markdown);
        assert_eq!(prose.len(), text.len());
        assert!(prose.contains("网民留言63件"));
        assert_eq!(&prose[text.find("12家").unwrap()..][..5], "12家");
        assert!(!prose.contains("99件"), "code is not prose");
        assert!(!prose.contains('#') && !prose.contains('*'));
    }

    #[test]
    fn html_drops_tags_scripts_and_styles() {
        let text =
            "<p>共有<b>12</b>家</p><script>var a = 63;</script><style>p{}</style><!-- note -->";
        let (prose, _) = prose(text, Markup::Html);
        assert_eq!(prose.len(), text.len());
        assert!(prose.contains("共有") && prose.contains("12") && !prose.contains("63"));
    }

    #[test]
    fn html_table_cells_become_pipe_rows() {
        let text = "<table>\n<tr><th>区</th><th>产值（亿元）</th></tr>\n<tr>\n<td>东区</td>\n<td>41.2</td>\n</tr>\n</table>";
        let (prose, _) = prose(text, Markup::Html);
        assert_eq!(prose.len(), text.len());
        let rows: Vec<String> = prose
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(""))
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(rows, vec!["|区|产值（亿元）", "|东区|41.2"]);
    }

    #[test]
    fn empty_comments_are_comments_not_a_panic() {
        for text in [
            "<!-->共12家",
            "<!--->共12家",
            "<!---->共12家",
            "共12家<!--",
            "<!-- -->",
        ] {
            assert!(ignore_comments(text).is_empty(), "{text}");
            for markup in [Markup::Plain, Markup::Markdown, Markup::Html] {
                let (prose, _) = prose(text, markup);
                assert_eq!(prose.len(), text.len(), "{text} {markup:?}");
            }
        }
        let (prose, _) = prose("<!-->共12家", Markup::Html);
        assert_eq!(prose.trim(), "共12家");
        let found = ignore_comments("<!-->\n<!-- factcheck-ignore sum-of-parts: ok -->");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "sum-of-parts");
    }

    #[test]
    fn ignore_comments_are_read() {
        let (_, comments) = prose(
            "<!-- factcheck-ignore growth-rate: quoted -->\n增长5%",
            Markup::Markdown,
        );
        assert_eq!(
            comments,
            vec![IgnoreComment {
                rule: "growth-rate".into(),
                reason: "quoted".into(),
                at: 0..45
            }]
        );
    }
}
