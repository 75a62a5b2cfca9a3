//! Finding quotations by their marks: “ ” ‘ ’ « » „ and straight " ', nested, spanning several
//! sentences, and telling a closing single mark from an apostrophe (Trump’s, ’90s, rock ’n’
//! roll, the leaders’ call).
//!
//! Quotes never cross a paragraph: a mark left open at the end of a paragraph closes there only
//! when it opened the paragraph (the convention for a quotation running over paragraphs), and
//! is dropped otherwise (a stray or typographic mark).

use std::ops::Range;

/// One quotation found by its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range of the quoted words in the searched text, marks excluded, trimmed of spaces
    /// and of a trailing comma, colon or semicolon (which belong to the sentence around).
    pub words: Range<usize>,
    /// Byte range including the marks (the end is past the closing mark, when there is one).
    pub outer: Range<usize>,
    /// How many quotations enclose it (0 for a top-level quote).
    pub depth: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    DoubleCurly,
    DoubleStraight,
    SingleCurly,
    SingleStraight,
    Guillemet,
}

impl Mark {
    fn is_double(self) -> bool {
        matches!(
            self,
            Self::DoubleCurly | Self::DoubleStraight | Self::Guillemet
        )
    }
}

/// Characters after which a straight mark opens a quotation.
fn opens_after(p: Option<char>) -> bool {
    p.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | ':'
            )
    })
}

/// Words that a leading apostrophe shortens ('tis, 'em, ’cause): never an opening mark.
fn elided(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let next = rest[word.len().min(rest.len())..].chars().next();
    matches!(word.as_str(), "tis" | "twas" | "em" | "cause" | "til" | "bout" | "round")
        // ’n’ of "rock ’n’ roll": a lone n closed by another apostrophe.
        || (word == "n" && next.is_some_and(|c| matches!(c, '\'' | '’')))
        // ’90s, '20s: a decade.
        || (word.len() == 3 && word.ends_with('s') && word.chars().take(2).all(|c| c.is_ascii_digit()))
        || word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Find every quotation in `text[range]` (a paragraph), with byte ranges into `text`.
#[must_use]
pub fn find(text: &str, range: Range<usize>) -> Vec<Span> {
    scan(text, range).0
}

/// Find every quotation of a document whose paragraphs are `paragraphs` (byte ranges into
/// `text`, in order), joining a quotation over paragraphs: one left open at the end of a
/// paragraph goes on through paragraphs without marks to a closing mark that opens none
/// ("…destroyed.⏎It is being treated as potentially suspicious. "").
#[must_use]
pub fn find_all(text: &str, paragraphs: &[Range<usize>]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // The open quotation carried over: its start, and the index in `out` of the span that
    // runs it to the end of its own paragraph, if one was recorded.
    let mut carry: Option<(usize, Option<usize>)> = None;
    let mut gap = 0;
    for p in paragraphs {
        let para = &text[p.clone()];
        let mut from = p.start;
        if let Some((start, to_end)) = carry {
            if let Some((at, len)) = orphan_close(para) {
                if let Some(k) = to_end {
                    out.remove(k);
                }
                push(text, start, p.start + at, p.start + at + len, 0, &mut out);
                from = p.start + at + len;
            } else if !para.contains(['“', '”', '"', '«', '»', '„']) && gap < 3 {
                gap += 1;
                continue;
            }
        }
        gap = 0;
        let (spans, pending) = scan(text, from..p.end);
        let base = out.len();
        out.extend(spans);
        carry = pending.map(|(start, to_end)| (start, to_end.map(|k| base + k)));
    }
    out.sort_by_key(|s| (s.words.start, s.depth));
    out
}

/// The first double mark of a paragraph when it can only close a quotation: a closing
/// curly mark, or an odd straight one glued to the word before it, after a comma or full
/// stop, or before punctuation.
fn orphan_close(para: &str) -> Option<(usize, usize)> {
    let (at, c) = para
        .char_indices()
        .find(|(_, c)| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))?;
    match c {
        '”' | '»' => Some((at, c.len_utf8())),
        '"' if para.matches('"').count() % 2 == 1 => {
            let before = para[..at].trim_end();
            let glued = para[..at]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace());
            let next = para[at + 1..].chars().next();
            (glued
                || before.ends_with([',', '.', '!', '?'])
                || next.is_none_or(|n| !n.is_alphanumeric()))
            .then_some((at, 1))
        }
        _ => None,
    }
}

