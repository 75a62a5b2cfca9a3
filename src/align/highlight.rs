//! Which words of two linked statements carry their difference, for highlighting.
//!
//! Two kinds of mark, strongest first:
//! - **conflict**: the words of a conflicting fact the engine found (a [`Difference`]: a
//!   number, date, name, quotation or key noun), on both sides. Inside the two renderings of
//!   one fact only the words that differ are marked ("3 hours" / "4 hours" marks the digits);
//!   a side whose words all stand in the other is marked whole, so a conflict always shows
//!   on both sides.
//! - **phrase**: in a paraphrase, a stretch of content words with no counterpart anywhere in
//!   the other statement (word order does not matter: paraphrases reorder). Stopwords are
//!   never marked on their own, only inside such a stretch.
//!
//! Two statements that share too little for a word comparison to mean anything (most content
//! words of a side without counterpart, or the differences scattered over many stretches) are
//! **reworded**: they get no phrase marks at all rather than a highlight over nearly all of
//! them. Conflicts are marked either way.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::diff::lcs;
use super::lexicon::lexicon;
use super::text::{tokenize, Token, TokenKind};
use super::{Difference, DifferenceKind};

/// What a highlighted stretch shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Words of a conflicting fact, of this kind.
    Conflict(DifferenceKind),
    /// Content words of a paraphrase with no counterpart in the other statement.
    Phrase,
}

impl Mark {
    /// Whether this is a conflict mark (the strongest).
    #[must_use]
    pub fn is_conflict(self) -> bool {
        matches!(self, Self::Conflict(_))
    }
}

/// One highlighted stretch of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range in the statement: on char boundaries, from a word's start to a word's end.
    pub range: Range<usize>,
    /// Conflict or phrase.
    pub mark: Mark,
}

/// The highlights of both statements of a pair.
///
/// Each side's highlights are sorted, non-overlapping and inside its statement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PairHighlights {
    /// Highlights of the first statement.
    pub a: Vec<Highlight>,
    /// Highlights of the second statement.
    pub b: Vec<Highlight>,
    /// The two share too little for phrase marks: only conflicts (if any) are marked.
    pub reworded: bool,
}

impl PairHighlights {
    /// The same highlights with the two sides exchanged.
    #[must_use]
    pub fn flipped(self) -> Self {
        Self {
            a: self.b,
            b: self.a,
            reworded: self.reworded,
        }
    }
}

/// Largest share of a side's content words that phrase marks may cover; above it the pair is
/// reworded (a highlight over most of a sentence says nothing).
const MAX_UNMATCHED_SHARE: f32 = 0.5;
/// Most phrase stretches on one side; more means the wording differs throughout (reworded).
const MAX_PHRASES: usize = 3;
/// Shortest common prefix by which two words are taken as spelling variants
/// ("Zelensky" / "Zelenskiy"), and the most letters either may add to it.
const VARIANT_PREFIX: usize = 5;
const VARIANT_EXTRA: usize = 2;
/// Most matched names a phrase runs across between two unmatched words.
const ABSORB: usize = 1;
/// Longest stretch at an end of one rendering of a conflict, facing nothing in the other,
/// that is marked as changed.
const EDGE_WORDS: usize = 2;

/// Which words of `a` and `b` carry their difference (see the module documentation).
///
/// `conflicts` are the link's typed differences: each one's `a` words are looked for in `a`,
/// its `b` words in `b` (a difference whose words are not found is skipped).
#[must_use]
pub fn highlight(a: &str, b: &str, conflicts: &[Difference]) -> PairHighlights {
    let (ta, tb) = (tokenize(a), tokenize(b));
    let (mut ma, mut mb) = conflict_marks(&ta, &tb, conflicts);
    let (ka, kb) = (keys(&ta), keys(&tb));
    let (ua, ub) = (
        unmatched_words((&ta, &ka), (&tb, &kb), &ma),
        unmatched_words((&tb, &kb), (&ta, &ka), &mb),
    );
    let (pa, pb) = (phrases(&ta, &ua, &ma), phrases(&tb, &ub, &mb));
    let (sa, sb) = (side(&ta, &ma, &pa), side(&tb, &mb, &pb));
    let reworded = reworded(sa, sb);
    if !reworded {
        for (m, ps) in [(&mut ma, &pa), (&mut mb, &pb)] {
            for r in ps {
                for k in r.clone() {
                    m[k] = Some(Mark::Phrase);
                }
            }
        }
    }
    PairHighlights {
        a: ranges(&ta, &ma),
        b: ranges(&tb, &mb),
        reworded,
    }
}

