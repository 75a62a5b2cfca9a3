//! Tokenising a statement: words, numbers and punctuation with their byte ranges.
//!
//! The scanner reads the original text (so every token keeps its exact byte range for
//! highlighting) and folds as it goes: curly quotes and apostrophes become straight ones,
//! dashes become `-`, letters are lowercased, accents on Latin letters are dropped. A word
//! keeps internal dots of acronyms (`U.S.` → `us`, flagged as an acronym) and drops a
//! possessive `'s`; hyphens split words (`three-hour` → `three`, `hour`), so each half can
//! match on its own.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits).
    Word,
    /// Digits, possibly with a decimal point or thousands separators.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range in the text that was tokenised.
    pub span: Range<usize>,
    /// Folded, lowercased form (possessive dropped, acronym dots removed).
    pub norm: String,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The word starts with an uppercase letter.
    pub capitalised: bool,
    /// Two or more letters, all uppercase ("US", "NATO", "U.S.").
    pub acronym: bool,
    /// Numeric value of a number token.
    pub value: Option<f64>,
}

/// Fold one character: typographic quotes, apostrophes and dashes to ASCII, NBSP to space.
#[must_use]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        _ => c,
    }
}

/// Lowercase a letter and drop the accent of common Latin letters (é → e, ñ → n).
fn fold_letter(c: char, out: &mut String) {
    // Most letters are ASCII, where folding is lowercasing (the accented cases below are not).
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

fn is_apostrophe(c: char) -> bool {
    fold_char(c) == '\''
}

/// One token as the scanner finds it, its folded form borrowed from the scanner's buffer.
#[derive(Debug, Clone, PartialEq)]
pub struct Scanned<'b> {
    /// Byte range in the text that was tokenised.
    pub span: Range<usize>,
    /// Folded, lowercased form (possessive dropped, acronym dots removed).
    pub norm: &'b str,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The word starts with an uppercase letter.
    pub capitalised: bool,
    /// Two or more letters, all uppercase ("US", "NATO", "U.S.").
    pub acronym: bool,
}

impl Scanned<'_> {
    /// The numeric value of a number token ([`number_value`] of its form), `None` otherwise.
    #[must_use]
    pub fn value(&self) -> Option<f64> {
        (self.kind == TokenKind::Number)
            .then(|| number_value(self.norm))
            .flatten()
    }
}

/// The numeric value of a number token's folded form: its leading digits and decimal point
/// ("1200" of "1,200", 3.5, 4 of "4th"). A function of the form alone, so callers that intern
/// forms compute it once per form, not per token.
#[must_use]
pub fn number_value(norm: &str) -> Option<f64> {
    let digits = norm
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'.'))
        .unwrap_or(norm.len());
    norm[..digits].parse::<f64>().ok()
}

/// Tokenise `text`. Whitespace is dropped; every other character belongs to one token.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per five bytes of news prose (ECB+: 4.9), rarely one per four: room for
    // that up front, and the unused tail given back at the end (shrinking in place, no copy).
    let mut out = Vec::with_capacity(text.len() / 4 + 2);
    scan(text, |t| {
        out.push(Token {
            value: t.value(),
            span: t.span,
            norm: t.norm.to_owned(),
            kind: t.kind,
            capitalised: t.capitalised,
            acronym: t.acronym,
        });
    });
    out.shrink_to_fit();
    out
}

/// Tokenise `text`, handing each token to `emit` in order: one buffer for every token's
/// folded form, so a caller that interns the forms allocates nothing per token. The one
/// tokenizer of the program (see [`scan_into`] for the quotes layer's use).
pub fn scan(text: &str, mut emit: impl FnMut(Scanned<'_>)) {
    let mut buf = String::with_capacity(32);
    scan_core(text, &mut buf, false, |all, f| {
        emit(Scanned {
            span: f.span,
            norm: &all[f.norm],
            kind: f.kind,
            capitalised: f.capitalised,
            acronym: f.acronym,
        });
    });
}

/// One token as [`scan_into`] finds it: the fields of [`Scanned`], its folded form given as a
/// range of the caller's buffer rather than borrowed (the quotes layer keeps the range, and
/// slicing a `String` for each token checks character boundaries it does not need).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range in the text that was tokenised.
    pub span: Range<usize>,
    /// Where its folded form lies in the buffer given to [`scan_into`].
    pub norm: Range<usize>,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The word starts with an uppercase letter.
    pub capitalised: bool,
    /// Two or more letters, all uppercase.
    pub acronym: bool,
}

