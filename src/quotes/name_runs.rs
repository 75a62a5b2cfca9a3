//! The runs of capitalised words of a report, the only places a full name can be: what
//! [`super::name_book::NameBook`] reads of every report of a stack.

/// The runs of two or more capitalised whitespace-separated chunks of a text, the only
/// places a full name can be. The chunks are those of `split_whitespace`; a chunk is
/// capitalised when its first alphanumeric character is uppercase. Every report of a stack is
/// read here, so the text is searched eight bytes at a time for what can start a capitalised
/// chunk (an ASCII capital, or a character outside ASCII: one chunk in six on ECB+), and
/// only the chunks from there on are read one by one, while they stay capitalised.
pub(super) fn runs(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::new();
    // Always a character boundary where no chunk is left half read: every chunk between
    // here and the next candidate byte is not capitalised.
    let mut i = 0;
    while let Some(p) = next_candidate(bytes, i) {
        // A character outside ASCII may be a space (no-break, em): no chunk there.
        let space = space_len(text, p);
        if space > 0 {
            i = p + space;
            continue;
        }
        let start = chunk_start(text, i, p);
        let end = chunk_end(text, p + utf8_len(bytes[p]));
        i = end;
        if !capitalised(text, start, end) {
            continue;
        }
        // A run of one chunk is never kept: the tokenizer never puts two words side by
        // side inside a chunk (what stops a word starts a punctuation mark or a number),
        // and a name kept here has two or three words.
        let mut run_end = None;
        while let Some((a, b)) = next_chunk(text, i) {
            i = b;
            if !capitalised(text, a, b) {
                break;
            }
            run_end = Some(b);
        }
        if let Some(b) = run_end {
            out.push(&text[start..b]);
        }
        if i >= n {
            break;
        }
    }
    out
}

/// The first byte from `i` on that is an ASCII capital or outside ASCII (then the first byte
/// of a character: the bytes before it are ASCII), eight bytes at a time.
fn next_candidate(bytes: &[u8], mut i: usize) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Each byte's low seven bits plus a constant: no carry crosses bytes, so the test is
    // exact for every byte: at least 0x41 and not at least 0x5B, or the top bit set.
    let found = |w: u64| {
        let low = w & !HIGH;
        let capital =
            low.wrapping_add(LOW * (0x80 - 0x41)) & !low.wrapping_add(LOW * (0x80 - 0x5B));
        (capital | w) & HIGH
    };
    // Sixteen bytes a step (capitals are one byte in thirty), then eight.
    while let Some(w) = bytes
        .get(i..i + 16)
        .and_then(|w| <[u8; 16]>::try_from(w).ok())
    {
        let w = u128::from_le_bytes(w);
        #[allow(clippy::cast_possible_truncation)] // the two halves, on purpose
        let (a, b) = (found(w as u64), found((w >> 64) as u64));
        if a | b != 0 {
            let at = if a != 0 {
                a.trailing_zeros()
            } else {
                64 + b.trailing_zeros()
            };
            return Some(i + (at / 8) as usize);
        }
        i += 16;
    }
    while let Some(w) = bytes
        .get(i..i + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        let f = found(u64::from_le_bytes(w));
        if f != 0 {
            return Some(i + (f.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..bytes.len()).find(|&k| bytes[k].is_ascii_uppercase() || !bytes[k].is_ascii())
}

/// The start of the chunk holding byte `p` (a character boundary), looking back no further
/// than `floor`.
fn chunk_start(text: &str, floor: usize, p: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = p;
    while j > floor {
        let b = bytes[j - 1];
        if b.is_ascii() {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                break;
            }
            j -= 1;
        } else {
            match text[floor..j].chars().next_back() {
                Some(c) if !c.is_whitespace() => j -= c.len_utf8(),
                _ => break,
            }
        }
    }
    j
}

/// The next chunk from byte `i` (a character boundary) on, after the whitespace before it.
fn next_chunk(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let space = space_len(text, i);
        if space == 0 {
            return Some((i, chunk_end(text, i + utf8_len(bytes[i]))));
        }
        i += space;
    }
    None
}

/// Whether the chunk `start..end` of `text` is capitalised: its first alphanumeric character
/// is uppercase. Most chunks start with an ASCII letter: settled without decoding, inline.
#[inline]
fn capitalised(text: &str, start: usize, end: usize) -> bool {
    let first = text.as_bytes()[start];
    if first.is_ascii_alphanumeric() {
        first.is_ascii_uppercase()
    } else {
        first_alphanumeric_is_uppercase(&text[start..end])
    }
}

/// [`capitalised`] for a chunk that starts with a mark or a character outside ASCII.
#[cold]
fn first_alphanumeric_is_uppercase(chunk: &str) -> bool {
    chunk
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// The end of the chunk going on at byte `i` (a character boundary): the start of the next
/// whitespace character, or the end of the text. Eight bytes at a time: printable ASCII (most
/// of every chunk) is never whitespace, so only the first byte that is not is looked at.
#[inline]
fn chunk_end(text: &str, mut i: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let n = bytes.len();
    while i < n {
        if let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let w = u64::from_le_bytes(w);
            // The top bit of each byte below 0x21 or from 0x80 on. Only the lowest is read,
            // and it is exact: a borrow of the subtraction runs up from such a byte only.
            let special = (w.wrapping_sub(LOW * 0x21) | w) & HIGH;
            if special == 0 {
                i += 8;
                continue;
            }
            // A byte after ASCII ones: a character boundary.
            i += (special.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        if b.wrapping_sub(0x21) < 0x5F {
            i += 1;
        } else if space_len(text, i) > 0 {
            return i;
        } else {
            i += utf8_len(b);
        }
    }
    n
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
            // A character outside ASCII that is a space, where a capital may start a chunk.
            "\u{85}É\tA",
            "\u{1f}\u{a0}A\u{a0}A’",
            "Long Capitalised Chunks Everywhere, then lowercase ones, McDonald iPhone Al-Assad",
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
            text in "[aAzZ0-9 .,’“\u{a0}\u{85}\u{2009}\u{3000}\u{b}\u{1c}\u{7f}\t\néÉßİ-]{0,60}"
        ) {
            proptest::prop_assert_eq!(runs(&text), runs_by_split(&text));
        }

        #[test]
        fn runs_agree_with_the_split_on_long_words(
            text in "([A-Za-z0-9.,'\"()\u{7f}\u{1f}-]{1,14}[ \t\n\u{a0}\u{2009}É’]{1,2}){0,12}"
        ) {
            proptest::prop_assert_eq!(runs(&text), runs_by_split(&text));
        }
    }
}
