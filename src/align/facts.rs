//! Facts inside one statement that two reports can disagree on: quantities (a number, its
//! unit and its hedge), dates (years, months, weekdays) and quotations.
//!
//! Extraction works on the corpus's tokens ([`super::tokens`]), so each fact knows its byte range and
//! its words can be quoted back in a [`super::Difference`].

use std::ops::Range;

use super::lexicon::{
    hedge_word, lexicon, month, number_word, ratio_word, scale_word, time_unit, weekday,
};
use super::text::TokenKind;
use super::tokens::{TokenRef, Toks};

/// What a quantity measures; two quantities are comparable only when their dimensions match.
#[derive(Debug, Clone, PartialEq)]
pub enum Dimension {
    /// A span of time; the value is in hours.
    Duration,
    /// A percentage.
    Percent,
    /// Money; the value is in the currency's units (the currency is not compared).
    Money,
    /// A multiple: "double" is 2.
    Ratio,
    /// A count of something: the stem of the counted noun ("people" → "peopl").
    Count(String),
}

/// A number with its unit and hedge: "nearly three-hour", "48 hours", "25%".
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Value in the dimension's base unit.
    pub value: f64,
    /// What is measured.
    pub dim: Dimension,
    /// The hedge word before it ("nearly", "more than" → "than"), if any.
    pub hedge: Option<String>,
    /// Byte range covering hedge, number and unit.
    pub span: Range<usize>,
}

/// A calendar reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// A year (1900–2100).
    Year(i32),
    /// A month, with its day when one is given.
    Month(u8, Option<u8>),
    /// A weekday, Monday = 1.
    Weekday(u8),
}

/// A date fact and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    /// What it names.
    pub part: DatePart,
    /// Byte range in the statement.
    pub span: Range<usize>,
}

/// A quotation: the words between quote marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte range of the quoted words (marks excluded).
    pub span: Range<usize>,
    /// Indices of its tokens in the statement's token list.
    pub tokens: Range<usize>,
}

fn word_value(t: &TokenRef<'_>) -> Option<f64> {
    match t.kind {
        TokenKind::Number if t.norm.bytes().all(|b| b.is_ascii_digit() || b == b'.') => t.value,
        TokenKind::Word => number_word(t.norm),
        _ => None,
    }
}

fn is_year(t: &TokenRef<'_>) -> Option<i32> {
    let v = t.value?;
    #[allow(clippy::cast_possible_truncation)]
    let y = v as i32;
    (t.kind == TokenKind::Number
        && t.norm.len() == 4
        && (1900..=2100).contains(&y)
        && f64::from(y) == v)
        .then_some(y)
}

/// The content noun just before a bare number ("magnitude at 6.1"), skipping a linking word.
fn measured_noun(toks: Toks<'_>, first: usize) -> Option<String> {
    let mut k = first;
    let lex = lexicon();
    let mut skips = 2;
    while skips > 0 {
        skips -= 1;
        k = k.checked_sub(1)?;
        let t = toks.at(k);
        if matches!(
            t.norm,
            "-" | "at" | "of" | "to" | "was" | "is" | "a" | "about"
        ) {
            continue;
        }
        // "toll climbs to 15": the number measures the noun before the verb of change.
        if lex.is_change_verb(t.norm) {
            skips += 1;
            continue;
        }
        return (t.kind == TokenKind::Word
            && !t.capitalised
            && t.norm.len() > 3
            && !lex.is_stopword(t.norm)
            && number_word(t.norm).is_none())
        .then(|| lex.stem(t.norm));
    }
    None
}

