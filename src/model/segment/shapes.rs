//! Boundaries of special shapes: a reference number after a period ("martyr.[1] The"), a
//! period with no space after it ("Hello world.Today"), and the closing mark of an outermost
//! quotation or parenthesis. Each is checked only where the scan stops.

use super::marks::{char_at, char_before, is_ws_at, skip_ws};
use super::regions::Kind;
use super::rules::{Next, Scanner, LOOKBACK};
use super::words;

impl Scanner<'_> {
    /// "consultation.11 12 Take", "martyr.[1] The", "(1987).1 According": a reference
    /// number after the period, then a capital.
    pub(super) fn numbered_reference(&mut self, i: usize) {
        let b = self.b;
        let prev = char_before(self.text, i);
        if prev.is_none_or(|c| c.is_ascii_digit() || c.is_whitespace()) {
            return;
        }
        let mut j = i + 1;
        if b.get(j) == Some(&b'[') {
            while b.get(j) == Some(&b'[') {
                let mut k = j + 1;
                while k < b.len() && (b[k].is_ascii_digit() || matches!(b[k], b',' | b' ' | b'-')) {
                    k += 1;
                }
                if b.get(k) != Some(&b']') || k == j + 1 || k - j > 16 {
                    return;
                }
                j = k + 1;
            }
        } else {
            for group in 0..2 {
                let s = j;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                if j - s == 0 || j - s > 3 {
                    return;
                }
                if group == 0
                    && b.get(j) == Some(&b' ')
                    && b.get(j + 1).is_some_and(u8::is_ascii_digit)
                {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        if !is_ws_at(self.text, j) {
            return;
        }
        let n = skip_ws(b, j, self.text);
        if n < b.len() && Next::at(self.text, n).upper {
            self.cut(j);
        }
    }

    /// "Hello world.Today is Tuesday.Mr. Smith": a period between a lowercase letter or digit
    /// and a capitalised word, in a token that is no address, e-mail or file name.
    pub(super) fn unspaced(&mut self, i: usize) {
        let b = self.b;
        let prev_ok = i > 0 && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit());
        let next_ok = b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase);
        if !prev_ok || !next_ok {
            return;
        }
        // Tokens longer than the window are no prose: leave them whole (and linear).
        let lo = i.saturating_sub(LOOKBACK);
        let hi = (i + LOOKBACK).min(b.len());
        let token_start = match b[lo..i].iter().rposition(u8::is_ascii_whitespace) {
            Some(p) => lo + p + 1,
            None if lo == 0 => 0,
            None => return,
        };
        let token_end = match b[i..hi].iter().position(u8::is_ascii_whitespace) {
            Some(p) => i + p,
            None if hi == b.len() => b.len(),
            None => return,
        };
        let token = &b[token_start..token_end];
        if token.iter().any(|c| matches!(c, b'@' | b'/' | b':' | b'_')) {
            return;
        }
        let right = &b[i + 1..token_end];
        if right
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric())
        {
            return;
        }
        let left = &b[token_start..i];
        if left.contains(&b'.') || left.len() < 2 {
            return;
        }
        // "Alaska Gov.Sarah Palin": a title glued to the name.
        let left_word = std::str::from_utf8(left).unwrap_or("");
        if words::abbreviation(left_word.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .is_some()
        {
            return;
        }
        self.cut(i + 1);
    }

    /// A closing quotation mark or parenthesis of an outermost pair: the sentence ends after
    /// it when the quotation ended with sentence punctuation and a capital follows.
    pub(super) fn quote_close(&mut self, inner_end: usize, end: usize, kind: Kind, open: usize) {
        let last = char_before(self.text, inner_end);
        let ends = last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '-' | '…' | '—'));
        if kind == Kind::Paren {
            self.paren_between_quotes(open, end);
            if !ends || last == Some('-') {
                return;
            }
        } else if !ends {
            return;
        }
        // Closing marks right after (`.”)`) belong to the same sentence.
        let Some((k, n, next)) = self.following(end) else {
            return;
        };
        // "Cinnaminson (N.J.) High School", "the “U.S.” Army": a final period inside the
        // marks must itself end a sentence.
        if last == Some('.')
            && char_before(self.text, inner_end - 1) != Some('.')
            && !self.period_ends_sentence(inner_end - 1, &next)
        {
            return;
        }
        if next.upper {
            // A capital, or a new quotation, starts the next sentence; a parenthesis
            // ("… house!' (Which was very likely true.)") continues this one.
            let first = char_at(self.text, n);
            if first.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘')) {
                self.cut(k);
            }
        }
    }

    /// `"…!" (Dinah was the cat.) "I hope …"`: a parenthesis between two quotations
    /// stands alone.
    fn paren_between_quotes(&mut self, open: usize, end: usize) {
        let before = &self.text[..open];
        let after = &self.text[end..];
        let quote_before = before
            .strip_suffix(|c: char| c.is_whitespace())
            .is_some_and(|s| s.ends_with(['"', '”']));
        let quote_after = after
            .strip_prefix(|c: char| c.is_whitespace())
            .is_some_and(|s| s.starts_with(['"', '“']));
        if quote_before && quote_after && open > self.sent_start {
            let cut = before.trim_end().len();
            self.cut(cut);
            self.cut(end);
        }
    }
}
