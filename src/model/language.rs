//! A cheap check that a report is English, the only language parallax compares well: its
//! sentence splitting, stopwords, number words, weekdays and aliases are English. A report in
//! another language still loads, with a warning naming it, so "shared" is never trusted blindly.
//!
//! Two signals, both linear: the share of letters that are Latin (Cyrillic, Arabic, Chinese
//! text fails this), and for Latin-script text the share of words that are English stopwords
//! (a French or German report fails this: English prose runs at 35–50 %).

use std::collections::HashSet;
use std::sync::OnceLock;

/// Fewer letters than this say nothing about the language.
const MIN_LETTERS: usize = 40;
/// Fewer words than this leave the stopword share too noisy to judge.
const MIN_WORDS: usize = 40;
/// Below this share of Latin letters a text is not English.
const MIN_LATIN_SHARE: f64 = 0.6;
/// Below this share of English stopwords a Latin-script text is not English.
const MIN_STOPWORD_SHARE: f64 = 0.12;

/// A fixed fast hasher: the keys are short words, and nothing iterates the set. The words
/// are kept as bytes, so a word lowercased into a byte buffer is looked up as it is.
type Set = HashSet<&'static [u8], foldhash::fast::FixedState>;

fn stopwords() -> &'static Set {
    static WORDS: OnceLock<Set> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../assets/stopwords-en.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::as_bytes)
            .collect()
    })
}

/// Why `text` does not look like English, or `None` when it does (or is too short to tell).
#[must_use]
pub fn not_english(text: &str) -> Option<String> {
    let counts = Counts::of(text);
    let (letters, latin) = (counts.letters, counts.latin);
    if letters < MIN_LETTERS {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let latin_share = latin as f64 / letters as f64;
    if latin_share < MIN_LATIN_SHARE {
        return Some(format!(
            "does not look like English ({:.0}% of its letters are Latin); parallax compares English reports, and links in other languages are unreliable",
            latin_share * 100.0
        ));
    }
    let (words, common) = (counts.words, counts.common);
    if words < MIN_WORDS {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let share = common as f64 / words as f64;
    (share < MIN_STOPWORD_SHARE).then(|| {
        format!(
            "does not look like English ({:.0}% of its words are common English words); parallax compares English reports, and links in other languages are unreliable",
            share * 100.0
        )
    })
}

/// What [`not_english`] judges by, counted in one pass over the text.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    /// Alphabetic chars.
    letters: usize,
    /// Alphabetic chars of the Latin blocks.
    latin: usize,
    /// Words: maximal runs of letters and apostrophes.
    words: usize,
    /// Words that are English stopwords, lowercased.
    common: usize,
}

impl Counts {
    /// Count `text`. Most of it is ASCII, read byte by byte without decoding chars; the
    /// word counts are only used when the letters are Latin enough, but counting them in
    /// the same pass costs less than a second pass.
    fn of(text: &str) -> Self {
        let mut n = Self::default();
        let mut lower = [0u8; LOWER_BUF];
        let mut word: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (in_word, len) = if b.is_ascii() {
                let letter = b.is_ascii_alphabetic();
                n.letters += usize::from(letter);
                n.latin += usize::from(letter);
                (letter || b == b'\'', 1)
            } else {
                // `i` is a char boundary: it only ever moves by whole chars.
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                let letter = c.is_alphabetic();
                // Basic Latin, Latin-1, Latin Extended-A/B, IPA and Latin Extended Additional.
                let latin = c < '\u{0250}' || ('\u{1e00}'..='\u{1eff}').contains(&c);
                n.letters += usize::from(letter);
                n.latin += usize::from(letter && latin);
                (letter, c.len_utf8())
            };
            if in_word {
                word.get_or_insert(i);
            } else if let Some(from) = word.take() {
                n.word(&text[from..i], &mut lower);
            }
            i += len;
        }
        if let Some(from) = word {
            n.word(&text[from..], &mut lower);
        }
        n
    }

    /// Count one word. Most words are ASCII: lowercased into a buffer on the stack, not a String each
    /// (the same result as `to_lowercase`, which the others still get), and not looked up
    /// at all when longer than every stopword.
    fn word(&mut self, w: &str, lower: &mut [u8; LOWER_BUF]) {
        self.words += 1;
        let stop = stopwords();
        let hit = if w.is_ascii() {
            if w.len() > longest_stopword() {
                false
            } else if let Some(buf) = lower.get_mut(..w.len()) {
                for (l, b) in buf.iter_mut().zip(w.bytes()) {
                    *l = b.to_ascii_lowercase();
                }
                stop.contains(&*buf)
            } else {
                stop.contains(w.to_ascii_lowercase().as_bytes())
            }
        } else {
            stop.contains(w.to_lowercase().as_bytes())
        };
        self.common += usize::from(hit);
    }
}

