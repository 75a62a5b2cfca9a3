//! Quotations shared by two statements, and whether their wording drifted.
//!
//! Two quotes render the same quotation when they share at least two distinct informative terms
//! and half of the larger one's. Their wording drifted when a word that carries meaning is in
//! one rendering only ("sustained" / "suffered"), or when an intensifier or other word was
//! slipped in front ("good chance" / "very good chance"). Spelling (offence / offense),
//! spacing (data center / datacenter), added articles, and excerpts ("great progress" out of
//! "Great progress was made!") are not drift.

use super::corpus::Stmt;
use super::facts::Quote;
use super::lexicon::lexicon;
use super::text::TokenKind;
use super::tokens::Toks;

/// The words of a quotation: no punctuation, and no "s" left over from a possessive written
/// with a spaced apostrophe ("AMD ’ s").
fn words(toks: Toks<'_>) -> Vec<&str> {
    (0..toks.len())
        .filter(|&k| {
            toks.kind(k) != TokenKind::Punct
                && !(toks.norm(k) == "s" && k > 0 && toks.norm(k - 1) == "'")
        })
        .map(|k| toks.norm(k))
        .collect()
}

/// Two spellings of one word (offense / offence, jewellery / jewelry): same first three
/// letters and at most two edits apart, for words of five letters or more.
pub(super) fn same_word(x: &str, y: &str) -> bool {
    if x == y {
        return true;
    }
    // Told apart without collecting the letters, as most pairs are: fewer than five letters,
    // a length apart by more than the edits, or another start.
    let (n, m) = (x.chars().count(), y.chars().count());
    if n.min(m) < 5 || n.abs_diff(m) > 2 || !x.chars().take(3).eq(y.chars().take(3)) {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    a.len().min(b.len()) >= 5 && a[..3] == b[..3] && super::names::within(&a, &b, 2)
}

/// Words that change what a quotation says when slipped in front of it ("very", "not").
fn modifies(w: &str) -> bool {
    lexicon().is_intensifier(w) || !lexicon().is_stopword(w)
}

/// The same quotation in two statements: the quotes of `a` and `b` and whether the wording
/// drifted.
#[derive(Debug, Clone)]
pub struct QuotePair {
    /// The quote in the first statement.
    pub a: Quote,
    /// The quote in the second statement.
    pub b: Quote,
    /// The words differ beyond one being an excerpt of the other.
    pub drift: bool,
}

/// Pair the quotations of two statements that render the same words: at least two distinct
/// informative terms, and half of the larger quote's, are shared (or half of the shorter's,
/// when each statement quotes once).
#[must_use]
pub fn matched_quotes(a: &Stmt<'_>, b: &Stmt<'_>) -> Vec<QuotePair> {
    let mut out = Vec::new();
    if a.quotes.is_empty() || b.quotes.is_empty() {
        return out;
    }
    let mut used = vec![false; b.quotes.len()];
    // Two statements of one claim that quote once each quote the same words when they share a
    // term and half of the longer quote's words, however few ("a disaster for farmers" / "a
    // disaster for workers", "mother ship" / "mother vessel"): the claim pairs them, where two
    // quotes of any two statements need more terms in common.
    let lone = a.quotes.len() == 1 && b.quotes.len() == 1;
    let half_the_words = |x: &Quote, y: &Quote| {
        let wx = words(a.toks().slice(x.tokens.clone()));
        let mut wy = words(b.toks().slice(y.tokens.clone()));
        let longer = wx.len().max(wy.len());
        let shared = wx
            .iter()
            .filter(|w| {
                wy.iter()
                    .position(|v| v == *w)
                    .map(|p| wy.swap_remove(p))
                    .is_some()
            })
            .count();
        shared * 2 >= longer
    };
    for x in &a.quotes {
        let cx: Vec<u32> = a.terms_in(x.tokens.clone()).collect();
        for (k, y) in b.quotes.iter().enumerate() {
            if used[k] {
                continue;
            }
            let cy: Vec<u32> = b.terms_in(y.tokens.clone()).collect();
            let shared = cx.iter().filter(|t| cy.contains(t)).count();
            let lone_pair = lone && shared > 0 && half_the_words(x, y);
            if !lone_pair && !same_quotation(&cx, &cy) {
                continue;
            }
            used[k] = true;
            // The words only of quotes that pair: most do not.
            let wx = words(a.toks().slice(x.tokens.clone()));
            let wy = words(b.toks().slice(y.tokens.clone()));
            out.push(QuotePair {
                a: x.clone(),
                b: y.clone(),
                drift: drifted(&wx, &wy),
            });
            break;
        }
    }
    out
}

/// Whether quotes with the terms `cx` and `cy` (in token order) render the same quotation: at
/// least two distinct informative terms, and half of the larger quote's, are shared.
fn same_quotation(cx: &[u32], cy: &[u32]) -> bool {
    let shared = cx.iter().filter(|t| cy.contains(t)).count();
    let (smaller, larger) = (cx.len().min(cy.len()), cx.len().max(cy.len()));
    // One shared word ("soon") is not the same quotation, unless it is all of both.
    let single = larger == 1 && shared == 1;
    !(smaller == 0 || (shared < 2 && !single) || shared * 2 < smaller || shared * 3 < larger)
}

/// Whether [`matched_quotes`] pairs any quotation of `a` with one of `b`, without their words
/// or drift (all the judge's evidence reads). The first quote of `a` with a partner always gets
/// one, since only earlier quotes, which had none, could have taken it: so any pair will do.
#[must_use]
pub fn quotes_match(a: &Stmt<'_>, b: &Stmt<'_>) -> bool {
    if a.quotes.is_empty() || b.quotes.is_empty() {
        return false;
    }
    let terms: Vec<Vec<u32>> = b
        .quotes
        .iter()
        .map(|y| b.terms_in(y.tokens.clone()).collect())
        .collect();
    a.quotes.iter().any(|x| {
        let cx: Vec<u32> = a.terms_in(x.tokens.clone()).collect();
        terms.iter().any(|cy| same_quotation(&cx, cy))
    })
}

/// Whether two renderings of one quotation differ in wording. An excerpt is faithful when the
/// longer quote only continues it ("great progress" / "Great progress was made!"); a word
/// slipped in front ("good chance" / "very good chance") or any other change is drift.
fn drifted(wx: &[&str], wy: &[&str]) -> bool {
    // Spacing and apostrophes are not wording: "data center" / "datacenter", "we ’ ll" /
    // "we'll".
    let joined = |w: &[&str]| -> String {
        w.iter()
            .flat_map(|x| x.chars())
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    if joined(wx) == joined(wy) {
        return false;
    }
    let (long, short) = if wx.len() >= wy.len() {
        (wx, wy)
    } else {
        (wy, wx)
    };
    if let Some(at) = long
        .windows(short.len().max(1))
        .position(|w| w.iter().zip(short).all(|(x, y)| same_word(x, y)))
    {
        // Contained: drift only when a word or two that change its sense were added right
        // before it ("very good chance"), not a pronoun ("She captured…" / "captured…") or a
        // continuation ("great progress" / "Great progress was made").
        return at > 0 && long.len() - short.len() <= 2 && long[..at].iter().any(|w| modifies(w));
    }
    // Otherwise, drift when a word that carries meaning is in one rendering only ("the" added
    // is not drift, "sustained" for "suffered" is).
    let (mx, my) = matched_words(wx, wy);
    wx.iter().zip(&mx).any(|(w, m)| !m && modifies(w))
        || wy.iter().zip(&my).any(|(w, m)| !m && modifies(w))
}

/// Which words of `x` and of `y` a longest common subsequence matches (spelling variants
/// count as the same word).
fn matched_words(x: &[&str], y: &[&str]) -> (Vec<bool>, Vec<bool>) {
    let (mut mx, mut my) = (vec![false; x.len()], vec![false; y.len()]);
    for (i, j) in super::diff::lcs_by(x.len(), y.len(), |i, j| same_word(x[i], y[j])) {
        mx[i] = true;
        my[j] = true;
    }
    (mx, my)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The early refusals of `same_word` change no answer of the full comparison.
        #[test]
        fn same_word_answers_as_the_full_comparison(x in "[aé]{0,9}", y in "[aéb]{0,9}") {
            let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            let full = x == y
                || (a.len().min(b.len()) >= 5 && a[..3] == b[..3] && crate::align::names::within(&a, &b, 2));
            proptest::prop_assert_eq!(same_word(&x, &y), full);
        }
    }

    #[test]
    fn quotes_match_is_whether_matched_quotes_pairs_any() {
        let texts = [
            "He said \"we will rebuild the bridge soon\" on Monday.",
            "\"We will rebuild the bridge,\" the mayor said, adding \"soon\".",
            "\"Soon,\" she said. \"The bridge stays shut.\"",
            "The mayor said \"nothing\" and left.",
            "No quotation here at all.",
            "\"Rebuild the bridge\" and \"stays shut\" were both said.",
        ];
        let at = |doc| crate::align::StatementRef { doc, statement: 0 };
        let items = texts.iter().enumerate().map(|(i, t)| (at(i), *t)).collect();
        let c =
            crate::align::corpus::build(items, &crate::align::params::defaults().weights, false);
        let mut some = 0;
        for a in &c.stmts {
            for b in &c.stmts {
                let any = !matched_quotes(a, b).is_empty();
                assert_eq!(quotes_match(a, b), any, "{} / {}", a.text, b.text);
                some += usize::from(any);
            }
        }
        assert!(
            some > texts.len(),
            "the examples pair quotes across statements"
        );
    }

    #[test]
    fn drift_is_a_change_of_meaning_not_of_spelling_or_extent() {
        assert!(drifted(&["good", "chance"], &["very", "good", "chance"]));
        assert!(drifted(
            &["useful", "and", "constructive"],
            &["quite", "useful", "and", "constructive"]
        ));
        assert!(drifted(
            &["injuries", "sustained"],
            &["injuries", "suffered"]
        ));
        assert!(!drifted(
            &["great", "progress"],
            &["great", "progress", "was", "made"]
        ));
        assert!(!drifted(&["valid", "offence"], &["valid", "offense"]));
        assert!(!drifted(&["data", "center"], &["datacenter"]));
        assert!(!drifted(
            &["into", "promises"],
            &["into", "the", "promises"]
        ));
    }
}
