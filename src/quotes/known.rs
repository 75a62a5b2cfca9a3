//! Tokens of statements made before the layer runs, lent to it so that it does not tokenize
//! those statements again. The layer does not know who made them: the export hands over the
//! alignment's (it has just tokenized every statement it links), so the arrows stay one way
//! (export → align, export → quotes; quotes reads only the model and the shared tokenizer).

use std::ops::Range;

use super::tokens::{Token, TokenKind};
use super::words::words;

/// Statements whose tokens are already known, as the program's one tokenizer
/// ([`crate::align::text::scan`]) made them: the spans, norms, kinds and capitals the layer
/// would make itself, which is what lets it use them in place of its own.
pub trait KnownTokens: Sync {
    /// Whether the tokens of statement `statement` of document `doc` are known.
    fn knows(&self, doc: usize, statement: usize) -> bool;

    /// Give each token of statement `statement` of document `doc` to `sink`, in order (none
    /// when [`KnownTokens::knows`] says they are not known). The norms are borrowed, not
    /// copied: the layer reads them where they are.
    fn tokens_of<'s>(&'s self, doc: usize, statement: usize, sink: &mut TokenSink<'s, '_>);
}

/// No statement known: the layer tokenizes every statement it reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoneKnown;

impl KnownTokens for NoneKnown {
    fn knows(&self, _: usize, _: usize) -> bool {
        false
    }

    fn tokens_of<'s>(&'s self, _: usize, _: usize, _: &mut TokenSink<'s, '_>) {}
}

/// Where [`KnownTokens::tokens_of`] puts a statement's tokens: the layer's token list, with
/// the statement's offset in its document.
pub struct TokenSink<'s, 'v> {
    out: &'v mut Vec<Token<'s>>,
    base: usize,
}

impl<'s, 'v> TokenSink<'s, 'v> {
    /// Tokens pushed to `out`, their spans moved by `base`.
    pub fn new(out: &'v mut Vec<Token<'s>>, base: usize) -> Self {
        Self { out, base }
    }

    /// One token: its span in the statement's text, its norm, kind and capital.
    #[inline]
    pub fn push(&mut self, span: Range<usize>, norm: &'s str, kind: TokenKind, capitalised: bool) {
        self.push_known(span, norm, kind, capitalised, is_reporting_verb(norm));
    }

    /// [`TokenSink::push`] for a caller that has asked [`is_reporting_verb`] of the norm
    /// already (once per distinct norm, where the same words come back token after token).
    #[inline]
    pub fn push_known(
        &mut self,
        span: Range<usize>,
        norm: &'s str,
        kind: TokenKind,
        capitalised: bool,
        reporting_verb: bool,
    ) {
        self.out.push(Token {
            span: self.base + span.start..self.base + span.end,
            norm,
            kind,
            capitalised,
            verb: kind == TokenKind::Word && reporting_verb,
        });
    }
}

/// Whether a word with this norm reports or characterises speech: what the layer marks as
/// a token's [`Token::verb`] ([`super::words::Words::is_verb`]).
#[must_use]
pub fn is_reporting_verb(norm: &str) -> bool {
    words().is_verb(norm)
}
