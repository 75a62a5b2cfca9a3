//! The alignment engine: which statements of different reports state the same claim, which of
//! those links carry a conflicting detail, and how linked statements group into claims.
//!
//! Everything here is pure computation on [`crate::model::Document`]s; nothing touches a
//! terminal. The stages run one way, each in its own module:
//!
//! 1. **text** ([`text`], [`lexicon`], [`synonyms`], [`names`]): tokens with byte ranges,
//!    folded; the fixed word knowledge; names learnt from the reports;
//! 2. **terms** ([`corpus`], [`facts`]): each statement as a set of interned terms (stems,
//!    names with variants folded, numbers, bigrams) weighed by background English rarity
//!    blended with rarity in its story, plus the quantities, dates and quotations it states;
//! 3. **stories** ([`context`], [`stories`]): report similarity, stories (average linkage, so
//!    they do not chain), each report's usual company;
//! 4. **candidates** ([`candidates`]): pairs worth judging, from a per-story inverted index;
//! 5. **judge** ([`evidence`], [`judge`]): one [`evidence::Evidence`] per candidate, one
//!    fitted decision for every caller;
//! 6. **facts compared** ([`divergence`], [`quotes`], [`roles`], [`polarity`],
//!    [`opposites`]): the conflicting details of a link;
//! 7. **claims** ([`claims`], `types`): links grouped into coherent claims, statuses and the
//!    queries consumers use;
//!
//! and [`StatementTokens`]: the statements' tokens, lent to a caller before the corpus is
//! freed; [`pairs`]: two statements judged on their own, with the same judge; [`diff`],
//! [`mod@highlight`]: the word-level diff, and the words of a linked pair the
//! interface highlights (conflicting facts, differing phrases). Every tuning number lives
//! in [`params::Params`] (`assets/params.toml`).

pub mod candidates;
pub mod claims;
pub mod context;
pub mod corpus;
pub mod diff;
pub mod divergence;
pub mod evidence;
pub mod facts;
pub mod highlight;
pub mod judge;
pub mod lexicon;
pub mod names;
pub mod opposites;
pub mod pairs;
pub mod params;
pub mod polarity;
pub mod quotes;
pub mod roles;
pub mod screen;
pub mod slots;
mod statement_tokens;
pub mod stories;
pub mod swaps;
pub mod synonyms;
pub mod text;
pub mod tokens;
mod types;

pub use diff::{word_diff, Change, Segment, WordDiff};
pub use evidence::Evidence;
pub use highlight::{conflicts, highlight, Highlight, Mark, PairHighlights};
pub use pairs::{compare_pair, compare_pair_with, score_pairs, PairJudgement, PairRelation};
pub use params::Params;
pub use statement_tokens::StatementTokens;
pub use types::{
    Alignment, Difference, DifferenceKind, Group, Link, Relation, ReportStats, StatementRef,
    Status, Story,
};

use crate::model::{Document, StatementKind};

/// Align a set of documents with the default parameters: link their statements, type the
/// divergences, group the claims.
#[must_use]
pub fn align(docs: &[Document]) -> Alignment {
    align_with(docs, params::defaults())
}

/// How far an alignment has got, for a progress line: each stage reports once, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The reports are grouped into this many stories (the statements are indexed).
    Stories(usize),
    /// This many pairs of statements were judged, and this many linked; claims follow.
    Judged {
        /// Candidate pairs judged.
        pairs: usize,
        /// Of them, linked.
        linked: usize,
    },
}

/// Align a set of documents with the parameters `p`.
#[must_use]
pub fn align_with(docs: &[Document], p: &Params) -> Alignment {
    align_observed(docs, p, |_| {})
}

/// Align a set of documents with the parameters `p`, telling `progress` as each stage ends
/// (the interface shows it while a large corpus is aligned). The result is that of
/// [`align_with`].
#[must_use]
pub fn align_observed(docs: &[Document], p: &Params, progress: impl Fn(Progress)) -> Alignment {
    align_observed_then(docs, p, progress, |_| ()).0
}

