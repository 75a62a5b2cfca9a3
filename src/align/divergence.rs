//! Conflicting details between two statements already judged to state the same claim.
//!
//! Each kind of fact is compared on its own terms:
//! - **number**: quantities of the same dimension (durations in hours, percentages, money,
//!   measures, counts of the same noun) conflict when no value is common to both statements,
//!   a bound admitting the other's figure counting as common ("over 350" / "352"), or when the
//!   same value carries hedges that exclude each other ("nearly three-hour" vs "three-hour"),
//!   or one value is given in two currencies. A statement that gives fewer numbers than the
//!   other is silent, not in conflict. Measures in two units are converted; tallies ("52-48")
//!   conflict only when they tally the same thing (see `numbers.rs` and [`tallies`]).
//! - **date**: years, decades, months (with days) and weekdays conflict when both give some
//!   and none agree; times of day when none is within `clock_tolerance` minutes of the other's.
//! - **name**: where the word-level alignment of the two statements replaces a name by another
//!   name that the other statement never mentions.
//! - **quote**: two renderings of one quotation worded differently (quote drift, see
//!   [`super::quotes`]).
//! - **negation**: one statement denies what the other asserts (see [`super::polarity`]).
//! - **opposite**: the two state opposite things of one subject (see [`super::opposites`]).
//! - **wording**: the same head noun with a different noun before it ("video call" vs
//!   "phone call"), neither of which the other statement uses.

use super::corpus::{Corpus, Stmt, TermKind};
use super::facts::DatePart;
use super::lexicon::lexicon;
use super::quotes::{matched_quotes, same_word};
use super::text::TokenKind;
use super::{Difference, DifferenceKind};

use super::slots::clip;

mod numbers;
pub mod tallies;

use numbers::number_differences;

/// Whether the facts at `sa` in `a` and `sb` in `b` share a term among the `window` tokens
/// either side of each.
fn same_context(
    a: &Stmt<'_>,
    sa: &std::ops::Range<usize>,
    b: &Stmt<'_>,
    sb: &std::ops::Range<usize>,
    window: usize,
) -> bool {
    let around = |s: &Stmt<'_>, span: &std::ops::Range<usize>| -> Vec<u32> {
        let Some(first) = s.tokens.iter().position(|t| t.span().start >= span.start) else {
            return Vec::new();
        };
        let last = s
            .tokens
            .iter()
            .rposition(|t| t.span().end <= span.end)
            .unwrap_or(first);
        let lo = first.saturating_sub(window);
        let hi = (last + 1 + window).min(s.tokens.len());
        (lo..hi)
            .filter(|&k| k < first || k > last)
            .filter_map(|k| s.term(k))
            .collect()
    };
    let (ca, cb) = (around(a, sa), around(b, sb));
    ca.iter().any(|t| cb.contains(t))
}

