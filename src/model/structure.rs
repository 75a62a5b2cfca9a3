//! From cleaned text to a [`Document`]: paragraphs, statements and their kinds, title, source,
//! author and publication date.
//!
//! Paragraphs are cut by [`super::paragraphs`]. A paragraph is a heading when it is a short line without closing
//! punctuation, holding one sentence, followed by more text, unless it reads as a sentence
//! that lost its period; it is boilerplate when it matches the publishing chrome listed in
//! `assets/boilerplate.toml`, or is a byline, a date stamp, a drawn table line, a lone web
//! address or a closing credit (see [`super::stamps`], [`super::datelines`], [`super::outlet`]). A dateline opening
//! one of the first paragraphs ("WASHINGTON (Reuters) -") is a boilerplate statement of its
//! own, and the sentence after it is body text. What these lines say about the report (outlet,
//! author, date) is gathered by [`super::metadata`].

use std::ops::Range;

use super::chrome::{
    appeared_first_on, chrome, is_chrome, is_credit_line, words, MAX_HEADING_WORDS,
};
use super::document::{Document, Statement, StatementKind};
use super::metadata::{Metadata, HEAD_PARAGRAPHS};
pub use super::paragraphs::paragraphs;
use super::{datelines, outlet, segment, stamps};
/// Longest title kept before it is shortened.
pub const MAX_TITLE_CHARS: usize = 90;

/// Build a document from already cleaned text (see [`super::clean::clean_text`]).
#[must_use]
pub fn build(id: String, path: String, text: String) -> Document {
    let paragraphs = paragraphs(&text);
    let mut statements = Vec::new();
    let mut meta = Metadata::default();
    let count = paragraphs.len();
    for (pi, p) in paragraphs.iter().enumerate() {
        let para = &text[p.start..p.end];
        let next = paragraphs.get(pi + 1).map(|n| &text[n.start..n.end]);
        let kind = classify(para, next, pi, count);
        if kind != StatementKind::Body {
            meta.note_paragraph(para, pi, count);
            push(&mut statements, pi, p.start..p.end, kind);
            continue;
        }
        // "WASHINGTON (Reuters) - The Senate voted …": the dateline is a statement of its
        // own, boilerplate, and the sentence after it is the claim.
        let mut from = 0;
        if pi < HEAD_PARAGRAPHS {
            if let Some(d) = datelines::dateline(para) {
                if let Some(agency) = d.agency {
                    meta.note_dateline_agency(agency);
                }
                push(
                    &mut statements,
                    pi,
                    p.start..p.start + d.end,
                    StatementKind::Boilerplate,
                );
                from = d.rest;
            }
        }
        let base = p.start + from;
        for r in segment::split(&para[from..]) {
            let abs = base + r.start..base + r.end;
            let sentence = &text[abs.clone()];
            // A sentence that is the whole paragraph was already judged by `classify`: the
            // same tests on the same text, which found it body text.
            let whole = abs == (p.start..p.end);
            let kind = if whole {
                StatementKind::Body
            } else {
                match appeared_first_on(sentence) {
                    Some((title, site)) => {
                        meta.note_appeared_first_on(title, site);
                        StatementKind::Boilerplate
                    }
                    None if is_chrome(sentence) => StatementKind::Boilerplate,
                    None => StatementKind::Body,
                }
            };
            push(&mut statements, pi, abs, kind);
        }
    }
    let title = meta
        .title
        .clone()
        .unwrap_or_else(|| infer_title(&text, &statements));
    Document {
        id,
        path,
        title,
        source: meta.source().map(str::to_owned),
        published: meta.published,
        author: meta.author,
        warnings: Vec::new(),
        text,
        paragraphs,
        statements,
    }
}

fn push(statements: &mut Vec<Statement>, paragraph: usize, r: Range<usize>, kind: StatementKind) {
    statements.push(Statement {
        index: statements.len(),
        paragraph,
        start: r.start,
        end: r.end,
        kind,
    });
}

fn classify(para: &str, next: Option<&str>, index: usize, count: usize) -> StatementKind {
    if is_chrome(para) || appeared_first_on(para).is_some() {
        return StatementKind::Boilerplate;
    }
    // Bylines, date stamps, drawn table rules and lone web addresses are about the report.
    let about = index < HEAD_PARAGRAPHS && stamps::byline(para).is_some();
    if about
        || stamps::stamp(para).is_some()
        || stamps::is_drawn_table(para)
        || outlet::is_url_line(para)
    {
        return StatementKind::Boilerplate;
    }
    let is_last = index + 1 == count;
    let tail = index + 3 >= count;
    if tail && outlet::credit(para).is_some() {
        return StatementKind::Boilerplate;
    }
    if is_last && is_credit_line(para) && segment::split(para).len() == 1 {
        return StatementKind::Boilerplate;
    }
    if next.is_some() && is_heading(para) && segment::split(para).len() == 1 {
        return StatementKind::Heading;
    }
    StatementKind::Body
}

