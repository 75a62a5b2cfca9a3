//! Speaker phrases: the noun phrase that is the subject of a reporting verb ("White House Press
//! Secretary Karoline Leavitt", "a Kremlin aide", "he"), and what it names.
//!
//! Works on the tokens of `crate::align::text::tokenize` (as [`super::tokens`] makes them), with a mask of the tokens that lie
//! inside quotation marks (a speaker is never inside a quote).

use super::tokens::{Token, TokenKind};

pub use super::who::{classify, Who};
pub use super::wordclass::abbrev_dot;
use super::wordclass::{
    determiner, function_word, in_phrase, joining_of, possessive, pronoun, skippable,
};

/// The subject phrase ending just before token `verb`: auxiliaries and adverbs skipped, one
/// comma of an apposition allowed ("The Kremlin’s aide, Yuri Ushakov, told").
#[must_use]
pub fn subject_before(
    text: &str,
    toks: &[Token],
    quoted: &[bool],
    floor: usize,
    verb: usize,
) -> Option<Who> {
    let mut end = verb;
    while end > floor && skippable(&toks[end - 1]) && !quoted[end - 1] {
        end -= 1;
    }
    if end > floor + 1 && toks[end - 1].norm == "," {
        if toks[end - 2].capitalised {
            end -= 1;
        } else if let Some(j) = (floor.max(end.saturating_sub(7)) + 1..end - 1)
            .rev()
            .find(|&j| toks[j].norm == ",")
            .filter(|&j| toks[j - 1].capitalised)
        {
            // "Nichols, 37, told": an apposition between the name and its verb.
            end = j;
        }
    }
    if end <= floor || quoted[end - 1] {
        return None;
    }
    if pronoun(toks[end - 1].norm) || toks[end - 1].norm == "who" {
        if toks[end - 1].norm == "who" {
            // "Trump, who has claimed…": the phrase before the relative pronoun.
            let before = end - 1;
            if before > floor && toks[before - 1].norm == "," {
                return subject_before(text, toks, quoted, floor, before - 1);
            }
            return None;
        }
        return classify(text, toks, end - 1..end);
    }
    // "the star said", "his lawyer told": a common noun after a determiner.
    let noun = |k: usize| {
        let t = &toks[k];
        t.kind == TokenKind::Word
            && !t.capitalised
            && !skippable(t)
            && !t.verb
            && !function_word(t.norm)
            && !crate::align::lexicon::lexicon().is_stopword(t.norm)
    };
    if end > floor && noun(end - 1) && !in_phrase(&toks[end - 1]) {
        // Capitalised modifiers and a determiner before it: "the Indian navy", "India’s navy".
        let mut a = end - 1;
        while a > floor
            && !quoted[a - 1]
            && toks[a - 1].capitalised
            && !determiner(toks[a - 1].norm)
        {
            a -= 1;
        }
        let det = a > floor && !quoted[a - 1] && determiner(toks[a - 1].norm);
        if det || a < end - 1 {
            let t = &toks[end - 1];
            return Some(Who::Described {
                text: text[toks[a].span.start..t.span.end].to_owned(),
                plural: t.norm.ends_with('s') && !t.norm.ends_with("ss"),
            });
        }
        return None;
    }
    let mut start = end;
    while start > floor
        && !quoted[start - 1]
        && (in_phrase(&toks[start - 1])
            || joining_of(toks, start - 1)
            || abbrev_dot(toks, start - 1))
        && end - start < 10
    {
        start -= 1;
    }
    // A possessive ends a phrase of its own: in "Putin’s aide Yuri Ushakov" the speaker is
    // the aide, not Putin.
    while start < end && possessive(text, &toks[start]) && start + 1 < end {
        start += 1;
    }
    if start == end {
        return None;
    }
    // "Peter Guest, Assistant Chief Fire Officer at Surrey Fire and Rescue Service says": the
    // phrase is the object of a title's preposition; the name before the comma speaks.
    let in_title = start > floor + 1
        && matches!(
            toks[start - 1].norm,
            "at" | "of" | "for" | "from" | "in" | "with"
        );
    if in_title {
        let comma = (floor.max(start.saturating_sub(12))..start - 1)
            .rev()
            .find(|&j| toks[j].norm == "," && !quoted[j]);
        if let Some(j) = comma.filter(|&j| j > floor) {
            if let Some(person @ Who::Person(_)) = subject_before(text, toks, quoted, floor, j + 1)
            {
                return Some(person);
            }
        }
    }
    classify(text, toks, start..end)
}

