//! Reading a file's bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, and the legacy
//! Chinese encodings (GB18030/GBK, Big5) that newsroom systems still export.

use crate::offsets::OffsetMap;
use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// Text decoded from a file, with the map from its byte offsets back to the file's bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8`, `gb18030`, `UTF-16LE`.
    pub encoding: &'static str,
    pub to_original: OffsetMap,
}

/// Why a file could not be read as text. Offsets are into the file's bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary data (NUL byte at byte {offset}), not a text file")]
    Binary { offset: usize },
    #[error("not valid {encoding} at byte {offset} (line {line}, column {column})")]
    Malformed {
        encoding: &'static str,
        offset: usize,
        line: usize,
        column: usize,
    },
}

/// Decodes `bytes`, detecting the encoding from a byte-order mark, UTF-8 validity, or the
/// statistics of the bytes (chardetng) for legacy encodings.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == UTF_8 {
            return decode_utf8(&bytes[bom_len..], bom_len);
        }
        return decode_legacy(bytes, bom_len, encoding);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return decode_utf8(bytes, 0);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    // A page that is mostly valid UTF-8 with one broken byte is reported as broken UTF-8 rather than
    // silently read as some legacy encoding.
    // GB18030 is the superset of GBK: read with it so four-byte sequences decode too.
    let encoding = if guess == UTF_8 || looks_like_broken_utf8(bytes) {
        UTF_8
    } else if guess == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        guess
    };
    decode_legacy(bytes, 0, encoding)
}

/// [`decode`], taking the bytes: a UTF-8 file becomes its text in place, so the file is not held
/// twice (as read and as decoded); other encodings are decoded and the bytes dropped.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let bom_len = match Encoding::for_bom(&bytes) {
        Some((encoding, bom_len)) if encoding == UTF_8 => bom_len,
        Some(_) => return decode(&bytes),
        // binary data and legacy encodings take the borrowed path, with its errors
        None if bytes.contains(&0) => return decode(&bytes),
        None => 0,
    };
    bytes.drain(..bom_len);
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            text.shrink_to_fit();
            Ok(Decoded {
                to_original: OffsetMap::shifted(text.len(), bom_len),
                text,
                encoding: UTF_8.name(),
            })
        }
        Err(error) if bom_len > 0 => decode_utf8(error.as_bytes(), bom_len),
        Err(error) => decode(error.as_bytes()),
    }
}

fn decode_utf8(bytes: &[u8], shift: usize) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            to_original: OffsetMap::shifted(text.len(), shift),
        }),
        Err(error) => {
            let good = &bytes[..error.valid_up_to()];
            let text = std::str::from_utf8(good).unwrap_or_default();
            Err(malformed(UTF_8.name(), shift + error.valid_up_to(), text))
        }
    }
}

/// True when the bytes hold long valid UTF-8 multi-byte runs, or when, across the whole file, the
/// bytes above ASCII are overwhelmingly valid UTF-8 sequences (a stray 0xFF early in a UTF-8 draft):
/// a legacy encoding's Chinese text would not be.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let valid = std::str::from_utf8(bytes)
        .err()
        .map(|e| e.valid_up_to())
        .unwrap_or(bytes.len());
    let prefix = &bytes[..valid];
    let multibyte = prefix.iter().filter(|&&b| b >= 0x80).count();
    if multibyte >= 64 && valid * 2 >= bytes.len() {
        return true;
    }
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().bytes().filter(|&b| b >= 0x80).count();
        bad += chunk.invalid().len();
    }
    // four Han characters at least, and eight valid high bytes for every invalid one
    good >= 12 && good >= 8 * bad
}

/// Decodes with `encoding`, feeding the decoder a byte at a time so that every character's source
/// bytes are known exactly; fails on the first malformed sequence.
fn decode_legacy(
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
) -> Result<Decoded, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    let mut map = OffsetMap::default();
    let mut char_start = start;
    let mut buffer = [0u8; 32];
    let input = &bytes[start..];
    for (i, byte) in input.iter().enumerate() {
        let last = i + 1 == input.len();
        let (result, _read, written) = decoder.decode_to_utf8_without_replacement(
            std::slice::from_ref(byte),
            &mut buffer,
            last,
        );
        if let DecoderResult::Malformed(_, _) = result {
            return Err(malformed(encoding.name(), start + i, &text));
        }
        if written > 0 {
            let chunk = std::str::from_utf8(&buffer[..written]).unwrap_or_default();
            let source_end = start + i + 1;
            for (k, ch) in chunk.chars().enumerate() {
                let source_len = if k == 0 { source_end - char_start } else { 0 };
                map.push_substitute(char_start, source_len, ch.len_utf8());
                text.push(ch);
            }
            char_start = source_end;
        }
    }
    if char_start < bytes.len() {
        return Err(malformed(encoding.name(), char_start, &text));
    }
    // room was made for half as much again as the bytes: give back what the text did not take
    text.shrink_to_fit();
    map.shrink_to_fit();
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        to_original: map,
    })
}

