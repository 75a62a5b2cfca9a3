//! The alignment engine: which statements of different reports state the same claim, which of
//! those links carry a conflicting detail, and how linked statements group into claims.
//!
//! Everything here is pure computation on [`crate::model::Document`]s; nothing touches a
//! terminal. The stages, each in its own module:
//!
//! 1. [`text`]: tokens with byte ranges, folded (quotes, dashes, case, accents);
//! 2. [`corpus`] and [`names`]: interned terms (stems, names with variants folded, numbers),
//!    weighted by rarity;
//! 3. [`context`]: report similarity, stories, and each report's usual company;
//! 4. [`link`]: candidates from a per-story inverted index, scored in [0, 1];
//! 5. [`facts`], [`quotes`] and [`divergence`]: the quantities, dates, names, quotes and key
//!    nouns of a linked pair, compared;
//! 6. `types` and `group`: claim groups, statuses and the queries consumers use;
//!
//! and [`diff`]: the word-level diff the interface highlights from.

pub mod context;
pub mod corpus;
pub mod diff;
pub mod divergence;
pub mod facts;
mod group;
pub mod lexicon;
pub mod link;
pub mod names;
pub mod quotes;
pub mod stories;
pub mod text;
mod types;

pub use diff::{word_diff, Change, Segment, WordDiff};
pub use types::{
    Alignment, Difference, DifferenceKind, Group, Link, Relation, ReportStats, StatementRef,
    Status, Story,
};

use crate::model::{Document, StatementKind};

/// Align a set of documents: link their statements, type the divergences, group the claims.
#[must_use]
pub fn align(docs: &[Document]) -> Alignment {
    use rayon::prelude::*;
    let items: Vec<(StatementRef, &str)> = docs
        .iter()
        .enumerate()
        .flat_map(|(di, d)| {
            d.statements
                .iter()
                .filter(|s| s.kind == StatementKind::Body)
                .map(move |s| {
                    (
                        StatementRef {
                            doc: di,
                            statement: s.index,
                        },
                        &d.text[s.start..s.end],
                    )
                })
        })
        .collect();
    let mut c = corpus::build(items);
    let claim = vec![true; c.stmts.len()];
    let ctx = context::Context::build(&c, docs.len());
    let story = ctx.stories(stories::PARAMS);
    c.localise(&story);
    let links = link_candidates(&c, &claim, &ctx, &story);
    // Freeing the statements' tokens is a noticeable share of the run (hundreds of thousands
    // of small strings): do it on the other threads while the alignment is assembled.
    let stmts = std::mem::take(&mut c.stmts);
    if stmts.len() < 8 * corpus::MIN_BATCH {
        drop(stmts);
        return Alignment::new(docs, links).with_stories(docs, ctx.related(), &story);
    }
    let (alignment, ()) = rayon::join(
        || Alignment::new(docs, links).with_stories(docs, ctx.related(), &story),
        move || stmts.into_par_iter().with_min_len(512).for_each(drop),
    );
    alignment
}

/// Reports this similar (TF-IDF cosine) belong to one story; stories chain through such pairs.
/// Links are made only within a story, and terms are weighed by their rarity in it.
pub const STORY_SIMILARITY: f32 = 0.15;

fn link_candidates(
    c: &corpus::Corpus<'_>,
    claim: &[bool],
    ctx: &context::Context,
    story: &[usize],
) -> Vec<Link> {
    use rayon::prelude::*;
    link::candidates(c, claim, link::LINK_SCORE, ctx, story)
        .into_par_iter()
        // A pair takes microseconds: batches keep small inputs on the calling thread.
        .with_min_len(32)
        .filter_map(|(i, j, score, need)| {
            let (a, b) = (&c.stmts[i], &c.stmts[j]);
            let differences = divergence::differences(c, a, b);
            let score = penalised(score, divergence::conflicts(c, a, b, &differences));
            if score < need {
                return None;
            }
            let (a, b, differences) = if a.at.doc < b.at.doc {
                (a.at, b.at, differences)
            } else {
                (
                    b.at,
                    a.at,
                    differences
                        .into_iter()
                        .map(|d| Difference {
                            kind: d.kind,
                            a: d.b,
                            b: d.a,
                        })
                        .collect(),
                )
            };
            Some(Link {
                a,
                b,
                score,
                relation: if differences.is_empty() {
                    Relation::Shared
                } else {
                    Relation::Divergent
                },
                differences,
            })
        })
        .collect()
}

/// A pair's score lowered for each kind of conflicting specific (number, date, name).
fn penalised(score: f32, conflicts: usize) -> f32 {
    (0..conflicts).fold(score, |s, _| s * link::CONFLICT_FACTOR)
}

/// How a pair of sentences scored by [`score_pairs`] relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairRelation {
    /// The same claim, no conflicting detail.
    Shared,
    /// The same claim with a conflicting detail.
    Divergent,
    /// Not the same claim.
    Unrelated,
}

impl PairRelation {
    /// The lowercase name printed by `parallax pairs`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shared => "shared",
            Self::Divergent => "divergent",
            Self::Unrelated => "unrelated",
        }
    }
}

/// How the engine judges one pair of statements (see [`compare_pair`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PairJudgement {
    /// The score in [0, 1] that they state the same claim.
    pub score: f32,
    /// Shared, divergent or unrelated.
    pub relation: PairRelation,
    /// The conflicting details (empty unless divergent).
    pub differences: Vec<Difference>,
}

/// Judge two statements on their own, as [`score_pairs`] does for one pair, with the
/// differences a link between them would carry.
#[must_use]
pub fn compare_pair(a: &str, b: &str) -> PairJudgement {
    judge(&[(a.to_owned(), b.to_owned())])
        .into_iter()
        .next()
        .unwrap_or(PairJudgement {
            score: 0.0,
            relation: PairRelation::Unrelated,
            differences: Vec::new(),
        })
}

fn judge(pairs: &[(String, String)]) -> Vec<PairJudgement> {
    let items: Vec<(StatementRef, &str)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(i, (a, b))| {
            [
                (
                    StatementRef {
                        doc: 2 * i,
                        statement: 0,
                    },
                    a.as_str(),
                ),
                (
                    StatementRef {
                        doc: 2 * i + 1,
                        statement: 0,
                    },
                    b.as_str(),
                ),
            ]
        })
        .collect();
    let c = corpus::build(items);
    (0..pairs.len())
        .map(|i| {
            let (a, b) = (&c.stmts[2 * i], &c.stmts[2 * i + 1]);
            let differences = divergence::differences(&c, a, b);
            let raw = link::similarity(&c, a, b);
            let score = penalised(raw, divergence::conflicts(&c, a, b, &differences));
            // As in `align`: a pair sharing a fact frame links a little below the threshold.
            let linked = score >= link::LINK_SCORE
                || link::framed_link(&c, a, b, raw, link::LINK_SCORE, &differences);
            let relation = if !linked {
                PairRelation::Unrelated
            } else if differences.is_empty() {
                PairRelation::Shared
            } else {
                PairRelation::Divergent
            };
            PairJudgement {
                score,
                relation,
                differences: if relation == PairRelation::Divergent {
                    differences
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// Score sentence pairs with the same engine as [`align`]: term weights come from all the
/// sentences given, and each pair is judged on its own. Returns the score in [0, 1] and the
/// relation of each pair, in order.
#[must_use]
pub fn score_pairs(pairs: &[(String, String)]) -> Vec<(f32, PairRelation)> {
    judge(pairs)
        .into_iter()
        .map(|j| (j.score, j.relation))
        .collect()
}