/// The quantities of a statement, in order.
#[must_use]
pub fn quantities(toks: Toks<'_>) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Punctuation never starts a quantity, nor does a word that is neither an article, a
        // ratio nor a number word: skipped by kind and form, without reading the whole token.
        let skip = match toks.kind(i) {
            TokenKind::Punct => true,
            TokenKind::Word => {
                let w = toks.norm(i);
                !matches!(w, "a" | "an") && ratio_word(w).is_none() && number_word(w).is_none()
            }
            TokenKind::Number => false,
        };
        if skip {
            i += 1;
            continue;
        }
        let t = toks.at(i);
        // "a day" / "an hour": the article counts as one when a time unit follows.
        let article = matches!(t.norm, "a" | "an")
            && toks.get(i + 1).is_some_and(|n| time_unit(n.norm).is_some());
        if let Some(r) = ratio_word(t.norm).filter(|_| t.kind == TokenKind::Word) {
            out.push(Quantity {
                value: r,
                dim: Dimension::Ratio,
                hedge: None,
                span: t.span.clone(),
            });
            i += 1;
            continue;
        }
        let Some(mut value) = word_value(&t).or(article.then_some(1.0)) else {
            i += 1;
            continue;
        };
        if is_year(&t).is_some() && toks.get(i + 1).is_none_or(|n| n.norm != "percent") {
            i += 1;
            continue;
        }
        // A day of the month belongs to the date, not to a quantity.
        if i > 0 && month(toks.norm(i - 1)).is_some() && toks.at(i - 1).capitalised {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // "twenty-five", "2 million"
        while let Some(n) = toks.get(j) {
            if let Some(s) = scale_word(n.norm) {
                value *= s;
                j += 1;
            } else if n.norm == "-" && toks.get(j + 1).as_ref().and_then(word_value).is_some() {
                value += toks.get(j + 1).as_ref().and_then(word_value).unwrap_or(0.0);
                j += 2;
            } else {
                break;
            }
        }
        let money = i > 0 && matches!(toks.norm(i - 1), "$" | "€" | "£" | "¥");
        let mut first = if money { i - 1 } else { i };
        // Skip a hyphen: "three-hour".
        let mut u = j;
        if toks.get(u).is_some_and(|n| n.norm == "-") {
            u += 1;
        }
        let unit = toks.get(u);
        let unit = unit.as_ref();
        let (dim, value, end) = if money {
            (Dimension::Money, value, j)
        } else if let Some(h) = unit.and_then(|n| time_unit(n.norm)) {
            // "a 12-year-old": an age, not a span of time.
            let old = |k: usize| toks.get(k).is_some_and(|n| n.norm == "old");
            if old(u + 1) || (toks.get(u + 1).is_some_and(|n| n.norm == "-") && old(u + 2)) {
                let end = if old(u + 1) { u + 2 } else { u + 3 };
                (Dimension::Count("age".into()), value, end)
            } else {
                (Dimension::Duration, value * h, u + 1)
            }
        } else if unit.is_some_and(|n| n.norm == "percent") {
            let e = if toks.get(u + 1).is_some_and(|n| n.norm == "cent") {
                u + 2
            } else {
                u + 1
            };
            (Dimension::Percent, value, e)
        } else if unit.is_some_and(|n| matches!(n.norm, "per"))
            && toks.get(u + 1).is_some_and(|n| n.norm == "cent")
        {
            (Dimension::Percent, value, u + 2)
        } else if unit.is_some_and(|n| matches!(n.norm, "dollars" | "euros" | "pounds")) {
            (Dimension::Money, value, u + 1)
        } else if let Some(n) = unit.filter(|n| {
            n.kind == TokenKind::Word
                && !n.capitalised
                && n.norm.len() > 2
                && !lexicon().is_stopword(n.norm)
        }) {
            if article {
                i += 1;
                continue;
            }
            (Dimension::Count(lexicon().stem(n.norm)), value, u + 1)
        } else if let Some(noun) = measured_noun(toks, first) {
            // "magnitude 6.1", "a magnitude-5.4 quake": the noun before names what is counted.
            (Dimension::Count(format!("<{noun}")), value, j)
        } else {
            i = j.max(i + 1);
            continue;
        };
        let mut hedge = None;
        if first > 0 {
            let p = toks.norm(first - 1);
            if hedge_word(p) {
                hedge = Some(p.to_owned());
                first -= 1;
                // "more than", "at least", "up to": keep both words in the span.
                if first > 0
                    && matches!(
                        (toks.norm(first - 1), p),
                        ("more" | "less" | "fewer", "than") | ("at", "least")
                    )
                {
                    hedge = Some(format!("{} {}", toks.norm(first - 1), p));
                    first -= 1;
                } else if p == "than" && first > 0 {
                    // "longer than eight years" bounds like "more than eight years".
                    let bound = match toks.norm(first - 1) {
                        "longer" | "greater" | "larger" | "higher" | "bigger" | "older" => {
                            Some("more than")
                        }
                        "shorter" | "smaller" | "lower" | "younger" => Some("less than"),
                        _ => None,
                    };
                    if let Some(h) = bound {
                        hedge = Some(h.into());
                        first -= 1;
                    }
                }
            } else if p == "to" && first > 1 && toks.norm(first - 2) == "up" {
                hedge = Some("up to".into());
                first -= 2;
            }
        }
        out.push(Quantity {
            value,
            dim,
            hedge,
            span: toks.span(first).start..toks.span(end - 1).end,
        });
        i = end;
    }
    out
}

