//! The sources a statement cites: "According to The New York Times", "as reported by
//! Associated Press", "Reuters reported", "says the NYT report", "people familiar with the
//! matter", "a senior White House official confirmed".
//!
//! A source is cited by a cue ("according to", "reported by", an outlet's "report") or as the
//! subject of a reporting verb when it is an outlet or a described source (an official, an
//! aide, sources); people named as speakers are the quotes' business, not listed here.

use serde::{Deserialize, Serialize};

use super::tokens::{Token, TokenKind, Tokens};
use crate::model::{Document, Statement, StatementKind};

use super::names::same_surname;
pub use super::sources::{FoldedSource, SourceIndex};
use super::words::words;

/// What kind of source a report cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A news outlet or agency: "The New York Times", "Interfax".
    Outlet,
    /// An official or spokesperson, named by role: "a senior White House official".
    Official,
    /// An unnamed source: "people familiar with the matter".
    Anonymous,
    /// Anyone else cited by "according to": a person or an institution.
    Other,
}

/// One citation of a source in a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The source's name, without "the" or "a report by": "New York Times".
    pub source: String,
    /// Its kind.
    pub kind: SourceKind,
    /// Index of the statement.
    pub statement: usize,
    /// First byte of the citing words in the document's text.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// The citing words ("According to The New York Times").
    pub text: String,
}

fn stop(t: &Token) -> bool {
    t.kind == TokenKind::Punct && t.norm != "-" && t.norm != "'"
}

/// Words dropped from the front of a source's name.
fn lead(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "report" | "reports" | "by" | "of" | "several" | "some"
    )
}

/// Every source `doc` cites, statement by statement.
#[must_use]
pub fn attributions(doc: &Document) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in &doc.statements {
        if s.kind != StatementKind::Boilerplate {
            let text = &doc.text[s.start..s.end];
            cite(doc, s, text, s.start, &Tokens::of(text).tokens(), &mut out);
        }
    }
    out
}

/// [`attributions`] from tokens of the whole document already made (`stmt_toks[i]` the
/// tokens of statement `i`): the quotes pipeline tokenizes each report once.
#[must_use]
pub fn attributions_with(
    doc: &Document,
    toks: &[Token],
    stmt_toks: &[std::ops::Range<usize>],
) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (s, r) in doc.statements.iter().zip(stmt_toks) {
        if s.kind != StatementKind::Boilerplate {
            if let Some(t) = toks.get(r.clone()) {
                cite(doc, s, &doc.text, 0, t, &mut out);
            }
        }
    }
    out
}

