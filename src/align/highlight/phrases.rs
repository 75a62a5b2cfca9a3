//! The phrase marks of [`super::highlight`]: content words of one statement with no
//! counterpart in the other, grouped into phrases, and the test of whether two statements
//! are reworded (share too little for such marks to mean anything).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{is_content, is_word, Mark};
use crate::align::lexicon::lexicon;
use crate::align::text::{Token, TokenKind};

/// The highlight's parameters (`[highlight]` of `assets/params.toml`): how much a phrase mark
/// may cover before a pair counts as reworded (a highlight over most of a sentence says
/// nothing), what counts as a spelling variant, and the longest pair compared word by word (a
/// page without full stops is no sentence, and the marks are drawn on every frame).
fn params() -> &'static crate::align::params::Highlight {
    &crate::align::params::defaults().highlight
}

/// Mark the phrases of both sides (tokens without a mark get [`Mark::Phrase`]) unless the
/// two are reworded; returns whether they are.
pub(super) fn mark(
    ta: &[Token],
    tb: &[Token],
    ma: &mut [Option<Mark>],
    mb: &mut [Option<Mark>],
) -> bool {
    if ta.len() + tb.len() > params().max_tokens {
        return true;
    }
    let (ka, kb) = (keys(ta), keys(tb));
    let ua = unmatched_words((ta, &ka), (tb, &kb), ma);
    let ub = unmatched_words((tb, &kb), (ta, &ka), mb);
    let (pa, pb) = (phrases(ta, &ua, ma), phrases(tb, &ub, mb));
    let reworded = reworded(side(ta, ma, &pa), side(tb, mb, &pb));
    if !reworded {
        for (m, ps) in [(ma, &pa), (mb, &pb)] {
            for r in ps {
                for k in r.clone() {
                    m[k] = Some(Mark::Phrase);
                }
            }
        }
    }
    reworded
}

/// The key a word is matched by: its alias ("united states" → "us") or its stem.
fn keys(toks: &[Token]) -> Vec<String> {
    let lex = lexicon();
    // Only content words are ever matched by key: the rest keep their folded form.
    let mut out: Vec<String> = toks
        .iter()
        .map(|t| {
            if is_content(t) {
                lex.stem(&t.norm)
            } else {
                t.norm.clone()
            }
        })
        .collect();
    for (i, t) in toks.iter().enumerate() {
        if let Some(v) = lex.alias(&t.norm) {
            out[i] = v.to_owned();
        }
        if let Some(next) = toks.get(i + 1) {
            if lex.starts_phrase_alias(&t.norm) {
                if let Some(v) = lex.alias(&format!("{} {}", t.norm, next.norm)) {
                    out[i] = v.to_owned();
                    out[i + 1] = v.to_owned();
                }
            }
        }
    }
    out
}

/// The first `variant_prefix` letters of a word: spelling variants share them.
fn prefix(w: &str) -> String {
    w.chars().take(params().variant_prefix).collect()
}

/// Two spellings of one name ("zelensky" / "zelenskiy"): a long common start, little more.
fn variant(x: &str, y: &str) -> bool {
    let common = x.chars().zip(y.chars()).take_while(|(c, d)| c == d).count();
    let p = params();
    common >= p.variant_prefix
        && x.chars().count() <= common + p.variant_extra
        && y.chars().count() <= common + p.variant_extra
}

/// For each token of `s`: whether it is a content word, unmarked, with no counterpart in
/// `other` (the same stem, alias, number or spelling of a name, anywhere in it).
fn unmatched_words(
    (s, ks): (&[Token], &[String]),
    (other, ko): (&[Token], &[String]),
    marks: &[Option<Mark>],
) -> Vec<bool> {
    // Sets of the other side's words, so a long statement costs linear time, not quadratic.
    let theirs: HashSet<&str> = ko
        .iter()
        .map(String::as_str)
        .chain(other.iter().map(|o| o.norm.as_str()))
        .collect();
    let values: HashSet<u64> = other
        .iter()
        .filter_map(|o| o.value.map(f64::to_bits))
        .collect();
    let mut by_prefix: HashMap<String, Vec<&str>> = HashMap::new();
    for o in other {
        by_prefix.entry(prefix(&o.norm)).or_default().push(&o.norm);
    }
    s.iter()
        .zip(ks)
        .zip(marks)
        .map(|((t, k), m)| {
            if m.is_some() || !is_content(t) {
                return false;
            }
            let counterpart = theirs.contains(k.as_str())
                || theirs.contains(t.norm.as_str())
                || (t.kind == TokenKind::Number
                    && t.value.is_some_and(|v| values.contains(&v.to_bits())))
                || by_prefix
                    .get(&prefix(&t.norm))
                    .is_some_and(|ws| ws.iter().any(|w| variant(w, &t.norm)));
            !counterpart
        })
        .collect()
}

/// Punctuation a phrase runs across: what stays inside a clause (commas, hyphens,
/// apostrophes, quotation marks), not what ends one.
fn bridges(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && !matches!(t.norm.as_str(), "." | ";" | ":" | "!" | "?" | "(" | ")")
}

/// Two tokens written together, with no space between ("in" "-" "person").
fn touching(x: &Token, y: &Token) -> bool {
    x.span.end == y.span.start
}

