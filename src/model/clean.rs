//! Cleaning decoded text so nothing hostile reaches a terminal and offsets stay simple.
//!
//! Line ends become `\n`; C0 and C1 controls (other than newline and tab), bidi embeddings,
//! overrides and isolates, and a few other invisible format characters are removed. Removal,
//! not replacement, keeps the text readable; the statements are slices of the cleaned text, so
//! their offsets are always consistent with what is shown.

/// Whether `c` must not appear in a document's text.
#[must_use]
pub fn is_hostile(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi marks, embeddings, overrides and isolates can reorder what the user sees.
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => true,
        // Byte-order marks inside text, interlinear annotation controls, and the
        // deprecated format characters that terminals render inconsistently.
        '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{206a}'..='\u{206f}' => true,
        _ => false,
    }
}

/// Normalise line ends (CRLF and lone CR to LF) and drop hostile characters.
#[must_use]
pub fn clean_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            // Vertical tab, form feed and the Unicode line/paragraph separators end lines.
            '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            c if is_hostile(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Make a string safe to print on a terminal: any remaining control character is shown as a
/// visible symbol instead of being interpreted (ESC becomes `␛`).
#[must_use]
pub fn visible(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{1b}' => '␛',
            '\n' | '\t' => c,
            c if is_hostile(c) => '�',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_become_newlines() {
        assert_eq!(clean_text("a\r\nb\rc\nd"), "a\nb\nc\nd");
    }

    #[test]
    fn escape_sequences_and_bidi_overrides_are_removed() {
        let dirty = "ti\u{1b}]0;owned\u{7}tle \u{202e}evil\u{2066} \u{9b}2J";
        let clean = clean_text(dirty);
        assert!(!clean.chars().any(is_hostile), "{clean:?}");
        assert_eq!(clean, "ti]0;ownedtle evil 2J");
    }

    #[test]
    fn tabs_and_ordinary_unicode_survive() {
        assert_eq!(clean_text("a\tb — “c” 日本 👍"), "a\tb — “c” 日本 👍");
    }

    #[test]
    fn visible_shows_escape() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a␛[2Jb");
    }
}