/// The dates of a statement, in order.
#[must_use]
pub fn dates(toks: Toks<'_>) -> Vec<DateFact> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        // Only numbers and capitalised words can be dates: the others are skipped by their
        // kind and flags, without reading the whole token.
        // A year has four digits; a capitalised word is a date only as a weekday or month.
        let kind = toks.kind(i);
        let candidate = match kind {
            TokenKind::Number => toks.norm(i).len() == 4,
            TokenKind::Word if toks.capitalised(i) => {
                let w = toks.norm(i);
                weekday(w).is_some() || month(w).is_some()
            }
            _ => false,
        };
        if !candidate {
            continue;
        }
        let t = toks.at(i);
        if let Some(y) = is_year(&t) {
            out.push(DateFact {
                part: DatePart::Year(y),
                span: t.span.clone(),
            });
        } else if t.kind == TokenKind::Word && t.capitalised {
            if let Some(d) = weekday(t.norm).filter(|_| t.norm.len() > 3) {
                out.push(DateFact {
                    part: DatePart::Weekday(d),
                    span: t.span.clone(),
                });
            } else if let Some(m) = month(t.norm).filter(|_| t.norm.len() > 3 || t.norm == "may") {
                let next = toks.get(i + 1);
                let day = next
                    .as_ref()
                    .filter(|n| n.kind == TokenKind::Number)
                    .and_then(|n| n.value)
                    .filter(|v| (1.0..=31.0).contains(v) && v.fract() == 0.0);
                // "May" is a month only next to a number or after "in"/"of"/"since".
                let dated = day.is_some()
                    || next.as_ref().is_some_and(|n| is_year(n).is_some())
                    || (i > 0 && matches!(toks.norm(i - 1), "in" | "of" | "since" | "until"));
                if t.norm == "may" && !dated {
                    continue;
                }
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let day_u8 = day.map(|v| v as u8);
                let end = if day.is_some() {
                    toks.span(i + 1).end
                } else {
                    t.span.end
                };
                out.push(DateFact {
                    part: DatePart::Month(m, day_u8),
                    span: t.span.start..end,
                });
            }
        }
    }
    out
}

fn is_open_quote(toks: Toks<'_>, i: usize, text: &str) -> Option<char> {
    let span = toks.span(i);
    let raw = text[span.clone()].chars().next()?;
    match raw {
        '“' | '«' | '„' => Some('”'),
        '"' => Some('"'),
        '‘' => Some('’'),
        '\'' if i == 0 || toks.span(i - 1).end < span.start => Some('\''),
        _ => None,
    }
}

/// A quote over tokens `r`, without the punctuation at its ends ("constructive," → "constructive").
fn trimmed(toks: Toks<'_>, mut r: Range<usize>) -> Option<Quote> {
    while r.start < r.end && toks.kind(r.start) == TokenKind::Punct {
        r.start += 1;
    }
    while r.end > r.start && toks.kind(r.end - 1) == TokenKind::Punct {
        r.end -= 1;
    }
    (r.start < r.end).then(|| Quote {
        span: toks.span(r.start).start..toks.span(r.end - 1).end,
        tokens: r,
    })
}

