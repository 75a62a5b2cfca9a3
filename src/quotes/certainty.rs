//! How surely a statement states its claim: its reporting verbs, its hedges ("reportedly") and
//! its modal verbs ("may", "will"), outside any quotation (a speaker's own "could" is theirs).
//!
//! Only *distance* counts as a difference between reports (the † of the interface): a
//! statement is [`Level::Hedged`] when the report keeps the claim at arm's length —
//! "reportedly", "allegedly", "likely"; a verb that leaves it to its speaker ("claimed that",
//! "he claimed", "suggested he would"); "may", "might" or "could" as the claim's own modal; a
//! modal under "if" or "whether" ("to see if the talks can…"). "Said", "told reporters",
//! "confirmed" and a plain statement are all [`Level::Reported`] or [`Level::Asserted`]: the
//! same certainty, worded differently. What does not distance the claim is left out on
//! purpose: "claimed tens of thousands of lives" (no clause follows the verb), "hinted at
//! sanctions that could target China" (the modal is in a relative clause about the sanctions).

use serde::{Deserialize, Serialize};

use crate::align::text::{tokenize, Token, TokenKind};

use super::marks;
use super::words::{words, MarkerKind};

/// The certainty of a statement, from least to most distanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Stated as fact: "Trump informed European leaders".
    Asserted,
    /// Put in a speaker's mouth by a neutral or insistent verb: "said", "confirmed".
    Reported,
    /// Distanced: "reportedly", "allegedly", "claimed that", or possible only: "may", "could".
    Hedged,
}

impl Level {
    /// Whether the report keeps the claim at a distance. Asserted and reported claims are
    /// equally sure: "said" against "confirmed" or a plain statement is no difference.
    #[must_use]
    pub fn distanced(self) -> bool {
        self == Self::Hedged
    }
}

/// The certainty markers of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certainty {
    /// Reporting verbs, lowercase, in order ("said", "claimed").
    pub verbs: Vec<String>,
    /// Hedge words ("reportedly", "likely").
    pub hedges: Vec<String>,
    /// Modal verbs ("may", "will").
    pub modals: Vec<String>,
    /// The words that make it [`Level::Hedged`], in order: hedges, distancing verbs, modals
    /// of possibility, "if" or "whether" before a modal. Empty unless hedged.
    #[serde(default)]
    pub distancing: Vec<String>,
    /// The overall level.
    pub level: Level,
}

/// Modals that make a claim possible only.
fn possible(modal: &str) -> bool {
    matches!(modal, "may" | "might" | "could")
}

/// Words before a modal that make it the verb of a relative clause ("sanctions that could
/// target China", "in what could be"), not of the claim.
fn relative(word: &str) -> bool {
    matches!(word, "that" | "which" | "what" | "who" | "whom" | "whose")
}

/// Whether a weak reporting verb at `k` takes a clause, so it distances a claim ("claimed
/// that", "claimed he could", "claimed to have", "…, he claimed."), not an object ("claimed
/// tens of thousands of lives", "hinted at sanctions").
fn takes_clause(toks: &[Token], k: usize) -> bool {
    if matches!(toks[k].norm.as_str(), "alleged" | "alleges") {
        return true; // "the alleged attack" distances as much as "alleged that".
    }
    let Some(next) = toks.get(k + 1) else {
        return true;
    };
    if next.kind == TokenKind::Punct {
        return true;
    }
    let w = next.norm.as_str();
    if next.capitalised
        || matches!(
            w,
            "that" | "to" | "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there" | "this"
        )
    {
        return true;
    }
    // "claimed in a Truth Social post that …", "suggested on Monday that …".
    matches!(
        w,
        "in" | "on" | "during" | "after" | "before" | "earlier" | "repeatedly"
    ) && toks[k + 1..]
        .iter()
        .take(10)
        .take_while(|t| !boundary(t))
        .any(|t| t.norm == "that")
}

/// Punctuation that ends a clause (not a hyphen or apostrophe inside a word).
fn boundary(t: &Token) -> bool {
    t.kind == TokenKind::Punct && !matches!(t.norm.as_str(), "-" | "'" | "’")
}

