//! Words that name one thing: two common words whose most frequent sense is one WordNet
//! synset ("quake" / "earthquake", "perish" / "die", "pact" / "treaty") are one term, so two
//! reports wording an event differently still share it.
//!
//! The table is `assets/lexicon/synonyms.tsv` (word, then the synset's most frequent member),
//! made by `tests/tools/make_wordnet_tables.py`. Only a word's first sense counts, and only
//! when it is the first sense of the other word too: "summit" (first sense: a peak) is not
//! "top"; an abbreviation of its representative ("sat" / Saturday) and an irregular past form
//! are left out. Keys are compared after stemming, so the table is turned into stem → stem once;
//! a stem two entries would send to different stems is left alone.

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::lexicon::lexicon;

fn table() -> &'static HashMap<String, String, FixedState> {
    static TABLE: OnceLock<HashMap<String, String, FixedState>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lex = lexicon();
        let mut map: HashMap<String, Option<String>, FixedState> = HashMap::default();
        for line in include_str!("../../assets/lexicon/synonyms.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let Some((word, rep)) = line.split_once('\t') else {
                continue;
            };
            let (from, to) = (lex.stem(word.trim()), lex.stem(rep.trim()));
            if from == to {
                continue;
            }
            map.entry(from)
                .and_modify(|v| {
                    if v.as_deref() != Some(to.as_str()) {
                        *v = None;
                    }
                })
                .or_insert(Some(to));
        }
        // A stem that is itself sent elsewhere is no representative: drop such chains.
        let keys: Vec<String> = map.keys().cloned().collect();
        let mut out: HashMap<String, String, FixedState> = HashMap::default();
        for k in keys {
            if let Some(Some(to)) = map.get(&k) {
                if !map.contains_key(to) {
                    out.insert(k, to.clone());
                }
            }
        }
        out
    })
}

/// The stem that stands for `stem` and its synonyms, if another one does.
#[must_use]
pub fn canonical(stem: &str) -> Option<&'static str> {
    table().get(stem).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_one_first_sense_share_a_stem_and_others_keep_theirs() {
        let lex = lexicon();
        let key = |w: &str| {
            let s = lex.stem(w);
            canonical(&s).map_or(s.clone(), str::to_owned)
        };
        assert_eq!(key("quake"), key("earthquake"));
        assert_eq!(key("quakes"), key("earthquakes"));
        assert_eq!(key("perished"), key("died"));
        assert_ne!(key("summit"), key("top"));
        // An abbreviation of the representative is also a word of its own.
        assert_ne!(key("sat"), key("saturday"));
        assert_ne!(key("arrested"), key("killed"));
    }
}
