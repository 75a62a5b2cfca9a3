//! The terms stage: each token's key (a stem, a name, a number, a dimension of a quantity, a
//! bigram of two adjacent terms), interned per chunk of statements in order of first use, so
//! that [`super::build`] can merge the chunks' ids into the ids one sequential walk would give.

use super::{FastMap, TermId, TermKind, NO_TERM};
use crate::align::facts::{quantities, Dimension, Quantity};
use crate::align::lexicon::{is_attribution, lexicon, number_word};
use crate::align::names::NameTable;
use crate::align::synonyms;
use crate::align::text::TokenKind;
use crate::align::tokens::{TokenRef, Toks};

pub(super) fn dimension_key(d: &Dimension) -> &'static str {
    match d {
        Dimension::Duration => "~duration",
        Dimension::Percent => "~percent",
        Dimension::Money => "~money",
        Dimension::Ratio => "~ratio",
        // A measure was a count of its unit before units were read: the same term.
        Dimension::Count(_) | Dimension::Measure(_) => "~count",
        Dimension::Clock => "~clock",
        Dimension::Tally => "~tally",
    }
}

/// The local term id of a single word, cached per chunk of statements: stemming is the
/// costly part of keying, and news text repeats its words. One slot per combination of the
/// token flags `word_key` reads. Keyed by word id: one id per folded form.
pub(super) type KeyCache = FastMap<u32, [Option<Option<TermId>>; 4]>;

/// The key of a single word written into `key` (`stem` a buffer for its stem), or `false`
/// for a word without one: two reused buffers, not a string or two a word.
pub(super) fn word_key(
    t: &TokenRef<'_>,
    names: &NameTable,
    key: &mut String,
    stem: &mut String,
) -> bool {
    use std::fmt::Write as _;
    let lex = lexicon();
    key.clear();
    if t.acronym || (t.capitalised && names.is_name(t.norm)) {
        key.push_str("n:");
        key.push_str(names.canonical(t.norm));
    } else if let Some(v) = number_word(t.norm) {
        // Formatting into a `String` cannot fail.
        let _ = write!(key, "#{v}");
    } else if t.norm.chars().count() > 1 && !lex.is_stopword(t.norm) {
        let w = lex.alias(t.norm).unwrap_or(t.norm);
        key.push_str(if is_attribution(w) { "a:" } else { "w:" });
        lex.stem_into(w, stem);
        key.push_str(synonyms::canonical(stem).unwrap_or(stem));
    } else {
        return false;
    }
    true
}

pub(super) fn kind_of_key(k: &str) -> TermKind {
    match k.as_bytes().first() {
        Some(b'n') => TermKind::Name,
        Some(b'#') => TermKind::Number,
        Some(b'~') => TermKind::Dimension,
        Some(b'a') => TermKind::Attribution,
        _ => TermKind::Content,
    }
}

/// What a term is, independent of the id some interner gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    /// A word, name, number or dimension key (`w:meet`, `n:putin`, `#2`, `~duration`).
    Text(String),
    /// An unordered pair of terms, by the ids of the interner that made it, smaller first.
    Bigram(TermId, TermId),
}

/// Term ids given in order of first use, as the sequential walk over all statements would
/// give them: words of a statement in token order, then its bigrams, then its dimensions.
#[derive(Debug, Default)]
pub(super) struct Interner {
    pub(super) keys: Vec<Key>,
    pub(super) kinds: Vec<TermKind>,
    /// Background weight of each term (of the surface form that first used it).
    pub(super) bg: Vec<f32>,
    /// Text keys found by their hash: the first term of each hash, and for each term the
    /// next text term of the same hash ([`NO_TERM`] ends a chain). The key's text is kept
    /// once, in `keys`: a map keyed by `String` copied it a second time.
    text: FastMap<u64, TermId>,
    next: Vec<TermId>,
    bigrams: FastMap<(TermId, TermId), TermId>,
}

impl Interner {
    pub(super) fn push(&mut self, key: Key, kind: TermKind, bg: f32) -> TermId {
        #[allow(clippy::cast_possible_truncation)]
        let id = self.keys.len() as TermId;
        self.keys.push(key);
        self.kinds.push(kind);
        self.bg.push(bg);
        self.next.push(NO_TERM);
        id
    }

    pub(super) fn text(&mut self, k: &str, bg: f32) -> TermId {
        use std::hash::BuildHasher;
        let h = foldhash::fast::FixedState::default().hash_one(k);
        let head = self.text.get(&h).copied().unwrap_or(NO_TERM);
        let mut at = head;
        while at != NO_TERM {
            if matches!(&self.keys[at as usize], Key::Text(x) if x == k) {
                return at;
            }
            at = self.next[at as usize];
        }
        let id = self.push(Key::Text(k.to_owned()), kind_of_key(k), bg);
        self.next[id as usize] = head;
        self.text.insert(h, id);
        id
    }

    pub(super) fn bigram(&mut self, x: TermId, y: TermId) -> TermId {
        let pair = (x.min(y), x.max(y));
        if let Some(&id) = self.bigrams.get(&pair) {
            return id;
        }
        let bg = (self.bg[x as usize] + self.bg[y as usize]) / 2.0;
        let id = self.push(Key::Bigram(pair.0, pair.1), TermKind::Bigram, bg);
        self.bigrams.insert(pair, id);
        id
    }
}

