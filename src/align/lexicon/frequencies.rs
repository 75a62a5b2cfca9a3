//! The background English word frequencies (`assets/lexicon/frequency-en.tsv`), kept for the
//! whole run in a compact table: the 60,000 words once, in a list, and an open-addressing
//! index of `u32`s into it. A `HashMap<&str, f32>` of them took 3.3 MB (131,072 buckets of 24
//! bytes and a control byte); this takes 1.9 MB, with one hash and about one string
//! comparison a look-up, as the map's.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

/// The `(word, zipf)` lines of a `word<TAB>zipf` asset (`#` comments; lines that do not
/// parse skipped).
fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, f32)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (w, z) = l.split_once('\t')?;
            Some((w, z.trim().parse::<f32>().ok()?))
        })
}

/// Words with their Zipf frequency, and where each word is found by its hash.
pub(super) struct Frequencies {
    /// Each word once (its last line in the asset, as a map built from the lines keeps).
    words: Vec<(&'static str, f32)>,
    /// `1 +` an index into `words`, 0 for an empty slot; a power of two long, at most half
    /// full, probed linearly from a word's hash.
    slots: Vec<u32>,
}

impl Frequencies {
    /// The table of a `word<TAB>zipf` asset (`#` comments; lines that do not parse skipped).
    pub(super) fn parse(text: &'static str) -> Self {
        let mut out = Self {
            words: Vec::new(),
            slots: Vec::new(),
        };
        let lines: Vec<(&'static str, f32)> = entries(text).collect();
        out.slots = vec![0; (2 * lines.len()).next_power_of_two().max(2)];
        out.words.reserve_exact(lines.len());
        for (w, z) in lines {
            match out.find(w) {
                Ok(i) => out.words[i].1 = z,
                Err(slot) => {
                    out.words.push((w, z));
                    out.slots[slot] = u32::try_from(out.words.len()).unwrap_or(u32::MAX);
                }
            }
        }
        out
    }

    /// The Zipf frequency of `w`, if the asset lists it.
    pub(super) fn get(&self, w: &str) -> Option<f32> {
        self.find(w).ok().map(|i| self.words[i].1)
    }

    /// `Ok(index in words)` of `w`, or `Err(the empty slot where it would go)`.
    fn find(&self, w: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        // The hash's low bits pick the slot: a `u64` reduced to the table's size.
        #[allow(clippy::cast_possible_truncation)]
        let mut at = (FixedState::default().hash_one(w) as usize) & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                s => {
                    let i = s as usize - 1;
                    if self.words[i].0 == w {
                        return Ok(i);
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_has_its_last_lines_frequency_and_others_none() {
        let f = Frequencies::parse("# comment\nthe\t7.7\nto\t7.4\nthe\t7.5\nbad line\nx\tnan?\n");
        assert_eq!(f.get("the"), Some(7.5));
        assert_eq!(f.get("to"), Some(7.4));
        assert_eq!(f.get("x"), None);
        assert_eq!(f.get("and"), None);
        assert_eq!(f.words.len(), 2);
    }

    #[test]
    fn the_asset_reads_as_a_map_of_its_lines_would() {
        let text = include_str!("../../../assets/lexicon/frequency-en.tsv");
        let f = Frequencies::parse(text);
        // The index against a map of the same lines: the test is of the open addressing.
        let map: std::collections::HashMap<&str, f32> = entries(text).collect();
        assert!(map.len() > 50_000);
        assert_eq!(f.words.len(), map.len());
        for (w, z) in &map {
            assert_eq!(f.get(w).map(f32::to_bits), Some(z.to_bits()), "{w}");
        }
        assert_eq!(f.get("not-a-word-of-the-table"), None);
    }
}
