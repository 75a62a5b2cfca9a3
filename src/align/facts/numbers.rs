//! How single numbers are read before they become quantities: a number's value in digits or
//! words, a year, a tally or range of two counts ("52-48", "10-15"), a person's age and its
//! owner, and the noun a bare number measures ("magnitude 6.1").

use super::super::lexicon::{hedge_word, lexicon, number_word, ratio_word, scale_word};
use super::super::text::TokenKind;
use super::super::tokens::{TokenRef, Toks};
use super::Dimension;

pub(super) fn word_value(t: &TokenRef<'_>) -> Option<f64> {
    match t.kind {
        TokenKind::Number if t.norm.bytes().all(|b| b.is_ascii_digit() || b == b'.') => t.value,
        TokenKind::Word => number_word(t.norm),
        _ => None,
    }
}

pub(super) fn is_year(t: &TokenRef<'_>) -> Option<i32> {
    let v = t.value?;
    #[allow(clippy::cast_possible_truncation)]
    let y = v as i32;
    // Four digits as written: "2,000" (a count) folds to the same form as the year 2000.
    (t.kind == TokenKind::Number
        && t.norm.len() == 4
        && t.span.len() == 4
        && (1900..=2100).contains(&y)
        && f64::from(y) == v)
        .then_some(y)
}

/// The age of `owner` (the word naming the person: "man", "suspect", "Banky"): ages are
/// compared person by person, so "Kirkpatrick, 61, … killing Banky, 40" holds two.
pub(super) fn age_of(owner: &str) -> Dimension {
    Dimension::Count(format!("age {owner}"))
}

/// The two whole numbers of "52-48" or "10-15" at token `i` (digits, a hyphen or dash, digits,
/// with no decimal point and no year), and the token after them.
pub(super) fn count_pair(toks: Toks<'_>, i: usize) -> Option<(f64, f64, usize)> {
    let count = |k: usize| {
        let t = toks.get(k)?;
        (t.kind == TokenKind::Number
            && t.norm.bytes().all(|b| b.is_ascii_digit())
            && is_year(&t).is_none())
        .then_some(t.value)
        .flatten()
    };
    let dash = toks.get(i + 1).filter(|n| matches!(n.norm, "-" | "–"))?;
    // Written as one word: "3 - 1" in a list or a table is no tally.
    let joined = toks.span(i).end == dash.span.start
        && toks
            .get(i + 2)
            .is_some_and(|n| n.span.start == dash.span.end);
    joined.then_some(())?;
    Some((count(i)?, count(i + 2)?, i + 3))
}

/// The two counts of "two to one", "60-to-40" or "10 to 15" starting at token `i`, and the
/// token after them: falling, a tally or a ratio; rising, a range. `None` after "from": "rose
/// from 10 to 15" is a change, whose figures are read one by one.
pub(super) fn to_pair(toks: Toks<'_>, i: usize) -> Option<(f64, f64, usize)> {
    if i > 0 && toks.norm(i - 1) == "from" {
        return None;
    }
    let value = |k: usize| toks.get(k).as_ref().and_then(word_value);
    let first = value(i)?;
    let hyphen = |k: usize| usize::from(toks.get(k).is_some_and(|n| n.norm == "-"));
    let mut k = i + 1;
    k += hyphen(k);
    (toks.get(k)?.norm == "to").then_some(())?;
    k += 1;
    k += hyphen(k);
    Some((first, value(k)?, k + 1))
}

/// A scale word counted by a ratio word or an article at token `i` ("half a million", "a
/// million"): its value and the token after it.
pub(super) fn scaled_at(toks: Toks<'_>, i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i).filter(|t| t.kind == TokenKind::Word)?;
    let (by, k) = match t.norm {
        "a" | "an" => (1.0, i + 1),
        w => match (ratio_word(w), toks.get(i + 1).map(|n| n.norm)) {
            (Some(r), Some("a" | "an")) => (r, i + 2),
            _ => return None,
        },
    };
    scale_word(toks.get(k)?.norm).map(|s| (by * s, k + 1))
}

