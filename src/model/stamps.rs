//! Lines about a report rather than in it: bylines ("By Jane Doe"), date stamps ("Updated:
//! May 16, 2005, 6:03 PM ET", "November 11, 2011") and the drawn rules of text tables
//! (datelines, which open a paragraph rather than fill it, are in `datelines`).
//!
//! Each test looks only at the shape of one paragraph and the word lists of
//! `assets/boilerplate.toml`; none needs to know the outlet.

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::chrome::{chrome, words};

/// Longest paragraph, in chars, that can be a byline or a date stamp.
const MAX_STAMP_CHARS: usize = 160;
/// Longest byline, in words.
const MAX_BYLINE_WORDS: usize = 16;
/// Longest date stamp, in tokens.
const MAX_STAMP_TOKENS: usize = 24;

/// The stamp word lists of `assets/boilerplate.toml` with the kind each gives, in the order
/// they are looked through.
fn lists() -> [(&'static Vec<String>, DateTok); 6] {
    let s = &chrome().stamps;
    [
        (&s.months, DateTok::Month),
        (&s.weekdays, DateTok::Weekday),
        (&s.times, DateTok::Time),
        (&s.published, DateTok::Published),
        (&s.updated, DateTok::Updated),
        (&s.connectives, DateTok::Connective),
    ]
}

/// The kind of every listed stamp word, looked up once instead of scanning the lists in
/// turn: a word in several lists keeps the first of months, weekdays, times, published,
/// updated, connectives, the order the lists were scanned in.
fn listed() -> &'static HashMap<&'static str, DateTok, FixedState> {
    static LISTED: OnceLock<HashMap<&'static str, DateTok, FixedState>> = OnceLock::new();
    LISTED.get_or_init(|| {
        let mut map = HashMap::default();
        for (list, kind) in lists() {
            for w in list {
                map.entry(w.as_str()).or_insert(kind);
            }
        }
        map
    })
}

/// What one token of a would-be date stamp is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateTok {
    Month,
    Weekday,
    /// Digits with date or time punctuation: "11", "24th", "19:04", "5/5/2010", "9:03am".
    Number,
    /// A time of day or time zone word: "PM", "IST", "GMT+05".
    Time,
    /// "Published", "Posted": the date is the first publication.
    Published,
    /// "Updated", "Last": the date is a revision.
    Updated,
    /// "on", "at", "|", "-".
    Connective,
    Other,
}

pub(super) fn classify_token(raw: &str) -> DateTok {
    let t = raw
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if t.is_empty() {
        return DateTok::Connective;
    }
    let s = &chrome().stamps;
    if let Some(&kind) = listed().get(t.as_str()) {
        return kind;
    }
    // "gmt+05", "utc-4": a zone with an offset.
    let zone = t.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | ':'));
    if zone.len() < t.len() && s.times.iter().any(|w| w == zone) {
        return DateTok::Time;
    }
    if t.chars().any(|c| c.is_ascii_digit()) {
        // "24th", "9:03am", "12:28pm": a suffix that is an ordinal or a time of day.
        let digits_end = t.rfind(|c: char| c.is_ascii_digit()).map_or(0, |i| i + 1);
        let suffix = &t[digits_end..];
        let suffix_ok = suffix.is_empty()
            || matches!(suffix, "st" | "nd" | "rd" | "th" | "h" | "hrs")
            || s.times.iter().any(|w| w == suffix);
        let body_ok = t[..digits_end]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-' | '+' | ','));
        if suffix_ok && body_ok {
            return DateTok::Number;
        }
    }
    DateTok::Other
}

/// A date stamp: a line made only of dates, times, stamp words and connectives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp<'a> {
    /// The date of first publication it states ("April 23, 2013 9:39 AM"), if any: a
    /// revision stamp ("Updated …") states none.
    pub published: Option<&'a str>,
}

