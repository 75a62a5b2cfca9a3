//! The alignment and the quotes layer in one pass: the quotes layer reads the tokens the
//! alignment made of every statement it links, lent before the corpus holding them is freed,
//! instead of tokenizing those statements again (on ECB+ most of the statements it reads).
//!
//! The export is where the two layers meet: `align` lends its tokens without knowing who
//! reads them ([`StatementTokens`]), `quotes` reads tokens without knowing who made them
//! ([`KnownTokens`]), and this module joins the two, so neither layer depends on the other.

use crate::align::{self, Alignment, StatementTokens};
use crate::model::Document;
use crate::quotes::known::{is_reporting_verb, KnownTokens, TokenSink};
#[cfg(test)]
use crate::quotes::tokens::Tokens;
use crate::quotes::{self, Analysis};

/// Align `docs` with the default parameters ([`align::align`]) and analyse their quotes
/// ([`quotes::analyse`]), the quotes layer reading the alignment's tokens: the same two
/// results as those two calls.
#[must_use]
pub fn align_with_quotes(docs: &[Document]) -> (Alignment, Analysis) {
    align::align_observed_then(
        docs,
        align::params::defaults(),
        |_| {},
        |toks| quotes::analyse_with(docs, &Lent::new(toks)),
    )
}

/// The alignment's tokens as the quotes layer reads them.
struct Lent<'a, 'c> {
    toks: &'a StatementTokens<'c>,
    /// Each form of the alignment's table, by word id, and whether it is a reporting verb
    /// ([`is_reporting_verb`]): looked up once per form, not once per token.
    forms: Vec<(&'c str, bool)>,
}

impl<'a, 'c> Lent<'a, 'c> {
    fn new(toks: &'a StatementTokens<'c>) -> Self {
        let forms = toks.words().map_or_else(Vec::new, |w| {
            (0..u32::try_from(w.len()).unwrap_or(u32::MAX))
                .map(|id| {
                    let norm = w.norm(id);
                    (norm, is_reporting_verb(norm))
                })
                .collect()
        });
        Self { toks, forms }
    }
}

impl KnownTokens for Lent<'_, '_> {
    fn knows(&self, doc: usize, statement: usize) -> bool {
        self.toks.get(doc, statement).is_some()
    }

    fn tokens_of<'s>(&'s self, doc: usize, statement: usize, sink: &mut TokenSink<'s, '_>) {
        if let Some(t) = self.toks.get(doc, statement) {
            for (k, (span, word, kind, capitalised)) in t.fields().enumerate() {
                let (norm, verb) = self.forms.get(word as usize).copied().unwrap_or_else(|| {
                    let norm = t.norm(k);
                    (norm, is_reporting_verb(norm))
                });
                sink.push_known(span, norm, kind, capitalised, verb);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;

    /// Each statement the alignment holds, as it lends it, has the tokens the quotes layer
    /// makes of it alone: what lets the layer read them instead.
    #[test]
    fn the_lent_tokens_are_those_the_layer_makes() {
        let docs = seed_documents();
        let checked = align::align_observed_then(
            &docs,
            align::params::defaults(),
            |_| {},
            |t| {
                let lent = Lent::new(t);
                let mut checked = 0;
                for (di, d) in docs.iter().enumerate() {
                    for st in &d.statements {
                        if !lent.knows(di, st.index) {
                            continue;
                        }
                        let mut got = Vec::new();
                        lent.tokens_of(di, st.index, &mut TokenSink::new(&mut got, st.start));
                        let mut own = Tokens::default();
                        own.push(&d.text[st.start..st.end], st.start);
                        assert_eq!(got, own.tokens(), "{}", d.statement_text(st.index));
                        checked += 1;
                    }
                }
                checked
            },
        )
        .1;
        assert!(checked > 100, "{checked}");
    }

    /// The export written from the quotes read off the alignment's tokens is the one written
    /// by the quotes layer on its own (seeds, where some statements are not aligned).
    #[test]
    fn the_export_is_the_same_with_the_lent_tokens() {
        let docs = seed_documents();
        let (alignment, analysis) = align_with_quotes(&docs);
        let mut lent = Vec::new();
        crate::export::write_json_with(&mut lent, &docs, &alignment, analysis).unwrap();
        assert_eq!(
            String::from_utf8(lent).unwrap(),
            crate::export::to_json(&docs, &alignment)
        );
    }
}
