//! Normalisation of a whole set of statements into interned terms with weights.
//!
//! A statement becomes a set of informative terms: stems of content words, names, numbers,
//! and one pseudo-term per kind of quantity it states (so "a day" and "48 hours" share a
//! "duration" term). Which capitalised words are names, which spellings are variants of one
//! name, and which acronyms stand for which capitalised phrases is learnt from the statements
//! themselves (see [`super::names`]), so it works on reports the engine has never seen.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::facts::{dates, quotes, DateFact, Quantity, Quote};
use super::names::NameTable;
use super::tokens::{Tok, TokenRef, Tokenised, Toks, Words};
use super::StatementRef;

/// An interned term.
pub type TermId = u32;

/// What [`Stmt::terms`] holds for a token without a term (stopwords, punctuation): 4 bytes a
/// token where an `Option<TermId>` takes 8.
pub const NO_TERM: TermId = TermId::MAX;

/// What a term stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// The stem of a content word.
    Content,
    /// A name (person, place, organisation), variants folded.
    Name,
    /// A number.
    Number,
    /// "This statement states a duration / percentage / sum of money".
    Dimension,
    /// A word of attribution ("confirmed", "official"): weighs little.
    Attribution,
    /// Two informative terms next to each other (stopwords between them skipped), in either
    /// order: evidence that a phrase, not only its words, is shared.
    Bigram,
}

/// One statement, normalised.
#[derive(Debug, Clone)]
pub struct Stmt<'a> {
    /// Which statement.
    pub at: StatementRef,
    /// Its text.
    pub text: &'a str,
    /// Its tokens, compact: read them through [`Stmt::toks`].
    pub tokens: Vec<Tok>,
    /// The folded form of each token as an id shared by the whole corpus: two tokens have one
    /// id exactly when their `norm`s are equal, so word alignments compare integers.
    pub words: Vec<u32>,
    /// The corpus's table of folded forms, which `words` index.
    pub table: Arc<Words>,
    /// The term of each token, [`NO_TERM`] when it carries none: read it with [`Stmt::term`].
    pub terms: Vec<TermId>,
    /// Each content word or name of five letters or more, in token order: its term and the id
    /// of its first five letters (equal ids for equal prefixes over the corpus), for the
    /// evidence of related forms ("Egypt" / "Egyptians") that stemming does not join.
    pub prefixes: Vec<(TermId, u32)>,
    /// Its first distinct content words, names and numbers, in order of first use: what it
    /// says first, read by the evidence's lead feature (kept once, not rebuilt per pair).
    pub leading: Leading,
    /// Where a name it holds could have been replaced by another (see
    /// [`super::slots::stretches`]): kept once, read for every pair.
    pub stretches: Vec<(u32, u32)>,
    /// Its quantities.
    pub quantities: Vec<Quantity>,
    /// Its quotations.
    pub quotes: Vec<Quote>,
    /// Its dates, found once (a statement is compared in many links).
    pub dates: Vec<DateFact>,
    /// Its distinct terms, sorted.
    pub set: Vec<TermId>,
    /// Weight of each term of `set` in this statement's story (see [`Corpus::localise`]).
    pub weights: Vec<f32>,
    /// Sum of `weights`.
    pub mass: f32,
    /// Sum of the weights of the terms of `set` that are not names.
    pub content_mass: f32,
    /// Sum of the weights of its bigram terms.
    pub bigram_mass: f32,
    /// How many terms of `set` are content words, names or numbers.
    pub informative: usize,
    /// How many terms of `set` are names.
    pub names: usize,
    /// How many of its tokens are not punctuation (the evidence's `lengths`, read per pair;
    /// a `u32` fits in the room the `f32`s above leave).
    pub word_count: u32,
}

impl<'a> Stmt<'a> {
    /// Call `f(term, this weight, other weight)` for each term the two statements share, in
    /// term order: the one merge walk over two sorted term sets that the evidence and the
    /// candidates' ranking both sum over, so they add the same weights in the same order.
    #[inline]
    pub fn for_each_shared(&self, other: &Stmt<'_>, mut f: impl FnMut(TermId, f32, f32)) {
        let (a, b) = (self, other);
        let (mut i, mut j) = (0, 0);
        while i < a.set.len() && j < b.set.len() {
            let (x, y) = (a.set[i], b.set[j]);
            if x == y {
                f(x, a.weights[i], b.weights[j]);
                i += 1;
                j += 1;
            } else if x < y {
                i += 1;
            } else {
                j += 1;
            }
        }
    }

