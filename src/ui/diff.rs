//! Which words differ between two linked statements, as byte ranges of each.
//!
//! This is the one place the interface asks for a word-level diff: the engine's
//! [`crate::align::word_diff`], so the words highlighted are the ones the engine compared.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The changed byte ranges of `a` and of `b`: the words of each that are not part of their
/// longest common word sequence (case-insensitive; punctuation and spaces ignored).
#[must_use]
pub fn changed_words(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let d = crate::align::word_diff(a, b);
    let changed = |segs: Vec<crate::align::Segment>| {
        segs.into_iter()
            .filter(|s| s.change == crate::align::Change::Changed)
            .map(|s| s.range)
            .collect()
    };
    (changed(d.left), changed(d.right))
}

/// Longest typed difference shown whole; longer ones (quotes) are cut to their changed part.
const SHORT: usize = 40;

/// The two sides of a typed difference as shown on one line: whole when short, else cut to
/// the stretch between the first and last changed word, with `…` where text was left out.
#[must_use]
pub fn excerpt_pair(a: &str, b: &str) -> (String, String) {
    if a.chars().count() <= SHORT && b.chars().count() <= SHORT {
        return (a.to_owned(), b.to_owned());
    }
    let (ca, cb) = changed_words(a, b);
    (excerpt(a, &ca), excerpt(b, &cb))
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
    let i = ws
        .iter()
        .position(|w| w.0.start >= first.start)
        .unwrap_or(0);
    let j = ws
        .iter()
        .rposition(|w| w.0.end <= last.end)
        .unwrap_or(ws.len().saturating_sub(1));
    let start = ws
        .get(i.saturating_sub(CONTEXT))
        .map_or(first.start, |w| w.0.start);
    let end = ws
        .get((j + CONTEXT).min(ws.len().saturating_sub(1)))
        .map_or(last.end, |w| w.0.end);
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

fn words(s: &str) -> Vec<(Range<usize>, String)> {
    s.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (i..i + w.len(), w.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show<'a>(s: &'a str, r: &[Range<usize>]) -> Vec<&'a str> {
        r.iter().map(|r| &s[r.clone()]).collect()
    }

    #[test]
    fn differing_words_are_found_on_both_sides() {
        let a = "The summit is a day away, officials said.";
        let b = "The summit is 48 hours away, officials said.";
        let (x, y) = changed_words(a, b);
        assert_eq!(show(a, &x).join(" "), "a day");
        assert_eq!(show(b, &y).join(" "), "48 hours");
    }

    #[test]
    fn case_does_not_count_as_a_change() {
        let (x, y) = changed_words("Putin met Trump.", "putin met trump.");
        assert!(x.is_empty() && y.is_empty());
    }

    #[test]
    fn long_quotes_are_cut_to_what_differs() {
        let a = "We did it with India. We’re doing it probably with a couple of others.";
        let b = "We did it with India. We’re probably doing it with a couple of others.";
        let (x, y) = excerpt_pair(a, b);
        assert!(x.starts_with('…') && x.ends_with('…'), "{x}");
        assert!(x.contains("doing it probably with"), "{x}");
        assert!(y.contains("probably doing it"), "{y}");
        assert!(y.chars().count() < a.chars().count(), "{y}");
        assert_eq!(
            excerpt_pair("a day away", "48 hours"),
            ("a day away".into(), "48 hours".into())
        );
    }

    #[test]
    fn huge_statements_do_not_hang() {
        let a = format!("start {} end", "alpha ".repeat(5000));
        let b = format!("start {} end", "beta ".repeat(5000));
        let t = std::time::Instant::now();
        let (x, y) = changed_words(&a, &b);
        assert!(!x.is_empty() && !y.is_empty());
        assert!(t.elapsed().as_secs() < 5);
    }
}