/// The quotations of one paragraph (or the part of it in `range`), and the quotation left
/// open at its end: where its words start and the index of the span that runs it to the
/// end, if one was recorded.
/// The quotation marks of a text with their byte offsets, found by their first byte: the
/// two ASCII marks, or the lead byte of the others (0xE2 for “ „ ” ‘ ’, 0xC2 for « »), a
/// byte that starts a character and never continues one.
fn marks_in(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    const MARKS: [char; 9] = ['“', '„', '«', '”', '»', '"', '‘', '’', '\''];
    let bytes = text.as_bytes();
    // Eight bytes at a time: a word holding none of the four first bytes is skipped whole
    // (most of a paragraph), and only the words that hold one are read byte by byte.
    let (mut at, mut bytewise_until) = (0, 0);
    std::iter::from_fn(move || loop {
        let b = *bytes.get(at)?;
        if at >= bytewise_until {
            if let Some(word) = bytes
                .get(at..at + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
            {
                if !may_hold_mark(u64::from_le_bytes(word)) {
                    at += 8;
                    continue;
                }
            }
            bytewise_until = at + 8;
        }
        let here = at;
        at += 1;
        if matches!(b, b'"' | b'\'' | 0xE2 | 0xC2) {
            if let Some(c) = text.get(here..).and_then(|t| t.chars().next()) {
                if MARKS.contains(&c) {
                    return Some((here, c));
                }
            }
        }
    })
}

/// Whether one of the eight bytes of `word` may be a mark's first byte (`"`, `'`, 0xE2,
/// 0xC2): a byte in 0x22..=0x27 (the two ASCII marks and `#$%&` between them) or from 0x80
/// on. A filter (the bytes of a word it passes are read one by one), cheaper than a test for
/// each of the four bytes: each byte's low seven bits plus a constant carry into no other.
fn may_hold_mark(word: u64) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = word & !HIGH;
    let between = low.wrapping_add(LOW * (0x80 - 0x22)) & !low.wrapping_add(LOW * (0x80 - 0x28));
    (between | word) & HIGH != 0
}