/// Room for an ASCII word lowercased on the stack; longer words (none of today's
/// stopwords) get a String.
const LOWER_BUF: usize = 32;

/// The length in bytes of the longest stopword: an ASCII word keeps its length when
/// lowercased, so a longer one cannot be a stopword.
fn longest_stopword() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| stopwords().iter().map(|w| w.len()).max().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Президент России Владимир Путин и президент США Дональд Трамп встретятся в Женеве в понедельник, сообщили в Кремле в четверг.";
    const AR: &str = "قال الكرملين يوم الخميس إن الرئيس الروسي فلاديمير بوتين والرئيس الأمريكي دونالد ترامب سيلتقيان في جنيف يوم الاثنين المقبل.";
    const ZH: &str = "克里姆林宫周四表示，俄罗斯总统普京和美国总统特朗普将于下周一在日内瓦会面，这将是两国领导人自二零二一年六月以来的首次会晤。";
    const FR: &str = "Le président russe Vladimir Poutine et le président américain Donald Trump se rencontreront lundi prochain à Genève, a indiqué jeudi le Kremlin. Ce sommet serait le premier entre les deux dirigeants depuis juin 2021, selon les responsables ukrainiens qui restent prudents.";

    #[test]
    fn russian_arabic_chinese_and_french_are_warned() {
        for text in [RU, AR, ZH, FR] {
            assert!(not_english(text).is_some(), "{text}");
        }
    }

    /// The two passes the counts replaced, char by char: the one-pass byte scan must agree.
    fn reference(text: &str) -> Counts {
        let mut n = Counts::default();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            n.letters += 1;
            n.latin += usize::from(c < '\u{0250}' || ('\u{1e00}'..='\u{1eff}').contains(&c));
        }
        for w in text
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
        {
            n.words += 1;
            n.common += usize::from(stopwords().contains(w.to_lowercase().as_bytes()));
        }
        n
    }

    #[test]
    fn one_pass_counts_match_the_char_by_char_passes() {
        let mixed = "İstanbul'da THE Ǆ café ’tis 'n' it's — Œuvre ÀND Straße ſ K ǅ ' '' x";
        let texts = [RU, AR, ZH, FR, mixed, "", "'", "a", "The"];
        for text in texts
            .into_iter()
            .chain(crate::model::embedded::SEEDS.iter().map(|s| s.1))
        {
            assert_eq!(Counts::of(text), reference(text), "{text}");
        }
    }

    proptest::proptest! {
        /// Words of ASCII, accented, Cyrillic and case-changing letters, apostrophes and
        /// stopwords in any case: the one pass counts what the two passes counted.
        #[test]
        fn any_text_counts_like_the_two_passes(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the", "THE", "Of", "and", "x", "'", "’", " ", ", ", "-", "9", "é", "İ", "ǅ",
                "Straße", "при", "\u{212a}", "\n", "Kremlin", "wouldn't", "ſ",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(Counts::of(&text), reference(&text));
        }
    }

    #[test]
    fn english_seeds_and_short_texts_are_not_warned() {
        for (name, text) in crate::model::embedded::SEEDS {
            assert_eq!(not_english(text), None, "{name}");
        }
        assert_eq!(not_english("Kyiv, Geneva."), None);
    }
}