fn date_differences(a: &Stmt<'_>, b: &Stmt<'_>, out: &mut Vec<Difference>) {
    let (da, db) = (&a.dates, &b.dates);
    let date_window = super::params::defaults().facts.date_window;
    type Key = fn(&DatePart) -> Option<(u8, i32)>;
    let grains: [Key; 3] = [
        // Years and decades (kind 0 and 1): "1995" is in "the 1990s".
        |p| match p {
            DatePart::Year(y) => Some((0, *y)),
            DatePart::Decade(d) => Some((1, *d)),
            _ => None,
        },
        |p| match p {
            DatePart::Month(m, d) => Some((*m, d.map_or(-1, i32::from))),
            _ => None,
        },
        |p| match p {
            DatePart::Weekday(w) => Some((*w, 0)),
            _ => None,
        },
    ];
    for (grain, key) in grains.into_iter().enumerate() {
        let ka: Vec<(usize, (u8, i32))> = da
            .iter()
            .enumerate()
            .filter_map(|(i, d)| key(&d.part).map(|k| (i, k)))
            .collect();
        let kb: Vec<(usize, (u8, i32))> = db
            .iter()
            .enumerate()
            .filter_map(|(i, d)| key(&d.part).map(|k| (i, k)))
            .collect();
        if ka.is_empty() || kb.is_empty() {
            continue;
        }
        // Months agree when the month agrees and the days do not contradict; a year agrees
        // with the decade it falls in.
        let agree = |x: (u8, i32), y: (u8, i32)| match (grain, x.0, y.0) {
            (0, 0, 1) => (y.1..y.1 + 10).contains(&x.1),
            (0, 1, 0) => (x.1..x.1 + 10).contains(&y.1),
            _ => x.0 == y.0 && (x.1 == y.1 || x.1 < 0 || y.1 < 0),
        };
        if ka.iter().any(|x| kb.iter().any(|y| agree(x.1, y.1))) {
            continue;
        }
        // Two dates conflict only when they date the same thing: some word next to one is
        // also next to the other ("checked into … on Thursday" / "… checked in on Friday"),
        // not "arrested on Tuesday" against "for Sunday's game".
        let pair = ka.iter().find_map(|x| {
            kb.iter()
                .find(|y| same_context(a, &da[x.0].span, b, &db[y.0].span, date_window))
                .map(|y| (x.0, y.0))
        });
        if let Some((i, j)) = pair {
            let (sa, sb) = (&da[i].span, &db[j].span);
            out.push(Difference {
                kind: DifferenceKind::Date,
                a: clip(a.text, sa.start, sa.end),
                b: clip(b.text, sb.start, sb.end),
            });
        }
    }
}

fn quote_differences(a: &Stmt<'_>, b: &Stmt<'_>, out: &mut Vec<Difference>) {
    for p in matched_quotes(a, b) {
        if p.drift {
            out.push(Difference {
                kind: DifferenceKind::Quote,
                a: clip(a.text, p.a.span.start, p.a.span.end),
                b: clip(b.text, p.b.span.start, p.b.span.end),
            });
        }
    }
}

/// Whether "`x` `head`" and "`y` `head`" name one thing: one modifier names the two-word noun
/// the other makes with the head, or a kind of it ("a mayday call" / "a distress call": a
/// mayday is a distress call). The head is tried as written and without a plural "s".
fn same_kind(x: &str, y: &str, head: &str) -> bool {
    let singular = head.strip_suffix('s').filter(|h| h.len() > 2);
    [Some(head), singular].into_iter().flatten().any(|h| {
        lexicon().names_kind_of(x, &format!("{y} {h}"))
            || lexicon().names_kind_of(y, &format!("{x} {h}"))
    })
}

/// A head that is more likely a verb than a noun ("engagement comes", "aide described").
fn is_verb_like(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("ing") || lexicon().is_light_verb(w)
}

fn wording_differences(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>, out: &mut Vec<Difference>) {
    let modifier = |s: &Stmt<'_>, other: &Stmt<'_>, i: usize| -> Option<u32> {
        let term = s.term(i)?;
        // The cheap tests first (the conditions are all required, in any order).
        let toks = s.toks();
        if toks.kind(i) != TokenKind::Word
            || toks.capitalised(i)
            || c.kinds[term as usize] != TermKind::Content
            || other.set.binary_search(&term).is_ok()
        {
            return None;
        }
        // "in-person summit": the modifier is half of a hyphenated compound, not a noun.
        let compound = i > 0 && s.norm(i - 1) == "-";
        // A noun phrase opens with a determiner ("a private video call"); without one the
        // pair is more often a verb and an adverb ("heard noise outside").
        let determined = || (i.saturating_sub(3)..i).any(|k| lexicon().is_determiner(s.norm(k)));
        (!compound && determined() && !lexicon().is_descriptive(s.norm(i))).then_some(term)
    };
    let mut seen_heads = Vec::new();
    for ia in 1..a.tokens.len() {
        let Some(h) = a.term(ia) else { continue };
        // A head `b` lacks finds no token there: asked first, as it is the cheapest.
        if c.kinds[h as usize] != TermKind::Content
            || b.set.binary_search(&h).is_err()
            || seen_heads.contains(&h)
            || is_verb_like(a.norm(ia))
        {
            continue;
        }
        let Some(ib) = (1..b.tokens.len()).find(|&j| b.term(j) == Some(h)) else {
            continue;
        };
        let (Some(ma), Some(mb)) = (modifier(a, b, ia - 1), modifier(b, a, ib - 1)) else {
            continue;
        };
        let (xa, xb) = (a.norm(ia - 1), b.norm(ib - 1));
        let spelling = same_word(xa, xb);
        if ma != mb && !spelling && !same_kind(xa, xb, a.norm(ia)) {
            seen_heads.push(h);
            out.push(Difference {
                kind: DifferenceKind::Wording,
                a: clip(
                    a.text,
                    a.tokens[ia - 1].span().start,
                    a.tokens[ia].span().end,
                ),
                b: clip(
                    b.text,
                    b.tokens[ib - 1].span().start,
                    b.tokens[ib].span().end,
                ),
            });
        }
    }
}

