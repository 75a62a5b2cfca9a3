//! Dates in one statement: years, months (with their day) and weekdays, each with its byte
//! range, for the date conflicts of a link ("Tuesday" / "Wednesday", "June 2021" / "2020").

use std::ops::Range;

use super::is_year;
use crate::align::lexicon::{month, weekday};
use crate::align::text::TokenKind;
use crate::align::tokens::Toks;

/// A calendar reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// A year (1900–2100).
    Year(i32),
    /// A month, with its day when one is given.
    Month(u8, Option<u8>),
    /// A weekday, Monday = 1.
    Weekday(u8),
    /// A decade, by its first year ("the 1990s": 1990).
    Decade(i32),
}

/// The month and day of an ISO date whose year is token `i` ("2015-09-03", written as one
/// word), and the token after it.
pub(crate) fn iso_date(toks: Toks<'_>, i: usize) -> Option<(u8, u8, usize)> {
    let part = |k: usize, hi: u8| {
        let t = toks.get(k)?;
        let n = t.norm;
        (t.kind == TokenKind::Number && n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit()))
            .then(|| n.parse::<u8>().ok())
            .flatten()
            .filter(|v| (1..=hi).contains(v))
    };
    let joined = |k: usize| {
        toks.get(k).is_some_and(|d| d.norm == "-")
            && toks.span(k - 1).end == toks.span(k).start
            && toks
                .get(k + 1)
                .is_some_and(|n| n.span.start == toks.span(k).end)
    };
    (toks.norm(i).len() == 4 && joined(i + 1) && joined(i + 3)).then_some(())?;
    Some((part(i + 2, 12)?, part(i + 4, 31)?, i + 5))
}

/// The value of token `k` when it can be a day of a month: a whole number from 1 to 31.
fn day_at(toks: Toks<'_>, k: usize) -> Option<f64> {
    toks.get(k)
        .filter(|t| t.kind == TokenKind::Number)
        .and_then(|t| t.value)
        .filter(|v| (1.0..=31.0).contains(v) && v.fract() == 0.0)
}

/// Whether the number at token `i` is the day of a month written next to it ("Sept. 3",
/// "March 3", "3 September"), which belongs to the date, not to a quantity.
pub(crate) fn day_of_month(toks: Toks<'_>, i: usize) -> bool {
    let named = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.capitalised && t.kind == TokenKind::Word && month(t.norm).is_some())
    };
    let before = i
        .checked_sub(1)
        .is_some_and(|k| named(k) || (toks.norm(k) == "." && k.checked_sub(1).is_some_and(named)));
    day_at(toks, i).is_some() && (before || named(i + 1))
}

/// A date fact and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact {
    /// What it names.
    pub part: DatePart,
    /// Byte range in the statement.
    pub span: Range<usize>,
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
        let w = toks.norm(i);
        // "1990s", whichever kind the tokenizer gives it.
        let decade =
            w.len() == 5 && w.ends_with("0s") && w.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        let candidate = decade
            || match kind {
                TokenKind::Number => w.len() == 4,
                TokenKind::Word => {
                    toks.capitalised(i) && (weekday(w).is_some() || month(w).is_some())
                }
                _ => false,
            };
        if !candidate {
            continue;
        }
        let t = toks.at(i);
        if decade {
            let year = t.norm[..4]
                .parse::<i32>()
                .ok()
                .filter(|d| (1000..=2100).contains(d));
            if let Some(d) = year {
                out.push(DateFact {
                    part: DatePart::Decade(d),
                    span: t.span.clone(),
                });
            }
        } else if let Some(y) = is_year(&t) {
            out.push(DateFact {
                part: DatePart::Year(y),
                span: t.span.clone(),
            });
            if let Some((m, d, end)) = iso_date(toks, i) {
                out.push(DateFact {
                    part: DatePart::Month(m, Some(d)),
                    span: t.span.start..toks.span(end - 1).end,
                });
            }
        } else if t.kind == TokenKind::Word && t.capitalised {
            if let Some(d) = weekday(t.norm).filter(|_| t.norm.len() > 3) {
                out.push(DateFact {
                    part: DatePart::Weekday(d),
                    span: t.span.clone(),
                });
            } else if let Some(m) = month(t.norm).filter(|_| {
                // "Jan." and "Oct." with their dot, "Jan 5" with its day; "May" below.
                let dot = toks.get(i + 1).is_some_and(|n| n.norm == ".");
                t.norm.len() > 3 || t.norm == "may" || dot || day_of_month(toks, i + 1)
            }) {
                // "Sept. 3": the day after the abbreviation's dot.
                let k = if toks.get(i + 1).is_some_and(|n| n.norm == ".") {
                    i + 2
                } else {
                    i + 1
                };
                let next = toks.get(k);
                let day = day_at(toks, k);
                // "3 September": the day before the month.
                let before = i
                    .checked_sub(1)
                    .filter(|_| day.is_none() && day_of_month(toks, i - 1))
                    .and_then(|k| toks.get(k));
                // "May" is a month only next to a number or after "in"/"of"/"since".
                let dated = day.is_some()
                    || before.is_some()
                    || next.as_ref().is_some_and(|n| is_year(n).is_some())
                    || (i > 0 && matches!(toks.norm(i - 1), "in" | "of" | "since" | "until"));
                if t.norm == "may" && !dated {
                    continue;
                }
                let start = before.as_ref().map_or(t.span.start, |b| b.span.start);
                let end = if day.is_some() {
                    toks.span(k).end
                } else {
                    t.span.end
                };
                let day = day.or_else(|| before.as_ref().and_then(|b| b.value));
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let day_u8 = day.map(|v| v as u8);
                out.push(DateFact {
                    part: DatePart::Month(m, day_u8),
                    span: start..end,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::Tokenised;

    #[test]
    fn dates_find_years_months_and_weekdays() {
        let s = "met in Geneva in June 2021 and again on Wednesday, not in May";
        let d: Vec<DatePart> = dates(Tokenised::new(&[s]).view(0))
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
        assert!(dates(Tokenised::new(&["Trump may meet Putin"]).view(0)).is_empty());
    }

    #[test]
    fn abbreviated_months_iso_dates_days_before_months_and_decades() {
        let parts = |s: &str| -> Vec<DatePart> {
            dates(Tokenised::new(&[s]).view(0))
                .into_iter()
                .map(|d| d.part)
                .collect()
        };
        assert_eq!(
            parts("hit on Sept. 3, 2015"),
            [DatePart::Month(9, Some(3)), DatePart::Year(2015)]
        );
        assert_eq!(parts("hit on Jan. 5"), [DatePart::Month(1, Some(5))]);
        assert_eq!(parts("hit on 3 September"), [DatePart::Month(9, Some(3))]);
        assert_eq!(
            parts("hit on 2015-09-03"),
            [DatePart::Year(2015), DatePart::Month(9, Some(3))]
        );
        assert_eq!(parts("opened in the 1990s"), [DatePart::Decade(1990)]);
        // "Jan" alone, with no dot or day, is a name as often as a month.
        assert!(parts("Jan said so").is_empty());
    }
}
