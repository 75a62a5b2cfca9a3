//! The JSON export, schema version 2:
//!
//! ```text
//! {"version":2,
//!  "documents":[{"id","path","title","source","published","text",
//!                "statements":[{"index","paragraph","start","end","text","kind"}]}],
//!  "links":[{"a":{"doc","statement"},"b":{"doc","statement"},"score","relation","differences"}],
//!  "groups":[{"members":[{"doc","statement"}],"support","central":{"doc","statement"},"story"}],
//!  "stories":[{"id","title","reports"}],
//!  "quotes":[{"speaker","instances":[{"doc","statement","start","end","text","verb","kind","speaker"}],
//!             "drift","misattributed","paraphrase"}],
//!  "attributions":[{"source","kind","instances":[{"doc","statement","start","end","text"}]}]}
//! ```
//!
//! `start`/`end` are byte offsets into `text`; `doc` and `reports` index `documents`, `story`
//! indexes `stories`. Version 2 added `stories` and each group's `story`; the rest is version
//! 1 unchanged, so a version 1 reader that ignores unknown fields reads it. The field order is
//! fixed by these structs so exports are stable enough to diff and golden-test.

use std::io::Write;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{Alignment, Link, StatementRef, Story};
use crate::model::{Document, StatementKind};

use super::quotes_json::{
    attributions_of, export_attributions, export_quotes, quotes_of, ExportAttribution, ExportQuote,
};

/// The schema version written in every export.
pub const SCHEMA_VERSION: u32 = 2;

/// A whole export.
#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    /// Always [`SCHEMA_VERSION`].
    pub version: u32,
    /// The documents in load order.
    pub documents: Vec<ExportDocument>,
    /// Links between statements of different documents.
    pub links: Vec<Link>,
    /// Claim groups.
    pub groups: Vec<ExportGroup>,
    /// Stories: the reports of one event each.
    pub stories: Vec<Story>,
    /// Quotations, one entry per utterance across reports.
    pub quotes: Vec<ExportQuote>,
    /// Cited sources, one entry per source.
    pub attributions: Vec<ExportAttribution>,
}

/// One claim group in an export.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExportGroup {
    /// Its statements, sorted by document then statement.
    pub members: Vec<StatementRef>,
    /// The number of distinct reports that state it.
    pub support: usize,
    /// Its most central member (linked with most of the others): the wording that stands
    /// for the claim. Absent in exports written before 2026-12-01.
    #[serde(default)]
    pub central: Option<StatementRef>,
    /// The story of its reports (an index into `stories`); absent only when the alignment
    /// has no stories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<usize>,
}

/// The story of each document, by document index.
fn story_of_doc(alignment: &Alignment) -> Vec<Option<usize>> {
    let n = alignment
        .stories
        .iter()
        .flat_map(|s| s.reports.iter().map(|r| r + 1))
        .max()
        .unwrap_or(0);
    let mut out = vec![None; n];
    for s in &alignment.stories {
        for &r in &s.reports {
            out[r] = Some(s.id);
        }
    }
    out
}

/// The groups of `alignment` with their story: that of their first member's report (a claim
/// never spans two stories).
fn export_groups(alignment: &Alignment) -> Vec<ExportGroup> {
    let story = story_of_doc(alignment);
    alignment
        .groups
        .iter()
        .map(|g| ExportGroup {
            members: g.members.clone(),
            support: g.support,
            central: Some(g.central),
            story: g
                .members
                .first()
                .and_then(|m| story.get(m.doc).copied().flatten()),
        })
        .collect()
}

/// One document in an export.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExportDocument {
    /// File stem, unique within the export.
    pub id: String,
    /// The path it was loaded from.
    pub path: String,
    /// Its title.
    pub title: String,
    /// Its outlet, if the text names it.
    pub source: Option<String>,
    /// When it was first published, as the report states it, if it does.
    #[serde(default)]
    pub published: Option<String>,
    /// Its cleaned text.
    pub text: String,
    /// Its statements.
    pub statements: Vec<ExportStatement>,
}

/// One statement in an export.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExportStatement {
    /// Position in the document.
    pub index: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// First byte in the document's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text, equal to `text[start..end]`.
    pub text: String,
    /// `body`, `heading` or `boilerplate`.
    pub kind: StatementKind,
    /// The index of the earlier statement of this document it repeats word for word (it is
    /// aligned as that one, and carries no links of its own); absent when it repeats none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<usize>,
}