/// [`align_observed`], and what `then` makes of the statements' tokens before the corpus
/// holding them is freed (the export's quotes layer reads them instead of tokenizing the
/// statements again).
pub fn align_observed_then<T>(
    docs: &[Document],
    p: &Params,
    progress: impl Fn(Progress),
    then: impl FnOnce(&StatementTokens<'_>) -> T,
) -> (Alignment, T) {
    use rayon::prelude::*;
    let run = Run::new(docs, p);
    let mut stories = run.story.clone();
    stories.sort_unstable();
    stories.dedup();
    progress(Progress::Stories(stories.len()));
    // Only the linked pairs, without their evidence: most candidates are not linked, and
    // the export holds no more than it uses (nor computes: pairs that cannot be linked are
    // screened out before their costly features).
    // With each linked pair, whether its evidence leaves a name replacement possible (the
    // link's differences then need not look for one).
    let (linked, pairs): (Vec<Linked>, usize) = run.judged(true, |i, j, e, v| {
        v.linked
            .then_some((i, j, (v, evidence::may_replace_names(&e))))
    });
    progress(Progress::Judged {
        pairs,
        linked: linked.len(),
    });
    let kept = judge::keep_best_per_report(&run.c, linked, p.judge.per_report);
    let polar = run.polarities(&kept);
    let links: Vec<Link> = kept
        .into_par_iter()
        .with_min_len(32)
        .map(|(i, j, (verdict, names))| run.link(i, j, verdict, names, &polar))
        .collect();
    // The claims need none of the corpus (its statements, tokens and terms are most of the
    // heap): freed before they are clustered, so that the claims and then the export's
    // printing (the JSON) reuse its memory rather than add to it. `then` reads its tokens
    // first (the quotes layer, whose results are small).
    drop(polar);
    let counts: Vec<usize> = docs.iter().map(|d| d.statements.len()).collect();
    let made = then(&StatementTokens::new(&run.c, &counts));
    let Run {
        c,
        repeats,
        ctx,
        story,
        ..
    } = run;
    drop(c);
    let alignment = Alignment::with_claims(docs, links, &p.claims)
        .with_stories(docs, ctx.related(), &story)
        .with_repeats(repeats);
    (alignment, made)
}

/// A linked pair of corpus statements with its verdict and whether a name may be replaced in
/// it ([`evidence::may_replace_names`]).
type Linked = (usize, usize, (judge::Verdict, bool));

/// Every candidate pair of `docs` with its evidence and the judge's probability, in corpus
/// order: what `parallax export --evidence` writes for fitting the judge.
#[must_use]
pub fn evidence_table(
    docs: &[Document],
    p: &Params,
) -> Vec<(StatementRef, StatementRef, Evidence, f32)> {
    let run = Run::new(docs, p);
    run.judged(false, |i, j, e, v| {
        Some((run.c.stmts[i].at, run.c.stmts[j].at, e, v.probability))
    })
    .0
}

/// Whether a heading states a claim and may link: a report's headline (its first statement),
/// or a heading with a verb form that asserts ("Ellen DeGeneres To Host Oscars") or a number,
/// not a section label ("Tariffs and Tensions With India").
fn heading_states_claim(d: &Document, index: usize, text: &str) -> bool {
    if index == 0
        || d.statements
            .iter()
            .position(|s| s.kind == StatementKind::Heading)
            == Some(index)
            && d.statements[..index]
                .iter()
                .all(|s| s.kind != StatementKind::Body)
    {
        return true;
    }
    // Words as written between spaces: "Back-to-Back" holds no infinitive "to". A verb form
    // right after a determiner is a noun ("No Plans for Putin–Zelensky Talks"), unless that
    // "determiner" is an initial ("D. A. Will Now Seek Death Penalty").
    let words: Vec<(String, bool)> = text
        .split_whitespace()
        .map(|raw| {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            (w.to_lowercase(), raw.ends_with('.'))
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    // A number states a fact even without a verb ("First US–Russia Presidential Meeting Since
    // 2021", "11 Dead in Quake"); a section label gives none.
    if words
        .iter()
        .any(|(w, _)| w.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    let lex = lexicon::lexicon();
    words.iter().enumerate().any(|(i, (w, _))| {
        let after_determiner = i > 0 && {
            let (prev, initial) = &words[i - 1];
            !initial && lex.is_determiner(prev)
        };
        lexicon::is_assertive_verb_form(w) && !after_determiner
    })
}

/// One alignment in progress: the corpus, its stories and report context.
struct Run<'a> {
    c: corpus::Corpus<'a>,
    /// Statements that repeat an earlier one of their report word for word: left out.
    repeats: Vec<(StatementRef, StatementRef)>,
    ctx: context::Context,
    heading: Vec<bool>,
    story: Vec<usize>,
    p: &'a Params,
}

impl<'a> Run<'a> {
    fn new(docs: &'a [Document], p: &'a Params) -> Self {
        let mut items: Vec<(StatementRef, &str)> = Vec::new();
        let mut heading = Vec::new();
        let mut repeats = Vec::new();
        for (di, d) in docs.iter().enumerate() {
            // A report that repeats a sentence (a refrain, a scraped page with a paragraph
            // twice, a spam of one line) states it once: later copies are aligned as the first.
            let mut first: corpus::FastMap<&str, usize> = corpus::FastMap::default();
            for s in &d.statements {
                let text = &d.text[s.start..s.end];
                if s.kind != StatementKind::Boilerplate {
                    let original = *first.entry(text).or_insert(s.index);
                    if original != s.index {
                        repeats.push((
                            StatementRef {
                                doc: di,
                                statement: s.index,
                            },
                            StatementRef {
                                doc: di,
                                statement: original,
                            },
                        ));
                        continue;
                    }
                }
                let take = match s.kind {
                    StatementKind::Body => true,
                    StatementKind::Heading => heading_states_claim(d, s.index, text),
                    StatementKind::Boilerplate => false,
                };
                if take {
                    items.push((
                        StatementRef {
                            doc: di,
                            statement: s.index,
                        },
                        text,
                    ));
                    heading.push(s.kind == StatementKind::Heading);
                }
            }
        }
        let mut c = corpus::build(items, &p.weights, false);
        let ctx = context::Context::build(&c, docs.len(), &p.stories);
        let story = ctx.stories(stories::Params::of(&p.stories));
        c.localise(&story);
        Self {
            c,
            repeats,
            ctx,
            heading,
            story,
            p,
        }
    }

    /// What `keep` makes of every candidate pair `(i, j)` with its evidence and verdict (the
    /// pairs it keeps, in corpus order), and how many candidate pairs were judged. With
    /// `screen`, `keep` sees only the pairs that may be linked (see [`screen`]): the others
    /// are not linked, and their costly features are not computed.
    ///
    /// One story at a time per thread: candidate pairs never span two stories, and a pair's
    /// rank feature compares it only with pairs of the same statement and report, so a
    /// story's pairs are found, judged and dropped before the next, and the pairs of every
    /// story (and their rank map) are never held at once.
    fn judged<T: Send>(
        &self,
        screen: bool,
        keep: impl Fn(usize, usize, Evidence, judge::Verdict) -> Option<T> + Sync,
    ) -> (Vec<T>, usize) {
        use rayon::prelude::*;
        let pairs = std::sync::atomic::AtomicUsize::new(0);
        let mut kept: Vec<(u32, u32, T)> = candidates::stories(&self.c, &self.story)
            .into_par_iter()
            .flat_map_iter(|members| self.judged_story(members, screen, &pairs, &keep))
            .collect();
        kept.sort_unstable_by_key(|x| (x.0, x.1));
        (kept.into_iter().map(|x| x.2).collect(), pairs.into_inner())
    }

    /// What `keep` makes of the candidate pairs among `members`, one story's statements,
    /// with the pair's statement indices; `pairs` counts the pairs judged.
    fn judged_story<T: Send>(
        &self,
        members: Vec<usize>,
        screen: bool,
        pairs: &std::sync::atomic::AtomicUsize,
        keep: &(impl Fn(usize, usize, Evidence, judge::Verdict) -> Option<T> + Sync),
    ) -> Vec<(u32, u32, T)> {
        use rayon::prelude::*;
        let screen = screen.then(|| screen::Screen::new(&self.p.judge));
        let cands = candidates::story_pairs(&self.c, members, &self.p.candidates);
        // The best cosine of each statement towards each other report: the rank feature.
        // Keyed by `u32` (statement, report): half the map of `usize` keys.
        let doc = |i: u32| candidates::index(self.c.stmts[i as usize].at.doc);
        let mut best: corpus::FastMap<(u32, u32), f32> = corpus::FastMap::default();
        for &(i, j, s) in &cands {
            for (x, y) in [(i, j), (j, i)] {
                let e = best.entry((x, doc(y))).or_insert(0.0);
                *e = e.max(s);
            }
        }
        // The two reports' similarities, remembered for the last report pair a thread met:
        // the pairs come sorted, so runs of them share their reports.
        let reports = |last: &mut (usize, usize, f32, f32), x: usize, y: usize| {
            if (last.0, last.1) != (x, y) {
                *last = (x, y, self.ctx.similarity(x, y), self.ctx.relative(x, y));
            }
            (last.2, last.3)
        };
        cands
            .into_par_iter()
            .with_min_len(64)
            .map_init(
                || (usize::MAX, usize::MAX, 0.0, 0.0),
                |last, (i, j, s)| (i, j, s, reports(last, self.doc_of(i), self.doc_of(j))),
            )
            .filter_map(|(i, j, s, (context, relative))| {
                let (i, j) = (i as usize, j as usize);
                let (a, b) = (&self.c.stmts[i], &self.c.stmts[j]);
                if context < self.p.stories.link_floor {
                    return None;
                }
                pairs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let top = |x: usize, other: usize| {
                    let key = (candidates::index(x), candidates::index(other));
                    best.get(&key).is_some_and(|&m| s >= m)
                };
                let around = evidence::Surroundings {
                    context: relative,
                    best: (f32::from(u8::from(top(i, b.at.doc)))
                        + f32::from(u8::from(top(j, a.at.doc))))
                        / 2.0,
                    heading: self.heading[i] || self.heading[j],
                };
                let e = if let Some(screen) = &screen {
                    evidence::evidence_if(&self.c, a, b, around, &self.p.evidence, screen)?
                } else {
                    evidence::evidence(&self.c, a, b, around, &self.p.evidence)
                };
                let v = judge::judge(&e, &self.p.judge);
                let pair = (candidates::index(i), candidates::index(j));
                keep(i, j, e, v).map(|t| (pair.0, pair.1, t))
            })
            .collect()
    }

    /// The report of corpus statement `i`.
    fn doc_of(&self, i: u32) -> usize {
        self.c.stmts[i as usize].at.doc
    }

    /// The link between corpus statements `i` and `j`, with its conflicting details (`names`:
    /// whether a name may be replaced, see [`evidence::may_replace_names`]).
    fn link(
        &self,
        i: usize,
        j: usize,
        v: judge::Verdict,
        names: bool,
        polar: &[(usize, divergence::Polarity)],
    ) -> Link {
        let (a, b) = (&self.c.stmts[i], &self.c.stmts[j]);
        let none = divergence::Polarity::default();
        let of = |k: usize| {
            polar
                .binary_search_by_key(&k, |p| p.0)
                .map_or(&none, |at| &polar[at].1)
        };
        let differences =
            divergence::differences_known(&self.c, (a, of(i)), (b, of(j)), v.probability, names);
        oriented(a.at, b.at, v.probability, differences)
    }

    /// The polarity of each statement of a link sure enough for its denials and opposites to
    /// be compared (see [`divergence::Polarity`]), sorted by statement: found once, however
    /// many links it has.
    fn polarities(&self, kept: &[Linked]) -> Vec<(usize, divergence::Polarity)> {
        let mut ends: Vec<usize> = kept
            .iter()
            .filter(|(_, _, (v, _))| divergence::compares_polarity(v.probability))
            .flat_map(|&(i, j, _)| [i, j])
            .collect();
        ends.sort_unstable();
        ends.dedup();
        use rayon::prelude::*;
        // Most statements deny nothing and have no opposable verb: only the others are kept.
        ends.into_par_iter()
            .filter_map(|k| {
                let p = divergence::Polarity::of(&self.c, &self.c.stmts[k]);
                (!p.negated.is_empty() || !p.verbs.is_empty()).then_some((k, p))
            })
            .collect()
    }
}

/// A link with its lower-numbered document first (differences flipped to match).
fn oriented(a: StatementRef, b: StatementRef, score: f32, differences: Vec<Difference>) -> Link {
    let (a, b, differences) = if a.doc <= b.doc {
        (a, b, differences)
    } else {
        (
            b,
            a,
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
    Link {
        a,
        b,
        score,
        relation: if differences.is_empty() {
            Relation::Shared
        } else {
            Relation::Divergent
        },
        differences,
    }
}
