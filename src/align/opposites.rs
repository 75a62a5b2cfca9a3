//! Opposites: two linked statements state opposite things of one subject ("Shares rose 5%" /
//! "Shares fell 5%", "The House approved the bill" / "The House rejected the bill").
//!
//! The verb pairs are `assets/lexicon/opposites.tsv` (WordNet 3.0 verb antonyms of each word's
//! main senses, and a few reporting verbs by hand), compared after stemming. A pair conflicts
//! when each statement uses one verb and not the other, each plainly (no negator in its clause:
//! "did not rise" and "fell" agree), about the same thing (the tests of [`super::polarity`]: a
//! shared word near both, no two different names on one side), with one subject and object
//! (the same word next before both verbs, and next after both: "the Colts won" / "the Jaguars
//! lost" is one game told from two sides), in a link sure enough ([`super::divergence::compares_polarity`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::corpus::{Corpus, Stmt, TermId, TermKind};
use super::lexicon::lexicon;
use super::polarity::{asserted_at, same_subject};
use super::slots::clip;
use super::text::TokenKind;

/// Each verb stem with the stems of its opposites.
fn table() -> &'static HashMap<String, Vec<String>, FixedState> {
    static TABLE: OnceLock<HashMap<String, Vec<String>, FixedState>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lex = lexicon();
        let mut map: HashMap<String, Vec<String>, FixedState> = HashMap::default();
        for line in include_str!("../../assets/lexicon/opposites.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let Some((x, y)) = line.split_once('\t') else {
                continue;
            };
            let (x, y) = (lex.stem(x.trim()), lex.stem(y.trim()));
            if x != y {
                map.entry(x.clone()).or_default().push(y.clone());
                map.entry(y).or_default().push(x);
            }
        }
        map
    })
}

/// The verbs of `s` that have opposites: `(token, its stem)` (found once per statement,
/// compared in each of its links).
#[must_use]
pub fn opposable(c: &Corpus<'_>, s: &Stmt<'_>) -> Vec<(usize, String)> {
    let lex = lexicon();
    // Each word stemmed into one buffer: only the few verbs with opposites keep a string.
    let mut stem = String::new();
    (0..s.tokens.len())
        .filter(|&k| {
            s.term(k).is_some_and(|t| {
                matches!(
                    c.kinds[t as usize],
                    TermKind::Content | TermKind::Attribution
                )
            })
        })
        .filter_map(|k| {
            lex.stem_into(s.norm(k), &mut stem);
            table().contains_key(&stem).then(|| (k, stem.clone()))
        })
        .collect()
}

/// The nearest content word or name before token `k` of `s` in its clause, and the nearest
/// after it (numbers and function words skipped).
fn neighbours(c: &Corpus<'_>, s: &Stmt<'_>, k: usize) -> (Option<TermId>, Option<TermId>) {
    let open = |j: &usize| s.tok(*j).kind != TokenKind::Punct;
    let informative = |j: usize| {
        s.term(j)
            .filter(|&t| matches!(c.kinds[t as usize], TermKind::Content | TermKind::Name))
    };
    let before = (0..k).rev().take_while(open).find_map(informative);
    let after = (k + 1..s.tokens.len())
        .take_while(open)
        .find_map(informative);
    (before, after)
}

/// Whether the verbs at `i` in `a` and `j` in `b` have one subject and one object: the same
/// word next before each (and next after each, when both have one). "The House approved the
/// bill" / "The House rejected the bill", not "Chiefs lose to Colts" / "Colts… Win Over
/// Chiefs" (one game from two sides) nor "Indonesia lies in a zone" / "17,000 islands, sits
/// at a zone".
fn same_neighbours(c: &Corpus<'_>, a: &Stmt<'_>, i: usize, b: &Stmt<'_>, j: usize) -> bool {
    let ((ba, aa), (bb, ab)) = (neighbours(c, a, i), neighbours(c, b, j));
    ba.is_some() && ba == bb && (aa.is_none() || ab.is_none() || aa == ab)
}

/// Opposite statements of one thing in `a` and `b` (each with its [`opposable`] verbs): `(a's
/// verb, b's verb)`. Asked only of links sure enough
/// ([`super::divergence::compares_polarity`]).
#[must_use]
pub fn opposite_differences(
    c: &Corpus<'_>,
    (a, va): (&Stmt<'_>, &[(usize, String)]),
    (b, vb): (&Stmt<'_>, &[(usize, String)]),
) -> Vec<(String, String)> {
    // Each uses one verb only: "rose, then fell" against "fell" is no conflict.
    let uses = |v: &[(usize, String)], stem: &String| v.iter().any(|(_, s)| s == stem);
    let mut out = Vec::new();
    for (i, x) in va {
        let Some(opposite) = table().get(x) else {
            continue;
        };
        for (j, y) in vb {
            if !opposite.contains(y) || uses(va, y) || uses(vb, x) {
                continue;
            }
            if asserted_at(a, *i)
                && asserted_at(b, *j)
                && same_subject(c, a, *i, *i, b, *j)
                && same_neighbours(c, a, *i, b, *j)
            {
                let word =
                    |s: &Stmt<'_>, k: usize| clip(s.text, s.tok(k).span.start, s.tok(k).span.end);
                out.push((word(a, *i), word(b, *j)));
            }
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opposites(a: &str, b: &str) -> Vec<(String, String)> {
        let c = super::super::polarity::corpus_of_two(a, b);
        let (x, y) = (&c.stmts[0], &c.stmts[1]);
        opposite_differences(&c, (x, &opposable(&c, x)), (y, &opposable(&c, y)))
    }

    #[test]
    fn opposite_verbs_of_one_thing_conflict() {
        assert_eq!(
            opposites(
                "Shares of the company rose 5 percent on Monday.",
                "Shares of the company fell 5 percent on Monday."
            ),
            [("rose".to_string(), "fell".to_string())]
        );
        assert_eq!(
            opposites(
                "The company confirmed the merger on Monday.",
                "The company denied the merger on Monday."
            ),
            [("confirmed".to_string(), "denied".to_string())]
        );
        assert_eq!(
            opposites(
                "The House approved the bill.",
                "The House rejected the bill."
            )
            .len(),
            1
        );
    }

    #[test]
    fn one_event_told_from_two_sides_or_denied_is_no_conflict() {
        let none = |a: &str, b: &str| assert!(opposites(a, b).is_empty(), "{a} / {b}");
        none(
            "The visiting Colts won the game on Sunday.",
            "The visiting Jaguars lost the game on Sunday.",
        );
        none(
            "Chiefs lose 20-13 to Colts on Sunday",
            "Colts clinch playoff spot with 20-13 win over Chiefs on Sunday",
        );
        none(
            "Indonesia lies in a zone where plates meet.",
            "Indonesia, with 17,000 islands, sits at a zone where plates meet.",
        );
        none("Shares did not rise on Monday.", "Shares fell on Monday.");
        none(
            "Shares rose, then fell on Monday.",
            "Shares fell on Monday.",
        );
    }

    #[test]
    fn every_line_of_the_opposites_asset_is_read() {
        let lines = include_str!("../../assets/lexicon/opposites.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count();
        // Each pair is read both ways; a pair whose verbs stem alike would be skipped.
        let read: usize = table().values().map(Vec::len).sum();
        assert_eq!(read, 2 * lines);
    }
}
