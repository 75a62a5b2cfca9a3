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

/// A fixed fast hasher: the keys are short words, and nothing iterates the set.
type Set = HashSet<&'static str, foldhash::fast::FixedState>;

fn stopwords() -> &'static Set {
    static WORDS: OnceLock<Set> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../assets/stopwords-en.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Why `text` does not look like English, or `None` when it does (or is too short to tell).
#[must_use]
pub fn not_english(text: &str) -> Option<String> {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        // Basic Latin, Latin-1, Latin Extended-A/B, IPA and Latin Extended Additional.
        if c < '\u{0250}' || ('\u{1e00}'..='\u{1eff}').contains(&c) {
            latin += 1;
        }
    }
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
    let stop = stopwords();
    let (mut words, mut common) = (0usize, 0usize);
    // Most words are ASCII: lowercased into one buffer, not a String each (the same result
    // as `to_lowercase`, which the others still get).
    let mut lower = String::new();
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let hit = if w.is_ascii() {
            lower.clear();
            lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            stop.contains(lower.as_str())
        } else {
            stop.contains(w.to_lowercase().as_str())
        };
        common += usize::from(hit);
    }
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

    #[test]
    fn english_seeds_and_short_texts_are_not_warned() {
        for (name, text) in crate::model::embedded::SEEDS {
            assert_eq!(not_english(text), None, "{name}");
        }
        assert_eq!(not_english("Kyiv, Geneva."), None);
    }
}
