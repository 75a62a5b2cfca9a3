//! Polarity: one of two linked statements denies what the other asserts ("Police arrested the
//! suspect" / "Police did not arrest the suspect", "pleaded guilty" / "pleaded not guilty").
//!
//! A negator ("not", "never", "no", a word ending in "n't", "refused to"; the list is
//! `assets/lexicon/negators.txt`) negates the first word after it that carries a claim: a
//! content word or a word of attribution ("has not confirmed"). It reaches past auxiliaries
//! and determiners listed in that file, names ("no Russian official"), numbers ("no one was
//! hurt") and adverbs in "-ly" ("did not immediately respond"); any other function word,
//! punctuation or another negator ends its reach ("did not say how many were killed" denies
//! no killing), and so do a few words. The two statements
//! conflict when a term is negated wherever one of them uses it and asserted wherever the other
//! does: a term both negate, or one uses both ways ("he was not arrested, but his brother was
//! arrested"), is no conflict. Phrases that hold a negator but deny nothing ("not only",
//! "none other") are listed in the same file with a `!`.

mod negators;

use negators::{denies_nothing, negator_width, negators};

use super::corpus::{Corpus, Stmt, TermId, TermKind};
use super::slots::clip;
use super::text::TokenKind;

/// A statement's denials: `(term, first token of the negator, token of the denied word)`.
pub type Denials = Vec<(TermId, usize, usize)>;

/// The negated words of `s` (found once per statement, compared in each of its links).
#[must_use]
pub fn negated(c: &Corpus<'_>, s: &Stmt<'_>) -> Denials {
    let n = negators();
    let reach = super::params::defaults().facts.negation_reach;
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        let width = negator_width(s, i);
        if width == 0 {
            i += 1;
            continue;
        }
        let from = i + width;
        if !denies_nothing(s, i) {
            if let Some(k) = denied_word(c, s, from, reach) {
                // "did not take the lead until…" dates the lead; it does not deny it.
                let bounded = (k + 1..(k + 1 + reach).min(s.tokens.len()))
                    .take_while(|&j| s.tok(j).kind != TokenKind::Punct)
                    .any(|j| n.time_bounds.contains(s.norm(j)));
                if let (false, Some(term)) = (bounded, s.term(k)) {
                    out.push((term, i, k));
                }
            }
        }
        i = from;
    }
    out
}

/// The word a negator ending before token `from` denies, if one is within `reach` tokens.
fn denied_word(c: &Corpus<'_>, s: &Stmt<'_>, from: usize, reach: usize) -> Option<usize> {
    let past = &negators().reached_past;
    for k in from..(from + reach).min(s.tokens.len()) {
        let t = s.tok(k);
        // A hyphen joins ("no-one"); other punctuation ends the clause.
        if t.kind == TokenKind::Punct && t.norm == "-" {
            continue;
        }
        if t.kind == TokenKind::Punct || negator_width(s, k) > 0 {
            return None;
        }
        let adverb = t.norm.len() > 4 && t.norm.ends_with("ly");
        if t.kind == TokenKind::Number || adverb || past.contains(t.norm) {
            continue;
        }
        match s.term(k).map(|term| c.kinds[term as usize]) {
            // A capitalised word inside the sentence is part of a name ("Nor is Windows
            // Server 2012"), and a name is what is denied of ("no Russian official
            // attended"), not the word denied.
            Some(TermKind::Content | TermKind::Attribution) if !(t.capitalised && k > 0) => {
                return Some(k);
            }
            Some(TermKind::Name | TermKind::Content | TermKind::Attribution) => {}
            // Any other word ("say" in "did not say how many…") ends the reach.
            _ => return None,
        }
    }
    None
}

/// Whether token `k` of `s` asserts its word plainly: no negator in its clause, before it ("I
/// don't think he won") or after it ("the gun has not been recovered" asserts no gun), and not
/// half of a hyphenated compound ("play-offs" is no playing).
pub(super) fn asserted_at(s: &Stmt<'_>, k: usize) -> bool {
    let hyphen = |j: usize| j < s.tokens.len() && s.norm(j) == "-";
    if hyphen(k + 1) || (k > 0 && hyphen(k - 1)) {
        return false;
    }
    // Back to the clause's start: "I didn't feel we were executing…" asserts no executing.
    let clause_back = (0..k)
        .rev()
        .take_while(|&j| s.tok(j).kind != TokenKind::Punct || s.norm(j) == "-");
    // And on to its end: "I feel we weren't executing" does not assert the feeling alone.
    let clause_on = (k + 1..s.tokens.len())
        .take_while(|&j| s.tok(j).kind != TokenKind::Punct || s.norm(j) == "-");
    !clause_back
        .chain(clause_on)
        .any(|j| negator_width(s, j) > 0)
}

