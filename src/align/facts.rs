//! Facts inside one statement that two reports can disagree on: quantities (a number, its
//! unit and its hedge) here, dates (years, months, weekdays) in `dates` and quotations in
//! `quoted`.
//!
//! Extraction works on the corpus's tokens ([`super::tokens`]), so each fact knows its byte range and
//! its words can be quoted back in a [`super::Difference`].

use std::ops::Range;

use super::lexicon::{lexicon, number_word, ratio_word, scale_word, time_unit};
use super::text::TokenKind;
use super::tokens::Toks;

mod clock;
mod dates;
mod numbers;
mod quoted;
mod units;

use clock::clock_at;
pub use dates::{dates, DateFact, DatePart};
use numbers::{
    age_of, appositive_age, count_pair, hedge_before, is_year, measured_noun, part_of, scaled_at,
    to_pair, word_value,
};
pub use quoted::{quotes, Quote};
pub(crate) use units::measures_agree;

/// What a quantity measures; two quantities are comparable only when their dimensions match.
#[derive(Debug, Clone, PartialEq)]
pub enum Dimension {
    /// A span of time; the value is in hours.
    Duration,
    /// A percentage.
    Percent,
    /// Money; the value is in the currency's units, the currency in [`Quantity::unit`].
    Money,
    /// A multiple: "double" is 2.
    Ratio,
    /// A count of something: the stem of the counted noun ("people" → "peopl").
    Count(String),
    /// A time of day ("3 a.m.", "15:30", "8:30 p. m."); the value is in minutes after midnight.
    Clock,
    /// A tally, winner first: a vote ("52-48"), a score ("3-1"), a ruling ("5-4"); the value is
    /// [`TALLY_BASE`] times the first count plus the second.
    Tally,
    /// A measure of a physical kind ("length", "mass", "volume", "area", "speed", from
    /// `assets/lexicon/units.tsv`); the value is in the kind's base unit (metre, kilogram,
    /// litre, square metre, metre per second).
    Measure(&'static str),
}

/// The base a tally's two counts are packed in ([`Dimension::Tally`]): larger than any count a
/// tally holds (votes of a parliament, points of a game), so two tallies are equal exactly
/// when both counts are.
pub const TALLY_BASE: f64 = 1_000_000.0;

impl Dimension {
    /// Whether quantities of `self` and `other` measure one thing: the same dimension, or two
    /// ages of which one names no person ("the 12-year-old." against "the 11-year-old girl").
    /// A noun read before a bare number ("<call" in "called 911") is not the noun counted after
    /// one ("one call"): the word before is as often a verb.
    #[must_use]
    pub fn comparable(&self, other: &Dimension) -> bool {
        match (self, other) {
            (Dimension::Count(x), Dimension::Count(y)) if x != y => {
                let owner = |c: &str| c.strip_prefix("age ").map(str::is_empty);
                matches!(
                    (owner(x), owner(y)),
                    (Some(true), Some(_)) | (Some(_), Some(true))
                )
            }
            _ => self == other,
        }
    }
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
    /// For a [`Dimension::Measure`], the size of the unit written (in the base unit) and the
    /// rounding step of the figure as written, in the base unit ("3.1 miles": a mile and a
    /// tenth of one); `None` for every other dimension, whose values compare exactly.
    pub written: Option<(f64, f64)>,
    /// For money its currency ("dollar", "pound"), for a percentage "percent" or "point" (of
    /// "percentage points"): figures of one value in two such units conflict, figures of two
    /// values may be a conversion and are not compared. `None` when not written.
    pub unit: Option<&'static str>,
}

/// Whether two values are one figure, up to the rounding of their arithmetic.
#[must_use]
pub(crate) fn same_value(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

impl Quantity {
    /// Whether `self` and `other` are read in one unit: the same dimension and, for measures,
    /// money and percentages, the same unit written. The judge's number-conflict evidence asks
    /// this: it was fitted when a measure was a count of its unit noun ("200 feet" and "150
    /// metres" were never compared), and figures in two units may be a conversion ("85 million
    /// euros" / "$108 million"), compared only among a link's differences.
    #[must_use]
    pub fn in_one_unit(&self, other: &Quantity) -> bool {
        self.dim == other.dim
            && match (self.written, other.written) {
                (Some((ux, _)), Some((uy, _))) => same_value(ux, uy),
                _ => true,
            }
            && !matches!((self.unit, other.unit), (Some(p), Some(q)) if p != q)
    }

    /// A quantity with no hedge and no written unit to compare (a ratio, a time, a tally).
    fn plain(value: f64, dim: Dimension, span: Range<usize>) -> Self {
        Self {
            value,
            dim,
            hedge: None,
            span,
            written: None,
            unit: None,
        }
    }
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
                !matches!(w, "a" | "an")
                    && ratio_word(w).is_none()
                    && number_word(w).is_none()
                    && !w.starts_with(|c: char| c.is_ascii_digit())
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
        // "half a million", "a million": a scale word counted by a ratio word or an article.
        let scaled = (t.kind == TokenKind::Word
            && !t.norm.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| scaled_at(toks, i))
        .flatten();
        // A number and its unit or meridiem written as one token ("10km", "3pm").
        let glued = t.norm.starts_with(|c: char| c.is_ascii_digit())
            && t.norm.bytes().any(|b| b.is_ascii_alphabetic());
        if let Some(r) =
            ratio_word(t.norm).filter(|_| t.kind == TokenKind::Word && scaled.is_none())
        {
            out.push(Quantity::plain(r, Dimension::Ratio, t.span.clone()));
            i += 1;
            continue;
        }
        // A measure written in one word ("10km", "5kg").
        if let Some(q) = glued.then(|| units::glued_measure(toks, i)).flatten() {
            out.push(q);
            i += 1;
            continue;
        }
        // A time written in one word ("3pm").
        if let Some((minutes, end)) = glued.then(|| clock_at(toks, i)).flatten() {
            let span = toks.span(i).start..toks.span(end - 1).end;
            out.push(Quantity::plain(minutes, Dimension::Clock, span));
            i = end;
            continue;
        }
        let Some(mut value) = scaled
            .map(|(v, _)| v)
            .or_else(|| word_value(&t))
            .or(article.then_some(1.0))
        else {
            i += 1;
            continue;
        };
        if is_year(&t).is_some() && toks.get(i + 1).is_none_or(|n| n.norm != "percent") {
            // "2015-09-03" is one date, not a year and a tally.
            i = dates::iso_date(toks, i).map_or(i + 1, |(_, _, end)| end);
            continue;
        }
        // "Between 2,000 and 3,000 people": a range, which states no one value to compare.
        if i > 0 && toks.norm(i - 1) == "between" && toks.kind(i) == TokenKind::Number {
            let and = (i + 1..toks.len().min(i + 4)).find(|&k| toks.norm(k) == "and");
            if let Some(k) =
                and.filter(|&k| toks.get(k + 1).is_some_and(|n| word_value(&n).is_some()))
            {
                i = k + 2;
                continue;
            }
        }
        // Two counts joined by a hyphen or "to" are never one number ("twenty-five" is):
        // falling, they are a tally ("52-48", "60 to 40", "two to one"); rising ("10-15
        // people", "two to three weeks"), a range, which states no one value to compare.
        if let Some((first, second, end)) = count_pair(toks, i).or_else(|| to_pair(toks, i)) {
            if first >= second {
                let span = toks.span(i).start..toks.span(end - 1).end;
                out.push(Quantity::plain(
                    first * TALLY_BASE + second,
                    Dimension::Tally,
                    span,
                ));
            }
            i = end;
            continue;
        }
        // A day of the month belongs to the date, not to a quantity.
        if dates::day_of_month(toks, i) {
            i += 1;
            continue;
        }
        let clock = clock_at(toks, i);
        let mut j = scaled.map_or(i + 1, |(_, end)| end);
        // "twenty-five", "2 million"
        while let Some(n) = toks.get(j).filter(|_| clock.is_none()) {
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
        // A currency symbol before the number ("$5 million", "£5m").
        let symbol = i
            .checked_sub(1)
            .filter(|&k| toks.kind(k) == TokenKind::Punct)
            .and_then(|k| units::currency(toks.norm(k)));
        let money = symbol.is_some();
        let first = if money { i - 1 } else { i };
        // Skip a hyphen: "three-hour".
        let mut u = j;
        if toks.get(u).is_some_and(|n| n.norm == "-") {
            u += 1;
        }
        let unit = toks.get(u);
        let unit = unit.as_ref();
        let mut written = None;
        let mut named = None;
        let (dim, value, end) = if let Some((minutes, end)) = clock {
            (Dimension::Clock, minutes, end)
        } else if money {
            named = symbol;
            (Dimension::Money, value, j)
        } else if let Some(h) = unit.and_then(|n| time_unit(n.norm)) {
            // "a 12-year-old": an age, not a span of time.
            let old = |k: usize| toks.get(k).is_some_and(|n| n.norm == "old");
            if old(u + 1) || (toks.get(u + 1).is_some_and(|n| n.norm == "-") && old(u + 2)) {
                let end = if old(u + 1) { u + 2 } else { u + 3 };
                // Whose age: the word after ("a 42-year-old man", "35-year-old Gomes").
                let owner = toks
                    .get(end)
                    .filter(|n| n.kind == TokenKind::Word)
                    .map_or("", |n| n.norm);
                (age_of(owner), value, end)
            } else {
                (Dimension::Duration, value * h, u + 1)
            }
        } else if unit.is_some_and(|n| n.norm == "percent") {
            let e = if toks.get(u + 1).is_some_and(|n| n.norm == "cent") {
                u + 2
            } else {
                u + 1
            };
            named = Some("percent");
            (Dimension::Percent, value, e)
        } else if unit.is_some_and(|n| matches!(n.norm, "per"))
            && toks.get(u + 1).is_some_and(|n| n.norm == "cent")
        {
            named = Some("percent");
            (Dimension::Percent, value, u + 2)
        } else if unit.is_some_and(|n| n.norm == "percentage")
            && toks
                .get(u + 1)
                .is_some_and(|n| matches!(n.norm, "point" | "points"))
        {
            // "2 percentage points" is not "2 percent".
            named = Some("point");
            (Dimension::Percent, value, u + 2)
        } else if let Some(c) = unit
            .filter(|n| n.kind == TokenKind::Word)
            .and_then(|n| units::currency(n.norm))
        {
            named = Some(c);
            (Dimension::Money, value, u + 1)
        } else if let Some((kind, size)) = unit.and_then(|n| units::unit(n.norm)) {
            // "km/h", "miles per hour", "miles an hour": a length per hour is a speed.
            let (kind, size, end) = match units::per_hour(toks, u + 1) {
                Some(e) if kind == "length" => ("speed", size / 3600.0, e),
                _ => (kind, size, u + 1),
            };
            // The figure's rounding, scaled as the figure is ("2.5 million tonnes").
            let scale = word_value(&t)
                .filter(|&v| v != 0.0)
                .map_or(1.0, |v| value / v);
            written = Some((size, units::written_step(t.norm) * scale * size));
            (Dimension::Measure(kind), value * size, end)
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
        } else if let Some((noun, end)) = part_of(toks, j) {
            // "3 of the 12 victims": a part, counted apart from the whole.
            (Dimension::Count(format!("of {noun}")), value, end)
        } else if appositive_age(toks, i, j, value) {
            (age_of(toks.norm(i - 2)), value, j)
        } else if let Some(noun) = measured_noun(toks, first) {
            // "magnitude 6.1", "a magnitude-5.4 quake": the noun before names what is counted.
            (Dimension::Count(format!("<{noun}")), value, j)
        } else {
            i = j.max(i + 1);
            continue;
        };
        let (hedge, first) = hedge_before(toks, first);
        out.push(Quantity {
            value,
            dim,
            hedge,
            span: toks.span(first).start..toks.span(end - 1).end,
            written,
            unit: named,
        });
        i = end;
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
    fn a_count_written_with_a_comma_is_no_year() {
        let n = q("About 2,000 people attended the rally");
        assert_eq!(n.len(), 1);
        assert_eq!((n[0].0, n[0].3.as_str()), (2000.0, "About 2,000 people"));
        // Four bare digits stay a year, read as a date, not a count.
        assert!(q("In 2000 people attended the rally").is_empty());
    }

    #[test]
    fn two_counts_joined_by_a_hyphen_are_a_tally_or_a_range_never_a_sum() {
        let n = q("The Senate voted 52-48 to confirm her");
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].1, Dimension::Tally);
        assert_eq!(n[0].0, 52.0 * TALLY_BASE + 48.0);
        assert_eq!(n[0].3, "52-48");
        // A rising pair is a range: no one value, no quantity (it was read as 25 people).
        assert!(q("Between 10-15 people were hurt").is_empty());
        // Spaced out, in a list, it is no tally; a year before a hyphen is a date.
        assert!(q("scores of 3 - 1").iter().all(|x| x.1 != Dimension::Tally));
        assert!(q("the 2008-09 season")
            .iter()
            .all(|x| x.1 != Dimension::Tally));
        assert!(q("Between 2,000 and 3,000 people attended").is_empty());
        // Number words still join: "twenty-five".
        assert_eq!(q("twenty-five people")[0].0, 25.0);
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
    fn an_age_between_commas_is_an_age() {
        let age = |s: &str| {
            q(s).into_iter()
                .find(|x| matches!(&x.1, Dimension::Count(c) if c.starts_with("age")))
                .map(|x| (x.0, x.1))
        };
        assert_eq!(
            age("The suspect, 24, was arrested."),
            Some((24.0, age_of("suspect")))
        );
        assert_eq!(
            age("John Smith, 42, of Ohio"),
            Some((42.0, age_of("smith")))
        );
        assert_eq!(age("killing Banky, 40."), Some((40.0, age_of("banky"))));
        assert_eq!(age("a 42-year-old man"), Some((42.0, age_of("man"))));
        assert_eq!(age("On March 3, 24 people died."), None);
        assert_eq!(age("He scored 10, 24, and 30 points."), None);
        assert_eq!(age("Gaetano Lo Presti, one of 99 members"), None);
        assert!(
            age_of("").comparable(&age_of("girl")) && !age_of("man").comparable(&age_of("girl"))
        );
        assert_eq!(age("In Texas, 24 people died."), None);
    }

    #[test]
    fn times_of_day_are_minutes_after_midnight() {
        let clock = |s: &str| {
            q(s).into_iter()
                .find(|x| x.1 == Dimension::Clock)
                .map(|x| (x.0, x.3))
        };
        assert_eq!(
            clock("struck at 3 a.m. on Tuesday"),
            Some((180.0, "3 a.m.".into()))
        );
        assert_eq!(clock("at 3 p.m."), Some((900.0, "3 p.m.".into())));
        assert_eq!(
            clock("shortly after 8:30 p. m. local"),
            Some((1230.0, "8:30 p. m.".into()))
        );
        assert_eq!(clock("at 3:30pm"), Some((930.0, "3:30pm".into())));
        assert_eq!(clock("at 15:30 GMT"), Some((930.0, "15:30".into())));
        assert_eq!(clock("with 4:43 left in the half"), None);
        assert_eq!(clock("at 12 am"), Some((0.0, "12 am".into())));
        // Scores, ratios and bare numbers are no times.
        assert_eq!(clock("won 3:1"), None);
        assert_eq!(clock("a 16:9 screen"), None);
        assert_eq!(clock("killed 3 people"), None);
        assert_eq!(clock("3 a day"), None);
    }
}
