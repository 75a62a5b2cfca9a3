//! Stories: reports grouped by the event they cover, by average linkage over the sparse graph
//! of report similarities.
//!
//! Single linkage (a story is every report reachable through similar pairs) chains: in a
//! stack of reports one pair of loosely similar reports joins two events, and a few such pairs
//! join dozens. Average linkage merges two clusters only while the mean similarity over *all*
//! their cross pairs (pairs missing from the graph counting as 0) is at least
//! [`Params::merge`], so a chain of pairwise-similar reports whose ends share nothing stops
//! growing once its ends outweigh its links, two clusters joined by one similar pair stay
//! apart, and a story grows only with reports similar to most of it: the bound on a merge
//! is over all its pairs, so it tightens with the sizes.
//!
//! Similarities are first divided by the geometric mean of both reports' usual company (the
//! mean of each one's [`Params::company`] closest similarities). TF-IDF cosines shift with
//! the stack: with eight times the reports every term's rarity rises and terms too common to
//! index at one size are indexed at the other, so one threshold on raw cosines gives other
//! stories for the same reports in a larger stack. Relative to each report's own company the
//! scale stays put (tested on ECB+ and on an 8-fold stack of it, `tests/peers/stories.py`).
//!
//! The clustering is agglomerative with a lazy priority queue: average linkage is reducible
//! (the mean of a merged cluster with a third is a weighted mean of its parts' means, so at
//! most the larger), so a queued mean that is out of date is an upper bound of the current
//! one, and it is recomputed only when it reaches the top; a merge queues nothing new. Each
//! cluster keeps the sum of its similarities to each neighbouring cluster in a map, and a
//! merge moves the smaller map into the larger, so the work grows with the number of related
//! pairs (times a logarithm), not with all pairs. Everything runs on one thread in a fixed
//! order: the result does not depend on threads, nor on hashing.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::corpus::FastMap;

/// How similarities are read and when the clustering stops merging.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Two clusters merge only when the mean (relative) similarity of their cross pairs is at
    /// least this.
    pub merge: f32,
    /// Pairs whose relative similarity is below this are left out (counted as 0): they
    /// barely move a mean, and in a large stack they are most of the pairs.
    pub floor: f32,
    /// How many closest similarities make a report's usual company; 0 keeps similarities as
    /// they are.
    pub company: usize,
}

impl Params {
    /// The story parameters of the engine's [`super::params::Params`] (`[stories]` in
    /// `assets/params.toml`: `merge` and `company` fitted on ECB+ by
    /// `tests/peers/fit_stories.py`).
    #[must_use]
    pub fn of(p: &super::params::Stories) -> Self {
        Self {
            merge: p.merge,
            floor: p.floor,
            company: p.company,
        }
    }

    /// The parameters in force ([`super::params::defaults`]).
    #[must_use]
    pub fn defaults() -> Self {
        Self::of(&super::params::defaults().stories)
    }
}

/// A queued merge: the mean similarity of clusters `a` and `b` when it was queued.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    mean: f32,
    a: u32,
    b: u32,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    /// Highest mean first; ties to the lowest pair, so the order of merges is fixed.
    fn cmp(&self, other: &Self) -> Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

