//! Sentence segmentation.
//!
//! [`split`] cuts a text into sentences and returns their byte ranges, trimmed of surrounding
//! whitespace, in order, without overlap, covering every non-space character.

use std::ops::Range;

/// Split `text` into sentences, returned as byte ranges into `text`.
#[must_use]
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
            {
                end += 1;
            }
            let rest = &text[end..];
            let next = rest.trim_start();
            let boundary = rest.len() != next.len()
                && next
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"')
                && !is_abbreviation(&text[start..i]);
            if boundary {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let single = word.len() == 1 && word.chars().all(char::is_uppercase);
    single
        || matches!(
            word,
            "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Gen" | "Sen" | "U.S" | "U.K" | "Jr" | "No"
        )
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}