/// The citations in one statement, from its tokens `toks`, whose spans index `text`; `base`
/// turns those spans into offsets in the document's text.
fn cite(
    doc: &Document,
    s: &Statement,
    text: &str,
    base: usize,
    toks: &[Token],
    out: &mut Vec<Attribution>,
) {
    {
        let push = |cue: usize, from: usize, to: usize, out: &mut Vec<Attribution>| {
            let mut a = from;
            while a < to && toks[a].kind == TokenKind::Word && lead(toks[a].norm) {
                a += 1;
            }
            if a >= to {
                return;
            }
            let mut b = to;
            while b > a && matches!(toks[b - 1].norm, "report" | "reports" | "'") {
                b -= 1;
            }
            if b <= a {
                return;
            }
            // "The New York Times and CNN": two sources.
            let mut k = a;
            while k < b {
                let e = (k..b)
                    .find(|&j| {
                        toks[j].norm == "and" && toks.get(j + 1).is_some_and(|t| t.capitalised)
                    })
                    .unwrap_or(b);
                if let Some((source, kind)) = name_of(text, &toks[k..e]) {
                    let start = base + toks[cue.min(k)].span.start;
                    let end = base + toks[e - 1].span.end;
                    out.push(Attribution {
                        source,
                        kind,
                        statement: s.index,
                        start,
                        end,
                        text: doc.text[start..end].to_owned(),
                    });
                }
                k = e + 1;
            }
        };
        let n = toks.len();
        for k in 0..n {
            // Every citation below starts at a word: punctuation and numbers (a fifth of the
            // tokens) are passed over before the words are compared.
            if toks[k].kind != TokenKind::Word {
                continue;
            }
            let w = toks[k].norm;
            let next = toks.get(k + 1).map(|t| t.norm);
            // "according to X", "reported by X", "as reported by X".
            let cue_len = match (w, next) {
                ("according", Some("to")) => 2,
                ("reported", Some("by")) => 2,
                _ => 0,
            };
            if cue_len > 0 {
                let from = k + cue_len;
                let to = (from..n)
                    .find(|&j| stop(&toks[j]) || (j > from + 1 && toks[j].norm == "that"))
                    .unwrap_or(n)
                    .min(from + 9);
                let start = if k > 0 && toks[k - 1].norm == "as" {
                    k - 1
                } else {
                    k
                };
                push(start, from, to, out);
                continue;
            }
            // "X reported", "X reports", "the NYT report": an outlet before the word.
            if matches!(w, "reported" | "reports" | "report" | "said" | "says") && k > 0 {
                let mut a = k;
                while a > 0 && (toks[a - 1].capitalised || (toks[a - 1].norm == "'" && a > 1)) {
                    a -= 1;
                }
                if a < k {
                    if let Some((_, SourceKind::Outlet)) = name_of(text, &toks[a..k]) {
                        let end = if w == "report" { k + 1 } else { k };
                        push(a, a, end, out);
                        continue;
                    }
                }
            }
            // Institutions that speak: "The Kremlin has confirmed", "Moscow announced".
            if toks[k].verb {
                let mut v = k;
                while v > 0
                    && matches!(
                        toks[v - 1].norm,
                        "has"
                            | "have"
                            | "had"
                            | "also"
                            | "reportedly"
                            | "later"
                            | "earlier"
                            | "officially"
                            | "publicly"
                    )
                {
                    v -= 1;
                }
                let mut a = v;
                while a > 0 && toks[a - 1].capitalised && toks[a - 1].kind == TokenKind::Word {
                    a -= 1;
                }
                // Most verbs follow no capitalised word: no name to build.
                if a < v {
                    let key = joined(toks[a..v].iter().map(|t| t.norm).filter(|w| *w != "the"));
                    if words().is_institution(&key) && !words().is_outlet(&key) {
                        push(a, a, v, out);
                        continue;
                    }
                }
            }
            // Described sources: "a senior White House official confirmed", "people familiar
            // with the matter", "sources close to the Kremlin".
            if toks[k].kind == TokenKind::Word
                && words().is_source_noun(w)
                && !matches!(w, "statement" | "agency")
            {
                let tail = match (w, next) {
                    (_, Some("familiar" | "close" | "briefed")) => 4,
                    (_, Some("with")) if toks.get(k + 2).is_some_and(|t| t.norm == "knowledge") => {
                        5
                    }
                    _ => 0,
                };
                let verb_follows = toks.get(k + 1).is_some_and(|t| t.verb);
                let person_like = matches!(w, "people" | "person");
                if tail == 0 && (!verb_follows || person_like) {
                    continue;
                }
                let mut a = k;
                while a > 0
                    && (toks[a - 1].capitalised
                        || matches!(
                            toks[a - 1].norm,
                            "senior"
                                | "top"
                                | "former"
                                | "unnamed"
                                | "anonymous"
                                | "several"
                                | "two"
                                | "three"
                                | "us"
                        ))
                    && toks[a - 1].norm != "according"
                {
                    a -= 1;
                }
                if a > 0 && (toks[a - 1].norm == "to" || toks[a - 1].norm == "by") {
                    continue; // already taken by its cue
                }
                let end = (k + 1 + tail).min(n);
                let end = (k + 1..end).find(|&j| stop(&toks[j])).unwrap_or(end);
                push(a, a, end, out);
            }
        }
    }
}

/// The name and kind of a cited source from its words; `None` for a person named by name
/// (a speaker, not a source) or nothing at all.
fn name_of(text: &str, toks: &[Token]) -> Option<(String, SourceKind)> {
    let first = toks.first()?;
    let last = toks.last()?;
    let surface = text.get(first.span.start..last.span.end)?.trim();
    let surface = surface
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\'']);
    if surface.is_empty() {
        return None;
    }
    let folded: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.norm)
        .collect();
    let key = joined(folded.iter().copied());
    let w = words();
    let kind = if w.is_outlet(&key)
        || folded
            .iter()
            .any(|f| matches!(*f, "news" | "agency" | "press" | "times"))
        || (folded.len() <= 3 && folded.iter().all(|f| w.is_outlet(f)))
    {
        SourceKind::Outlet
    } else if folded.iter().any(|f| {
        matches!(
            *f,
            "familiar" | "knowledge" | "sources" | "source" | "people" | "insiders"
        )
    }) {
        SourceKind::Anonymous
    } else if folded.iter().any(|f| w.is_source_noun(f)) || w.is_institution(&key) {
        SourceKind::Official
    } else if toks
        .iter()
        .all(|t| t.capitalised || t.kind == TokenKind::Punct)
        && toks.len() <= 3
        && !w.is_institution(&key)
    {
        // A person by name ("according to Ushakov"): the speaker of what follows.
        SourceKind::Other
    } else {
        SourceKind::Other
    };
    Some((surface.to_owned(), kind))
}

