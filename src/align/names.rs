//! Names learnt from the statements themselves.
//!
//! - A capitalised word is a *name* when the reports capitalise it inside sentences more often
//!   than they write it in lowercase ("Trump", "Geneva"; not "President" if the reports also
//!   say "the president").
//! - Spelling variants fold to the most frequent spelling: two names are variants when they
//!   share their first four letters and differ by one edit (two for names of nine letters or
//!   more). This finds Zelensky / Zelenskyy / Zelenskiy or Russia / Russian without a list.
//! - An acronym that occurs in the reports (US, UN, NYT) also stands for a run of two to four
//!   capitalised words with those initials ("United Nations"), and the alias table in
//!   `assets/aliases.toml` adds equivalents that differ in more than spelling (Kiev / Kyiv).

use std::collections::{BTreeMap, HashMap, HashSet};

use foldhash::fast::FixedState;
use rayon::prelude::*;

use super::lexicon::lexicon;
use super::text::TokenKind;
use super::tokens::{TokenRef, Toks};

/// What was learnt about names from a set of statements.
#[derive(Debug, Default)]
pub struct NameTable {
    names: Set,
    canonical: HashMap<String, String, FixedState>,
    acronyms: Set,
}

/// A set of words with a fast fixed hasher: every capitalised word is looked up.
type Set = HashSet<String, FixedState>;

/// Whether two short strings are at most `max` edits apart.
pub(super) fn within(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        let mut best = cur[0];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            best = best.min(cur[j + 1]);
        }
        if best > max {
            return false;
        }
        prev = cur;
    }
    prev[b.len()] <= max
}

fn allowed_edits(a: &[char], b: &[char]) -> usize {
    match a.len().min(b.len()) {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// How often each word is capitalised inside a sentence and written in lowercase.
type Counts<'a> = HashMap<&'a str, (u32, u32), FixedState>;

/// The capitalisation counts and the acronyms of a chunk of statements.
fn count_chunk<'s>(statements: &[Toks<'s>]) -> (Counts<'s>, Set) {
    let mut counts = Counts::default();
    let mut acronyms = Set::default();
    for &toks in statements {
        // In a headline written in title case every word is capitalised: its capitals say
        // nothing about which words are names.
        let headline = title_case(toks);
        for i in 0..toks.len() {
            if toks.kind(i) != TokenKind::Word {
                continue;
            }
            let t = toks.at(i);
            if t.acronym {
                acronyms.insert(t.norm.to_owned());
                continue;
            }
            let e = counts.entry(t.norm).or_default();
            if !t.capitalised {
                e.1 += 1;
            } else if !headline && !opens_context(i.checked_sub(1).map(|p| toks.at(p))) {
                e.0 += 1;
            }
        }
    }
    (counts, acronyms)
}

/// Whether a statement is written in title case ("Egyptians Voting on New Constitution"):
/// at least three words of four letters or more after the first, every one capitalised, and
/// no word in lowercase but stopwords (one lowercase word of that length, "president", or a
/// short verb, "Smith met Jones in Paris on Monday", and it is a sentence with names in it:
/// title case capitalises every word but articles, conjunctions and short prepositions).
#[must_use]
pub fn title_case(toks: Toks<'_>) -> bool {
    // The long words counted in one pass, which ends at the first in lowercase (most
    // statements are sentences: that comes early).
    let mut long = 0;
    let lex = lexicon();
    for i in 1..toks.len() {
        if toks.kind(i) == TokenKind::Word && !toks.acronym(i) {
            let norm = toks.norm(i);
            // Fewer than four bytes is fewer than four characters.
            let is_long = norm.len() >= 4 && norm.chars().count() >= 4;
            // A lowercase short word that is no stopword (a verb: "met") is no title's; an
            // ordinal ("3rd") or a lone letter (a possessive's "s") has no case to tell.
            let short_word =
                norm.len() > 1 && norm.starts_with(char::is_alphabetic) && !lex.is_stopword(norm);
            if !toks.capitalised(i) && (is_long || short_word) {
                return false;
            }
            long += usize::from(is_long);
        }
    }
    long >= 3
}

