//! What fills the same slot of two statements: names replaced by other names.
//!
//! The word-level alignment (a longest common subsequence of the folded tokens) of two
//! statements leaves gaps; a gap where each side holds only names (and stopwords) replaces one
//! name by another ("Reggie Bush" / "Pierre Thomas" placed on injured reserve). The judge reads
//! it as evidence of two claims, and the divergence stage reports it as a conflict when the
//! other report never uses the name elsewhere (Moscow / the Kremlin are ways of saying).

use super::corpus::{Corpus, Stmt, TermKind};
use super::diff::lcs_by;
use super::lexicon::lexicon;
use super::text::TokenKind;

/// A statement's words between two byte offsets, on one line.
#[must_use]
pub fn clip(text: &str, start: usize, end: usize) -> String {
    text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind_of(c: &Corpus<'_>, s: &Stmt<'_>, i: usize) -> Option<TermKind> {
    s.term(i).map(|t| c.kinds[t as usize])
}

/// Name replacements between `a` and `b`. With `loose`, a name the other report uses anywhere
/// still counts (for scoring: "Reggie Bush" against "Pierre Thomas" in one slot says these are
/// two claims even if both reports name both men); without it, such a name is taken for
/// another way of saying (Moscow / the Kremlin / Russia) and not reported as a conflict.
#[must_use]
pub fn replaced_names(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    loose: bool,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // A replacement needs, on each side, a name whose term the other statement lacks (a gap's
    // names are skipped as soon as one of them is in the other statement): without one on
    // both sides there is nothing to find, and the word alignment is not worth computing.
    if !has_name_outside(c, a, b) || !has_name_outside(c, b, a) {
        return out;
    }
    let pairs = word_lcs(&a.words, &b.words);
    let mut prev = (None::<usize>, None::<usize>);
    let bounds = pairs
        .iter()
        .map(|&(i, j)| (Some(i), Some(j)))
        .chain(std::iter::once((None, None)));
    for (ni, nj) in bounds {
        let ia = prev.0.map_or(0, |p| p + 1)..ni.unwrap_or(a.tokens.len());
        let ib = prev.1.map_or(0, |p| p + 1)..nj.unwrap_or(b.tokens.len());
        prev = (ni, nj);
        if ia.is_empty() || ib.is_empty() {
            continue;
        }
        let names_in = |s: &Stmt<'_>, r: &std::ops::Range<usize>| -> Option<Vec<usize>> {
            let mut found = Vec::new();
            for i in r.clone() {
                match kind_of(c, s, i) {
                    Some(TermKind::Name) => found.push(i),
                    None if s.tokens[i].kind() == TokenKind::Punct
                        || lexicon().is_stopword(s.norm(i)) => {}
                    _ => return None,
                }
            }
            (!found.is_empty()).then_some(found)
        };
        let (Some(na), Some(nb)) = (names_in(a, &ia), names_in(b, &ib)) else {
            continue;
        };
        // A name the other report uses anywhere (Moscow / the Kremlin / Russia) is a way of
        // saying, not a conflict.
        let elsewhere = |s: &Stmt<'_>, other: &Stmt<'_>, idx: &[usize]| {
            let theirs = c.doc_terms(other.at.doc);
            idx.iter().any(|&i| {
                s.term(i).is_some_and(|t| {
                    other.set.binary_search(&t).is_ok()
                        || (!loose && theirs.binary_search(&t).is_ok())
                })
            })
        };
        // "Ark." for "Arkansas", "Fla." for "Florida": an abbreviation, not another name.
        let abbreviation = na
            .iter()
            .any(|&i| nb.iter().any(|&j| abbreviates(a.norm(i), b.norm(j))));
        // "BoE" for "Bank of England", "NYPD" for "New York Police Department": an acronym of
        // the other side's words.
        let acronym = |x: &Stmt<'_>, xi: &[usize], y: &Stmt<'_>, yr: &std::ops::Range<usize>| {
            xi.len() == 1 && {
                let words: Vec<&str> = y
                    .toks()
                    .slice(yr.clone())
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.norm)
                    .collect();
                super::names::initials_match(x.norm(xi[0]), &words)
            }
        };
        let spoken = |s: &Stmt<'_>, idx: &[usize]| -> String {
            idx.iter().map(|&i| s.norm(i)).collect::<Vec<_>>().join(" ")
        };
        if abbreviation
            || lexicon().stands_for(&spoken(a, &na), &spoken(b, &nb))
            || acronym(a, &na, b, &ib)
            || acronym(b, &nb, a, &ia)
            || elsewhere(a, b, &na)
            || elsewhere(b, a, &nb)
        {
            continue;
        }
        let span = |s: &Stmt<'_>, idx: &[usize]| {
            clip(
                s.text,
                s.tokens[idx[0]].span().start,
                s.tokens[idx[idx.len() - 1]].span().end,
            )
        };
        out.push((span(a, &na), span(b, &nb)));
    }
    out
}

