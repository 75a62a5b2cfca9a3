//! Which words of two linked statements the interface highlights, and the one-line excerpts of
//! a typed difference.
//!
//! The engine decides ([`fn@crate::align::highlight`]): the words of the conflicting facts of the
//! link, the differing phrase of a paraphrase, nothing but the conflicts when the two are
//! reworded. This module orients its answer to the statement on screen and turns it into
//! absolute ranges with a style.

use std::ops::Range;

use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use crate::align::{conflicts, highlight, Difference, DifferenceKind, Link, Mark, PairHighlights};
use crate::ui::theme::Theme;

/// The highlights of `ours` against `theirs`, two statements of one claim, with `ours` in
/// [`PairHighlights::a`]. `link` is the link between them, if they are linked directly (its
/// differences name the conflicting facts); `ours_is_a` says whether `ours` is its `a` end.
#[must_use]
pub fn pair_highlights(
    ours: &str,
    theirs: &str,
    link: Option<&Link>,
    ours_is_a: bool,
) -> PairHighlights {
    let diffs = link.map_or(&[][..], |l| &l.differences[..]);
    if ours_is_a {
        highlight(ours, theirs, diffs)
    } else {
        highlight(theirs, ours, diffs).flipped()
    }
}

/// Only the conflict marks of [`pair_highlights`] (cheaper: no word matching), for the
/// statements on screen outside the selected pair.
#[must_use]
pub fn pair_conflicts(ours: &str, theirs: &str, link: &Link, ours_is_a: bool) -> PairHighlights {
    if ours_is_a {
        conflicts(ours, theirs, &link.differences)
    } else {
        conflicts(theirs, ours, &link.differences).flipped()
    }
}

/// The style a mark is drawn in: conflicts in `changed` (bold, underlined), phrases in
/// `phrase` (underlined).
#[must_use]
pub fn mark_style(t: &Theme, mark: Mark) -> Style {
    if mark.is_conflict() {
        t.changed
    } else {
        t.phrase
    }
}

/// Highlights of one statement as styled ranges of its document's text: each range moved by
/// `base` (the statement's start), and with `conflicts_only`, phrases left out.
#[must_use]
pub fn styled(
    t: &Theme,
    marks: &[crate::align::Highlight],
    base: usize,
    conflicts_only: bool,
) -> Vec<(Range<usize>, Style)> {
    marks
        .iter()
        .filter(|h| !conflicts_only || h.mark.is_conflict())
        .map(|h| {
            (
                h.range.start + base..h.range.end + base,
                mark_style(t, h.mark),
            )
        })
        .collect()
}

/// Longest typed difference shown whole; longer ones (quotes) are cut to their changed part.
const SHORT: usize = 40;

/// The two sides of a typed difference as shown on one line: whole when short, else cut to
/// the stretch between the first and last differing word, with `…` where text was left out.
#[must_use]
pub fn excerpt_pair(a: &str, b: &str) -> (String, String) {
    if a.chars().count() <= SHORT && b.chars().count() <= SHORT {
        return (a.to_owned(), b.to_owned());
    }
    // The two sides as renderings of one fact: the engine marks the words that differ.
    let whole = Difference {
        kind: DifferenceKind::Quote,
        a: a.to_owned(),
        b: b.to_owned(),
    };
    let h = highlight(a, b, &[whole]);
    let conflicts = |hs: &[crate::align::Highlight]| -> Vec<Range<usize>> {
        hs.iter()
            .filter(|x| x.mark.is_conflict())
            .map(|x| x.range.clone())
            .collect()
    };
    (excerpt(a, &conflicts(&h.a)), excerpt(b, &conflicts(&h.b)))
}

/// Words of context kept on each side of the changed stretch.
const CONTEXT: usize = 2;