/// Only the conflict marks of [`highlight`]: cheaper (no word matching), for the statements
/// on screen that are not the selected pair. `reworded` is always false.
#[must_use]
pub fn conflicts(a: &str, b: &str, conflicts: &[Difference]) -> PairHighlights {
    let (ta, tb) = (tokenize(a), tokenize(b));
    let (ma, mb) = conflict_marks(&ta, &tb, conflicts);
    PairHighlights {
        a: ranges(&ta, &ma),
        b: ranges(&tb, &mb),
        reworded: false,
    }
}

type Marks = Vec<Option<Mark>>;

/// Each token's conflict mark, if any, on both sides.
fn conflict_marks(ta: &[Token], tb: &[Token], conflicts: &[Difference]) -> (Marks, Marks) {
    let mut ma: Marks = vec![None; ta.len()];
    let mut mb: Marks = vec![None; tb.len()];
    for d in conflicts {
        let (Some(ra), Some(rb)) = (find(ta, &d.a), find(tb, &d.b)) else {
            continue;
        };
        mark_conflict(ta, ra, tb, rb, Mark::Conflict(d.kind), &mut ma, &mut mb);
    }
    (ma, mb)
}

/// The token range of `toks` whose folded forms spell `words` (tokenised), first occurrence.
fn find(toks: &[Token], words: &str) -> Option<Range<usize>> {
    let w = tokenize(words);
    if w.is_empty() || w.len() > toks.len() {
        return None;
    }
    (0..=toks.len() - w.len())
        .find(|&i| w.iter().zip(&toks[i..]).all(|(x, y)| x.norm == y.norm))
        .map(|i| i..i + w.len())
}

fn is_word(t: &Token) -> bool {
    t.kind != TokenKind::Punct
}

fn is_content(t: &Token) -> bool {
    is_word(t) && !lexicon().is_stopword(&t.norm)
}

/// Mark the words of one conflict on both sides: those outside the common subsequence of the
/// two renderings, or a whole rendering none of whose words differ.
///
/// A stretch left over at either end of one rendering, facing nothing on the other, is marked
/// only when short ("very" good chance / good chance): a longer one is more of the quotation
/// than the other report gave, not a change of its words.
fn mark_conflict(
    ta: &[Token],
    ra: Range<usize>,
    tb: &[Token],
    rb: Range<usize>,
    mark: Mark,
    ma: &mut [Option<Mark>],
    mb: &mut [Option<Mark>],
) {
    let (sa, sb) = (&ta[ra.clone()], &tb[rb.clone()]);
    let pairs = lcs(sa, sb);
    let mut da = vec![false; sa.len()];
    let mut db = vec![false; sb.len()];
    // The gaps between matched words: before the first, between two, after the last.
    let mut prev: (usize, usize) = (0, 0);
    let bounds = pairs
        .iter()
        .map(|&(i, j)| (i, j))
        .chain(std::iter::once((sa.len(), sb.len())));
    for (g, (i, j)) in bounds.enumerate() {
        let (ga, gb) = (prev.0..i, prev.1..j);
        prev = (i + 1, j + 1);
        let words =
            |s: &[Token], r: &Range<usize>| s[r.clone()].iter().filter(|t| is_word(t)).count();
        let (wa, wb) = (words(sa, &ga), words(sb, &gb));
        let inner = g > 0 && g < pairs.len();
        let keep = |w: usize, other: usize| inner || other > 0 || w <= EDGE_WORDS;
        if keep(wa, wb) {
            da[ga].fill(true);
        }
        if keep(wb, wa) {
            db[gb].fill(true);
        }
    }
    for (s, d, r, m) in [(sa, &da, ra, ma), (sb, &db, rb, mb)] {
        let whole = !s.iter().zip(d).any(|(t, &x)| is_word(t) && x);
        for (k, t) in s.iter().enumerate() {
            // The first conflict found keeps a word (two rarely share one).
            if is_word(t) && (whole || d[k]) && m[r.start + k].is_none() {
                m[r.start + k] = Some(mark);
            }
        }
    }
}

