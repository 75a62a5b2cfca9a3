//! Publishing chrome: the word lists of `assets/boilerplate.toml` and the tests that find
//! share buttons, "Also Read:" lines, cookie banners, closing credits and "The post …
//! appeared first on …" lines.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The lists of `assets/boilerplate.toml`.
#[derive(Deserialize)]
pub(super) struct Chrome {
    /// A paragraph that starts with one of these is boilerplate.
    pub(super) prefixes: Vec<String>,
    /// A paragraph that is exactly one of these is boilerplate.
    pub(super) lines: Vec<String>,
    /// A short last paragraph starting with one of these is a credit line.
    pub(super) credit_prefixes: Vec<String>,
    /// The words of date stamps.
    pub(super) stamps: Stamps,
    /// The words and names that identify outlets.
    pub(super) outlets: Outlets,
    /// The words that tell a sentence from a headline.
    pub(super) headings: Headings,
}

/// Word lists that tell a sentence without its period from a headline.
#[derive(Deserialize)]
pub(super) struct Headings {
    /// Articles and possessives, which headlines leave out.
    pub(super) determiners: Vec<String>,
    /// How many of them make a line a sentence.
    pub(super) min_determiners: usize,
    /// Verbs that end an attribution ("…, he said").
    pub(super) attributions: Vec<String>,
}

/// Word lists for date stamps ("Updated: May 16, 2005, 6:03 PM ET").
#[derive(Deserialize)]
pub(super) struct Stamps {
    /// Words that say the date is the first publication.
    pub(super) published: Vec<String>,
    /// Words that say the date is a revision.
    pub(super) updated: Vec<String>,
    /// Words that may stand between the parts of a date.
    pub(super) connectives: Vec<String>,
    /// Month names and abbreviations, lowercase.
    pub(super) months: Vec<String>,
    /// Weekday names and abbreviations, lowercase.
    pub(super) weekdays: Vec<String>,
    /// Times of day and time zones, lowercase.
    pub(super) times: Vec<String>,
}

/// Word lists for naming outlets.
#[derive(Deserialize)]
pub(super) struct Outlets {
    /// Words that mark a name as an outlet's.
    pub(super) words: Vec<String>,
    /// Agencies by their lowercase form, with their display names.
    pub(super) agencies: HashMap<String, String>,
    /// Labels before a web address that say it is the report's source.
    pub(super) source_labels: Vec<String>,
    /// Hosts that are never a report's outlet (social networks, video sites, shorteners).
    pub(super) not_outlets: Vec<String>,
    /// Web hosts with their display names.
    pub(super) hosts: HashMap<String, String>,
}

/// The parsed asset.
pub(super) fn chrome() -> &'static Chrome {
    static CHROME: OnceLock<Chrome> = OnceLock::new();
    CHROME.get_or_init(|| {
        // The asset is compiled in and covered by tests, so a parse failure is a build bug.
        toml::from_str(include_str!("../../assets/boilerplate.toml"))
            .expect("assets/boilerplate.toml is valid")
    })
}

/// The words of `s`: whitespace-separated tokens holding a letter or digit.
pub(super) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Longest line, in words, that can still be a heading or a credit line.
pub(super) const MAX_HEADING_WORDS: usize = 14;

fn norm_line(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(')
        .to_lowercase()
}

/// Longest chrome entry we compare against, in chars: only that much of a statement is
/// lowercased, so checking every sentence stays cheap.
pub(super) const CHROME_HEAD_CHARS: usize = 48;

pub(super) fn is_chrome(para: &str) -> bool {
    let c = chrome();
    let trimmed = para.trim();
    if could_start_chrome(trimmed) && starts_with_prefix(trimmed, &c.prefixes) {
        return true;
    }
    let bare = trimmed.trim_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(');
    // Lowercasing never shortens a string in chars, so a longer `bare` cannot be a chrome
    // line: most sentences are rejected without lowercasing them (a char is at most four
    // bytes, so the byte length rejects most of them without counting chars).
    bare.len() <= 4 * longest_chrome_line()
        && bare.chars().count() <= longest_chrome_line()
        && c.lines.contains(&norm_line(bare))
}

/// Whether the first [`CHROME_HEAD_CHARS`] chars of `s`, lowercased, start with one of
/// `prefixes`. An ASCII head is lowercased into a buffer on the stack (ASCII lowercases to
/// the same bytes either way); any other goes through `char::to_lowercase`.
fn starts_with_prefix(s: &str, prefixes: &[String]) -> bool {
    let ascii = s.bytes().take(CHROME_HEAD_CHARS).take_while(u8::is_ascii);
    let mut buf = [0u8; CHROME_HEAD_CHARS];
    let mut n = 0;
    for (slot, b) in buf.iter_mut().zip(ascii) {
        *slot = b.to_ascii_lowercase();
        n += 1;
    }
    if n == CHROME_HEAD_CHARS || n == s.len() {
        let head = &buf[..n];
        // Comparing first bytes inline skips the call that compares the rest for most
        // prefixes.
        return prefixes.iter().any(|p| {
            let p = p.as_bytes();
            p.first().is_none_or(|f| head.first() == Some(f)) && head.starts_with(p)
        });
    }
    let head: String = s
        .chars()
        .take(CHROME_HEAD_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    prefixes.iter().any(|p| head.starts_with(p.as_str()))
}

/// Whether `s` lowercased could start with a chrome prefix, judged by its first char alone:
/// most sentences cannot, and need not be lowercased.
fn could_start_chrome(s: &str) -> bool {
    static FIRSTS: OnceLock<Option<Vec<char>>> = OnceLock::new();
    // `None` when some prefix is empty: then every string starts with one.
    let firsts = FIRSTS.get_or_init(|| {
        chrome()
            .prefixes
            .iter()
            .map(|p| p.chars().next())
            .collect::<Option<Vec<char>>>()
    });
    let Some(firsts) = firsts else {
        return true;
    };
    let first = s.chars().next().and_then(|c| c.to_lowercase().next());
    first.is_some_and(|f| firsts.contains(&f))
}

/// The length in chars of the longest chrome line.
fn longest_chrome_line() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| {
        chrome()
            .lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    })
}

/// A closing credit: "New York Times", "Reporting by Jane Doe; Editing by John Roe".
pub(super) fn is_credit_line(para: &str) -> bool {
    let lower = para.trim().to_lowercase();
    if chrome()
        .credit_prefixes
        .iter()
        .any(|p| lower.starts_with(p.as_str()))
    {
        return words(para).count() <= 2 * MAX_HEADING_WORDS;
    }
    let n = words(para).count();
    n > 0
        && n <= 6
        && !para.ends_with(['.', '!', '?', ':', '”', '"'])
        && words(para).all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "of" | "the" | "and" | "for" | "de" | "la")
        })
}

