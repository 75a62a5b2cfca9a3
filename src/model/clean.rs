//! Cleaning decoded text so nothing hostile reaches a terminal and offsets stay simple.
//!
//! Line ends become `\n`; C0 and C1 controls (other than newline and tab), bidi embeddings,
//! overrides and isolates, and invisible format characters (zero-width spaces, word joiners,
//! soft hyphens, Unicode tag characters) are removed. Removal, not replacement, keeps the text
//! readable and makes a copy of a report with invisible characters inside its words read and
//! match like the original; the statements are slices of the cleaned text, so their offsets
//! are always consistent with what is shown.
//!
//! Names that come from outside but are not report text (file names, paths, ids) are never
//! altered silently: [`escape_name`] shows every control and invisible character escaped
//! (`\x1b`, `\n`, `\u{202e}`), so a hostile file name can neither drive the terminal nor forge
//! extra lines, and the user still sees which file it was.

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
        _ => is_invisible(c),
    }
}

/// Invisible format characters that split a word for the matcher while looking like nothing:
/// zero-width space, soft hyphen, word joiner and the invisible math operators, the Mongolian
/// vowel separator, and the Unicode tag characters (which can smuggle hidden text).
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{180e}' | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{e0000}'..='\u{e007f}'
    )
}

/// Joiners and variation selectors: meaningful in emoji sequences and in scripts such as
/// Persian or Devanagari, noise after a Latin letter or digit (where they only break words).
fn is_context_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}'
    )
}

/// Whether `c` is a letter or digit of a script in which joiners and variation selectors
/// carry no meaning (ASCII, Latin, Greek, Cyrillic).
fn latin_context(c: char) -> bool {
    c.is_alphanumeric() && c < '\u{0590}'
}

/// Normalise line ends (CRLF and lone CR to LF) and drop hostile characters.
#[must_use]
pub fn clean_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    // Most text is printable ASCII, which passes unchanged: such runs are copied whole, and
    // only the bytes around them go through the char rules below.
    while !rest.is_empty() {
        let run = rest.bytes().take_while(|&b| passes_unchanged(b)).count();
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let other = rest
            .bytes()
            .position(passes_unchanged)
            .unwrap_or(rest.len());
        // `other` stops at an ASCII byte, so it is a char boundary.
        clean_chars(&rest[..other], &mut out);
        rest = &rest[other..];
    }
    out
}

/// Printable ASCII and tab: kept as they are, whatever comes before or after. A newline is
/// kept too, but it goes through the char rules, where CRLF becomes one newline.
fn passes_unchanged(b: u8) -> bool {
    matches!(b, b' '..=b'~' | b'\t')
}

/// The char rules of [`clean_text`] for a piece of input, appended to `out`.
fn clean_chars(input: &str, out: &mut String) {
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
            c if is_context_invisible(c) && out.chars().next_back().is_some_and(latin_context) => {}
            c => out.push(c),
        }
    }
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

/// Show a file name, path or id for printing anywhere (stderr, exports, the interface): every
/// control, bidi and invisible format character (newline and tab included) is written as an
/// escape (`\n`, `\t`, `\r`, `\x1b`, `\u{202e}`), everything else as it is. The result is one
/// line that cannot move the cursor, set a title or the clipboard, or reorder text.
#[must_use]
pub fn escape_name(name: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if u32::from(c) < 0x20 || ('\u{7f}'..='\u{9f}').contains(&c) => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if is_hostile(c)
                || is_context_invisible(c)
                || matches!(c, '\u{2028}' | '\u{2029}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char loop the ASCII runs replaced: both must give the same text.
    fn reference(input: &str) -> String {
        let mut out = String::new();
        clean_chars(input, &mut out);
        out
    }

    #[test]
    fn ascii_runs_clean_like_the_char_rules() {
        let cases = [
            "a\r\nb\r\r\nc\rd\n\re\r",
            "\r\n\r\n",
            "Ky\u{200d}iv e\u{200d}\u{200d} \u{200d}x 9\u{fe0f}\u{1b}[2J\u{7f}\u{85}z",
            "\u{645}\u{200c}a\u{200c} \u{1f468}\u{200d}\u{1f469}\t\u{b}\u{c}\u{2028}\u{feff}",
            "plain text, all ASCII.",
            "",
        ];
        for case in cases {
            assert_eq!(clean_text(case), reference(case), "{case:?}");
        }
    }

    proptest::proptest! {
        /// Whatever mix of ASCII, line ends, controls, joiners and other scripts: the ASCII
        /// runs change nothing.
        #[test]
        fn any_text_cleans_like_the_char_rules(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', ' ', '.', '\r', '\n', '\t', '\u{b}', '\u{1b}', '\u{7f}', '\u{85}',
                '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{fe0f}', '\u{e0041}', 'é',
                '\u{645}', '\u{1f468}', '\u{2028}', '\u{202e}', '—',
            ]), 0..64)
        ) {
            let text: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(clean_text(&text), reference(&text));
        }
    }

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

    #[test]
    fn invisible_format_characters_inside_words_are_removed() {
        let dirty =
            "Ukr\u{ad}aine Kr\u{200b}emlin Pu\u{2060}tin sum\u{e0041}\u{e0042}mit \u{feff}talks";
        assert_eq!(clean_text(dirty), "Ukraine Kremlin Putin summit talks");
    }

    #[test]
    fn joiners_and_selectors_go_after_latin_letters_and_stay_in_emoji() {
        assert_eq!(clean_text("Ky\u{200d}iv Ge\u{fe0f}neva"), "Kyiv Geneva");
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{2764}\u{fe0f}";
        assert_eq!(clean_text(family), family);
        // Persian uses the zero-width non-joiner inside words.
        assert_eq!(
            clean_text("\u{645}\u{6cc}\u{200c}\u{62e}"),
            "\u{645}\u{6cc}\u{200c}\u{62e}"
        );
    }

    #[test]
    fn names_show_controls_escaped_on_one_line() {
        let name =
            "a\u{1b}]52;c;SGVsbG8=\u{7}\nparallax: refused: x\t\u{202e}\u{200b}\u{e0041}.txt";
        let shown = escape_name(name);
        assert_eq!(
            shown,
            "a\\x1b]52;c;SGVsbG8=\\x07\\nparallax: refused: x\\t\\u{202e}\\u{200b}\\u{e0041}.txt"
        );
        assert!(!shown.chars().any(|c| c.is_control()));
        assert_eq!(
            escape_name("seeds/000_ok — “é”.txt"),
            "seeds/000_ok — “é”.txt"
        );
    }
}
