//! Linking: which statements of different reports state the same claim.
//!
//! Statements link only within a story (see [`super::context`]). Each story gets an inverted
//! index over its statements' terms; a pair is scored only when the weight its postings share,
//! plus the weight the index left out, could reach the score needed. Terms in most of a story's
//! statements are left out of the index (they still count in the score). So the work grows with
//! the stories' sizes and postings, never with the number of pairs of all statements. Each
//! candidate is scored by [`similarity`] and kept from [`needed_score`] (at least
//! [`LINK_SCORE`]), or up to [`FRAME_RELIEF`] below it when the two statements share a fact
//! frame (see [`frame`]): the same quantity, the same measure reported differently, or the same
//! head noun with another modifier. Document frequencies count a sentence a report repeats once
//! (see [`distinct_per_report`]).

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::context::Context;
use super::divergence;
use super::facts::Dimension;
use super::{Difference, DifferenceKind};

use super::corpus::{Corpus, Stmt, TermId, TermKind};

/// Score from which two statements are taken to state the same claim.
pub const LINK_SCORE: f32 = 0.21;

/// Each conflicting number, date or name lowers a pair's score by this factor: the more the
/// specifics conflict, the more the rest must agree before the pair is one claim (in reports
/// of two similar events, "retained his titles against Rahman in the seventh round" and
/// "… against Thompson in the sixth" are two claims, not one divergent claim).
pub const CONFLICT_FACTOR: f32 = 0.85;

/// Reports less similar than this (TF-IDF cosine of the whole reports) are about different
/// stories: none of their statements link.
pub const MIN_CONTEXT: f32 = 0.08;

/// Relative similarity (see [`Context::relative`]) from which a link needs only
/// [`LINK_SCORE`]; below it the score needed rises by [`CONTEXT_SLOPE`] per unit missing. A
/// report of the neighbouring story (another earthquake, another arrest of the same player)
/// is less similar than the report's usual company, and its look-alike sentences must agree
/// far more closely to link.
pub const FULL_RELATIVE: f32 = 0.9;
/// See [`FULL_RELATIVE`].
pub const CONTEXT_SLOPE: f32 = 2.0;

/// The score a link between reports of similarity `context` (relative similarity
/// `relative`) needs.
#[must_use]
pub fn needed_score(threshold: f32, context: f32, relative: f32) -> f32 {
    if context < MIN_CONTEXT {
        f32::INFINITY
    } else {
        threshold + CONTEXT_SLOPE * (FULL_RELATIVE - relative).max(0.0)
    }
}

/// How far below the needed score a pair that shares a fact frame (see [`frame`]) may score
/// and still link.
pub const FRAME_RELIEF: f32 = 0.1;
/// No pair links below this score, fact frame or not.
pub const FRAME_FLOOR: f32 = 0.11;

/// Whether `a` and `b` fill the same typed slot of a claim, beyond sharing words:
///
/// - both state the same quantity (same dimension, and no number conflict between them: "$5.4
///   billion", "a half-liter", "13 nautical miles");
/// - both state a span of time, a percentage, a sum or a multiple that conflicts ("a day away"
///   / "48 hours before"), each within [`ANCHOR_SPAN`] tokens of the same content word
///   ("deadline"): the same measure of the same thing, reported differently (conflicting
///   counts are left out: in one story, "101 yards" and "226 yards" are two runs);
/// - both put a modifier before the same head noun ("a video call" / "a phone call");
///
/// with at least [`FRAME_CONTENT`] content words or numbers in common (two for a head noun).
/// Paraphrases keep the frame of a claim while their wording drifts, so a pair with such a
/// frame needs a little less word overlap. Conflicting quantities without a common anchor are
/// no frame: in reports of one story they are mostly different claims (two teams' offers).
#[must_use]
pub fn frame(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    o: &Overlap,
    diffs: &[Difference],
) -> bool {
    let content = o.content + o.numbers;
    if diffs.iter().any(|d| d.kind == DifferenceKind::Wording) && content >= 2 {
        return true;
    }
    if content < FRAME_CONTENT {
        return false;
    }
    let conflict = diffs.iter().any(|d| d.kind == DifferenceKind::Number);
    a.quantities.iter().any(|x| {
        b.quantities.iter().any(|y| {
            x.dim == y.dim
                && (!conflict
                    || (!matches!(x.dim, Dimension::Count(_))
                        && anchors(c, a, &x.span)
                            .iter()
                            .any(|t| anchors(c, b, &y.span).contains(t))))
        })
    })
}

