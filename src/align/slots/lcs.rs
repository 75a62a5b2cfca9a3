//! The word alignment of two statements on word ids: the pairs `diff::lcs` would give, computed
//! bit-parallel, 64 cells to a machine word, with buffers reused per thread.

use crate::align::diff::lcs_by;

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
pub(super) fn word_lcs(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n.saturating_mul(m) > GENERAL_CELLS {
        // Very long pairs: `diff::lcs_by` itself, with its own size limit.
        return lcs_by(n, m, |i, j| a[i] == b[j]);
    }
    if m <= 64 {
        // Most statements: a row is one machine word.
        return SCRATCH.with(|cell| short(a, b, &mut cell.borrow_mut()));
    }
    SCRATCH.with(|cell| {
        let Scratch {
            rows,
            slot,
            masks,
            used,
        } = &mut *cell.borrow_mut();
        let words = m.div_ceil(64);
        column_masks(b, words, slot, used, masks);
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
        walk_back(a, b, len, clear)
    })
}

/// [`word_lcs`] when `b` has at most 64 tokens: the same table and walk, one machine word a
/// row, without the per-word loops and masks of the general path (the arithmetic is that of
/// the general path's last word, so the pairs are the same).
fn short(a: &[u32], b: &[u32], s: &mut Scratch) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let Scratch {
        rows,
        slot,
        masks,
        used,
    } = s;
    column_masks(b, 1, slot, used, masks);
    rows.clear();
    rows.resize(n + 1, u64::MAX);
    for i in (0..n).rev() {
        let v = rows[i + 1];
        let s = slot.get(a[i] as usize).copied().unwrap_or(NO_SLOT);
        rows[i] = if s == NO_SLOT {
            v
        } else {
            let u = v & masks[s as usize];
            v.wrapping_add(u) | (v & !u)
        };
    }
    for &x in used.iter() {
        slot[x as usize] = NO_SLOT;
    }
    used.clear();
    // The low `m - j` bits: the columns of b[j..].
    let low = |j: usize| {
        let bits = m - j;
        if bits == 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        }
    };
    let len = |i: usize, j: usize| (!rows[i] & low(j)).count_ones();
    let clear = |i: usize, k: usize| u32::from(rows[i] >> k & 1 == 0);
    walk_back(a, b, len, clear)
}

/// Where each distinct word of `b` stands, as bits of the reversed `b`, `words` machine words a
/// word of `b`: `slot[x]` numbers word id `x` in order of first use (`used` lists the ids given a
/// slot, so they can be reset), `masks[slot * words..]` holds its bits.
fn column_masks(
    b: &[u32],
    words: usize,
    slot: &mut Vec<u32>,
    used: &mut Vec<u32>,
    masks: &mut Vec<u64>,
) {
    let m = b.len();
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
}

/// The pairs of one longest common subsequence of `a` and `b`, walked back from the bit rows:
/// `len(i, j)` is the LCS length of `a[i..]` and `b[j..]`, `clear(i, k)` whether bit `k` of row
/// `i` is clear (`b[m-1-k]` raises the length of `a[i..]`'s LCS). The walk of `diff::lcs_by`,
/// with x = len(i, j) and y = len(i + 1, j) kept up to date instead of counted at every step;
/// both row layouts (one machine word a row, or several) share it.
fn walk_back(
    a: &[u32],
    b: &[u32],
    len: impl Fn(usize, usize) -> u32,
    clear: impl Fn(usize, usize) -> u32,
) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
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
    fn a_row_of_exactly_one_machine_word_and_one_more_give_the_same_pairs() {
        // 64 tokens fill the short path's row to its last bit; 65 take the general path.
        for m in [63, 64, 65] {
            let a: Vec<u32> = (0..70).map(|i| (i * 7 + 3) % 5).collect();
            let b: Vec<u32> = (0..m).map(|i| (i * 3 + 1) % 4).collect();
            assert_eq!(
                word_lcs(&a, &b),
                lcs_by(a.len(), b.len(), |i, j| a[i] == b[j]),
                "m = {m}"
            );
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
