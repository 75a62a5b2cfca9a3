//! The full names of a stack's reports, learnt only for the surnames asked about.
//!
//! A stack of a thousand reports has some eight thousand distinct runs of capitalised words,
//! but the speaker search asks for the full name of a few hundred surnames. Reading every run
//! for its names (tokenizing and classifying it) was most of the book's cost; now each run is
//! only indexed by the first letters of the surnames it can hold, and read when a surname
//! that may be in it is asked about. What [`NameBook::full`] answers is what reading every
//! run would give: a surname matches only names whose surname shares its first four letters
//! ([`same_surname`]), and those are in the runs indexed under them (a test compares the
//! answers with those of a book that reads every run).

use std::sync::{Arc, Mutex, OnceLock};

/// Maps with a fast fixed hasher: keyed by words, looked up for every word read.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

use rayon::prelude::*;

use super::name_runs::runs;
use super::names::{fold, names_in, same_surname, surname};
use super::tokens::{TokenKind, Tokens};
use super::wordclass::determiner;
use super::words::words;
use crate::model::Document;

/// A full name with its folded surname.
type Named = (String, String);

/// Full person names seen in the reports, by document and over all of them, read lazily.
#[derive(Debug, Default)]
pub struct NameBook<'t> {
    /// Each document's runs of capitalised words, in order, as indices into `runs`.
    doc_runs: Vec<Vec<u32>>,
    /// The distinct runs of all documents.
    runs: Vec<&'t str>,
    /// For each run, the documents it is in, ascending.
    run_docs: Vec<Vec<u32>>,
    /// Each run by the prefixes ([`key`] of [`prefix`]) of the surnames it can hold, sorted:
    /// the runs whose names a surname with a prefix can match are one stretch of it, in
    /// ascending order.
    by_prefix: Vec<(u128, u32)>,
    /// Each run's full names (two or three words) in order, once read.
    names: Vec<OnceLock<Vec<Named>>>,
    /// For each prefix asked about, its names over all reports, in the reports' most
    /// frequent first (then by name).
    ranked: Mutex<HashMap<u128, Arc<Vec<Named>>>>,
}

/// A prefix (four characters, sixteen bytes at most) as one number, its bytes in order:
/// compared and sorted without a string each. No prefix holds a NUL byte, so two prefixes
/// give two numbers.
fn key(prefix: &str) -> u128 {
    prefix
        .bytes()
        .take(16)
        .fold(0u128, |k, b| (k << 8) | u128::from(b))
}

/// The first four letters of a folded surname (all of a shorter one).
fn prefix(surname: &str) -> &str {
    surname
        .char_indices()
        .nth(4)
        .map_or(surname, |(k, _)| &surname[..k])
}