/// The lowest score a pair sharing a fact frame may have where `need` is needed.
#[must_use]
pub fn relaxed_need(need: f32) -> f32 {
    (need - FRAME_RELIEF).max(FRAME_FLOOR)
}

/// Whether a pair of (unpenalised) score `s`, below `need`, links anyway on a shared fact
/// frame (see [`frame`]); `diffs` are the pair's differences.
#[must_use]
pub fn framed_link(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    s: f32,
    need: f32,
    diffs: &[Difference],
) -> bool {
    s >= relaxed_need(need) && frame(c, a, b, &overlap(c, a, b), diffs)
}

/// Tokens on either side of a quantity that may name what it measures.
pub const ANCHOR_SPAN: usize = 6;

/// The content terms within [`ANCHOR_SPAN`] tokens of the byte range `span` of `s`.
fn anchors(c: &Corpus<'_>, s: &Stmt<'_>, span: &std::ops::Range<usize>) -> Vec<TermId> {
    let first = s.tokens.iter().position(|t| t.span.end > span.start);
    let last = s.tokens.iter().rposition(|t| t.span.start < span.end);
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let lo = first.saturating_sub(ANCHOR_SPAN);
    let hi = (last + ANCHOR_SPAN + 1).min(s.tokens.len());
    (lo..hi)
        .filter(|&k| k < first || k > last)
        .filter_map(|k| s.terms[k])
        .filter(|&t| c.kinds[t as usize] == TermKind::Content)
        .collect()
}

/// Content words or numbers a quantity frame needs in common (see [`frame`]).
pub const FRAME_CONTENT: usize = 3;

/// Score from which a shared quotation counts (below it, the quote is all they share).
pub const QUOTE_BASE: f32 = 0.1;

/// Added to the score of two statements that render the same quotation.
pub const QUOTE_BONUS: f32 = 0.12;

/// Breakdown of what two statements share.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Overlap {
    /// Weighted cosine of their term sets (binary weights), in [0, 1].
    pub cosine: f32,
    /// Weight of shared terms.
    pub shared: f32,
    /// Weighted cosine over everything but names: what is said, apart from who.
    pub content_cosine: f32,
    /// Number of shared content terms (not names, numbers or pseudo-terms).
    pub content: usize,
    /// Number of shared names.
    pub names: usize,
    /// Number of shared numbers.
    pub numbers: usize,
    /// Whether both state names and none is shared.
    pub disjoint_names: bool,
}

