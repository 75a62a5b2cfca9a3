//! The types every other layer reads: [`Document`], [`Paragraph`] and [`Statement`].

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What role a statement plays in its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// A sentence of the report's running text: the only kind that carries claims.
    Body,
    /// A section heading or a headline.
    Heading,
    /// Publishing chrome: "Also Read: …", "The post … appeared first on …", credit lines.
    Boilerplate,
}

impl StatementKind {
    /// The lowercase name used in exports and on screen.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Body => "body",
            Self::Heading => "heading",
            Self::Boilerplate => "boilerplate",
        }
    }
}

/// A paragraph: a block of text between line breaks, as a byte range into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// First byte of the paragraph.
    pub start: usize,
    /// One past the last byte (trailing whitespace excluded).
    pub end: usize,
}

/// One statement (a sentence, heading or boilerplate line) of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Position of the statement in its document, from 0.
    pub index: usize,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// First byte in [`Document::text`].
    pub start: usize,
    /// One past the last byte in [`Document::text`].
    pub end: usize,
    /// Its role.
    pub kind: StatementKind,
}

impl Statement {
    /// The byte range of the statement in its document's text.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One report: its cleaned text and its structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Short identifier: the file stem, made unique within a load.
    pub id: String,
    /// Where it came from, as the user named it (`-` for stdin), with control and invisible
    /// characters shown escaped (`model::clean::escape_name`).
    pub path: String,
    /// A title: the one the text states, its first heading, or its first sentence shortened.
    pub title: String,
    /// The outlet, where the report names it: the page's `og:site_name`, "appeared first on
    /// Invezz", a closing credit ("— Reuters"), a dateline's agency ("WASHINGTON (AP) —"), a
    /// web address on a line of its own.
    pub source: Option<String>,
    /// When it was first published, as the report states it (`article:published_time`,
    /// "Published: April 23, 2013 9:39 AM"); revision stamps ("Updated …") are not it.
    #[serde(default)]
    pub published: Option<String>,
    /// Who wrote it, as its byline or the page's author metadata gives it ("Jane Doe").
    #[serde(default)]
    pub author: Option<String>,
    /// What the loader must tell the user about this input besides loading it (a page nested
    /// too deeply, flattened); each becomes a warning naming the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The cleaned text: line ends are `\n`, control and bidi-override characters removed.
    pub text: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Statements in order; each is an exact slice of `text`.
    pub statements: Vec<Statement>,
}

impl Document {
    /// How the report is named on screen: its outlet when the text names one, else its file
    /// name made readable: a long hash after the name ("000_6e454b8b9b3284b6") is dropped, so
    /// the column shows "000" rather than a truncated hash.
    #[must_use]
    pub fn label(&self) -> &str {
        if let Some(s) = self.source.as_deref() {
            return s;
        }
        let id = self.id.as_str();
        if let Some((name, tail)) = id.rsplit_once(['_', '-']) {
            let hash = tail.len() >= 12 && tail.bytes().all(|b| b.is_ascii_hexdigit());
            if hash && !name.is_empty() {
                return name;
            }
        }
        id
    }

    /// The text of statement `index`.
    ///
    /// # Panics
    /// Panics if `index` is out of range: indices come from this document's own statements.
    #[must_use]
    pub fn statement_text(&self, index: usize) -> &str {
        let s = &self.statements[index];
        &self.text[s.start..s.end]
    }

    /// Number of words in the text (runs of alphanumeric characters).
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .count()
    }

    /// Number of body statements (the ones that carry claims).
    #[must_use]
    pub fn body_count(&self) -> usize {
        self.statements
            .iter()
            .filter(|s| s.kind == StatementKind::Body)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::load::{document_from_text, Format};

    #[test]
    fn a_report_without_an_outlet_is_labelled_by_its_readable_file_name() {
        let d = document_from_text(
            "000_6e454b8b9b3284b6".into(),
            "000_6e454b8b9b3284b6.txt".into(),
            "Officials met on Monday.",
            Format::Text,
        );
        assert_eq!(d.label(), "000");
        let d = document_from_text(
            "geneva-talks".into(),
            "geneva-talks.txt".into(),
            "Officials met on Monday.",
            Format::Text,
        );
        assert_eq!(d.label(), "geneva-talks");
        let d = document_from_text(
            "x".into(),
            "x.txt".into(),
            "Officials met on Monday.\n\nThe post Talks appeared first on Invezz.",
            Format::Text,
        );
        assert_eq!(d.label(), "Invezz");
    }
}
