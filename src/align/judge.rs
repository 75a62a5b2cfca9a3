//! The one decision: do two statements state the same claim?
//!
//! A logistic model over the [`Evidence`] of a pair, with the weights, intercept and threshold
//! of [`Judge`] parameters (fitted by `tests/tools/fit_judge.py` on the development
//! annotations and stored in `assets/params.toml`). Export, interface, `parallax pairs` and
//! `compare_pair` all ask this function, so they cannot disagree. A report states a claim once
//! or twice, so `keep_best_per_report` keeps a statement's links to a report to its best ones.

use super::evidence::{Evidence, FEATURES};
use super::params::Judge;

/// The judge's answer for one pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// The modelled probability that the two statements state one claim, in [0, 1].
    pub probability: f32,
    /// Whether they are linked: the probability reaches the threshold, and they share at
    /// least two informative terms, one of them a content word or number (one shared word is
    /// never a claim in common, and names alone say who, not what).
    pub linked: bool,
}

fn feature(e: &Evidence, name: &str) -> f32 {
    e.get(name)
}

/// Judge one pair from its evidence.
#[must_use]
pub fn judge(e: &Evidence, p: &Judge) -> Verdict {
    let z = p.bias + e.0.iter().zip(&p.weights).map(|(x, w)| x * w).sum::<f32>();
    let probability = 1.0 / (1.0 + (-z).exp());
    Verdict {
        probability,
        linked: probability >= p.threshold && says_what(e),
    }
}

/// The second condition of a link, besides the probability: the pair shares at least two
/// informative terms, one of them a content word or number, or a phrase. It reads only shared
/// counts, which [`super::screen`] relies on (they are never among the costly features).
#[must_use]
pub fn says_what(e: &Evidence) -> bool {
    // The counts are stored as shares of their caps (6 content words, 3 names, 2 numbers).
    let (content, names, numbers) = (
        feature(e, "content_shared") * 6.0,
        feature(e, "names_shared") * 3.0,
        feature(e, "numbers_shared") * 2.0,
    );
    // A shared phrase ("Senate confirmed") also says what, even around names only, when the
    // rest agrees closely.
    let phrase = feature(e, "bigram_cosine") >= 0.5;
    (content + numbers >= 0.5 || phrase) && content + names + numbers >= 1.5
}

/// The features in order, for tools that print the evidence.
#[must_use]
pub fn feature_names() -> &'static [&'static str] {
    &FEATURES
}

/// The linked pairs in which each statement is among the `per_report` most probable partners
/// the other statement's report offers it, and the other way round: a report states a claim
/// once or twice (a headline and a lead), so a statement linked to many statements of one
/// report is linked by shared vocabulary, not by its claim.
pub(crate) fn keep_best_per_report<X>(
    c: &super::corpus::Corpus<'_>,
    linked: Vec<(usize, usize, (Verdict, X))>,
    per_report: usize,
) -> Vec<(usize, usize, (Verdict, X))> {
    // Each end of every linked pair with the other end's report and the probability, sorted
    // by statement, then report, then falling probability: one list, not a map of lists (a
    // list a key was the largest allocation at the export's peak on ECB+).
    let key = |x: usize, doc: usize| (super::candidates::index(x), super::candidates::index(doc));
    let mut partners: Vec<((u32, u32), f32)> = Vec::with_capacity(2 * linked.len());
    for &(i, j, (v, _)) in &linked {
        partners.push((key(i, c.stmts[j].at.doc), v.probability));
        partners.push((key(j, c.stmts[i].at.doc), v.probability));
    }
    partners.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    let within = |x: usize, doc: usize, p: f32| {
        let k = key(x, doc);
        let start = partners.partition_point(|e| e.0 < k);
        partners[start..]
            .iter()
            .take_while(|e| e.0 == k)
            .take(per_report)
            .any(|e| e.1 <= p)
    };
    linked
        .into_iter()
        .filter(|&(i, j, (v, _))| {
            within(i, c.stmts[j].at.doc, v.probability)
                && within(j, c.stmts[i].at.doc, v.probability)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::evidence::N;

    fn judge_of(pairs: &[(&str, f32)]) -> Verdict {
        let mut e = Evidence([0.0; N]);
        for (name, v) in pairs {
            let i = FEATURES.iter().position(|f| f == name).expect("feature");
            e.0[i] = *v;
        }
        judge(&e, &crate::align::params::defaults().judge)
    }

    #[test]
    fn more_overlap_never_lowers_the_probability_and_names_alone_never_link() {
        let low = judge_of(&[("cosine", 0.2), ("content_shared", 0.2)]);
        let high = judge_of(&[("cosine", 0.8), ("content_shared", 0.2)]);
        assert!(high.probability >= low.probability);
        let names = judge_of(&[("cosine", 1.0), ("names_shared", 1.0)]);
        assert!(!names.linked);
    }
}
