//! Word classes the speaker search needs: auxiliaries and adverbs between a subject and its
//! verb, pronouns, determiners, the words a speaker phrase may hold ("senior", "deputy", titles,
//! source nouns), function words capitalised at a sentence start, weekdays and months.

use super::tokens::{Token, TokenKind};

use super::words::words;

/// Words skipped between a subject and its verb: auxiliaries and adverbs.
pub(super) fn skippable(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && !t.capitalised
        && (matches!(
            t.norm,
            "has"
                | "have"
                | "had"
                | "was"
                | "is"
                | "were"
                | "are"
                | "also"
                | "long"
                | "later"
                | "then"
                | "himself"
                | "herself"
                | "themselves"
                | "itself"
                | "would"
                | "will"
                | "could"
                | "may"
                | "might"
                | "did"
                | "does"
                | "do"
                | "been"
                | "once"
                | "again"
                | "even"
                | "just"
                | "earlier"
                | "already"
                | "first"
                | "only"
                | "often"
                | "today"
                | "yesterday"
                | "tonight"
                | "too"
                | "since"
        ) || (t.norm.len() > 4 && t.norm.ends_with("ly")))
}

pub(super) fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it")
}

pub(super) fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "another"
            | "one"
    )
}

/// Lowercase words that may sit inside a speaker phrase ("senior", "deputy", "foreign policy").
pub(super) fn modifier(w: &str) -> bool {
    matches!(
        w,
        "senior"
            | "top"
            | "former"
            | "deputy"
            | "foreign"
            | "policy"
            | "chief"
            | "special"
            | "national"
            | "security"
            | "government"
            | "kremlin"
            | "administration"
            | "press"
            | "military"
            | "defence"
            | "defense"
            | "ukrainian"
            | "russian"
            | "american"
            | "european"
            | "western"
            | "anonymous"
            | "unnamed"
            | "several"
            | "two"
            | "three"
            | "many"
            | "some"
            | "other"
            | "white"
            | "house"
            | "state"
            | "department"
            | "secretary"
            | "general"
            | "vice"
            | "prime"
            | "minister"
            | "intelligence"
    ) || words().is_source_noun(w)
        || words().is_title(w)
}

/// Whether a token may belong to a speaker phrase.
pub(super) fn in_phrase(t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => {
            (t.capitalised && !determiner(t.norm) && !function_word(t.norm) && !calendar(t.norm))
                || modifier(t.norm)
        }
        TokenKind::Punct => t.norm == "-",
        TokenKind::Number => false,
    }
}

/// Prepositions and conjunctions, capitalised at the start of a sentence ("On Wednesday, …").
pub(super) fn function_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "after"
            | "before"
            | "while"
            | "during"
            | "since"
            | "when"
            | "as"
            | "for"
            | "with"
            | "from"
            | "by"
            | "of"
            | "to"
            | "and"
            | "but"
            | "or"
            | "if"
            | "despite"
            | "following"
            | "meanwhile"
            | "however"
            | "speaking"
            | "according"
            | "earlier"
            | "later"
            | "ironically"
            | "although"
            | "though"
            | "yet"
            | "so"
    )
}

/// Whether `toks[k]` is an "of" or "and" joining two capitalised words ("Secretary of State",
/// "Fire and Rescue Service").
pub(super) fn joining_of(toks: &[Token], k: usize) -> bool {
    matches!(toks[k].norm, "of" | "and" | "&")
        && k > 0
        && toks[k - 1].capitalised
        && toks.get(k + 1).is_some_and(|t| t.capitalised)
}

/// Whether `toks[k]` is the dot of an abbreviated title glued to it ("Mr.", "Adm.", "Gen.").
#[must_use]
pub fn abbrev_dot(toks: &[Token], k: usize) -> bool {
    k > 0
        && toks[k].norm == "."
        && toks[k - 1].kind == TokenKind::Word
        && toks[k - 1].capitalised
        && toks[k - 1].norm.len() <= 4
        && toks[k - 1].span.end == toks[k].span.start
}

/// Weekdays and months are capitalised but never speakers.
pub(super) fn calendar(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

pub(super) fn possessive(text: &str, t: &Token) -> bool {
    let w = &text[t.span.clone()];
    w.ends_with("’s") || w.ends_with("'s")
}
