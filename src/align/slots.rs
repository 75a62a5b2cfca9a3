//! What fills the same slot of two statements: names replaced by other names.
//!
//! The word-level alignment (a longest common subsequence of the folded tokens) of two
//! statements leaves gaps; a gap where each side holds only names (and stopwords) replaces one
//! name by another ("Reggie Bush" / "Pierre Thomas" placed on injured reserve). The judge reads
//! it as evidence of two claims, and the divergence stage reports it as a conflict when the
//! other report never uses the name elsewhere (Moscow / the Kremlin are ways of saying).

use super::corpus::{Corpus, Stmt, TermKind};
use super::lexicon::lexicon;
use super::text::TokenKind;

mod lcs;
use lcs::word_lcs;

/// A statement's words between two byte offsets, on one line.
#[must_use]
pub fn clip(text: &str, start: usize, end: usize) -> String {
    text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind_of(c: &Corpus<'_>, s: &Stmt<'_>, i: usize) -> Option<TermKind> {
    s.term(i).map(|t| c.kinds[t as usize])
}

/// Name replacements between `a` and `b`. With `loose`, a name the other report uses anywhere
/// still counts (for scoring: "Reggie Bush" against "Pierre Thomas" in one slot says these are
/// two claims even if both reports name both men); without it, such a name is taken for
/// another way of saying (Moscow / the Kremlin / Russia) and not reported as a conflict.
#[must_use]
pub fn replaced_names(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    loose: bool,
) -> Vec<(String, String)> {
    // Most pairs cannot hold a replacement, which is told without the word alignment.
    if !may_replace(a, b) {
        return Vec::new();
    }
    replacements(c, a, b, loose)
}

/// [`replaced_names`] from the word alignment, for a pair [`may_replace`] lets through.
fn replacements(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>, loose: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let pairs = word_lcs(&a.words, &b.words);
    let mut prev = (None::<usize>, None::<usize>);
    let bounds = pairs
        .iter()
        .map(|&(i, j)| (Some(i), Some(j)))
        .chain(std::iter::once((None, None)));
    for (ni, nj) in bounds {
        let ia = prev.0.map_or(0, |p| p + 1)..ni.unwrap_or(a.tokens.len());
        let ib = prev.1.map_or(0, |p| p + 1)..nj.unwrap_or(b.tokens.len());
        prev = (ni, nj);
        if ia.is_empty() || ib.is_empty() {
            continue;
        }
        let names_in = |s: &Stmt<'_>, r: &std::ops::Range<usize>| -> Option<Vec<usize>> {
            let mut found = Vec::new();
            for i in r.clone() {
                match kind_of(c, s, i) {
                    Some(TermKind::Name) => found.push(i),
                    None if quiet(s, i) => {}
                    _ => return None,
                }
            }
            (!found.is_empty()).then_some(found)
        };
        let (Some(na), Some(nb)) = (names_in(a, &ia), names_in(b, &ib)) else {
            continue;
        };
        // A name the other report uses anywhere (Moscow / the Kremlin / Russia) is a way of
        // saying, not a conflict.
        let elsewhere = |s: &Stmt<'_>, other: &Stmt<'_>, idx: &[usize]| {
            let theirs = c.doc_terms(other.at.doc);
            idx.iter().any(|&i| {
                s.term(i).is_some_and(|t| {
                    other.set.binary_search(&t).is_ok()
                        || (!loose && theirs.binary_search(&t).is_ok())
                })
            })
        };
        // "Ark." for "Arkansas", "Fla." for "Florida": an abbreviation, not another name.
        let abbreviation = na
            .iter()
            .any(|&i| nb.iter().any(|&j| abbreviates(a.norm(i), b.norm(j))));
        // "BoE" for "Bank of England", "NYPD" for "New York Police Department": an acronym of
        // the other side's words.
        let acronym = |x: &Stmt<'_>, xi: &[usize], y: &Stmt<'_>, yr: &std::ops::Range<usize>| {
            xi.len() == 1 && {
                let words: Vec<&str> = y
                    .toks()
                    .slice(yr.clone())
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.norm)
                    .collect();
                super::names::initials_match(x.norm(xi[0]), &words)
            }
        };
        let spoken = |s: &Stmt<'_>, idx: &[usize]| -> String {
            idx.iter().map(|&i| s.norm(i)).collect::<Vec<_>>().join(" ")
        };
        if abbreviation
            || lexicon().stands_for(&spoken(a, &na), &spoken(b, &nb))
            || acronym(a, &na, b, &ib)
            || acronym(b, &nb, a, &ia)
            || elsewhere(a, b, &na)
            || elsewhere(b, a, &nb)
        {
            continue;
        }
        let span = |s: &Stmt<'_>, idx: &[usize]| {
            clip(
                s.text,
                s.tokens[idx[0]].span().start,
                s.tokens[idx[idx.len() - 1]].span().end,
            )
        };
        out.push((span(a, &na), span(b, &nb)));
    }
    out
}

