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

use super::corpus::{distinct_per_report, with_term_slots, Corpus, Stmt, TermId, TermKind};
use super::params::Candidates;

/// Postings of one story: for each informative term, the members (local indices) holding it.
struct StoryIndex {
    members: Vec<usize>,
    /// Each member's document, read for every posting when the documents do not come in
    /// order (in an alignment they do: its statements come report by report).
    docs: Vec<usize>,
    /// For each member, the first later member of another document (`None` when the
    /// documents do not come in order: then `docs` is read).
    doc_end: Option<Vec<u32>>,
    /// All the lists, one after the other: list `l` is `postings[offsets[l]..offsets[l + 1]]`,
    /// the members holding one indexed term, in increasing order (a member's later partners
    /// are a list's tail).
    postings: Vec<u32>,
    offsets: Vec<u32>,
    /// Each member's indexed terms in term order, `starts[m]..starts[m + 1]`: the list, the
    /// member's place in it and the term's weight in the member.
    entries: Vec<Entry>,
    starts: Vec<u32>,
    /// For each member, the weight of its terms left out of the postings (too common in the
    /// story, or pseudo-terms): what a shared-weight sum from the postings may miss.
    missed: Vec<f32>,
}

/// One indexed term of a member (see [`StoryIndex::entries`]).
#[derive(Clone, Copy)]
struct Entry {
    list: u32,
    at: u32,
    weight: f32,
}

/// A term left out of the postings (see [`story_index`]).
const LEFT_OUT: u32 = u32::MAX;

fn story_index(c: &Corpus<'_>, members: Vec<usize>, p: &Candidates) -> StoryIndex {
    with_term_slots(c.kinds.len(), |df| story_index_with(c, members, p, df))
}

