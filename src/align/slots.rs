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
    let mut out = Vec::new();
    // A replacement needs, on each side, a name whose term the other statement lacks (a gap's
    // names are skipped as soon as one of them is in the other statement): without one on
    // both sides there is nothing to find, and the word alignment is not worth computing.
    if !has_name_outside(c, a, b) || !has_name_outside(c, b, a) {
        return out;
    }
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
                    None if s.tokens[i].kind() == TokenKind::Punct
                        || lexicon().is_stopword(s.norm(i)) => {}
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

/// Whether `s` holds a name whose term `other` does not hold.
fn has_name_outside(c: &Corpus<'_>, s: &Stmt<'_>, other: &Stmt<'_>) -> bool {
    s.terms_in(0..s.terms.len())
        .any(|t| c.kinds[t as usize] == TermKind::Name && other.set.binary_search(&t).is_err())
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