impl Export {
    /// Assemble the export of `docs` and their alignment.
    #[must_use]
    pub fn new(docs: &[Document], alignment: &Alignment) -> Self {
        Self {
            version: SCHEMA_VERSION,
            documents: docs
                .iter()
                .enumerate()
                .map(|(di, d)| ExportDocument {
                    id: d.id.clone(),
                    path: d.path.clone(),
                    title: d.title.clone(),
                    source: d.source.clone(),
                    published: d.published.clone(),
                    text: d.text.clone(),
                    statements: d
                        .statements
                        .iter()
                        .map(|s| ExportStatement {
                            index: s.index,
                            paragraph: s.paragraph,
                            start: s.start,
                            end: s.end,
                            text: d.text[s.start..s.end].to_owned(),
                            kind: s.kind,
                            repeat_of: repeat_of(alignment, di, s.index),
                        })
                        .collect(),
                })
                .collect(),
            links: alignment.links.clone(),
            groups: export_groups(alignment),
            stories: alignment.stories.clone(),
            quotes: export_quotes(docs),
            attributions: export_attributions(docs),
        }
    }
}

/// A document as [`ExportDocument`] serialises it, borrowing instead of copying its text.
#[derive(Serialize)]
struct DocumentView<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<&'a str>,
    text: &'a str,
    statements: Vec<StatementView<'a>>,
}

/// A statement as [`ExportStatement`] serialises it.
#[derive(Serialize)]
struct StatementView<'a> {
    index: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
    kind: StatementKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat_of: Option<usize>,
}

/// The statement that statement `index` of document `doc` repeats, if it repeats one.
fn repeat_of(alignment: &Alignment, doc: usize, index: usize) -> Option<usize> {
    alignment
        .repeat_of(StatementRef {
            doc,
            statement: index,
        })
        .map(|r| r.statement)
}

impl<'a> DocumentView<'a> {
    fn new(d: &'a Document, di: usize, alignment: &Alignment) -> Self {
        Self {
            id: &d.id,
            path: &d.path,
            title: &d.title,
            source: d.source.as_deref(),
            published: d.published.as_deref(),
            text: &d.text,
            statements: d
                .statements
                .iter()
                .map(|s| StatementView {
                    index: s.index,
                    paragraph: s.paragraph,
                    start: s.start,
                    end: s.end,
                    text: d.text.get(s.start..s.end).unwrap_or_default(),
                    kind: s.kind,
                    repeat_of: repeat_of(alignment, di, s.index),
                })
                .collect(),
        }
    }
}

/// Indentation of an element of a top-level array in serde_json's pretty output.
const ELEMENT_INDENT: &str = "\n    ";

/// One element of a top-level array, pretty-printed exactly as `serde_json::to_string_pretty`
/// prints it inside the whole export: every line indented the two levels it stands at
/// (`indented::Indented`).
fn element<T: Serialize>(value: &T) -> String {
    let mut out = Vec::with_capacity(256);
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, super::indented::Indented::at(2));
    // Serialising plain structs of strings and numbers into memory cannot fail, and
    // serde_json writes only UTF-8.
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Elements printed in parallel per batch: the batch's strings are written and dropped
/// before the next, so the printed elements of a section are never all held at once.
const PRINT_BATCH: usize = 256;

/// Write a pretty-printed top-level array of `items`, printing them by `print` in parallel
/// batches (each element as [`element`] prints it, in order).
fn write_array<T: Sync>(
    w: &mut dyn Write,
    items: &[T],
    print: impl Fn(usize, &T) -> String + Sync,
) -> std::io::Result<()> {
    let mut printed = Vec::with_capacity(PRINT_BATCH);
    for (b, batch) in items.chunks(PRINT_BATCH).enumerate() {
        batch
            .par_iter()
            .enumerate()
            .with_min_len(PRINT_BATCH / 4)
            .map(|(k, x)| print(b * PRINT_BATCH + k, x))
            .collect_into_vec(&mut printed);
        for (k, item) in printed.iter().enumerate() {
            w.write_all(if b == 0 && k == 0 { b"[" } else { b"," })?;
            w.write_all(ELEMENT_INDENT.as_bytes())?;
            w.write_all(item.as_bytes())?;
        }
    }
    w.write_all(if items.is_empty() { b"[]" } else { b"\n  ]" })
}