/// The prefixes of the surnames a run's full names can have, each once. [`names_in`] reads
/// each segment of two or more capitalised words, and a person it finds there is the words
/// after the segment's last title (determiners left out): the surname is the segment's last
/// word other than a determiner, and never a title. Those words' prefixes, found on the run's
/// tokens without classifying it, are all the run can match.
fn prefixes(run: &str, toks: &mut Tokens) -> Vec<u128> {
    let mut out: Vec<u128> = Vec::new();
    toks.clear();
    toks.push(run, 0);
    let word = |k: usize| toks.kind(k) == TokenKind::Word && toks.capitalised(k);
    let mut k = 0;
    while k < toks.len() {
        if !word(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k < toks.len() && word(k) {
            k += 1;
        }
        let last = (start..k)
            .rev()
            .map(|j| toks.norm(j))
            .find(|w| !determiner(w));
        if let Some(p) = last.filter(|w| k - start >= 2 && !words().is_title(w)) {
            let p = key(prefix(p));
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

impl<'t> NameBook<'t> {
    /// Index the runs of capitalised words of `docs`, where their full names (two or three
    /// capitalised words after any title) are.
    #[must_use]
    pub fn learn(docs: &'t [Document]) -> Self {
        let per_doc: Vec<Vec<&str>> = docs
            .par_iter()
            .with_min_len(16)
            .map(|d| runs(&d.text))
            .collect();
        // The same run ("Barack Obama", "White House") recurs across the reports of a stack:
        // each distinct run is indexed and read once.
        let mut index: HashMap<&str, u32> = HashMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        let mut run_docs: Vec<Vec<u32>> = Vec::new();
        let doc_runs: Vec<Vec<u32>> = per_doc
            .iter()
            .zip(0u32..)
            .map(|(rs, d)| {
                rs.iter()
                    .map(|&r| {
                        let id = *index.entry(r).or_insert_with(|| {
                            distinct.push(r);
                            run_docs.push(Vec::new());
                            u32::try_from(distinct.len() - 1).unwrap_or(u32::MAX)
                        });
                        let seen = &mut run_docs[id as usize];
                        if seen.last() != Some(&d) {
                            seen.push(d);
                        }
                        id
                    })
                    .collect()
            })
            .collect();
        let mut toks = Tokens::default();
        let mut by_prefix: Vec<(u128, u32)> = Vec::new();
        for (id, r) in (0u32..).zip(&distinct) {
            by_prefix.extend(prefixes(r, &mut toks).into_iter().map(|p| (p, id)));
        }
        by_prefix.sort_unstable();
        Self {
            doc_runs,
            names: distinct.iter().map(|_| OnceLock::new()).collect(),
            runs: distinct,
            run_docs,
            by_prefix,
            ranked: Mutex::default(),
        }
    }

    /// The full names of run `id`, read the first time they are asked for.
    fn names_of(&self, id: u32) -> &[Named] {
        self.names[id as usize].get_or_init(|| {
            names_in(self.runs[id as usize])
                .into_iter()
                .map(|n| {
                    let key = surname(&fold(&n)).to_owned();
                    (n, key)
                })
                .collect()
        })
    }

    /// The names over all reports whose surname starts with `p`, in the order of a book of
    /// every name: by the number of reports that give it, most first, then by name.
    fn ranked(&self, p: &str, runs: &[(u128, u32)]) -> Arc<Vec<Named>> {
        let k = key(p);
        if let Some(known) = self.ranked.lock().ok().and_then(|m| m.get(&k).cloned()) {
            return known;
        }
        let mut seen: Vec<(&Named, u32)> = Vec::new();
        for &(_, id) in runs {
            for n in self.names_of(id).iter().filter(|n| prefix(&n.1) == p) {
                seen.extend(self.run_docs[id as usize].iter().map(|&d| (n, d)));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut counts: Vec<(&Named, usize)> = Vec::new();
        for (n, _) in seen {
            match counts.last_mut() {
                Some((m, c)) if *m == n => *c += 1,
                _ => counts.push((n, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let out = Arc::new(counts.into_iter().map(|(n, _)| n.clone()).collect());
        if let Ok(mut m) = self.ranked.lock() {
            m.insert(k, Arc::clone(&out));
        }
        out
    }

    /// The full name for a person named `name` in document `doc`: its own report's first,
    /// then the most frequent one over all reports; `name` itself when none is known.
    #[must_use]
    pub fn full(&self, doc: usize, name: &str) -> String {
        if name.contains(' ') {
            return name.to_owned();
        }
        let folded = fold(name);
        let p = prefix(&folded);
        let k = key(p);
        let from = self.by_prefix.partition_point(|e| e.0 < k);
        let to = from + self.by_prefix[from..].partition_point(|e| e.0 == k);
        let runs = &self.by_prefix[from..to];
        if runs.is_empty() {
            return name.to_owned();
        }
        let fits = |n: &&Named| same_surname(&n.1, &folded);
        let own = self.doc_runs.get(doc).and_then(|rs| {
            rs.iter()
                .filter(|&&id| runs.binary_search_by_key(&id, |e| e.1).is_ok())
                .find_map(|&id| self.names_of(id).iter().find(fits))
        });
        if let Some(n) = own {
            return n.0.clone();
        }
        self.ranked(p, runs)
            .iter()
            .find(fits)
            .map_or_else(|| name.to_owned(), |n| n.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The book as it was before it was read lazily: every run of every report read, each
    /// report's names in order of first mention, and every name, those in most reports first.
    fn eager(docs: &[Document]) -> (Vec<Vec<Named>>, Vec<Named>) {
        let by_doc: Vec<Vec<Named>> = docs
            .iter()
            .map(|d| {
                let mut out: Vec<Named> = Vec::new();
                for n in runs(&d.text).into_iter().flat_map(names_in) {
                    if !out.iter().any(|o| o.0 == n) {
                        let key = surname(&fold(&n)).to_owned();
                        out.push((n, key));
                    }
                }
                out
            })
            .collect();
        let mut all: Vec<(&Named, usize)> = Vec::new();
        for n in by_doc.iter().flatten() {
            match all.iter_mut().find(|(m, _)| *m == n) {
                Some((_, c)) => *c += 1,
                None => all.push((n, 1)),
            }
        }
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let all = all.into_iter().map(|(n, _)| n.clone()).collect();
        (by_doc, all)
    }

    /// [`NameBook::full`] of the eager book.
    fn eager_full(book: &(Vec<Vec<Named>>, Vec<Named>), doc: usize, name: &str) -> String {
        if name.contains(' ') {
            return name.to_owned();
        }
        let key = fold(name);
        let fits = |n: &&Named| same_surname(&n.1, &key);
        book.0[doc]
            .iter()
            .find(fits)
            .or_else(|| book.1.iter().find(fits))
            .map_or_else(|| name.to_owned(), |n| n.0.clone())
    }

    fn docs() -> Vec<Document> {
        let mut docs = crate::model::embedded::seed_documents();
        for (k, t) in [
            "Zelens\u{2019}kyy met O'Neill and Donald O'Neill. Volodymyr Zelens\u{2019}kyy spoke.",
            "President Volodymyr Zelenskiy, U.S. Senator John R.J. McCain and Ren\u{e9}e \u{c9}lise.",
            "Sen. John McCain said so. \u{c9}lise and Kim and Kim Jong-un and Kim Jong Un.",
        ]
        .into_iter()
        .enumerate()
        {
            docs.push(crate::model::structure::build(
                format!("x{k}"),
                format!("x{k}"),
                t.into(),
            ));
        }
        docs
    }

    #[test]
    fn every_name_is_indexed_under_its_surnames_prefix() {
        for d in docs() {
            for r in runs(&d.text) {
                let ps = prefixes(r, &mut Tokens::default());
                for n in names_in(r) {
                    let surname = surname(&fold(&n)).to_owned();
                    assert!(ps.contains(&key(prefix(&surname))), "{n} in {r}: {ps:?}");
                }
            }
        }
    }

    #[test]
    fn the_lazy_book_answers_as_a_book_of_every_name() {
        let docs = docs();
        let book = NameBook::learn(&docs);
        let reference = eager(&docs);
        let mut words: Vec<&str> = docs
            .iter()
            .flat_map(|d| {
                d.text
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            })
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 150, "{}", words.len());
        for w in words {
            for doc in 0..docs.len() {
                assert_eq!(
                    book.full(doc, w),
                    eager_full(&reference, doc, w),
                    "{w} in {doc}"
                );
            }
        }
        assert_eq!(
            book.full(docs.len() - 1, "Zelenskiy"),
            "Volodymyr Zelenskiy"
        );
    }
}
