//! Two statements judged on their own, outside any alignment: [`compare_pair`] for the
//! interface and library callers, [`score_pairs`] for `parallax pairs`. The corpus is built from
//! the two statements alone (background rarity only, names learnt from the pair), so a pair's
//! judgement never depends on any other pair; the judge is the one [`super::align()`] uses.

use super::{
    corpus, divergence, evidence, judge, params, Difference, Evidence, Params, StatementRef,
};

/// How a pair of sentences scored by [`score_pairs`] relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairRelation {
    /// The same claim, no conflicting detail.
    Shared,
    /// The same claim with a conflicting detail.
    Divergent,
    /// Not the same claim.
    Unrelated,
}

impl PairRelation {
    /// The lowercase name printed by `parallax pairs`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shared => "shared",
            Self::Divergent => "divergent",
            Self::Unrelated => "unrelated",
        }
    }
}

/// How the engine judges one pair of statements (see [`compare_pair`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PairJudgement {
    /// The judge's probability in [0, 1] that they state the same claim.
    pub score: f32,
    /// Shared, divergent or unrelated.
    pub relation: PairRelation,
    /// The conflicting details (empty unless divergent).
    pub differences: Vec<Difference>,
    /// The evidence the judge decided from.
    pub evidence: Evidence,
}

/// Judge two statements on their own, with the differences a link between them would carry.
///
/// Terms are weighed by their background rarity only and names are learnt from the two
/// statements, so the judgement of a pair never depends on any other pair.
#[must_use]
pub fn compare_pair(a: &str, b: &str) -> PairJudgement {
    compare_pair_with(a, b, params::defaults())
}

/// [`compare_pair`] with the parameters `p`.
#[must_use]
pub fn compare_pair_with(a: &str, b: &str, p: &Params) -> PairJudgement {
    let at = |doc| StatementRef { doc, statement: 0 };
    let c = corpus::build(vec![(at(0), a), (at(1), b)], &p.weights, true);
    let (x, y) = (&c.stmts[0], &c.stmts[1]);
    let e = evidence::evidence(&c, x, y, evidence::Surroundings::ALONE, &p.evidence);
    let v = judge::judge(&e, &p.judge);
    let differences = if v.linked {
        divergence::differences(&c, x, y, v.probability)
    } else {
        Vec::new()
    };
    let relation = if !v.linked {
        PairRelation::Unrelated
    } else if differences.is_empty() {
        PairRelation::Shared
    } else {
        PairRelation::Divergent
    };
    PairJudgement {
        score: v.probability,
        relation,
        differences,
        evidence: e,
    }
}

/// Score sentence pairs with the same judge as [`super::align()`], each pair on its own (see
/// [`compare_pair`]). Returns the probability in [0, 1] and the relation of each pair, in
/// order.
#[must_use]
pub fn score_pairs(pairs: &[(String, String)]) -> Vec<(f32, PairRelation)> {
    use rayon::prelude::*;
    pairs
        .par_iter()
        .with_min_len(16)
        .map(|(a, b)| {
            let j = compare_pair(a, b);
            (j.score, j.relation)
        })
        .collect()
}
