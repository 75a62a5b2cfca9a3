//! Tallies compared: a vote ("52-48" / "51-49"), a score ("3-1" / "2-1"), a ruling ("5-4").
//!
//! A report of a game or a count gives many tallies of different moments and things (a lead
//! of "13-3" at half time, a "20-13" result, a team's "(11-4)" record), so two tallies are
//! compared only when they tally the same thing: the same informative word next before both
//! ("the bill 52-48" / "the bill 51-49", "beat Chelsea 3-1" / "beat Chelsea 2-1"), and, when
//! both have one, the same next after both ("… on Thursday"). "The lead returned to 54-46" and
//! "to make it 57-46" are two moments, not a conflict, nor are "made it 60-46 with 6:11 to go"
//! and "made it 57-46 with 7:02 to go": a number after each, differing, times them apart.

use super::super::corpus::{Corpus, Stmt, TermId};
use super::super::facts::{Dimension, Quantity};
use super::super::opposites::neighbours;
use super::super::text::TokenKind;

/// What stands around a tally in its clause: the nearest content word or name before and after
/// it, and the value of the first number after it (a game clock, "with 6:11 to go").
struct Around {
    before: Option<TermId>,
    after: Option<TermId>,
    number: Option<f64>,
}

/// The [`Around`] of the tally at `span` of `s`.
fn around(c: &Corpus<'_>, s: &Stmt<'_>, span: &std::ops::Range<usize>) -> Around {
    let first = s.tokens.iter().position(|t| t.span().start >= span.start);
    let last = s.tokens.iter().rposition(|t| t.span().end <= span.end);
    let (Some(first), Some(last)) = (first, last) else {
        return Around {
            before: None,
            after: None,
            number: None,
        };
    };
    let (before, after) = neighbours(c, s, first, last);
    Around {
        before,
        after: after[0],
        number: (last + 1..s.tokens.len())
            .take_while(|&k| s.tok(k).kind != TokenKind::Punct)
            .find_map(|k| s.tok(k).value),
    }
}

/// The first two tallies of `a` and `b` that tally the same thing with different counts, as
/// `(a's, b's)`; none when the two share a tally anywhere.
#[must_use]
pub fn conflict<'q>(
    c: &Corpus<'_>,
    a: &'q Stmt<'_>,
    b: &'q Stmt<'_>,
) -> Option<(&'q Quantity, &'q Quantity)> {
    let tallies = |s: &'q Stmt<'_>| -> Vec<&'q Quantity> {
        s.quantities
            .iter()
            .filter(|q| q.dim == Dimension::Tally)
            .collect()
    };
    let (ta, tb) = (tallies(a), tallies(b));
    // Packed counts compare exactly (facts::TALLY_BASE).
    #[allow(clippy::float_cmp)]
    if ta.iter().any(|x| tb.iter().any(|y| x.value == y.value)) {
        return None;
    }
    ta.iter().find_map(|x| {
        let p = around(c, a, &x.span);
        tb.iter()
            .find(|y| {
                let q = around(c, b, &y.span);
                let either =
                    |u: Option<TermId>, v: Option<TermId>| u.is_none() || v.is_none() || u == v;
                // Two numbers after, differing: two moments ("with 6:11 to go" / "with 7:02 to go").
                #[allow(clippy::float_cmp)]
                let moment = match (p.number, q.number) {
                    (Some(u), Some(v)) => u == v,
                    _ => true,
                };
                p.before.is_some() && p.before == q.before && either(p.after, q.after) && moment
            })
            .map(|y| (*x, *y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(a: &str, b: &str) -> Option<(String, String)> {
        let c = super::super::super::polarity::corpus_of_two(a, b);
        let (x, y) = (&c.stmts[0], &c.stmts[1]);
        conflict(&c, x, y)
            .map(|(p, q)| (a[p.span.clone()].to_owned(), b[q.span.clone()].to_owned()))
    }

    #[test]
    fn two_tallies_of_one_thing_conflict() {
        assert_eq!(
            tally(
                "The Senate passed the bill 52-48 on Thursday.",
                "The Senate passed the bill 51-49 on Thursday."
            ),
            Some(("52-48".into(), "51-49".into()))
        );
        assert!(tally(
            "Arsenal beat Chelsea 3-1 at the Emirates.",
            "Arsenal beat Chelsea 2-1 at the Emirates."
        )
        .is_some());
    }

    #[test]
    fn tallies_of_other_moments_or_the_same_tally_do_not() {
        let none = |a: &str, b: &str| assert_eq!(tally(a, b), None, "{a} / {b}");
        none(
            "Luck put the Colts up 20-13 late in the fourth quarter.",
            "Wayne scored to break a 13-13 tie late in the fourth quarter.",
        );
        none(
            "The Jays answered, and the lead returned to 54-46 on a dunk.",
            "McDermott hit a 3-pointer to make it 57-46 on a dunk.",
        );
        none(
            "McDermott made it 60-46 with 6:11 to go.",
            "McDermott made it 57-46 with 7:02 remaining.",
        );
        none(
            "Klitschko, 58-3 with 51 knockouts, won.",
            "Thompson (36-3, 24 KO) lost to Klitschko.",
        );
        none(
            "The Colts won 31-24, and lead the series 11-4.",
            "The Colts won 31-24 in Jacksonville.",
        );
    }
}
