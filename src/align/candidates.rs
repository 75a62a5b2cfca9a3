//! Candidate pairs: which statements of different reports are worth judging at all.
//!
//! Statements pair only within a story (see [`super::context`]). Each story gets an inverted
//! index over its statements' terms; a pair becomes a candidate when the weight its postings
//! share, plus the weight the index left out, could reach the candidate floor of the weighted
//! cosine. Terms in most of a story's statements are left out of the index (they still count
//! in the evidence). So the work grows with the stories' sizes and postings, never with the
//! number of pairs of all statements. No decision is made here: the judge decides.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::corpus::{distinct_per_report, Corpus, FastMap, Stmt, TermId, TermKind};
use super::params::Candidates;

/// Postings of one story: for each informative term, the members (local indices) holding it.
struct StoryIndex {
    members: Vec<usize>,
    /// Each member's document, read for every posting.
    docs: Vec<usize>,
    /// In increasing order of member: a member's later partners are a list's tail.
    postings: FastMap<TermId, Vec<u32>>,
    /// For each member, the weight of its terms left out of the postings (too common in the
    /// story, or pseudo-terms): what a shared-weight sum from the postings may miss.
    missed: Vec<f32>,
}

fn story_index(c: &Corpus<'_>, members: Vec<usize>, p: &Candidates) -> StoryIndex {
    let mut df: FastMap<TermId, u32> = FastMap::default();
    for i in distinct_per_report(c, &members) {
        for &t in &c.stmts[i].set {
            *df.entry(t).or_default() += 1;
        }
    }
    // A term in most of a story's statements weighs little there and would make the work
    // quadratic in the story's size.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let cap = ((members.len() as f32 * p.cap_share) as usize).max(p.min_cap);
    let indexed = |t: TermId| {
        c.kinds[t as usize] != TermKind::Dimension && df.get(&t).is_some_and(|&d| d as usize <= cap)
    };
    let mut postings: FastMap<TermId, Vec<u32>> = FastMap::default();
    let mut missed = Vec::with_capacity(members.len());
    let docs = members.iter().map(|&i| c.stmts[i].at.doc).collect();
    for (pos, &i) in members.iter().enumerate() {
        let s = &c.stmts[i];
        let mut m = 0.0;
        for (k, &t) in s.set.iter().enumerate() {
            if indexed(t) {
                #[allow(clippy::cast_possible_truncation)]
                postings.entry(t).or_default().push(pos as u32);
            } else {
                m += s.weights[k];
            }
        }
        missed.push(m);
    }
    StoryIndex {
        members,
        docs,
        postings,
        missed,
    }
}

/// A statement index as the pairs keep it (statements are counted far below `u32::MAX`).
pub(crate) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The candidate pairs within one story's index.
fn story_candidates(c: &Corpus<'_>, x: &StoryIndex, p: &Candidates) -> Vec<(u32, u32, f32)> {
    let mut acc = vec![0f32; x.members.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found = Vec::new();
    for (pos, &i) in x.members.iter().enumerate() {
        let a = &c.stmts[i];
        for (k, t) in a.set.iter().enumerate() {
            let Some(list) = x.postings.get(t) else {
                continue;
            };
            let w = a.weights[k];
            // Only the members after this one: each pair is found once, from its first.
            let after = list.partition_point(|&q| q as usize <= pos);
            for &q in &list[after..] {
                let qi = q as usize;
                if x.docs[qi] != a.at.doc {
                    if acc[qi] == 0.0 {
                        touched.push(q);
                    }
                    acc[qi] += w;
                }
            }
        }
        touched.sort_unstable();
        for &q in &touched {
            let qi = q as usize;
            let j = x.members[qi];
            let b = &c.stmts[j];
            let bound = (acc[qi] + x.missed[pos]) / (a.mass * b.mass).sqrt().max(f32::MIN_POSITIVE);
            acc[qi] = 0.0;
            if bound < p.floor {
                continue;
            }
            let s = cosine_of(a, b);
            if s >= p.floor {
                found.push((index(i.min(j)), index(i.max(j)), s));
            }
        }
        touched.clear();
    }
    found
}

/// [`super::evidence::cosine`] from the two term sets' weights alone (ranking candidates needs
/// none of the kinds and counts the evidence also keeps): the same walk
/// ([`Stmt::for_each_shared`]), so the same sums in the same order.
fn cosine_of(a: &Stmt<'_>, b: &Stmt<'_>) -> f32 {
    let mut mass = 0.0f32;
    a.for_each_shared(b, |_, wa, wb| mass += (wa + wb) / 2.0);
    let norm = (a.mass * b.mass).sqrt();
    if norm > 0.0 {
        (mass / norm).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// All pairs `(i, j, cosine)` of statements (indices into `c.stmts`, `i < j`) of different
/// documents of one story whose weighted cosine reaches the candidate floor, sorted;
/// `story[doc]` is each document's story. Indices are `u32` (12 bytes a pair, not 24: the
/// pairs are the largest list the export holds while it judges them).
#[must_use]
pub fn candidates(c: &Corpus<'_>, story: &[usize], p: &Candidates) -> Vec<(u32, u32, f32)> {
    // One story at a time per thread: its index is built, searched and dropped, so the
    // postings of every story are never held at once (stories are independent, and the pairs
    // are sorted below, so the result does not depend on the order).
    let mut out: Vec<(u32, u32, f32)> = stories(c, story)
        .into_par_iter()
        .flat_map_iter(|m| story_candidates(c, &story_index(c, m, p), p))
        .collect();
    out.sort_by_key(|x| (x.0, x.1));
    out
}

/// The statements (indices into `c.stmts`, in order) of each story that has two or more,
/// in story order; `story[doc]` is each document's story.
#[must_use]
pub fn stories(c: &Corpus<'_>, story: &[usize]) -> Vec<Vec<usize>> {
    let mut by_story: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, s) in c.stmts.iter().enumerate() {
        by_story.entry(story[s.at.doc]).or_default().push(i);
    }
    by_story.into_values().filter(|m| m.len() > 1).collect()
}

/// The candidate pairs among `members`, the statements of one story (see [`stories`]):
/// the pairs of [`candidates`] within that story, sorted.
#[must_use]
pub fn story_pairs(c: &Corpus<'_>, members: Vec<usize>, p: &Candidates) -> Vec<(u32, u32, f32)> {
    let mut out = story_candidates(c, &story_index(c, members, p), p);
    out.sort_by_key(|x| (x.0, x.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::evidence::cosine;
    use crate::align::StatementRef;

    #[test]
    fn the_candidates_cosine_is_the_evidence_cosine() {
        let docs = crate::model::embedded::seed_documents();
        let items = docs
            .iter()
            .enumerate()
            .flat_map(|(di, d)| {
                d.statements.iter().map(move |s| {
                    (
                        StatementRef {
                            doc: di,
                            statement: s.index,
                        },
                        &d.text[s.start..s.end],
                    )
                })
            })
            .collect();
        let c =
            crate::align::corpus::build(items, &crate::align::params::defaults().weights, false);
        let mut positive = 0;
        for a in &c.stmts {
            for b in &c.stmts {
                let s = cosine_of(a, b);
                assert_eq!(s.to_bits(), cosine(&c, a, b).to_bits());
                positive += usize::from(s > 0.0);
            }
        }
        assert!(positive > c.stmts.len());
    }
}
