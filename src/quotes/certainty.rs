//! How surely a statement states its claim: its reporting verbs, its hedges ("reportedly") and
//! its modal verbs ("may", "will"), outside any quotation (a speaker's own "could" is theirs).

use serde::{Deserialize, Serialize};

use crate::align::text::{tokenize, TokenKind};

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
    /// Distanced: "reportedly", "allegedly", "claimed", or possible only: "may", "could".
    Hedged,
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
    /// The overall level.
    pub level: Level,
}

/// The certainty markers of a statement's text.
#[must_use]
pub fn certainty(statement: &str) -> Certainty {
    let quotes = marks::find(statement, 0..statement.len());
    let inside = |b: usize| quotes.iter().any(|q| q.depth == 0 && q.outer.contains(&b));
    let (mut verbs, mut hedges, mut modals) = (Vec::new(), Vec::new(), Vec::new());
    let mut weak = false;
    let w = words();
    for t in tokenize(statement) {
        if t.kind != TokenKind::Word || inside(t.span.start) {
            continue;
        }
        let word = t.norm.as_str();
        match w.marker(word) {
            Some(MarkerKind::Hedge) => hedges.push(word.to_owned()),
            Some(MarkerKind::Modal) => modals.push(word.to_owned()),
            Some(MarkerKind::Weak) => weak = true,
            _ => {}
        }
        if w.is_reporting(word) {
            verbs.push(word.to_owned());
        }
    }
    let possible = modals
        .iter()
        .any(|m| matches!(m.as_str(), "may" | "might" | "could"));
    let level = if !hedges.is_empty() || weak || possible {
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
        assert_eq!(
            certainty("The patient was treated in Boston.").level,
            Level::Asserted
        );
    }
}
