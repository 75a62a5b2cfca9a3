//! Which statements of a report the speaker and source search reads, and their tokens: those
//! near a quotation or with a cue word, found by a scan cheaper than tokenizing.

use crate::model::Document;

use std::ops::Range;

use super::known::{KnownTokens, TokenSink};
use super::marks::Span;
use super::tokens::{Token, Tokens};
use super::words::words;

/// Whether a statement may report speech or cite a source: it holds a reporting verb or a
/// cue word. A cheap scan, so only the statements that matter are tokenized.
fn has_cue(text: &str) -> bool {
    let lists = words();
    let cue = |w: &str| {
        lists.is_verb(w) || matches!(w, "according" | "reported" | "familiar" | "knowledge")
    };
    // The words are the runs of alphabetic characters; ASCII bytes are told apart without
    // decoding them, and ASCII letters (most of the text) eight at a time.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let other = not_letters(u64::from_le_bytes(w));
            if other == 0 {
                i += 8;
                continue;
            }
            // A byte after ASCII ones: a character boundary.
            i += (other.trailing_zeros() / 8) as usize;
        }
        let (alpha, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
            _ => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
        };
        if !alpha {
            if i > start && cue(&text[start..i]) {
                return true;
            }
            start = i + len;
        }
        i += len;
    }
    i > start && cue(&text[start..])
}

/// The top bit of each byte of `w` that is not an ASCII letter. Only the lowest is read, and
/// it is exact: the borrows and carries of the arithmetic run up from such a byte only.
fn not_letters(w: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Letters lowercased: each is then in 0x61..=0x7A, and no other byte below 0x80 is.
    let t = w | (LOW * 0x20);
    (t.wrapping_sub(LOW * 0x61) | t.wrapping_add(LOW * 5) | w) & HIGH
}

/// The statements the search reads, their own tokens made: those with a quotation and the
/// three before it (a colon, a pronoun's antecedent), and those with a cue and the one before
/// it. The others (often most of a report) are never tokenized, nor are those whose tokens
/// `known` holds (read in [`Selected::tokens`]).
pub(super) struct Selected {
    /// The tokens of the statements `known` does not hold.
    own: Tokens,
    /// Each statement read, in order: its index, its offset, and the range of its tokens in
    /// `own` (`None` when `known` holds them).
    parts: Vec<(usize, usize, Option<Range<usize>>)>,
    /// The bytes of the statements read: about one token a five.
    bytes: usize,
}

/// The statements of document `index` the search reads ([`Selected`]).
pub(super) fn selected(
    doc: &Document,
    index: usize,
    spans: &[Span],
    known: &dyn KnownTokens,
) -> Selected {
    let n = doc.statements.len();
    let stmt_of = |b: usize| {
        doc.statements
            .partition_point(|s| s.end <= b)
            .min(n.saturating_sub(1))
    };
    let mut keep = vec![false; n];
    for s in spans {
        let (a, b) = (
            stmt_of(s.outer.start),
            stmt_of(s.outer.end.saturating_sub(1)),
        );
        keep[a.saturating_sub(3)..=b.max(a)]
            .iter_mut()
            .for_each(|k| *k = true);
    }
    for (k, st) in doc.statements.iter().enumerate() {
        if !keep[k] && has_cue(&doc.text[st.start..st.end]) {
            keep[k.saturating_sub(1)..=k]
                .iter_mut()
                .for_each(|k| *k = true);
        }
    }
    let read = || doc.statements.iter().zip(&keep).filter(|(_, k)| **k);
    // Room for the tokens up front (about one a five bytes, their norms about as long as the
    // text), so the buffers are rarely regrown and copied as the statements are read.
    let bytes: usize = read().map(|(st, _)| st.end - st.start).sum();
    let own_bytes: usize = read()
        .filter(|(st, _)| !known.knows(index, st.index))
        .map(|(st, _)| st.end - st.start)
        .sum();
    let mut own = Tokens::with_capacity(own_bytes);
    let parts = read()
        .map(|(st, _)| {
            let mine = (!known.knows(index, st.index)).then(|| {
                let from = own.len();
                own.push(&doc.text[st.start..st.end], st.start);
                from..own.len()
            });
            (st.index, st.start, mine)
        })
        .collect();
    Selected { own, parts, bytes }
}

impl Selected {
    /// The tokens of the statements read, in order, their norms borrowed from `self` or from
    /// `known` (document `index`'s, as [`selected`] was given them).
    pub(super) fn tokens<'s>(&'s self, index: usize, known: &'s dyn KnownTokens) -> Vec<Token<'s>> {
        let mut out = Vec::with_capacity(self.bytes / 4 + 1);
        for (statement, base, mine) in &self.parts {
            match mine {
                Some(r) => self.own.extend_into(r.clone(), &mut out),
                None => known.tokens_of(index, *statement, &mut TokenSink::new(&mut out, *base)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_as_a_split_on_letters_finds_them() {
        let slow = |text: &str| {
            text.split(|c: char| !c.is_alphabetic()).any(|w| {
                words().is_verb(w)
                    || matches!(w, "according" | "reported" | "familiar" | "knowledge")
            })
        };
        for t in [
            "He said so.",
            "saidé",
            "éaccording",
            "according",
            "x—told—y",
            "Trump’s “claims”",
            "",
            "no cue here at all",
            "2021 reported",
            "familiar",
        ] {
            assert_eq!(has_cue(t), slow(t), "{t}");
        }
        for d in crate::model::embedded::seed_documents() {
            for st in &d.statements {
                let t = &d.text[st.start..st.end];
                assert_eq!(has_cue(t), slow(t), "{t}");
            }
        }
    }

    #[test]
    fn the_other_bytes_are_every_byte_but_an_ascii_letter() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"abcdefgh";
                w[at] = b;
                let other = not_letters(u64::from_le_bytes(w));
                let want = !b.is_ascii_alphabetic();
                assert_eq!(other != 0, want, "{b:#x} at {at}");
                if want {
                    assert_eq!(other.trailing_zeros() / 8, at as u32, "{b:#x} at {at}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn cues_are_found_in_any_text(
            text in "([A-Za-z]{1,14}[ ,.'’“é\u{2014}0-9@\\[`{]{1,2}){0,10}(said|told|according|warned)?[a-z]{0,3}"
        ) {
            let slow = text.split(|c: char| !c.is_alphabetic()).any(|w| {
                words().is_verb(w)
                    || matches!(w, "according" | "reported" | "familiar" | "knowledge")
            });
            proptest::prop_assert_eq!(has_cue(&text), slow);
        }
    }
}
