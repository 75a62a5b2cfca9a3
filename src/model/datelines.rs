//! Datelines: the place, date and agency that open a report's first paragraph
//! ("WASHINGTON (Reuters) -", "Mumbai, Nov 11 -", "WASHINGTON-April 27 -"). The dateline is
//! about the report, the text after its dash is the report's first sentence.
//!
//! Like the other stamps, a dateline is told by its shape alone; the date words come from
//! `stamps`' token classes.

use super::stamps::{classify_token, DateTok};

/// How far into a paragraph a dateline's dash may stand, in bytes.
const MAX_DATELINE_BYTES: usize = 100;

/// A dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// Byte offset just after the dateline's dash.
    pub end: usize,
    /// Byte offset of the text after it.
    pub rest: usize,
    /// The agency it names in parentheses ("Reuters", "AP"), if any.
    pub agency: Option<&'a str>,
}

/// The dateline that opens `para`, if any: a place (in capitals, or followed by a date or
/// an agency), an optional date and agency, then a dash and the first sentence:
/// "WASHINGTON (Reuters) - …", "Mumbai, Nov 11 - …", "WASHINGTON-April 27 - …",
/// "KYIV, Ukraine (AP) — …", "LONDON — …".
#[must_use]
pub fn dateline(para: &str) -> Option<Dateline<'_>> {
    let mut limit = para.len().min(MAX_DATELINE_BYTES);
    while !para.is_char_boundary(limit) {
        limit -= 1;
    }
    let (dash_start, dash_end) = para[..limit]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '-' | '–' | '—'))
        .find_map(|(i, _)| {
            let run = para[i..].trim_start_matches(['-', '–', '—']);
            let end = para.len() - run.len();
            let spaced_after = run.starts_with(char::is_whitespace);
            let spaced_before = para[..i].ends_with(|c: char| c.is_whitespace() || c == ')');
            (spaced_after && spaced_before).then_some((i, end))
        })?;
    let rest_text = para[dash_end..].trim_start();
    if rest_text.is_empty() {
        return None;
    }
    let agency = parse_head(para[..dash_start].trim_end())?;
    Some(Dateline {
        end: dash_end,
        rest: para.len() - rest_text.len(),
        agency,
    })
}

/// The head of a would-be dateline: `Some(agency)` when it is one.
fn parse_head(head: &str) -> Option<Option<&str>> {
    if head.is_empty() || head.split_whitespace().count() > 10 {
        return None;
    }
    let (head, agency) = match head.strip_suffix(')') {
        Some(inner) => {
            let open = inner.rfind('(')?;
            let agency = inner[open + 1..].trim();
            let n = agency.split_whitespace().count();
            let capital = agency.chars().next().is_some_and(char::is_uppercase);
            if n == 0 || n > 4 || !capital || agency.chars().any(|c| c.is_ascii_digit()) {
                return None;
            }
            (inner[..open].trim_end().trim_end_matches(','), Some(agency))
        }
        None => (head, None),
    };
    let mut parts: Vec<&str> = head.split(',').map(str::trim).collect();
    // "WASHINGTON-April 27": a capitalised place glued to a date.
    if let Some((place, date)) = parts[0].split_once('-') {
        if is_allcaps(place) && date.starts_with(char::is_uppercase) {
            parts.splice(0..1, [place, date]);
        }
    }
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let date = parts.last().copied().filter(|p| is_date_phrase(p));
    let places = &parts[..parts.len() - usize::from(date.is_some())];
    if places.is_empty() || places.len() > 3 || !places.iter().all(|p| is_place(p)) {
        return None;
    }
    (agency.is_some() || date.is_some() || is_allcaps(places[0])).then_some(agency)
}

/// "NEW YORK", "St. Louis", "Kyiv", "NEW YORK/WASHINGTON": up to four capitalised words.
fn is_place(s: &str) -> bool {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    !tokens.is_empty()
        && tokens.len() <= 4
        && tokens.iter().all(|t| {
            t.chars().next().is_some_and(char::is_uppercase)
                && t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '/' | '-'))
                && !matches!(classify_token(t), DateTok::Month | DateTok::Weekday)
        })
}

fn is_allcaps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && s.chars().all(|c| !c.is_lowercase())
}

/// "Nov 11", "April 27, 2013", "Thursday": a date without other words.
fn is_date_phrase(s: &str) -> bool {
    let kinds: Vec<DateTok> = s.split_whitespace().map(classify_token).collect();
    !kinds.is_empty()
        && kinds.iter().all(|k| {
            matches!(
                k,
                DateTok::Month | DateTok::Weekday | DateTok::Number | DateTok::Connective
            )
        })
        && kinds
            .iter()
            .any(|k| matches!(k, DateTok::Month | DateTok::Weekday))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_end_at_their_dash() {
        let cases = [
            (
                "WASHINGTON (Reuters) - The U.S. Senate voted.",
                Some("Reuters"),
            ),
            ("Mumbai, Nov 11 - The Navy said so.", None),
            ("WASHINGTON-April 27 - Officials met.", None),
            ("KYIV, Ukraine (AP) — Russia struck.", Some("AP")),
            ("LONDON — Prices rose.", None),
            (
                "NEW YORK/WASHINGTON, Nov 3 (Reuters) -- Stocks fell.",
                Some("Reuters"),
            ),
        ];
        for (text, agency) in cases {
            let d = dateline(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.agency, agency, "{text}");
            assert!(text[..d.end].ends_with(['-', '—']), "{text}");
            assert!(text[d.rest..].starts_with(char::is_uppercase), "{text}");
        }
        for not in [
            "Trump - who spoke on Monday - said so.",
            "Paris, France - the city of light.",
            "The talks - if they happen - will be hard.",
            "Moscow has said - again - that it will meet.",
            "WASHINGTON (Reuters) -",
        ] {
            assert_eq!(dateline(not), None, "{not}");
        }
    }
}
