//! Every tuning parameter of the engine, in one documented place.
//!
//! The defaults live in `assets/params.toml` (compiled in), where each number says what it does
//! and whether it was fitted; `tests/tools/fit_judge.py` rewrites the fitted ones. Stages take a
//! `&Params` instead of reading constants, so a fit or an experiment can pass other values
//! without touching the code.

use std::sync::OnceLock;

use serde::Deserialize;

/// How terms are weighed: background English rarity blended with rarity in the story.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Weights {
    /// Share of the background rarity in a term's weight (the rest is its rarity in the story).
    pub blend: f32,
    /// Zipf frequency at which a word's background weight reaches 0.
    pub pivot_zipf: f32,
    /// Zipf frequency assumed for a word the frequency table does not hold.
    pub unknown_zipf: f32,
    /// Background weight of a number.
    pub number_background: f32,
    /// Factor for a dimension pseudo-term ("states a duration").
    pub dimension: f32,
    /// Factor for an attribution word ("confirmed", "official").
    pub attribution: f32,
    /// Factor for a bigram of two adjacent informative terms.
    pub bigram: f32,
    /// Smallest local inverse frequency.
    pub idf_floor: f32,
}

/// How reports are grouped into stories (see [`super::stories`]).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Stories {
    /// Two clusters of reports merge while the mean relative similarity of their cross pairs
    /// is at least this.
    pub merge: f32,
    /// Relative similarities below this count as 0.
    pub floor: f32,
    /// How many closest similarities make a report's usual company.
    pub company: usize,
    /// Reports less similar than this (TF-IDF cosine) never link, whatever their story.
    pub link_floor: f32,
    /// Terms held by more than this share of the reports are left out of the report index...
    pub index_share: f32,
    /// ...unless they are held by at most this many reports.
    pub index_min: usize,
    /// Report cosines below this are not kept (they count as 0): memory grows with the
    /// related pairs, not with all pairs.
    pub keep: f32,
    /// How many closest reports make a report's usual company when links are judged (its
    /// nearest reports, and the mean cosine to them).
    pub neighbours: usize,
}

/// Which pairs are judged at all.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Candidates {
    /// Upper bound of the weighted cosine a pair must be able to reach to be judged.
    pub floor: f32,
    /// Share of a story's statements above which a term is left out of its index.
    pub cap_share: f32,
    /// The index keeps terms held by up to this many statements whatever the share.
    pub min_cap: usize,
}

/// The fitted decision: a logistic model over the evidence.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Judge {
    /// Intercept of the logistic model.
    pub bias: f32,
    /// One weight per feature, in the order of [`super::evidence::FEATURES`].
    pub weights: Vec<f32>,
    /// Probability from which two statements are linked.
    pub threshold: f32,
    /// A statement links with at most this many statements of any one other report (its most
    /// probable partners there).
    pub per_report: usize,
}

/// What the evidence reads.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Evidence {
    /// Informative words at the front of a statement read as its lead (the `lead` feature).
    pub lead: usize,
}

/// How links become claims.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Claims {
    /// Share of the possible links between two groups needed to merge them.
    pub linkage: f32,
    /// Share of a claim's other-report members each member must stay linked with, whatever
    /// linkage merged it ("most of the claim": the definition of a coherent claim).
    pub most_of_claim: f32,
}

/// Windows of the fact comparisons.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Facts {
    /// Tokens either side of a date that give its context.
    pub date_window: usize,
    /// Tokens either side of a measure that give its context (two measures of one kind
    /// conflict only when they share a term there).
    pub measure_window: usize,
    /// Longest title read before a name, in tokens ("Former U.S. President" is 4 words and
    /// 2 dots).
    pub title_span: usize,
    /// Minutes within which two times of day may be one moment (see
    /// [`mod@super::divergence`]).
    pub clock_tolerance: u16,
    /// Most tokens from a negator to the word it denies (see [`mod@super::polarity`]).
    pub negation_reach: usize,
    /// Tokens either side of a denied word, and of the other statement's word asserting it,
    /// that must share a term: the denial and the assertion are about the same thing.
    pub negation_window: usize,
    /// Least judged probability of a link whose denials and opposites are compared (see
    /// [`super::divergence::compares_polarity`]).
    pub negation_min_probability: f32,
    /// Most tokens between two names whose order is compared (see [`mod@super::swaps`]).
    pub swap_gap: usize,
    /// Most tokens before the first name in which a "from" opens a route ("the flight from
    /// London to New York").
    pub swap_from_reach: usize,
    /// Largest relative gap read as rounding: between a bounded figure and a figure it admits
    /// ("over 350 yards" / "352 yards"), and between one measure in two units.
    pub rounding: f64,
}