/// What two statements share, term by term.
#[must_use]
pub fn overlap(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> Overlap {
    let (mut i, mut j) = (0, 0);
    let mut o = Overlap::default();
    let mut shared_content = 0.0;
    let (mut names_a, mut names_b) = (0, 0);
    while i < a.set.len() && j < b.set.len() {
        let (x, y) = (a.set[i], b.set[j]);
        if x == y {
            let w = a.weights[i];
            o.shared += w;
            if c.kinds[x as usize] != TermKind::Name {
                shared_content += w;
            }
            match c.kinds[x as usize] {
                TermKind::Content => o.content += 1,
                TermKind::Name => o.names += 1,
                TermKind::Number => o.numbers += 1,
                _ => {}
            }
            i += 1;
            j += 1;
        } else if x < y {
            names_a += usize::from(c.kinds[x as usize] == TermKind::Name);
            i += 1;
        } else {
            names_b += usize::from(c.kinds[y as usize] == TermKind::Name);
            j += 1;
        }
    }
    names_a += a.set[i..]
        .iter()
        .filter(|&&t| c.kinds[t as usize] == TermKind::Name)
        .count();
    names_b += b.set[j..]
        .iter()
        .filter(|&&t| c.kinds[t as usize] == TermKind::Name)
        .count();
    let mass = (a.mass * b.mass).sqrt();
    o.cosine = if mass > 0.0 {
        (o.shared / mass).min(1.0)
    } else {
        0.0
    };
    let cm = (a.content_mass * b.content_mass).sqrt();
    o.content_cosine = if cm > 0.0 {
        (shared_content / cm).min(1.0)
    } else {
        0.0
    };
    o.disjoint_names = o.names == 0 && names_a > 0 && names_b > 0;
    o
}

/// Whether two statements say the same words (at least three), whatever the case and
/// punctuation: a quotation or sentence repeated verbatim.
fn verbatim(a: &Stmt<'_>, b: &Stmt<'_>) -> bool {
    fn words<'s>(s: &'s Stmt<'_>) -> impl Iterator<Item = &'s str> {
        s.tokens
            .iter()
            .filter(|t| t.kind != super::text::TokenKind::Punct)
            .map(|t| t.norm.as_str())
    }
    words(a).count() >= 3 && words(a).eq(words(b))
}

/// The score in [0, 1] that `a` and `b` state the same claim.
///
/// The weighted cosine of their term sets, lowered when the evidence is thin: a pair
/// needs at least two shared informative terms, one of them a content word or number (names
/// alone say who, not what), and two statements naming only different people or places are
/// about different things.
#[must_use]
pub fn similarity(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> f32 {
    if a.set == b.set && verbatim(a, b) {
        return 1.0;
    }
    let o = overlap(c, a, b);
    let informative = o.content + o.names + o.numbers;
    // One shared word, or names alone, is never a claim in common.
    if informative < 2 || o.content + o.numbers == 0 {
        return 0.0;
    }
    let mut s = o.cosine;
    if informative == 2 {
        s *= 0.7;
    }
    if o.disjoint_names {
        s *= 0.6;
    }
    // The same quotation in both (even drifted) is strong evidence of the same claim: with
    // some other overlap, it makes the link on its own.
    if s >= QUOTE_BASE && !super::quotes::matched_quotes(a, b).is_empty() {
        s = (s + QUOTE_BONUS).max(LINK_SCORE + QUOTE_BONUS / 4.0);
    }
    s.clamp(0.0, 1.0)
}

/// The members of `members` (indices into `c.stmts`) that are not a repeat of an earlier
/// statement of the same report with the same terms: a report that repeats a sentence (a
/// refrain, a scraped page with the paragraph twice) states it once, and must not make its
/// words look common.
#[must_use]
pub fn distinct_per_report(c: &Corpus<'_>, members: &[usize]) -> Vec<usize> {
    let mut seen: std::collections::HashSet<(usize, &[TermId])> = Default::default();
    members
        .iter()
        .copied()
        .filter(|&i| seen.insert((c.stmts[i].at.doc, c.stmts[i].set.as_slice())))
        .collect()
}

/// Postings of one story: for each informative term, the members (local indices) holding it.
struct StoryIndex {
    members: Vec<usize>,
    postings: HashMap<TermId, Vec<u32>>,
    /// For each member, the weight of its terms left out of the postings (too common in the
    /// story, or pseudo-terms): what a shared-weight sum from the postings may miss.
    missed: Vec<f32>,
}

fn story_index(c: &Corpus<'_>, members: Vec<usize>) -> StoryIndex {
    let mut df: HashMap<TermId, u32> = HashMap::new();
    for i in distinct_per_report(c, &members) {
        for &t in &c.stmts[i].set {
            *df.entry(t).or_default() += 1;
        }
    }
    // A term in most of a story's statements weighs little there and would make the work
    // quadratic in the story's size.
    let cap = (members.len() / 2).max(32);
    let indexed = |t: TermId| c.kinds[t as usize] != TermKind::Dimension && df[&t] as usize <= cap;
    let mut postings: HashMap<TermId, Vec<u32>> = HashMap::new();
    let mut missed = Vec::with_capacity(members.len());
    for (p, &i) in members.iter().enumerate() {
        let s = &c.stmts[i];
        let mut m = 0.0;
        for (k, &t) in s.set.iter().enumerate() {
            if indexed(t) {
                #[allow(clippy::cast_possible_truncation)]
                postings.entry(t).or_default().push(p as u32);
            } else {
                m += s.weights[k];
            }
        }
        missed.push(m);
    }
    StoryIndex {
        members,
        postings,
        missed,
    }
}

/// All pairs `(i, j, score, needed)` of statements (indices into `c.stmts`) of different
/// documents of one story with a score of at least `needed`: `threshold` raised for reports
/// with little in common (see [`needed_score`]). `i < j` in corpus order, sorted.
///
/// Each story has its own inverted index; a pair is scored only when the weight its postings
/// share (plus what the index left out) could reach the score needed, so the result is the
/// same as scoring every pair of the story, at a fraction of the work.
#[must_use]
pub fn candidates(
    c: &Corpus<'_>,
    claim: &[bool],
    threshold: f32,
    context: &Context,
    story: &[usize],
) -> Vec<(usize, usize, f32, f32)> {
    let mut by_story: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, s) in c.stmts.iter().enumerate() {
        if claim[i] {
            by_story.entry(story[s.at.doc]).or_default().push(i);
        }
    }
    let indices: Vec<StoryIndex> = by_story
        .into_values()
        .filter(|m| m.len() > 1)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|m| story_index(c, m))
        .collect();
    let work: Vec<(usize, usize)> = indices
        .iter()
        .enumerate()
        .flat_map(|(si, x)| (0..x.members.len()).map(move |p| (si, p)))
        .collect();
    let largest = indices.iter().map(|x| x.members.len()).max().unwrap_or(0);
    let mut out: Vec<(usize, usize, f32, f32)> = work
        .into_par_iter()
        .map_init(
            || (vec![0f32; largest], Vec::<u32>::new()),
            |(acc, touched), (si, p)| {
                let x = &indices[si];
                let i = x.members[p];
                let a = &c.stmts[i];
                for (k, t) in a.set.iter().enumerate() {
                    let Some(list) = x.postings.get(t) else {
                        continue;
                    };
                    let w = a.weights[k];
                    for &q in list {
                        let qi = q as usize;
                        if qi > p && c.stmts[x.members[qi]].at.doc != a.at.doc {
                            if acc[qi] == 0.0 {
                                touched.push(q);
                            }
                            acc[qi] += w;
                        }
                    }
                }
                touched.sort_unstable();
                let mut found = Vec::new();
                for &q in touched.iter() {
                    let qi = q as usize;
                    let j = x.members[qi];
                    let b = &c.stmts[j];
                    let bound =
                        (acc[qi] + x.missed[p]) / (a.mass * b.mass).sqrt().max(f32::MIN_POSITIVE);
                    acc[qi] = 0.0;
                    let need = needed_score(
                        threshold,
                        context.similarity(a.at.doc, b.at.doc),
                        context.relative(a.at.doc, b.at.doc),
                    );
                    let quotes = !a.quotes.is_empty() && !b.quotes.is_empty();
                    let relaxed = relaxed_need(need);
                    let reachable = bound >= relaxed
                        || (quotes
                            && bound >= QUOTE_BASE
                            && (bound + QUOTE_BONUS).max(LINK_SCORE + QUOTE_BONUS / 4.0) >= need);
                    if !need.is_finite() || !reachable {
                        continue;
                    }
                    let s = similarity(c, a, b);
                    let (lo, hi) = (i.min(j), i.max(j));
                    if s >= need {
                        found.push((lo, hi, s, need));
                    } else if s >= relaxed {
                        // A second, relaxed chance for pairs sharing a fact frame. A conflict
                        // inside the frame ("a day" / "48 hours") is the divergence the user
                        // wants to see, not evidence of two claims, so the unpenalised score
                        // is held against the relaxed need; the caller compares the penalised
                        // score with the need returned, so return that score itself.
                        let diffs = divergence::differences(c, a, b);
                        let p = (0..divergence::conflicts(c, a, b, &diffs))
                            .fold(s, |x, _| x * CONFLICT_FACTOR);
                        if framed_link(c, a, b, s, need, &diffs) {
                            found.push((lo, hi, s, p));
                        }
                    }
                }
                touched.clear();
                found
            },
        )
        .flatten()
        .collect();
    out.sort_by_key(|x| (x.0, x.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::corpus::build;
    use crate::align::StatementRef;

    fn score(a: &str, b: &str) -> f32 {
        let at = |doc| StatementRef { doc, statement: 0 };
        let c = build(vec![
            (at(0), a),
            (at(1), b),
            (at(2), "Unrelated filler about the weather in spring."),
        ]);
        similarity(&c, &c.stmts[0], &c.stmts[1])
    }

    #[test]
    fn names_alone_or_one_word_are_not_a_claim() {
        assert!(score("Trump and Putin.", "Putin and Trump spoke.").abs() < f32::EPSILON);
        assert!(score("I had fun.", "It was fun.").abs() < f32::EPSILON);
    }

    #[test]
    fn the_same_words_score_one_and_scores_stay_in_range() {
        assert!((score("We did it with India.", "“We did it with India.") - 1.0).abs() < 1e-6);
        let s = score(
            "Biden met Putin in Geneva in June 2021.",
            "Putin and Biden met in Geneva in June 2021, officials said.",
        );
        assert!(s > LINK_SCORE && s <= 1.0, "{s}");
    }

    #[test]
    fn needed_score_rises_for_reports_unlike_their_company() {
        assert!((needed_score(0.2, 0.5, 1.0) - 0.2).abs() < 1e-6);
        assert!(needed_score(0.2, 0.5, 0.6) > 0.2);
        assert!(needed_score(0.2, 0.01, 1.0).is_infinite());
    }
}