/// The phrases of `s` with no counterpart, as token ranges: each runs from an unmatched
/// content word to an unmatched content word, across stopwords, clause punctuation and at
/// most `absorb` shared name ("met Donald Trump's predecessor": one phrase, not
/// two around the name both share), never across a conflict; a hyphenated word joins whole.
fn phrases(s: &[Token], unmatched: &[bool], marks: &[Option<Mark>]) -> Vec<Range<usize>> {
    let free = |k: usize| marks[k].is_none();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !unmatched[i] {
            i += 1;
            continue;
        }
        let floor = out.last().map_or(0, |r| r.end);
        let mut start = i;
        while start >= floor + 2
            && s[start - 1].norm == "-"
            && is_word(&s[start - 2])
            && free(start - 2)
            && touching(&s[start - 2], &s[start - 1])
            && touching(&s[start - 1], &s[start])
        {
            start -= 2;
        }
        let (mut end, mut absorbed, mut j) = (i, 0, i + 1);
        while j < s.len() && free(j) {
            let t = &s[j];
            if unmatched[j] {
                end = j;
                absorbed = 0;
            } else if is_content(t) {
                // A shared name inside a differing phrase ("met Donald Trump's predecessor")
                // is part of it; a shared common word ends it.
                absorbed += 1;
                if absorbed > params().absorb || !t.capitalised {
                    break;
                }
            } else if !is_word(t) && !bridges(t) {
                break;
            }
            j += 1;
        }
        while end + 2 < s.len()
            && s[end + 1].norm == "-"
            && is_word(&s[end + 2])
            && free(end + 2)
            && touching(&s[end], &s[end + 1])
            && touching(&s[end + 1], &s[end + 2])
        {
            end += 2;
        }
        out.push(start..end + 1);
        i = end + 1;
    }
    out
}

/// What the phrases of one side amount to.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// Content words not in a conflict.
    content: usize,
    /// Of those, the ones inside a phrase.
    covered: usize,
    /// Number of phrases.
    phrases: usize,
}

fn side(s: &[Token], marks: &[Option<Mark>], ps: &[Range<usize>]) -> Side {
    let content: Vec<usize> = (0..s.len())
        .filter(|&i| is_content(&s[i]) && marks[i].is_none())
        .collect();
    Side {
        content: content.len(),
        covered: content
            .iter()
            .filter(|&&i| ps.iter().any(|r| r.contains(&i)))
            .count(),
        phrases: ps.len(),
    }
}

/// Whether two statements share too little for phrase marks to mean anything.
fn reworded(a: Side, b: Side) -> bool {
    let too_much = |s: Side| {
        s.covered as f32 > params().max_unmatched_share * s.content as f32
            || s.phrases > params().max_phrases
    };
    too_much(a) || too_much(b)
}

#[cfg(test)]
mod tests {
    use super::super::{highlight, Highlight};

    fn marked<'a>(s: &'a str, hs: &[Highlight]) -> Vec<&'a str> {
        hs.iter()
            .filter(|h| !h.mark.is_conflict())
            .map(|h| &s[h.range.clone()])
            .collect()
    }

    #[test]
    fn a_rewording_marks_at_most_the_differing_phrase() {
        let a = "Trump informed European leaders during a phone call on Wednesday.";
        let b = "Trump informed European leaders during a phone call on Wednesday, \
                 according to The New York Times.";
        let h = highlight(a, b, &[]);
        assert!(h.a.is_empty(), "{h:?}");
        assert_eq!(marked(b, &h.b), ["New York Times"]);
        // The stopwords between changes are not marked on their own.
        let a = "The Kremlin said the talks were useful and went well.";
        let b = "The Kremlin said the talks were constructive and went well.";
        let h = highlight(a, b, &[]);
        assert_eq!(marked(a, &h.a), ["useful"]);
        assert_eq!(marked(b, &h.b), ["constructive"]);
    }

    #[test]
    fn word_forms_aliases_and_spellings_count_as_counterparts() {
        let a = "Zelensky met leaders of the United States in Kiev.";
        let b = "Zelenskiy meets the leader of the US in Kyiv.";
        let h = highlight(a, b, &[]);
        assert!(h.a.is_empty() && h.b.is_empty(), "{h:?}");
    }

    #[test]
    fn statements_sharing_little_are_reworded_not_marked_throughout() {
        let a = "Witkoff held a closed-door session with Putin in Moscow on Wednesday.";
        let b = "The announcement followed a nearly three-hour meeting in the Kremlin between \
                 President Putin and the special envoy.";
        let h = highlight(a, b, &[]);
        assert!(h.reworded);
        assert!(h.a.is_empty() && h.b.is_empty(), "{h:?}");
    }

    #[test]
    fn pages_without_full_stops_are_not_compared_word_by_word() {
        let a = format!("{} alpha", "word ".repeat(1500));
        let b = format!("{} beta", "word ".repeat(1500));
        let h = highlight(&a, &b, &[]);
        assert!(h.reworded && h.a.is_empty() && h.b.is_empty());
        let h = highlight("word alpha", "word beta", &[]);
        assert!(!h.reworded && marked("word alpha", &h.a) == ["alpha"]);
    }

    #[test]
    fn hyphenated_words_are_marked_whole() {
        let a = "A nearly three-hour meeting took place.";
        let b = "A brief meeting took place.";
        let h = highlight(a, b, &[]);
        assert_eq!(marked(a, &h.a), ["nearly three-hour"]);
        assert_eq!(marked(b, &h.b), ["brief"]);
    }
}
