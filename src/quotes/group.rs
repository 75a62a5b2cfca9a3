//! One quote per utterance across reports: instances whose content words overlap enough and
//! whose speakers are compatible, joined by single linkage; then the quote's speaker and its
//! drift, paraphrase and misattribution flags.
//!
//! Content words are the quotation's non-stopwords, stemmed, with synonyms folded
//! (`assets/quotes/synonyms.txt`: "chance" / "prospect"). Two instances are one utterance
//! when they share two content words and half of the smaller one's, or when one is an
//! excerpt of the other (all its content words in the other) and both are given to the same
//! named person; when a speaker is unknown or described, half of the larger one's words must
//! be shared. Reported speech joins the one quote of the same person it renders best. Speakers are compatible when either is unknown or described ("a Kremlin
//! aide"), or both name one person; the same words given to two different people join only
//! on a strong overlap (three words and two thirds), and the quote is then misattributed.

/// Maps with a fast fixed hasher: keyed by words, looked up for every word read.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

use serde::Serialize;

use crate::model::Document;

use super::names::{fold, same_surname};
use super::overlap::{common, common_reaching, faithful};
use super::vocab::Vocab;
use super::words::words;
use super::{Instance, QuoteKind};

/// One utterance as the reports render it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Who said it: the fullest person name among its instances, else a description.
    pub speaker: Option<String>,
    /// Its renderings, by document then position.
    pub instances: Vec<Instance>,
    /// Two renderings inside marks differ in their words (neither is an excerpt of the other).
    pub drift: bool,
    /// The same words are given to two different people.
    pub misattributed: bool,
    /// One rendering inside marks shares less than half its words with every other.
    pub paraphrase: bool,
}

/// What two surnames [`same_surname`] may match share: the whole of a short one, the first
/// four bytes of a longer one.
fn surname_key(s: &str) -> (bool, &str) {
    match s.get(..4) {
        Some(p) if s.len() >= 5 => (true, p),
        _ => (false, s),
    }
}

/// A speaker who is a person, folded once, with the parts
/// [`same_folded_person`](super::names::same_folded_person) compares.
struct Person {
    /// The name as the report gives it.
    name: String,
    /// Its last folded word.
    surname: String,
    /// Its first folded word, when it has more than one.
    first: Option<String>,
}

impl Person {
    fn of(speaker: &Option<String>) -> Option<Self> {
        let name = is_person(speaker)?;
        let f = fold(name);
        let mut parts = f.split(' ');
        let head = parts.next().unwrap_or_default().to_owned();
        let surname = parts.next_back().map(str::to_owned);
        Some(match surname {
            Some(s) => Person {
                name: name.to_owned(),
                surname: s,
                first: Some(head),
            },
            None => Person {
                name: name.to_owned(),
                surname: head,
                first: None,
            },
        })
    }

