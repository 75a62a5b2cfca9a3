//! The evidence that two statements state one claim, computed once per candidate pair.
//!
//! Every caller (the export, the interface, `parallax pairs`, `compare_pair`) gets its verdict
//! from the same [`Evidence`] through [`super::judge`]. The evidence is a fixed list of
//! features ([`FEATURES`]), each a number in [0, 1]: overlap of the two term sets weighed by
//! rarity, containment of the shorter statement in the longer, shared names, numbers, phrases
//! and quotations, conflicting quantities, where the pair ranks among the statement's
//! candidates in the other report, and how alike the two reports are. The judge's weights for
//! these features are fitted (see `tests/tools/fit_judge.py`).

use super::corpus::{Corpus, Stmt, TermKind};
use super::facts::{same_value, Quantity};
use super::quotes::quotes_match;
use super::screen::Screen;
use super::text::TokenKind;

/// The features, in the order the judge's weights follow.
pub const FEATURES: [&str; 20] = [
    "cosine",
    "content_cosine",
    "cover_short",
    "cover_long",
    "names_shared",
    "names_disjoint",
    "numbers_shared",
    "number_conflict",
    "content_shared",
    "bigram_cosine",
    "quote",
    "best",
    "context",
    "heading",
    "short",
    "verbatim",
    "lengths",
    "fuzzy",
    "name_swap",
    "lead",
];

/// Number of features.
pub const N: usize = FEATURES.len();

/// What the report pair around a candidate says (1 and 1 for two statements on their own).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surroundings {
    /// How alike the two reports are relative to each one's usual company, in [0, 1].
    pub context: f32,
    /// 1 when each statement is the other's best candidate in that report, 0.5 when one of
    /// them is, 0 otherwise.
    pub best: f32,
    /// Whether either statement is a heading (a headline states its claim tersely).
    pub heading: bool,
}

impl Surroundings {
    /// Two statements judged on their own: as if from two reports of one story, each the
    /// other's only candidate.
    pub const ALONE: Self = Self {
        context: 1.0,
        best: 1.0,
        heading: false,
    };
}

/// The evidence for one pair: one value per feature of [`FEATURES`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence(pub [f32; N]);

impl Evidence {
    /// The value of the named feature (0 for an unknown name).
    #[must_use]
    pub fn get(&self, name: &str) -> f32 {
        FEATURES
            .iter()
            .position(|f| *f == name)
            .map_or(0.0, |i| self.0[i])
    }
}

/// What the two term sets share, in one merge pass.
#[derive(Debug, Clone, Copy, Default)]
struct Shared {
    mass: f32,
    content_mass: f32,
    bigram_mass: f32,
    content: usize,
    names: usize,
    numbers: usize,
    names_a: usize,
    names_b: usize,
    informative_a: usize,
    informative_b: usize,
}