/// The key a word is matched by: its alias ("united states" → "us") or its stem.
fn keys(toks: &[Token]) -> Vec<String> {
    let lex = lexicon();
    // Only content words are ever matched by key: the rest keep their folded form.
    let mut out: Vec<String> = toks
        .iter()
        .map(|t| {
            if is_content(t) {
                lex.stem(&t.norm)
            } else {
                t.norm.clone()
            }
        })
        .collect();
    for (i, t) in toks.iter().enumerate() {
        if let Some(v) = lex.alias(&t.norm) {
            out[i] = v.to_owned();
        }
        if let Some(next) = toks.get(i + 1) {
            if lex.starts_phrase_alias(&t.norm) {
                if let Some(v) = lex.alias(&format!("{} {}", t.norm, next.norm)) {
                    out[i] = v.to_owned();
                    out[i + 1] = v.to_owned();
                }
            }
        }
    }
    out
}

/// The first [`VARIANT_PREFIX`] letters of a word: spelling variants share them.
fn prefix(w: &str) -> String {
    w.chars().take(VARIANT_PREFIX).collect()
}

/// Two spellings of one name ("zelensky" / "zelenskiy"): a long common start, little more.
fn variant(x: &str, y: &str) -> bool {
    let common = x.chars().zip(y.chars()).take_while(|(c, d)| c == d).count();
    common >= VARIANT_PREFIX
        && x.chars().count() <= common + VARIANT_EXTRA
        && y.chars().count() <= common + VARIANT_EXTRA
}

/// For each token of `s`: whether it is a content word, unmarked, with no counterpart in
/// `other` (the same stem, alias, number or spelling of a name, anywhere in it).
fn unmatched_words(
    (s, ks): (&[Token], &[String]),
    (other, ko): (&[Token], &[String]),
    marks: &[Option<Mark>],
) -> Vec<bool> {
    // Sets of the other side's words, so a long statement costs linear time, not quadratic.
    let theirs: HashSet<&str> = ko
        .iter()
        .map(String::as_str)
        .chain(other.iter().map(|o| o.norm.as_str()))
        .collect();
    let values: HashSet<u64> = other
        .iter()
        .filter_map(|o| o.value.map(f64::to_bits))
        .collect();
    let mut by_prefix: HashMap<String, Vec<&str>> = HashMap::new();
    for o in other {
        by_prefix.entry(prefix(&o.norm)).or_default().push(&o.norm);
    }
    s.iter()
        .zip(ks)
        .zip(marks)
        .map(|((t, k), m)| {
            if m.is_some() || !is_content(t) {
                return false;
            }
            let counterpart = theirs.contains(k.as_str())
                || theirs.contains(t.norm.as_str())
                || (t.kind == TokenKind::Number
                    && t.value.is_some_and(|v| values.contains(&v.to_bits())))
                || by_prefix
                    .get(&prefix(&t.norm))
                    .is_some_and(|ws| ws.iter().any(|w| variant(w, &t.norm)));
            !counterpart
        })
        .collect()
}

/// Punctuation a phrase runs across: what stays inside a clause (commas, hyphens,
/// apostrophes, quotation marks), not what ends one.
fn bridges(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && !matches!(t.norm.as_str(), "." | ";" | ":" | "!" | "?" | "(" | ")")
}

/// Two tokens written together, with no space between ("in" "-" "person").
fn touching(x: &Token, y: &Token) -> bool {
    x.span.end == y.span.start
}