/// Tokenise `text` as [`scan`] does, appending every token's folded form to `norms` (kept
/// there, one after the other) and handing `emit` the buffer so far and the token.
pub fn scan_into(text: &str, norms: &mut String, emit: impl FnMut(&str, Found)) {
    scan_core(text, norms, true, emit);
}

/// The tokenizer: each token's folded form is written at the end of `norms`, handed to
/// `emit`, and then kept (`keep`) or cut off again. Inlined into each caller (it is the
/// innermost loop of both the alignment and the quotes layer).
#[inline(always)]
fn scan_core(text: &str, norms: &mut String, keep: bool, mut emit: impl FnMut(&str, Found)) {
    // Walked by byte offset, characters decoded where they are read (most are ASCII).
    let at = |i: usize| char_at(text, i);
    // In a text written in capitals ("POLICE HAVE MOVED IN AND ARRESTED…") capitals say
    // nothing: its words are not acronyms, or every stopword would be one.
    let shouting = shouting(text);
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = i;
        let from = norms.len();
        let found = if c.is_whitespace() || fold_char(c) == ' ' {
            i += c.len_utf8();
            None
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            norms.push(c);
            while let Some(d) = at(j) {
                let next_digit = at(j + d.len_utf8()).is_some_and(|x| x.is_ascii_digit());
                if d.is_ascii_digit() {
                    norms.push(d);
                } else if (d == ',' || d == '.') && next_digit {
                    if d == '.' {
                        norms.push('.');
                    }
                } else {
                    break;
                }
                j += d.len_utf8();
            }
            // "25%" and "2021" stay numbers; "4th"/"10pm" keep their letters in the norm so
            // they do not match bare numbers, but carry the value.
            let mut k = j;
            while let Some(d) = at(k).filter(|d| d.is_alphabetic()) {
                fold_letter(d, norms);
                k += d.len_utf8();
            }
            i = k;
            Some((start..k, TokenKind::Number, false, false))
        } else if c.is_alphabetic() {
            let mut j = i;
            let mut letters = 0usize;
            let mut uppers = 0usize;
            let mut dotted = false;
            // The character before `j`.
            let mut prev = c;
            while let Some(d) = at(j) {
                if d.is_ascii_alphanumeric() {
                    // The common case, folded inline.
                    letters += usize::from(d.is_ascii_alphabetic());
                    uppers += usize::from(d.is_ascii_uppercase());
                    norms.push(d.to_ascii_lowercase());
                } else if d.is_alphanumeric() {
                    letters += usize::from(d.is_alphabetic());
                    uppers += usize::from(d.is_uppercase());
                    fold_letter(d, norms);
                } else if d == '.'
                    && prev.is_uppercase()
                    && (at(j + 1).is_some_and(char::is_uppercase) || (dotted && uppers == letters))
                {
                    // U.S. / U.N. / D.C.: dots inside (and closing) an acronym.
                    dotted = true;
                } else if is_apostrophe(d) && at(j + d.len_utf8()).is_some_and(char::is_alphabetic)
                {
                    // Contractions and possessives: keep "n't"/"'re" but drop "'s" (the
                    // letters after the apostrophe are one "s" or "S").
                    let after = j + d.len_utf8();
                    let lone_s = matches!(at(after), Some('s' | 'S'))
                        && !at(after + 1).is_some_and(char::is_alphabetic);
                    if lone_s {
                        j = after + 1;
                        break;
                    }
                    norms.push('\'');
                } else {
                    break;
                }
                prev = d;
                j += d.len_utf8();
            }
            // A trailing dot after a single-letter acronym run ("U.S" + ".") ends the sentence
            // as often as the acronym; the span keeps what was consumed.
            i = j;
            let acronym = !shouting && letters >= 2 && uppers == letters;
            Some((start..j, TokenKind::Word, c.is_uppercase(), acronym))
        } else {
            let f = fold_char(c);
            if f == '%' {
                norms.push_str("percent");
            } else {
                norms.push(f);
            }
            i += c.len_utf8();
            Some((start..i, TokenKind::Punct, false, false))
        };
        if let Some((span, kind, capitalised, acronym)) = found {
            let f = Found {
                span,
                norm: from..norms.len(),
                kind,
                capitalised,
                acronym,
            };
            emit(norms, f);
            if !keep {
                norms.truncate(from);
            }
        }
    }
}