fn shared(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> Shared {
    // Per-statement counts are kept with the corpus, not recounted per pair.
    let mut o = Shared {
        informative_a: a.informative,
        informative_b: b.informative,
        names_a: a.names,
        names_b: b.names,
        ..Shared::default()
    };
    a.for_each_shared(b, |x, wa, wb| {
        // The two statements may sit in different stories' weightings only in `pairs`
        // batches, never in one alignment; the mean keeps the measure symmetric.
        let w = (wa + wb) / 2.0;
        o.mass += w;
        match c.kinds[x as usize] {
            TermKind::Content => {
                o.content += 1;
                o.content_mass += w;
            }
            TermKind::Name => o.names += 1,
            TermKind::Number => {
                o.numbers += 1;
                o.content_mass += w;
            }
            TermKind::Bigram => {
                o.bigram_mass += w;
                o.content_mass += w;
            }
            _ => o.content_mass += w,
        }
    });
    o
}

fn ratio(x: f32, y: f32) -> f32 {
    if y > 0.0 {
        (x / y).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Whether the two statements state a quantity in one unit and no value in common.
#[must_use]
pub fn quantities_conflict(a: &[Quantity], b: &[Quantity]) -> bool {
    // Read in place, not collected: asked of every candidate pair.
    a.iter().any(|x| {
        let same_dim = || b.iter().filter(|y| x.in_one_unit(y));
        same_dim().next().is_some()
            && !a
                .iter()
                .filter(|z| z.in_one_unit(x))
                .any(|z| same_dim().any(|y| same_value(z.value, y.value)))
    })
}

/// Whether two statements say the same words (at least three), whatever the case and
/// punctuation: a quotation or sentence repeated verbatim.
#[must_use]
pub fn verbatim(a: &Stmt<'_>, b: &Stmt<'_>) -> bool {
    fn words<'s>(s: &'s Stmt<'_>) -> impl Iterator<Item = &'s str> {
        s.tokens
            .iter()
            .zip(&s.words)
            .filter(|(t, _)| t.kind() != TokenKind::Punct)
            .map(|(_, &w)| s.table.norm(w))
    }
    words(a).count() >= 3 && words(a).eq(words(b))
}

/// Share of the content words of the shorter statement that the other lacks as terms but
/// holds in a related form: the same first five letters ("Egypt" / "Egyptians",
/// "constitution" / "constitutional"), which stemming does not join.
fn fuzzy(_c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> f32 {
    // Each statement's content words of five letters or more, with ids of their first five
    // letters, are computed once with the corpus (`Stmt::prefixes`).
    let (ca, cb) = (&a.prefixes, &b.prefixes);
    let (short, long, long_set) = if ca.len() <= cb.len() {
        (ca, cb, &b.set)
    } else {
        (cb, ca, &a.set)
    };
    if short.is_empty() {
        return 0.0;
    }
    let related = short
        .iter()
        .filter(|(t, _)| long_set.binary_search(t).is_err())
        .filter(|(t, p)| long.iter().any(|(u, q)| u != t && p == q))
        .count();
    #[allow(clippy::cast_precision_loss)]
    let share = related as f32 / short.len() as f32;
    share
}

/// How much of what each statement says first (its first `lead` informative words: the
/// subject and verb of a main clause, most often) the other holds anywhere, averaged over both:
/// two statements sharing only a subordinate mention ("…during Witkoff's recent visit to
/// Moscow") start with different actors.
fn lead(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>, lead: usize) -> f32 {
    let lead = lead.max(1);
    // The first `lead` of the statement's distinct informative terms (kept with the corpus).
    let share = |x: &Stmt<'_>, y: &Stmt<'_>| -> f32 {
        let computed;
        let seen = match x.leading.first(lead) {
            Some(kept) => kept,
            None => {
                computed = super::corpus::leading_terms(&c.kinds, x, lead);
                &computed[..]
            }
        };
        let held = seen
            .iter()
            .filter(|t| y.set.binary_search(t).is_ok())
            .count();
        #[allow(clippy::cast_precision_loss)]
        let v = held as f32 / seen.len().max(1) as f32;
        v
    };
    (share(a, b) + share(b, a)) / 2.0
}

/// The weighted cosine of two statements' term sets: the cheap measure candidates are ranked
/// by, and the first feature.
#[must_use]
pub fn cosine(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> f32 {
    ratio(shared(c, a, b).mass, (a.mass * b.mass).sqrt())
}

/// The features [`evidence`] computes after the others, cheapest first: what they add to a
/// pair's score is bounded (each is in [0, 1]), so [`evidence_if`] may stop before them.
pub const COSTLY: [usize; 5] = [VERBATIM, QUOTE, FUZZY, LEAD, NAME_SWAP];

const NAMES_SHARED: usize = 4;
const QUOTE: usize = 10;
const VERBATIM: usize = 15;
const FUZZY: usize = 17;
const NAME_SWAP: usize = 18;
const LEAD: usize = 19;

/// Whether a pair with the evidence `e` may replace a name by another in its word alignment,
/// counted strictly (a name the other report uses elsewhere is no replacement): not when the
/// evidence looked (the pair shares a name) and found none even counting such names (the
/// loose count of `name_swap`, whose replacements include the strict ones).
#[must_use]
pub fn may_replace_names(e: &Evidence) -> bool {
    e.0[NAMES_SHARED] == 0.0 || e.0[NAME_SWAP] > 0.0
}

/// The evidence that `a` and `b` state one claim.
/// `p` says what the evidence reads (the lead's width).
#[must_use]
pub fn evidence(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    around: Surroundings,
    p: &super::params::Evidence,
) -> Evidence {
    let (mut f, o) = cheap(c, a, b, around);
    for i in COSTLY {
        f[i] = costly(i, c, a, b, &o, p);
    }
    Evidence(f)
}

/// [`evidence`], unless `screen` says the pair cannot be linked whatever the costly features
/// still to come: its shared counts are read once, before the costly features, and the best
/// score the pair could still reach before each of them (its score so far kept up to date). When the screen never says no, the
/// evidence is that of [`evidence`], value for value.
#[must_use]
pub fn evidence_if(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    around: Surroundings,
    p: &super::params::Evidence,
    screen: &Screen,
) -> Option<Evidence> {
    let (mut f, o) = cheap(c, a, b, around);
    if !screen.says_what(&f) {
        return None;
    }
    let mut score = screen.score(&f);
    for (k, &i) in COSTLY.iter().enumerate() {
        if !screen.may_reach(score, k) {
            return None;
        }
        f[i] = costly(i, c, a, b, &o, p);
        score = screen.add(score, i, f[i]);
    }
    Some(Evidence(f))
}

/// The features other than [`COSTLY`] (those at 0), with the shared terms they come from.
fn cheap(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>, around: Surroundings) -> ([f32; N], Shared) {
    let o = shared(c, a, b);
    let (wa, wb) = (a.word_count, b.word_count);
    #[allow(clippy::cast_precision_loss)]
    let lengths = ratio(wa.min(wb) as f32, wa.max(wb) as f32);
    #[allow(clippy::cast_precision_loss)]
    let count = |n: usize, cap: usize| (n.min(cap) as f32) / cap as f32;
    let f = [
        ratio(o.mass, (a.mass * b.mass).sqrt()),
        ratio(o.content_mass, (a.content_mass * b.content_mass).sqrt()),
        ratio(o.mass, a.mass.min(b.mass)),
        ratio(o.mass, a.mass.max(b.mass)),
        count(o.names, 3),
        f32::from(u8::from(o.names == 0 && o.names_a > 0 && o.names_b > 0)),
        count(o.numbers, 2),
        f32::from(u8::from(quantities_conflict(&a.quantities, &b.quantities))),
        count(o.content, 6),
        ratio(o.bigram_mass, (a.bigram_mass * b.bigram_mass).sqrt()),
        0.0, // quote
        around.best,
        around.context,
        f32::from(u8::from(around.heading)),
        f32::from(u8::from(o.informative_a.min(o.informative_b) <= 4)),
        0.0, // verbatim
        lengths,
        0.0, // fuzzy
        0.0, // name_swap
        0.0, // lead
    ];
    (f, o)
}

/// The costly feature `i` (one of [`COSTLY`]).
fn costly(
    i: usize,
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    o: &Shared,
    p: &super::params::Evidence,
) -> f32 {
    match i {
        QUOTE => f32::from(u8::from(quotes_match(a, b))),
        VERBATIM => f32::from(u8::from(a.set == b.set && verbatim(a, b))),
        FUZZY => fuzzy(c, a, b),
        NAME_SWAP => f32::from(u8::from(
            o.names > 0 && !super::slots::replaced_names(c, a, b, true).is_empty(),
        )),
        LEAD => lead(c, a, b, p.lead),
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_costly_features_are_named_as_their_indices_say() {
        let names: Vec<&str> = COSTLY.iter().map(|&i| FEATURES[i]).collect();
        assert_eq!(names, ["verbatim", "quote", "fuzzy", "lead", "name_swap"]);
        assert_eq!(FEATURES[NAMES_SHARED], "names_shared");
    }

    #[test]
    fn the_screened_evidence_is_the_evidence_or_no_link() {
        let docs = crate::model::embedded::seed_documents();
        let p = crate::align::params::defaults();
        let c = crate::align::corpus::of_documents(&docs);
        let screen = Screen::new(&p.judge);
        let (mut kept, mut linked, mut dropped) = (0, 0, 0);
        for (i, a) in c.stmts.iter().enumerate() {
            for b in &c.stmts[i + 1..] {
                let full = evidence(&c, a, b, Surroundings::ALONE, &p.evidence);
                let v = super::super::judge::judge(&full, &p.judge);
                match evidence_if(&c, a, b, Surroundings::ALONE, &p.evidence, &screen) {
                    Some(e) => {
                        assert_eq!(e, full);
                        kept += 1;
                        linked += usize::from(v.linked);
                    }
                    None => {
                        assert!(!v.linked, "{} / {}", a.text, b.text);
                        dropped += 1;
                    }
                }
                // No replacement found loosely: none strictly either (what the links skip).
                if !may_replace_names(&full) {
                    assert!(super::super::slots::replaced_names(&c, a, b, false).is_empty());
                }
            }
        }
        assert!(
            linked > 10 && kept > linked && dropped > 1000,
            "{linked} {kept} {dropped}"
        );
    }
}