    /// Its tokens, with their folded forms.
    #[must_use]
    pub fn toks(&self) -> Toks<'_> {
        Toks::new(&self.tokens, &self.words, &self.table)
    }

    /// Token `i`; panics when out of range, as indexing does.
    #[must_use]
    pub fn tok(&self, i: usize) -> TokenRef<'_> {
        self.toks().at(i)
    }

    /// The folded form of token `i`.
    #[must_use]
    pub fn norm(&self, i: usize) -> &str {
        self.table.norm(self.words[i])
    }

    /// The term of token `i`, if it carries one.
    #[must_use]
    pub fn term(&self, i: usize) -> Option<TermId> {
        let t = self.terms[i];
        (t != NO_TERM).then_some(t)
    }

    /// The terms of tokens `r`, in token order (tokens without one skipped).
    pub fn terms_in(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = TermId> + '_ {
        self.terms[r].iter().copied().filter(|&t| t != NO_TERM)
    }
}

/// The corpus of every statement of `docs`, weighed as the alignment weighs them: for the
/// tests that check a fast path against the slow one on real reports.
#[cfg(test)]
pub(crate) fn of_documents(docs: &[crate::model::Document]) -> Corpus<'_> {
    let items = docs
        .iter()
        .enumerate()
        .flat_map(|(doc, d)| {
            d.statements.iter().map(move |s| {
                let at = StatementRef {
                    doc,
                    statement: s.index,
                };
                (at, &d.text[s.start..s.end])
            })
        })
        .collect();
    build(items, &super::params::defaults().weights, false)
}

/// A normalised set of statements and its term statistics.
#[derive(Debug)]
pub struct Corpus<'a> {
    /// The statements, in the order given.
    pub stmts: Vec<Stmt<'a>>,
    /// Kind of each term.
    pub kinds: Vec<TermKind>,
    /// Number of statements holding each term.
    pub df: Vec<u32>,
    /// Weight of each term over all statements (before [`Corpus::localise`]).
    pub weights: Vec<f32>,
    /// Background weight of each term: its rarity in English news, whatever was loaded.
    pub background: Vec<f32>,
    /// The weighting parameters the corpus was built with.
    params: super::params::Weights,
    /// The distinct terms of each document, sorted.
    doc_terms: Vec<Vec<TermId>>,
}

/// A hash map with a fast, fixed (not per-process random) hasher: keys here are short words
/// and term ids, and nothing iterates these maps in hash order.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// Statements per chunk keyed and interned on their own. Fixed, so the chunks (not only the
/// result, which is the same for any chunking) do not depend on the number of threads.
const CHUNK: usize = 4096;

/// Fewest statements a parallel task takes: small inputs then run on the calling thread.
pub(crate) const MIN_BATCH: usize = 64;

mod keys;
mod leading;
mod story_weights;
use keys::{chunk_terms, Interner, Key, Local};
pub use leading::{leading_terms, Leading, LEADING};
pub use story_weights::distinct_per_report;
pub(crate) use story_weights::with_term_slots;

