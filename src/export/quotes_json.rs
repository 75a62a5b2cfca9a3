//! The `quotes` and `attributions` arrays of the JSON export, built from [`crate::quotes`].
//!
//! Offsets are byte offsets into the document's `text`; `text` is the quoted words without
//! their marks. A quotation split by its attribution gives one instance per part.

use serde::{Deserialize, Serialize};

use crate::model::Document;
use rayon::prelude::*;

use crate::quotes::attribution::{attributions, source_key, FoldedSource, SourceIndex};

/// One rendering of a quote in the export.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportQuoteInstance {
    /// Index of the document.
    pub doc: usize,
    /// Index of the statement.
    pub statement: usize,
    /// First byte of the quoted words.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// The reporting verb, lowercase.
    pub verb: Option<String>,
    /// `direct` (inside marks) or `indirect` (reported speech).
    pub kind: crate::quotes::QuoteKind,
    /// The speaker this report gives.
    pub speaker: Option<String>,
}

/// One quote (utterance) in the export.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportQuote {
    /// Who said it.
    pub speaker: Option<String>,
    /// Its renderings.
    pub instances: Vec<ExportQuoteInstance>,
    /// The wording drifts between reports.
    pub drift: bool,
    /// Reports give the words to different people.
    pub misattributed: bool,
    /// One rendering inside marks is a paraphrase of the others.
    pub paraphrase: bool,
}

/// One citation in the export.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportCitation {
    /// Index of the document.
    pub doc: usize,
    /// Index of the statement.
    pub statement: usize,
    /// First byte of the citing words.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// The citing words.
    pub text: String,
}

/// One cited source with every citation of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportAttribution {
    /// The source's name as first cited.
    pub source: String,
    /// `outlet`, `official`, `anonymous` or `other`.
    pub kind: crate::quotes::SourceKind,
    /// Its citations.
    pub instances: Vec<ExportCitation>,
}

/// The quotes of `docs`, one export entry per part of each instance.
#[must_use]
pub fn export_quotes(docs: &[Document]) -> Vec<ExportQuote> {
    quotes_of(docs, crate::quotes::quotes(docs))
}

/// The export entries of `quotes` (found in `docs`).
#[must_use]
pub fn quotes_of(docs: &[Document], quotes: Vec<crate::quotes::Quote>) -> Vec<ExportQuote> {
    quotes
        .into_iter()
        .map(|q| ExportQuote {
            speaker: q.speaker,
            instances: q
                .instances
                .iter()
                .flat_map(|i| {
                    i.parts.iter().map(move |r| ExportQuoteInstance {
                        doc: i.doc,
                        statement: i.statement,
                        start: r.start,
                        end: r.end,
                        text: docs
                            .get(i.doc)
                            .and_then(|d| d.text.get(r.clone()))
                            .unwrap_or_default()
                            .to_owned(),
                        verb: i.verb.clone(),
                        kind: i.kind,
                        speaker: i.speaker.clone(),
                    })
                })
                .collect(),
            drift: q.drift,
            misattributed: q.misattributed,
            paraphrase: q.paraphrase,
        })
        .collect()
}

/// The sources `docs` cite, one entry per source (names folded: NYT / New York Times).
#[must_use]
pub fn export_attributions(docs: &[Document]) -> Vec<ExportAttribution> {
    attributions_of(docs.par_iter().with_min_len(16).map(attributions).collect())
}

/// The export entries of each document's citations (`cited[i]` those of document `i`).
#[must_use]
pub fn attributions_of(cited: Vec<Vec<crate::quotes::Attribution>>) -> Vec<ExportAttribution> {
    let mut out: Vec<ExportAttribution> = Vec::new();
    // Folded once per source, not once per comparison.
    let mut keys = SourceIndex::default();
    let mut exact: std::collections::HashMap<String, usize, foldhash::fast::FixedState> =
        std::collections::HashMap::default();
    for (i, found) in cited.into_iter().enumerate() {
        for a in found {
            let c = ExportCitation {
                doc: i,
                statement: a.statement,
                start: a.start,
                end: a.end,
                text: a.text,
            };
            let key = source_key(&a.source);
            // A name matched once matches the same source again (sources are only added
            // after it): remembered, so each distinct name is compared once.
            let found = exact.get(&key).copied().or_else(|| {
                let folded = FoldedSource::new(key.clone());
                let k = keys.find(&folded)?;
                exact.insert(key.clone(), k);
                Some(k)
            });
            match found {
                Some(k) => out[k].instances.push(c),
                None => {
                    let k = keys.push(FoldedSource::new(key.clone()));
                    exact.insert(key, k);
                    out.push(ExportAttribution {
                        source: a.source,
                        kind: a.kind,
                        instances: vec![c],
                    });
                }
            }
        }
    }
    out
}