/// A short single line without closing punctuation, or a short titled question
/// ("The Zelenskyy factor: a trilateral meeting on the table?").
fn is_heading(para: &str) -> bool {
    if para.contains('\n') || para.chars().count() > 120 {
        return false;
    }
    // Counting one word past the limit decides as well as counting them all.
    let n = words(para).take(MAX_HEADING_WORDS + 1).count();
    if n == 0 || n > MAX_HEADING_WORDS || !para.chars().any(char::is_alphabetic) {
        return false;
    }
    let last = para.chars().last().unwrap_or('.');
    if last.is_alphanumeric() || matches!(last, ')' | '’' | '\'' | '%') {
        // "Trump’s Unfulfilled Ukraine Pledge"; quotes closing a heading are rare but
        // possessives are not.
        return !para.ends_with(['”', '"']) && !reads_as_sentence(para);
    }
    (last == '?' || last == '!') && (para.contains(':') || mostly_capitalised(para))
}

/// A sentence that lost its final period rather than a headline: written in sentence case
/// and holding the articles and possessives headlines leave out ("The warship immediately
/// changed its route and challenged the pirates ferrying the suspicious vessels"), or
/// ending in an attribution after a quotation ("'It's significant that it was lost,' he
/// said").
fn reads_as_sentence(para: &str) -> bool {
    if mostly_capitalised(para) {
        return false;
    }
    let h = &chrome().headings;
    let lower: Vec<String> = words(para)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let determiners = lower
        .iter()
        .filter(|w| h.determiners.iter().any(|d| d == *w))
        .count();
    // Headlines attribute in the present tense ("…, lawyer says"); a quotation closed by a
    // past-tense attribution is a sentence.
    let attributed = para.contains(',')
        && para.contains(['"', '“', '”', '\'', '‘', '’'])
        && lower
            .last()
            .is_some_and(|w| h.attributions.iter().any(|a| a == w));
    determiners >= h.min_determiners || attributed
}

fn mostly_capitalised(s: &str) -> bool {
    let (mut caps, mut all) = (0, 0);
    for w in words(s) {
        if w.len() > 3 {
            all += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
        }
    }
    all > 0 && caps * 3 >= all * 2
}

/// The first heading, else the first body sentence, shortened at a word boundary.
fn infer_title(text: &str, statements: &[Statement]) -> String {
    let pick = statements
        .iter()
        .find(|s| s.kind == StatementKind::Heading && s.index == 0)
        .or_else(|| statements.iter().find(|s| s.kind == StatementKind::Body))
        .or_else(|| statements.first());
    pick.map_or_else(String::new, |s| {
        shorten(&text[s.start..s.end], MAX_TITLE_CHARS)
    })
}

/// Shorten `s` to at most `max` characters at a word boundary, adding "…" when cut.
#[must_use]
pub fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..at].trim_end_matches([',', ';', ':', ' ', '—', '-'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        build("t".into(), "t.txt".into(), text.into())
    }

    fn kinds(d: &Document) -> Vec<(StatementKind, &str)> {
        (0..d.statements.len())
            .map(|i| (d.statements[i].kind, d.statement_text(i)))
            .collect()
    }

    #[test]
    fn headings_stand_between_paragraphs() {
        let d =
            doc("First line of text here.\nNo Plans for Putin–Zelensky Talks\nMore text follows.");
        assert_eq!(
            kinds(&d),
            vec![
                (StatementKind::Body, "First line of text here."),
                (StatementKind::Heading, "No Plans for Putin–Zelensky Talks"),
                (StatementKind::Body, "More text follows."),
            ]
        );
    }

    #[test]
    fn appeared_first_on_gives_source_title_and_boilerplate() {
        let d = doc("Body text.\nThe post Trump and Putin to meet appeared first on Invezz");
        assert_eq!(d.source.as_deref(), Some("Invezz"));
        assert_eq!(d.title, "Trump and Putin to meet");
        assert_eq!(d.statements[1].kind, StatementKind::Boilerplate);
    }

    #[test]
    fn also_read_and_closing_credit_are_boilerplate() {
        let d = doc("Body text.\nAlso Read: Something else entirely\nMore body.\nNew York Times");
        let k: Vec<_> = d.statements.iter().map(|s| s.kind).collect();
        assert_eq!(
            k,
            vec![
                StatementKind::Body,
                StatementKind::Boilerplate,
                StatementKind::Body,
                StatementKind::Boilerplate
            ]
        );
    }

    #[test]
    fn soft_wrapped_lines_join_into_one_paragraph() {
        let text = "This is a long line of prose that has been wrapped by an editor at\nseventy columns and goes on here.\n\nNext paragraph.";
        let p = paragraphs(text);
        assert_eq!(p.len(), 2);
        assert_eq!(doc(text).statements.len(), 2);
    }

    #[test]
    fn title_is_shortened_first_sentence_without_heading() {
        let d = doc("A very long first sentence that goes on and on about the summit between two leaders and keeps going. Second.");
        assert!(d.title.ends_with('…'), "{}", d.title);
        assert!(d.title.chars().count() <= MAX_TITLE_CHARS);
    }
}
