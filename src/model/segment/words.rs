//! The word lists the splitter consults: abbreviations by class, sentence starters, the
//! words that may follow "a.m."/"p.m." inside a sentence, and job titles that follow
//! "Inc."/"Corp.".
//!
//! They live in `assets/abbreviations-en.txt` (compiled in) and are parsed once. Lookups take
//! the word as it appears; abbreviations are matched case-insensitively through a small stack
//! buffer so the hot path never allocates.

use std::collections::HashSet;
use std::sync::OnceLock;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// A title before a name ("Mr.", "Gen.", "St."): ends a sentence only before a starter.
    Prepositive,
    /// Stands before a number ("No. 5", "p. 55").
    Number,
    /// Any other abbreviation ("Inc.", "Jan.", "etc."): ends a sentence before a capital.
    Other,
}

struct Lists {
    prepositive: HashSet<&'static str>,
    number: HashSet<&'static str>,
    other: HashSet<&'static str>,
    starters: HashSet<&'static str>,
    time: HashSet<&'static str>,
    titles: HashSet<&'static str>,
}

const ASSET: &str = include_str!("../../../assets/abbreviations-en.txt");

/// Longest abbreviation we look up; longer words are never abbreviations.
const MAX_ABBREV: usize = 12;

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| parse(ASSET))
}

fn parse(asset: &'static str) -> Lists {
    let mut l = Lists {
        prepositive: HashSet::new(),
        number: HashSet::new(),
        other: HashSet::new(),
        starters: HashSet::new(),
        time: HashSet::new(),
        titles: HashSet::new(),
    };
    let mut section = "";
    for line in asset.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = name;
            continue;
        }
        let set = match section {
            "prepositive" => &mut l.prepositive,
            "number" => &mut l.number,
            "other" => &mut l.other,
            "starters" => &mut l.starters,
            "time" => &mut l.time,
            "titles" => &mut l.titles,
            // An unknown section is a mistake in the asset; its words are simply unused.
            _ => continue,
        };
        set.insert(line);
    }
    l
}

/// The class of `word` (without its final period) if it is a known abbreviation.
#[must_use]
pub fn abbreviation(word: &str) -> Option<AbbrevClass> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_ABBREV || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX_ABBREV];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    // Lowercasing ASCII keeps it valid UTF-8.
    let lower = std::str::from_utf8(&buf[..bytes.len()]).ok()?;
    let l = lists();
    if l.prepositive.contains(lower) {
        Some(AbbrevClass::Prepositive)
    } else if l.number.contains(lower) {
        Some(AbbrevClass::Number)
    } else if l.other.contains(lower) {
        Some(AbbrevClass::Other)
    } else {
        None
    }
}

/// Whether `word` typically begins a sentence and is never part of a name ("The", "He").
#[must_use]
pub fn is_starter(word: &str) -> bool {
    lists().starters.contains(word)
}

/// Whether `word` can follow "a.m."/"p.m." inside a sentence ("Friday", "EST").
#[must_use]
pub fn is_time_word(word: &str) -> bool {
    lists().time.contains(word)
}

/// Whether `word` is a job title that follows an organisation's name inside a sentence
/// ("Apple Inc. Chief Executive Tim Cook").
#[must_use]
pub fn is_title_word(word: &str) -> bool {
    lists().titles.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_sections_are_all_populated() {
        let l = lists();
        for (name, n) in [
            ("prepositive", l.prepositive.len()),
            ("number", l.number.len()),
            ("other", l.other.len()),
            ("starters", l.starters.len()),
            ("time", l.time.len()),
            ("titles", l.titles.len()),
        ] {
            assert!(n >= 10, "section {name} has only {n} entries");
        }
    }

    #[test]
    fn lookups_ignore_case_and_classify() {
        assert_eq!(abbreviation("Mr"), Some(AbbrevClass::Prepositive));
        assert_eq!(abbreviation("GEN"), Some(AbbrevClass::Prepositive));
        assert_eq!(abbreviation("No"), Some(AbbrevClass::Number));
        assert_eq!(abbreviation("Inc"), Some(AbbrevClass::Other));
        assert_eq!(abbreviation("Jan"), Some(AbbrevClass::Other));
        assert_eq!(abbreviation("house"), None);
        assert_eq!(abbreviation(""), None);
        assert_eq!(abbreviation("Straße"), None);
        assert_eq!(abbreviation("averyveryverylongword"), None);
        assert!(is_starter("The") && !is_starter("the") && !is_starter("President"));
        assert!(is_time_word("Friday") && is_time_word("EST") && !is_time_word("Mr"));
    }
}
