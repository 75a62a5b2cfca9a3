//! Each quotation of one report with its speaker and verb, and its indirect speech.
//!
//! The speaker of a quotation is found, in order: in the words that split it (“…,” he said,
//! “…”); right after it (“…,” Trump told reporters / “…,” said Leavitt); before it, as the
//! subject of the nearest reporting verb whose subject is named (Ushakov said: “…” / Rubio
//! cautioned…, calling the process “long”), or "according to X"; and for a quotation that is
//! a whole sentence, from the sentence before it when that ends with a colon, or from a
//! quotation in one of the two sentences before it. A pronoun takes the person named earlier in its
//! sentence, or else the last person the report made a speaker or a subject.

use std::cell::RefCell;
/// Maps with a fast fixed hasher: keyed by words, looked up for every word read.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
use std::ops::Range;

use super::tokens::{Token, TokenKind};
use crate::model::{Document, StatementKind};

use super::attribution::{attributions_with, Attribution};
use super::known::{KnownTokens, NoneKnown};
use super::marks::{self, Span};
use super::names::NameBook;
use super::phrase::{abbrev_dot, described, first_person, subject_after, subject_before, Who};
use super::resolve::resolve_all;
use super::words::words;
use super::{Instance, QuoteKind};

/// Every quotation and indirect quotation of `doc`, alone (names resolved within it).
#[must_use]
pub fn extract(doc: &Document) -> Vec<Instance> {
    let book = NameBook::learn(std::slice::from_ref(doc));
    extract_with(doc, 0, &book)
}

/// The document as tokens, with what the speaker search needs to know about each.
pub(super) struct Doc<'a> {
    pub(super) doc: &'a Document,
    pub(super) index: usize,
    pub(super) book: &'a NameBook<'a>,
    pub(super) toks: Vec<Token<'a>>,
    pub(super) quoted: Vec<bool>,
    /// For each statement, its token range.
    pub(super) stmt_toks: Vec<Range<usize>>,
    /// [`Doc::written_lowercase`] of each word asked about: a search of the whole text.
    lowercase: RefCell<HashMap<String, bool>>,
    /// [`Doc::full_name`] of each name asked about.
    full: RefCell<HashMap<String, String>>,
}