/// Whether token `i` of `s` (one without a term) may stand in a replacement's gap: a
/// punctuation mark or a stopword.
fn quiet(s: &Stmt<'_>, i: usize) -> bool {
    s.tokens[i].kind() == TokenKind::Punct || s.table.is_stopword(s.words[i])
}

/// The stretches of a statement where a replacement's gap could lie, whatever the other
/// statement: the maximal runs of tokens that are each a name, or a punctuation mark or
/// stopword without a term, holding at least one name (token ranges). `kinds` are the
/// corpus's term kinds. Kept with the statement ([`Stmt::stretches`]), so a pair reads only
/// these few tokens.
#[must_use]
pub fn stretches(kinds: &[TermKind], s: &Stmt<'_>) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut start, mut named) = (None, false);
    for k in 0..=s.tokens.len() {
        let (fits, name) = match (k < s.tokens.len()).then(|| s.term(k)) {
            None => (false, false),
            Some(Some(t)) => {
                let name = kinds[t as usize] == TermKind::Name;
                (name, name)
            }
            Some(None) => (quiet(s, k), false),
        };
        if fits {
            start.get_or_insert(k);
            named |= name;
        } else {
            if let Some(from) = start.take() {
                if named {
                    out.push((to_u32(from), to_u32(k)));
                }
            }
            named = false;
        }
    }
    out.shrink_to_fit();
    out
}

fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// The stretches of `s` a replacement's gap could lie in, as token ranges: the maximal runs
/// of tokens that are each a name whose term `other` lacks, or a punctuation mark or stopword
/// without a term, holding at least one such name. A gap [`replacements`] keeps holds only
/// such tokens (any other token, or a name `other` holds, rules the gap out), so it lies
/// within one run; and each run lies within one of the statement's [`stretches`].
fn runs(s: &Stmt<'_>, other: &Stmt<'_>, out: &mut Vec<(usize, usize)>) {
    out.clear();
    for &(from, to) in &s.stretches {
        let (mut start, mut named) = (None, false);
        for k in from as usize..=to as usize {
            let (fits, name) = if k == to as usize {
                (false, false)
            } else {
                match s.term(k) {
                    // Inside a stretch a term is a name's.
                    Some(t) => {
                        let foreign = other.set.binary_search(&t).is_err();
                        (foreign, foreign)
                    }
                    None => (true, false),
                }
            };
            if fits {
                start.get_or_insert(k);
                named |= name;
            } else {
                if let Some(first) = start.take() {
                    if named {
                        out.push((first, k));
                    }
                }
                named = false;
            }
        }
    }
}