/// [`story_index`] with `df`, one zeroed slot a term, left zeroed.
fn story_index_with(
    c: &Corpus<'_>,
    members: Vec<usize>,
    p: &Candidates,
    df: &mut [u32],
) -> StoryIndex {
    // The story's terms in order of first use, each once.
    let mut used: Vec<TermId> = Vec::new();
    for i in distinct_per_report(c, &members) {
        for &t in &c.stmts[i].set {
            let d = &mut df[t as usize];
            if *d == 0 {
                used.push(t);
            }
            *d += 1;
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
    // Each term's count becomes its list's number plus one, or `LEFT_OUT` (the numbering
    // only lays the lists out: the search reads a member's terms in term order whatever it
    // is); a term of a repeated statement only is counted by none and left out too.
    let mut lists = 0u32;
    for &t in &used {
        let d = &mut df[t as usize];
        *d = if c.kinds[t as usize] != TermKind::Dimension && *d as usize <= cap {
            lists += 1;
            lists
        } else {
            LEFT_OUT
        };
    }
    let mut sizes = vec![0u32; lists as usize];
    let mut entries = Vec::with_capacity(members.iter().map(|&i| c.stmts[i].set.len()).sum());
    let mut starts = Vec::with_capacity(members.len() + 1);
    let mut missed = Vec::with_capacity(members.len());
    let docs: Vec<usize> = members.iter().map(|&i| c.stmts[i].at.doc).collect();
    for &i in &members {
        let s = &c.stmts[i];
        let mut m = 0.0;
        starts.push(index(entries.len()));
        for (k, &t) in s.set.iter().enumerate() {
            match df[t as usize] {
                0 | LEFT_OUT => m += s.weights[k],
                number => {
                    let list = number - 1;
                    let size = &mut sizes[list as usize];
                    entries.push(Entry {
                        list,
                        at: *size,
                        weight: s.weights[k],
                    });
                    *size += 1;
                }
            }
        }
        missed.push(m);
    }
    starts.push(index(entries.len()));
    let mut offsets = Vec::with_capacity(sizes.len() + 1);
    let mut total = 0u32;
    offsets.push(0);
    for &n in &sizes {
        total += n;
        offsets.push(total);
    }
    for &t in &used {
        df[t as usize] = 0;
    }
    let mut postings = vec![0u32; total as usize];
    for pos in 0..members.len() {
        for e in &entries[starts[pos] as usize..starts[pos + 1] as usize] {
            postings[(offsets[e.list as usize] + e.at) as usize] = index(pos);
        }
    }
    StoryIndex {
        doc_end: doc_ends(&docs),
        members,
        docs,
        postings,
        offsets,
        entries,
        starts,
        missed,
    }
}

/// For each place in `docs`, the first later place of another document, when the documents
/// come in order (each one's places contiguous); `None` otherwise.
fn doc_ends(docs: &[usize]) -> Option<Vec<u32>> {
    if docs.windows(2).any(|w| w[1] < w[0]) {
        return None;
    }
    let mut end = vec![0u32; docs.len()];
    let mut next = index(docs.len());
    for k in (0..docs.len()).rev() {
        if k + 1 < docs.len() && docs[k + 1] != docs[k] {
            next = index(k + 1);
        }
        end[k] = next;
    }
    Some(end)
}

/// A statement index as the pairs keep it (statements are counted far below `u32::MAX`).
pub(crate) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The candidate pairs within one story's index, sorted when its members are.
fn story_candidates(c: &Corpus<'_>, x: &StoryIndex, p: &Candidates) -> Vec<(u32, u32, f32)> {
    let mut acc = vec![0f32; x.members.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found = Vec::new();
    for (pos, &i) in x.members.iter().enumerate() {
        let a = &c.stmts[i];
        let first = found.len();
        // Members of this member's document are skipped: by place when they are contiguous.
        let (skip_to, by_doc) = match &x.doc_end {
            Some(end) => (end[pos] as usize, false),
            None => (0, true),
        };
        let (from, to) = (x.starts[pos] as usize, x.starts[pos + 1] as usize);
        for e in &x.entries[from..to] {
            // Only the members after this one: each pair is found once, from its first.
            let l = e.list as usize;
            let list = &x.postings[(x.offsets[l] + e.at + 1) as usize..x.offsets[l + 1] as usize];
            let w = e.weight;
            for &q in list {
                let qi = q as usize;
                if qi >= skip_to && (!by_doc || x.docs[qi] != a.at.doc) {
                    if acc[qi] == 0.0 {
                        touched.push(q);
                    }
                    acc[qi] += w;
                }
            }
        }
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
        // In order of partner: the story's pairs come out sorted (members are in order).
        found[first..].sort_unstable_by_key(|x| x.1);
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

    #[test]
    fn the_candidates_cosine_is_the_evidence_cosine() {
        let docs = crate::model::embedded::seed_documents();
        let c = crate::align::corpus::of_documents(&docs);
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

    #[test]
    fn skipping_a_report_by_place_finds_what_reading_each_posting_finds() {
        // Report by report, a member's own report is skipped by place (`doc_end`); the
        // general path reads each posting's report: both must find the same pairs.
        let docs = crate::model::embedded::seed_documents();
        let p = crate::align::params::defaults();
        let c = crate::align::corpus::of_documents(&docs);
        let members: Vec<usize> = (0..c.stmts.len()).collect();
        let by_place = story_index(&c, members.clone(), &p.candidates);
        assert!(by_place.doc_end.is_some());
        let mut by_posting = story_index(&c, members, &p.candidates);
        by_posting.doc_end = None;
        let (x, y) = (
            story_candidates(&c, &by_place, &p.candidates),
            story_candidates(&c, &by_posting, &p.candidates),
        );
        assert!(x.len() > 10, "{}", x.len());
        assert!(x.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        let bits = |v: &[(u32, u32, f32)]| -> Vec<(u32, u32, u32)> {
            v.iter().map(|&(i, j, s)| (i, j, s.to_bits())).collect()
        };
        assert_eq!(bits(&x), bits(&y));
    }

    #[test]
    fn documents_out_of_order_are_read_one_posting_at_a_time() {
        assert_eq!(doc_ends(&[0, 0, 1, 2, 2]), Some(vec![2, 2, 3, 5, 5]));
        assert_eq!(doc_ends(&[0, 1, 0]), None);
    }
}
