//! Where marks and words stand in the text: the byte-level helpers of the boundary scan
//! (closing and opening marks, the character or word at an offset, whitespace runs).

/// Marks that may close a sentence after its punctuation: quotes, parentheses, brackets.
pub(super) fn closer_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"' | b'\'' | b')' | b']') => 1,
        Some(0xE2) if matches!(b.get(i + 1..i + 3), Some([0x80, 0x9D | 0x99])) => 3, // ” ’
        Some(0xC2) if b.get(i + 1) == Some(&0xBB) => 2,                              // »
        _ => 0,
    }
}

/// Marks that may open a word: quotes, parentheses, brackets.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '¿' | '¡')
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The word starting at `i` after any opening marks (letters, digits, apostrophes), and the
/// byte after it.
pub(super) fn word_at(text: &str, mut i: usize) -> (&str, usize) {
    while let Some(c) = char_at(text, i).filter(|&c| is_opener(c)) {
        i += c.len_utf8();
    }
    let rest = &text[i..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(rest.len());
    (&rest[..end], i + end)
}

pub(super) fn skip_ws(b: &[u8], mut i: usize, text: &str) -> usize {
    loop {
        match b.get(i) {
            Some(c) if c.is_ascii_whitespace() => i += 1,
            Some(c) if *c >= 0x80 => match char_at(text, i) {
                Some(ch) if ch.is_whitespace() => i += ch.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

pub(super) fn is_ws_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(char::is_whitespace)
}

/// Whether the text after the whitespace following `k` starts with a hyphen or dash glued to
/// a lowercase word: `-series`, `–style`.
pub(super) fn glued_hyphen(ch: Option<char>, word: &str, text: &str, k: usize) -> bool {
    if !matches!(ch, Some('-' | '–')) || !word.is_empty() {
        return false;
    }
    let rest = text[k..].trim_start();
    let mut chars = rest.chars();
    chars.next();
    chars.next().is_some_and(char::is_lowercase)
}