/// Whether a token may start a sentence-like context, where capitals say nothing.
fn opens_context(prev: Option<TokenRef<'_>>) -> bool {
    prev.is_none_or(|p| {
        p.kind == TokenKind::Punct && matches!(p.norm, "\"" | "'" | ":" | "(" | "-")
    })
}

impl NameTable {
    /// Learn names, variants and acronyms from tokenised statements.
    #[must_use]
    pub fn learn(statements: &[Toks<'_>]) -> Self {
        let lex = lexicon();
        // (capitalised inside a sentence, lowercase) counts, per chunk of statements on
        // rayon, then summed: sums and unions do not depend on the order they are merged in.
        let (counts, acronyms) = statements.par_chunks(1024).map(count_chunk).reduce(
            || (Counts::default(), Set::default()),
            |(mut counts, mut acronyms), (more, more_acronyms)| {
                for (w, (cap, low)) in more {
                    let e = counts.entry(w).or_default();
                    e.0 += cap;
                    e.1 += low;
                }
                acronyms.extend(more_acronyms);
                (counts, acronyms)
            },
        );
        let names: Set = counts
            .iter()
            .filter(|(w, (cap, low))| *cap > *low && w.chars().count() > 1 && !lex.is_stopword(w))
            .map(|(w, _)| (*w).to_owned())
            .collect();
        let canonical = fold_variants(&names, &counts);
        Self {
            names,
            canonical,
            acronyms,
        }
    }

    /// Whether a lowercase word is a name in these reports.
    #[must_use]
    pub fn is_name(&self, w: &str) -> bool {
        self.names.contains(w)
    }

    /// The spelling a name folds to (aliases first, then variants).
    #[must_use]
    pub fn canonical<'a>(&'a self, w: &'a str) -> &'a str {
        if let Some(a) = lexicon().alias(w) {
            return a;
        }
        self.canonical.get(w).map_or(w, String::as_str)
    }

    /// A multi-word name starting at token `i`: a two-word alias ("United States") or a run of
    /// capitalised words whose initials form an acronym of these reports. Returns the name's
    /// key and how many tokens it spans.
    #[must_use]
    pub fn phrase_at(&self, toks: Toks<'_>, i: usize) -> Option<(String, usize)> {
        let cap = |k: usize| {
            k < toks.len()
                && toks.kind(k) == TokenKind::Word
                && toks.capitalised(k)
                && !toks.acronym(k)
        };
        if !cap(i) || !cap(i + 1) {
            return None;
        }
        let lex = lexicon();
        // Words hold no spaces, so only a word that starts a two-word alias can start one.
        if lex.starts_phrase_alias(toks.norm(i)) {
            let pair = format!("{} {}", toks.norm(i), toks.norm(i + 1));
            if let Some(a) = lex.alias(&pair) {
                return Some((a.to_owned(), 2));
            }
        }
        let mut initials = String::new();
        let mut best = None;
        for len in 1..=4 {
            if !cap(i + len - 1) {
                break;
            }
            initials.extend(toks.norm(i + len - 1).chars().next());
            if len >= 2 && self.acronyms.contains(&initials) {
                best = Some((initials.clone(), len));
            }
        }
        best
    }
}

/// Whether `short` (two to six letters) is the initials of `words`: the one test of an
/// acronym against words spelled out, for the name slots of the divergence stage, with or without their
/// stopwords ("boe" / "bank of england", "nypd" / "new york police department").
pub fn initials_match(short: &str, words: &[&str]) -> bool {
    if !(2..=6).contains(&short.len()) || words.len() < 2 {
        return false;
    }
    let initials = |keep_stopwords: bool| -> String {
        words
            .iter()
            .filter(|w| keep_stopwords || !lexicon().is_stopword(w))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    initials(true) == short || initials(false) == short
}

/// Map each name to the most frequent spelling among its variants.
fn fold_variants(names: &Set, counts: &Counts<'_>) -> HashMap<String, String, FixedState> {
    // Buckets by first four letters keep this near-linear; BTreeMap keeps it deterministic.
    let mut buckets: BTreeMap<String, Vec<(&str, u32)>> = BTreeMap::new();
    for n in names {
        if n.chars().count() >= 6 {
            let key: String = n.chars().take(4).collect();
            let c = counts.get(n.as_str()).map_or(0, |c| c.0 + c.1);
            buckets.entry(key).or_default().push((n.as_str(), c));
        }
    }
    let mut out = HashMap::default();
    for mut members in buckets.into_values() {
        if members.len() < 2 {
            continue;
        }
        members.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let chars: Vec<Vec<char>> = members.iter().map(|m| m.0.chars().collect()).collect();
        let mut rep: Vec<usize> = (0..members.len()).collect();
        for i in 1..members.len() {
            if let Some(j) =
                (0..i).find(|&j| within(&chars[i], &chars[j], allowed_edits(&chars[i], &chars[j])))
            {
                rep[i] = rep[j];
                out.insert(members[i].0.to_owned(), members[rep[j]].0.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::Tokenised;
    use super::*;

    #[test]
    fn title_case_in_one_pass_answers_as_counting_every_long_word() {
        let mut texts = crate::model::embedded::seed_statement_texts();
        texts.extend(
            [
                "Egyptians Voting on New Constitution",
                "Égyptiens Votent Sur Une Nouvelle Constitution",
                "Two Long Words",
                "The President Meets Putin in Moscow today",
                "Smith met Jones in Paris on Monday.",
            ]
            .map(str::to_owned),
        );
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let t = Tokenised::new(&refs);
        let mut titles = 0;
        for (i, text) in refs.iter().enumerate() {
            let toks = t.view(i);
            let long: Vec<usize> = (1..toks.len())
                .filter(|&i| {
                    toks.kind(i) == TokenKind::Word
                        && !toks.acronym(i)
                        && toks.norm(i).chars().count() >= 4
                })
                .collect();
            let lowercase_only_stopwords = (1..toks.len()).all(|i| {
                toks.kind(i) != TokenKind::Word
                    || toks.acronym(i)
                    || toks.capitalised(i)
                    || lexicon().is_stopword(toks.norm(i))
                    || !toks.norm(i).starts_with(char::is_alphabetic)
                    || toks.norm(i).len() == 1
            });
            let counted = long.len() >= 3
                && long.iter().all(|&i| toks.capitalised(i))
                && lowercase_only_stopwords;
            assert_eq!(title_case(toks), counted, "{text}");
            if text.starts_with("Smith") {
                assert!(!counted, "a short verb in lowercase is no title case");
            }
            titles += usize::from(counted);
        }
        assert!(titles >= 2, "{titles}");
    }

    fn table(texts: &[&str]) -> NameTable {
        let t = Tokenised::new(texts);
        let views: Vec<Toks<'_>> = (0..texts.len()).map(|i| t.view(i)).collect();
        NameTable::learn(&views)
    }

    #[test]
    fn transliteration_variants_fold_but_different_names_do_not() {
        let t = table(&[
            "He met Zelensky twice and Zelensky again.",
            "He met Zelenskyy in Austria.",
            "He met Zelenskiy in Australia.",
        ]);
        assert_eq!(t.canonical("zelenskyy"), "zelensky");
        assert_eq!(t.canonical("zelenskiy"), "zelensky");
        assert_eq!(t.canonical("australia"), "australia");
        assert_eq!(t.canonical("austria"), "austria");
    }

    #[test]
    fn capitalised_common_words_are_not_names() {
        let t = table(&[
            "The president met Putin.",
            "The president spoke.",
            "Then President Putin left.",
        ]);
        assert!(t.is_name("putin"));
        assert!(!t.is_name("president"));
    }

    #[test]
    fn acronyms_learnt_from_the_text_match_their_spelled_out_form() {
        let t = table(&["The NYT says so.", "Then The New York Times said it."]);
        let toks = Tokenised::new(&["Then The New York Times said it."]);
        assert_eq!(t.phrase_at(toks.view(0), 2), Some(("nyt".into(), 3)));
    }

    #[test]
    fn initials_of_a_name_are_its_acronym() {
        assert!(initials_match("boe", &["bank", "of", "england"]));
        assert!(initials_match(
            "nypd",
            &["new", "york", "police", "department"]
        ));
        assert!(!initials_match("fbi", &["bank", "of", "england"]));
        assert!(!initials_match("b", &["bank"]));
    }
}
