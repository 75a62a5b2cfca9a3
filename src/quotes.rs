//! Quotations and attributions: who said what in each report, the same utterance across
//! reports, and whom each report cites and how surely it states its claims.
//!
//! A layer beside the alignment: it reads the model and, read-only, the lexicons of `align`
//! (its tokens are its own, made as `align::text` makes them); nothing in `align` uses it. The pieces:
//!
//! - [`tokens`]: the tokens of `align::text::tokenize`, their norms kept in one string
//!   (`ascii_scan`: the same tokenizer for a text of ASCII, by bytes; [`known`]: tokens
//!   made before, the alignment's, that the caller lends so they are not made again);
//!   `select`: which statements the search reads (near a quotation or a cue word);
//! - [`marks`]: quotation marks paired into spans (nested, multi-sentence, apostrophes told apart);
//! - [`mod@extract`], with `indirect` and `resolve`: each quotation's speaker and verb, from its
//!   sentence and the sentences before it, reported speech ("Trump said there was…"), and
//!   pronouns resolved in reading order;
//! - [`phrase`], [`who`], `wordclass` and [`words`]: speaker phrases, what they name, and the
//!   word lists of `assets/quotes/`;
//! - [`names`]: full names from surnames ("Trump" → "Donald Trump"), spelling variants folded
//!   (`name_runs`: the runs of capitalised words it reads them from; `name_book`: the book
//!   of them, read only for the surnames asked about);
//! - [`group`]: one quote per utterance across reports, with drift, paraphrase and
//!   misattribution flags (`overlap`: the merges of word lists it compares them by; `vocab`:
//!   the words as ids, each stemmed once);
//! - [`attribution`] and [`mod@certainty`]: the sources a statement cites and its hedges ([`sources`]:
//!   their names folded once and indexed), and
//!   [`claims`] where the reports of one claim differ in them;
//! - [`rows`]: the data a quotes view draws (each outlet's wording, drift marks, sources).

mod ascii_scan;
pub mod attribution;
pub mod certainty;
pub mod claims;
pub mod extract;
pub mod group;
mod indirect;
pub mod known;
pub mod marks;
mod name_book;
mod name_runs;
pub mod names;
mod overlap;
pub mod phrase;
mod resolve;
pub mod rows;
mod select;
pub mod sources;
pub mod tokens;
mod vocab;
pub mod who;
mod wordclass;
pub mod words;

use std::ops::Range;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::Document;

/// Whether the words are inside quotation marks or reported without them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside marks: “…”.
    Direct,
    /// Reported speech: "Trump said there was a very good chance…".
    Indirect,
}

/// One rendering of an utterance in one report. A quotation split by its attribution
/// (“We did it,” he said, “and we will.”) is one instance with two parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    /// Index of the document.
    pub doc: usize,
    /// Index of the statement the first part lies in.
    pub statement: usize,
    /// Byte ranges of the words (marks excluded) in the document's text, in order.
    pub parts: Vec<Range<usize>>,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker as the report names them, full name where the reports give it.
    pub speaker: Option<String>,
    /// The reporting verb as written, lowercase ("said", "told", "according to").
    pub verb: Option<String>,
    /// How many quotations enclose it (0 for a top-level one).
    pub depth: usize,
}

impl Instance {
    /// The whole byte range, from the first part's start to the last part's end.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        let start = self.parts.first().map_or(0, |r| r.start);
        let end = self.parts.last().map_or(start, |r| r.end);
        start..end
    }

    /// The quoted words of every part, joined by " … ".
    #[must_use]
    pub fn text<'a>(&self, doc: &'a Document) -> String {
        self.parts
            .iter()
            .filter_map(|r| doc.text.get(r.clone()))
            .collect::<Vec<&'a str>>()
            .join(" … ")
    }
}

pub use attribution::{attributions, Attribution, SourceKind};
pub use certainty::{certainty, Certainty};
pub use claims::{compare_claim, compare_claim_cited, ClaimComparison};
pub use extract::extract;
pub use group::{group_quotes, Quote};

/// Every quotation of every document, grouped into quotes across reports.
#[must_use]
pub fn quotes(docs: &[Document]) -> Vec<Quote> {
    analyse(docs).quotes
}

/// The quotes of a set of reports and the sources each cites.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Quotes across reports.
    pub quotes: Vec<Quote>,
    /// Each document's citations, in document order.
    pub attributions: Vec<Vec<Attribution>>,
}

/// Quotes and citations of `docs` in one pass (each report tokenized once).
#[must_use]
pub fn analyse(docs: &[Document]) -> Analysis {
    analyse_with(docs, &known::NoneKnown)
}

/// [`analyse`], reading the tokens of the statements `known` holds instead of making them
/// again (the same tokens, so the same result).
#[must_use]
pub fn analyse_with(docs: &[Document], known: &dyn known::KnownTokens) -> Analysis {
    let book = names::NameBook::learn(docs);
    // Reports are independent: extracted in parallel, in batches so the seeds stay on the
    // calling thread.
    let (found, attributions): (Vec<Vec<Instance>>, Vec<Vec<Attribution>>) = docs
        .par_iter()
        .enumerate()
        .with_min_len(16)
        .map(|(i, d)| extract::extract_and_cite(d, i, &book, known))
        .unzip();
    Analysis {
        quotes: group_quotes(docs, found.into_iter().flatten().collect()),
        attributions,
    }
}
