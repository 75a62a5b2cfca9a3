//! List markers: "1. …", "2.) …", "3) …", "a. …", "b) …", "(iv) …", "• 9. …".
//!
//! A marker counts only when a neighbouring marker of the same shape carries the next or the
//! previous number (or letter, or roman numeral), as in pySBD, so "for 1. above" alone is no
//! list while "1. The first item 2. The second item" is. The period of a counted marker never
//! ends a sentence, and each counted marker after the first starts a new statement. A marker
//! at the very start of the text ("10. Get some rest") is protected even without a partner.

/// What the list scan found.
#[derive(Debug, Default)]
pub struct Lists {
    /// Byte positions of periods that belong to list markers.
    pub periods: Vec<usize>,
    /// Byte positions where a list item starts a new statement.
    pub breaks: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `12.` followed by a space or `)`.
    NumberPeriod,
    /// `12)` followed by a space.
    NumberParen,
    /// `b.` followed by a space.
    LetterPeriod,
    /// `b)` / `(b)` / `iv)` / `(iv)`.
    LetterParen,
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    shape: Shape,
    /// Number, or letter index (a = 1), for sequencing.
    value: u32,
    /// Roman value, for letters that read as roman numerals.
    roman: Option<u32>,
    /// Where the statement would start (bullet, dash or parenthesis before the marker).
    lead: usize,
    /// The period of period-shaped markers.
    period: Option<usize>,
    /// Whether the word after the marker starts in lowercase.
    lower_next: bool,
}

const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

fn roman(word: &[u8]) -> Option<u32> {
    ROMAN
        .iter()
        .position(|r| r.as_bytes() == word)
        .and_then(|p| u32::try_from(p + 1).ok())
}

fn is_ws(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_whitespace)
}

/// Whether a marker may start at `i`: text start, whitespace, or a bullet/dash right before.
/// Returns where the item would begin.
fn lead_at(b: &[u8], i: usize) -> Option<usize> {
    if i == 0 || b[i - 1].is_ascii_whitespace() {
        // "• 10." : a lone bullet and a space before the number belong to the item.
        if i >= 2 {
            if let Some(bullet) = bullet_ending_at(b, i - 1) {
                if bullet == 0 || b[bullet - 1].is_ascii_whitespace() {
                    return Some(bullet);
                }
            }
        }
        return Some(i);
    }
    let bullet = bullet_ending_at(b, i)?;
    (bullet == 0 || b[bullet - 1].is_ascii_whitespace()).then_some(bullet)
}

/// Start of a bullet character (`-`, `•`, `⁃`, `*`) that ends right before `end`.
fn bullet_ending_at(b: &[u8], end: usize) -> Option<usize> {
    if end >= 1 && matches!(b[end - 1], b'-' | b'*') {
        return Some(end - 1);
    }
    for pat in ["•", "⁃"] {
        let p = pat.as_bytes();
        if end >= p.len() && &b[end - p.len()..end] == p {
            return Some(end - p.len());
        }
    }
    None
}

fn next_is_lower(b: &[u8], mut i: usize) -> bool {
    while is_ws(b, i) {
        i += 1;
    }
    b.get(i).is_some_and(u8::is_ascii_lowercase)
}

fn scan(b: &[u8]) -> Vec<Marker> {
    let mut out = Vec::new();
    // Markers end in '.' or ')': look for those and read the short word before them, which
    // touches far fewer bytes than reading every word.
    let mut next = 0;
    // A tight search for the next '.' or ')' costs less per byte than visiting every byte.
    while let Some(off) = b
        .get(next..)
        .and_then(|rest| rest.iter().position(|&c| c == b'.' || c == b')'))
    {
        let j = next + off;
        next = j + 1;
        let after_byte = b[j];
        let mut i = j;
        while i > 0 && b[i - 1].is_ascii_alphanumeric() && j - i <= 5 {
            i -= 1;
        }
        if i == j || j - i > 5 || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let word = &b[i..j];
        let after = Some(after_byte);
        let paren_before = i > 0 && b[i - 1] == b'(';
        let lead = if paren_before {
            (i == 1 || b[i - 2].is_ascii_whitespace()).then_some(i - 1)
        } else {
            lead_at(b, i)
        };
        if let Some(lead) = lead {
            let digits = word.iter().all(u8::is_ascii_digit);
            let letters = word.iter().all(u8::is_ascii_lowercase);
            let period_then_space =
                after == Some(b'.') && (is_ws(b, j + 1) || b.get(j + 1) == Some(&b')'));
            let paren_then_space = after == Some(b')') && is_ws(b, j + 1);
            let value = |w: &[u8]| -> u32 {
                w.iter()
                    .fold(0u32, |v, d| v * 10 + u32::from(d.wrapping_sub(b'0')))
            };
            let marker = if digits && word.len() <= 2 && period_then_space && !paren_before {
                Some((Shape::NumberPeriod, value(word), Some(j)))
            } else if digits && word.len() <= 2 && paren_then_space && !paren_before {
                Some((Shape::NumberParen, value(word), None))
            } else if letters && word.len() == 1 && period_then_space && !paren_before {
                Some((Shape::LetterPeriod, u32::from(word[0] - b'a') + 1, Some(j)))
            } else if letters && after == Some(b')') && (is_ws(b, j + 1) || j + 1 == b.len()) {
                let v = if word.len() == 1 {
                    u32::from(word[0] - b'a') + 1
                } else {
                    0
                };
                (v > 0 || roman(word).is_some()).then_some((Shape::LetterParen, v, None))
            } else {
                None
            };
            if let Some((shape, value, period)) = marker {
                out.push(Marker {
                    shape,
                    value,
                    roman: if letters { roman(word) } else { None },
                    lead,
                    period,
                    lower_next: next_is_lower(b, j + 1),
                });
            }
        }
    }
    out
}

