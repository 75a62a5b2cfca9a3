//! Swapped roles: the same two names on either side of the same word, in the other order
//! ("Arsenal beat Chelsea" / "Chelsea beat Arsenal", "the flight from London to New York" /
//! "the flight from New York to London").
//!
//! Who did what to whom is the first thing a reader checks, and the word overlap of the two
//! statements is total, so the judge links them. The rule is read from word order alone: in
//! one clause of each statement, two names both statements use stand before and after one
//! content word (or between "from" and "to") in the opposite order. A passive ("Chelsea was
//! beaten by Arsenal", "by" or a form of "be" next to the word) tells the same thing in the
//! other order, so a statement with one is not compared, nor is a verb whose two sides may
//! change places ("Smith met Jones" / "Jones met Smith": `assets/lexicon/symmetric-verbs.txt`).

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::corpus::{Corpus, Stmt, TermId, TermKind, NO_TERM};
use super::lexicon::{lexicon, word_list};
use super::slots::clip;
use super::text::TokenKind;

/// Words that make the order of a clause's names say nothing of their roles
/// (`assets/lexicon/unordering-words.txt`): a passive ("by", a form of "be" or "get"), a pair
/// told both ways ("and", "with", "against"), a place in a place ("the Exarchia district of
/// Athens" / "the Athens district of Exarchia").
fn unordered(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, FixedState>> = OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("../../assets/lexicon/unordering-words.txt")))
        .contains(w)
}

/// The stems of the verbs whose two sides may change places.
fn symmetric() -> &'static HashSet<String, FixedState> {
    static SET: OnceLock<HashSet<String, FixedState>> = OnceLock::new();
    SET.get_or_init(|| {
        word_list(include_str!("../../assets/lexicon/symmetric-verbs.txt"))
            .into_iter()
            .map(|w| lexicon().stem(w))
            .collect()
    })
}

/// A name, by the first and last terms of its run: "South Sudan" is not "Sudan".
type Name = (TermId, TermId);

/// One order found in a statement: a name, the pivot, another name, and where the first name
/// starts and the second ends.
type Order = (Name, TermId, Name, usize, usize);

/// The orders of `s`: a name, a pivot and another name in that order in one clause with no
/// word that unorders it; each name read at the last token of its run.
fn orders(c: &Corpus<'_>, s: &Stmt<'_>, shared: &[TermId]) -> Vec<Order> {
    let facts = &super::params::defaults().facts;
    let (gap, from_reach) = (facts.swap_gap, facts.swap_from_reach);
    let is_name = |k: usize| {
        k < s.tokens.len()
            && s.term(k)
                .is_some_and(|t| c.kinds[t as usize] == TermKind::Name)
    };
    let name = |k: usize| -> Option<Name> {
        let last = s.term(k).filter(|t| shared.binary_search(t).is_ok())?;
        if !is_name(k) || is_name(k + 1) {
            return None;
        }
        let mut first = k;
        while first > 0 && is_name(first - 1) {
            first -= 1;
        }
        Some((s.term(first)?, last))
    };
    let mut out = Vec::new();
    for i in 0..s.tokens.len() {
        let Some(x) = name(i) else { continue };
        let mut start = i;
        while start > 0 && is_name(start - 1) {
            start -= 1;
        }
        // The clause around: up to its next stop, and whether "from" opens the first name
        // ("from London to New York"); read only as far as a swap can reach.
        let stop = |j: usize| s.tok(j).kind == TokenKind::Punct && !matches!(s.norm(j), "-" | ".");
        let end = (i + 1..s.tokens.len().min(i + 2 + gap))
            .find(|&j| stop(j))
            .unwrap_or(s.tokens.len().min(i + 2 + gap));
        let from = (start.saturating_sub(from_reach)..start)
            .rev()
            .take_while(|&j| !stop(j))
            .any(|j| s.norm(j) == "from");
        let mut pivot: Option<(TermId, usize)> = None;
        // At most `swap_gap` tokens between the names: "Sudan has accused South Sudan".
        for k in i + 1..end {
            let norm = s.norm(k);
            if unordered(norm) {
                break;
            }
            if let Some(y) = name(k) {
                if let Some((p, _)) = pivot {
                    if y != x {
                        out.push((x, p, y, start, k));
                    }
                }
                break;
            }
            if is_name(k) {
                // Inside the second name's run ("South" of "South Sudan").
                continue;
            }
            // The pivot: the one content word between the names ("beat"), or "to" of "from X
            // to Y". A second content word or another name is another clause's business
            // ("Riva tried to step over Kafoury").
            let content = s.term(k).filter(|&t| {
                matches!(
                    c.kinds[t as usize],
                    TermKind::Content | TermKind::Name | TermKind::Attribution
                )
            });
            match (pivot, content) {
                // Stemmed only here, once a clause has a pivot to test.
                (None, Some(_)) if symmetric().contains(&lexicon().stem(norm)) => break,
                (None, Some(t)) => pivot = Some((t, k)),
                (Some(_), Some(_)) => break,
                (None, None) if norm == "to" && from => pivot = Some((NO_TERM, k)),
                _ => {}
            }
        }
    }
    out
}

