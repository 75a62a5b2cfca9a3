//! The fixed word knowledge of the engine: stopwords and aliases (from `assets/`), the Snowball
//! stemmer, number words, units and hedges.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

mod frequencies;
use frequencies::Frequencies;

/// The word lists, parsed once.
pub struct Lexicon {
    // Looked up for every word: a fast fixed hasher, not SipHash.
    stopwords: HashSet<String, FixedState>,
    aliases: HashMap<String, String, FixedState>,
    /// The first words of the two-word aliases ("united" of "united states").
    phrase_heads: HashSet<String, FixedState>,
    /// Verb forms that make a heading a statement (`assets/lexicon/headline-verbs.txt`).
    headline_verbs: HashSet<&'static str, FixedState>,
    /// Verbs of a changing count (`assets/lexicon/change-verbs.txt`).
    change_verbs: HashSet<&'static str, FixedState>,
    /// Words between a measured noun and its number (`assets/lexicon/measure-links.txt`).
    measure_links: HashSet<&'static str, FixedState>,
    /// Comparative and superlative adjectives (`assets/lexicon/comparatives.txt`).
    comparatives: HashSet<&'static str, FixedState>,
    /// Words that change the role a title gives (`assets/lexicon/role-modifiers.txt`).
    role_words: HashSet<&'static str, FixedState>,
    /// Nouns that make the words before a name a title (`assets/lexicon/titles.txt`).
    title_nouns: HashSet<&'static str, FixedState>,
    /// Places and seats that may stand for the whole they are part of, part → wholes
    /// (`assets/lexicon/metonyms.tsv`, from WordNet).
    metonyms: HashMap<&'static str, Vec<&'static str>, FixedState>,
    /// Modifiers that describe rather than name (`descriptive.txt`), and endings of such
    /// words (`descriptive-suffixes.txt`).
    descriptive: HashSet<&'static str, FixedState>,
    descriptive_suffixes: Vec<&'static str>,
    /// Words that open a noun phrase (`determiners.txt`).
    determiners: HashSet<&'static str, FixedState>,
    /// Common verb forms that may follow a noun (`light-verbs.txt`).
    light_verbs: HashSet<&'static str, FixedState>,
    /// Words that change a quotation when slipped in front of it (`intensifiers.txt`).
    intensifiers: HashSet<&'static str, FixedState>,
    /// Words of attribution (`attribution-words.txt`).
    attribution: HashSet<&'static str, FixedState>,
    /// Words that may hedge the number after them (`hedge-words.txt`), and the direction each
    /// hedge bounds it (`hedges.tsv`).
    hedge_words: HashSet<&'static str, FixedState>,
    hedge_bounds: HashMap<&'static str, i8, FixedState>,
    /// Irregular past forms → their verb (`irregular-verbs.tsv`).
    irregular: HashMap<&'static str, &'static str, FixedState>,
    /// Background English frequencies (Zipf scale) of the most frequent words.
    zipf: Frequencies,
    stemmer: Stemmer,
}

#[derive(Deserialize)]
struct AliasFile {
    aliases: HashMap<String, String>,
}