fn excerpt(s: &str, changed: &[Range<usize>]) -> String {
    let (Some(first), Some(last)) = (changed.first(), changed.last()) else {
        // Nothing differs word by word (punctuation or case): show the start.
        return cut(s);
    };
    // Widen to a couple of words either side: a moved word means little without neighbours.
    let ws = words(s);
    let i = ws.iter().position(|w| w.start >= first.start).unwrap_or(0);
    let j = ws
        .iter()
        .rposition(|w| w.end <= last.end)
        .unwrap_or(ws.len().saturating_sub(1));
    let start = ws
        .get(i.saturating_sub(CONTEXT))
        .map_or(first.start, |w| w.start);
    let end = ws
        .get((j + CONTEXT).min(ws.len().saturating_sub(1)))
        .map_or(last.end, |w| w.end);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&cut(&s[start..end]));
    if end < s.len() && !out.ends_with('…') {
        out.push('…');
    }
    out
}

fn cut(s: &str) -> String {
    if s.chars().count() <= SHORT {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(SHORT - 1).collect();
    t.push('…');
    t
}

fn words(s: &str) -> Vec<Range<usize>> {
    s.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| i..i + w.len())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Relation, StatementRef};

    fn link(diffs: Vec<Difference>) -> Link {
        let at = |doc| StatementRef { doc, statement: 0 };
        Link {
            a: at(0),
            b: at(1),
            score: 0.9,
            relation: Relation::Divergent,
            differences: diffs,
        }
    }

    fn shown<'a>(s: &'a str, hs: &[crate::align::Highlight]) -> Vec<&'a str> {
        hs.iter().map(|h| &s[h.range.clone()]).collect()
    }

    #[test]
    fn the_conflict_is_marked_on_the_right_side_whichever_end_is_ours() {
        let a = "Trump’s deadline for a truce looms just a day away.";
        let b = "The talks come just 48 hours before the deadline set by Trump.";
        let l = link(vec![Difference {
            kind: DifferenceKind::Number,
            a: "a day".into(),
            b: "48 hours".into(),
        }]);
        let h = pair_highlights(a, b, Some(&l), true);
        assert_eq!(shown(a, &h.a), ["a day"]);
        assert_eq!(shown(b, &h.b), ["48 hours"]);
        // Seen from the other report: ours is the link's `b`.
        let h = pair_highlights(b, a, Some(&l), false);
        assert_eq!(shown(b, &h.a), ["48 hours"]);
        assert_eq!(shown(a, &h.b), ["a day"]);
        let t = Theme::dark();
        let s = styled(&t, &h.a, 100, false);
        assert_eq!(s[0].0.start, 100 + b.find("48").unwrap_or(0));
        assert_eq!(s[0].1, t.changed);
    }

    #[test]
    fn phrases_are_styled_apart_and_can_be_left_out() {
        let a = "The Kremlin said the talks were useful and went well.";
        let b = "The Kremlin said the talks were constructive and went well.";
        let h = pair_highlights(a, b, None, true);
        let t = Theme::dark();
        assert_eq!(shown(a, &h.a), ["useful"]);
        assert_eq!(styled(&t, &h.a, 0, false)[0].1, t.phrase);
        assert!(styled(&t, &h.a, 0, true).is_empty());
    }

    #[test]
    fn long_quotes_are_cut_to_what_differs() {
        let a = "We did it with India. We’re doing it probably with a couple of others.";
        let b = "We did it with India. We’re probably doing it with a couple of others.";
        let (x, y) = excerpt_pair(a, b);
        assert!(x.starts_with('…') && x.ends_with('…'), "{x}");
        assert!(
            x.contains("probably") && y.contains("probably"),
            "{x} / {y}"
        );
        assert!(x.chars().count() < a.chars().count(), "{x}");
        assert!(y.chars().count() < b.chars().count(), "{y}");
        assert_eq!(
            excerpt_pair("a day away", "48 hours"),
            ("a day away".into(), "48 hours".into())
        );
    }
}
