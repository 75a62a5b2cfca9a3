//! Which words of two linked statements carry their difference, for highlighting.
//!
//! Two kinds of mark, strongest first:
//! - **conflict**: the words of a conflicting fact the engine found (a [`Difference`]: a
//!   number, date, name, quotation or key noun), on both sides. Inside the two renderings of
//!   one fact only the words that differ are marked ("3 hours" / "4 hours" marks the digits);
//!   a side whose words all stand in the other is marked whole, so a conflict always shows
//!   on both sides.
//! - **phrase**: in a paraphrase, a stretch of content words with no counterpart anywhere in
//!   the other statement (word order does not matter: paraphrases reorder). Stopwords are
//!   never marked on their own, only inside such a stretch.
//!
//! Two statements that share too little for a word comparison to mean anything (most content
//! words of a side without counterpart, or the differences scattered over many stretches) are
//! **reworded**: they get no phrase marks at all rather than a highlight over nearly all of
//! them. Conflicts are marked either way.

use std::ops::Range;

mod phrases;

use super::diff::lcs;
use super::lexicon::lexicon;
use super::text::{tokenize, Token, TokenKind};
use super::{Difference, DifferenceKind};

/// What a highlighted stretch shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Words of a conflicting fact, of this kind.
    Conflict(DifferenceKind),
    /// Content words of a paraphrase with no counterpart in the other statement.
    Phrase,
}

impl Mark {
    /// Whether this is a conflict mark (the strongest).
    #[must_use]
    pub fn is_conflict(self) -> bool {
        matches!(self, Self::Conflict(_))
    }
}

/// One highlighted stretch of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range in the statement: on char boundaries, from a word's start to a word's end.
    pub range: Range<usize>,
    /// Conflict or phrase.
    pub mark: Mark,
}

/// The highlights of both statements of a pair.
///
/// Each side's highlights are sorted, non-overlapping and inside its statement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PairHighlights {
    /// Highlights of the first statement.
    pub a: Vec<Highlight>,
    /// Highlights of the second statement.
    pub b: Vec<Highlight>,
    /// The two share too little for phrase marks: only conflicts (if any) are marked.
    pub reworded: bool,
}

impl PairHighlights {
    /// The same highlights with the two sides exchanged.
    #[must_use]
    pub fn flipped(self) -> Self {
        Self {
            a: self.b,
            b: self.a,
            reworded: self.reworded,
        }
    }
}

/// Which words of `a` and `b` carry their difference (see the module documentation).
///
/// `conflicts` are the link's typed differences: each one's `a` words are looked for in `a`,
/// its `b` words in `b` (a difference whose words are not found is skipped).
#[must_use]
pub fn highlight(a: &str, b: &str, conflicts: &[Difference]) -> PairHighlights {
    let (ta, tb) = (tokenize(a), tokenize(b));
    let (mut ma, mut mb) = conflict_marks(&ta, &tb, conflicts);
    let reworded = phrases::mark(&ta, &tb, &mut ma, &mut mb);
    PairHighlights {
        a: ranges(&ta, &ma),
        b: ranges(&tb, &mb),
        reworded,
    }
}

/// Only the conflict marks of [`highlight`]: cheaper (no word matching), for the statements
/// on screen that are not the selected pair. `reworded` is always false.
#[must_use]
pub fn conflicts(a: &str, b: &str, conflicts: &[Difference]) -> PairHighlights {
    let (ta, tb) = (tokenize(a), tokenize(b));
    let (ma, mb) = conflict_marks(&ta, &tb, conflicts);
    PairHighlights {
        a: ranges(&ta, &ma),
        b: ranges(&tb, &mb),
        reworded: false,
    }
}

type Marks = Vec<Option<Mark>>;

/// Each token's conflict mark, if any, on both sides.
fn conflict_marks(ta: &[Token], tb: &[Token], conflicts: &[Difference]) -> (Marks, Marks) {
    let mut ma: Marks = vec![None; ta.len()];
    let mut mb: Marks = vec![None; tb.len()];
    for d in conflicts {
        let (Some(ra), Some(rb)) = (find(ta, &d.a), find(tb, &d.b)) else {
            continue;
        };
        mark_conflict(ta, ra, tb, rb, Mark::Conflict(d.kind), &mut ma, &mut mb);
    }
    (ma, mb)
}

/// The token range of `toks` whose folded forms spell `words` (tokenised), first occurrence.
fn find(toks: &[Token], words: &str) -> Option<Range<usize>> {
    let w = tokenize(words);
    if w.is_empty() || w.len() > toks.len() {
        return None;
    }
    (0..=toks.len() - w.len())
        .find(|&i| w.iter().zip(&toks[i..]).all(|(x, y)| x.norm == y.norm))
        .map(|i| i..i + w.len())
}

fn is_word(t: &Token) -> bool {
    t.kind != TokenKind::Punct
}

fn is_content(t: &Token) -> bool {
    is_word(t) && !lexicon().is_stopword(&t.norm)
}