/// The conflicting details of two linked statements, judged the same claim with `probability`;
/// empty when they agree.
#[must_use]
pub fn differences(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    probability: f32,
) -> Vec<Difference> {
    let of = |s: &Stmt<'_>| {
        if compares_polarity(probability) {
            Polarity::of(c, s)
        } else {
            Polarity::default()
        }
    };
    let (pa, pb) = (of(a), of(b));
    differences_known(c, (a, &pa), (b, &pb), probability, true)
}

/// Whether a link judged with `probability` is sure enough for its denials and opposites to
/// be compared: in a looser link a shared verb is more often about two different things ("the
/// Yankees made a statement" / "the Angels chose not to make an offer") than a denial.
#[must_use]
pub fn compares_polarity(probability: f32) -> bool {
    probability >= super::params::defaults().facts.negation_min_probability
}

/// What a statement denies and which of its verbs have opposites: found once per statement
/// (a statement is compared in many links), read by [`differences_known`].
#[derive(Debug, Clone, Default)]
pub struct Polarity {
    /// Its denials ([`super::polarity::negated`]).
    pub negated: super::polarity::Denials,
    /// Its verbs with opposites ([`super::opposites::opposable`]).
    pub verbs: Vec<(usize, String)>,
}

impl Polarity {
    /// The polarity of statement `s` of corpus `c`.
    #[must_use]
    pub fn of(c: &Corpus<'_>, s: &Stmt<'_>) -> Self {
        Self {
            negated: super::polarity::negated(c, s),
            verbs: super::opposites::opposable(c, s),
        }
    }
}

/// [`differences`], told whether the pair may replace a name at all: `names` false when its
/// evidence found no name replacement even counting names the other report uses elsewhere
/// ([`super::evidence::may_replace_names`]), a superset of those reported here.
#[must_use]
pub fn differences_known(
    c: &Corpus<'_>,
    (a, pa): (&Stmt<'_>, &Polarity),
    (b, pb): (&Stmt<'_>, &Polarity),
    probability: f32,
    names: bool,
) -> Vec<Difference> {
    let mut out = Vec::new();
    number_differences(c, a, b, &mut out);
    date_differences(a, b, &mut out);
    // The facts compared by their own modules, as (a's words, b's words) of one kind.
    let mut tagged = |kind: DifferenceKind, found: Vec<(String, String)>| {
        out.extend(
            found
                .into_iter()
                .map(|(x, y)| Difference { kind, a: x, b: y }),
        );
    };
    if names {
        tagged(
            DifferenceKind::Name,
            super::slots::replaced_names(c, a, b, false),
        );
    }
    tagged(
        DifferenceKind::Role,
        super::roles::role_differences(c, a, b),
    );
    if compares_polarity(probability) {
        tagged(
            DifferenceKind::Negation,
            super::polarity::polarity_differences(c, (a, &pa.negated), (b, &pb.negated)),
        );
        tagged(DifferenceKind::Name, super::swaps::swapped_roles(c, a, b));
        out.extend(super::opposites::opposite_differences(
            c,
            (a, &pa.verbs),
            (b, &pb.verbs),
        ));
    }
    quote_differences(a, b, &mut out);
    wording_differences(c, a, b, &mut out);
    out.dedup();
    out
}
