//! The one decision: do two statements state the same claim?
//!
//! A logistic model over the [`Evidence`] of a pair, with the weights, intercept and threshold
//! of [`Judge`] parameters (fitted by `tests/tools/fit_judge.py` on the development
//! annotations and stored in `assets/params.toml`). Export, interface, `parallax pairs` and
//! `compare_pair` all ask this function, so they cannot disagree.

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
