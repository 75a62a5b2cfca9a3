//! The quote analysis as the interface uses it: the Quotes view's quotes ordered by speaker,
//! each report's cited sources, and which claims differ in source or certainty across their
//! reports. Computed once, when the alignment is installed ([`super::App::finish_alignment`]),
//! never while drawing.

use std::cmp::Reverse;

use crate::align::Alignment;
use crate::model::Document;
use crate::quotes::attribution::{same_source, Attribution, SourceKind};
use crate::quotes::rows::{count_sources, quote_views, QuoteView};
use crate::quotes::{analyse, compare_claim_cited};

/// Where the reports of a claim part ways on whom they cite or how surely they state it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Differs {
    /// A report cites a source the others do not (or none while others do).
    pub source: bool,
    /// A report states it more or less surely than the others.
    pub certainty: bool,
}

/// The mark shown beside a claim or statement whose attribution or certainty differs.
pub const DIFFERS_MARK: char = '†';

impl Differs {
    /// Either differs.
    #[must_use]
    pub fn any(self) -> bool {
        self.source || self.certainty
    }

    /// What differs, in words, for the status line.
    #[must_use]
    pub fn words(self) -> Option<&'static str> {
        match (self.source, self.certainty) {
            (true, true) => Some("sources and certainty differ"),
            (true, false) => Some("sources differ"),
            (false, true) => Some("certainty differs"),
            (false, false) => None,
        }
    }
}

/// Where a report cites one of its sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The kind of the first citation under this name.
    pub kind: SourceKind,
    /// The citing statements, in order, without repeats.
    pub statements: Vec<usize>,
}

/// For each report's counted sources, the kind and citing statements of each.
fn cited_in(counted: &[Vec<(String, usize)>], found: &[Vec<Attribution>]) -> Vec<Vec<Cited>> {
    counted
        .iter()
        .zip(found)
        .map(|(list, found)| {
            list.iter()
                .map(|(name, _)| {
                    let mut kind = SourceKind::Other;
                    let mut statements: Vec<usize> = Vec::new();
                    for a in found.iter().filter(|a| same_source(name, &a.source)) {
                        if statements.is_empty() {
                            kind = a.kind;
                        }
                        if statements.last() != Some(&a.statement) {
                            statements.push(a.statement);
                        }
                    }
                    Cited { kind, statements }
                })
                .collect()
        })
        .collect()
}

/// Everything the interface shows of the quote analysis.
#[derive(Debug, Clone, Default)]
pub struct QuoteData {
    /// The quotes, grouped by speaker (most quoted first, unknown speakers last), then by
    /// falling support.
    pub quotes: Vec<QuoteView>,
    /// Each report's cited sources with how often it cites them, most cited first.
    pub sources: Vec<Vec<(String, usize)>>,
    /// Per report, per source of [`Self::sources`] (same order): what kind of source it is
    /// and the statements that cite it, for the reader's Sources panel.
    pub cited: Vec<Vec<Cited>>,
    /// Per claim group of the alignment: whether its members differ.
    pub groups: Vec<Differs>,
    /// Per report, per statement: whether it is a member that differs from its claim's others.
    pub statements: Vec<Vec<Differs>>,
}

impl QuoteData {
    /// Analyse `docs` and compare every claim of `alignment`.
    #[must_use]
    pub fn compute(docs: &[Document], alignment: &Alignment) -> Self {
        let analysis = analyse(docs);
        let mut quotes = quote_views(docs, &analysis.quotes);
        order_by_speaker(&mut quotes);
        let mut statements: Vec<Vec<Differs>> = docs
            .iter()
            .map(|d| vec![Differs::default(); d.statements.len()])
            .collect();
        let groups = alignment
            .groups
            .iter()
            .map(|g| {
                let c = compare_claim_cited(docs, &analysis.attributions, &g.members);
                for (list, certainty) in [(&c.source_differs, false), (&c.certainty_differs, true)]
                {
                    for m in list {
                        if let Some(d) = statements
                            .get_mut(m.doc)
                            .and_then(|s| s.get_mut(m.statement))
                        {
                            if certainty {
                                d.certainty = true;
                            } else {
                                d.source = true;
                            }
                        }
                    }
                }
                Differs {
                    source: !c.source_differs.is_empty(),
                    certainty: !c.certainty_differs.is_empty(),
                }
            })
            .collect();
        let sources = count_sources(&analysis.attributions);
        Self {
            quotes,
            cited: cited_in(&sources, &analysis.attributions),
            sources,
            groups,
            statements,
        }
    }

    /// Whether statement `statement` of report `doc` differs from its claim's other members.
    #[must_use]
    pub fn statement(&self, doc: usize, statement: usize) -> Differs {
        self.statements
            .get(doc)
            .and_then(|s| s.get(statement))
            .copied()
            .unwrap_or_default()
    }
}

/// Sort quotes so each speaker's are together: speakers with most quotes first, unknown
/// speakers last; within a speaker by falling support, then where they first appear.
fn order_by_speaker(quotes: &mut [QuoteView]) {
    let count = |s: &Option<String>| quotes.iter().filter(|q| &q.speaker == s).count();
    let counts: Vec<usize> = quotes.iter().map(|q| count(&q.speaker)).collect();
    let mut keyed: Vec<(usize, &QuoteView)> = counts.into_iter().zip(quotes.iter()).collect();
    keyed.sort_by_key(|(n, q)| {
        (
            q.speaker.is_none(),
            Reverse(*n),
            q.speaker.clone(),
            Reverse(q.support),
            q.rows.first().map(|r| (r.doc, r.statement)),
        )
    });
    let sorted: Vec<QuoteView> = keyed.into_iter().map(|(_, q)| q.clone()).collect();
    quotes.clone_from_slice(&sorted);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;

    #[test]
    fn quotes_of_one_speaker_are_together_and_unknown_speakers_last() {
        let docs = seed_documents();
        let data = QuoteData::compute(&docs, &crate::align::align(&docs));
        assert!(!data.quotes.is_empty());
        let mut seen: Vec<&Option<String>> = Vec::new();
        for q in &data.quotes {
            if seen.last() != Some(&&q.speaker) {
                assert!(!seen.contains(&&q.speaker), "{:?} split", q.speaker);
                seen.push(&q.speaker);
            }
        }
        if let Some(k) = data.quotes.iter().position(|q| q.speaker.is_none()) {
            assert!(data.quotes[k..].iter().all(|q| q.speaker.is_none()));
        }
        assert_eq!(data.sources.len(), docs.len());
    }

    #[test]
    fn a_claim_differs_exactly_when_one_of_its_members_does() {
        let docs = seed_documents();
        let alignment = crate::align::align(&docs);
        let data = QuoteData::compute(&docs, &alignment);
        assert_eq!(data.groups.len(), alignment.groups.len());
        assert!(data.groups.iter().any(|d| d.any()), "no claim differs");
        for (g, d) in alignment.groups.iter().zip(&data.groups) {
            let members = g
                .members
                .iter()
                .any(|m| data.statement(m.doc, m.statement).any());
            assert_eq!(d.any(), members);
        }
    }
}