impl Doc<'_> {
    pub(super) fn tok_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < byte)
    }

    pub(super) fn stmt_of(&self, byte: usize) -> usize {
        self.doc
            .statements
            .partition_point(|s| s.end <= byte)
            .min(self.doc.statements.len().saturating_sub(1))
    }

    pub(super) fn is_verb(&self, k: usize) -> bool {
        !self.quoted[k] && self.toks[k].verb
    }

    pub(super) fn verb_text(&self, k: usize) -> String {
        self.doc.text[self.toks[k].span.clone()].to_lowercase()
    }

    /// The named subject of the nearest reporting verb at or before token `from` (not before
    /// `floor`), with that verb.
    pub(super) fn speaker_left(&self, floor: usize, from: usize) -> Option<(Who, usize)> {
        for v in (floor..from).rev() {
            if self.is_verb(v) {
                // "treated by police as “…”": the agent of a passive verb.
                let agent = (self.toks.get(v + 1).is_some_and(|t| t.norm == "by")
                    && !self.quoted[v + 1])
                    .then(|| subject_after(&self.doc.text, &self.toks, &self.quoted, v + 1))
                    .flatten();
                if let Some(who) = agent
                    .or_else(|| subject_before(&self.doc.text, &self.toks, &self.quoted, floor, v))
                {
                    return Some((who, v));
                }
            }
        }
        None
    }

    /// Whether a person found anywhere in a sentence is likely a person: a full name, or a
    /// surname the reports give in full.
    pub(super) fn plausible(&self, who: &Who) -> bool {
        match who {
            Who::Person(n) => n.contains(' ') || self.full_name(n).contains(' '),
            _ => true,
        }
    }

    /// The full name of a person this report names `name` ([`NameBook::full`]), looked up
    /// once per name.
    pub(super) fn full_name(&self, name: &str) -> String {
        if let Some(known) = self.full.borrow().get(name) {
            return known.clone();
        }
        let full = self.book.full(self.index, name);
        self.full.borrow_mut().insert(name.to_owned(), full.clone());
        full
    }

    /// Whether the report also writes `word` (lowercase) in lowercase: then a capitalised
    /// one opening a sentence ("Somehow", "Three") is not a name.
    pub(super) fn written_lowercase(&self, word: &str) -> bool {
        if let Some(&known) = self.lowercase.borrow().get(word) {
            return known;
        }
        let text = &self.doc.text;
        // Most names are never written in lowercase: a quick search settles those.
        let found = text.contains(word)
            && text.match_indices(word).any(|(at, w)| {
                let before = text[..at].chars().next_back();
                let after = text[at + w.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            });
        self.lowercase.borrow_mut().insert(word.to_owned(), found);
        found
    }

    /// "according to X" in `range`: X when it is a person or a described source.
    pub(super) fn according(&self, range: Range<usize>) -> Option<Who> {
        let t = &self.toks;
        range.clone().find_map(|k| {
            (t[k].norm == "according"
                && t.get(k + 1).is_some_and(|n| n.norm == "to")
                && !self.quoted[k])
                .then(|| subject_after(&self.doc.text, t, &self.quoted, k + 1))
                .flatten()
                .filter(|w| matches!(w, Who::Person(_) | Who::Described { .. }))
        })
    }

    /// A verb and its subject in the few words right after a quotation (or between its
    /// parts): "he said", "Trump told reporters", "said Leavitt".
    pub(super) fn attribution_after(&self, from: usize, to: usize) -> Option<(Who, String)> {
        let mut k = from;
        while k < to && self.toks[k].kind == TokenKind::Punct && !self.quoted[k] {
            k += 1;
        }
        let start = k;
        while k < to && k < start + 20 && !self.quoted[k] {
            if matches!(self.toks[k].norm, "." | ";" | "?" | "!") && !abbrev_dot(&self.toks, k) {
                return None;
            }
            if self.is_verb(k) {
                let who = if k == start {
                    subject_after(&self.doc.text, &self.toks, &self.quoted, k)
                } else {
                    // "…,” Tadzhigul Begmedova, director of …, said: a name then its apposition.
                    let named = first_person(&self.doc.text, &self.toks, &self.quoted, start..k)
                        .filter(|_| self.toks[start].capitalised)
                        .filter(|_| {
                            (start..k)
                                .find(|&j| !self.toks[j].capitalised)
                                .is_some_and(|j| self.toks[j].norm == ",")
                        });
                    named
                        .or_else(|| {
                            subject_before(&self.doc.text, &self.toks, &self.quoted, from, k)
                        })
                        // "…,” a friend of the actress said: the words between name the speaker.
                        .or_else(|| described(&self.doc.text, &self.toks, start..k))
                        // "…,” Valentina Redzhepova, an official at …, told AFP.
                        .or_else(|| {
                            first_person(&self.doc.text, &self.toks, &self.quoted, start..k)
                                .filter(|_| self.toks[start].capitalised)
                        })
                };
                // "…,” Trump claimed that “…”: the verb introduces what follows, not this.
                let introduces = (k + 1..to.min(k + 4))
                    .take_while(|&j| self.toks[j].norm != ",")
                    .any(|j| {
                        self.quoted[j] || self.toks[j].norm == "that" || self.toks[j].norm == ":"
                    });
                if introduces {
                    return None;
                }
                return who.map(|w| (w, self.verb_text(k)));
            }
            if self.toks[k].norm == "according" && k == start {
                return self
                    .according(k..k + 1)
                    .map(|w| (w, "according to".to_owned()));
            }
            k += 1;
        }
        None
    }
}

/// Every quotation (direct and indirect) of `doc`, which is document `index` of the set
/// `book` was learnt from.
#[must_use]
pub fn extract_with(doc: &Document, index: usize, book: &NameBook<'_>) -> Vec<Instance> {
    extract_and_cite(doc, index, book, &NoneKnown).0
}

/// [`extract_with`] and the document's [`attributions`](super::attributions), from one
/// tokenization of the report (none of the statements whose tokens `known` holds).
#[must_use]
pub fn extract_and_cite(
    doc: &Document,
    index: usize,
    book: &NameBook<'_>,
    known: &dyn KnownTokens,
) -> (Vec<Instance>, Vec<Attribution>) {
    let paragraphs: Vec<Range<usize>> = doc.paragraphs.iter().map(|p| p.start..p.end).collect();
    let mut spans: Vec<Span> = marks::find_all(&doc.text, &paragraphs);
    if doc.statements.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // Titles of works ("American Pie") are not speech, except in Title Case headlines.
    let heading = |b: usize| {
        let k = doc.statements.partition_point(|s| s.end <= b);
        doc.statements
            .get(k)
            .is_some_and(|s| s.kind == StatementKind::Heading)
    };
    let selected = super::select::selected(doc, index, &spans, known);
    let toks = selected.tokens(index, known);
    let mut quoted = vec![false; toks.len()];
    // Titles stay masked: "Pie" of "American Pie" is no one's name.
    for s in spans.iter().filter(|s| s.depth == 0) {
        let a = toks.partition_point(|t| t.span.start < s.outer.start);
        let b = toks.partition_point(|t| t.span.start < s.outer.end);
        quoted[a..b].iter_mut().for_each(|q| *q = true);
    }
    spans.retain(|s| heading(s.words.start) || !marks::is_title(&doc.text[s.words.clone()]));
    let stmt_toks = doc
        .statements
        .iter()
        .map(|s| {
            toks.partition_point(|t| t.span.start < s.start)
                ..toks.partition_point(|t| t.span.start < s.end)
        })
        .collect();
    let d = Doc {
        doc,
        index,
        book,
        toks,
        quoted,
        stmt_toks,
        lowercase: RefCell::default(),
        full: RefCell::default(),
    };
    let utterances = split_quotes(&d, &spans);
    let instances = resolve_all(&d, &utterances);
    (instances, attributions_with(doc, &d.toks, &d.stmt_toks))
}

