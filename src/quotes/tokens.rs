//! The tokens the quotes layer reads: those of the program's one tokenizer
//! ([`crate::align::text::scan_into`]: same spans, norms, kinds and capitals as `tokenize`;
//! an ASCII text by `ascii_scan`'s walk over its bytes, which gives the same tokens), with
//! every norm kept in one string per tokenization instead of a `String` each. The layer
//! tokenizes thousands of statements of a stack again, and the allocation of each word was
//! most of that cost.
//!
//! A test checks the tokens agree with `tokenize` on the seeds and the tokenizer's hard cases
//! (spans moved by the offset given, norms kept apart).

use std::ops::Range;

use crate::align::text::scan_into;
pub use crate::align::text::TokenKind;

use super::ascii_scan::scan_ascii;
use super::known::is_reporting_verb;

/// One token, its norm borrowed from the [`Tokens`] it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte range in the text that was tokenised (plus the offset it was given).
    pub span: Range<usize>,
    /// Folded, lowercased form (possessive dropped, acronym dots removed).
    pub norm: &'a str,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The word starts with an uppercase letter.
    pub capitalised: bool,
    /// A word that reports or characterises speech ([`is_verb`](super::words::Words::is_verb)), looked up once.
    pub verb: bool,
}

/// A token before its norm is borrowed.
#[derive(Debug, Clone)]
struct Raw {
    span: Range<usize>,
    norm: Range<usize>,
    kind: TokenKind,
    capitalised: bool,
}

/// The tokens of one or more texts, their norms in one string.
#[derive(Debug, Default)]
pub struct Tokens {
    norms: String,
    raw: Vec<Raw>,
}

impl Tokens {
    /// Tokens of `text`, as [`crate::align::text::tokenize`] gives them.
    #[must_use]
    pub fn of(text: &str) -> Self {
        // Room for the tokens up front: most texts given here are a few words, and growing
        // the two buffers from nothing cost more than scanning them.
        let mut t = Self::with_capacity(text.len());
        t.push(text, 0);
        t
    }

    /// No tokens yet, with room for those of about `bytes` bytes of text.
    #[must_use]
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            norms: String::with_capacity(bytes),
            raw: Vec::with_capacity(bytes / 4 + 1),
        }
    }

    /// Add the tokens of `text`, their spans moved by `base` (the text's offset in a
    /// larger one).
    pub fn push(&mut self, text: &str, base: usize) {
        let raw = &mut self.raw;
        // Most texts are ASCII: tokenized by bytes, the same tokens (see `ascii_scan`).
        if text.is_ascii() {
            scan_ascii(text, &mut self.norms, |span, norm, kind, capitalised| {
                raw.push(Raw {
                    span: base + span.start..base + span.end,
                    norm,
                    kind,
                    capitalised,
                });
            });
            return;
        }
        scan_into(text, &mut self.norms, |_, t| {
            raw.push(Raw {
                span: base + t.span.start..base + t.span.end,
                norm: t.norm,
                kind: t.kind,
                capitalised: t.capitalised,
            });
        });
    }

    /// How many tokens there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Forget every token, keeping the memory for the next texts.
    pub fn clear(&mut self) {
        self.norms.clear();
        self.raw.clear();
    }

    /// The norm of the `k`th token.
    #[must_use]
    pub fn norm(&self, k: usize) -> &str {
        &self.norms[self.raw[k].norm.clone()]
    }

    /// The kind of the `k`th token.
    #[must_use]
    pub fn kind(&self, k: usize) -> TokenKind {
        self.raw[k].kind
    }

    /// Whether the `k`th token starts with an uppercase letter.
    #[must_use]
    pub fn capitalised(&self, k: usize) -> bool {
        self.raw[k].capitalised
    }

    /// The tokens, their norms borrowed.
    #[must_use]
    pub fn tokens(&self) -> Vec<Token<'_>> {
        let mut out = Vec::with_capacity(self.raw.len());
        self.extend_into(0..self.raw.len(), &mut out);
        out
    }

    /// Tokens `range` appended to `out`, their norms borrowed.
    pub(super) fn extend_into<'s>(&'s self, range: Range<usize>, out: &mut Vec<Token<'s>>) {
        out.extend(self.raw[range].iter().map(|r| {
            let norm = &self.norms[r.norm.clone()];
            Token {
                span: r.span.clone(),
                norm,
                kind: r.kind,
                capitalised: r.capitalised,
                verb: r.kind == TokenKind::Word && is_reporting_verb(norm),
            }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::text::tokenize;

    fn agree(text: &str) {
        let mine = Tokens::of(text);
        let theirs = tokenize(text);
        let mine = mine.tokens();
        assert_eq!(mine.len(), theirs.len(), "{text}");
        for (a, b) in mine.iter().zip(&theirs) {
            assert_eq!(
                (&a.span, a.norm, a.kind, a.capitalised),
                (&b.span, b.norm.as_str(), b.kind, b.capitalised),
                "{text}"
            );
            assert_eq!(
                a.verb,
                crate::quotes::words::words().is_verb(&b.norm),
                "{text}"
            );
        }
    }

    #[test]
    fn the_same_tokens_as_the_alignments_tokenizer() {
        for text in [
            "The U.S. president’s plan, U.N. and D.C. and U.S",
            "a nearly three-hour talk, 1,200 people, 25% and 3.5, 4th at 10pm",
            "“We did it with India,” he said, ‘and we’re doing it’ — Trump’s ’90s",
            "Zelenskyy's aides didn't say; O’Neill’S Café à Ñandú ÉCOLE İstanbul ß",
            "tabs\tand\u{a0}no-break\u{202f}spaces\u{2007}here 1.2.3 1,,2 x'y 's 'S a'",
            "",
            "émigré 3D 2021's A.B.c. A.b. X.",
        ] {
            agree(text);
        }
        for d in crate::model::embedded::seed_documents() {
            agree(&d.text);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_same_tokens_on_any_text(
            text in "[aAsSzZ0-9 .,'’%\u{a0}\u{202f}–“”‘éÉñİß\n-]{0,40}"
        ) {
            agree(&text);
        }
    }

    #[test]
    fn pushed_texts_keep_their_offsets() {
        let mut t = Tokens::default();
        t.push("He said", 10);
        t.push("Trump’s", 20);
        let toks = t.tokens();
        assert_eq!(toks.len(), 3);
        assert_eq!((toks[2].span.clone(), toks[2].norm), (20..29, "trump"));
        assert!(toks[2].capitalised && t.kind(0) == TokenKind::Word && t.norm(1) == "said");
    }
}
