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
}