/// Polarity conflicts between `a` and `b` (each with its [`negated`] words): `(the negated
/// words in one, the asserted word in the other)`, oriented as `(a's words, b's words)`. Asked
/// only of links sure enough ([`super::divergence::compares_polarity`]).
#[must_use]
pub fn polarity_differences(
    c: &Corpus<'_>,
    (a, na): (&Stmt<'_>, &[(TermId, usize, usize)]),
    (b, nb): (&Stmt<'_>, &[(TermId, usize, usize)]),
) -> Vec<(String, String)> {
    if na.is_empty() && nb.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut seen: Vec<TermId> = Vec::new();
    // Each negated term of `neg`'s statement that the other asserts everywhere it uses it.
    let mut scan = |ns: &[(TermId, usize, usize)], s: &Stmt<'_>, other: &Stmt<'_>, flip: bool| {
        for &(term, from, at) in ns {
            if seen.contains(&term) || other.set.binary_search(&term).is_err() {
                continue;
            }
            // Used both ways in one statement: which one the other means is unclear.
            let everywhere_negated = (0..s.tokens.len())
                .filter(|&k| s.term(k) == Some(term))
                .all(|k| ns.iter().any(|n| n.0 == term && n.2 == k));
            // Negated in the other too (there, or elsewhere): no assertion to deny.
            let other_negated = |ns: &[(TermId, usize, usize)]| ns.iter().any(|n| n.0 == term);
            if !everywhere_negated || other_negated(if flip { na } else { nb }) {
                continue;
            }
            // The assertion about the same thing: plainly asserted, and a term near both
            // words is shared.
            let Some(j) = (0..other.tokens.len()).find(|&k| {
                other.term(k) == Some(term)
                    && asserted_at(other, k)
                    && same_subject(c, s, from, at, other, k)
            }) else {
                continue;
            };
            seen.push(term);
            let denied = clip(s.text, s.tok(from).span.start, s.tok(at).span.end);
            let asserted = clip(other.text, other.tok(j).span.start, other.tok(j).span.end);
            out.push(if flip {
                (asserted, denied)
            } else {
                (denied, asserted)
            });
        }
    };
    scan(na, a, b, false);
    scan(nb, b, a, true);
    out
}

/// Whether the words around the denial in `s` (negator at `from`, denied word at `at`) and
/// around token `k` of `other`, each within its clause, share a content word or name, and do
/// not name two different people or places on one side: "did not arrest *the suspect*" /
/// "arrested *the suspect*", not "*Ross* is not signed" / "*Lawrence* … are signed", nor "never
/// checked into *Morningside*" / "checks into *Betty Ford*".
pub(super) fn same_subject(
    c: &Corpus<'_>,
    s: &Stmt<'_>,
    from: usize,
    at: usize,
    other: &Stmt<'_>,
    k: usize,
) -> bool {
    let window = super::params::defaults().facts.negation_window;
    let kind = |t: TermId| c.kinds[t as usize];
    let open = |st: &Stmt<'_>, j: usize| st.tok(j).kind != TokenKind::Punct || st.norm(j) == "-";
    // The informative terms within `window` tokens before `lo` and after `hi`, in their
    // clause; the negators themselves ("never", "nothing") are no shared subject.
    let terms = |st: &Stmt<'_>, ks: &mut dyn Iterator<Item = usize>| -> Vec<TermId> {
        ks.filter(|&j| negator_width(st, j) == 0)
            .filter_map(|j| st.term(j))
            .filter(|&t| matches!(kind(t), TermKind::Content | TermKind::Name))
            .collect()
    };
    let sides = |st: &Stmt<'_>, lo: usize, hi: usize| -> (Vec<TermId>, Vec<TermId>) {
        let mut back = (lo.saturating_sub(window)..lo)
            .rev()
            .take_while(|&j| open(st, j));
        let mut on = (hi + 1..(hi + 1 + window).min(st.tokens.len())).take_while(|&j| open(st, j));
        (terms(st, &mut back), terms(st, &mut on))
    };
    let word = s.term(at);
    let (denial_before, denial_after) = sides(s, from, at);
    let (before, after) = sides(other, k, k);
    // Names on one side of both words, none of them shared: two people or two places.
    let names = |v: &[TermId]| -> Vec<TermId> {
        v.iter()
            .copied()
            .filter(|&t| kind(t) == TermKind::Name)
            .collect()
    };
    let others = |x: &[TermId], y: &[TermId]| {
        let (nx, ny) = (names(x), names(y));
        !nx.is_empty() && !ny.is_empty() && !nx.iter().any(|t| ny.contains(t))
    };
    if others(&denial_before, &before) || others(&denial_after, &after) {
        return false;
    }
    let shared =
        |t: &TermId| Some(*t) != word && (denial_before.contains(t) || denial_after.contains(t));
    before.iter().chain(&after).any(shared)
}