    /// `same_folded_person` of the two folded names.
    fn same(&self, other: &Person) -> bool {
        same_surname(&self.surname, &other.surname)
            && match (&self.first, &other.first) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

fn is_person(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|n| {
        let f = super::names::fold(n);
        n.chars().next().is_some_and(char::is_uppercase)
            && !words().is_institution(&f)
            && !f.split(' ').any(|w| words().is_source_noun(w))
    })
}

/// Words in more quotes than this propose no candidate pairs (they still count when a pair
/// proposed by a rarer word is compared).
const MAX_BUCKET: usize = 48;

/// Group `instances` (of `docs`) into quotes.
#[must_use]
pub fn group_quotes(docs: &[Document], instances: Vec<Instance>) -> Vec<Quote> {
    // Words as ids, each stemmed once: intersections are merges, not string compares.
    // Each speaker folded once, not once per instance or pair compared.
    let mut speakers: HashMap<&str, Option<u32>> = HashMap::default();
    let mut people: Vec<Person> = Vec::new();
    let persons: Vec<Option<&Person>> = {
        let ids: Vec<Option<u32>> = instances
            .iter()
            .map(|i| {
                let s = i.speaker.as_deref()?;
                *speakers.entry(s).or_insert_with(|| {
                    let p = Person::of(&i.speaker)?;
                    people.push(p);
                    u32::try_from(people.len() - 1).ok()
                })
            })
            .collect();
        ids.into_iter()
            .map(|k| k.map(|k| &people[k as usize]))
            .collect()
    };
    // Reported speech joins only a quote of the same person: without a person who also
    // speaks inside marks it joins none, and its words are not needed.
    let quoted: HashSet<(bool, &str)> = instances
        .iter()
        .zip(&persons)
        .filter(|(i, _)| i.kind == QuoteKind::Direct)
        .filter_map(|(_, p)| p.map(|p| surname_key(&p.surname)))
        .collect();
    let needed = |k: usize| {
        instances[k].kind == QuoteKind::Direct
            || persons[k].is_some_and(|p| quoted.contains(&surname_key(&p.surname)))
    };
    // Words as ids, each stemmed once: intersections are merges, not string compares.
    let mut vocab = Vocab::default();
    let ws: Vec<Vec<u32>> = instances
        .iter()
        .enumerate()
        .map(|(k, i)| match docs.get(i.doc) {
            Some(d) if needed(k) => vocab.words_of(d, i),
            _ => Vec::new(),
        })
        .collect();
    let cs: Vec<Vec<u32>> = ws.iter().map(|w| Vocab::set(w, &vocab.content)).collect();
    let n = instances.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let link = |a: usize, b: usize| -> bool {
        let (x, y) = (&instances[a], &instances[b]);
        if x.doc == y.doc && x.statement == y.statement {
            return false;
        }
        let same = match (&persons[a], &persons[b]) {
            (Some(p), Some(q)) => Some(p.same(q)),
            _ => None,
        };
        if x.kind != y.kind && same != Some(true) {
            return false;
        }
        let small = cs[a].len().min(cs[b].len());
        if small == 0 {
            return false;
        }
        let large = cs[a].len().max(cs[b].len());
        // The words shared are at most the smaller set's: what the sizes alone rule out (the
        // tests below, with `small` for `shared`) is ruled out before the merge.
        let possible = if x.kind != y.kind {
            small >= 2
        } else {
            match same {
                Some(false) => small >= 3,
                Some(true) => true,
                None => small >= 2 && small * 2 >= large,
            }
        };
        if !possible {
            return false;
        }
        // The fewest words shared that can link them (every test below asks for at least
        // this many): a pair that cannot reach it is settled before its merge ends.
        let half = |k: usize| k.div_ceil(2).max(2);
        let need = if x.kind != y.kind {
            half(small)
        } else {
            match same {
                Some(false) => (2 * small).div_ceil(3).max(3),
                Some(true) => half(small).min(small),
                None => half(large),
            }
        };
        let Some(shared) = common_reaching(&cs[a], &cs[b], need) else {
            return false;
        };
        let overlap = shared >= 2 && shared * 2 >= small;
        let contained = shared == small && same == Some(true);
        let strong = shared >= 3 && shared * 3 >= small * 2;
        if x.kind != y.kind {
            // Reported speech renders a quote of the same person, most of whose words it uses.
            return same == Some(true) && overlap;
        }
        match same {
            Some(false) => strong,
            Some(true) => overlap || contained,
            // An unnamed or described speaker: most words of both in common.
            None => shared >= 2 && shared * 2 >= large,
        }
    };
    let direct: Vec<usize> = (0..n)
        .filter(|&i| instances[i].kind == QuoteKind::Direct)
        .collect();
    // Only instances sharing a content word can link: candidates come from an index of
    // words (a word in very many quotes proposes none: it is counted, not indexed), so a
    // large corpus does not compare every quote with every other.
    let mut by_word: Vec<Vec<usize>> = vec![Vec::new(); vocab.stems.len()];
    for &a in &direct {
        for &w in &cs[a] {
            by_word[w as usize].push(a);
        }
    }
    let mut seen = vec![usize::MAX; n];
    // The candidates of `a` after `after` (buckets are in index order): each pair of quotes
    // is proposed once, from its first.
    let candidates = |a: usize, after: usize, seen: &mut Vec<usize>| -> Vec<usize> {
        let mut out = Vec::new();
        for &w in &cs[a] {
            let bucket = &by_word[w as usize];
            if bucket.len() > MAX_BUCKET {
                continue;
            }
            let from = bucket.partition_point(|&b| b < after);
            for &b in &bucket[from..] {
                if b != a && seen[b] != a {
                    seen[b] = a;
                    out.push(b);
                }
            }
        }
        out
    };
    for &a in &direct {
        for b in candidates(a, a + 1, &mut seen) {
            if link(a, b) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    // Reported speech joins the one quote it renders best, and is dropped when it renders
    // none: long paraphrases would otherwise chain unrelated quotes together.
    for i in (0..n).filter(|&i| instances[i].kind == QuoteKind::Indirect) {
        let best = candidates(i, 0, &mut seen)
            .into_iter()
            .filter(|&d| link(i, d))
            .max_by_key(|&d| (common(&cs[i], &cs[d]), std::cmp::Reverse(d)));
        match best {
            Some(d) => {
                let r = root(&mut parent, d);
                parent[i] = r;
            }
            None => parent[i] = usize::MAX,
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; n];
    for i in 0..n {
        if parent[i] == usize::MAX {
            continue;
        }
        let r = root(&mut parent, i);
        if slot[r] == usize::MAX {
            slot[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[slot[r]].push(i);
    }
    let mut out: Vec<Quote> = groups
        .into_iter()
        .filter(|g| g.iter().any(|&i| instances[i].kind == QuoteKind::Direct))
        .map(|g| summarise(&instances, &ws, &vocab.raw, &persons, &g))
        .collect();
    out.sort_by_key(|q| q.instances.first().map(|i| (i.doc, i.span().start)));
    out
}

fn summarise(
    instances: &[Instance],
    ws: &[Vec<u32>],
    raw: &[Option<u32>],
    persons: &[Option<&Person>],
    g: &[usize],
) -> Quote {
    let direct: Vec<usize> = g
        .iter()
        .copied()
        .filter(|&i| instances[i].kind == QuoteKind::Direct)
        .collect();
    let mut drift = false;
    let mut paraphrase = false;
    // Stems of each rendering, made once (most quotes have one and need none).
    let raws: Vec<Vec<u32>> = if direct.len() > 1 {
        direct.iter().map(|&i| Vocab::set(&ws[i], raw)).collect()
    } else {
        Vec::new()
    };
    for (ka, &a) in direct.iter().enumerate() {
        let mut best = 0.0f32;
        let mut close = false;
        for (kb, &b) in direct.iter().enumerate() {
            if a == b || instances[a].doc == instances[b].doc {
                continue;
            }
            let fits = faithful(&ws[a], &ws[b]) || faithful(&ws[b], &ws[a]);
            drift |= !fits;
            close |= fits;
            // Paraphrase is judged on the words as written: synonyms are what it swaps.
            let (ra, rb) = (&raws[ka], &raws[kb]);
            let shared = common(ra, rb);
            let union = (ra.len() + rb.len() - shared).max(1) as f32;
            best = best.max(shared as f32 / union);
        }
        let others = direct.iter().any(|&b| instances[b].doc != instances[a].doc);
        paraphrase |= others && !close && best < 0.5;
    }
    let persons: Vec<&Person> = g.iter().filter_map(|&i| persons[i]).collect();
    let same = |x: usize, y: usize| persons[x].same(persons[y]);
    let misattributed = (0..persons.len()).any(|x| (0..persons.len()).any(|y| !same(x, y)));
    // The fullest name of the most often named person; a description when nobody is named.
    let speaker = (0..persons.len())
        .max_by_key(|&x| {
            let n = (0..persons.len()).filter(|&y| same(x, y)).count();
            let p = &persons[x].name;
            (n, p.split(' ').count(), std::cmp::Reverse(p.len()))
        })
        .map(|x| persons[x].name.clone())
        .or_else(|| g.iter().find_map(|&i| instances[i].speaker.clone()));
    let mut members: Vec<Instance> = g.iter().map(|&i| instances[i].clone()).collect();
    members.sort_by_key(|i| (i.doc, i.span().start, i.kind == QuoteKind::Indirect));
    Quote {
        speaker,
        instances: members,
        drift,
        misattributed,
        paraphrase,
    }
}