/// Whether consecutive markers `a` then `b` count up by one.
fn follows(a: &Marker, b: &Marker) -> bool {
    let latin = a.value > 0 && b.value == a.value + 1;
    let roman = matches!((a.roman, b.roman), (Some(x), Some(y)) if y == x + 1);
    latin || roman
}

/// Find the list markers of `text`; `start` is the first non-space byte.
#[must_use]
pub fn find(text: &str, start: usize) -> Lists {
    let b = text.as_bytes();
    let markers = scan(b);
    let mut lists = Lists::default();
    for shape in [
        Shape::NumberPeriod,
        Shape::NumberParen,
        Shape::LetterPeriod,
        Shape::LetterParen,
    ] {
        let seq: Vec<&Marker> = markers.iter().filter(|m| m.shape == shape).collect();
        for (k, m) in seq.iter().enumerate() {
            let next = seq.get(k + 1).is_some_and(|n| follows(m, n));
            let prev = k > 0 && follows(seq[k - 1], m);
            let first = m.lead == start;
            if !(next || prev || first) {
                continue;
            }
            if let Some(p) = m.period {
                lists.periods.push(p);
            }
            // "for 1. above, … for 2. above": numbered markers before lowercase words are
            // references, not items.
            let item = !(shape == Shape::NumberPeriod && m.lower_next);
            if (next || prev) && item && m.lead > start {
                lists.breaks.push(m.lead);
            }
        }
    }
    lists.periods.sort_unstable();
    lists.breaks.sort_unstable();
    lists.breaks.dedup();
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<&str> {
        let l = find(text, 0);
        let mut cuts = vec![0];
        cuts.extend(&l.breaks);
        cuts.push(text.len());
        cuts.windows(2).map(|w| text[w[0]..w[1]].trim()).collect()
    }

    #[test]
    fn sequences_become_items() {
        let cases: &[(&str, &[&str])] = &[
            (
                "1. The first item 2. The second item",
                &["1. The first item", "2. The second item"],
            ),
            (
                "1.) The first 2.) The second",
                &["1.) The first", "2.) The second"],
            ),
            (
                "1) The first 2) The second",
                &["1) The first", "2) The second"],
            ),
            (
                "• 9. The first • 10. The second",
                &["• 9. The first", "• 10. The second"],
            ),
            (
                "⁃9. The first ⁃10. The second",
                &["⁃9. The first", "⁃10. The second"],
            ),
            (
                "a. here b. there c. more",
                &["a. here", "b. there", "c. more"],
            ),
            ("a) here b) there", &["a) here", "b) there"]),
            ("x (i) one (ii) two", &["x", "(i) one", "(ii) two"]),
        ];
        for (text, want) in cases {
            assert_eq!(items(text), *want, "{text}");
        }
    }

    #[test]
    fn lone_numbers_and_references_are_not_items() {
        assert_eq!(
            items("He was born in 1990. 2 people came."),
            ["He was born in 1990. 2 people came."]
        );
        let refs = "for 1. above, and for 2. above, no fee";
        assert_eq!(items(refs), [refs]);
        assert_eq!(find(refs, 0).periods.len(), 2);
        assert!(find("The score was 3. 5 players left.", 0)
            .periods
            .is_empty());
    }

    #[test]
    fn a_marker_at_the_start_is_protected() {
        assert_eq!(find("10. Get some rest", 0).periods, [2]);
        assert_eq!(find("a. The first", 0).periods, [1]);
    }
}
