//! The words of the quotes as ids, each stemmed once, for [`super::group`] to compare
//! quotations by merges of id lists instead of strings.

/// Maps with a fast fixed hasher: keyed by words, looked up for every word read.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

use super::tokens::{TokenKind, Tokens};
use super::words::words;
use super::Instance;
use crate::align::lexicon::lexicon;
use crate::model::Document;

/// Every distinct word of the quotes, with its stems made once: most words recur across
/// the quotes of a stack, and stemming is the dear part of comparing them.
#[derive(Default)]
pub(super) struct Vocab {
    /// Word ids by lowercase word, for words of up to 15 bytes (nearly all) by [`packed`]:
    /// a number hashes and compares for less than a string.
    short: HashMap<u128, u32>,
    /// Word ids by lowercase word, for longer words.
    ids: HashMap<String, u32>,
    /// Stem ids by stem.
    pub(super) stems: HashMap<String, u32>,
    /// For each word id, its content stem: the stem of a non-stopword longer than one
    /// byte, synonyms folded.
    pub(super) content: Vec<Option<u32>>,
    /// For each word id, the stem of a non-stopword, synonyms kept apart.
    pub(super) raw: Vec<Option<u32>>,
    /// Tokens of the instance being read, their memory reused.
    scratch: Tokens,
}

impl Vocab {
    fn stem_id(stems: &mut HashMap<String, u32>, stem: String) -> u32 {
        let next = u32::try_from(stems.len()).unwrap_or(u32::MAX);
        *stems.entry(stem).or_insert(next)
    }

    fn word(&mut self, w: &str) -> u32 {
        let short = packed(w);
        let known = match short {
            Some(k) => self.short.get(&k),
            None => self.ids.get(w),
        };
        if let Some(&id) = known {
            return id;
        }
        let lex = lexicon();
        let stop = lex.is_stopword(w);
        let raw = (!stop).then(|| Self::stem_id(&mut self.stems, lex.stem(w)));
        // Most words are their own synonym head: then the two stems are one.
        let content = (!stop && w.len() > 1).then(|| match words().synonym(w) {
            head if head == w => raw.unwrap_or_default(),
            head => Self::stem_id(&mut self.stems, lex.stem(head)),
        });
        let id = u32::try_from(self.content.len()).unwrap_or(u32::MAX);
        match short {
            Some(k) => self.short.insert(k, id),
            None => self.ids.insert(w.to_owned(), id),
        };
        self.content.push(content);
        self.raw.push(raw);
        id
    }

    /// The word ids of an instance, in order (punctuation dropped).
    pub(super) fn words_of(&mut self, doc: &Document, i: &Instance) -> Vec<u32> {
        let mut toks = std::mem::take(&mut self.scratch);
        toks.clear();
        for r in &i.parts {
            if let Some(part) = doc.text.get(r.clone()) {
                toks.push(part, 0);
            }
        }
        let out = (0..toks.len())
            .filter(|&k| toks.kind(k) != TokenKind::Punct)
            .map(|k| self.word(toks.norm(k)))
            .collect();
        self.scratch = toks;
        out
    }

    /// The sorted distinct stems `pick` gives the words `ws`.
    pub(super) fn set(ws: &[u32], pick: &[Option<u32>]) -> Vec<u32> {
        let mut v: Vec<u32> = ws.iter().filter_map(|&w| pick[w as usize]).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A word of up to 15 bytes as one number, its length then its bytes (two words give two
/// numbers).
fn packed(w: &str) -> Option<u128> {
    (w.len() <= 15).then(|| {
        w.bytes()
            .fold(w.len() as u128, |k, b| (k << 8) | u128::from(b))
    })
}
