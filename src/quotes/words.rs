//! The word lists of the quotes layer, compiled in from `assets/quotes/` and parsed once:
//! reporting verbs, certainty markers, source nouns, titles, institutions, outlets, synonyms.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use foldhash::fast::FixedState;

/// A set of words with a fast fixed hasher: looked up for every word of every report.
type Set = HashSet<&'static str, FixedState>;

/// A certainty marker's kind (the first column of `assets/quotes/hedges.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerKind {
    /// Distances the report from the claim: "reportedly", "allegedly".
    Hedge,
    /// States the claim as possible or future: "may", "could", "will".
    Modal,
    /// A reporting verb that insists: "insisted", "confirmed".
    Strong,
    /// A reporting verb that leaves the claim to its speaker: "claimed", "suggested".
    Weak,
}

/// The parsed lists.
pub struct Words {
    verbs: Set,
    /// Reporting and characterising verbs in one set: one look-up for the common miss.
    any_verb: Set,
    /// A bit for each (first byte, last byte, length) of those verbs, all modulo a small
    /// table: a word without its bit is no verb, found without hashing it (most words).
    verb_shapes: [u64; 256],
    /// The same for the source nouns.
    source_shapes: [u64; 256],
    markers: HashMap<&'static str, MarkerKind, FixedState>,
    sources: Set,
    titles: Set,
    institutions: Set,
    outlets: Set,
    synonyms: HashMap<&'static str, &'static str, FixedState>,
}

/// The lines of a list: trimmed, without blanks and `#` comments.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The shared word lists.
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let markers = lines(include_str!("../../assets/quotes/hedges.txt"))
            .filter_map(|l| {
                let (kind, word) = l.split_once(' ')?;
                let kind = match kind {
                    "hedge" => MarkerKind::Hedge,
                    "modal" => MarkerKind::Modal,
                    "strong" => MarkerKind::Strong,
                    "weak" => MarkerKind::Weak,
                    _ => return None,
                };
                Some((word.trim(), kind))
            })
            .collect();
        let mut synonyms = HashMap::default();
        for l in lines(include_str!("../../assets/quotes/synonyms.txt")) {
            let mut set = l.split_whitespace();
            if let Some(head) = set.next() {
                synonyms.insert(head, head);
                for w in set {
                    synonyms.insert(w, head);
                }
            }
        }
        let verbs: Set = lines(include_str!("../../assets/quotes/verbs.txt")).collect();
        let characterising: Set =
            lines(include_str!("../../assets/quotes/characterise.txt")).collect();
        let any_verb: Set = verbs.union(&characterising).copied().collect();
        let shapes = |set: &Set| {
            let mut bits = [0u64; 256];
            for v in set {
                let k = shape(v);
                bits[k / 64] |= 1 << (k % 64);
            }
            bits
        };
        let verb_shapes = shapes(&any_verb);
        let sources: Set = lines(include_str!("../../assets/quotes/sources.txt")).collect();
        let source_shapes = shapes(&sources);
        Words {
            any_verb,
            verb_shapes,
            verbs,
            markers,
            sources,
            source_shapes,
            titles: lines(include_str!("../../assets/quotes/titles.txt")).collect(),
            institutions: lines(include_str!("../../assets/quotes/institutions.txt")).collect(),
            outlets: lines(include_str!("../../assets/quotes/outlets.txt")).collect(),
            synonyms,
        }
    })
}

/// A word's cell in [`Words`]' table of verb shapes: its first and last bytes and its
/// length, each folded to a few bits.
fn shape(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    (usize::from(first.unwrap_or(0) & 31) << 9)
        | (usize::from(last.unwrap_or(0) & 31) << 4)
        | (b.len() & 15)
}

/// Last words of a capitalised name that make it an outlet ("The Moscow Times").
const OUTLET_TAILS: [&str; 12] = [
    "times",
    "news",
    "post",
    "press",
    "agency",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "guardian",
    "daily",
    "gazette",
];

impl Words {
    /// Whether a lowercase word is a reporting verb ("said", "told", "described") or one that
    /// characterises ("treated … as").
    #[must_use]
    pub fn is_verb(&self, w: &str) -> bool {
        let k = shape(w);
        self.verb_shapes[k / 64] & (1 << (k % 64)) != 0 && self.any_verb.contains(w)
    }

    /// Whether a lowercase word reports speech ("said", "claimed"), not only characterises.
    #[must_use]
    pub fn is_reporting(&self, w: &str) -> bool {
        self.verbs.contains(w)
    }

    /// The certainty marker kind of a lowercase word, if it is one.
    #[must_use]
    pub fn marker(&self, w: &str) -> Option<MarkerKind> {
        self.markers.get(w).copied()
    }

    /// Whether a lowercase noun names a source ("official", "spokesman", "people").
    #[must_use]
    pub fn is_source_noun(&self, w: &str) -> bool {
        let k = shape(w);
        self.source_shapes[k / 64] & (1 << (k % 64)) != 0 && self.sources.contains(w)
    }

    /// Whether a lowercase word belongs to a title ("president", "secretary", "press").
    #[must_use]
    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains(w)
    }

    /// Whether a lowercase name (words joined by one space) is an institution or a place.
    #[must_use]
    pub fn is_institution(&self, name: &str) -> bool {
        self.institutions.contains(name)
            || name
                .rsplit(' ')
                .next()
                .is_some_and(|last| self.institutions.contains(last) && last.len() > 3)
    }

    /// Whether a lowercase name (words joined by one space, no leading "the") is an outlet.
    #[must_use]
    pub fn is_outlet(&self, name: &str) -> bool {
        self.outlets.contains(name)
            || name
                .rsplit(' ')
                .next()
                .is_some_and(|last| OUTLET_TAILS.contains(&last) && name.contains(' '))
    }

    /// The word standing for a lowercase word's synonym set (itself when it has none).
    #[must_use]
    pub fn synonym<'a>(&self, w: &'a str) -> &'a str {
        match self.synonyms.get(w) {
            Some(&head) => head,
            None => w,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses_and_is_not_empty() {
        let w = words();
        assert!(w.is_verb("said") && w.is_verb("told") && !w.is_verb("meet"));
        assert!(w.is_verb("treated") && !w.is_reporting("treated") && w.is_reporting("said"));
        assert_eq!(w.marker("reportedly"), Some(MarkerKind::Hedge));
        assert_eq!(w.marker("may"), Some(MarkerKind::Modal));
        assert_eq!(w.marker("claimed"), Some(MarkerKind::Weak));
        assert!(w.is_source_noun("official") && w.is_title("secretary"));
        assert!(w.is_institution("kremlin") && w.is_institution("white house"));
        assert!(w.is_outlet("new york times") && w.is_outlet("moscow times"));
        assert!(!w.is_outlet("times") && !w.is_outlet("donald trump"));
        assert_eq!(w.synonym("prospect"), "chance");
        assert_eq!(w.synonym("progress"), "progress");
    }
}