/// The subject phrase starting just after token `verb` ("said Trump", "stated White House
/// Press Secretary Karoline Leavitt").
#[must_use]
pub fn subject_after(text: &str, toks: &[Token], quoted: &[bool], verb: usize) -> Option<Who> {
    let mut start = verb + 1;
    while start < toks.len()
        && !quoted[start]
        && toks[start].kind == TokenKind::Word
        && determiner(toks[start].norm)
    {
        start += 1;
    }
    let mut end = start;
    while end < toks.len()
        && !quoted[end]
        && (in_phrase(&toks[end]) || joining_of(toks, end) || abbrev_dot(toks, end))
        && end - start < 10
    {
        end += 1;
    }
    if end < toks.len() && end == start + 1 && pronoun(toks[start].norm) {
        return classify(text, toks, start..end);
    }
    if end == start {
        return None;
    }
    let who = classify(text, toks, start..end);
    // "her publicist, Jack Ketsoyan": the name in apposition names the source.
    if matches!(who, Some(Who::Described { .. }))
        && toks.get(end).is_some_and(|t| t.norm == ",")
        && toks
            .get(end + 1)
            .is_some_and(|t| t.capitalised && !quoted[end + 1])
    {
        if let Some(person @ Who::Person(_)) = subject_after(text, toks, quoted, end) {
            return Some(person);
        }
    }
    who
}