/// Mark the words of one conflict on both sides: those outside the common subsequence of the
/// two renderings, or a whole rendering none of whose words differ.
///
/// A stretch left over at either end of one rendering, facing nothing on the other, is marked
/// only when short ("very" good chance / good chance): a longer one is more of the quotation
/// than the other report gave, not a change of its words.
fn mark_conflict(
    ta: &[Token],
    ra: Range<usize>,
    tb: &[Token],
    rb: Range<usize>,
    mark: Mark,
    ma: &mut [Option<Mark>],
    mb: &mut [Option<Mark>],
) {
    let (sa, sb) = (&ta[ra.clone()], &tb[rb.clone()]);
    let pairs = lcs(sa, sb);
    let mut da = vec![false; sa.len()];
    let mut db = vec![false; sb.len()];
    // The gaps between matched words: before the first, between two, after the last.
    let mut prev: (usize, usize) = (0, 0);
    let bounds = pairs
        .iter()
        .map(|&(i, j)| (i, j))
        .chain(std::iter::once((sa.len(), sb.len())));
    for (g, (i, j)) in bounds.enumerate() {
        let (ga, gb) = (prev.0..i, prev.1..j);
        prev = (i + 1, j + 1);
        let words =
            |s: &[Token], r: &Range<usize>| s[r.clone()].iter().filter(|t| is_word(t)).count();
        let (wa, wb) = (words(sa, &ga), words(sb, &gb));
        let inner = g > 0 && g < pairs.len();
        let edge = super::params::defaults().highlight.edge_words;
        let keep = |w: usize, other: usize| inner || other > 0 || w <= edge;
        if keep(wa, wb) {
            da[ga].fill(true);
        }
        if keep(wb, wa) {
            db[gb].fill(true);
        }
    }
    for (s, d, r, m) in [(sa, &da, ra, ma), (sb, &db, rb, mb)] {
        let whole = !s.iter().zip(d).any(|(t, &x)| is_word(t) && x);
        for (k, t) in s.iter().enumerate() {
            // The first conflict found keeps a word (two rarely share one).
            if is_word(t) && (whole || d[k]) && m[r.start + k].is_none() {
                m[r.start + k] = Some(mark);
            }
        }
    }
}