/// Join the two halves of a quotation its attribution splits: the first half ends with a
/// comma, the words between are a short attribution, the second half starts in lowercase.
fn split_quotes(d: &Doc<'_>, spans: &[Span]) -> Vec<Vec<Span>> {
    let mut out: Vec<Vec<Span>> = Vec::new();
    for s in spans {
        if let Some(prev) = out.last_mut().and_then(|u| u.last().cloned()) {
            let between = d.doc.text.get(prev.outer.end..s.outer.start).unwrap_or("");
            let inner_end = d.doc.text.get(prev.words.end..prev.outer.end).unwrap_or("");
            let lower = d.doc.text[s.words.clone()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            // Counted up to nine: the text between two quotations may be long.
            let n_words = between.split_whitespace().take(9).count();
            // Looked for last, when all else holds.
            let has_verb = || {
                between
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| words().is_verb(&w.to_lowercase()))
            };
            if s.depth == 0
                && prev.depth == 0
                && lower
                && (1..=8).contains(&n_words)
                && (inner_end.contains(',') || between.trim_start().starts_with(','))
                && between.trim_end().ends_with([',', ':'])
                && has_verb()
            {
                if let Some(u) = out.last_mut() {
                    u.push(s.clone());
                }
                continue;
            }
        }
        out.push(vec![s.clone()]);
    }
    out
}

/// What was found before resolving pronouns.
pub(super) struct Found {
    pub(super) parts: Vec<Range<usize>>,
    pub(super) statement: usize,
    pub(super) kind: QuoteKind,
    pub(super) who: Option<Who>,
    pub(super) verb: Option<String>,
    pub(super) depth: usize,
    /// Token where the pronoun (if any) stands, to look for a person before it.
    pub(super) at: usize,
}

pub(super) fn find_direct(d: &Doc<'_>, u: &[Span], previous: Option<&Found>) -> Option<Found> {
    let first = u.first()?;
    let last = u.last()?;
    let s0 = d.stmt_of(first.words.start);
    let s1 = d.stmt_of(last.words.end.saturating_sub(1));
    let ctx = d.stmt_toks[s0].start..d.stmt_toks[s1].end;
    let first_tok = d.tok_at(first.outer.start);
    let after_tok = d.tok_at(last.outer.end);
    let mut found: Option<(Who, String, usize)> = None;
    // Between the parts of a split quotation.
    for w in u.windows(2) {
        let (a, b) = (d.tok_at(w[0].outer.end), d.tok_at(w[1].outer.start));
        if let Some((who, verb)) = d.attribution_after(a, b) {
            found = Some((who, verb, a));
            break;
        }
    }
    let left = d.speaker_left(ctx.start, first_tok);
    // A verb just before the quotation whose complement it is ("described as “…”", "said:
    // “…”") comes before an attribution after it.
    let complement = left.as_ref().is_some_and(|&(_, v)| {
        first_tok - v <= 8 && (v + 1..first_tok).all(|k| !matches!(d.toks[k].norm, "," | ";"))
    });
    if found.is_none() && first.depth == 0 && !complement {
        found = d
            .attribution_after(after_tok, ctx.end)
            .map(|(w, v)| (w, v, after_tok));
    }
    if found.is_none() {
        found = left.map(|(w, v)| (w, d.verb_text(v), v));
    }
    if found.is_none() {
        found = d
            .according(ctx.clone())
            .map(|w| (w, "according to".to_owned(), first_tok));
    }
    let mut who = found.as_ref().map(|f| f.0.clone());
    let mut verb = found.as_ref().map(|f| f.1.clone());
    // A quotation that is its whole sentence: the sentence before introduced it ("…said:"),
    // or it goes on from the quotation before it.
    let bare = (ctx.start..first_tok)
        .chain(after_tok..ctx.end)
        .all(|k| d.toks[k].kind == TokenKind::Punct);
    if who.is_none() && bare && s0 > 0 {
        let prev = d.stmt_toks[s0 - 1].clone();
        let colon = d.doc.statement_text(s0 - 1).trim_end().ends_with(':');
        if colon {
            if let Some((w, v)) = d.speaker_left(prev.start, prev.end) {
                who = Some(w);
                verb = Some(d.verb_text(v));
            }
        } else if let Some(p) = previous.filter(|p| p.statement + 2 >= s0) {
            // A bare quotation right after another goes on with its speaker, in the same
            // paragraph or the next (the convention of news copy).
            who.clone_from(&p.who);
            verb.clone_from(&p.verb);
        }
    }
    Some(Found {
        parts: u.iter().map(|s| s.words.clone()).collect(),
        statement: s0,
        kind: QuoteKind::Direct,
        at: found.map_or(first_tok, |f| f.2),
        who,
        verb,
        depth: first.depth,
    })
}