/// The certainty markers of a statement's text.
#[must_use]
pub fn certainty(statement: &str) -> Certainty {
    let quotes = marks::find(statement, 0..statement.len());
    let inside = |b: usize| quotes.iter().any(|q| q.depth == 0 && q.outer.contains(&b));
    let (mut verbs, mut hedges, mut modals) = (Vec::new(), Vec::new(), Vec::new());
    let mut distancing = Vec::new();
    let w = words();
    let toks = tokenize(statement);
    // "if" or "whether" earlier in this clause; the word before this one.
    let mut conditional = false;
    let mut prev: Option<&str> = None;
    for (k, t) in toks.iter().enumerate() {
        if inside(t.span.start) {
            continue;
        }
        if boundary(t) {
            conditional = false;
            continue;
        }
        if t.kind != TokenKind::Word {
            continue;
        }
        let word = t.norm.as_str();
        match w.marker(word) {
            Some(MarkerKind::Hedge) => {
                hedges.push(word.to_owned());
                distancing.push(word.to_owned());
            }
            Some(MarkerKind::Modal) => {
                modals.push(word.to_owned());
                if conditional {
                    distancing.push(format!("if … {word}"));
                } else if possible(word) && !prev.is_some_and(relative) {
                    distancing.push(word.to_owned());
                }
            }
            Some(MarkerKind::Weak) if takes_clause(&toks, k) => distancing.push(word.to_owned()),
            _ => {}
        }
        if w.is_reporting(word) {
            verbs.push(word.to_owned());
        }
        if matches!(word, "if" | "whether") {
            conditional = true;
        }
        prev = Some(word);
    }
    let level = if !distancing.is_empty() {
        Level::Hedged
    } else if !verbs.is_empty() {
        Level::Reported
    } else {
        Level::Asserted
    };
    Certainty {
        verbs,
        hedges,
        modals,
        distancing,
        level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reportedly_briefed_is_hedged_and_informed_asserted() {
        let a = certainty("Trump reportedly briefed European allies after Witkoff’s Moscow talks.");
        assert_eq!(a.hedges, ["reportedly"]);
        assert_eq!(a.level, Level::Hedged);
        let b = certainty("President Trump informed European leaders during a phone call.");
        assert!(b.hedges.is_empty());
        assert_eq!(b.level, Level::Reported);
    }

    #[test]
    fn modals_and_verbs_outside_quotes_only() {
        let c = certainty("Trump may meet Putin next week, a senior official confirmed.");
        assert_eq!(
            (c.modals.clone(), c.level),
            (vec!["may".to_owned()], Level::Hedged)
        );
        let d = certainty("“We could win,” he said.");
        assert!(d.modals.is_empty());
        assert_eq!(
            (d.verbs.clone(), d.level),
            (vec!["said".to_owned()], Level::Reported)
        );
        assert_eq!(certainty("Trump will meet Putin.").level, Level::Asserted);
        assert_eq!(certainty("Trump claimed he won.").level, Level::Hedged);
        assert_eq!(certainty("He won, Trump claimed.").level, Level::Hedged);
        assert_eq!(
            certainty("The patient was treated in Boston.").level,
            Level::Asserted
        );
    }

    #[test]
    fn only_distance_counts_not_the_wording() {
        for sure in [
            "Trump said he will meet Putin.",
            "Trump told reporters he will meet Putin.",
            "A senior official confirmed Trump will meet Putin.",
            "Trump will meet Putin.",
        ] {
            assert!(!certainty(sure).level.distanced(), "{sure}");
        }
        for hedged in [
            "Trump reportedly will meet Putin.",
            "Trump may meet Putin.",
            "Trump claimed that he will meet Putin.",
            "Trump claimed in a post on Truth Social that he will meet Putin.",
            "The world watches to see if the talks can bring peace.",
        ] {
            assert!(certainty(hedged).level.distanced(), "{hedged}");
        }
    }

    #[test]
    fn what_does_not_distance_the_claim() {
        for s in [
            // "claimed" with an object, not a clause.
            "The invasion has claimed tens of thousands of lives.",
            // The modal belongs to a relative clause about the sanctions.
            "Trump ordered tariffs and hinted at sanctions that could target China.",
            // An adjective, not a hedge on the claim.
            "Zelensky warned of potential deception from Moscow.",
            // The condition ends at the comma; "would" is the claim's own.
            "If confirmed, the meeting would mark the first summit since 2021.",
        ] {
            let c = certainty(s);
            assert!(!c.level.distanced(), "{s}: {:?}", c.distancing);
        }
    }
}
