//! What a speaker phrase names: a person (titles dropped), an institution, a described source
//! or a pronoun.

use super::tokens::{Token, TokenKind};

use super::wordclass::{calendar, determiner, function_word, pronoun};
use super::words::words;

/// What a speaker phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A person by name, titles dropped: "Karoline Leavitt", "Trump".
    Person(String),
    /// An institution or place: "Kremlin", "White House", "Moscow".
    Institution(String),
    /// A described source: "Kremlin aide", "senior White House official", "officials".
    Described {
        /// The description, determiners dropped.
        text: String,
        /// Whether it names several ("officials", "people").
        plural: bool,
    },
    /// A personal pronoun, to be resolved: "he", "she", "they".
    Pronoun(String),
}

/// The phrase of `toks[range]` as a speaker, if it names one.
#[must_use]
pub fn classify(text: &str, toks: &[Token], range: std::ops::Range<usize>) -> Option<Who> {
    let slice = &toks[range];
    let first = slice.first()?;
    if slice.len() == 1 && pronoun(first.norm) {
        return Some(Who::Pronoun(first.norm.to_owned()));
    }
    let wordy: Vec<&Token> = slice
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !determiner(t.norm))
        .collect();
    let last = wordy.last()?;
    if wordy.iter().all(|t| calendar(t.norm)) {
        return None;
    }
    // Joined into one string as they are read (no string a word).
    let surface = |ts: &[&Token]| -> String {
        let mut out = String::with_capacity(ts.iter().map(|t| t.span.len() + 1).sum());
        for (k, t) in ts.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(trimmed(&text[t.span.clone()]));
        }
        out
    };

    if words().is_source_noun(last.norm) {
        let plural = (last.norm.ends_with('s') && !last.norm.ends_with("ss"))
            || matches!(last.norm, "people" | "police" | "staff" | "personnel");
        return Some(Who::Described {
            text: surface(&wordy),
            plural,
        });
    }
    // The person's name: the capitalised words after the last title word.
    let name_start = wordy
        .iter()
        .rposition(|t| !t.capitalised || words().is_title(t.norm))
        .map_or(0, |k| k + 1);
    let name = &wordy[name_start..];
    let whole = norms(&wordy);
    if name.is_empty() || words().is_institution(&whole) {
        return wordy
            .iter()
            .any(|t| t.capitalised)
            .then(|| Who::Institution(surface(&wordy)));
    }
    let key = norms(name);
    if words().is_institution(&key) || words().is_outlet(&key) {
        return Some(Who::Institution(surface(name)));
    }
    // "Some questioned…", "Others said…": a capitalised function word is no one's name.
    if name
        .iter()
        .all(|t| crate::align::lexicon::lexicon().is_stopword(t.norm) || function_word(t.norm))
    {
        return None;
    }
    Some(Who::Person(surface(name)))
}

/// The norms of `ts` joined by spaces, to look up, not to keep: one word is its own norm,
/// borrowed.
fn norms<'t>(ts: &[&Token<'t>]) -> std::borrow::Cow<'t, str> {
    if let [t] = ts {
        return std::borrow::Cow::Borrowed(t.norm);
    }
    let mut out = String::with_capacity(ts.iter().map(|t| t.norm.len() + 1).sum());
    for (k, t) in ts.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(t.norm);
    }
    std::borrow::Cow::Owned(out)
}

/// A word as written, without a possessive "’s" the tokenizer folded away.
fn trimmed(w: &str) -> &str {
    // Nothing to trim unless it ends with "s" or an apostrophe (most words).
    if !w.ends_with(['s', '’', '\'']) {
        return w;
    }
    w.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
}