/// Pairs with more cells than this (far below `diff`'s own limit) go to `diff::lcs_by`.
const GENERAL_CELLS: usize = 1 << 20;

/// The buffers of [`word_lcs`].
struct Scratch {
    /// The table's rows, one bit per cell.
    rows: Vec<u64>,
    /// For each word id, its slot among the distinct words of `b` (`NO_SLOT` when absent).
    slot: Vec<u32>,
    /// Per slot, the bits where that word stands in the reversed `b`.
    masks: Vec<u64>,
    /// The word ids given a slot, to clear them afterwards.
    used: Vec<u32>,
}

const NO_SLOT: u32 = u32::MAX;

thread_local! {
    /// The buffers of the last pair's LCS, reused: a few allocations per thread.
    static SCRATCH: std::cell::RefCell<Scratch> = const {
        std::cell::RefCell::new(Scratch {
            rows: Vec::new(),
            slot: Vec::new(),
            masks: Vec::new(),
            used: Vec::new(),
        })
    };
}

/// The matched pairs `diff::lcs` gives for the tokens of two statements (word ids are equal
/// exactly when the folded forms are), on integers and 64 cells to a machine word.
///
/// `diff::lcs` fills the table of LCS lengths of all suffix pairs and walks it back from the
/// start, breaking ties by one rule. The same table is computed here row by row as bit vectors
/// (Hyyrö's bit-parallel LCS on the reversed sequences: in the row of `a[i..]`, bit `k` is
/// clear when `b[m-1-k]` raises the LCS, so a length is a count of clear bits), and walked
/// back with the same rule, so the pairs are the same, ties included.
fn word_lcs(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n.saturating_mul(m) > GENERAL_CELLS {
        // Very long pairs: `diff::lcs_by` itself, with its own size limit.
        return lcs_by(n, m, |i, j| a[i] == b[j]);
    }
    SCRATCH.with(|cell| {
        let Scratch {
            rows,
            slot,
            masks,
            used,
        } = &mut *cell.borrow_mut();
        let words = m.div_ceil(64);
        // Where each distinct word of `b` stands, as bits of the reversed `b`.
        masks.clear();
        for (j, &x) in b.iter().enumerate() {
            let x = x as usize;
            if x >= slot.len() {
                slot.resize(x + 1, NO_SLOT);
            }
            if slot[x] == NO_SLOT {
                #[allow(clippy::cast_possible_truncation)]
                let next = used.len() as u32;
                slot[x] = next;
                #[allow(clippy::cast_possible_truncation)]
                used.push(x as u32);
                masks.resize(masks.len() + words, 0);
            }
            let k = m - 1 - j;
            masks[slot[x] as usize * words + k / 64] |= 1 << (k % 64);
        }
        // Row i (for a[i..]) at rows[i * words..]; row n (the empty suffix) is all set.
        rows.clear();
        rows.resize((n + 1) * words, u64::MAX);
        for i in (0..n).rev() {
            let (done, after) = rows.split_at_mut((i + 1) * words);
            let (row, prev) = (&mut done[i * words..], &after[..words]);
            let s = slot.get(a[i] as usize).copied().unwrap_or(NO_SLOT);
            if s == NO_SLOT {
                // A word `b` lacks raises nothing: the row below, unchanged.
                row.copy_from_slice(prev);
                continue;
            }
            let pm = &masks[s as usize * words..(s as usize + 1) * words];
            let mut carry = false;
            for w in 0..words {
                let v = prev[w];
                let u = v & pm[w];
                let (sum, c1) = v.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                row[w] = sum | (v & !u);
            }
        }
        for &x in used.iter() {
            slot[x as usize] = NO_SLOT;
        }
        used.clear();
        // LCS length of a[i..] and b[j..]: clear bits among the first m - j of row i.
        let len = |i: usize, j: usize| -> u32 {
            let row = &rows[i * words..(i + 1) * words];
            let bits = m - j;
            let mut clear = 0;
            for (w, &v) in row.iter().enumerate().take(bits.div_ceil(64)) {
                let take = (bits - w * 64).min(64);
                let mask = if take == 64 {
                    u64::MAX
                } else {
                    (1u64 << take) - 1
                };
                clear += (!v & mask).count_ones();
            }
            clear
        };
        // Whether bit k of row i is clear: b[m-1-k] raises the length of a[i..]'s LCS.
        let clear = |i: usize, k: usize| u32::from(rows[i * words + k / 64] >> (k % 64) & 1 == 0);
        // The walk back of `diff::lcs_by`, with x = len(i, j) and y = len(i + 1, j) kept up to
        // date instead of counted at every step.
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        let (mut x, mut y) = (len(0, 0), len(1, 0));
        while i < n && j < m {
            let k = m - 1 - j;
            if a[i] == b[j] {
                out.push((i, j));
                x = y - clear(i + 1, k);
                i += 1;
                j += 1;
                if i < n {
                    y = len(i + 1, j);
                }
            } else {
                let right = x - clear(i, k);
                if y >= right {
                    i += 1;
                    x = y;
                    if i < n {
                        y = len(i + 1, j);
                    }
                } else {
                    j += 1;
                    x = right;
                    y -= clear(i + 1, k);
                }
            }
        }
        out
    })
}