/// The noun a bare number at `j`'s left counts a part of ("3 of the 12 victims", "two of its
/// 40 stores"): its stem, and the token of the whole's number, which is read next.
pub(super) fn part_of(toks: Toks<'_>, j: usize) -> Option<(String, usize)> {
    let norm = |k: usize| toks.get(k).map(|t| t.norm);
    (norm(j)? == "of" && matches!(norm(j + 1)?, "the" | "its" | "their" | "his" | "her"))
        .then_some(())?;
    word_value(&toks.get(j + 2)?)?;
    let noun = toks.get(j + 3).filter(|n| {
        n.kind == TokenKind::Word && !n.capitalised && !lexicon().is_stopword(n.norm)
    })?;
    Some((lexicon().stem(noun.norm), j + 2))
}

/// The hedge right before the number at token `first` ("nearly", "more than", "at least", "up
/// to", "longer than" read as "more than"), and the token its span starts at.
pub(super) fn hedge_before(toks: Toks<'_>, mut first: usize) -> (Option<String>, usize) {
    let mut hedge = None;
    if first > 0 {
        let p = toks.norm(first - 1);
        if hedge_word(p) {
            hedge = Some(p.to_owned());
            first -= 1;
            // "more than", "at least", "at most", "up to": keep both words in the span.
            if first > 0
                && matches!(
                    (toks.norm(first - 1), p),
                    ("more" | "less" | "fewer", "than") | ("at", "least" | "most")
                )
            {
                hedge = Some(format!("{} {}", toks.norm(first - 1), p));
                first -= 1;
            } else if p == "than" && first > 0 {
                // "longer than eight years" bounds like "more than eight years".
                let bound = match toks.norm(first - 1) {
                    "longer" | "greater" | "larger" | "higher" | "bigger" | "older" => {
                        Some("more than")
                    }
                    "shorter" | "smaller" | "lower" | "younger" => Some("less than"),
                    _ => None,
                };
                if let Some(h) = bound {
                    hedge = Some(h.into());
                    first -= 1;
                }
            }
        } else if p == "to" && first > 1 && toks.norm(first - 2) == "up" {
            hedge = Some("up to".into());
            first -= 2;
        }
    }
    (hedge, first)
}

/// Whether the bare number at `i..j` is a person's age set off by commas after a word ("The
/// suspect, 24, was…", "Smith, 42, of Ohio", "…killing Banky, 40."): a whole number up to 120
/// after a comma after a word, closed by a comma, "of" or the end of a clause. "On March 3, 24
/// people…" and "scored 10, 24, and 30" are no ages.
pub(super) fn appositive_age(toks: Toks<'_>, i: usize, j: usize, value: f64) -> bool {
    let whole = value.fract() == 0.0 && (1.0..=120.0).contains(&value);
    whole
        && j == i + 1
        && toks.kind(i) == TokenKind::Number
        && i >= 2
        && toks.norm(i - 1) == ","
        && toks.kind(i - 2) == TokenKind::Word
        && toks
            .get(j)
            .is_none_or(|n| matches!(n.norm, "," | "of" | "." | ";"))
}

/// The content noun just before a bare number ("magnitude at 6.1"), skipping a linking word.
pub(super) fn measured_noun(toks: Toks<'_>, first: usize) -> Option<String> {
    let mut k = first;
    let lex = lexicon();
    let mut skips = 2;
    while skips > 0 {
        skips -= 1;
        k = k.checked_sub(1)?;
        let t = toks.at(k);
        if lex.is_measure_link(t.norm) {
            continue;
        }
        // "toll climbs to 15": the number measures the noun before the verb of change.
        if lex.is_change_verb(t.norm) {
            skips += 1;
            continue;
        }
        return (t.kind == TokenKind::Word
            && !t.capitalised
            && t.norm.len() > 3
            && !lex.is_stopword(t.norm)
            && number_word(t.norm).is_none())
        .then(|| lex.stem(t.norm));
    }
    None
}