/// Whether `a` and `b` may hold a replacement, told without their word alignment. A gap lies
/// within a run of each side (see [`runs`]) and between two matched tokens, which are equal
/// words, or an end of both statements. For a gap inside runs `sa..ea` of `a` and `sb..eb` of
/// `b`, the match before it stands at `sa - 1` to `ea - 2` in `a` (and likewise in `b`), or
/// both runs start their statements; the match after it stands at `sa + 1` to `ea`, or both
/// runs end their statements. Without such a pair of runs no gap can qualify.
fn may_replace(a: &Stmt<'_>, b: &Stmt<'_>) -> bool {
    thread_local! {
        /// The runs of the last pair, their memory reused: asked of every judged pair.
        static RUNS: std::cell::RefCell<[Vec<(usize, usize)>; 2]> = const {
            std::cell::RefCell::new([Vec::new(), Vec::new()])
        };
    }
    RUNS.with(|cell| {
        let [ra, rb] = &mut *cell.borrow_mut();
        runs(a, b, ra);
        if ra.is_empty() {
            return false;
        }
        runs(b, a, rb);
        pair_of_runs(a, b, ra, rb)
    })
}

/// Whether runs `ra` of `a` and `rb` of `b` hold a pair that could bound one gap (see
/// [`may_replace`]).
fn pair_of_runs(a: &Stmt<'_>, b: &Stmt<'_>, ra: &[(usize, usize)], rb: &[(usize, usize)]) -> bool {
    let (n, m) = (a.words.len(), b.words.len());
    // Whether a word of `a` at `x` is also a word of `b` at `y`.
    let share = |x: std::ops::Range<usize>, y: std::ops::Range<usize>| {
        let theirs = &b.words[y];
        a.words[x].iter().any(|w| theirs.contains(w))
    };
    ra.iter().any(|&(sa, ea)| {
        rb.iter().any(|&(sb, eb)| {
            let before = (sa == 0 && sb == 0)
                || share(sa.saturating_sub(1)..ea - 1, sb.saturating_sub(1)..eb - 1);
            let after =
                (ea == n && eb == m) || share(sa + 1..(ea + 1).min(n), sb + 1..(eb + 1).min(m));
            before && after
        })
    })
}

/// Whether one of two words abbreviates the other: the shorter (two to five letters) starts
/// with the longer's first letter and its letters appear in the longer in order ("fla" /
/// "florida", "ark" / "arkansas", "calif" / "california").
fn abbreviates(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if !(2..=5).contains(&short.len())
        || short.len() >= long.len()
        || short.chars().next() != long.chars().next()
    {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|d| d == c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::StatementRef;

    /// Every pair of statements of the seeds, and pairs made to swap names in one slot.
    fn corpus_texts() -> Vec<String> {
        let mut texts = crate::model::embedded::seed_statement_texts();
        texts.extend(
            [
                "Reggie Bush was placed on injured reserve by the Saints.",
                "Pierre Thomas was placed on injured reserve by the Saints.",
                "The Saints placed Pierre Thomas on injured reserve.",
                "Obama met Putin in Moscow on Friday.",
                "Obama met Medvedev in the Kremlin on Friday.",
                "Officials in Fla. said the storm hit Tampa.",
                "Officials in Florida said the storm hit Miami.",
                "Smith",
                "Jones",
            ]
            .map(str::to_owned),
        );
        texts
    }

    #[test]
    fn the_filter_never_hides_a_replacement() {
        let texts = corpus_texts();
        let items = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    StatementRef {
                        doc: i % 7,
                        statement: i,
                    },
                    t.as_str(),
                )
            })
            .collect();
        let c =
            crate::align::corpus::build(items, &crate::align::params::defaults().weights, false);
        let (mut found, mut skipped) = (0, 0);
        for a in &c.stmts {
            assert_eq!(a.stretches, stretches(&c.kinds, a));
            for b in &c.stmts {
                let pass = may_replace(a, b);
                skipped += usize::from(!pass);
                for loose in [true, false] {
                    let all = replacements(&c, a, b, loose);
                    if !all.is_empty() {
                        found += 1;
                        assert!(pass, "{} / {}", a.text, b.text);
                    }
                    assert_eq!(replaced_names(&c, a, b, loose), all);
                }
            }
        }
        assert!(found > 4, "the examples hold replacements: {found}");
        assert!(skipped > 0, "the filter spares some alignments");
    }
}