/// The corpus of two one-statement reports `a` and `b`, as `pairs` builds it: for the tests of
/// the facts compared here and in [`super::opposites`].
#[cfg(test)]
pub(super) fn corpus_of_two<'a>(a: &'a str, b: &'a str) -> Corpus<'a> {
    let at = |doc| super::StatementRef { doc, statement: 0 };
    super::corpus::build(
        vec![(at(0), a), (at(1), b)],
        &super::params::defaults().weights,
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflicts(a: &str, b: &str) -> Vec<(String, String)> {
        let c = corpus_of_two(a, b);
        let (x, y) = (&c.stmts[0], &c.stmts[1]);
        polarity_differences(&c, (x, &negated(&c, x)), (y, &negated(&c, y)))
    }

    #[test]
    fn a_denied_act_conflicts_with_the_act() {
        assert_eq!(
            conflicts(
                "Police arrested the suspect on Monday.",
                "Police did not arrest the suspect on Monday."
            ),
            [("arrested".to_string(), "not arrest".to_string())]
        );
        let c = conflicts("He pleaded not guilty.", "He pleaded guilty.");
        assert_eq!(c, [("not guilty".to_string(), "guilty".to_string())]);
        let c = conflicts("The minister resigned.", "The minister refused to resign.");
        assert_eq!(
            c,
            [("resigned".to_string(), "refused to resign".to_string())]
        );
        let c = conflicts(
            "The company didn't immediately respond.",
            "The company responded.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let c = conflicts(
            "No one was hurt in the fire.",
            "One person was hurt in the fire.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn the_same_denial_or_a_word_used_both_ways_is_no_conflict() {
        assert!(conflicts("Nobody was hurt.", "No one was hurt.").is_empty());
        assert!(conflicts("He did not resign.", "He has not resigned.").is_empty());
        assert!(conflicts(
            "He was not arrested, but his brother was arrested.",
            "His brother was arrested."
        )
        .is_empty());
        // Not only X but Y asserts X.
        assert!(conflicts(
            "The storm not only flooded the town but cut power.",
            "The storm flooded the town."
        )
        .is_empty());
        // A denied word the other statement never uses.
        assert!(conflicts(
            "Officials did not say how many were killed.",
            "Five were killed."
        )
        .is_empty());
    }

    #[test]
    fn a_negator_reaches_past_names_but_not_past_its_clause() {
        // "No, …" negates nothing: the comma ends its reach.
        assert!(conflicts("No, the talks went ahead.", "The talks went ahead.").is_empty());
        let c = conflicts(
            "No Russian official attended the talks.",
            "Russian officials attended the talks.",
        );
        assert_eq!(
            c,
            [("No Russian official".to_string(), "officials".to_string())]
        );
    }

    #[test]
    fn time_bounds_conditions_and_counterfactuals_deny_nothing() {
        let none = |a: &str, b: &str| assert!(conflicts(a, b).is_empty(), "{a} / {b}");
        none(
            "The Colts didn't take the lead until Ratliff's interception.",
            "The Colts took the lead after Ratliff's interception.",
        );
        none(
            "Service may not be restored till 31 December.",
            "Service should be restored by 31 December.",
        );
        none(
            "If the team does not win the title, the coach will go.",
            "The team will win the title, the coach said.",
        );
        none(
            "The Saints would not have placed Bush on injured reserve if they were contending.",
            "The Saints placed Bush on injured reserve.",
        );
        none(
            "The leaders have not met since December 2019.",
            "The leaders met in December 2019.",
        );
    }

    #[test]
    fn an_assertion_under_a_negator_of_its_own_is_no_assertion() {
        let none = |a: &str, b: &str| assert!(conflicts(a, b).is_empty(), "{a} / {b}");
        none(
            "I don't think Nichols won the case.",
            "Nichols did not win the case.",
        );
        none(
            "No gun has been recovered.",
            "The gun has not been recovered.",
        );
        none(
            "The case hadn \u{2019} t been submitted as of Tuesday.",
            "The case had not been submitted as of Tuesday.",
        );
        // Two different people: one is signed, the other is not.
        none(
            "The stars Lawrence and Hemsworth are signed for the sequel.",
            "The director Ross is not signed for the sequel.",
        );
        // Two different places.
        none(
            "The actress Lindsay Lohan checks into Betty Ford.",
            "The actress Lindsay Lohan never checked into Morningside.",
        );
    }

    #[test]
    fn every_line_of_the_negators_asset_is_read() {
        let n = negators();
        let lines = include_str!("../../assets/lexicon/negators.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let read = n.words.len()
            + n.pairs.len()
            + n.not_denials.len()
            + n.reached_past.len()
            + n.time_bounds.len()
            + n.conditions.len();
        assert_eq!(lines, read);
        assert!(n.pairs.contains(&("refused", "to")) && n.time_bounds.contains("until"));
    }
}