/// "The post TITLE appeared first on SITE" gives `(TITLE, SITE)`.
#[must_use]
pub fn appeared_first_on(s: &str) -> Option<(&str, &str)> {
    let marker = " appeared first on ";
    let at = find_by_byte(s, marker, MARKER_KEY)?;
    let site = s[at + marker.len()..]
        .trim()
        .trim_end_matches(['.', '!'])
        .trim();
    if site.is_empty() || words(site).count() > 6 {
        return None;
    }
    let head = s[..at].trim();
    let title = head
        .strip_prefix("The post ")
        .or_else(|| head.strip_prefix("The Post "))?;
    Some((title.trim(), site))
}

/// The byte of " appeared first on " its search looks for: the 'f' of "first", rarer in
/// prose than a space or a vowel.
const MARKER_KEY: usize = 10;

/// The first position of `needle` in `hay`, as `str::find` gives it, found by looking for
/// the needle's byte at `key` and comparing around each one. `str::find` builds a searcher
/// for its needle on every call, which costs more than the search itself on a sentence.
fn find_by_byte(hay: &str, needle: &str, key: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let k = *n.get(key)?;
    let mut from = key;
    while from < h.len() {
        let off = h[from..].iter().position(|&b| b == k)?;
        // Hits come in order, so the first full match is the first position.
        let at = from + off - key;
        if h.get(at..at + n.len()) == Some(n) {
            return Some(at);
        }
        from += off + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_found_where_str_find_finds_it() {
        let m = " appeared first on ";
        assert_eq!(m.as_bytes()[MARKER_KEY], b'f');
        for hay in [
            "",
            "f",
            " appeared first on ",
            "The post X appeared first on Y",
            "first f appeared first o appeared first on Z appeared first on W",
            "é appeared first on — ff appeared first onf",
            "appeared first on",
        ] {
            assert_eq!(find_by_byte(hay, m, MARKER_KEY), hay.find(m), "{hay:?}");
        }
    }

    proptest::proptest! {
        /// Pieces of the marker in any order: found where `str::find` finds it.
        #[test]
        fn the_marker_search_is_str_find(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                " appeared", " first", " on ", "f", " ", "é", "The post ", "appeared first on",
            ]), 0..12)
        ) {
            let hay: String = parts.concat();
            let m = " appeared first on ";
            proptest::prop_assert_eq!(find_by_byte(&hay, m, MARKER_KEY), hay.find(m));
        }

        /// ASCII heads compared on the stack decide as the lowercased heads did.
        #[test]
        fn prefixes_match_as_on_the_lowercased_head(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Share", "SHARE ", "also read", "ALSO READ:", "©", "(", "é", "\u{212a}", "İ", "x", " ",
                "this article", "Follow us", "Clic\u{212a} here",
            ]), 0..16)
        ) {
            let s: String = parts.concat();
            let p = &chrome().prefixes;
            let head: String = s.chars().take(CHROME_HEAD_CHARS).flat_map(char::to_lowercase).collect();
            let want = p.iter().any(|p| head.starts_with(p.as_str()));
            proptest::prop_assert_eq!(starts_with_prefix(&s, p), want);
        }
    }

    #[test]
    fn chrome_entries_fit_the_compared_head() {
        let c = chrome();
        for e in c.prefixes.iter().chain(&c.lines) {
            assert!(e.chars().count() <= CHROME_HEAD_CHARS, "{e}");
        }
        assert!(is_chrome("  Share this article "));
        assert!(is_chrome("ALSO READ: Inside the talks"));
        assert!(!is_chrome("Share prices fell sharply on Monday."));
        // The Kelvin sign lowercases to an ASCII 'k': such a head is not compared as ASCII.
        assert!(is_chrome("Clic\u{212a} here to read more"));
    }
}
