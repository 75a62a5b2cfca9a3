//! Protected regions: the insides of quotations, parentheses, brackets and dash asides.
//!
//! Punctuation inside a balanced pair never ends a sentence, so a multi-sentence quotation
//! ("“We are ready. The talks go on,” he said.") stays one statement. Only the closing mark of
//! an outermost pair can end a sentence (see `super::rules`). Every finder here is a single
//! forward pass: unmatched openers are skipped without backtracking, so hostile input stays
//! linear.

/// What kind of pair a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Straight or curly double quotes, guillemets.
    DoubleQuote,
    /// Straight or curly single quotes.
    SingleQuote,
    /// Parentheses.
    Paren,
    /// Square brackets.
    Bracket,
    /// A dash aside: `-- … --` or `— … —`.
    Dash,
}

/// One balanced pair: the inner text is `inner.0..inner.1`; the closing mark ends at `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Byte where the opening mark starts.
    pub open: usize,
    /// Inner text (between the marks).
    pub inner: (usize, usize),
    /// One past the closing mark.
    pub end: usize,
    /// The kind of pair.
    pub kind: Kind,
}

/// All regions of a text, plus the union of their insides for fast membership tests.
#[derive(Debug, Default)]
pub struct Regions {
    /// Every pair found, sorted by `open`.
    pub pairs: Vec<Region>,
    /// Merged inner spans, sorted and disjoint.
    pub merged: Vec<(usize, usize)>,
}

impl Regions {
    /// Find the regions of `text`.
    #[must_use]
    pub fn find(text: &str) -> Self {
        let b = text.as_bytes();
        // One pass to see which marks occur at all; most paragraphs need only a few finders.
        let mut seen = [false; 256];
        for &c in b {
            seen[usize::from(c)] = true;
        }
        let mut pairs = Vec::new();
        if seen[usize::from(b'"')] {
            straight_doubles(b, &mut pairs);
        }
        if seen[0xE2] {
            curly(
                b,
                "“".as_bytes(),
                "”".as_bytes(),
                Kind::DoubleQuote,
                &mut pairs,
            );
            singles(b, "‘".as_bytes(), &mut pairs);
            em_dashes(b, &mut pairs);
        }
        if seen[0xC2] {
            curly(
                b,
                "«".as_bytes(),
                "»".as_bytes(),
                Kind::DoubleQuote,
                &mut pairs,
            );
        }
        if seen[usize::from(b'\'')] {
            singles(b, b"'", &mut pairs);
        }
        if seen[usize::from(b'(')] {
            innermost(b, b'(', b')', Kind::Paren, &mut pairs);
        }
        if seen[usize::from(b'[')] {
            innermost(b, b'[', b']', Kind::Bracket, &mut pairs);
        }
        if seen[usize::from(b'-')] {
            double_hyphens(b, &mut pairs);
        }
        pairs.sort_by_key(|r| (r.open, r.end));
        let mut spans: Vec<(usize, usize)> = pairs
            .iter()
            .map(|r| r.inner)
            .filter(|(s, e)| s < e)
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Self { pairs, merged }
    }

    /// Whether byte `pos` lies inside some region.
    #[must_use]
    pub fn contains(&self, pos: usize) -> bool {
        let i = self.merged.partition_point(|&(s, _)| s <= pos);
        i > 0 && pos < self.merged[i - 1].1
    }
}

fn at(b: &[u8], i: usize, pat: &[u8]) -> bool {
    b.get(i..i + pat.len()) == Some(pat)
}

fn ws_before(b: &[u8], i: usize) -> bool {
    i == 0 || b[i - 1].is_ascii_whitespace() || (i >= 2 && at(b, i - 2, "\u{a0}".as_bytes()))
}

fn straight_doubles(b: &[u8], out: &mut Vec<Region>) {
    let mut open = None;
    for (i, &c) in b.iter().enumerate() {
        if c != b'"' {
            continue;
        }
        match open.take() {
            None => open = Some(i),
            Some(o) => out.push(Region {
                open: o,
                inner: (o + 1, i),
                end: i + 1,
                kind: Kind::DoubleQuote,
            }),
        }
    }
}