/// The phrases of `s` with no counterpart, as token ranges: each runs from an unmatched
/// content word to an unmatched content word, across stopwords, clause punctuation and at
/// most [`ABSORB`] shared name ("met Donald Trump's predecessor": one phrase, not
/// two around the name both share), never across a conflict; a hyphenated word joins whole.
fn phrases(s: &[Token], unmatched: &[bool], marks: &[Option<Mark>]) -> Vec<Range<usize>> {
    let free = |k: usize| marks[k].is_none();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !unmatched[i] {
            i += 1;
            continue;
        }
        let floor = out.last().map_or(0, |r| r.end);
        let mut start = i;
        while start >= floor + 2
            && s[start - 1].norm == "-"
            && is_word(&s[start - 2])
            && free(start - 2)
            && touching(&s[start - 2], &s[start - 1])
            && touching(&s[start - 1], &s[start])
        {
            start -= 2;
        }
        let (mut end, mut absorbed, mut j) = (i, 0, i + 1);
        while j < s.len() && free(j) {
            let t = &s[j];
            if unmatched[j] {
                end = j;
                absorbed = 0;
            } else if is_content(t) {
                // A shared name inside a differing phrase ("met Donald Trump's predecessor")
                // is part of it; a shared common word ends it.
                absorbed += 1;
                if absorbed > ABSORB || !t.capitalised {
                    break;
                }
            } else if !is_word(t) && !bridges(t) {
                break;
            }
            j += 1;
        }
        while end + 2 < s.len()
            && s[end + 1].norm == "-"
            && is_word(&s[end + 2])
            && free(end + 2)
            && touching(&s[end], &s[end + 1])
            && touching(&s[end + 1], &s[end + 2])
        {
            end += 2;
        }
        out.push(start..end + 1);
        i = end + 1;
    }
    out
}

/// What the phrases of one side amount to.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// Content words not in a conflict.
    content: usize,
    /// Of those, the ones inside a phrase.
    covered: usize,
    /// Number of phrases.
    phrases: usize,
}

fn side(s: &[Token], marks: &[Option<Mark>], ps: &[Range<usize>]) -> Side {
    let content: Vec<usize> = (0..s.len())
        .filter(|&i| is_content(&s[i]) && marks[i].is_none())
        .collect();
    Side {
        content: content.len(),
        covered: content
            .iter()
            .filter(|&&i| ps.iter().any(|r| r.contains(&i)))
            .count(),
        phrases: ps.len(),
    }
}

/// Whether two statements share too little for phrase marks to mean anything.
fn reworded(a: Side, b: Side) -> bool {
    let too_much = |s: Side| {
        s.covered as f32 > MAX_UNMATCHED_SHARE * s.content as f32 || s.phrases > MAX_PHRASES
    };
    too_much(a) || too_much(b)
}