/// Words joined by single spaces, as `join(" ")` joins them, to look up: one word is
/// borrowed, several are copied once.
fn joined<'w>(mut words: impl Iterator<Item = &'w str>) -> std::borrow::Cow<'w, str> {
    let Some(first) = words.next() else {
        return std::borrow::Cow::Borrowed("");
    };
    let Some(second) = words.next() else {
        return std::borrow::Cow::Borrowed(first);
    };
    let mut out = String::with_capacity(first.len() + second.len() + 16);
    out.push_str(first);
    for w in std::iter::once(second).chain(words) {
        out.push(' ');
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether two source names name one source: equal when folded, one the initials of the
/// other (NYT / New York Times), or a misspelling (Associate Press / Associated Press).
#[must_use]
pub fn same_source(a: &str, b: &str) -> bool {
    same_folded_source(&source_key(a), &source_key(b))
}

/// A source's name folded for [`same_folded_source`]: lowercase, accents and a leading
/// "the" dropped.
#[must_use]
pub fn source_key(name: &str) -> String {
    let f = super::names::fold(name);
    f.strip_prefix("the ").map_or(f.clone(), str::to_owned)
}

/// [`same_source`] of two names already folded with [`source_key`].
#[must_use]
pub fn same_folded_source(fa: &str, fb: &str) -> bool {
    // The Kremlin, Moscow and Russia speak for one government (the alignment's metonym table).
    if fa == fb || crate::align::lexicon::lexicon().stands_for(fa, fb) {
        return true;
    }
    let initials = |s: &str| {
        s.split(' ')
            .filter_map(|w| w.chars().next())
            .collect::<String>()
    };
    let single = |s: &str| !s.contains(' ') && s.len() >= 2;
    if (single(fa) && fa == initials(fb)) || (single(fb) && fb == initials(fa)) {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (fa.split(' ').collect(), fb.split(' ').collect());
    wa.len() == wb.len()
        && wa
            .iter()
            .zip(&wb)
            .all(|(x, y)| x == y || same_surname(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cues_of_a_citation() {
        let d = crate::model::structure::build("t".into(), "t".into(), "Kremlin has agreed, as reported by Associate Press. According to The New York Times and CNN, he may come. Reuters reported a deal. A senior White House official confirmed it, people familiar with the matter said. Ukrainian officials are seeking clarity.".into());
        let got: Vec<(String, SourceKind)> = attributions(&d)
            .into_iter()
            .map(|a| (a.source, a.kind))
            .collect();
        let want = [
            ("Associate Press", SourceKind::Outlet),
            ("New York Times", SourceKind::Outlet),
            ("CNN", SourceKind::Outlet),
            ("Reuters", SourceKind::Outlet),
            ("senior White House official", SourceKind::Official),
            ("people familiar with the matter", SourceKind::Anonymous),
        ];
        assert_eq!(got, want.map(|(s, k)| (s.to_owned(), k)));
    }

    #[test]
    fn one_source_under_several_names() {
        assert!(same_source("NYT", "The New York Times"));
        assert!(same_source("Associate Press", "Associated Press"));
        assert!(!same_source("CNN", "New York Times"));
        // A government's seat and capital speak for it; two capitals stay two sources.
        assert!(same_source("the Kremlin", "Moscow"));
        assert!(!same_source("Moscow", "Kyiv"));
    }

    #[test]
    fn folded_sources_compare_as_their_names_do() {
        let names = [
            "NYT",
            "The New York Times",
            "Associate Press",
            "Associated Press",
            "CNN",
            "the Kremlin",
            "Moscow",
            "Russia",
            "Kyiv",
            "AP",
            "a senior official",
            "Washington",
            "the White House",
            "United States",
            "Kiev",
            "Ukraine",
        ];
        for a in names {
            for b in names {
                let (fa, fb) = (
                    FoldedSource::new(source_key(a)),
                    FoldedSource::new(source_key(b)),
                );
                assert_eq!(fa.same(&fb), same_source(a, b), "{a} / {b}");
            }
        }
    }
}
