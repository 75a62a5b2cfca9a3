//! Pairing two reports' statements into rows for the aligned layout: both reports in reading
//! order, counterparts (members of one claim) side by side where that keeps both orders.

use super::claims;
use crate::align::{Alignment, StatementRef};
use crate::model::Document;

/// One row block of the aligned layout: a statement of each side, or of one.
pub type RowPair = (Option<usize>, Option<usize>);

/// The rows of two reports side by side: `(left, right)` statement pairs, and the counterpart
/// pairs that share a row (the anchors).
///
/// Both reports stay in reading order, so scrolling down never moves either back. Two
/// statements share a row only when they belong to one claim and pairing them keeps both
/// orders (the longest chain of such pairs increasing on both sides); every other statement
/// gets a row of its own, the other side blank, so nothing stands beside a statement it does
/// not match.
#[must_use]
pub fn pair_rows(
    alignment: &Alignment,
    docs: &[Document],
    left: usize,
    right: usize,
) -> (Vec<RowPair>, Vec<(usize, usize)>) {
    let (nl, nr) = (docs[left].statements.len(), docs[right].statements.len());
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    if left != right {
        let claim_of =
            |doc, statement| claims::claim_of(alignment, StatementRef { doc, statement });
        let mut by_claim: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for j in 0..nr {
            if let Some(g) = claim_of(right, j) {
                by_claim.entry(g).or_default().push(j);
            }
        }
        for i in 0..nl {
            if let Some(js) = claim_of(left, i).and_then(|g| by_claim.get(&g)) {
                // Falling `j` within one `i`, so a strictly increasing chain takes at most one.
                candidates.extend(js.iter().rev().map(|&j| (i, j)));
            }
        }
    }
    // As many rows shared as possible; among as many, prefer pairs the engine linked
    // directly (by their score) to pairs that share the claim only through others.
    let weight = |k: usize| {
        let (i, j) = candidates[k];
        let link = claims::link_between(
            alignment,
            StatementRef {
                doc: left,
                statement: i,
            },
            StatementRef {
                doc: right,
                statement: j,
            },
        );
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let bonus = link.map_or(0, |l| 1 + (l.score.clamp(0.0, 1.0) * 998.0) as u64);
        (1 << 20) + bonus
    };
    let anchors = heaviest_increasing(&candidates, weight);
    let mut rows = Vec::with_capacity(nl + nr);
    let (mut i, mut j) = (0, 0);
    for &(ai, aj) in anchors.iter().chain(std::iter::once(&(nl, nr))) {
        rows.extend((i..ai).map(|k| (Some(k), None)));
        rows.extend((j..aj).map(|k| (None, Some(k))));
        if ai < nl && aj < nr {
            rows.push((Some(ai), Some(aj)));
        }
        (i, j) = (ai + 1, aj + 1);
    }
    (rows, anchors)
}

/// The heaviest subsequence of `pairs` (sorted by `.0`, and by falling `.1` within one `.0`)
/// whose `.1` strictly increases (its `.0` then strictly increases too), `weight` giving each
/// pair's weight. O(k log m) with a Fenwick tree of best chains ending below each `.1`.
fn heaviest_increasing(
    pairs: &[(usize, usize)],
    weight: impl Fn(usize) -> u64,
) -> Vec<(usize, usize)> {
    let m = pairs.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    // tree[k]: the best (weight, pair index) of chains ending at a `.1` in k's range.
    let mut tree: Vec<(u64, Option<usize>)> = vec![(0, None); m + 1];
    let best_below = |tree: &[(u64, Option<usize>)], j: usize| {
        let mut k = j; // chains ending at `.1` < j, i.e. Fenwick positions 1..=j
        let mut best = (0, None);
        while k > 0 {
            if tree[k].0 > best.0 {
                best = tree[k];
            }
            k &= k - 1;
        }
        best
    };
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    let mut end: (u64, Option<usize>) = (0, None);
    for (idx, &(_, j)) in pairs.iter().enumerate() {
        let (w, p) = best_below(&tree, j);
        prev[idx] = p;
        let here = (w + weight(idx), Some(idx));
        if here.0 > end.0 {
            end = here;
        }
        let mut k = j + 1;
        while k <= m {
            if here.0 > tree[k].0 {
                tree[k] = here;
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut out = Vec::new();
    let mut cur = end.1;
    while let Some(c) = cur {
        out.push(pairs[c]);
        cur = prev[c];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Link;
    use crate::model::embedded::seed_documents;
    use proptest::prelude::*;

    use crate::ui::fixtures::link;

    #[test]
    fn every_statement_appears_once_in_pair_rows() {
        let docs = seed_documents();
        let al = Alignment::new(&docs, vec![link((0, 1), (2, 1)), link((0, 2), (2, 0))]);
        let (rows, _) = pair_rows(&al, &docs, 0, 2);
        let lefts: Vec<usize> = rows.iter().filter_map(|r| r.0).collect();
        let rights: Vec<usize> = rows.iter().filter_map(|r| r.1).collect();
        assert_eq!(lefts, (0..docs[0].statements.len()).collect::<Vec<_>>());
        assert_eq!(rights, (0..docs[2].statements.len()).collect::<Vec<_>>());
    }

    proptest! {
        #[test]
        fn paired_rows_keep_both_orders_and_pair_only_one_claim(
            raw in proptest::collection::vec((0usize..12, 0usize..12), 0..30)
        ) {
            let docs = seed_documents();
            let links: Vec<Link> = raw.iter().map(|&(i, j)| link((0, i), (1, j))).collect();
            let al = Alignment::new(&docs, links);
            let (rows, anchors) = pair_rows(&al, &docs, 0, 1);
            let lefts: Vec<usize> = rows.iter().filter_map(|r| r.0).collect();
            let rights: Vec<usize> = rows.iter().filter_map(|r| r.1).collect();
            prop_assert_eq!(lefts, (0..docs[0].statements.len()).collect::<Vec<_>>());
            prop_assert_eq!(rights, (0..docs[1].statements.len()).collect::<Vec<_>>());
            for (l, r) in rows {
                if let (Some(l), Some(r)) = (l, r) {
                    prop_assert!(anchors.contains(&(l, r)));
                    let (a, b) = (StatementRef { doc: 0, statement: l }, StatementRef { doc: 1, statement: r });
                    prop_assert!(claims::same_claim(&al, a, b));
                }
            }
        }

        #[test]
        fn increasing_run_is_increasing(ys in proptest::collection::vec(0usize..50, 0..40)) {
            let pairs: Vec<(usize, usize)> = ys.iter().copied().enumerate().collect();
            let run = heaviest_increasing(&pairs, |_| 1);
            prop_assert!(run.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
            // With equal weights it is a longest increasing run: compare with O(k²) DP.
            let mut best = vec![1usize; pairs.len()];
            for b in 0..pairs.len() {
                for a in 0..b {
                    if pairs[a].1 < pairs[b].1 {
                        best[b] = best[b].max(best[a] + 1);
                    }
                }
            }
            prop_assert_eq!(run.len(), best.iter().copied().max().unwrap_or(0));
        }
    }
}