/// The first (or, with `last`, the last) phrase in `toks[range]` outside quotes that `keep`
/// accepts.
fn first_phrase(
    text: &str,
    toks: &[Token],
    quoted: &[bool],
    range: std::ops::Range<usize>,
    last: bool,
    keep: impl Fn(&Who) -> bool,
) -> Option<Who> {
    let mut best = None;
    let end = range.end.min(toks.len());
    let mut k = range.start;
    while k < end {
        if quoted[k] || !in_phrase(&toks[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < end
            && !quoted[k]
            && (in_phrase(&toks[k]) || joining_of(toks, k) || abbrev_dot(toks, k))
        {
            k += 1;
        }
        let mut from = start;
        while from + 1 < k && possessive(text, &toks[from]) {
            from += 1;
        }
        // A possessor ("Reunion Pictures’ Matthew O'Connor", "Putin’s") is not the subject.
        let owner = possessive(text, &toks[k - 1])
            || toks
                .get(k)
                .is_some_and(|t| t.norm == "'" && t.span.start == toks[k - 1].span.end);
        if owner {
            continue;
        }
        if let Some(who) = classify(text, toks, from..k).filter(&keep) {
            if !last {
                return Some(who);
            }
            best = Some(who);
        }
    }
    best
}

/// The first person named in `toks[range]` outside quotes: the likely subject of a sentence
/// without a reporting verb ("President Trump has grown increasingly frustrated…").
#[must_use]
pub fn first_person(
    text: &str,
    toks: &[Token],
    quoted: &[bool],
    range: std::ops::Range<usize>,
) -> Option<Who> {
    first_phrase(text, toks, quoted, range, false, |w| {
        matches!(w, Who::Person(_))
    })
}

/// The last plural source or institution in `toks[range]`: what "they" stands for.
#[must_use]
pub fn last_plural(
    text: &str,
    toks: &[Token],
    quoted: &[bool],
    range: std::ops::Range<usize>,
) -> Option<Who> {
    first_phrase(text, toks, quoted, range, true, |w| {
        matches!(w, Who::Described { plural: true, .. } | Who::Institution(_))
    })
}

/// The words of `toks[range]` as a described speaker ("a friend of the actress" → "friend of
/// the actress"): when they are a short phrase with no sentence punctuation.
#[must_use]
pub fn described(text: &str, toks: &[Token], range: std::ops::Range<usize>) -> Option<Who> {
    let slice = &toks[range];
    if slice.is_empty()
        || slice.len() > 8
        || slice
            .iter()
            .any(|t| t.kind == TokenKind::Punct && !matches!(t.norm, "-" | "'"))
    {
        return None;
    }
    let from = slice
        .iter()
        .position(|t| !(t.kind == TokenKind::Word && determiner(t.norm)))?;
    let (first, last) = (&slice[from], slice.last()?);
    let lex = crate::align::lexicon::lexicon();
    if last.kind != TokenKind::Word
        || last.verb
        || lex.is_stopword(last.norm)
        || function_word(first.norm)
    {
        return None;
    }
    let surface = text.get(first.span.start..last.span.end)?.to_owned();
    let plural = last.norm.ends_with('s') && !last.norm.ends_with("ss");
    Some(Who::Described {
        text: surface,
        plural,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::Tokens;

    fn before(s: &str, verb: &str) -> Option<Who> {
        let tokens = Tokens::of(s);
        let toks = tokens.tokens();
        let quoted = vec![false; toks.len()];
        let v = toks.iter().position(|t| t.norm == verb)?;
        subject_before(s, &toks, &quoted, 0, v)
    }

    fn person(s: &str) -> Option<Who> {
        Some(Who::Person(s.into()))
    }

    #[test]
    fn titles_are_dropped_from_names() {
        assert_eq!(
            before(
                "White House Press Secretary Karoline Leavitt stated",
                "stated"
            ),
            person("Karoline Leavitt")
        );
        assert_eq!(
            before(
                "Former U.S. President Donald Trump has revealed",
                "revealed"
            ),
            person("Donald Trump")
        );
        assert_eq!(
            before("Putin’s aide Yuri Ushakov described", "described"),
            person("Yuri Ushakov")
        );
        assert_eq!(
            before(
                "The Kremlin’s foreign policy aide, Yuri Ushakov, told",
                "told"
            ),
            person("Yuri Ushakov")
        );
        assert_eq!(
            before("NATO Secretary-General Mark Rutte said", "said"),
            person("Mark Rutte")
        );
        assert_eq!(
            before("U.S. Secretary of State Marco Rubio cautioned", "cautioned"),
            person("Marco Rubio")
        );
    }

    #[test]
    fn described_sources_institutions_and_pronouns() {
        assert_eq!(
            before("which a Kremlin aide described", "described"),
            Some(Who::Described {
                text: "Kremlin aide".into(),
                plural: false
            })
        );
        assert_eq!(
            before("Officials suggested", "suggested"),
            Some(Who::Described {
                text: "Officials".into(),
                plural: true
            })
        );
        assert_eq!(
            before("with the Kremlin denouncing", "denouncing"),
            Some(Who::Institution("Kremlin".into()))
        );
        assert_eq!(
            before("The White House acknowledged", "acknowledged"),
            Some(Who::Institution("White House".into()))
        );
        assert_eq!(
            before("On Wednesday, he reportedly said", "said"),
            Some(Who::Pronoun("he".into()))
        );
        assert_eq!(before("On Wednesday said", "said"), None);
    }

    #[test]
    fn subjects_after_the_verb() {
        let s = "stated White House Press Secretary Karoline Leavitt.";
        let tokens = Tokens::of(s);
        let toks = tokens.tokens();
        let q = vec![false; toks.len()];
        assert_eq!(subject_after(s, &toks, &q, 0), person("Karoline Leavitt"));
    }
}