/// Whether `text` is written in capitals: at least [`SHOUTING_LETTERS`] ASCII letters, nine in
/// ten of them uppercase (a headline in title case has one in five or so). A byte scan that
/// stops once too many lowercase letters are seen, so ordinary text costs a few words.
fn shouting(text: &str) -> bool {
    let most_lower = text.len() / 10 + 1;
    let (mut upper, mut lower) = (0usize, 0usize);
    for &b in text.as_bytes() {
        if b.is_ascii_uppercase() {
            upper += 1;
        } else if b.is_ascii_lowercase() {
            lower += 1;
            if lower > most_lower {
                return false;
            }
        }
    }
    let letters = upper + lower;
    letters >= SHOUTING_LETTERS && upper * 10 >= letters * 9
}

/// Fewest letters in a text read as written in capitals: "NATO AND THE UN" stays acronyms.
const SHOUTING_LETTERS: usize = 16;

/// The character starting at byte `i` of `text` (a character boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_text_in_capitals_are_not_acronyms() {
        let t = tokenize("POLICE HAVE MOVED IN AND ARRESTED AT LEAST TWO MEN IN BC.");
        assert!(t.iter().all(|t| !t.acronym), "{t:?}");
        assert!(t[0].capitalised);
        // Acronyms in ordinary text, and a short line in capitals, keep theirs.
        let t = tokenize("The RCMP made arrests in BC on Tuesday.");
        assert!(t[1].acronym && t[5].acronym);
        assert!(tokenize("NATO AND THE UN")[0].acronym);
    }

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn acronyms_lose_their_dots_and_possessives_their_s() {
        assert_eq!(
            norms("The U.S. president’s plan"),
            ["the", "us", "president", "plan"]
        );
        let t = tokenize("U.S. and US");
        assert!(t[0].acronym && t[2].acronym);
        assert_eq!(&"U.S. and US"[t[0].span.clone()], "U.S.");
    }

    #[test]
    fn hyphens_split_and_numbers_keep_values() {
        let t = tokenize("a nearly three-hour talk, 1,200 people, 25% and 3.5");
        let n: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            n,
            [
                "a", "nearly", "three", "-", "hour", "talk", ",", "1200", "people", ",", "25",
                "percent", "and", "3.5"
            ]
        );
        assert_eq!(t[7].value, Some(1200.0));
        assert_eq!(t[13].value, Some(3.5));
    }

    #[test]
    fn curly_quotes_fold_and_spans_are_exact() {
        let s = "“Great” — Zelenskiy’s café";
        let t = tokenize(s);
        assert_eq!(t[0].norm, "\"");
        assert_eq!(t[3].norm, "-");
        assert_eq!(t[4].norm, "zelenskiy");
        assert_eq!(t[5].norm, "cafe");
        for tok in &t {
            assert!(s.is_char_boundary(tok.span.start) && s.is_char_boundary(tok.span.end));
        }
    }

    #[test]
    fn contractions_keep_their_apostrophe() {
        assert_eq!(norms("there’s don't"), ["there", "don't"]);
    }
}
