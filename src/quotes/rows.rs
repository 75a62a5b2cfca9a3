//! The data a quotes view draws, so the view itself stays thin: each quote with every
//! outlet's wording side by side and the words that drift from the quote's reference
//! wording, its support k of N, and each report's cited sources with counts.

use std::ops::Range;

use crate::align::text::{tokenize, TokenKind};
use crate::model::Document;

use super::attribution::{attributions, same_source, Attribution};
use super::group::Quote;
use super::QuoteKind;

/// Longest quotation, in words, whose drift is computed word by word (the comparison is
/// quadratic); longer ones show no drift marks.
const MAX_DRIFT_WORDS: usize = 400;

/// One outlet's rendering of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    /// Index of the document.
    pub doc: usize,
    /// Statement to jump to.
    pub statement: usize,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker this report gives.
    pub speaker: Option<String>,
    /// The reporting verb.
    pub verb: Option<String>,
    /// The words (parts joined by " … ").
    pub text: String,
    /// Byte ranges in `text` of the words the reference wording lacks.
    pub drift: Vec<Range<usize>>,
}

/// One quote as the view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteView {
    /// Who said it.
    pub speaker: Option<String>,
    /// How many reports carry it.
    pub support: usize,
    /// How many reports there are.
    pub total: usize,
    /// The wording drifts.
    pub drift: bool,
    /// Given to different speakers.
    pub misattributed: bool,
    /// A paraphrase inside marks.
    pub paraphrase: bool,
    /// Index in `rows` of the reference wording (the longest direct one).
    pub reference: usize,
    /// Each outlet's rendering, by document.
    pub rows: Vec<QuoteRow>,
}

/// The words of `text` with their byte ranges, folded for comparison.
fn words(text: &str) -> Vec<(String, Range<usize>)> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| (t.norm, t.span))
        .collect()
}

/// Which words of `x` a longest common subsequence with `y` leaves out.
fn unmatched(x: &[(String, Range<usize>)], y: &[(String, Range<usize>)]) -> Vec<Range<usize>> {
    if x.len() > MAX_DRIFT_WORDS || y.len() > MAX_DRIFT_WORDS {
        return Vec::new();
    }
    let (n, m) = (x.len(), y.len());
    let mut len = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i][j] = if x[i].0 == y[j].0 {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n {
        if j < m && x[i].0 == y[j].0 {
            i += 1;
            j += 1;
        } else if j < m && len[i][j + 1] >= len[i + 1][j] {
            j += 1;
        } else {
            out.push(x[i].1.clone());
            i += 1;
        }
    }
    out
}

/// The view of every quote of `docs`.
#[must_use]
pub fn quote_views(docs: &[Document], quotes: &[Quote]) -> Vec<QuoteView> {
    quotes
        .iter()
        .map(|q| {
            let rows: Vec<QuoteRow> = q
                .instances
                .iter()
                .filter_map(|i| {
                    let d = docs.get(i.doc)?;
                    Some(QuoteRow {
                        doc: i.doc,
                        statement: i.statement,
                        kind: i.kind,
                        speaker: i.speaker.clone(),
                        verb: i.verb.clone(),
                        text: i.text(d),
                        drift: Vec::new(),
                    })
                })
                .collect();
            let reference = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == QuoteKind::Direct)
                .max_by_key(|(k, r)| (r.text.len(), std::cmp::Reverse(*k)))
                .map_or(0, |(k, _)| k);
            let ref_words = rows
                .get(reference)
                .map(|r| words(&r.text))
                .unwrap_or_default();
            let rows = rows
                .into_iter()
                .enumerate()
                .map(|(k, mut r)| {
                    if k != reference && r.kind == QuoteKind::Direct {
                        r.drift = unmatched(&words(&r.text), &ref_words);
                    }
                    r
                })
                .collect::<Vec<_>>();
            let mut reports: Vec<usize> = rows.iter().map(|r| r.doc).collect();
            reports.dedup();
            QuoteView {
                speaker: q.speaker.clone(),
                support: reports.len(),
                total: docs.len(),
                drift: q.drift,
                misattributed: q.misattributed,
                paraphrase: q.paraphrase,
                reference,
                rows,
            }
        })
        .collect()
}

/// Each report's cited sources with how often it cites them, most cited first.
#[must_use]
pub fn sources_by_report(docs: &[Document]) -> Vec<Vec<(String, usize)>> {
    let cited: Vec<Vec<Attribution>> = docs.iter().map(attributions).collect();
    count_sources(&cited)
}

/// [`sources_by_report`] from citations already found (`Analysis::attributions`).
#[must_use]
pub fn count_sources(cited: &[Vec<Attribution>]) -> Vec<Vec<(String, usize)>> {
    cited
        .iter()
        .map(|found| {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for a in found {
                match counts.iter_mut().find(|(s, _)| same_source(s, &a.source)) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((a.source.clone(), 1)),
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            counts
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;

    #[test]
    fn the_words_an_outlet_adds_are_marked_against_the_reference() {
        let docs = seed_documents();
        let all = super::super::quotes(&docs);
        let views = quote_views(&docs, &all);
        let useful = views
            .iter()
            .find(|v| {
                v.rows
                    .iter()
                    .any(|r| r.text == "quite useful and constructive")
            })
            .unwrap();
        assert_eq!((useful.support, useful.total), (3, 5));
        let reference = &useful.rows[useful.reference];
        assert_eq!(reference.text, "quite useful and constructive");
        // The others lack "quite", which is in the reference only: nothing of theirs drifts.
        assert!(useful.rows.iter().all(|r| r.drift.is_empty()));
        let chance = views
            .iter()
            .find(|v| v.rows.iter().any(|r| r.text == "very good prospect"))
            .unwrap();
        let prospect = chance
            .rows
            .iter()
            .find(|r| r.text == "very good prospect")
            .unwrap();
        let marked: Vec<&str> = prospect
            .drift
            .iter()
            .map(|r| &prospect.text[r.clone()])
            .collect();
        // Against "There’s a good chance that there will be a meeting very soon" only one of
        // "very" and "good" can keep its order: two words of three drift, "prospect" among them.
        assert_eq!(marked.len(), 2);
        assert!(marked.contains(&"prospect"));
    }

    #[test]
    fn sources_are_counted_per_report() {
        let docs = seed_documents();
        let by = sources_by_report(&docs);
        assert_eq!(by.len(), 5);
        assert!(by[1].iter().any(|(s, n)| s == "Associate Press" && *n == 2));
    }
}
