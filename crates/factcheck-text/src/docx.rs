//! Word `.docx` drafts: the prose of `word/document.xml`, one line per paragraph. Spans in a
//! `.docx` report point into this text: the line is the paragraph, the column the character in it.

use std::io::Read;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a readable .docx: {0}")]
pub struct DocxError(pub String);

/// The most bytes `word/document.xml` may inflate to (a long report's is a few megabytes; a
/// compressed file that inflates past this is refused, not read into memory whole).
pub const MAX_INFLATED: u64 = 64 << 20;

/// The paragraphs of a .docx file, joined by line breaks.
pub fn paragraphs(bytes: &[u8]) -> Result<String, DocxError> {
    paragraphs_within(bytes, MAX_INFLATED)
}

/// [`paragraphs`], reading at most `limit` inflated bytes of `word/document.xml`.
pub fn paragraphs_within(bytes: &[u8], limit: u64) -> Result<String, DocxError> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| DocxError(e.to_string()))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|e| DocxError(format!("word/document.xml: {e}")))?;
    let too_large = || {
        DocxError(format!(
            "word/document.xml inflates to more than {} MiB, the most a draft may hold",
            limit >> 20
        ))
    };
    if entry.size() > limit {
        return Err(too_large());
    }
    let mut raw = Vec::new();
    // the declared size may lie: never inflate more than the limit
    entry
        .take(limit + 1)
        .read_to_end(&mut raw)
        .map_err(|e| DocxError(e.to_string()))?;
    if raw.len() as u64 > limit {
        return Err(too_large());
    }
    let xml = String::from_utf8(raw)
        .map_err(|e| DocxError(format!("word/document.xml is not UTF-8: {e}")))?;
    Ok(text_of(&xml))
}

/// Walks the XML: `<w:t>` text, `<w:tab/>` a space, `<w:br/>` within a paragraph a space (a
/// manual line break inside a sentence), `</w:p>` the end of a paragraph.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        if in_text {
            paragraph.push_str(&unescape(&rest[..open]));
        }
        let Some(close) = rest[open..].find('>').map(|i| open + i) else {
            break;
        };
        let tag = &rest[open + 1..close];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        match (name, tag.starts_with('/')) {
            ("w:t", false) => in_text = !tag.ends_with('/'),
            ("w:t", true) => in_text = false,
            ("w:tab", _) | ("w:br", _) => paragraph.push(' '),
            ("w:p", true) => {
                out.push_str(paragraph.trim_end());
                out.push('\n');
                paragraph.clear();
            }
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    out.push_str(paragraph.trim_end());
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_runs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>网民留言</w:t></w:r><w:r><w:t xml:space="preserve">63件</w:t></w:r></w:p><w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t>12家</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(text_of(xml), "网民留言63件\nA&B 12家\n");
    }

    fn docx(xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn an_inflation_past_the_limit_is_refused() {
        let body = format!(
            "<w:document><w:body><w:p><w:r><w:t>共12家{}</w:t></w:r></w:p></w:body></w:document>",
            " ".repeat(3 << 20)
        );
        let bytes = docx(&body);
        assert!(bytes.len() < 64 << 10, "compresses well: {}", bytes.len());
        let error = paragraphs_within(&bytes, 1 << 20).unwrap_err();
        assert!(error.to_string().contains("more than 1 MiB"), "{error}");
        assert!(paragraphs_within(&bytes, 4 << 20)
            .unwrap()
            .starts_with("共12家"));
    }
}