fn malformed(encoding: &'static str, offset: usize, decoded_so_far: &str) -> DecodeError {
    let line = decoded_so_far.matches('\n').count() + 1;
    let line_start = decoded_so_far.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = decoded_so_far[line_start..].chars().count() + 1;
    DecodeError::Malformed {
        encoding,
        offset,
        line,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_maps_past_the_bom() {
        let bytes = b"\xEF\xBB\xBF63\xE4\xBB\xB6";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.text, "63件");
        assert_eq!(decoded.to_original.range(0..5), 3..8);
    }

    #[test]
    fn gb18030_maps_each_character_to_its_bytes() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("网民留言63件，其中微信公众号42件。这是一段足够长的中文文本，用来让编码检测器判断出它是简体中文的国标编码。");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "gb18030");
        assert!(decoded.text.starts_with("网民留言63件"));
        // "63件" starts after four two-byte characters
        let start = decoded.text.find("63").unwrap();
        let range = decoded.to_original.range(start..start + "63件".len());
        assert_eq!(range, 8..12);
        assert_eq!(&bytes[range], b"63\xbc\xfe");
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "增长22.4%".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "增长22.4%");
        let start = decoded.text.find('2').unwrap();
        assert_eq!(decoded.to_original.range(start..start + 1), 6..8);
    }

    #[test]
    fn binary_is_rejected() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").unwrap_err(),
            DecodeError::Binary { offset: 4 }
        );
    }

    #[test]
    fn a_stray_byte_early_in_utf8_is_a_located_error_not_windows_1252() {
        let mut bytes = "增".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("长了百分之五，全县新建校舍12所，\n完成投资3.5亿元。".as_bytes());
        match decode(&bytes).unwrap_err() {
            DecodeError::Malformed {
                encoding,
                offset,
                line,
                column,
            } => {
                assert_eq!(encoding, "UTF-8");
                assert_eq!((offset, line, column), (3, 1, 2));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn short_gb18030_is_still_detected() {
        let (bytes, _, _) =
            encoding_rs::GB18030.encode("全县新建校舍12所，完成投资3.5亿元，比上年增长百分之五。");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "gb18030");
    }

    #[test]
    fn broken_utf8_names_line_and_column() {
        let mut bytes = "第一行文字内容，第二个句子也很长，这里有足够多的多字节字符用来判断编码是不是统一码。\n增长".as_bytes().to_vec();
        bytes.push(0xFF);
        let error = decode(&bytes).unwrap_err();
        match error {
            DecodeError::Malformed { line, column, .. } => {
                assert_eq!((line, column), (2, 3));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    #[test]
    fn bytes_given_by_value_decode_as_borrowed_ones_do() {
        let (gb, _, _) =
            encoding_rs::GB18030.encode("全县新建校舍12所，完成投资3.5亿元，比上年增长百分之五。");
        let mut broken = "增".as_bytes().to_vec();
        broken.push(0xFF);
        broken.extend_from_slice("长了百分之五，全县新建校舍12所，\n完成投资3.5亿元。".as_bytes());
        let mut broken_after_bom = b"\xEF\xBB\xBF".to_vec();
        broken_after_bom.extend_from_slice(&broken);
        let pages: Vec<Vec<u8>> = vec![
            b"\xEF\xBB\xBF63\xE4\xBB\xB6".to_vec(),
            "增长22.4%\r\n".as_bytes().to_vec(),
            b"PK\x03\x04\x00\x00".to_vec(),
            b"\xFF\xFE\x1E\x58".to_vec(),
            gb.into_owned(),
            broken,
            broken_after_bom,
            Vec::new(),
        ];
        for page in pages {
            let borrowed = decode(&page);
            let owned = decode_owned(page);
            match (borrowed, owned) {
                (Ok(a), Ok(b)) => {
                    assert_eq!((a.text.as_str(), a.encoding), (b.text.as_str(), b.encoding));
                    for at in 0..=a.text.len() {
                        assert_eq!(a.to_original.start(at), b.to_original.start(at));
                    }
                }
                (a, b) => assert_eq!(a.err(), b.err()),
            }
        }
    }
}