/// The date stamp `para` is, if it is one ("Posted: Apr 02, 2009 11:06 PM CEST",
/// "Thursday, Apr 2, 2009 | Updated 1:32 PM PDT", "on February 4, 2009").
#[must_use]
pub fn stamp(para: &str) -> Option<Stamp<'_>> {
    if para.contains('\n') || para.len() > 4 * MAX_STAMP_CHARS {
        return None;
    }
    // Most paragraphs are prose: too long, without a digit, or with a first word that is no
    // date word; they are rejected before any token is classified.
    if para.chars().count() > MAX_STAMP_CHARS || !para.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut tokens: Vec<(&str, DateTok)> = Vec::new();
    for t in para.split_whitespace() {
        let kind = classify_token(t);
        if kind == DateTok::Other || tokens.len() == MAX_STAMP_TOKENS {
            return None;
        }
        tokens.push((t, kind));
    }
    if tokens.is_empty() {
        return None;
    }
    if !tokens.iter().any(|(_, k)| *k == DateTok::Number) {
        return None;
    }
    // A bare number ("2013", "20-13") is no stamp: it needs a month, a weekday, a time, a
    // stamp word, or a number shaped like a date or a clock.
    let dated = tokens.iter().any(|(t, k)| match k {
        DateTok::Month | DateTok::Weekday | DateTok::Time => true,
        DateTok::Published | DateTok::Updated => true,
        DateTok::Number => t.contains([':', '/']),
        _ => false,
    });
    if !dated {
        return None;
    }
    let published = para
        .split(['|', '•', '·'])
        .find_map(published_part)
        .filter(|p| !p.is_empty());
    Some(Stamp { published })
}

/// One `|`-separated part of a stamp: its date, without the stamp words before it and up
/// to any revision after it ("22 July 2013 Last updated at 17:50 GMT" gives "22 July 2013"),
/// unless it is a revision ("Updated 1:32 PM PDT") or holds only a time ("8:24am").
fn published_part(part: &str) -> Option<&str> {
    let mut start = None;
    let mut end = part.len();
    let mut dated = false;
    for (at, token) in token_spans(part) {
        let kind = classify_token(token);
        match (start, kind) {
            (None, DateTok::Updated) => return None,
            (None, DateTok::Published | DateTok::Connective) => continue,
            (Some(_), DateTok::Updated) => {
                end = at;
                break;
            }
            (None, _) => start = Some(at),
            _ => {}
        }
        dated |= match kind {
            DateTok::Month | DateTok::Weekday => true,
            DateTok::Number => {
                // "5/5/2010", or a year: four digits alone.
                let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
                token.contains('/') || (bare.len() == 4 && bare.bytes().all(|b| b.is_ascii_digit()))
            }
            _ => false,
        };
    }
    let date = part[start?..end].trim_end_matches([',', ' ', '-', '.', ':']);
    (dated && !date.is_empty()).then_some(date)
}

/// The whitespace-separated tokens of `s` with their byte offsets.
fn token_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// A byline: the names it gives, and any outlet named after them ("By Jane Doe, Reuters").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline<'a> {
    /// The author or authors, as written ("Jane Doe and John Roe").
    pub author: &'a str,
    /// What follows the names after a comma, bar or dash ("Reuters", "Associated Press
    /// Writer"), if anything.
    pub rest: Option<&'a str>,
}

/// The byline `para` is, if it is one: "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane
/// Doe | Updated: Nov 11". "By the time it arrived, …" and "By Friday, …" are sentences.
#[must_use]
pub fn byline(para: &str) -> Option<Byline<'_>> {
    if para.contains('\n') || para.len() > 4 * MAX_STAMP_CHARS {
        return None;
    }
    let rest = para
        .strip_prefix("By ")
        .or_else(|| para.strip_prefix("BY "))?
        .trim_start();
    if words(rest).count() > MAX_BYLINE_WORDS || rest.ends_with(['!', '?', ':', ';']) {
        return None;
    }
    let cut = rest
        .find([',', '|', '•', '—', '–'])
        .or_else(|| rest.find(" - "))
        .unwrap_or(rest.len());
    let names = rest[..cut].trim();
    let after = rest[cut..]
        .trim_start_matches([',', '|', '•', '—', '–', '-', ' '])
        .trim();
    let tokens: Vec<&str> = names.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 8 {
        return None;
    }
    let first = tokens[0];
    if matches!(
        classify_token(first),
        DateTok::Month | DateTok::Weekday | DateTok::Number | DateTok::Time
    ) {
        return None;
    }
    let name_like = tokens.iter().all(|t| {
        t.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                *t,
                "and" | "&" | "de" | "van" | "von" | "der" | "da" | "di" | "del" | "la" | "le"
            )
    });
    // A sentence ends with a period after a word; a name may end with an initial ("Jr.").
    let last = tokens[tokens.len() - 1];
    let ends_sentence =
        last.ends_with('.') && last.chars().filter(|c| c.is_alphabetic()).count() > 3;
    if !name_like || ends_sentence || !names.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(Byline {
        author: names,
        rest: (!after.is_empty()).then_some(after),
    })
}