/// A word list asset: one lowercase word per line, `#` comments.
pub(super) fn word_list(text: &'static str) -> HashSet<&'static str, FixedState> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// A two-column asset (`key<TAB>value` lines, `#` comments), values parsed by `parse`; lines
/// that do not parse are skipped (a unit test checks every line of every asset parses).
pub(super) fn table<V>(
    text: &'static str,
    parse: impl Fn(&'static str) -> Option<V>,
) -> HashMap<&'static str, V, FixedState> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (k, v) = l.split_once('\t')?;
            Some((k.trim(), parse(v.trim())?))
        })
        .collect()
}

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let stopwords = include_str!("../../assets/stopwords-en.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        // The asset is compiled in and a unit test parses it, so failure is a build bug;
        // an empty table is still a safe fallback.
        let aliases: HashMap<String, String, FixedState> =
            toml::from_str::<AliasFile>(include_str!("../../assets/aliases.toml"))
                .map(|a| a.aliases.into_iter().collect())
                .unwrap_or_default();
        let phrase_heads = aliases
            .keys()
            .filter_map(|k: &String| k.split_once(' ').map(|(head, _)| head.to_owned()))
            .collect();
        let zipf = Frequencies::parse(include_str!("../../assets/lexicon/frequency-en.tsv"));
        let headline_verbs = word_list(include_str!("../../assets/lexicon/headline-verbs.txt"));
        let change_verbs = word_list(include_str!("../../assets/lexicon/change-verbs.txt"));
        let comparatives = word_list(include_str!("../../assets/lexicon/comparatives.txt"));
        let role_words = word_list(include_str!("../../assets/lexicon/role-modifiers.txt"));
        let title_nouns = word_list(include_str!("../../assets/lexicon/titles.txt"));
        let mut descriptive_suffixes: Vec<&'static str> = word_list(include_str!(
            "../../assets/lexicon/descriptive-suffixes.txt"
        ))
        .into_iter()
        .collect();
        // A fixed order, so that nothing depends on hashing.
        descriptive_suffixes.sort_unstable();
        let mut metonyms: HashMap<&'static str, Vec<&'static str>, FixedState> = HashMap::default();
        for line in include_str!("../../assets/lexicon/metonyms.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            if let Some((part, whole)) = line.split_once('\t') {
                metonyms.entry(part).or_default().push(whole);
            }
        }
        Lexicon {
            stopwords,
            aliases,
            phrase_heads,
            headline_verbs,
            change_verbs,
            measure_links: word_list(include_str!("../../assets/lexicon/measure-links.txt")),
            comparatives,
            role_words,
            title_nouns,
            metonyms,
            descriptive: word_list(include_str!("../../assets/lexicon/descriptive.txt")),
            descriptive_suffixes,
            determiners: word_list(include_str!("../../assets/lexicon/determiners.txt")),
            light_verbs: word_list(include_str!("../../assets/lexicon/light-verbs.txt")),
            intensifiers: word_list(include_str!("../../assets/lexicon/intensifiers.txt")),
            attribution: word_list(include_str!("../../assets/lexicon/attribution-words.txt")),
            hedge_words: word_list(include_str!("../../assets/lexicon/hedge-words.txt")),
            hedge_bounds: table(include_str!("../../assets/lexicon/hedges.tsv"), |v| {
                // The relation the true value has to the number written.
                match v {
                    "<" => Some(-2),
                    "<=" => Some(-1),
                    ">=" => Some(1),
                    ">" => Some(2),
                    _ => None,
                }
            }),
            irregular: table(
                include_str!("../../assets/lexicon/irregular-verbs.tsv"),
                Some,
            ),
            zipf,
            stemmer: Stemmer::create(Algorithm::English),
        }
    })
}

impl Lexicon {
    /// Whether a lowercase word is a stopword.
    pub fn is_stopword(&self, w: &str) -> bool {
        self.stopwords.contains(w)
    }

    /// The background frequency of a lowercase word in English (Zipf scale: log10 of its
    /// occurrences per billion words), if the table in `assets/lexicon` holds it.
    #[must_use]
    pub fn zipf(&self, w: &str) -> Option<f32> {
        self.zipf.get(w)
    }

    /// Whether a lowercase word reports a count changing ("climbs", "rises to").
    #[must_use]
    pub fn is_change_verb(&self, w: &str) -> bool {
        self.change_verbs.contains(w)
    }

    /// Whether a word may stand between a measured noun and its bare number ("the toll had
    /// reached 15": "had").
    #[must_use]
    pub fn is_measure_link(&self, w: &str) -> bool {
        self.measure_links.contains(w)
    }

    /// Whether a lowercase word is a comparative or superlative adjective ("smaller").
    #[must_use]
    pub fn is_comparative(&self, w: &str) -> bool {
        self.comparatives.contains(w)
    }

    /// Whether a lowercase word changes the role a title gives a person ("former", "acting").
    #[must_use]
    pub fn is_role_word(&self, w: &str) -> bool {
        self.role_words.contains(w)
    }

    /// Whether a lowercase word is a title noun ("president", "minister").
    #[must_use]
    pub fn is_title_noun(&self, w: &str) -> bool {
        self.title_nouns.contains(w)
    }

    /// Whether a lowercase modifier describes rather than names the thing ("senior official",
    /// "new talks", "deadly", "smaller"): listed, comparative, or a long word with a
    /// descriptive ending.
    #[must_use]
    pub fn is_descriptive(&self, w: &str) -> bool {
        self.descriptive.contains(w)
            || self.comparatives.contains(w)
            || self
                .descriptive_suffixes
                .iter()
                .any(|s| w.len() >= s.len() + 3 && w.ends_with(s))
    }

    /// Whether a lowercase word opens a noun phrase ("a", "the", "their").
    #[must_use]
    pub fn is_determiner(&self, w: &str) -> bool {
        self.determiners.contains(w)
    }

    /// Whether a lowercase word is a common verb form that may follow a noun ("comes",
    /// "makes", "told").
    #[must_use]
    pub fn is_light_verb(&self, w: &str) -> bool {
        self.light_verbs.contains(w)
    }

    /// Whether a lowercase word changes what a quotation says when slipped in front of it
    /// ("very", "not").
    #[must_use]
    pub fn is_intensifier(&self, w: &str) -> bool {
        self.intensifiers.contains(w)
    }

