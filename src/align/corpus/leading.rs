//! What a statement says first: its first distinct informative terms, kept inline with it
//! for the evidence's lead feature (see [`super::Stmt::leading`]).

use super::{Stmt, TermId, TermKind};

/// How many of a statement's leading terms are kept with it (the lead feature reads 3).
pub const LEADING: usize = 8;

/// A statement's first [`LEADING`] distinct informative terms, kept inline (no allocation a
/// statement).
#[derive(Debug, Clone, Copy, Default)]
pub struct Leading {
    terms: [TermId; LEADING],
    len: usize,
}

impl Leading {
    /// The leading terms of `s` (`kinds` are the corpus's term kinds).
    #[must_use]
    pub fn of(kinds: &[TermKind], s: &Stmt<'_>) -> Self {
        let first = leading_terms(kinds, s, LEADING);
        let mut out = Self::default();
        out.terms[..first.len()].copy_from_slice(&first);
        out.len = first.len();
        out
    }

    /// The first `n` of the statement's distinct informative terms (all when it has fewer),
    /// or `None` when more than were kept are asked for and there may be more.
    #[must_use]
    pub fn first(&self, n: usize) -> Option<&[TermId]> {
        (n <= LEADING || self.len < LEADING).then(|| &self.terms[..self.len.min(n)])
    }
}

/// The first `cap` distinct content words, names and numbers of `s`, in order of first use.
#[must_use]
pub fn leading_terms(kinds: &[TermKind], s: &Stmt<'_>, cap: usize) -> Vec<TermId> {
    let mut seen: Vec<TermId> = Vec::with_capacity(cap);
    for t in s.terms_in(0..s.terms.len()) {
        if seen.len() == cap {
            break;
        }
        if matches!(
            kinds[t as usize],
            TermKind::Content | TermKind::Name | TermKind::Number
        ) && !seen.contains(&t)
        {
            seen.push(t);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::StatementRef;

    #[test]
    fn the_kept_terms_are_the_first_ones_and_more_are_recomputed() {
        let at = |doc| StatementRef { doc, statement: 0 };
        let long = "Police in Chicago arrested nine suspects after a robbery of two banks, \
                    three jewellers and a casino on Friday near the river.";
        let items = vec![(at(0), long), (at(1), "Smith resigned.")];
        let c =
            crate::align::corpus::build(items, &crate::align::params::defaults().weights, false);
        let (s, short) = (&c.stmts[0], &c.stmts[1]);
        assert!(leading_terms(&c.kinds, s, 20).len() > LEADING);
        for n in 1..=LEADING {
            assert_eq!(s.leading.first(n), Some(&leading_terms(&c.kinds, s, n)[..]));
        }
        assert_eq!(s.leading.first(LEADING + 1), None);
        let all = leading_terms(&c.kinds, short, 20);
        assert!(all.len() < LEADING);
        assert_eq!(short.leading.first(20), Some(&all[..]));
    }
}
