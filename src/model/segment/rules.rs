//! The boundary decisions: one forward pass over the bytes that stops only at sentence
//! punctuation (`.`, `!`, `?`, `…`, full-width marks) and at the closing marks of outermost
//! quotations, and decides from the few words around it whether a sentence ends there.
//!
//! The rules follow pragmatic_segmenter / pySBD (abbreviation classes, multi-period
//! abbreviations, list markers, ellipsis shapes, quotations) but work on byte offsets
//! instead of rewriting the text, so the statements stay exact slices.

use super::lists::Lists;
use super::regions::{Kind, Regions};
use super::words;

/// Marks that may close a sentence after its punctuation: quotes, parentheses, brackets.
pub(super) fn closer_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"' | b'\'' | b')' | b']') => 1,
        Some(0xE2) if matches!(b.get(i + 1..i + 3), Some([0x80, 0x9D | 0x99])) => 3, // ” ’
        Some(0xC2) if b.get(i + 1) == Some(&0xBB) => 2,                              // »
        _ => 0,
    }
}

/// Marks that may open a word: quotes, parentheses, brackets.
pub(super) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '¿' | '¡')
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The word starting at `i` after any opening marks (letters, digits, apostrophes), and the
/// byte after it.
pub(super) fn word_at(text: &str, mut i: usize) -> (&str, usize) {
    while let Some(c) = char_at(text, i).filter(|&c| is_opener(c)) {
        i += c.len_utf8();
    }
    let rest = &text[i..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(rest.len());
    (&rest[..end], i + end)
}

fn skip_ws(b: &[u8], mut i: usize, text: &str) -> usize {
    loop {
        match b.get(i) {
            Some(c) if c.is_ascii_whitespace() => i += 1,
            Some(c) if *c >= 0x80 => match char_at(text, i) {
                Some(ch) if ch.is_whitespace() => i += ch.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

fn is_ws_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(char::is_whitespace)
}

/// What follows a candidate boundary.
pub(super) struct Next<'a> {
    /// First character of the next sentence (after whitespace), if any.
    pub(super) ch: Option<char>,
    /// The next word without its opening marks.
    pub(super) word: &'a str,
    /// Whether the first character after the opening marks is uppercase.
    pub(super) upper: bool,
    /// The text after the next word.
    pub(super) rest: &'a str,
}

impl<'a> Next<'a> {
    pub(super) fn at(text: &'a str, pos: usize) -> Self {
        let ch = char_at(text, pos);
        let (word, end) = word_at(text, pos);
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        Self {
            ch,
            word,
            upper,
            rest: &text[end..],
        }
    }

    pub(super) fn lower(&self) -> bool {
        self.ch.is_some_and(char::is_lowercase)
    }
}

/// The scanner state.
pub struct Scanner<'a> {
    pub(super) text: &'a str,
    b: &'a [u8],
    regions: &'a Regions,
    lists: &'a Lists,
    /// Cut positions found so far (increasing), list breaks included as they are passed.
    pub cuts: Vec<usize>,
    /// Start of the sentence being read.
    pub(super) sent_start: usize,
    next_break: usize,
    next_period: usize,
    region_ptr: usize,
    close_ptr: usize,
    /// Outermost quotations and parentheses: (inner end, end, kind, open), by end.
    closes: Vec<(usize, usize, Kind, usize)>,
}

impl<'a> Scanner<'a> {
    /// Prepare a scan of `text` starting at its first non-space byte `start`.
    #[must_use]
    pub fn new(text: &'a str, start: usize, regions: &'a Regions, lists: &'a Lists) -> Self {
        let closes = regions
            .pairs
            .iter()
            .filter(|r| r.kind != Kind::Bracket && r.kind != Kind::Dash)
            .filter(|r| !regions.contains(r.inner.1) && r.inner.1 > r.inner.0)
            .map(|r| (r.inner.1, r.end, r.kind, r.open))
            .collect::<Vec<_>>();
        let mut closes = closes;
        closes.sort_unstable_by_key(|c| c.1);
        Self {
            text,
            b: text.as_bytes(),
            regions,
            lists,
            cuts: Vec::new(),
            sent_start: start,
            next_break: 0,
            next_period: 0,
            region_ptr: 0,
            close_ptr: 0,
            closes,
        }
    }

    fn cut(&mut self, at: usize) {
        if self.cuts.last().is_none_or(|&l| l < at) {
            self.cuts.push(at);
            self.sent_start = at;
        }
    }

    fn protected(&mut self, i: usize) -> bool {
        let m = &self.regions.merged;
        while self.region_ptr < m.len() && m[self.region_ptr].1 <= i {
            self.region_ptr += 1;
        }
        self.region_ptr < m.len() && m[self.region_ptr].0 <= i
    }

    fn list_period(&mut self, i: usize) -> bool {
        let p = &self.lists.periods;
        while self.next_period < p.len() && p[self.next_period] < i {
            self.next_period += 1;
        }
        p.get(self.next_period) == Some(&i)
    }

    /// Take list breaks and quotation closes up to `i` into account.
    fn catch_up(&mut self, i: usize) {
        loop {
            let brk = self.lists.breaks.get(self.next_break).copied();
            let close = self.closes.get(self.close_ptr).copied();
            match (brk, close) {
                (Some(at), c) if at <= i && c.is_none_or(|c| at <= c.1 || c.1 > i) => {
                    self.next_break += 1;
                    self.cut(at);
                }
                (_, Some((inner_end, end, kind, open))) if end <= i => {
                    self.close_ptr += 1;
                    if end > self.sent_start {
                        self.quote_close(inner_end, end, kind, open);
                    }
                }
                _ => return,
            }
        }
    }

    /// Run the scan.
    pub fn run(&mut self) {
        let b = self.b;
        let mut i = self.sent_start;
        while i < b.len() {
            let c = b[i];
            let interesting = matches!(c, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF);
            if !interesting {
                i += 1;
                continue;
            }
            self.catch_up(i);
            if self.protected(i) {
                i += 1;
                continue;
            }
            i = match c {
                b'.' => self.period(i),
                b'!' | b'?' => self.bang(i),
                0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => self.ellipsis(i + 3),
                0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => self.full_width(i + 3),
                0xEF if matches!(b.get(i + 1..i + 3), Some([0xBC, 0x8E | 0x81 | 0x9F])) => {
                    self.full_width(i + 3)
                }
                _ => i + 1,
            };
        }
        self.catch_up(b.len());
    }

    /// Skip closing marks after punctuation ending at `i`; returns (position, any skipped).
    fn skip_closers(&self, mut i: usize) -> (usize, bool) {
        let start = i;
        loop {
            let n = closer_len(self.b, i);
            if n == 0 {
                return (i, i > start);
            }
            i += n;
        }
    }

    /// What follows sentence punctuation ending at `end`: where a cut would go (after any
    /// closing marks), where the next word starts, and that word; `None` unless whitespace and
    /// more text follow.
    fn following(&self, end: usize) -> Option<(usize, usize, Next<'_>)> {
        let (k, _) = self.skip_closers(end);
        if !is_ws_at(self.text, k) {
            return None;
        }
        let n = skip_ws(self.b, k, self.text);
        if n >= self.b.len() {
            return None;
        }
        Some((k, n, Next::at(self.text, n)))
    }

    /// After sentence punctuation ending at `end`: cut if whitespace and a sentence-like
    /// start follow. `need_upper` demands a capital (ellipses, closing quotes).
    fn cut_if_followed(&mut self, end: usize, need_upper: bool) {
        let Some((k, _, next)) = self.following(end) else {
            return;
        };
        if need_upper && !next.upper {
            return;
        }
        self.cut(k);
    }

    fn full_width(&mut self, end: usize) -> usize {
        let (k, _) = self.skip_closers(end);
        if k < self.b.len() {
            self.cut(k);
        }
        k.max(end)
    }

    fn ellipsis(&mut self, mut end: usize) -> usize {
        while matches!(self.b.get(end), Some(b'.')) {
            end += 1;
        }
        self.cut_if_followed(end, true);
        end
    }

    fn bang(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut end = i;
        while matches!(b.get(end), Some(b'!' | b'?')) {
            end += 1;
        }
        if b[i] == b'!' && end == i + 1 {
            let word = self.word_before(i);
            if matches!(word, "Yahoo" | "Yum") {
                return end;
            }
        }
        let Some((k, _, next)) = self.following(end) else {
            return end;
        };
        // "Leave me alone! he yelled" / "Yahoo! in": a lowercase word continues, and so
        // does a hyphen glued to a word ("her short lived E! -series"): a name that holds
        // the mark, then the rest of a compound. A spaced dash ("Stop! - he said") is
        // punctuation after a sentence and is judged by what follows it.
        if !next.lower() && !glued_hyphen(next.ch, next.word, self.text, k) {
            self.cut(k);
        }
        end
    }

    fn period(&mut self, i: usize) -> usize {
        let b = self.b;
        // Runs of periods: "...", "....".
        let mut end = i + 1;
        while b.get(end) == Some(&b'.') {
            end += 1;
        }
        if end - i >= 2 {
            self.cut_if_followed(end, true);
            return end;
        }
        // Spaced ellipses: ". . .", ". . . .".
        let mut dots = 1;
        let mut last = i;
        while b.get(last + 1) == Some(&b' ') && b.get(last + 2) == Some(&b'.') {
            dots += 1;
            last += 2;
        }
        if dots >= 3 {
            return self.spaced_ellipsis(i, last, dots);
        }
        if self.list_period(i) {
            return i + 1;
        }
        let next_byte = b.get(i + 1).copied();
        match next_byte {
            None => return i + 1,
            Some(d) if d.is_ascii_digit() || d == b'[' => {
                self.numbered_reference(i);
                return i + 1;
            }
            _ => {}
        }
        let (k, closed) = self.skip_closers(i + 1);
        if k >= b.len() {
            return k;
        }
        if !is_ws_at(self.text, k) {
            if !closed {
                self.unspaced(i);
            }
            return i + 1;
        }
        let n = skip_ws(b, k, self.text);
        if n >= b.len() {
            return k;
        }
        let next = Next::at(self.text, n);
        if closed && next.lower() {
            return k;
        }
        if self.period_ends_sentence(i, &next) {
            self.cut(k);
        }
        k
    }

    fn spaced_ellipsis(&mut self, first: usize, last: usize, dots: usize) -> usize {
        let attached = first > 0 && !is_ws_at(self.text, first - 1) && {
            char_before(self.text, first).is_some_and(|c| !c.is_whitespace())
        };
        let end = last + 1;
        let (k, _) = self.skip_closers(end);
        let n = skip_ws(self.b, k, self.text);
        let upper_follows = n > k && n < self.b.len() && Next::at(self.text, n).upper;
        if attached && dots >= 4 {
            // "compounds. . . . The practice": the first period ends the sentence and the
            // three spaced ones open the next.
            if upper_follows {
                self.cut(first + 1);
            }
        } else if (attached || dots >= 4) && upper_follows {
            self.cut(k);
        }
        end
    }

    /// "consultation.11 12 Take", "martyr.[1] The", "(1987).1 According": a reference
    /// number after the period, then a capital.
    fn numbered_reference(&mut self, i: usize) {
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
    fn unspaced(&mut self, i: usize) {
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
    fn quote_close(&mut self, inner_end: usize, end: usize, kind: Kind, open: usize) {
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

/// Whether the text after the whitespace following `k` starts with a hyphen or dash glued to
/// a lowercase word: `-series`, `–style`.
fn glued_hyphen(ch: Option<char>, word: &str, text: &str, k: usize) -> bool {
    if !matches!(ch, Some('-' | '–')) || !word.is_empty() {
        return false;
    }
    let rest = text[k..].trim_start();
    let mut chars = rest.chars();
    chars.next();
    chars.next().is_some_and(char::is_lowercase)
}

/// How far back a word or token is looked for, in bytes.
pub(super) const LOOKBACK: usize = 64;