/// Pairs an opener with the next closer: “…”, «…».
fn curly(b: &[u8], open: &[u8], close: &[u8], kind: Kind, out: &mut Vec<Region>) {
    let mut i = 0;
    while let Some(o) = find(b, i, open) {
        let Some(c) = find(b, o + open.len(), close) else {
            return;
        };
        out.push(Region {
            open: o,
            inner: (o + open.len(), c),
            end: c + close.len(),
            kind,
        });
        i = c + close.len();
    }
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    let first = pat[0];
    let mut i = from;
    // A tight search for the first byte, then a comparison at each hit: fewer instructions
    // per byte than testing every position.
    while let Some(off) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == first))
    {
        let at = i + off;
        if b.get(at..at + pat.len()) == Some(pat) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Single quotes: an opener after whitespace, closed by the next matching mark that is not
/// an apostrophe inside a word (`they'll`, `dragon’s`) and is followed by a space or
/// punctuation, so a leading apostrophe ("the 'nineties") opens nothing.
fn singles(b: &[u8], open: &[u8], out: &mut Vec<Region>) {
    let close: &[u8] = if open == b"'" { b"'" } else { "’".as_bytes() };
    let mut i = 0;
    while let Some(o) = find(b, i, open) {
        // "the '90s": an apostrophe before a digit or a space opens nothing.
        let first = b.get(o + open.len()).copied();
        if !ws_before(b, o) || first.is_none_or(|c| c.is_ascii_digit() || c.is_ascii_whitespace()) {
            i = o + open.len();
            continue;
        }
        let mut j = o + open.len();
        let mut found = None;
        while let Some(c) = find(b, j, close) {
            let after = c + close.len();
            let next = b.get(after).copied();
            if next.is_some_and(|n| n.is_ascii_alphabetic()) {
                j = after;
                continue;
            }
            found = Some(c);
            break;
        }
        let Some(c) = found else {
            return;
        };
        let after = c + close.len();
        let ok = b
            .get(after)
            .is_none_or(|&n| n.is_ascii_whitespace() || n.is_ascii_punctuation() || n >= 0x80);
        if ok && c > o + open.len() {
            out.push(Region {
                open: o,
                inner: (o + open.len(), c),
                end: after,
                kind: Kind::SingleQuote,
            });
        }
        // Every opener before `c` would reach the same closer, so move past it either way:
        // this keeps the pass linear.
        i = after;
    }
}

/// Innermost pairs of `(`…`)` or `[`…`]`: nesting is not tracked, as in pySBD.
fn innermost(b: &[u8], open: u8, close: u8, kind: Kind, out: &mut Vec<Region>) {
    let mut pending = None;
    for (i, &c) in b.iter().enumerate() {
        if c == open {
            pending = Some(i);
        } else if c == close {
            if let Some(o) = pending.take() {
                out.push(Region {
                    open: o,
                    inner: (o + 1, i),
                    end: i + 1,
                    kind,
                });
            }
        }
    }
}

/// `-- aside --` with no hyphen inside.
fn double_hyphens(b: &[u8], out: &mut Vec<Region>) {
    let mut i = 0;
    while let Some(o) = find(b, i, b"--") {
        let mut j = o + 2;
        while j < b.len() && b[j] == b'-' {
            j += 1;
        }
        let start = j;
        while j < b.len() && b[j] != b'-' {
            j += 1;
        }
        if at(b, j, b"--") && j > start && aside(&b[start..j]) {
            out.push(Region {
                open: o,
                inner: (start, j),
                end: j + 2,
                kind: Kind::Dash,
            });
            i = j + 2;
        } else {
            i = j.max(o + 2);
        }
    }
}

/// `— aside —` whose inside holds no sentence-ending period, so a dash that merely
/// introduces a clause cannot swallow the next sentence.
fn em_dashes(b: &[u8], out: &mut Vec<Region>) {
    let dash = "—".as_bytes();
    let mut i = 0;
    while let Some(o) = find(b, i, dash) {
        let start = o + dash.len();
        let Some(c) = find(b, start, dash) else {
            return;
        };
        if c > start && aside(&b[start..c]) {
            out.push(Region {
                open: o,
                inner: (start, c),
                end: c + dash.len(),
                kind: Kind::Dash,
            });
            i = c + dash.len();
        } else {
            i = c;
        }
    }
}

/// Whether the text between two dashes reads as a short aside: one line, no sentence-ending
/// period and no quotation marks, so a dash that merely introduces a clause or a quotation
/// cannot swallow the next sentence.
fn aside(inner: &[u8]) -> bool {
    const MAX_ASIDE: usize = 200;
    inner.len() <= MAX_ASIDE
        && !inner.iter().any(|&c| matches!(c, b'\n' | b'"'))
        && !inner
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_whitespace())
        && !inner
            .windows(3)
            .any(|w| w == "“".as_bytes() || w == "”".as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        Regions::find(text)
            .pairs
            .iter()
            .map(|r| &text[r.inner.0..r.inner.1])
            .collect()
    }

    #[test]
    fn finds_balanced_pairs_of_each_kind() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"Go. Now.\" Then", &["Go. Now."]),
            ("He said “Go. Now.” Then", &["Go. Now."]),
            ("Hello. 'This is a test.' A new", &["This is a test."]),
            (
                "‘dragon’s blood. It grows’ (p. 154)",
                &["dragon’s blood. It grows", "p. 154"],
            ),
            ("science (He worked.) at", &["He worked."]),
            ("[?][footnoteRef:6] This", &["?", "footnoteRef:6"]),
            ("and -- voila! -- you", &[" voila! "]),
            ("be — if I may say so? — a bit", &[" if I may say so? "]),
        ];
        for (text, want) in cases {
            assert_eq!(inner(text), *want, "{text}");
        }
    }

    #[test]
    fn apostrophes_and_unmatched_marks_open_nothing() {
        assert!(inner("I wrote this in the 'nineties.  It has four. isn't it?").is_empty());
        assert!(inner("In the '90s it grew. Then 'we' went").len() == 1);
        assert!(inner("“The quote goes on into the next paragraph.").is_empty());
        assert!(inner("The war — now in its fourth year. Officials — said").is_empty());
    }

    #[test]
    fn membership_uses_merged_insides() {
        let r = Regions::find("a (b. c) d “e.” f");
        assert!(r.contains(4));
        assert!(!r.contains(1));
        assert!(!r.contains(8));
    }
}