/// Whether `para` is part of a table drawn with characters: a rule line without letters
/// or digits ("────", "+----+", "|====|"), or a row between box-drawing bars
/// ("│ Name │ Votes │").
#[must_use]
pub fn is_drawn_table(para: &str) -> bool {
    para.lines().all(|line| {
        let line = line.trim();
        let boxed = |c: char| ('\u{2500}'..='\u{257F}').contains(&c);
        // Cheapest tests first: prose fails the bare-rule test at its first letter, before
        // any rule char is counted.
        let bare = || {
            !line.chars().any(char::is_alphanumeric)
                && line
                    .chars()
                    .filter(|&c| boxed(c) || matches!(c, '-' | '=' | '+' | '|' | '_'))
                    .count()
                    >= 3
        };
        let row = line.starts_with(boxed)
            || line.ends_with(boxed)
            || (line.len() > 1 && line.starts_with('|') && line.ends_with('|'));
        line.is_empty() || row || bare()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_take_the_first_list_that_holds_them() {
        let lists = lists();
        for (list, _) in &lists {
            for w in *list {
                let first = lists.iter().find(|(l, _)| l.contains(w)).map(|(_, k)| *k);
                assert_eq!(listed().get(w.as_str()).copied(), first, "{w}");
            }
        }
    }

    #[test]
    fn date_stamps_are_recognised_and_say_when_published() {
        fn published(s: &str) -> Option<Option<&str>> {
            stamp(s).map(|s| s.published)
        }
        assert_eq!(
            published("Last updated on: November 11, 2011 19:04 IST"),
            Some(None)
        );
        assert_eq!(
            published("Published: April 23, 2013 9:39 AM"),
            Some(Some("April 23, 2013 9:39 AM"))
        );
        assert_eq!(
            published("Thursday, Apr 2, 2009 | Updated 1:32 PM PDT"),
            Some(Some("Thursday, Apr 2, 2009"))
        );
        assert_eq!(
            published("Originally published 05/03/2013 at 10:20 AM EDT"),
            Some(Some("05/03/2013 at 10:20 AM EDT"))
        );
        assert_eq!(
            published("May 2, 2013 1:35 pm"),
            Some(Some("May 2, 2013 1:35 pm"))
        );
        assert_eq!(
            published("22 July 2013 Last updated at 17:50 GMT"),
            Some(Some("22 July 2013"))
        );
        assert_eq!(published("8:24am:"), Some(None));
        assert_eq!(published("Posted 12:30"), Some(None));
        assert_eq!(published("Posted 2013"), Some(Some("2013")));
        assert_eq!(published("11/09/2010"), Some(Some("11/09/2010")));
        assert!(published("26 September 2013, 10:00 (GMT+05: 00)").is_some());
        assert_eq!(
            published("9/10/2010 @ 1:19PM"),
            Some(Some("9/10/2010 @ 1:19PM"))
        );
        for not in [
            "COLTS TOP CHIEFS, 20-13, REACH PLAYOFFS",
            "2013",
            "Updated",
            "The deadline is May 2, 2013.",
            "Published by the ministry on May 2",
        ] {
            assert_eq!(stamp(not), None, "{not}");
        }
    }

    #[test]
    fn bylines_are_names_after_by() {
        assert_eq!(
            byline("By Jane Doe"),
            Some(Byline {
                author: "Jane Doe",
                rest: None
            })
        );
        let b = byline("By JANE DOE and JOHN ROE, Reuters").unwrap();
        assert_eq!(
            (b.author, b.rest),
            ("JANE DOE and JOHN ROE", Some("Reuters"))
        );
        let b = byline("By Jane Doe | Updated: Nov 11, 2023").unwrap();
        assert_eq!(b.author, "Jane Doe");
        for not in [
            "By the time it arrived, the man had been transported.",
            "By Saturday, at least 6,000 Web sites had been infected.",
            "By 5:00pm Monday, selection was winding down.",
            "By overturning the regulation, Obama said so.",
            "By Tuesday Evening The Talks Had Collapsed Entirely.",
        ] {
            assert_eq!(byline(not), None, "{not}");
        }
    }

    #[test]
    fn drawn_tables_are_recognised() {
        assert!(is_drawn_table("────────────"));
        assert!(is_drawn_table("+-----+-----+\n| a   | b   |"));
        assert!(is_drawn_table("│ Name │ Votes │"));
        assert!(!is_drawn_table("Putin - Trump"));
        assert!(!is_drawn_table("The vote was 52-48."));
    }
}