/// Which words the word highlight marks (see [`mod@super::highlight`]).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Highlight {
    /// Longest stretch at an end of one rendering of a conflict, facing nothing in the
    /// other, that is marked as changed.
    pub edge_words: usize,
    /// Largest share of a side's content words that phrase marks may cover; above it the
    /// pair is "reworded".
    pub max_unmatched_share: f32,
    /// Most phrase stretches on one side; more means reworded.
    pub max_phrases: usize,
    /// Shortest common prefix by which two words are spelling variants ("Zelensky" /
    /// "Zelenskiy")...
    pub variant_prefix: usize,
    /// ...and the most letters either may add to it.
    pub variant_extra: usize,
    /// Most matched names a phrase runs across between two unmatched words.
    pub absorb: usize,
    /// Most tokens of two statements together compared word by word (longer is no sentence,
    /// and counts as reworded).
    pub max_tokens: usize,
}

/// All parameters of the engine.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Params {
    /// Term weights.
    pub weights: Weights,
    /// Stories.
    pub stories: Stories,
    /// Candidate pairs.
    pub candidates: Candidates,
    /// Evidence.
    pub evidence: Evidence,
    /// The judge.
    pub judge: Judge,
    /// Claims.
    pub claims: Claims,
    /// Fact comparisons.
    pub facts: Facts,
    /// The word highlight.
    pub highlight: Highlight,
}

/// The defaults of `assets/params.toml`.
pub const DEFAULT_TOML: &str = include_str!("../../assets/params.toml");

impl Params {
    /// Parameters from TOML text in the shape of `assets/params.toml`.
    ///
    /// # Errors
    /// When the text is not valid TOML or misses a field.
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }
}

impl Default for Params {
    /// The compiled-in defaults (a unit test checks they parse and fit the feature list).
    fn default() -> Self {
        defaults().clone()
    }
}

/// The parameters in force, parsed once: the compiled-in defaults, or the file named by the
/// environment variable `PARALLAX_PARAMS` (same shape as `assets/params.toml`), which the
/// fitting scripts use to try other values without rebuilding. A file that cannot be read or
/// parsed is ignored (see [`override_problem`]).
#[must_use]
pub fn defaults() -> &'static Params {
    static P: OnceLock<Params> = OnceLock::new();
    P.get_or_init(|| {
        if let Some(p) = std::env::var_os("PARALLAX_PARAMS")
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|t| Params::from_toml(&t).ok())
        {
            return p;
        }
        // The asset is compiled in and tested, so a failure here is a build bug, not input.
        #[allow(clippy::expect_used)]
        Params::from_toml(DEFAULT_TOML).expect("assets/params.toml parses")
    })
}

/// Why the file named by `PARALLAX_PARAMS` was not used, if it is set and unusable.
#[must_use]
pub fn override_problem() -> Option<String> {
    let f = std::env::var_os("PARALLAX_PARAMS")?;
    let shown = std::path::Path::new(&f).display().to_string();
    match std::fs::read_to_string(&f) {
        Err(e) => Some(format!("PARALLAX_PARAMS={shown}: {e}")),
        Ok(t) => Params::from_toml(&t)
            .err()
            .map(|e| format!("PARALLAX_PARAMS={shown}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_parse_and_have_one_weight_per_feature() {
        let p = Params::from_toml(DEFAULT_TOML).expect("parses");
        assert_eq!(
            p.judge.weights.len(),
            super::super::evidence::FEATURES.len()
        );
        assert!(p.judge.threshold > 0.0 && p.judge.threshold < 1.0);
        assert!(p.weights.blend >= 0.0 && p.weights.blend <= 1.0);
    }
}
