//! Turning the bytes of an input into text, or refusing them as not text.
//!
//! Accepted: UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 (LE or BE) with one or
//! (recognised by where their zero bytes fall, with a warning) without, and legacy single-byte
//! text (Latin-1 / Windows-1252), which is recognised because it is not valid UTF-8 and holds
//! no valid multi-byte UTF-8 sequence at all. A file that is mostly UTF-8 with a few broken
//! sequences keeps its UTF-8 and gets U+FFFD for the broken bytes, with a warning.
//! Refused: common binary formats by name (PDF, ZIP/DOCX, PNG, JPEG, GIF, gzip, …; a PDF
//! without NUL bytes would otherwise read as Windows-1252 garbage), anything else with NUL
//! bytes, and anything with many control bytes.

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
    if let Some(kind) = binary_signature(bytes) {
        return Err(format!("{kind}, not text"));
    }
    // The UTF-32 LE mark begins with the UTF-16 LE one, so it is tried first.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        return utf32(rest, u32::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        return utf32(rest, u32::from_be_bytes);
    }
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
        return unmarked_wide(bytes);
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

/// Magic numbers of binary formats people mistake for reports, with the name to refuse them by.
const SIGNATURES: [(&[u8], &str); 12] = [
    (b"%PDF", "a PDF file"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a DOCX, ODT or EPUB document)",
    ),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"\x7FELF", "an executable program (ELF)"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Microsoft Office file (DOC, XLS, PPT)",
    ),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
];

/// The name of the binary format `bytes` starts with, if it is a known one.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

/// Bytes with NULs and no byte-order mark: UTF-32 or UTF-16 text if the zero bytes fall where
/// mostly-ASCII text in those encodings puts them, binary data otherwise.
fn unmarked_wide(bytes: &[u8]) -> Result<Decoded, String> {
    // A sample is enough to tell, and keeps this linear whatever the file.
    let head = &bytes[..bytes.len().min(4096)];
    let share = |unit: usize, zero: &[usize]| {
        let units = head.chunks_exact(unit);
        let n = units.len().max(1);
        // Units shaped like one ASCII character: zero exactly where `zero` says.
        let hits = units
            .filter(|u| (0..unit).all(|i| (u[i] == 0) == zero.contains(&i)))
            .count();
        #[allow(clippy::cast_precision_loss)]
        let share = hits as f64 / n as f64;
        share
    };
    let note = |name: &str| format!("no byte-order mark; read as {name}");
    let with_note = |r: Result<Decoded, String>, name: &str| {
        r.map(|mut d| {
            d.warning.get_or_insert_with(|| note(name));
            d
        })
    };
    if bytes.len().is_multiple_of(4) {
        if share(4, &[1, 2, 3]) > 0.6 {
            return with_note(utf32(bytes, u32::from_le_bytes), "UTF-32LE");
        }
        if share(4, &[0, 1, 2]) > 0.6 {
            return with_note(utf32(bytes, u32::from_be_bytes), "UTF-32BE");
        }
    }
    if bytes.len().is_multiple_of(2) {
        if share(2, &[1]) > 0.6 {
            return with_note(utf16(bytes, u16::from_le_bytes), "UTF-16LE");
        }
        if share(2, &[0]) > 0.6 {
            return with_note(utf16(bytes, u16::from_be_bytes), "UTF-16BE");
        }
    }
    Err("binary data (NUL bytes), not text".into())
}

fn utf32(bytes: &[u8], word: fn([u8; 4]) -> u32) -> Result<Decoded, String> {
    let mut bad = usize::from(!bytes.len().is_multiple_of(4));
    let text: String = bytes
        .chunks_exact(4)
        .map(|c| {
            char::from_u32(word([c[0], c[1], c[2], c[3]])).unwrap_or_else(|| {
                bad += 1;
                '\u{fffd}'
            })
        })
        .collect();
    if text.contains('\0') {
        return Err("binary data (NUL characters in UTF-32), not text".into());
    }
    Ok(Decoded {
        text,
        warning: (bad > 0).then(|| format!("{bad} invalid UTF-32 units replaced with �")),
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

    fn wide(text: &str, unit: usize, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let chars: Vec<u32> = std::iter::once(0xFEFF)
            .filter(|_| bom)
            .chain(text.chars().map(u32::from))
            .collect();
        for c in chars {
            let b = if le { c.to_le_bytes() } else { c.to_be_bytes() };
            match (unit, le) {
                (4, _) => out.extend(b),
                (_, true) => out.extend(&b[..2]),
                (_, false) => out.extend(&b[2..]),
            }
        }
        out
    }

    #[test]
    fn utf16_without_bom_and_utf32_with_and_without_decode() {
        let text = "Putin and Trump will meet in Geneva — “soon”, Kyiv said.";
        for (unit, le, bom) in [
            (2, true, false),
            (2, false, false),
            (4, true, true),
            (4, false, true),
            (4, true, false),
            (4, false, false),
        ] {
            let d = decode(&wide(text, unit, le, bom)).unwrap();
            assert_eq!(d.text, text, "unit {unit} le {le} bom {bom}");
            assert_eq!(d.warning.is_some(), !bom, "unit {unit} le {le} bom {bom}");
        }
    }

    #[test]
    fn binary_formats_are_refused_by_name() {
        let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> stream \xe2\xe3\xcf\xd3 endstream";
        assert_eq!(decode(pdf).unwrap_err(), "a PDF file, not text");
        for (bytes, name) in [
            (&b"PK\x03\x04\x14\x00word/document.xml"[..], "ZIP"),
            (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
            (b"\xFF\xD8\xFF\xE0JFIF", "JPEG"),
            (b"GIF89a\x01\x00", "GIF"),
            (b"\x1F\x8B\x08\x00", "gzip"),
        ] {
            let e = decode(bytes).unwrap_err();
            assert!(e.contains(name) && e.ends_with("not text"), "{e}");
        }
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