fn scan(text: &str, range: Range<usize>) -> (Vec<Span>, Option<(usize, Option<usize>)>) {
    let para = &text[range.clone()];
    let mut open: Vec<(Mark, usize)> = Vec::new();
    let mut out = Vec::new();
    let base = range.start;
    // Only the marks matter: visit them alone (with the characters either side), not every
    // character of the paragraph.
    for (at, c) in marks_in(para) {
        let p = para[..at].chars().next_back();
        let after = at + c.len_utf8();
        let n = para[after..].chars().next();
        let close = |open: &mut Vec<(Mark, usize)>, pos: usize, out: &mut Vec<Span>| {
            if let Some((_, start)) = open.get(pos).copied() {
                open.truncate(pos);
                push(text, base + start, base + at, base + after, open.len(), out);
            }
        };
        let find_open = |open: &[(Mark, usize)], double: bool| {
            open.iter().rposition(|(m, _)| m.is_double() == double)
        };
        match c {
            '“' | '„' => open.push((Mark::DoubleCurly, after)),
            '«' => open.push((Mark::Guillemet, after)),
            '”' | '»' => {
                if let Some(pos) = find_open(&open, true) {
                    close(&mut open, pos, &mut out);
                }
            }
            '"' => {
                let straight = open.iter().rposition(|(m, _)| *m == Mark::DoubleStraight);
                let opening = opens_after(p) && n.is_some_and(|n| !n.is_whitespace());
                // After "right now, " a mark closes even with a space before it ("…now, "Heller
                // argued"): a quotation does not open right after a comma inside another.
                let after_stop = para[..at].trim_end().ends_with([',', '.', '!', '?']);
                let glued = p.is_some_and(|p| !p.is_whitespace()) || after_stop;
                match straight {
                    // Glued to the word before it, a mark closes; after a space it opens.
                    Some(pos) if glued || !opening => close(&mut open, pos, &mut out),
                    _ if opening => open.push((Mark::DoubleStraight, after)),
                    _ => {}
                }
            }
            '‘' if n.is_some_and(|n| !n.is_whitespace()) && !elided(&para[after..]) => {
                open.push((Mark::SingleCurly, after));
            }
            '’' | '\'' => {
                let inside_word =
                    p.is_some_and(char::is_alphanumeric) && n.is_some_and(char::is_alphanumeric);
                if inside_word {
                    continue;
                }
                let single = find_open(&open, false);
                let can_close = p.is_some_and(|p| !p.is_whitespace());
                if let (Some(pos), true) = (single, can_close) {
                    close(&mut open, pos, &mut out);
                } else if c == '\''
                    && opens_after(p)
                    && n.is_some_and(char::is_alphabetic)
                    && !elided(&para[after..])
                {
                    open.push((Mark::SingleStraight, after));
                }
                // Otherwise an apostrophe: ’90s, leaders’, a stray mark.
            }
            _ => {}
        }
    }
    // A quotation left open runs to the end of its paragraph (the convention for one that
    // goes on in the next paragraph) when it opened the paragraph or followed "said:" or
    // "said,"; a stray mark elsewhere is dropped.
    let mut pending = None;
    if let Some(&(mark, start)) = open.first() {
        let before = para[..start].trim_end_matches(['“', '„', '"', '‘', '\'', '«']);
        let before = before.trim_end();
        let mut to_end = None;
        if before.is_empty() || before.ends_with([':', ',']) {
            to_end = Some(out.len());
            push(text, base + start, range.end, range.end, 0, &mut out);
            if to_end == Some(out.len()) {
                to_end = None;
            }
        }
        if mark.is_double() {
            pending = Some((base + start, to_end));
        }
    }
    out.sort_by_key(|s| (s.words.start, s.depth));
    if let Some((_, Some(k))) = pending.as_mut() {
        // Sorting moved the span: find it again (it ends at the paragraph's end).
        *k = out
            .iter()
            .position(|s| s.depth == 0 && s.outer.end == range.end)
            .unwrap_or(*k);
    }
    (out, pending)
}

/// Lowercase words a title keeps in Title Case ("The Lord of the Rings").
fn title_small(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "in"
            | "on"
            | "to"
            | "for"
            | "with"
            | "at"
            | "by"
            | "or"
            | "from"
            | "de"
            | "la"
            | "von"
    )
}

/// Whether quoted words look like the title of a work or a name, not words someone said:
/// at most six words, every one capitalised but the small ones, no comma, colon or question
/// ("American Pie", "The Big Lebowski.", "Scrubs").
#[must_use]
pub fn is_title(words: &str) -> bool {
    let body = words.trim_end_matches(['.', ',']);
    if body.contains([',', ';', '?', '!', '“', '"']) {
        return false;
    }
    // Seven words are already too many for a title: the rest of a long quotation is not read.
    let ws: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(7)
        .collect();
    !ws.is_empty()
        && ws.len() <= 6
        && ws.iter().enumerate().all(|(i, w)| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || (i > 0 && title_small(w))
        })
        && !ws
            .iter()
            .any(|w| matches!(*w, "I" | "We" | "You" | "My" | "Our"))
}

