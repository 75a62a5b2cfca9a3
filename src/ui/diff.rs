//! Which words differ between two linked statements, as byte ranges of each.
//!
//! This is the one place the interface asks for a word-level diff, so switching to the
//! engine's own `crate::align::word_diff` when it lands is a one-line change here.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The changed byte ranges of `a` and of `b`: the words of each that are not part of their
/// longest common word sequence (case-insensitive; punctuation and spaces ignored).
#[must_use]
pub fn changed_words(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    local_word_diff(a, b)
}

fn words(s: &str) -> Vec<(Range<usize>, String)> {
    s.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (i..i + w.len(), w.to_lowercase()))
        .collect()
}

/// Longest common subsequence of words; past a size limit only the common prefix and suffix
/// are matched, so a pathological statement (a 5 MB line) cannot stall a frame.
fn local_word_diff(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    const MAX_CELLS: usize = 250_000;
    let (wa, wb) = (words(a), words(b));
    let mut keep_a = vec![false; wa.len()];
    let mut keep_b = vec![false; wb.len()];
    let prefix = wa.iter().zip(&wb).take_while(|(x, y)| x.1 == y.1).count();
    let suffix = wa[prefix..]
        .iter()
        .rev()
        .zip(wb[prefix..].iter().rev())
        .take_while(|(x, y)| x.1 == y.1)
        .count();
    for i in 0..prefix {
        keep_a[i] = true;
        keep_b[i] = true;
    }
    for i in 0..suffix {
        keep_a[wa.len() - 1 - i] = true;
        keep_b[wb.len() - 1 - i] = true;
    }
    let (ma, mb) = (
        &wa[prefix..wa.len() - suffix],
        &wb[prefix..wb.len() - suffix],
    );
    if ma.len().saturating_mul(mb.len()) <= MAX_CELLS {
        // table[i][j] = LCS length of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut table = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                table[i * w + j] = if ma[i].1 == mb[j].1 {
                    table[(i + 1) * w + j + 1] + 1
                } else {
                    table[(i + 1) * w + j].max(table[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() && j < mb.len() {
            if ma[i].1 == mb[j].1 {
                keep_a[prefix + i] = true;
                keep_b[prefix + j] = true;
                i += 1;
                j += 1;
            } else if table[(i + 1) * w + j] >= table[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let changed = |ws: &[(Range<usize>, String)], keep: &[bool]| {
        ws.iter()
            .zip(keep)
            .filter(|(_, k)| !**k)
            .map(|(w, _)| w.0.clone())
            .collect()
    };
    (changed(&wa, &keep_a), changed(&wb, &keep_b))
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
        assert_eq!(show(a, &x), ["a", "day"]);
        assert_eq!(show(b, &y), ["48", "hours"]);
    }

    #[test]
    fn case_and_punctuation_do_not_count_as_changes() {
        let (x, y) = changed_words("Putin met Trump.", "putin met trump!");
        assert!(x.is_empty() && y.is_empty());
    }

    #[test]
    fn huge_statements_fall_back_to_prefix_and_suffix() {
        let a = format!("start {} end", "alpha ".repeat(1000));
        let b = format!("start {} end", "beta ".repeat(1000));
        let (x, y) = changed_words(&a, &b);
        assert_eq!((x.len(), y.len()), (1000, 1000));
    }
}