/// Normalise `items` (statement and its text) into a corpus.
///
/// Tokenising, keying and interning run on rayon over fixed chunks of statements, each with
/// its own interner; the chunks' interners are then merged in order, which gives every term
/// the id a single walk over all statements would give it (the first chunk using a term uses
/// it first, and within a chunk ids follow first use), so results do not depend on threads.
///
/// With `background_only`, terms are weighed by their rarity in English news alone, so that a
/// statement's weights do not depend on what else was given (`parallax pairs` scores each pair
/// on its own); otherwise the background is blended with rarity among the statements given,
/// and [`Corpus::localise`] later narrows that to each story.
#[must_use]
pub fn build<'a>(
    items: Vec<(StatementRef, &'a str)>,
    p: &super::params::Weights,
    background_only: bool,
) -> Corpus<'a> {
    let texts: Vec<&str> = items.iter().map(|(_, t)| *t).collect();
    let tokenised = Tokenised::new(&texts);
    drop(texts);
    let views: Vec<Toks<'_>> = (0..items.len()).map(|i| tokenised.view(i)).collect();
    let names = NameTable::learn(&views);
    let chunks: Vec<(Interner, Vec<Local>)> = views
        .par_chunks(CHUNK)
        .map(|c| chunk_terms(c, &names, p))
        .collect();
    drop(views);
    let Tokenised {
        words: table,
        toks: tokens,
        ids: words,
    } = tokenised;
    let table = Arc::new(table);
    // Merge: each chunk's ids in order of first use, mapped to global ids.
    let mut global = Interner::default();
    let maps: Vec<Vec<TermId>> = chunks
        .iter()
        .map(|(local, _)| {
            let mut map: Vec<TermId> = Vec::with_capacity(local.keys.len());
            for key in &local.keys {
                let id = match key {
                    Key::Text(k) => global.text(k, local.bg[map.len()]),
                    Key::Bigram(x, y) => global.bigram(map[*x as usize], map[*y as usize]),
                };
                map.push(id);
            }
            map
        })
        .collect();
    // The keys and lookup tables are freed now, not at the end of the build: what is built
    // next reuses their memory.
    let Interner {
        kinds,
        bg: background,
        ..
    } = global;
    let globals: Vec<(Vec<TermId>, Local)> = chunks
        .into_par_iter()
        .zip(maps.par_iter())
        .flat_map_iter(|((_, stmts), map)| {
            // Mapped in place: no second copy of every statement's terms.
            stmts.into_iter().map(move |mut l| {
                let mut terms = std::mem::take(&mut l.terms);
                for t in terms.iter_mut().filter(|t| **t != NO_TERM) {
                    *t = map[*t as usize];
                }
                for t in &mut l.set {
                    *t = map[*t as usize];
                }
                l.set.sort_unstable();
                l.set.dedup();
                l.set.shrink_to_fit();
                (terms, l)
            })
        })
        .collect();
    let mut df: Vec<u32> = vec![0; kinds.len()];
    for (_, l) in &globals {
        for &t in &l.set {
            df[t as usize] += 1;
        }
    }
    let mut stmts: Vec<Stmt<'_>> = items
        .into_iter()
        .zip(tokens)
        .zip(words)
        .zip(globals)
        .map(|((((at, text), toks), words), (terms, l))| Stmt {
            at,
            text,
            tokens: toks,
            words,
            table: Arc::clone(&table),
            terms,
            prefixes: Vec::new(),
            leading: Leading::default(),
            stretches: Vec::new(),
            quantities: l.quantities,
            quotes: Vec::new(),
            dates: Vec::new(),
            set: l.set,
            weights: Vec::new(),
            mass: 0.0,
            content_mass: 0.0,
            bigram_mass: 0.0,
            informative: 0,
            names: 0,
            word_count: 0,
        })
        .collect();
    set_prefixes(&mut stmts, &kinds);
    for s in &mut stmts {
        let kind = |t: &&TermId| kinds[**t as usize];
        s.informative = s
            .set
            .iter()
            .filter(|t| {
                matches!(
                    kind(t),
                    TermKind::Content | TermKind::Name | TermKind::Number
                )
            })
            .count();
        s.names = s.set.iter().filter(|t| kind(t) == TermKind::Name).count();
        s.word_count = u32::try_from(
            s.tokens
                .iter()
                .filter(|t| t.kind() != super::text::TokenKind::Punct)
                .count(),
        )
        .unwrap_or(u32::MAX);
        s.leading = Leading::of(&kinds, s);
        s.stretches = super::slots::stretches(&kinds, s);
    }
    #[allow(clippy::cast_precision_loss)]
    let n = stmts.len().max(1) as f32;
    let weights: Vec<f32> = (0..kinds.len())
        .map(|t| {
            let local = (!background_only).then(|| local_idf(n, df[t], p));
            weight(kinds[t], background[t], local, p)
        })
        .collect();
    stmts.par_iter_mut().with_min_len(MIN_BATCH).for_each(|s| {
        s.weights = s.set.iter().map(|&t| weights[t as usize]).collect();
        s.quotes = quotes(s.toks(), s.text);
        s.dates = dates(s.toks());
        s.dates.shrink_to_fit();
    });
    let docs = stmts.iter().map(|s| s.at.doc + 1).max().unwrap_or(0);
    let mut doc_terms: Vec<Vec<TermId>> = vec![Vec::new(); docs];
    // A term is listed once per run of its document's statements (the last document to list
    // it, per term): fewer to sort than every statement's, and the same once deduplicated.
    let mut listed_by: Vec<usize> = vec![usize::MAX; kinds.len()];
    for s in &stmts {
        for &t in &s.set {
            if listed_by[t as usize] != s.at.doc {
                listed_by[t as usize] = s.at.doc;
                doc_terms[s.at.doc].push(t);
            }
        }
    }
    drop(listed_by);
    for d in &mut doc_terms {
        d.sort_unstable();
        d.dedup();
        // Kept for the whole run: without the room the repeats took.
        d.shrink_to_fit();
    }
    let mut c = Corpus {
        stmts,
        kinds,
        df,
        weights,
        background,
        params: p.clone(),
        doc_terms,
    };
    c.update_masses();
    c
}

/// The first five letters of a word of five or more, as a slice of it.
fn prefix5(w: &str) -> Option<&str> {
    let mut at = w.char_indices();
    at.nth(4)?;
    Some(&w[..at.next().map_or(w.len(), |(i, _)| i)])
}