    /// How a hedge bounds the quantity after it: -2 below ("nearly"), -1 at most ("up to"),
    /// 1 at least ("at least"), 2 above ("more than"), 0 neither ("about", or a hedge not
    /// listed).
    #[must_use]
    pub fn hedge_bound(&self, hedge: &str) -> i8 {
        self.hedge_bounds.get(hedge).copied().unwrap_or(0)
    }

    /// Whether the lowercase `word` names the two-word noun `noun` or a kind of it ("mayday"
    /// and "distress call"), by `assets/lexicon/kinds.tsv` (WordNet). The table is read on
    /// first use only: few comparisons need it, and start-up should not pay for it.
    #[must_use]
    pub fn names_kind_of(&self, word: &str, noun: &str) -> bool {
        // `(word, noun)` lines sorted: half the memory of a map of lists, kept all run.
        static KINDS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        let kinds = KINDS.get_or_init(|| {
            let mut m: Vec<(&'static str, &'static str)> =
                include_str!("../../assets/lexicon/kinds.tsv")
                    .lines()
                    .filter(|line| !line.starts_with('#'))
                    .filter_map(|line| line.split_once('\t'))
                    .collect();
            m.sort_unstable();
            m.shrink_to_fit();
            m
        });
        let from = kinds.partition_point(|e| e.0 < word);
        kinds[from..]
            .iter()
            .take_while(|e| e.0 == word)
            .any(|e| e.1 == noun)
    }

    /// Whether one lowercase name (words joined by a space) may stand for the other: the
    /// Kremlin for Moscow, Moscow (or the Kremlin) for Russia, within two steps of "part of".
    #[must_use]
    pub fn stands_for(&self, x: &str, y: &str) -> bool {
        let up = |from: &str, to: &str| {
            self.metonyms.get(from).is_some_and(|wholes| {
                wholes
                    .iter()
                    .any(|&w| w == to || self.metonyms.get(w).is_some_and(|ws| ws.contains(&to)))
            })
        };
        up(x, y) || up(y, x)
    }

    /// The alias of a lowercase word or two-word phrase, if the table has one.
    pub fn alias(&self, w: &str) -> Option<&str> {
        self.aliases.get(w).map(String::as_str)
    }

    /// Whether some two-word alias starts with the lowercase word `w`: a cheap test before
    /// building the phrase to look up.
    #[must_use]
    pub fn starts_phrase_alias(&self, w: &str) -> bool {
        self.phrase_heads.contains(w)
    }

    /// The Snowball English stem of a lowercase word, irregular past forms first mapped to
    /// their verb ("met" → "meet") since the stemmer only strips suffixes.
    pub fn stem(&self, w: &str) -> String {
        let mut out = String::new();
        self.stem_into(w, &mut out);
        out
    }

    /// [`Lexicon::stem`] written into `out` (cleared first): a caller stemming many words
    /// reuses one buffer instead of allocating a string a word.
    pub fn stem_into(&self, w: &str, out: &mut String) {
        out.clear();
        // Stemming costs thousands of instructions a word and news text repeats its words:
        // the stems made are remembered (there is one lexicon, so a word has one stem), for
        // every thread, so the quotes layer finds the corpus's. Forgotten past a bound, so a
        // long session's memory does not grow with every word it ever read.
        const REMEMBERED: usize = 1 << 16;
        // Boxed strings: a pair of lengths less a word than strings, and no spare room.
        type Known = std::sync::RwLock<crate::align::corpus::FastMap<Box<str>, Box<str>>>;
        static STEMS: OnceLock<Known> = OnceLock::new();
        let stems = STEMS.get_or_init(Known::default);
        // A poisoned lock only means another thread panicked: the stems in it are whole.
        if let Some(s) = stems
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(w)
        {
            out.push_str(s);
            return;
        }
        let s = self
            .stemmer
            .stem(self.irregular.get(w).copied().unwrap_or(w));
        out.push_str(&s);
        let mut known = stems
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(w.into(), s.as_ref().into());
    }
}

/// The base form of a common irregular past tense or participle (`irregular-verbs.tsv`).
fn irregular(w: &str) -> Option<&'static str> {
    lexicon().irregular.get(w).copied()
}

/// Whether a lowercase word is a verb form that makes a heading assert something: an
/// auxiliary or modal, "to" before a verb, "says", a past form ("captured", "met"), a
/// third-person form of a common news verb. A section label ("Tariffs and Tensions With
/// India") holds none of these; a headline ("Ellen DeGeneres To Host Oscars", "Pirates
/// Captured Off Somalia") does.
#[must_use]
pub fn is_assertive_verb_form(w: &str) -> bool {
    lexicon().headline_verbs.contains(w)
        || irregular(w).is_some()
        || (w.len() > 4 && w.ends_with("ed") && !lexicon().is_stopword(w))
}

