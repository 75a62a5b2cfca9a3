//! The runs of capitalised words of a report, the only places a full name can be: what
//! [`super::name_book::NameBook`] reads of every report of a stack.

/// The runs of two or more capitalised whitespace-separated chunks of a text, the only
/// places a full name can be. The chunks are those of `split_whitespace`, found by a walk
/// over the bytes that decodes only the few characters outside ASCII: every report of a
/// stack is read here, and decoding each character was most of the book's cost.
pub(super) fn runs(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::new();
    // The run so far: its start, its end, and whether it has several chunks.
    let mut run: Option<(usize, usize, bool)> = None;
    let mut i = 0;
    while i < n {
        let first = bytes[i];
        if matches!(first, b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        let space = if first.is_ascii() {
            0
        } else {
            space_len(text, i)
        };
        if space > 0 {
            i += space;
            continue;
        }
        let start = i;
        i += utf8_len(bytes[i]);
        while i < n {
            // Printable ASCII (most bytes) is never whitespace.
            if bytes[i].wrapping_sub(0x21) < 0x5F {
                i += 1;
            } else if space_len(text, i) > 0 {
                break;
            } else {
                i += utf8_len(bytes[i]);
            }
        }
        // A run of one chunk is never kept: the tokenizer never puts two words side by side
        // inside a chunk (what stops a word starts a punctuation mark or a number), and a
        // name kept here has two or three words.
        // Most chunks start with an ASCII letter: settled without decoding.
        let capitalised = if first.is_ascii_alphanumeric() {
            first.is_ascii_uppercase()
        } else {
            text[start..i]
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase)
        };
        run = match (capitalised, run) {
            (true, None) => Some((start, i, false)),
            (true, Some((a, _, _))) => Some((a, i, true)),
            (false, Some((a, b, true))) => {
                out.push(&text[a..b]);
                None
            }
            (false, _) => None,
        };
    }
    if let Some((a, b, true)) = run {
        out.push(&text[a..b]);
    }
    out
}

/// The length in bytes of the character a UTF-8 sequence starting with `lead` encodes.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The length of the whitespace character ([`char::is_whitespace`]) at byte `i` of `text` (a
/// character boundary), 0 when it is not one. Outside ASCII only the characters whose first
/// byte is 0xC2, 0xE1, 0xE2 or 0xE3 can be. Inlined: it ends each of the words of every
/// report.
#[inline]
fn space_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b'\t'..=b'\r' | b' ' => 1,
        0xC2 | 0xE1..=0xE3 => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs as a `split_whitespace` walk finds them (the code `runs` replaced).
    fn runs_by_split(text: &str) -> Vec<&str> {
        let capitalised = |c: &str| {
            c.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase)
        };
        let mut out = Vec::new();
        let mut run: Vec<&str> = Vec::new();
        for chunk in text.split_whitespace().chain(std::iter::once("")) {
            if !chunk.is_empty() && capitalised(chunk) {
                run.push(chunk);
                continue;
            }
            if let (true, Some(first), Some(last)) = (run.len() > 1, run.first(), run.last()) {
                let a = first.as_ptr() as usize - text.as_ptr() as usize;
                let b = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
                out.push(&text[a..b]);
            }
            run.clear();
        }
        out
    }

    #[test]
    fn runs_are_those_of_a_split_on_whitespace() {
        for t in [
            "Donald Trump met Vladimir Putin",
            "  US President Donald J. Trump\u{a0}Said  ",
            "“Barack Obama” and (White House) É Éric Ñ",
            "A\u{2003}B\u{85}C\u{3000}d E\u{b}F\u{1c}G",
            "",
            "x",
            "ÀB Cé dÉ 1A 2b",
        ] {
            assert_eq!(runs(t), runs_by_split(t), "{t:?}");
        }
        for d in crate::model::embedded::seed_documents() {
            assert_eq!(runs(&d.text), runs_by_split(&d.text));
        }
    }

    #[test]
    fn whitespace_is_told_apart_as_char_is_whitespace_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("{c}a");
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(space_len(&s, 0), want, "{:x}", u32::from(c));
            assert_eq!(utf8_len(s.as_bytes()[0]), c.len_utf8());
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_agree_with_the_split_on_any_text(
            text in "[aAzZ0-9 .,’“\u{a0}\u{85}\u{2009}\u{3000}\u{b}\u{1c}\t\néÉßİ-]{0,40}"
        ) {
            proptest::prop_assert_eq!(runs(&text), runs_by_split(&text));
        }
    }
}