/// The role swaps between `a` and `b`: `(a's words, b's words)` from the first name to the
/// second of each.
#[must_use]
pub fn swapped_roles(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> Vec<(String, String)> {
    let shared: Vec<TermId> = a
        .set
        .iter()
        .copied()
        .filter(|t| c.kinds[*t as usize] == TermKind::Name && b.set.binary_search(t).is_ok())
        .collect();
    if shared.len() < 2 {
        return Vec::new();
    }
    let oa = orders(c, a, &shared);
    if oa.is_empty() {
        return Vec::new();
    }
    let ob = orders(c, b, &shared);
    let words = |s: &Stmt<'_>, start: usize, end: usize| {
        let first = (start..=end)
            .find(|&k| s.term(k).is_some())
            .unwrap_or(start);
        clip(s.text, s.tok(first).span.start, s.tok(end).span.end)
    };
    let mut out = Vec::new();
    for &(x, p, y, sa, ea) in &oa {
        if let Some(&(_, _, _, sb, eb)) = ob.iter().find(|o| o.0 == y && o.1 == p && o.2 == x) {
            out.push((words(a, sa, ea), words(b, sb, eb)));
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn swaps(a: &str, b: &str) -> usize {
        let c = super::super::polarity::corpus_of_two(a, b);
        swapped_roles(&c, &c.stmts[0], &c.stmts[1]).len()
    }

    #[test]
    fn the_same_names_in_the_other_order_around_one_word_are_swapped() {
        assert_eq!(
            swaps(
                "Arsenal beat Chelsea on Saturday.",
                "Chelsea beat Arsenal on Saturday."
            ),
            1
        );
        assert_eq!(
            swaps(
                "Officials said South Sudan accused Sudan of bombing.",
                "Officials said Sudan has accused South Sudan of bombing."
            ),
            1
        );
        assert_eq!(
            swaps(
                "The flight from London to New York was cancelled.",
                "The flight from New York to London was cancelled."
            ),
            1
        );
    }

    #[test]
    fn every_line_of_the_unordering_words_asset_is_read() {
        for w in include_str!("../../assets/lexicon/unordering-words.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(unordered(w), "{w}");
        }
        assert!(!unordered("beat"));
    }

    #[test]
    fn every_line_of_the_symmetric_verbs_asset_is_read() {
        for w in include_str!("../../assets/lexicon/symmetric-verbs.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(symmetric().contains(&lexicon().stem(w)), "{w}");
        }
    }

    #[test]
    fn a_passive_a_pair_or_the_same_order_is_no_swap() {
        let none = |a: &str, b: &str| assert_eq!(swaps(a, b), 0, "{a} / {b}");
        none(
            "Arsenal beat Chelsea on Saturday.",
            "Chelsea were beaten by Arsenal on Saturday.",
        );
        none(
            "Smith met Jones in Geneva.",
            "Jones and Smith met in Geneva.",
        );
        none(
            "Smith met with Jones in Geneva.",
            "Jones met with Smith in Geneva.",
        );
        none("Smith met Jones in Geneva.", "Jones met Smith in Geneva.");
        none(
            "Riva tried to step over Kafoury and collapsed.",
            "Kafoury tried to stop him at Riva's door.",
        );
        none(
            "Arsenal beat Chelsea on Saturday.",
            "Arsenal beat Chelsea 3-1 on Saturday.",
        );
    }
}