/// Words of attribution: who said or confirmed something. Two statements sharing only these
/// ("a senior official confirmed…") share a source, not a claim, so they weigh little.
#[must_use]
pub fn is_attribution(w: &str) -> bool {
    lexicon().attribution.contains(w)
}

/// The value of a cardinal number word ("two" → 2, "dozen" → 12).
#[must_use]
pub fn number_word(w: &str) -> Option<f64> {
    let v = match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        _ => return None,
    };
    Some(v)
}

/// A multiplier word after a number ("2 million").
#[must_use]
pub fn scale_word(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" | "mln" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// A ratio word: "double" is 2 times, "half" 0.5 times.
#[must_use]
pub fn ratio_word(w: &str) -> Option<f64> {
    match w {
        "double" | "doubled" | "doubles" | "doubling" | "twice" => Some(2.0),
        "triple" | "tripled" | "triples" | "tripling" | "thrice" => Some(3.0),
        "quadruple" | "quadrupled" => Some(4.0),
        "half" | "halved" | "halve" => Some(0.5),
        _ => None,
    }
}

/// A unit of time, in hours.
#[must_use]
pub fn time_unit(w: &str) -> Option<f64> {
    match w {
        "second" | "seconds" | "sec" | "secs" => Some(1.0 / 3600.0),
        "minute" | "minutes" | "min" | "mins" => Some(1.0 / 60.0),
        "hour" | "hours" | "hr" | "hrs" => Some(1.0),
        "day" | "days" => Some(24.0),
        "week" | "weeks" => Some(24.0 * 7.0),
        "month" | "months" => Some(24.0 * 30.0),
        "year" | "years" => Some(24.0 * 365.0),
        "decade" | "decades" => Some(24.0 * 3650.0),
        _ => None,
    }
}

/// A word that makes a quantity approximate or bounded ("nearly", "more than").
#[must_use]
pub fn hedge_word(w: &str) -> bool {
    lexicon().hedge_words.contains(w)
}

/// Weekday number (Monday = 1) of a lowercase word.
#[must_use]
pub fn weekday(w: &str) -> Option<u8> {
    let d = match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    };
    Some(d)
}

/// Month number of a lowercase (capitalised in the text) word.
#[must_use]
pub fn month(w: &str) -> Option<u8> {
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seat_or_capital_stands_for_its_country() {
        assert!(lexicon().stands_for("kremlin", "moscow"));
        assert!(lexicon().stands_for("russia", "moscow"));
        assert!(lexicon().stands_for("kremlin", "russia"));
        assert!(lexicon().stands_for("beijing", "china"));
        assert!(!lexicon().stands_for("moscow", "china"));
        assert!(!lexicon().stands_for("moscow", "kyiv"));
    }

    #[test]
    fn assets_parse_and_hold_what_the_engine_relies_on() {
        let l = lexicon();
        assert!(l.is_stopword("the") && l.is_stopword("would"));
        assert!(!l.is_stopword("two") && !l.is_stopword("nearly"));
        assert_eq!(l.alias("kiev"), Some("kyiv"));
        assert_eq!(l.alias("united states"), Some("us"));
        assert_eq!(l.stem("meetings"), "meet");
    }

    /// Data lines of a word-list asset.
    fn lines(text: &str) -> usize {
        text.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count()
    }

    #[test]
    fn every_line_of_the_word_tables_is_read() {
        let l = lexicon();
        let tables = [
            (
                include_str!("../../assets/lexicon/hedges.tsv"),
                l.hedge_bounds.len(),
            ),
            (
                include_str!("../../assets/lexicon/irregular-verbs.tsv"),
                l.irregular.len(),
            ),
            (
                include_str!("../../assets/lexicon/descriptive-suffixes.txt"),
                l.descriptive_suffixes.len(),
            ),
        ];
        for (text, read) in tables {
            assert_eq!(lines(text), read);
        }
        assert_eq!(l.hedge_bound("nearly"), -2);
        assert_eq!(l.hedge_bound("up to"), -1);
        assert_eq!(l.hedge_bound("at least"), 1);
        assert_eq!(l.hedge_bound("more than"), 2);
        assert_eq!(l.hedge_bound("about"), 0);
        assert_eq!(l.stem("met"), "meet");
        assert!(is_assertive_verb_form("captured") && is_assertive_verb_form("met"));
        assert!(is_attribution("spokeswoman") && !is_attribution("pirates"));
        assert!(hedge_word("nearly") && !hedge_word("pirates"));
        assert!(l.is_descriptive("senior") && l.is_descriptive("deadly"));
        assert!(l.is_descriptive("smaller") && !l.is_descriptive("distress"));
        assert!(l.is_determiner("their") && l.is_light_verb("comes"));
        assert!(l.is_intensifier("very") && !l.is_intensifier("chance"));
    }
}