/// Runs of equally marked tokens as byte ranges (punctuation inside a run joins it).
fn ranges(toks: &[Token], marks: &[Option<Mark>]) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = Vec::new();
    // The token that ends the last highlight.
    let mut last = 0;
    for (i, (t, m)) in toks.iter().zip(marks).enumerate() {
        let Some(m) = *m else { continue };
        // Only unmarked punctuation lies between this token and the run before it.
        let joins = out.last().is_some_and(|h| h.mark == m)
            && toks[last + 1..i]
                .iter()
                .zip(&marks[last + 1..i])
                .all(|(x, n)| n.is_none() && x.kind == TokenKind::Punct);
        match out.last_mut() {
            Some(h) if joins => h.range.end = t.span.end,
            _ => out.push(Highlight {
                range: t.span.clone(),
                mark: m,
            }),
        }
        last = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn marked<'a>(s: &'a str, hs: &[Highlight], conflict: bool) -> Vec<&'a str> {
        hs.iter()
            .filter(|h| h.mark.is_conflict() == conflict)
            .map(|h| &s[h.range.clone()])
            .collect()
    }

    fn diff(kind: DifferenceKind, a: &str, b: &str) -> Difference {
        Difference {
            kind,
            a: a.into(),
            b: b.into(),
        }
    }

    // Seeds 002 and 003: the deadline a day away against 48 hours away.
    const DAY: &str = "This high-stakes diplomatic engagement comes as the US aggressively pushes \
        for an end to Russia’s war in Ukraine, with President Trump’s deadline for a truce \
        looming just a day away.";
    const HOURS: &str = "The diplomatic momentum comes just 48 hours before the expiration of \
        a deadline set by Trump for Russia to commit to a peace agreement or face new economic \
        sanctions.";

    #[test]
    fn the_conflict_of_two_reworded_statements_is_all_that_is_marked() {
        let h = highlight(
            DAY,
            HOURS,
            &[diff(DifferenceKind::Number, "a day", "48 hours")],
        );
        assert_eq!(marked(DAY, &h.a, true), ["a day"]);
        assert_eq!(marked(HOURS, &h.b, true), ["48 hours"]);
        assert!(h.reworded);
        assert!(marked(DAY, &h.a, false).is_empty(), "{h:?}");
        assert!(marked(HOURS, &h.b, false).is_empty(), "{h:?}");
        let kinds: Vec<Mark> = h.a.iter().chain(&h.b).map(|x| x.mark).collect();
        assert!(kinds
            .iter()
            .all(|m| *m == Mark::Conflict(DifferenceKind::Number)));
    }

    #[test]
    fn one_number_apart_marks_only_the_number() {
        let a = "The meeting lasted 3 hours, officials in Moscow said on Wednesday.";
        let b = "The meeting lasted 4 hours, officials in Moscow said on Wednesday.";
        let h = highlight(a, b, &[diff(DifferenceKind::Number, "3 hours", "4 hours")]);
        assert_eq!(marked(a, &h.a, true), ["3"]);
        assert_eq!(marked(b, &h.b, true), ["4"]);
        assert!(!h.reworded);
        assert!(marked(a, &h.a, false).is_empty() && marked(b, &h.b, false).is_empty());
        // Found by the words alone too: no typed difference, the one differing word.
        let h = highlight(a, b, &[]);
        assert_eq!(marked(a, &h.a, false), ["3"]);
    }

    #[test]
    fn drift_inside_a_quote_marks_the_moved_words() {
        let a = "“We did it with India. We’re doing it probably with a couple of others,” he said.";
        let b =
            "“We did it with India. We’re probably doing it with a couple of others,” Trump said.";
        let qa = "“We did it with India. We’re doing it probably with a couple of others,”";
        let qb = "“We did it with India. We’re probably doing it with a couple of others,”";
        let h = highlight(a, b, &[diff(DifferenceKind::Quote, qa, qb)]);
        let ca = marked(a, &h.a, true).join(" ");
        let cb = marked(b, &h.b, true).join(" ");
        assert!(ca.split(' ').count() <= 2, "{ca}");
        assert!(cb.split(' ').count() <= 2, "{cb}");
        assert!(
            ca.contains("probably") || cb.contains("probably"),
            "{ca} / {cb}"
        );
        // A side whose words all stand in the other is still marked, whole.
        let h = highlight(
            "a very good chance",
            "a good chance",
            &[diff(
                DifferenceKind::Quote,
                "very good chance",
                "good chance",
            )],
        );
        assert_eq!(marked("a very good chance", &h.a, true), ["very"]);
        assert_eq!(marked("a good chance", &h.b, true), ["good chance"]);
    }

    #[test]
    fn conflicts_alone_are_the_conflict_marks_of_the_full_highlight() {
        let d = [diff(DifferenceKind::Number, "a day", "48 hours")];
        let (full, only) = (highlight(DAY, HOURS, &d), conflicts(DAY, HOURS, &d));
        let strong = |hs: &[Highlight]| -> Vec<Highlight> {
            hs.iter()
                .filter(|h| h.mark.is_conflict())
                .cloned()
                .collect()
        };
        assert_eq!(only.a, strong(&full.a));
        assert_eq!(only.b, strong(&full.b));
        assert!(!only.reworded);
    }

    #[test]
    fn huge_statements_do_not_hang() {
        let a = format!("start {} end", "alpha ".repeat(5000));
        let b = format!("start {} end", "beta ".repeat(5000));
        let t = std::time::Instant::now();
        let h = highlight(&a, &b, &[diff(DifferenceKind::Quote, &a, &b)]);
        assert!(!h.a.is_empty() && !h.b.is_empty());
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn differences_not_in_the_text_are_skipped() {
        let h = highlight(
            "Putin met Trump.",
            "Putin met Trump.",
            &[diff(DifferenceKind::Name, "Biden", "Obama")],
        );
        assert_eq!(h, PairHighlights::default());
        let f = highlight("a b", "a c", &[]).flipped();
        assert_eq!(marked("a c", &f.a, false).len(), f.a.len());
    }

    fn well_formed(s: &str, hs: &[Highlight]) -> Result<(), TestCaseError> {
        for h in hs {
            prop_assert!(
                h.range.start < h.range.end && h.range.end <= s.len(),
                "{h:?}"
            );
            prop_assert!(s.is_char_boundary(h.range.start) && s.is_char_boundary(h.range.end));
        }
        for w in hs.windows(2) {
            prop_assert!(w[0].range.end <= w[1].range.start, "{hs:?}");
        }
        Ok(())
    }

    /// A substring of `s` cut at two char positions picked by `x` and `y`.
    fn piece(s: &str, x: usize, y: usize) -> String {
        let cuts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let (i, j) = (cuts[x % cuts.len()], cuts[y % cuts.len()]);
        s[i.min(j)..i.max(j)].to_owned()
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["\\PC{0,80}", "([A-Za-z0-9’'“”,.-]{1,9} ){0,14}"]
    }

    proptest! {
        #[test]
        fn ranges_are_inside_on_boundaries_sorted_and_disjoint(
            a in text(),
            b in text(),
            cuts in proptest::collection::vec((0usize..100, 0usize..100, 0usize..100, 0usize..100), 0..4),
        ) {
            let diffs: Vec<Difference> = cuts
                .iter()
                .map(|&(w, x, y, z)| diff(DifferenceKind::Quote, &piece(&a, w, x), &piece(&b, y, z)))
                .collect();
            let h = highlight(&a, &b, &diffs);
            well_formed(&a, &h.a)?;
            well_formed(&b, &h.b)?;
            if h.reworded {
                prop_assert!(h.a.iter().chain(&h.b).all(|x| x.mark.is_conflict()));
            }
            let same = highlight(&a, &a, &[]);
            prop_assert!(same.a.is_empty() && same.b.is_empty() && !same.reworded);
        }
    }
}