/// Fill each statement's [`Stmt::prefixes`]: prefix ids are given in order of first use.
fn set_prefixes(stmts: &mut [Stmt<'_>], kinds: &[TermKind]) {
    let mut ids: FastMap<String, u32> = FastMap::default();
    for s in stmts {
        let mut out = Vec::new();
        for (k, &term) in s.terms.iter().enumerate() {
            if term == NO_TERM {
                continue;
            }
            if !matches!(kinds[term as usize], TermKind::Content | TermKind::Name) {
                continue;
            }
            let Some(p) = prefix5(s.norm(k)) else {
                continue;
            };
            #[allow(clippy::cast_possible_truncation)]
            let next = ids.len() as u32;
            let id = match ids.get(p) {
                Some(&id) => id,
                None => *ids.entry(p.to_owned()).or_insert(next),
            };
            out.push((term, id));
        }
        out.shrink_to_fit();
        s.prefixes = out;
    }
}

/// Inverse frequency of a term held by `df` of `n` statements, with a floor so that tiny
/// inputs such as a single pair still score.
fn local_idf(n: f32, df: u32, p: &super::params::Weights) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let idf = ((n + 1.0) / df.max(1) as f32).ln();
    idf.max(p.idf_floor)
}

/// Weight of a term: its background rarity blended with its `local` rarity (when there is a
/// local context), times its kind's factor.
fn weight(kind: TermKind, background: f32, local: Option<f32>, p: &super::params::Weights) -> f32 {
    let base = match local {
        Some(l) => p.blend * background + (1.0 - p.blend) * l,
        None => background,
    };
    base * match kind {
        // A pseudo-term says only that some quantity is there: a hint, not evidence.
        TermKind::Dimension => p.dimension,
        TermKind::Attribution => p.attribution,
        TermKind::Bigram => p.bigram,
        _ => 1.0,
    }
}

impl Corpus<'_> {
    /// The distinct terms of document `doc`, sorted (empty for an unknown document).
    #[must_use]
    pub fn doc_terms(&self, doc: usize) -> &[TermId] {
        self.doc_terms.get(doc).map_or(&[], Vec::as_slice)
    }

    fn update_masses(&mut self) {
        let kinds = &self.kinds;
        for s in &mut self.stmts {
            s.mass = s.weights.iter().sum();
            s.content_mass = s
                .set
                .iter()
                .zip(&s.weights)
                .filter(|(&t, _)| kinds[t as usize] != TermKind::Name)
                .map(|(_, w)| w)
                .sum();
            s.bigram_mass = s
                .set
                .iter()
                .zip(&s.weights)
                .filter(|(&t, _)| kinds[t as usize] == TermKind::Bigram)
                .map(|(_, w)| w)
                .sum();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build_default(items: Vec<(StatementRef, &str)>) -> Corpus<'_> {
        build(items, &crate::align::params::defaults().weights, false)
    }

    fn at(doc: usize) -> StatementRef {
        StatementRef { doc, statement: 0 }
    }

    fn names_of(c: &Corpus<'_>, i: usize) -> usize {
        c.stmts[i]
            .set
            .iter()
            .filter(|&&t| c.kinds[t as usize] == TermKind::Name)
            .count()
    }

    #[test]
    fn spelling_variants_and_us_forms_share_terms() {
        let c = build_default(vec![
            (at(0), "The U.S. president met Zelensky in Kyiv."),
            (at(1), "The US president met Zelenskyy in Kiev."),
            (at(2), "The United States president met Zelenskiy in Kyiv."),
        ]);
        assert_eq!(c.stmts[0].set, c.stmts[1].set);
        assert_eq!(c.stmts[0].set, c.stmts[2].set);
        assert_eq!(names_of(&c, 0), 3);
    }

    #[test]
    fn a_capitalised_stopword_and_an_acronym_stay_apart() {
        // "Us Weekly" and "US": the word cache must not hand one's key to the other.
        let c = build_default(vec![
            (at(0), "Us Weekly said so."),
            (at(1), "The US said so."),
            (at(2), "The US said so again."),
        ]);
        let names = |i: usize| names_of(&c, i);
        assert_eq!(names(1), 1);
        assert_eq!(names(2), 1);
    }

    #[test]
    fn numbers_are_kept_and_words_count_as_numbers() {
        let c = build_default(vec![
            (at(0), "Two people died and 2 were hurt."),
            (at(1), "The deadline is a day away."),
        ]);
        let s = &c.stmts[0];
        let nums = s
            .set
            .iter()
            .filter(|&&t| c.kinds[t as usize] == TermKind::Number)
            .count();
        assert_eq!(nums, 1, "'two' and '2' are one term");
        assert!(c.stmts[1]
            .set
            .iter()
            .any(|&t| c.kinds[t as usize] == TermKind::Dimension));
    }
}
