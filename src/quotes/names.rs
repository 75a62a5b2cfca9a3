//! Full names from surnames and spelling variants of one name.
//!
//! A report names a person in full once ("US President Donald Trump") and by surname after
//! ("Trump said"); a speaker given by surname takes the full name its own report gives, or
//! else the one another report gives. Two surnames are one name when they are equal or share
//! their first four letters and differ by at most two edits (Zelensky / Zelenskyy /
//! Zelenskiy), the same rule the alignment uses for its names.

/// Maps with a fast fixed hasher: keyed by words, looked up for every word read.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

use rayon::prelude::*;

use super::tokens::{TokenKind, Tokens};
use crate::model::Document;

use super::name_runs::runs;
use super::phrase::{classify, Who};

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
fn surname(folded: &str) -> &str {
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

/// Full person names seen in the reports, by document and over all of them.
#[derive(Debug, Default)]
pub struct NameBook {
    /// Each document's full names with their folded surnames.
    by_doc: Vec<Vec<(String, String)>>,
    /// Every full name, most frequent first, with its folded surname.
    all: Vec<(String, String)>,
    /// Indices into `all` by the first four letters of the surname: the only names
    /// [`same_surname`] can match.
    by_prefix: HashMap<String, Vec<usize>>,
}

/// The first four letters of a folded surname (all of a shorter one).
fn prefix(surname: &str) -> &str {
    surname
        .char_indices()
        .nth(4)
        .map_or(surname, |(k, _)| &surname[..k])
}

impl NameBook {
    /// Learn the full names (two or three capitalised words after any title) of `docs`.
    #[must_use]
    pub fn learn(docs: &[Document]) -> Self {
        let runs: Vec<Vec<&str>> = docs
            .par_iter()
            .with_min_len(16)
            .map(|d| runs(&d.text))
            .collect();
        let by_doc = names_of_runs(&runs);
        let mut counts: HashMap<&(String, String), usize> = HashMap::default();
        for n in by_doc.iter().flatten() {
            *counts.entry(n).or_default() += 1;
        }
        let mut all: Vec<(&(String, String), usize)> = counts.into_iter().collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let all: Vec<(String, String)> = all.into_iter().map(|(n, _)| n.clone()).collect();
        let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, (_, key)) in all.iter().enumerate() {
            by_prefix.entry(prefix(key).to_owned()).or_default().push(k);
        }
        Self {
            by_doc,
            all,
            by_prefix,
        }
    }

    /// The full name for a person named `name` in document `doc`: its own report's first,
    /// then the most frequent one over all reports; `name` itself when none is known.
    #[must_use]
    pub fn full(&self, doc: usize, name: &str) -> String {
        if name.contains(' ') {
            return name.to_owned();
        }
        let key = fold(name);
        let fits = |n: &&(String, String)| same_surname(&n.1, &key);
        self.by_doc
            .get(doc)
            .and_then(|names| names.iter().find(fits))
            .or_else(|| {
                self.by_prefix
                    .get(prefix(&key))
                    .and_then(|ks| ks.iter().map(|&k| &self.all[k]).find(fits))
            })
            .map_or_else(|| name.to_owned(), |n| n.0.clone())
    }
}

/// Each report's full names, in order of first mention, each once, with their folded
/// surnames, from its runs of capitalised words. The same run ("Barack Obama", "White
/// House") recurs across the reports of a stack: each distinct run is read once.
fn names_of_runs(docs: &[Vec<&str>]) -> Vec<Vec<(String, String)>> {
    {
        let mut index: HashMap<&str, usize> = HashMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        let ids: Vec<Vec<usize>> = docs
            .iter()
            .map(|runs| {
                runs.iter()
                    .map(|&r| {
                        *index.entry(r).or_insert_with(|| {
                            distinct.push(r);
                            distinct.len() - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let found: Vec<Vec<(String, String)>> = distinct
            .par_iter()
            .with_min_len(64)
            .map(|r| {
                names_in(r)
                    .into_iter()
                    .map(|n| {
                        let key = surname(&fold(&n)).to_owned();
                        (n, key)
                    })
                    .collect()
            })
            .collect();
        ids.iter()
            .map(|runs| {
                let mut out: Vec<(String, String)> = Vec::new();
                for n in runs.iter().flat_map(|&k| &found[k]) {
                    if !out.iter().any(|o| o.0 == n.0) {
                        out.push(n.clone());
                    }
                }
                out
            })
            .collect()
    }
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
fn names_in(text: &str) -> Vec<String> {
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