/// Runs of equally marked tokens as byte ranges (punctuation inside a run joins it).
fn ranges(toks: &[Token], marks: &[Option<Mark>]) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = Vec::new();
    // The token that ends the last highlight.
    let mut last = 0;
    for (i, (t, m)) in toks.iter().zip(marks).enumerate() {
        let Some(m) = *m else { continue };
        // Only unmarked punctuation lies between this token and the run before it.
        let joins = out.last().is_some_and(|h| h.mark == m)
            && toks[last + 1..i]
                .iter()
                .zip(&marks[last + 1..i])
                .all(|(x, n)| n.is_none() && x.kind == TokenKind::Punct);
        match out.last_mut() {
            Some(h) if joins => h.range.end = t.span.end,
            _ => out.push(Highlight {
                range: t.span.clone(),
                mark: m,
            }),
        }
        last = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn marked<'a>(s: &'a str, hs: &[Highlight], conflict: bool) -> Vec<&'a str> {
        hs.iter()
            .filter(|h| h.mark.is_conflict() == conflict)
            .map(|h| &s[h.range.clone()])
            .collect()
    }

    fn diff(kind: DifferenceKind, a: &str, b: &str) -> Difference {
        Difference {
            kind,
            a: a.into(),
            b: b.into(),
        }
    }

    // Seeds 002 and 003: the deadline a day away against 48 hours away.
    const DAY: &str = "This high-stakes diplomatic engagement comes as the US aggressively pushes \
        for an end to Russia’s war in Ukraine, with President Trump’s deadline for a truce \
        looming just a day away.";
    const HOURS: &str = "The diplomatic momentum comes just 48 hours before the expiration of \
        a deadline set by Trump for Russia to commit to a peace agreement or face new economic \
        sanctions.";

    #[test]
    fn the_conflict_of_two_reworded_statements_is_all_that_is_marked() {
        let h = highlight(
            DAY,
            HOURS,
            &[diff(DifferenceKind::Number, "a day", "48 hours")],
        );
        assert_eq!(marked(DAY, &h.a, true), ["a day"]);
        assert_eq!(marked(HOURS, &h.b, true), ["48 hours"]);
        assert!(h.reworded);
        assert!(marked(DAY, &h.a, false).is_empty(), "{h:?}");
        assert!(marked(HOURS, &h.b, false).is_empty(), "{h:?}");
        let kinds: Vec<Mark> = h.a.iter().chain(&h.b).map(|x| x.mark).collect();
        assert!(kinds
            .iter()
            .all(|m| *m == Mark::Conflict(DifferenceKind::Number)));
    }

    #[test]
    fn one_number_apart_marks_only_the_number() {
        let a = "The meeting lasted 3 hours, officials in Moscow said on Wednesday.";
        let b = "The meeting lasted 4 hours, officials in Moscow said on Wednesday.";
        let h = highlight(a, b, &[diff(DifferenceKind::Number, "3 hours", "4 hours")]);
        assert_eq!(marked(a, &h.a, true), ["3"]);
        assert_eq!(marked(b, &h.b, true), ["4"]);
        assert!(!h.reworded);
        assert!(marked(a, &h.a, false).is_empty() && marked(b, &h.b, false).is_empty());
        // Found by the words alone too: no typed difference, the one differing word.
        let h = highlight(a, b, &[]);
        assert_eq!(marked(a, &h.a, false), ["3"]);
    }

    #[test]
    fn a_rewording_marks_at_most_the_differing_phrase() {
        let a = "Trump informed European leaders during a phone call on Wednesday.";
        let b = "Trump informed European leaders during a phone call on Wednesday, \
                 according to The New York Times.";
        let h = highlight(a, b, &[]);
        assert!(h.a.is_empty(), "{h:?}");
        assert_eq!(marked(b, &h.b, false), ["New York Times"]);
        // The stopwords between changes are not marked on their own.
        let a = "The Kremlin said the talks were useful and went well.";
        let b = "The Kremlin said the talks were constructive and went well.";
        let h = highlight(a, b, &[]);
        assert_eq!(marked(a, &h.a, false), ["useful"]);
        assert_eq!(marked(b, &h.b, false), ["constructive"]);
    }

    #[test]
    fn word_forms_aliases_and_spellings_count_as_counterparts() {
        let a = "Zelensky met leaders of the United States in Kiev.";
        let b = "Zelenskiy meets the leader of the US in Kyiv.";
        let h = highlight(a, b, &[]);
        assert!(h.a.is_empty() && h.b.is_empty(), "{h:?}");
    }

    #[test]
    fn statements_sharing_little_are_reworded_not_marked_throughout() {
        let a = "Witkoff held a closed-door session with Putin in Moscow on Wednesday.";
        let b = "The announcement followed a nearly three-hour meeting in the Kremlin between \
                 President Putin and the special envoy.";
        let h = highlight(a, b, &[]);
        assert!(h.reworded);
        assert!(h.a.is_empty() && h.b.is_empty(), "{h:?}");
    }

    #[test]
    fn drift_inside_a_quote_marks_the_moved_words() {
        let a = "“We did it with India. We’re doing it probably with a couple of others,” he said.";
        let b =
            "“We did it with India. We’re probably doing it with a couple of others,” Trump said.";
        let qa = "“We did it with India. We’re doing it probably with a couple of others,”";
        let qb = "“We did it with India. We’re probably doing it with a couple of others,”";
        let h = highlight(a, b, &[diff(DifferenceKind::Quote, qa, qb)]);
        let ca = marked(a, &h.a, true).join(" ");
        let cb = marked(b, &h.b, true).join(" ");
        assert!(ca.split(' ').count() <= 2, "{ca}");
        assert!(cb.split(' ').count() <= 2, "{cb}");
        assert!(
            ca.contains("probably") || cb.contains("probably"),
            "{ca} / {cb}"
        );
        // A side whose words all stand in the other is still marked, whole.
        let h = highlight(
            "a very good chance",
            "a good chance",
            &[diff(
                DifferenceKind::Quote,
                "very good chance",
                "good chance",
            )],
        );
        assert_eq!(marked("a very good chance", &h.a, true), ["very"]);
        assert_eq!(marked("a good chance", &h.b, true), ["good chance"]);
    }

    #[test]
    fn hyphenated_words_are_marked_whole() {
        let a = "A nearly three-hour meeting took place.";
        let b = "A brief meeting took place.";
        let h = highlight(a, b, &[]);
        assert_eq!(marked(a, &h.a, false), ["nearly three-hour"]);
        assert_eq!(marked(b, &h.b, false), ["brief"]);
    }

    #[test]
    fn conflicts_alone_are_the_conflict_marks_of_the_full_highlight() {
        let d = [diff(DifferenceKind::Number, "a day", "48 hours")];
        let (full, only) = (highlight(DAY, HOURS, &d), conflicts(DAY, HOURS, &d));
        let strong = |hs: &[Highlight]| -> Vec<Highlight> {
            hs.iter()
                .filter(|h| h.mark.is_conflict())
                .cloned()
                .collect()
        };
        assert_eq!(only.a, strong(&full.a));
        assert_eq!(only.b, strong(&full.b));
        assert!(!only.reworded);
    }

    #[test]
    fn huge_statements_do_not_hang() {
        let a = format!("start {} end", "alpha ".repeat(5000));
        let b = format!("start {} end", "beta ".repeat(5000));
        let t = std::time::Instant::now();
        let h = highlight(&a, &b, &[diff(DifferenceKind::Quote, &a, &b)]);
        assert!(!h.a.is_empty() && !h.b.is_empty());
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn differences_not_in_the_text_are_skipped() {
        let h = highlight(
            "Putin met Trump.",
            "Putin met Trump.",
            &[diff(DifferenceKind::Name, "Biden", "Obama")],
        );
        assert_eq!(h, PairHighlights::default());
        let f = highlight("a b", "a c", &[]).flipped();
        assert_eq!(marked("a c", &f.a, false).len(), f.a.len());
    }

    fn well_formed(s: &str, hs: &[Highlight]) -> Result<(), TestCaseError> {
        for h in hs {
            prop_assert!(
                h.range.start < h.range.end && h.range.end <= s.len(),
                "{h:?}"
            );
            prop_assert!(s.is_char_boundary(h.range.start) && s.is_char_boundary(h.range.end));
        }
        for w in hs.windows(2) {
            prop_assert!(w[0].range.end <= w[1].range.start, "{hs:?}");
        }
        Ok(())
    }

    /// A substring of `s` cut at two char positions picked by `x` and `y`.
    fn piece(s: &str, x: usize, y: usize) -> String {
        let cuts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let (i, j) = (cuts[x % cuts.len()], cuts[y % cuts.len()]);
        s[i.min(j)..i.max(j)].to_owned()
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["\\PC{0,80}", "([A-Za-z0-9’'“”,.-]{1,9} ){0,14}"]
    }

    proptest! {
        #[test]
        fn ranges_are_inside_on_boundaries_sorted_and_disjoint(
            a in text(),
            b in text(),
            cuts in proptest::collection::vec((0usize..100, 0usize..100, 0usize..100, 0usize..100), 0..4),
        ) {
            let diffs: Vec<Difference> = cuts
                .iter()
                .map(|&(w, x, y, z)| diff(DifferenceKind::Quote, &piece(&a, w, x), &piece(&b, y, z)))
                .collect();
            let h = highlight(&a, &b, &diffs);
            well_formed(&a, &h.a)?;
            well_formed(&b, &h.b)?;
            if h.reworded {
                prop_assert!(h.a.iter().chain(&h.b).all(|x| x.mark.is_conflict()));
            }
            let same = highlight(&a, &a, &[]);
            prop_assert!(same.a.is_empty() && same.b.is_empty() && !same.reworded);
        }
    }
}
