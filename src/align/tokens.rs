//! Tokens as the corpus keeps them: 12 bytes each and no heap, their folded forms interned.
//!
//! The corpus holds every statement's tokens for the whole run, so a [`super::text::Token`]
//! (64 bytes and a `String`) per token was most of its memory and much of its malloc/free.
//! Here a stored token is a `u32` byte range and a byte of kind and flags ([`Tok`]); its
//! folded form is a word id into one [`Words`] table shared by all statements (equal ids
//! exactly when the forms are equal), kept beside the tokens as [`Tokenised::ids`]; a number's
//! value, a function of its form alone, lives in the table once per distinct form. Readers see
//! the tokens through [`Toks`], whose items ([`TokenRef`]) have the fields of a `Token`.

use std::ops::Range;

use rayon::prelude::*;

use super::corpus::FastMap;
use super::text::{scan, Scanned, TokenKind};

/// One stored token: its byte range and a byte of kind and flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    start: u32,
    end: u32,
    bits: u8,
}

const CAPITALISED: u8 = 4;
const ACRONYM: u8 = 8;

impl Tok {
    fn new(t: &Scanned<'_>) -> Self {
        let kind = match t.kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        Self {
            start: to_u32(t.span.start),
            end: to_u32(t.span.end),
            bits: kind
                | if t.capitalised { CAPITALISED } else { 0 }
                | if t.acronym { ACRONYM } else { 0 },
        }
    }

    /// Byte range in the statement's text.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Word, number or punctuation.
    #[must_use]
    pub fn kind(&self) -> TokenKind {
        match self.bits & 3 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }
}

/// A byte offset as stored: statements longer than 4 GiB do not reach the corpus (a report
/// is at most `crate::model::load::MAX_FILE_BYTES`, 32 MiB), so the conversion saturates
/// rather than wraps.
fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// The folded forms of a corpus, one entry per distinct form, in order of first use.
pub struct Words {
    /// All forms, one after another.
    text: String,
    /// Where each form starts in `text`, and after the last one where it ends: form `i` is
    /// `text[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<u32>,
    /// Each form's numeric value (a number token's leading digits), NaN for none.
    values: Vec<f64>,
    /// Whether each form is a stopword, looked up once per form of the merged table (empty
    /// in a chunk's table, which is never asked).
    stop: Vec<bool>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Every statement shares the table: printing it with each would drown the rest.
        write!(f, "Words({} forms)", self.len())
    }
}

impl Default for Words {
    fn default() -> Self {
        Self {
            text: String::new(),
            bounds: vec![0],
            values: Vec::new(),
            stop: Vec::new(),
        }
    }
}

impl Words {
    /// The folded form of word `id`.
    #[must_use]
    pub fn norm(&self, id: u32) -> &str {
        let i = id as usize;
        &self.text[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }

    /// The numeric value of word `id` when it is a number.
    #[must_use]
    pub fn value(&self, id: u32) -> Option<f64> {
        let v = self.values[id as usize];
        (!v.is_nan()).then_some(v)
    }

    /// Whether word `id` is a stopword: read from the table when the table knows, as the
    /// slots stage asks it of every token of the pairs it aligns.
    #[must_use]
    pub fn is_stopword(&self, id: u32) -> bool {
        match self.stop.get(id as usize) {
            Some(&s) => s,
            None => super::lexicon::lexicon().is_stopword(self.norm(id)),
        }
    }

    /// How many distinct forms there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn push(&mut self, norm: &str, value: Option<f64>) -> u32 {
        let id = to_u32(self.len());
        self.text.push_str(norm);
        self.bounds.push(to_u32(self.text.len()));
        self.values.push(value.unwrap_or(f64::NAN));
        id
    }
}

/// One statement's tokens and their word ids.
type Stored = (Vec<Tok>, Vec<u32>);

/// Tokenise one chunk of statements, with word ids of the chunk's own table.
fn chunk(texts: &[&str]) -> (Words, Vec<Stored>) {
    use std::hash::BuildHasher;
    let mut words = Words::default();
    // Forms found by their hash: the first form of each hash, and for each form the next
    // one of the same hash (`u32::MAX` ends a chain). The forms themselves are only in
    // `words`: no string a distinct form, as a map keyed by `String` copied.
    let mut first: FastMap<u64, u32> = FastMap::default();
    let mut next: Vec<u32> = Vec::new();
    let hasher = foldhash::fast::FixedState::default();
    let stmts = texts
        .iter()
        .map(|text| {
            // About one token per five bytes of news prose (ECB+: 4.9), rarely one per four.
            let mut toks = Vec::with_capacity(text.len() / 4 + 2);
            let mut wids = Vec::with_capacity(text.len() / 4 + 2);
            scan(text, |t| {
                toks.push(Tok::new(&t));
                let h = hasher.hash_one(t.norm);
                let head = first.get(&h).copied().unwrap_or(u32::MAX);
                let mut at = head;
                while at != u32::MAX && words.norm(at) != t.norm {
                    at = next[at as usize];
                }
                if at == u32::MAX {
                    at = words.push(t.norm, t.value());
                    next.push(head);
                    first.insert(h, at);
                }
                wids.push(at);
            });
            toks.shrink_to_fit();
            wids.shrink_to_fit();
            (toks, wids)
        })
        .collect();
    (words, stmts)
}

