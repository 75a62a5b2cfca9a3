//! Word-level diff of two statements: the longest common subsequence of their folded tokens
//! (which the slot and quote stages align by) and [`word_diff`], the complement of it.
//!
//! The interface does not highlight from [`word_diff`]: on two differently worded statements
//! it marks nearly everything. What a linked pair highlights is [`mod@super::highlight`].
//!
//! Tokens are compared by their folded form (case, curly quotes and dashes do not count as
//! changes), matched by a longest common subsequence, and then tidied so prose does not
//! fragment: a short run of stopwords or punctuation left "equal" between two changes is
//! counted as part of the change. The result covers both strings completely, in order.

use std::ops::Range;

use super::lexicon::lexicon;
use super::text::{tokenize, Token, TokenKind};

/// Whether a stretch of text is the same in both statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// The words also stand, in this order, in the other statement.
    Equal,
    /// The words differ from (or are missing in) the other statement.
    Changed,
}

/// A stretch of one statement: a byte range and whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the statement; segments are contiguous and cover it.
    pub range: Range<usize>,
    /// Equal or changed.
    pub change: Change,
}

/// The diff of two statements: for each side, its segments in order.
///
/// The segments of `left` cover `a` from byte 0 to its end without gaps or overlaps, and so do
/// those of `right` for `b`. Adjacent segments always differ in [`Change`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordDiff {
    /// Segments of the first statement.
    pub left: Vec<Segment>,
    /// Segments of the second statement.
    pub right: Vec<Segment>,
}

impl WordDiff {
    /// Whether nothing changed on either side.
    #[must_use]
    pub fn is_equal(&self) -> bool {
        self.left
            .iter()
            .chain(&self.right)
            .all(|s| s.change == Change::Equal)
    }
}

/// Largest token-matrix the LCS is computed on; longer inputs are diffed as wholly changed.
const MAX_CELLS: usize = 4_000_000;

/// Pairs `(i, j)` of matched tokens of `a` and `b` (longest common subsequence of the folded
/// forms), in increasing order of both.
#[must_use]
pub fn lcs(a: &[Token], b: &[Token]) -> Vec<(usize, usize)> {
    lcs_by(a.len(), b.len(), |i, j| a[i].norm == b[j].norm)
}