/// Background weight of a word: how much rarer than `pivot_zipf` it is in English news.
pub(super) fn background(w: &str, p: &crate::align::params::Weights) -> f32 {
    (p.pivot_zipf - lexicon().zipf(w).unwrap_or(p.unknown_zipf)).max(0.0)
}

/// The term of each token ([`NO_TERM`] for stopwords and punctuation), interned in `local`:
/// 4 bytes a token, the form the corpus keeps (mapped to global ids in place, not copied).
pub(super) fn terms(
    toks: Toks<'_>,
    names: &NameTable,
    cache: &mut KeyCache,
    local: &mut Interner,
    p: &crate::align::params::Weights,
) -> Vec<TermId> {
    let mut out: Vec<TermId> = vec![NO_TERM; toks.len()];
    // A number's or a name's key is built here, in one buffer, to be looked up (most are
    // interned already): no string a token.
    let mut key_of = String::new();
    let mut stem = String::new();
    let mut i = 0;
    while i < toks.len() {
        // Fields read one at a time: the whole token only for a word not keyed yet.
        match toks.kind(i) {
            TokenKind::Number => {
                let key = keyed(&mut key_of, "#", toks.norm(i));
                out[i] = local.text(key, p.number_background);
            }
            TokenKind::Punct => {
                if toks.norm(i) == "percent" {
                    out[i] = local.text("w:percent", background("percent", p));
                }
            }
            TokenKind::Word => {
                if let Some((key, len)) = names.phrase_at(toks, i) {
                    out[i] = local.text(keyed(&mut key_of, "n:", &key), background(&key, p));
                    i += len;
                    continue;
                }
                // Everything `word_key` reads besides the word, or chunks would disagree.
                let flag = u8::from(toks.acronym(i)) | (u8::from(toks.capitalised(i)) << 1);
                let slot = usize::from(flag);
                if let Some(k) = cache.get(&toks.word(i)).and_then(|e| e[slot]) {
                    out[i] = k.unwrap_or(NO_TERM);
                } else {
                    let t = toks.at(i);
                    let k = word_key(&t, names, &mut key_of, &mut stem)
                        .then(|| local.text(&key_of, background(t.norm, p)));
                    cache.entry(t.word).or_default()[slot] = Some(k);
                    out[i] = k.unwrap_or(NO_TERM);
                }
            }
        }
        i += 1;
    }
    out
}

/// `tag` and `body` written into `buf`, for a lookup.
fn keyed<'b>(buf: &'b mut String, tag: &str, body: &str) -> &'b str {
    buf.clear();
    buf.push_str(tag);
    buf.push_str(body);
    buf
}

/// One statement's terms, in a chunk's own ids and then in global ids.
pub(super) struct Local {
    /// The term of each token, [`NO_TERM`] for none.
    pub(super) terms: Vec<TermId>,
    pub(super) set: Vec<TermId>,
    pub(super) quantities: Vec<Quantity>,
}

/// Key and intern a chunk of statements with its own interner.
pub(super) fn chunk_terms(
    tokens: &[Toks<'_>],
    names: &NameTable,
    p: &crate::align::params::Weights,
) -> (Interner, Vec<Local>) {
    let mut local = Interner::default();
    let mut cache = KeyCache::default();
    let stmts = tokens
        .iter()
        .map(|&toks| {
            let terms = terms(toks, names, &mut cache, &mut local, p);
            let mut qs = quantities(toks);
            // Kept for the whole run: without the room of its growth.
            qs.shrink_to_fit();
            let mut set: Vec<TermId> = terms.iter().copied().filter(|&t| t != NO_TERM).collect();
            for (x, y) in bigrams(toks, &terms) {
                // Two halves of one name ("Vladimir Putin") would only count the name twice.
                if local.kinds[x as usize] == TermKind::Name
                    && local.kinds[y as usize] == TermKind::Name
                {
                    continue;
                }
                set.push(local.bigram(x, y));
            }
            for q in &qs {
                set.push(local.text(dimension_key(&q.dim), 1.0));
            }
            Local {
                terms,
                set,
                quantities: qs,
            }
        })
        .collect();
    (local, stmts)
}

/// Adjacent informative terms: pairs of consecutive tokens with terms, skipping stopwords,
/// not across punctuation other than hyphens and apostrophes.
pub(super) fn bigrams(toks: Toks<'_>, terms: &[TermId]) -> Vec<(TermId, TermId)> {
    let mut out = Vec::new();
    let mut prev: Option<TermId> = None;
    for (i, &term) in terms.iter().enumerate() {
        match (term != NO_TERM).then_some(term) {
            Some(x) => {
                if let Some(p) = prev.filter(|&p| p != x) {
                    out.push((p, x));
                }
                prev = Some(x);
            }
            None if toks.kind(i) == TokenKind::Punct && !matches!(toks.norm(i), "-" | "'") => {
                prev = None;
            }
            None => {}
        }
    }
    out
}