/// Whether `s` holds a name whose term `other` does not hold.
fn has_name_outside(c: &Corpus<'_>, s: &Stmt<'_>, other: &Stmt<'_>) -> bool {
    s.terms_in(0..s.terms.len())
        .any(|t| c.kinds[t as usize] == TermKind::Name && other.set.binary_search(&t).is_err())
}

/// Whether one of two words abbreviates the other: the shorter (two to five letters) starts
/// with the longer's first letter and its letters appear in the longer in order ("fla" /
/// "florida", "ark" / "arkansas", "calif" / "california").
fn abbreviates(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if !(2..=5).contains(&short.len())
        || short.len() >= long.len()
        || short.chars().next() != long.chars().next()
    {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|d| d == c))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::align::diff::lcs;
    use crate::align::text::tokenize;
    use proptest::prelude::*;

    proptest! {
        /// The integer alignment is the token alignment, ties included.
        #[test]
        fn word_lcs_is_the_token_lcs(a in "[abc ,]{0,60}", b in "[abc ,]{0,60}") {
            let (ta, tb) = (tokenize(&a), tokenize(&b));
            let mut ids: std::collections::HashMap<String, u32> = Default::default();
            let mut id = |t: &crate::align::text::Token| {
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                *ids.entry(t.norm.clone()).or_insert(next)
            };
            let ia: Vec<u32> = ta.iter().map(&mut id).collect();
            let ib: Vec<u32> = tb.iter().map(&mut id).collect();
            prop_assert_eq!(word_lcs(&ia, &ib), lcs(&ta, &tb));
        }
    }

    proptest! {
        /// Long pairs span several machine words of bits: still the same pairs.
        #[test]
        fn word_lcs_is_lcs_by_over_several_words(
            a in proptest::collection::vec(0u32..6, 0..300),
            b in proptest::collection::vec(0u32..6, 0..300),
        ) {
            prop_assert_eq!(word_lcs(&a, &b), lcs_by(a.len(), b.len(), |i, j| a[i] == b[j]));
        }
    }

    #[test]
    fn a_very_long_pair_takes_the_general_path_with_the_same_result() {
        let a: Vec<u32> = (0..1100).map(|i| i % 7).collect();
        let b: Vec<u32> = (0..1000).map(|i| i % 5).collect();
        assert!(a.len() * b.len() > GENERAL_CELLS);
        assert_eq!(
            word_lcs(&a, &b),
            lcs_by(a.len(), b.len(), |i, j| a[i] == b[j])
        );
    }
}
