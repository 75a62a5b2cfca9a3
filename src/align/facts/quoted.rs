//! Quotations in one statement: the words between matching quote marks (curly, straight or
//! single), for the quote drift of a link and the evidence of a shared quotation.

use std::ops::Range;

use crate::align::text::TokenKind;
use crate::align::tokens::Toks;

/// A quotation: the words between quote marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte range of the quoted words (marks excluded).
    pub span: Range<usize>,
    /// Indices of its tokens in the statement's token list.
    pub tokens: Range<usize>,
}

fn is_open_quote(toks: Toks<'_>, i: usize, text: &str) -> Option<char> {
    let span = toks.span(i);
    let raw = text[span.clone()].chars().next()?;
    match raw {
        '“' | '«' | '„' => Some('”'),
        '"' => Some('"'),
        '‘' => Some('’'),
        '\'' if i == 0 || toks.span(i - 1).end < span.start => Some('\''),
        _ => None,
    }
}

/// A quote over tokens `r`, without the punctuation at its ends ("constructive," → "constructive").
fn trimmed(toks: Toks<'_>, mut r: Range<usize>) -> Option<Quote> {
    while r.start < r.end && toks.kind(r.start) == TokenKind::Punct {
        r.start += 1;
    }
    while r.end > r.start && toks.kind(r.end - 1) == TokenKind::Punct {
        r.end -= 1;
    }
    (r.start < r.end).then(|| Quote {
        span: toks.span(r.start).start..toks.span(r.end - 1).end,
        tokens: r,
    })
}

/// The quotations of a statement: text between matching quote marks, at least one word long.
#[must_use]
pub fn quotes(toks: Toks<'_>, text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut i = 0;
    // An odd number of straight double quotes means the statement began inside a quotation
    // that an earlier sentence opened: its first mark closes, it does not open.
    let straight: Vec<usize> = (0..toks.len())
        .filter(|&k| text[toks.span(k)].starts_with('"'))
        .collect();
    if straight.len() % 2 == 1 {
        i = straight[0] + 1;
    }
    while i < toks.len() {
        let Some(close) = is_open_quote(toks, i, text) else {
            i += 1;
            continue;
        };
        let found = (i + 1..toks.len()).find(|&j| {
            let raw = text[toks.span(j)].chars().next();
            toks.kind(j) == TokenKind::Punct
                && (raw == Some(close)
                    || (close == '”' && raw == Some('"'))
                    || (close == '"' && raw == Some('”')))
        });
        match found {
            Some(j) if j > i + 1 => {
                out.extend(trimmed(toks, i + 1..j));
                i = j + 1;
            }
            // An unclosed quote runs to the end of the statement (the sentence splitter cuts
            // multi-sentence quotes), as long as it holds words.
            None if toks.len() > i + 2 && close != '\'' => {
                out.extend(trimmed(toks, i + 1..toks.len()));
                break;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::Tokenised;

    #[test]
    fn quotes_between_curly_straight_and_single_marks() {
        let s = "a “very good chance” and ‘the main thing’ and \"useful\"";
        let t = Tokenised::new(&[s]);
        let got: Vec<&str> = quotes(t.view(0), s)
            .into_iter()
            .map(|q| &s[q.span])
            .collect();
        assert_eq!(got, ["very good chance", "the main thing", "useful"]);
    }
}
