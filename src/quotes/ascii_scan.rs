//! The program's tokenizer ([`crate::align::text::scan_into`]) for a text of ASCII alone, by
//! bytes: the same spans, norms, kinds and capitals.
//!
//! Most statements of news copy are ASCII (95 % of the ECB+ statements' bytes), and the
//! quotes layer tokenizes again every statement near a quotation or a cue word (a quarter of
//! a million tokens on ECB+). The shared tokenizer decodes each character and asks Unicode
//! about it, some 350 instructions a token; on ASCII its rules come down to byte classes.
//! A text with any other byte goes to the shared tokenizer; the tests check the two agree.

use std::ops::Range;

use super::tokens::TokenKind;

/// Byte classes, one lookup a byte: letters, digits, and which letters are uppercase.
const ALPHA: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALPHA | UPPER
        } else if c.is_ascii_lowercase() {
            ALPHA
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The class of the byte at `i`, 0 past the end.
#[inline]
fn class(b: &[u8], i: usize) -> u8 {
    b.get(i).map_or(0, |&c| CLASS[usize::from(c)])
}

/// The tokens of `text` (all ASCII), as `scan_into` finds them, and their norms at the end
/// of `norms`: `emit` is given each token's span, the range of its norm in `norms`, its kind
/// and whether it is capitalised.
///
/// The text is copied to `norms` lowercased, once, and a norm that is its token's bytes
/// lowercased (nearly all: "said", "trump" of "Trump's", "3.5", ",") is a range of that copy,
/// not a string copied a token at a time. The others (an acronym's dots dropped, "1,200",
/// "%", a backtick for an apostrophe) are written after it.
pub(super) fn scan_ascii(
    text: &str,
    norms: &mut String,
    mut emit: impl FnMut(Range<usize>, Range<usize>, TokenKind, bool),
) {
    debug_assert!(text.is_ascii());
    let base = norms.len();
    norms.push_str(text);
    if let Some(copy) = norms.get_mut(base..) {
        copy.make_ascii_lowercase();
    }
    // A norm other than its bytes lowercased: those bytes with `drop` left out, a backtick
    // made an apostrophe.
    let rebuilt = |norms: &mut String, bytes: &[u8], drop: u8| {
        let from = norms.len();
        for &x in bytes.iter().filter(|&&x| x != drop) {
            norms.push(if x == b'`' {
                '\''
            } else {
                char::from(x.to_ascii_lowercase())
            });
        }
        from..norms.len()
    };
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        let start = i;
        let cls = CLASS[usize::from(c)];
        let (norm, kind, capitalised) = if cls & DIGIT != 0 {
            // Digits, with the separators between digits ("1,200": the comma dropped;
            // "3.5": the dot kept), then the letters after them ("4th", "10pm").
            let mut comma = false;
            let mut j = i + 1;
            while j < n {
                let d = b[j];
                let digit_next = class(b, j + 1) & DIGIT != 0;
                if CLASS[usize::from(d)] & DIGIT != 0 || (d == b'.' && digit_next) {
                } else if d == b',' && digit_next {
                    comma = true;
                } else {
                    break;
                }
                j += 1;
            }
            while j < n && CLASS[usize::from(b[j])] & ALPHA != 0 {
                j += 1;
            }
            i = j;
            let norm = if comma {
                rebuilt(norms, &b[start..j], b',')
            } else {
                base + start..base + j
            };
            (norm, TokenKind::Number, false)
        } else if cls & ALPHA != 0 {
            // Letters and digits; the dots of an acronym dropped ("U.S."), the apostrophe of
            // a contraction kept ("n't"), a possessive "'s" dropped, the word ending there.
            let mut j = i + 1;
            let mut dotted = false;
            let mut backtick = false;
            // Where the norm's bytes end: before a possessive, else at the span's end.
            let mut end = None;
            loop {
                // The letters and digits, the most of every word: one lookup a byte.
                while j < n && CLASS[usize::from(b[j])] & (ALPHA | DIGIT) != 0 {
                    j += 1;
                }
                let Some(&d) = b.get(j) else { break };
                // `j > start`: the byte before is the word's.
                if d == b'.'
                    && CLASS[usize::from(b[j - 1])] & UPPER != 0
                    && (class(b, j + 1) & UPPER != 0
                        || (dotted && !b[start..j].iter().any(u8::is_ascii_lowercase)))
                {
                    // U.S. / U.N. / D.C.: dots inside (and closing) an acronym, the closing
                    // one when every letter so far is a capital.
                    dotted = true;
                } else if matches!(d, b'\'' | b'`') && class(b, j + 1) & ALPHA != 0 {
                    if matches!(b[j + 1], b's' | b'S') && class(b, j + 2) & ALPHA == 0 {
                        end = Some(j);
                        j += 2;
                        break;
                    }
                    backtick |= d == b'`';
                } else {
                    break;
                }
                j += 1;
            }
            i = j;
            let end = end.unwrap_or(j);
            let norm = if dotted || backtick {
                rebuilt(norms, &b[start..end], b'.')
            } else {
                base + start..base + end
            };
            (norm, TokenKind::Word, cls & UPPER != 0)
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            // `char::is_whitespace` on ASCII.
            i += 1;
            continue;
        } else {
            i += 1;
            let norm = match c {
                b'`' | b'%' => {
                    let from = norms.len();
                    norms.push_str(if c == b'%' { "percent" } else { "'" });
                    from..norms.len()
                }
                _ => base + start..base + i,
            };
            (norm, TokenKind::Punct, false)
        };
        emit(start..i, norm, kind, capitalised);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::text::scan_into;

    /// Spans, norms, kinds and capitals of both tokenizers.
    fn agree(text: &str) {
        let mut norms = String::new();
        let mut found = Vec::new();
        scan_ascii(text, &mut norms, |span, norm, kind, cap| {
            found.push((span, norm, kind, cap));
        });
        let mine: Vec<_> = found
            .into_iter()
            .map(|(s, n, k, c)| (s, norms[n].to_owned(), k, c))
            .collect();
        let mut buf = String::new();
        let mut theirs = Vec::new();
        scan_into(text, &mut buf, |all, f| {
            theirs.push((f.span, all[f.norm].to_owned(), f.kind, f.capitalised));
        });
        assert_eq!(mine, theirs, "{text:?}");
    }

    #[test]
    fn the_same_tokens_as_the_shared_tokenizer() {
        for t in [
            "The U.S. president's plan, U.N. and D.C. and U.S",
            "a nearly three-hour talk, 1,200 people, 25% and 3.5, 4th at 10pm",
            "\"We did it with India,\" he said, 'and we're doing it' -- Trump's '90s",
            "x'y 's 'S a' A.B.c. A.b. X. U.S.A 1.2.3 1,,2 3D 2021's `quoted` don`t",
            "tabs\tand\x0bvertical\x0cfeeds\r\n\x1c\x1f\x7f end",
            "",
            "I.",
            "A.B.",
        ] {
            agree(t);
        }
        for d in crate::model::embedded::seed_documents() {
            for st in &d.statements {
                let t = &d.text[st.start..st.end];
                if t.is_ascii() {
                    agree(t);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_same_tokens_on_any_ascii_text(text in "[aAsSzZ0-9 .,'`%\t\n\x0b\x1c\"-]{0,40}") {
            agree(&text);
        }
    }
}