/// Statements per chunk tokenised with a table of their own (the merged ids do not depend on
/// it: they are the ids of a single walk over all statements).
const CHUNK: usize = 256;

/// Statements tokenised into the compact form, with their shared table of forms.
#[derive(Debug, Default)]
pub struct Tokenised {
    /// The folded forms.
    pub words: Words,
    /// Each statement's tokens.
    pub toks: Vec<Vec<Tok>>,
    /// Each statement's word ids, one per token.
    pub ids: Vec<Vec<u32>>,
}

impl Tokenised {
    /// Tokenise `texts` on rayon. Word ids are given in order of first use over the texts in
    /// order, whatever the number of threads: each chunk's table is merged in chunk order.
    #[must_use]
    pub fn new(texts: &[&str]) -> Self {
        let chunks: Vec<(Words, Vec<Stored>)> = texts.par_chunks(CHUNK).map(chunk).collect();
        let mut words = Words::default();
        let maps: Vec<Vec<u32>> = {
            let mut global: FastMap<&str, u32> = FastMap::default();
            chunks
                .iter()
                .map(|(local, _)| {
                    (0..to_u32(local.len()))
                        .map(|id| {
                            let norm = local.norm(id);
                            *global
                                .entry(norm)
                                .or_insert_with(|| words.push(norm, local.value(id)))
                        })
                        .collect()
                })
                .collect()
        };
        let (toks, ids): (Vec<Vec<Tok>>, Vec<Vec<u32>>) = chunks
            .into_par_iter()
            .zip(maps)
            .flat_map_iter(|((_, stmts), map)| {
                stmts.into_iter().map(move |(toks, mut wids)| {
                    for w in &mut wids {
                        *w = map[*w as usize];
                    }
                    (toks, wids)
                })
            })
            .unzip();
        let lex = super::lexicon::lexicon();
        words.stop = (0..to_u32(words.len()))
            .map(|id| lex.is_stopword(words.norm(id)))
            .collect();
        Self { words, toks, ids }
    }

    /// The tokens of statement `i`.
    #[must_use]
    pub fn view(&self, i: usize) -> Toks<'_> {
        Toks::new(&self.toks[i], &self.ids[i], &self.words)
    }
}

/// A statement's tokens with the table their words are in: what readers index.
#[derive(Debug, Clone, Copy)]
pub struct Toks<'s> {
    toks: &'s [Tok],
    ids: &'s [u32],
    words: &'s Words,
}

/// One token seen through [`Toks`]: the fields of a [`super::text::Token`], borrowed.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRef<'s> {
    /// Byte range in the statement's text.
    pub span: Range<usize>,
    /// Folded, lowercased form (possessive dropped, acronym dots removed).
    pub norm: &'s str,
    /// Its id in the corpus's table of forms.
    pub word: u32,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The word starts with an uppercase letter.
    pub capitalised: bool,
    /// Two or more letters, all uppercase ("US", "NATO", "U.S.").
    pub acronym: bool,
    /// Numeric value of a number token.
    pub value: Option<f64>,
}

impl<'s> Toks<'s> {
    /// Tokens `toks` whose word ids are `ids`, in `words`.
    #[must_use]
    pub fn new(toks: &'s [Tok], ids: &'s [u32], words: &'s Words) -> Self {
        debug_assert_eq!(toks.len(), ids.len());
        Self { toks, ids, words }
    }