/// The story of each report: `related[d]` lists report `d`'s `(other report, similarity)`
/// pairs sorted by report (as [`super::context::Context`] holds them); pairs not listed have
/// similarity 0. Returns, for each report, the smallest report index of its story.
///
/// A pair is read from the list of its lower-numbered report, so an asymmetric input (two
/// floating-point sums of one cosine) still gives one similarity per pair; a report's usual
/// company is read from its own list.
#[must_use]
pub fn stories(related: &[Vec<(u32, f32)>], params: Params) -> Vec<usize> {
    let n = related.len();
    // Clusters are named by a slot; a merged cluster keeps the slot whose map was larger.
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut size: Vec<u32> = vec![1; n];
    let usual: Vec<f32> = related
        .iter()
        .map(|r| {
            if params.company == 0 {
                return 1.0;
            }
            let mut best: Vec<f32> = r
                .iter()
                .map(|x| x.1)
                .filter(|s| s.is_finite() && *s > 0.0)
                .collect();
            if best.len() > params.company {
                best.select_nth_unstable_by(params.company, |x, y| y.total_cmp(x));
                best.truncate(params.company);
            }
            #[allow(clippy::cast_precision_loss)]
            let m = best.iter().sum::<f32>() / best.len().max(1) as f32;
            if m > 0.0 {
                m
            } else {
                1.0
            }
        })
        .collect();
    // The kept pairs first, so that each map is allocated once at its final size.
    let mut kept: Vec<(u32, u32, f32)> = Vec::new();
    let mut degree: Vec<usize> = vec![0; n];
    for (a, rel) in related.iter().enumerate() {
        #[allow(clippy::cast_possible_truncation)]
        let a = a as u32;
        for &(b, s) in rel {
            if b <= a || b as usize >= n || !s.is_finite() || s <= 0.0 {
                continue;
            }
            let s = s / (usual[a as usize] * usual[b as usize]).sqrt();
            if s >= params.floor {
                kept.push((a, b, s));
                degree[a as usize] += 1;
                degree[b as usize] += 1;
            }
        }
    }
    let mut sums: Vec<FastMap<u32, f32>> = degree
        .iter()
        .map(|&d| FastMap::with_capacity_and_hasher(d, Default::default()))
        .collect();
    let mut queue: BinaryHeap<Candidate> = BinaryHeap::new();
    for (a, b, s) in kept {
        sums[a as usize].insert(b, s);
        sums[b as usize].insert(a, s);
        if s >= params.merge {
            queue.push(Candidate { mean: s, a, b });
        }
    }
    let find = |parent: &mut Vec<u32>, mut x: u32| {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    };
    while let Some(top) = queue.pop() {
        let (a, b) = (find(&mut parent, top.a), find(&mut parent, top.b));
        if a == b {
            continue;
        }
        let sum = sums[a as usize].get(&b).copied().unwrap_or(0.0);
        #[allow(clippy::cast_precision_loss)]
        let mean = sum / (size[a as usize] as f32 * size[b as usize] as f32);
        if mean.to_bits() != top.mean.to_bits() {
            // Out of date: a side grew since this was queued, and the current mean is lower
            // (reducibility). Queue it again if it can still merge.
            if mean >= params.merge {
                queue.push(Candidate { mean, a, b });
            }
            continue;
        }
        // Merge the smaller map into the larger.
        let (keep, gone) = if sums[a as usize].len() >= sums[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        let moved = std::mem::take(&mut sums[gone as usize]);
        sums[keep as usize].remove(&gone);
        for (c, s) in moved {
            if c == keep {
                continue;
            }
            let cs = &mut sums[c as usize];
            cs.remove(&gone);
            *cs.entry(keep).or_insert(0.0) += s;
            *sums[keep as usize].entry(c).or_insert(0.0) += s;
        }
        parent[gone as usize] = keep;
        size[keep as usize] += size[gone as usize];
    }
    // Name each story by its smallest report.
    let mut smallest: Vec<usize> = vec![usize::MAX; n];
    let roots: Vec<u32> = (0..n as u32).map(|d| find(&mut parent, d)).collect();
    for (d, &r) in roots.iter().enumerate() {
        smallest[r as usize] = smallest[r as usize].min(d);
    }
    roots.iter().map(|&r| smallest[r as usize]).collect()
}

/// The stories of [`stories`] as `(reports, most central report)`, by smallest report: the
/// most central report is the one with the highest sum of similarities to the others of its
/// story (the lowest on a tie), the one whose title best names the story.
#[must_use]
pub fn members(related: &[Vec<(u32, f32)>], story: &[usize]) -> Vec<(Vec<usize>, usize)> {
    let mut reports: Vec<Vec<usize>> = vec![Vec::new(); story.len()];
    for (d, &s) in story.iter().enumerate() {
        if let Some(r) = reports.get_mut(s) {
            r.push(d);
        }
    }
    let centrality: Vec<f32> = (0..story.len())
        .map(|d| {
            related.get(d).map_or(0.0, |r| {
                r.iter()
                    .filter(|x| story.get(x.0 as usize) == Some(&story[d]) && x.1.is_finite())
                    .map(|x| x.1)
                    .sum()
            })
        })
        .collect();
    reports
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            let centre = r
                .iter()
                .copied()
                .max_by(|&x, &y| centrality[x].total_cmp(&centrality[y]).then(y.cmp(&x)))
                .unwrap_or(r[0]);
            (r, centre)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Raw similarities, merging at 0.3.
    const RAW: Params = Params {
        merge: 0.3,
        floor: 0.0,
        company: 0,
    };

    /// A symmetric graph from `(a, b, similarity)` pairs.
    fn graph(n: usize, pairs: &[(u32, u32, f32)]) -> Vec<Vec<(u32, f32)>> {
        let mut g = vec![Vec::new(); n];
        for &(a, b, s) in pairs {
            g[a as usize].push((b, s));
            g[b as usize].push((a, s));
        }
        g.iter_mut().for_each(|r| r.sort_by_key(|x| x.0));
        g
    }

    #[test]
    fn a_chain_of_similar_neighbours_does_not_become_one_story() {
        // 0–1–2–3–4–5, each only similar to the next: single linkage makes one story.
        let g = graph(6, &(0..5).map(|i| (i, i + 1, 0.5)).collect::<Vec<_>>());
        let s = stories(&g, RAW);
        assert_eq!(s, vec![0, 0, 2, 2, 4, 4]);
        // Nor with the relative similarities the engine uses.
        let s = stories(&g, Params::defaults());
        let largest = (0..6).map(|d| s.iter().filter(|&&x| x == d).count()).max();
        assert!(largest < Some(4), "{s:?}");
    }

    #[test]
    fn two_clear_clusters_joined_by_one_similar_pair_stay_two() {
        let mut pairs = Vec::new();
        for (a, b) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            pairs.push((a, b, 0.6));
        }
        pairs.push((2, 3, 0.5));
        let g = graph(6, &pairs);
        assert_eq!(stories(&g, RAW), vec![0, 0, 0, 3, 3, 3]);
        assert_eq!(stories(&g, Params::defaults()), vec![0, 0, 0, 3, 3, 3]);
    }

    #[test]
    fn a_cluster_takes_a_report_similar_to_most_of_it() {
        // 3 is similar to two of the three reports of 0–2: a mean of (0.5 + 0.5 + 0) / 3.
        let g = graph(
            4,
            &[
                (0, 1, 0.6),
                (0, 2, 0.6),
                (1, 2, 0.6),
                (0, 3, 0.5),
                (1, 3, 0.5),
            ],
        );
        assert_eq!(stories(&g, RAW), vec![0, 0, 0, 0]);
        let strict = Params { merge: 0.4, ..RAW };
        assert_eq!(stories(&g, strict), vec![0, 0, 0, 3]);
    }

    #[test]
    fn relative_similarities_give_the_same_stories_at_another_scale() {
        // Two copies of one graph, the second with every similarity halved (as cosines shift
        // in a larger stack): the raw threshold splits them differently, the relative one not.
        let base = [
            (0, 1, 0.5),
            (1, 2, 0.4),
            (0, 2, 0.35),
            (3, 4, 0.45),
            (2, 3, 0.1),
            (4, 5, 0.3),
        ];
        let mut pairs: Vec<(u32, u32, f32)> = base.to_vec();
        pairs.extend(base.iter().map(|&(a, b, s)| (a + 6, b + 6, s / 2.0)));
        let g = graph(12, &pairs);
        let s = stories(&g, Params::defaults());
        let shifted: Vec<usize> = s[..6].iter().map(|x| x + 6).collect();
        assert_eq!(s[6..], shifted[..], "{s:?}");
        let raw = stories(&g, RAW);
        assert_ne!(
            raw[6..],
            raw[..6].iter().map(|x| x + 6).collect::<Vec<_>>()[..]
        );
    }

    #[test]
    fn a_story_is_named_by_its_most_central_report() {
        let g = graph(5, &[(0, 1, 0.4), (1, 2, 0.5), (0, 2, 0.3), (3, 4, 0.2)]);
        let m = members(&g, &[0, 0, 0, 3, 3]);
        // 1 has 0.9 in its story, 2 has 0.8, 0 has 0.7; 3 and 4 tie: the lower wins.
        assert_eq!(m, vec![(vec![0, 1, 2], 1), (vec![3, 4], 3)]);
        assert!(members(&[], &[]).is_empty());
    }

    #[test]
    fn unrelated_and_degenerate_inputs() {
        assert!(stories(&[], Params::defaults()).is_empty());
        assert_eq!(stories(&graph(3, &[]), Params::defaults()), vec![0, 1, 2]);
        // Out-of-range reports, NaN and negative similarities are ignored; a pair is read
        // from its lower report's list.
        let g = vec![
            vec![(1, f32::NAN), (2, 0.9), (7, 0.9)],
            vec![(2, -1.0)],
            vec![(0, 0.0)],
        ];
        assert_eq!(stories(&g, RAW), vec![0, 1, 0]);
    }

    #[test]
    fn stories_are_deterministic_and_named_by_their_smallest_report() {
        // A pseudo-random sparse graph with many equal similarities.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut pairs = Vec::new();
        for a in 0..200u32 {
            for _ in 0..6 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                #[allow(clippy::cast_possible_truncation)]
                let b = (x % 200) as u32;
                #[allow(clippy::cast_precision_loss)]
                let s = ((x >> 40) % 8) as f32 / 8.0;
                if a != b
                    && !pairs
                        .iter()
                        .any(|&(p, q, _)| (p, q) == (a.min(b), a.max(b)))
                {
                    pairs.push((a.min(b), a.max(b), s));
                }
            }
        }
        let g = graph(200, &pairs);
        let first = stories(&g, Params::defaults());
        for _ in 0..3 {
            assert_eq!(stories(&g, Params::defaults()), first);
        }
        for (d, &s) in first.iter().enumerate() {
            assert!(s <= d && first[s] == s, "report {d} in story {s}");
        }
        assert!(first.iter().filter(|&&s| s == 0).count() < 200);
    }
}
