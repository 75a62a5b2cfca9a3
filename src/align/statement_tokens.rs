//! The alignment's tokens of each statement, lent to a caller while the corpus is alive: the
//! export hands them to the quotes layer, which would otherwise tokenize again the
//! statements the engine has just tokenized. Nothing here knows who reads them.

use super::corpus::{Corpus, Stmt};
use super::tokens::{Toks, Words};
use super::StatementRef;

/// The tokens of the statements of an alignment, found by document and statement.
pub struct StatementTokens<'c> {
    stmts: &'c [Stmt<'c>],
    /// For each document, the corpus index of each of its statements ([`NOT_ALIGNED`] for
    /// one the alignment left out: boilerplate, a repeat, a section label).
    index: Vec<Vec<u32>>,
}

/// What [`StatementTokens::index`] holds for a statement the corpus does not have.
const NOT_ALIGNED: u32 = u32::MAX;

impl<'c> StatementTokens<'c> {
    /// The statements of `corpus`, indexed for `statements[d]` statements of document `d`.
    pub(super) fn new(corpus: &'c Corpus<'c>, statements: &[usize]) -> Self {
        let mut index: Vec<Vec<u32>> = statements.iter().map(|&n| vec![NOT_ALIGNED; n]).collect();
        for (k, s) in corpus.stmts.iter().enumerate() {
            let StatementRef { doc, statement } = s.at;
            if let Some(slot) = index.get_mut(doc).and_then(|d| d.get_mut(statement)) {
                *slot = u32::try_from(k).unwrap_or(NOT_ALIGNED);
            }
        }
        Self {
            stmts: &corpus.stmts,
            index,
        }
    }

    /// The table of folded forms the tokens' word ids index (one for every statement).
    #[must_use]
    pub fn words(&self) -> Option<&'c Words> {
        self.stmts.first().map(|s| &*s.table)
    }

    /// The tokens of statement `statement` of document `doc` (spans in the statement's
    /// text), if the alignment read it.
    #[must_use]
    pub fn get(&self, doc: usize, statement: usize) -> Option<Toks<'c>> {
        let k = *self.index.get(doc)?.get(statement)?;
        (k != NOT_ALIGNED).then(|| self.stmts[k as usize].toks())
    }
}