/// Write the export as pretty-printed JSON with a trailing newline to `w`.
///
/// Byte for byte what `serde_json::to_string_pretty(&Export::new(docs, alignment))` gives
/// (tested), but each document, link and group is printed on its own, in parallel, without
/// copying the texts first, and written as it is printed: neither the printed elements nor
/// the whole output (13 MB on ECB+) are ever held at once.
///
/// # Errors
/// Whatever writing to `w` returns.
pub fn write_json(
    w: &mut dyn Write,
    docs: &[Document],
    alignment: &Alignment,
) -> std::io::Result<()> {
    // The quotes layer first: what it builds on the way is freed before the printing.
    write_json_with(w, docs, alignment, crate::quotes::analyse(docs))
}

/// [`write_json`] with the quotes layer's results already made (by
/// [`super::align_with_quotes`], which lends it the alignment's tokens): the same output.
///
/// # Errors
/// Whatever writing to `w` returns.
pub fn write_json_with(
    w: &mut dyn Write,
    docs: &[Document],
    alignment: &Alignment,
    analysis: crate::quotes::Analysis,
) -> std::io::Result<()> {
    let quotes = quotes_of(docs, analysis.quotes);
    let attributions = attributions_of(analysis.attributions);
    write!(w, "{{\n  \"version\": {SCHEMA_VERSION}")?;
    w.write_all(b",\n  \"documents\": ")?;
    write_array(w, docs, |di, d| {
        element(&DocumentView::new(d, di, alignment))
    })?;
    w.write_all(b",\n  \"links\": ")?;
    write_array(w, &alignment.links, |_, l| element(l))?;
    w.write_all(b",\n  \"groups\": ")?;
    write_array(w, &export_groups(alignment), |_, g| element(g))?;
    w.write_all(b",\n  \"stories\": ")?;
    write_array(w, &alignment.stories, |_, s| element(s))?;
    w.write_all(b",\n  \"quotes\": ")?;
    write_array(w, &quotes, |_, q| element(q))?;
    w.write_all(b",\n  \"attributions\": ")?;
    write_array(w, &attributions, |_, a| element(a))?;
    w.write_all(b"\n}\n")
}

/// The export as pretty-printed JSON with a trailing newline (see [`write_json`]).
#[must_use]
pub fn to_json(docs: &[Document], alignment: &Alignment) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and everything written is UTF-8 text.
    let _ = write_json(&mut out, docs, alignment);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;

    fn reference(docs: &[Document], alignment: &Alignment) -> String {
        let mut s = serde_json::to_string_pretty(&Export::new(docs, alignment)).unwrap();
        s.push('\n');
        s
    }

    #[test]
    fn parallel_printing_equals_serde_json_of_the_whole_export() {
        let docs = seed_documents();
        let alignment = crate::align::align(&docs);
        assert!(!alignment.links.is_empty() && !alignment.groups.is_empty());
        assert_eq!(to_json(&docs, &alignment), reference(&docs, &alignment));
    }

    #[test]
    fn every_report_is_in_one_story_and_every_group_in_its_reports_story() {
        let docs = seed_documents();
        let alignment = crate::align::align(&docs);
        let export = Export::new(&docs, &alignment);
        assert_eq!(export.version, 2);
        // The five seeds report one event: one story.
        assert_eq!(export.stories.len(), 1);
        let mut seen: Vec<usize> = export
            .stories
            .iter()
            .flat_map(|s| s.reports.clone())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..docs.len()).collect::<Vec<_>>());
        for (i, s) in export.stories.iter().enumerate() {
            assert_eq!(s.id, i);
            assert!(!s.title.is_empty());
        }
        for g in &export.groups {
            let story = &export.stories[g.story.expect("a story")];
            assert!(g.members.iter().all(|m| story.reports.contains(&m.doc)));
        }
    }

    #[test]
    fn empty_arrays_print_as_serde_json_prints_them() {
        let docs = seed_documents();
        let none = crate::align::align(&[]);
        assert_eq!(to_json(&[], &none), reference(&[], &none));
        let alone = crate::align::align(&docs[..1]);
        assert_eq!(to_json(&docs[..1], &alone), reference(&docs[..1], &alone));
    }
}
