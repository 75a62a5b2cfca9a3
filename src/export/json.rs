//! The JSON export, schema version 1:
//!
//! ```text
//! {"version":1,
//!  "documents":[{"id","path","title","source","text",
//!                "statements":[{"index","paragraph","start","end","text","kind"}]}],
//!  "links":[{"a":{"doc","statement"},"b":{"doc","statement"},"score","relation","differences"}],
//!  "groups":[{"members":[{"doc","statement"}],"support"}]}
//! ```
//!
//! `start`/`end` are byte offsets into `text`; `doc` indexes `documents`. The field order is
//! fixed by these structs so exports are stable enough to diff and golden-test.

use serde::{Deserialize, Serialize};

use crate::align::{Alignment, Group, Link};
use crate::model::{Document, StatementKind};

/// The schema version written in every export.
pub const SCHEMA_VERSION: u32 = 1;

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
    pub groups: Vec<Group>,
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
}

impl Export {
    /// Assemble the export of `docs` and their alignment.
    #[must_use]
    pub fn new(docs: &[Document], alignment: &Alignment) -> Self {
        Self {
            version: SCHEMA_VERSION,
            documents: docs
                .iter()
                .map(|d| ExportDocument {
                    id: d.id.clone(),
                    path: d.path.clone(),
                    title: d.title.clone(),
                    source: d.source.clone(),
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
                        })
                        .collect(),
                })
                .collect(),
            links: alignment.links.clone(),
            groups: alignment.groups.clone(),
        }
    }
}

/// The export as pretty-printed JSON with a trailing newline.
#[must_use]
pub fn to_json(docs: &[Document], alignment: &Alignment) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s = serde_json::to_string_pretty(&Export::new(docs, alignment)).unwrap_or_default();
    s.push('\n');
    s
}
