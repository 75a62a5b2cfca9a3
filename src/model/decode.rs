//! Turning the bytes of an input into text, or refusing them as not text.
//!
//! Accepted: UTF-8 with or without a byte-order mark, UTF-16 (LE or BE) with one, and legacy
//! single-byte text (Latin-1 / Windows-1252), which is recognised because it is not valid UTF-8
//! and holds no valid multi-byte UTF-8 sequence at all. A file that is mostly UTF-8 with a few
//! broken sequences keeps its UTF-8 and gets U+FFFD for the broken bytes, with a warning.
//! Refused: anything with NUL bytes (without a UTF-16 mark) or with many control bytes.

/// The outcome of decoding: the text and any warning worth telling the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, before cleaning.
    pub text: String,
    /// A one-line warning, if the input needed repair.
    pub warning: Option<String>,
}

/// Share of control bytes (other than tab, newline, carriage return, form feed and escape) above
/// which the input is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Decode `bytes`, or say in a few words why they are not text.
///
/// # Errors
/// Returns the reason as a string when the input is binary or cannot be decoded.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(utf8(rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes), not text".into());
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    #[allow(clippy::cast_precision_loss)]
    if !bytes.is_empty() && controls as f64 / bytes.len() as f64 > MAX_CONTROL_SHARE {
        return Err("binary data (control bytes), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            warning: None,
        }),
        Err(_) if !has_multibyte_utf8(bytes) => Ok(Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            warning: Some("not UTF-8; read as Windows-1252 (Latin-1)".into()),
        }),
        Err(_) => Ok(utf8(bytes)),
    }
}

fn utf8(bytes: &[u8]) -> Decoded {
    match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Borrowed(s) => Decoded {
            text: s.to_owned(),
            warning: None,
        },
        std::borrow::Cow::Owned(s) => {
            let n = s.matches('\u{fffd}').count();
            Decoded {
                text: s,
                warning: Some(format!(
                    "{n} invalid UTF-8 sequence{} replaced with �",
                    if n == 1 { "" } else { "s" }
                )),
            }
        }
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<Decoded, String> {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => word([*a, *b]),
        _ => 0xFFFD,
    });
    let mut bad = bytes.len() % 2;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{fffd}'
            })
        })
        .collect();
    if text.contains('\0') {
        return Err("binary data (NUL characters in UTF-16), not text".into());
    }
    Ok(Decoded {
        text,
        warning: (bad > 0).then(|| format!("{bad} invalid UTF-16 units replaced with �")),
    })
}

/// Whether `bytes` holds at least one well-formed multi-byte UTF-8 sequence: true of UTF-8 text
/// with a few broken bytes, false of legacy single-byte text.
fn has_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return s.bytes().any(|b| b >= 0x80),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if valid.iter().any(|&b| b >= 0x80) {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

/// Windows-1252, which is Latin-1 with printable characters in 0x80–0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_loses_the_bom() {
        let d = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(d.text, "hello");
        assert!(d.warning.is_none());
    }

    #[test]
    fn utf16_le_and_be_with_bom_decode() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyiv — “ok”".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Kyiv — “ok”");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Kyiv");
    }

    #[test]
    fn nul_bytes_are_refused() {
        assert!(decode(b"PK\x03\x04\x00\x00binary").is_err());
    }

    #[test]
    fn latin1_is_read_as_windows_1252_with_a_warning() {
        let d = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn broken_sequences_in_utf8_are_replaced_with_a_warning() {
        let d = decode(
            "Zelenskyy — ok "
                .as_bytes()
                .iter()
                .chain(b"\xff!")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(d.text, "Zelenskyy — ok �!");
        assert!(d.warning.unwrap().contains("1 invalid UTF-8 sequence"));
    }
}