    /// How many tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Token `i`; panics when out of range, as indexing a slice does. The single-field
    /// accessors below are cheaper where a loop reads one field of most tokens.
    #[must_use]
    pub fn at(&self, i: usize) -> TokenRef<'s> {
        let t = self.toks[i];
        let word = self.ids[i];
        let kind = t.kind();
        TokenRef {
            span: t.span(),
            norm: self.words.norm(word),
            word,
            kind,
            capitalised: t.bits & CAPITALISED != 0,
            acronym: t.bits & ACRONYM != 0,
            value: if kind == TokenKind::Number {
                self.words.value(word)
            } else {
                None
            },
        }
    }

    /// Token `i`, if there is one.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<TokenRef<'s>> {
        (i < self.len()).then(|| self.at(i))
    }

    /// The folded form of token `i` (cheaper than [`Toks::at`] when only that is read).
    #[must_use]
    pub fn norm(&self, i: usize) -> &'s str {
        self.words.norm(self.ids[i])
    }

    /// The id of token `i`'s folded form in the table.
    #[must_use]
    pub fn word(&self, i: usize) -> u32 {
        self.ids[i]
    }

    /// The kind of token `i`.
    #[must_use]
    pub fn kind(&self, i: usize) -> TokenKind {
        self.toks[i].kind()
    }

    /// Whether token `i` starts with an uppercase letter.
    #[must_use]
    pub fn capitalised(&self, i: usize) -> bool {
        self.toks[i].bits & CAPITALISED != 0
    }

    /// Whether token `i` is an acronym.
    #[must_use]
    pub fn acronym(&self, i: usize) -> bool {
        self.toks[i].bits & ACRONYM != 0
    }

    /// The byte range of token `i`.
    #[must_use]
    pub fn span(&self, i: usize) -> Range<usize> {
        self.toks[i].span()
    }

    /// Each token's span, word id, kind and capital, in order: for a reader of every token,
    /// without indexing each field of each.
    pub fn fields(&self) -> impl Iterator<Item = (Range<usize>, u32, TokenKind, bool)> + 's {
        self.toks
            .iter()
            .zip(self.ids)
            .map(|(t, &w)| (t.span(), w, t.kind(), t.bits & CAPITALISED != 0))
    }

    /// The tokens in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = TokenRef<'s>> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// Tokens `r` of these.
    #[must_use]
    pub fn slice(&self, r: Range<usize>) -> Self {
        Self {
            toks: &self.toks[r.clone()],
            ids: &self.ids[r],
            words: self.words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    #[test]
    fn the_compact_tokens_read_back_as_the_tokenizer_wrote_them() {
        let texts: Vec<String> = (0..600)
            .map(|i| format!("The U.S. president’s {i}th plan: 1,200 people, 25% and 3.5 — “Zelenskiy’s café” {i}"))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let t = Tokenised::new(&refs);
        assert!(std::mem::size_of::<Tok>() <= 12);
        for (i, text) in refs.iter().enumerate() {
            let want = tokenize(text);
            let got = t.view(i);
            assert_eq!(got.len(), want.len());
            for (k, w) in want.iter().enumerate() {
                let g = got.at(k);
                assert_eq!(
                    (&g.span, g.norm, g.kind, g.capitalised, g.acronym, g.value),
                    (
                        &w.span,
                        w.norm.as_str(),
                        w.kind,
                        w.capitalised,
                        w.acronym,
                        w.value
                    )
                );
            }
        }
    }

    proptest::proptest! {
        /// Any text reads back from the compact form as `tokenize` gives it, with equal word
        /// ids exactly for equal forms.
        #[test]
        fn any_text_reads_back_as_tokenized(texts in proptest::collection::vec("\\PC{0,40}", 1..6)) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let t = Tokenised::new(&refs);
            let mut by_norm: std::collections::HashMap<String, u32> = Default::default();
            for (i, text) in refs.iter().enumerate() {
                let want = tokenize(text);
                let got = t.view(i);
                proptest::prop_assert_eq!(got.len(), want.len());
                for (k, w) in want.iter().enumerate() {
                    let g = got.at(k);
                    proptest::prop_assert_eq!(&g.span, &w.span);
                    proptest::prop_assert_eq!(g.norm, w.norm.as_str());
                    proptest::prop_assert_eq!((g.kind, g.capitalised, g.acronym), (w.kind, w.capitalised, w.acronym));
                    proptest::prop_assert_eq!(g.value.map(f64::to_bits), w.value.map(f64::to_bits));
                    let id = *by_norm.entry(w.norm.clone()).or_insert(g.word);
                    proptest::prop_assert_eq!(id, g.word);
                }
            }
        }
    }

    #[test]
    fn word_ids_follow_first_use_across_chunks() {
        // More statements than a chunk, so tables are merged: ids must be those of one walk.
        let texts: Vec<String> = (0..CHUNK * 3)
            .map(|i| format!("w{} common w{}", i % 7, i))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let t = Tokenised::new(&refs);
        let mut seen: std::collections::HashMap<&str, u32> = Default::default();
        for (toks, ids) in refs.iter().map(|s| tokenize(s)).zip(&t.ids) {
            for (tok, &id) in toks.iter().zip(ids) {
                let next = u32::try_from(seen.len()).unwrap();
                let want = *seen.entry(t.words.norm(id)).or_insert(next);
                assert_eq!(id, want);
                assert_eq!(t.words.norm(id), tok.norm);
            }
        }
    }
}
