//! Whether a candidate pair can still be linked before its costly features are computed.
//!
//! Most candidates are not linked, and the export keeps only the linked ones. A link needs the
//! judge's shared counts ([`judge::says_what`], from features computed first) and a
//! probability at its threshold; a pair whose best case (every feature still to come at
//! whichever end of [0, 1] raises the judge's score) falls short is not linked at all, so its
//! name slots, quotations and lead need not be computed.

use super::evidence::{Evidence, COSTLY, N};
use super::judge;
use super::params::Judge;

/// The judge's parameters, read once for screening many pairs.
#[derive(Debug, Clone)]
pub struct Screen {
    bias: f32,
    /// The weight of each feature (0 past the judge's list, which its sum then ignores).
    weights: [f32; N],
    /// For each place `k` in [`COSTLY`], what the features from there on can add to the
    /// score at most: the sum of their positive weights.
    headroom: [f32; COSTLY.len() + 1],
    /// The score from which the judge's probability reaches its threshold (its logit).
    logit: f32,
}

/// How far below the threshold's logit a best-case score must fall for the screen to turn
/// the pair away: far more than the rounding of a sum of 20 products of at most 10, so the
/// judge, summing in its own order, could not reach the threshold.
const MARGIN: f32 = 1e-3;

impl Screen {
    /// The screen of the judge `p`.
    #[must_use]
    pub fn new(p: &Judge) -> Self {
        let mut weights = [0.0; N];
        for (w, &v) in weights.iter_mut().zip(&p.weights) {
            *w = v;
        }
        let mut headroom = [0.0; COSTLY.len() + 1];
        for k in (0..COSTLY.len()).rev() {
            headroom[k] = headroom[k + 1] + weights[COSTLY[k]].max(0.0);
        }
        let t = f64::from(p.threshold);
        #[allow(clippy::cast_possible_truncation)]
        let logit = (t / (1.0 - t)).ln() as f32;
        Self {
            bias: p.bias,
            weights,
            headroom,
            logit,
        }
    }

    /// Whether the shared counts among the features `f` allow a link ([`judge::says_what`]).
    #[must_use]
    pub fn says_what(&self, f: &[f32; N]) -> bool {
        judge::says_what(&Evidence(*f))
    }

    /// The judge's score of the features `f` (the pending ones at 0), in the screen's own
    /// order of summing.
    #[must_use]
    pub fn score(&self, f: &[f32; N]) -> f32 {
        let mut z = self.bias;
        for (x, w) in f.iter().zip(&self.weights) {
            z += x * w;
        }
        z
    }

    /// `score` with feature `i`, so far at 0, now at `value`.
    #[must_use]
    pub fn add(&self, score: f32, i: usize, value: f32) -> f32 {
        score + value * self.weights.get(i).copied().unwrap_or(0.0)
    }

    /// Whether the judge's probability could reach its threshold for a pair whose score is
    /// `score` with the costly features from place `k` of [`COSTLY`] on still to come: the
    /// score of the best case, each of them at 1 when its weight is positive, else at 0.
    /// Every feature is in [0, 1] and the score is a sum of feature × weight, so no computed
    /// value could score higher.
    #[must_use]
    pub fn may_reach(&self, score: f32, k: usize) -> bool {
        score + self.headroom.get(k).copied().unwrap_or(0.0) + MARGIN >= self.logit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`super::super::evidence::evidence_if`] asks, in its order, for a pair whose
    /// features are `full`: whether the screen lets it through to the end.
    fn screened_in(s: &Screen, full: &[f32; N]) -> bool {
        let mut f = *full;
        for &i in &COSTLY {
            f[i] = 0.0;
        }
        if !s.says_what(&f) {
            return false;
        }
        let mut score = s.score(&f);
        for (k, &i) in COSTLY.iter().enumerate() {
            if !s.may_reach(score, k) {
                return false;
            }
            f[i] = full[i];
            score = s.add(score, i, f[i]);
        }
        true
    }

    proptest! {
        /// A pair the screen turns away is never linked, whatever its costly features are;
        /// near the threshold too (the bias shifted so that scores land around it).
        #[test]
        fn a_screened_out_pair_is_never_linked(
            f in proptest::array::uniform20(prop_oneof![Just(0.0f32), Just(1.0f32), 0.0f32..=1.0]),
            shift in -3.0f32..3.0,
        ) {
            let mut p = crate::align::params::defaults().judge.clone();
            p.bias += shift;
            if !screened_in(&Screen::new(&p), &f) {
                prop_assert!(!judge::judge(&Evidence(f), &p).linked);
            }
        }
    }

    #[test]
    fn the_screen_turns_away_a_pair_with_nothing_in_common_and_keeps_a_close_one() {
        let p = &crate::align::params::defaults().judge;
        let s = Screen::new(p);
        assert!(!screened_in(&s, &[0.0; N]));
        assert!(screened_in(&s, &[1.0; N]));
        // Shared counts that allow a link, and a score the last costly feature cannot lift to
        // the threshold: turned away before it.
        let mut f = [0.0; N];
        f[8] = 1.0; // content_shared: six content words
        assert!(s.says_what(&f));
        assert!(!s.may_reach(s.score(&f), COSTLY.len() - 1));
        assert!(!judge::judge(&Evidence(f), p).linked);
    }
}
