//! The boundary decisions: one forward pass over the bytes that stops only at sentence
//! punctuation (`.`, `!`, `?`, `…`, full-width marks) and at the closing marks of outermost
//! quotations, and decides from the few words around it whether a sentence ends there.
//!
//! The rules follow pragmatic_segmenter / pySBD (abbreviation classes, multi-period
//! abbreviations, list markers, ellipsis shapes, quotations) but work on byte offsets
//! instead of rewriting the text, so the statements stay exact slices.

use super::lists::Lists;
use super::marks::{char_at, char_before, closer_len, glued_hyphen, is_ws_at, skip_ws, word_at};
use super::regions::{Kind, Regions};

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
    pub(super) b: &'a [u8],
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

    pub(super) fn cut(&mut self, at: usize) {
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
    pub(super) fn following(&self, end: usize) -> Option<(usize, usize, Next<'_>)> {
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
}

/// How far back a word or token is looked for, in bytes.
pub(super) const LOOKBACK: usize = 64;