/// The quotations of a statement: text between matching quote marks, at least one word long.
#[must_use]
pub fn quotes(toks: Toks<'_>, text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut i = 0;
    // An odd number of straight double quotes means the statement began inside a quotation
    // that an earlier sentence opened: its first mark closes, it does not open.
    let straight: Vec<usize> = (0..toks.len())
        .filter(|&k| text[toks.span(k)].starts_with('"'))
        .collect();
    if straight.len() % 2 == 1 {
        i = straight[0] + 1;
    }
    while i < toks.len() {
        let Some(close) = is_open_quote(toks, i, text) else {
            i += 1;
            continue;
        };
        let found = (i + 1..toks.len()).find(|&j| {
            let raw = text[toks.span(j)].chars().next();
            toks.kind(j) == TokenKind::Punct
                && (raw == Some(close)
                    || (close == '”' && raw == Some('"'))
                    || (close == '"' && raw == Some('”')))
        });
        match found {
            Some(j) if j > i + 1 => {
                out.extend(trimmed(toks, i + 1..j));
                i = j + 1;
            }
            // An unclosed quote runs to the end of the statement (the sentence splitter cuts
            // multi-sentence quotes), as long as it holds words.
            None if toks.len() > i + 2 && close != '\'' => {
                out.extend(trimmed(toks, i + 1..toks.len()));
                break;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::Tokenised;
    use super::*;

    fn tokenize(s: &str) -> Tokenised {
        Tokenised::new(&[s])
    }

    fn q(s: &str) -> Vec<(f64, Dimension, Option<String>, String)> {
        let t = tokenize(s);
        quantities(t.view(0))
            .into_iter()
            .map(|q| (q.value, q.dim, q.hedge, s[q.span].to_owned()))
            .collect()
    }

    #[test]
    fn durations_in_words_and_digits_share_a_unit() {
        assert_eq!(q("looming just a day away")[0].0, 24.0);
        assert_eq!(q("just 48 hours before")[0].0, 48.0);
        assert_eq!(q("within two days")[0].0, 48.0);
        let n = q("a nearly three-hour meeting");
        assert_eq!(n[0].0, 3.0);
        assert_eq!(n[0].2.as_deref(), Some("nearly"));
        assert_eq!(n[0].3, "nearly three-hour");
    }

    #[test]
    fn a_comparative_before_than_bounds_like_more_or_less() {
        let n = q("a contract longer than eight years");
        assert_eq!(n[0].2.as_deref(), Some("more than"));
        assert_eq!(n[0].3, "longer than eight years");
        assert_eq!(
            q("fewer than 10 people")[0].2.as_deref(),
            Some("fewer than")
        );
        assert_eq!(q("smaller than 5%")[0].2.as_deref(), Some("less than"));
    }

    #[test]
    fn percentages_money_counts_and_ratios() {
        assert_eq!(q("an additional 25% tariff")[0].1, Dimension::Percent);
        assert_eq!(q("25 per cent")[0].1, Dimension::Percent);
        let m = q("$2 million in aid");
        assert_eq!((m[0].0, m[0].1.clone()), (2e6, Dimension::Money));
        assert_eq!(q("more than 300 people")[0].2.as_deref(), Some("more than"));
        assert_eq!(q("double tariffs")[0].1, Dimension::Ratio);
        assert!(q("in June 2021").is_empty());
    }

    #[test]
    fn dates_find_years_months_and_weekdays() {
        let s = "met in Geneva in June 2021 and again on Wednesday, not in May";
        let d: Vec<DatePart> = dates(tokenize(s).view(0))
            .into_iter()
            .map(|d| d.part)
            .collect();
        assert_eq!(
            d,
            [
                DatePart::Month(6, None),
                DatePart::Year(2021),
                DatePart::Weekday(3),
                DatePart::Month(5, None)
            ]
        );
        assert!(dates(tokenize("Trump may meet Putin").view(0)).is_empty());
    }

    #[test]
    fn quotes_between_curly_straight_and_single_marks() {
        let s = "a “very good chance” and ‘the main thing’ and \"useful\"";
        let t = tokenize(s);
        let got: Vec<&str> = quotes(t.view(0), s)
            .into_iter()
            .map(|q| &s[q.span])
            .collect();
        assert_eq!(got, ["very good chance", "the main thing", "useful"]);
    }
}
