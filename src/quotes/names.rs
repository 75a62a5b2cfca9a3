//! Full names from surnames and spelling variants of one name.
//!
//! A report names a person in full once ("US President Donald Trump") and by surname after
//! ("Trump said"); a speaker given by surname takes the full name its own report gives, or
//! else the one another report gives. Two surnames are one name when they are equal or share
//! their first four letters and differ by at most two edits (Zelensky / Zelenskyy /
//! Zelenskiy), the same rule the alignment uses for its names.

use super::tokens::{TokenKind, Tokens};

use super::phrase::{classify, Who};

pub use super::name_book::NameBook;

/// Whether two short strings are at most `max` edits apart.
fn within(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= max
}

/// A name folded for comparison: lowercase letters only, accents dropped.
#[must_use]
pub fn fold(name: &str) -> String {
    // ASCII letters and spaces (most names): the tokenizer's words are the lowercase words.
    if name.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        let mut out = String::with_capacity(name.len());
        for w in name.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    let toks = Tokens::of(name);
    let mut out = String::with_capacity(name.len());
    for k in (0..toks.len()).filter(|&k| toks.kind(k) != TokenKind::Punct) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(toks.norm(k));
    }
    out
}

/// The last word of a folded name.
pub(super) fn surname(folded: &str) -> &str {
    folded.rsplit(' ').next().unwrap_or(folded)
}

/// Whether two surnames are spellings of one (Zelensky / Zelenskiy).
#[must_use]
pub fn same_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Most pairs differ in their first letters: settle those before counting edits.
    if a.len() < 5 || b.len() < 5 || a.get(..4).is_none_or(|p| Some(p) != b.get(..4)) {
        return false;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    x.len().min(y.len()) >= 5 && x[..4] == y[..4] && within(&x, &y, 2)
}

/// Whether two person names may name one person: their surnames match and, when both give a
/// first name, those match too.
#[must_use]
pub fn same_person(a: &str, b: &str) -> bool {
    same_folded_person(&fold(a), &fold(b))
}

/// [`same_person`] of two names already folded with [`fold`].
#[must_use]
pub fn same_folded_person(fa: &str, fb: &str) -> bool {
    if !same_surname(surname(fa), surname(fb)) {
        return false;
    }
    let (ga, gb) = (fa.split(' ').count(), fb.split(' ').count());
    ga == 1 || gb == 1 || fa.split(' ').next() == fb.split(' ').next()
}

/// Whether the capitalised words `segment` (all capitalised words) has after its last title
/// word, determiners left out, are two or three: the only persons [`names_in`] keeps.
fn two_or_three_after_titles(segment: &[super::tokens::Token]) -> bool {
    let mut n = 0;
    for t in segment
        .iter()
        .rev()
        .filter(|t| !super::wordclass::determiner(t.norm))
    {
        if super::words::words().is_title(t.norm) {
            break;
        }
        n += 1;
        if n > 3 {
            return false;
        }
    }
    n >= 2
}

/// The full person names (two or three words) of a run of capitalised words, in order,
/// as often as they occur.
pub(super) fn names_in(text: &str) -> Vec<String> {
    let tokens = Tokens::of(text);
    let toks = tokens.tokens();
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !toks[k].capitalised || toks[k].kind != TokenKind::Word {
            k += 1;
            continue;
        }
        let start = k;
        while k < toks.len() && toks[k].capitalised && toks[k].kind == TokenKind::Word {
            k += 1;
        }
        // One word names no one in full, nor do more than three after the last title: a
        // person `classify` finds is the capitalised words after the last title word (the
        // words other than determiners), and only names of two or three words are kept.
        if k - start < 2 || !two_or_three_after_titles(&toks[start..k]) {
            continue;
        }
        if let Some(Who::Person(name)) = classify(text, &toks, start..k) {
            if (2..=3).contains(&name.split(' ').count()) {
                out.push(name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::name_runs::runs;
    use super::*;

    #[test]
    fn ascii_names_fold_as_their_tokens_do() {
        let slow = |n: &str| {
            let t = Tokens::of(n);
            (0..t.len())
                .filter(|&k| t.kind(k) != TokenKind::Punct)
                .map(|k| t.norm(k).to_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for n in [
            "Donald Trump",
            "  the  New York   Times ",
            "",
            " ",
            "NYT",
            "a b",
        ] {
            assert_eq!(fold(n), slow(n), "{n:?}");
        }
        assert_eq!(fold("Zelens’kyy, Jr."), slow("Zelens’kyy, Jr."));
    }

    /// [`names_in`] without its count of the words after the titles: `classify` on every
    /// segment of two capitalised words or more.
    fn names_by_classify(text: &str) -> Vec<String> {
        let tokens = Tokens::of(text);
        let toks = tokens.tokens();
        let word = |k: usize| toks[k].capitalised && toks[k].kind == TokenKind::Word;
        let mut out = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            let start = k;
            while k < toks.len() && word(k) {
                k += 1;
            }
            if k - start >= 2 {
                if let Some(Who::Person(name)) = classify(text, &toks, start..k) {
                    if (2..=3).contains(&name.split(' ').count()) {
                        out.push(name);
                    }
                }
            }
            k = k.max(start + 1);
        }
        out
    }

    #[test]
    fn names_are_those_classify_finds_in_every_segment() {
        for t in [
            "US President Donald J Trump And The White House",
            "The Kremlin Aide Yuri Ushakov Said",
            "Secretary Of State Marco Rubio, Mr Smith",
            "A Senior Official",
            "President Obama",
            "Police Arrest Man In Killing Of Three",
        ] {
            assert_eq!(names_in(t), names_by_classify(t), "{t}");
        }
        for d in crate::model::embedded::seed_documents() {
            for r in runs(&d.text) {
                assert_eq!(names_in(r), names_by_classify(r), "{r}");
            }
        }
    }

    #[test]
    fn variants_fold_and_different_people_do_not() {
        assert!(same_surname("zelensky", "zelenskyy") && same_surname("zelenskiy", "zelensky"));
        assert!(!same_surname("putin", "patin") && !same_surname("trump", "biden"));
        assert!(
            same_person("Trump", "Donald Trump") && same_person("Volodymyr Zelensky", "Zelenskiy")
        );
        assert!(!same_person("Donald Trump", "Melania Trump") && !same_person("Putin", "Trump"));
    }

    #[test]
    fn surnames_take_the_full_name_of_their_report_or_another() {
        let docs = crate::model::embedded::seed_documents();
        let book = NameBook::learn(&docs);
        assert_eq!(book.full(3, "Trump"), "Donald Trump");
        assert_eq!(book.full(2, "Ushakov"), "Yuri Ushakov");
        assert_eq!(book.full(3, "Ushakov"), "Yuri Ushakov");
        assert_eq!(book.full(0, "Polyanskiy"), "Dmitry Polyanskiy");
        assert_eq!(book.full(0, "Nobody"), "Nobody");
    }
}
