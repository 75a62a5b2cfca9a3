//! Source names folded once for comparing one with many, and an index of them that finds
//! the first one a name names the same source as without comparing it with every other.

use super::names::same_surname;

/// A folded source name with what [`same_folded_source`](super::attribution::same_folded_source) compares made once: for comparing
/// one name with many.
#[derive(Debug, Clone)]
pub struct FoldedSource {
    key: String,
    initials: String,
    words: Vec<String>,
    /// The name is in the alignment's metonym table: only then can it stand for another.
    in_table: bool,
}

/// Every name of `assets/lexicon/metonyms.tsv`, read as [`crate::align::lexicon`] reads it:
/// `stands_for` relates two names only when both are in it.
fn metonym_names() -> &'static std::collections::HashSet<&'static str> {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../../assets/lexicon/metonyms.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .flat_map(|(part, whole)| [part, whole])
            .collect()
    })
}

impl FoldedSource {
    /// The parts of a name folded with [`source_key`](super::attribution::source_key).
    #[must_use]
    pub fn new(key: String) -> Self {
        let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
        let initials = words.iter().filter_map(|w| w.chars().next()).collect();
        let in_table = metonym_names().contains(key.as_str());
        Self {
            key,
            initials,
            words,
            in_table,
        }
    }

    /// The folded name.
    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Its words, each cut to what [`same_surname`] compares: the whole of a short one, the
    /// first four bytes of a longer one. Names whose words all match share it.
    fn shape(&self) -> String {
        self.words
            .iter()
            .map(|w| match w.get(..4) {
                Some(p) if w.len() >= 5 => format!("{p}*"),
                _ => w.clone(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// [`same_folded_source`](super::attribution::same_folded_source) of the two names, the cheap tests first.
    #[must_use]
    pub fn same(&self, other: &FoldedSource) -> bool {
        let (fa, fb) = (&self.key, &other.key);
        fa == fb
            || (single(fa) && *fa == other.initials)
            || (single(fb) && *fb == self.initials)
            || (self.words.len() == other.words.len()
                && self
                    .words
                    .iter()
                    .zip(&other.words)
                    .all(|(x, y)| x == y || same_surname(x, y)))
            || (self.in_table
                && other.in_table
                && crate::align::lexicon::lexicon().stands_for(fa, fb))
    }
}

/// A one-word name of two letters or more: one that may be initials.
fn single(s: &str) -> bool {
    !s.contains(' ') && s.len() >= 2
}

/// Sources in order of first citation, indexed by what any name that names the same
/// source shares with them.
#[derive(Debug, Default)]
pub struct SourceIndex {
    keys: Vec<FoldedSource>,
    /// By words, each cut to what [`same_surname`] compares (see [`FoldedSource::shape`]).
    by_shape: HashMap<String, Vec<usize>>,
    /// By initials ("nyt" for "new york times").
    by_initials: HashMap<String, Vec<usize>>,
    /// One-word names (of two letters or more) by themselves.
    singles: HashMap<String, Vec<usize>>,
    /// Names in the metonym table.
    in_table: Vec<usize>,
}

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

impl SourceIndex {
    /// Add a source; its position.
    pub fn push(&mut self, f: FoldedSource) -> usize {
        let k = self.keys.len();
        self.by_shape.entry(f.shape()).or_default().push(k);
        self.by_initials
            .entry(f.initials.clone())
            .or_default()
            .push(k);
        if single(&f.key) {
            self.singles.entry(f.key.clone()).or_default().push(k);
        }
        if f.in_table {
            self.in_table.push(k);
        }
        self.keys.push(f);
        k
    }

    /// The first source `f` names the same source as ([`FoldedSource::same`]): the first
    /// of those that share its shape, its initials or its table.
    #[must_use]
    pub fn find(&self, f: &FoldedSource) -> Option<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        let mut add = |m: &HashMap<String, Vec<usize>>, k: &str| {
            if let Some(v) = m.get(k) {
                candidates.extend_from_slice(v);
            }
        };
        add(&self.by_shape, &f.shape());
        if single(&f.key) {
            add(&self.by_initials, &f.key);
        }
        add(&self.singles, &f.initials);
        if f.in_table {
            candidates.extend_from_slice(&self.in_table);
        }
        candidates.sort_unstable();
        candidates.into_iter().find(|&k| self.keys[k].same(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::attribution::source_key;

    #[test]
    fn the_index_finds_what_a_scan_of_every_source_finds() {
        let names = [
            "The New York Times",
            "CNN",
            "NYT",
            "Associated Press",
            "AP",
            "Associate Press",
            "the Kremlin",
            "Moscow",
            "Russia",
            "Washington",
            "the White House",
            "Zelensky",
            "Zelenskyy",
            "New York Timez",
            "a senior official",
            "N",
        ];
        let mut index = SourceIndex::default();
        let mut all: Vec<FoldedSource> = Vec::new();
        for n in names {
            let f = FoldedSource::new(source_key(n));
            let scan = all.iter().position(|k| k.same(&f));
            assert_eq!(index.find(&f), scan, "{n}");
            if scan.is_none() {
                index.push(f.clone());
                all.push(f);
            }
        }
        assert!(all.len() < names.len());
    }
}