/// Record the quotation between `start` and `end` if it holds a word.
fn push(text: &str, start: usize, end: usize, outer_end: usize, depth: usize, out: &mut Vec<Span>) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ';', ':']).trim_end();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let open_len = text[..start].chars().next_back().map_or(0, char::len_utf8);
    out.push(Span {
        words: start + lead..start + lead + trimmed.len(),
        outer: start - open_len..outer_end,
        depth,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_found_as_a_character_search_finds_them() {
        const MARKS: [char; 9] = ['“', '„', '«', '”', '»', '"', '‘', '’', '\''];
        let text = "«Да» — „so“ ‘it’s’ \"x\" – ‘ ’ … ‚ ‛ ″ €é “ok”";
        let want: Vec<(usize, char)> = text
            .match_indices(MARKS)
            .filter_map(|(at, m)| Some((at, m.chars().next()?)))
            .collect();
        assert_eq!(marks_in(text).collect::<Vec<_>>(), want);
        for d in crate::model::embedded::seed_documents() {
            let want: Vec<usize> = d.text.match_indices(MARKS).map(|(at, _)| at).collect();
            let got: Vec<usize> = marks_in(&d.text).map(|(at, _)| at).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn the_filter_passes_every_word_with_a_first_byte_of_a_mark() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = *b"abcdefgh";
                w[at] = b;
                let passed = may_hold_mark(u64::from_le_bytes(w));
                assert_eq!(
                    passed,
                    (0x22..=0x27).contains(&b) || b >= 0x80,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Read eight bytes at a time, the marks are those a character search finds, at any
        /// offset and with any bytes around them.
        #[test]
        fn marks_are_found_at_any_offset(text in "[a “„«”»\"‘’'–…€é\n]{0,40}") {
            const MARKS: [char; 9] = ['“', '„', '«', '”', '»', '"', '‘', '’', '\''];
            let want: Vec<usize> = text.match_indices(MARKS).map(|(at, _)| at).collect();
            let got: Vec<usize> = marks_in(&text).map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn quotes(s: &str) -> Vec<&str> {
        find(s, 0..s.len())
            .into_iter()
            .map(|q| &s[q.words])
            .collect()
    }

    #[test]
    fn curly_and_straight_marks() {
        assert_eq!(quotes("He said “we won,” and left."), ["we won"]);
        assert_eq!(
            quotes("He said \"we won\" and 'we lost'."),
            ["we won", "we lost"]
        );
        assert_eq!(
            quotes("a ‘very good prospect’ both"),
            ["very good prospect"]
        );
        assert_eq!(quotes("« Bonjour » dit-il"), ["Bonjour"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Trump’s envoy, the ’90s and rock ’n’ roll, the leaders’ call").is_empty());
        assert!(quotes("Trump's envoy, the '90s and rock 'n' roll, the leaders' call").is_empty());
        assert_eq!(quotes("‘Trump’s envoy’ arrived"), ["Trump’s envoy"]);
    }

    #[test]
    fn nested_and_multi_sentence_quotes() {
        let s = "“He told me ‘never again.’ Then he left. We stayed,” she said.";
        assert_eq!(
            quotes(s),
            [
                "He told me ‘never again.’ Then he left. We stayed",
                "never again."
            ]
        );
        let q = find(s, 0..s.len());
        assert_eq!((q[0].depth, q[1].depth), (0, 1));
        assert_eq!(
            &s[q[0].outer.clone()],
            "“He told me ‘never again.’ Then he left. We stayed,”"
        );
    }

    #[test]
    fn titles_of_works_are_told_from_speech() {
        assert!(is_title("American Pie") && is_title("The Big Lebowski.") && is_title("Scrubs"));
        assert!(!is_title("progress") && !is_title("Great progress was made!"));
        assert!(!is_title("We Will Win") && !is_title("very good chance"));
    }

    #[test]
    fn a_quotation_goes_on_over_paragraphs_to_a_closing_mark() {
        let lines = |s: &str| -> Vec<Range<usize>> {
            let mut at = 0;
            s.split('\n')
                .map(|l| {
                    let r = at..at + l.len();
                    at += l.len() + 1;
                    r
                })
                .collect()
        };
        let s = "Police said: \"The fire spread.\nIt is suspicious \".\nNext one.";
        let got: Vec<&str> = find_all(s, &lines(s))
            .into_iter()
            .map(|q| &s[q.words])
            .collect();
        assert_eq!(got, ["The fire spread.\nIt is suspicious"]);
        let t = "He said \"we will.\nSo it goes.\nAnd then \"we did\" it.";
        let got: Vec<&str> = find_all(t, &lines(t))
            .into_iter()
            .map(|q| &t[q.words])
            .collect();
        assert_eq!(got, ["we did"]);
    }

    #[test]
    fn a_mark_after_a_comma_closes() {
        let s = "\"My client is here right now, \"Heller argued.";
        assert_eq!(quotes(s), ["My client is here right now"]);
    }

    #[test]
    fn an_open_mark_runs_to_the_paragraph_end_when_it_opens_it_or_follows_said() {
        assert_eq!(quotes("“We will go on and on"), ["We will go on and on"]);
        assert_eq!(quotes("She said: “We will go on."), ["We will go on."]);
        assert!(quotes("He saw “we will go on").is_empty());
    }
}