/// A longest common subsequence of two sequences of lengths `n` and `m`, where `same(i, j)`
/// says whether item `i` of the first equals item `j` of the second: the matched pairs in
/// increasing order of both. Inputs over `MAX_CELLS` get no match (the table would not fit).
#[must_use]
pub fn lcs_by(n: usize, m: usize, same: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_CELLS {
        return Vec::new();
    }
    // Lengths of the LCS of the suffixes a[i..], b[j..].
    let w = m + 1;
    let mut t = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if same(i, j) {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(i, j) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn is_filler(t: &Token) -> bool {
    t.kind == TokenKind::Punct || lexicon().is_stopword(&t.norm)
}

/// Token-level equal flags for both sides, with short filler runs between changes absorbed.
#[must_use]
pub fn equal_flags(a: &[Token], b: &[Token]) -> (Vec<bool>, Vec<bool>) {
    let pairs = lcs(a, b);
    let mut ea = vec![false; a.len()];
    let mut eb = vec![false; b.len()];
    for &(i, j) in &pairs {
        ea[i] = true;
        eb[j] = true;
    }
    // Runs of consecutive matched pairs (contiguous on both sides).
    let mut k = 0;
    while k < pairs.len() {
        let mut e = k + 1;
        while e < pairs.len()
            && pairs[e].0 == pairs[e - 1].0 + 1
            && pairs[e].1 == pairs[e - 1].1 + 1
        {
            e += 1;
        }
        let run = &pairs[k..e];
        let (fi, fj) = run[0];
        let (li, lj) = run[run.len() - 1];
        let change_before = (fi > 0 && !ea[fi - 1]) || (fj > 0 && !eb[fj - 1]);
        let change_after = (li + 1 < a.len() && !ea[li + 1]) || (lj + 1 < b.len() && !eb[lj + 1]);
        let short_filler = run.len() <= 2 && run.iter().all(|&(i, _)| is_filler(&a[i]));
        if change_before && change_after && short_filler {
            for &(i, j) in run {
                ea[i] = false;
                eb[j] = false;
            }
        }
        k = e;
    }
    (ea, eb)
}

fn segments(text: &str, toks: &[Token], equal: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let push = |range: Range<usize>, change: Change, out: &mut Vec<Segment>| {
        if range.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.change == change => last.range.end = range.end,
            _ => out.push(Segment { range, change }),
        }
    };
    let mut pos = 0;
    for (k, t) in toks.iter().enumerate() {
        let change = if equal[k] {
            Change::Equal
        } else {
            Change::Changed
        };
        // The space before a token joins a change only when the change goes on across it.
        let gap = if out.last().is_some_and(|s: &Segment| s.change == change) {
            change
        } else {
            Change::Equal
        };
        push(pos..t.span.start, gap, &mut out);
        push(t.span.clone(), change, &mut out);
        pos = t.span.end;
    }
    push(pos..text.len(), Change::Equal, &mut out);
    out
}

/// Diff two statements word by word (see the module documentation).
#[must_use]
pub fn word_diff(a: &str, b: &str) -> WordDiff {
    let (ta, tb) = (tokenize(a), tokenize(b));
    let (ea, eb) = equal_flags(&ta, &tb);
    WordDiff {
        left: segments(a, &ta, &ea),
        right: segments(b, &tb, &eb),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed<'a>(s: &'a str, segs: &[Segment]) -> Vec<&'a str> {
        segs.iter()
            .filter(|x| x.change == Change::Changed)
            .map(|x| &s[x.range.clone()])
            .collect()
    }

    #[test]
    fn changed_words_are_marked_on_both_sides() {
        let a = "Trump discussed plans during a private video call with European leaders.";
        let b = "Trump informed European leaders during a phone call.";
        let d = word_diff(a, b);
        let side = |s: &str, segs: &[Segment], w: &str| {
            let at = s.find(w).unwrap();
            segs.iter()
                .find(|x| x.range.contains(&at))
                .map(|x| x.change)
        };
        assert_eq!(side(a, &d.left, "video"), Some(Change::Changed));
        assert_eq!(side(b, &d.right, "phone"), Some(Change::Changed));
        assert_eq!(side(a, &d.left, "call"), Some(Change::Equal));
        assert_eq!(side(b, &d.right, "call"), Some(Change::Equal));
        assert_eq!(side(a, &d.left, "Trump"), Some(Change::Equal));
    }

    #[test]
    fn case_and_curly_quotes_are_not_changes() {
        let d = word_diff("He said “useful” — yes", "he said \"useful\" - yes");
        assert!(d.is_equal());
    }

    #[test]
    fn a_lone_stopword_between_changes_joins_them() {
        let a = "the red car of the mayor";
        let b = "the blue bike of the mayor";
        let d = word_diff(a, b);
        assert_eq!(changed(a, &d.left), ["red car"]);
        let a = "red and blue";
        let b = "green and yellow";
        assert_eq!(changed(a, &word_diff(a, b).left), ["red and blue"]);
    }

    #[test]
    fn segments_cover_the_text() {
        let a = "  Quite useful, and constructive.  ";
        let d = word_diff(a, "useful and constructive");
        assert_eq!(d.left.first().map(|s| s.range.start), Some(0));
        assert_eq!(d.left.last().map(|s| s.range.end), Some(a.len()));
        for w in d.left.windows(2) {
            assert_eq!(w[0].range.end, w[1].range.start);
            assert_ne!(w[0].change, w[1].change);
        }
    }
}
