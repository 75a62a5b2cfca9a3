//! The Markdown report: what all reports share, where they conflict, what each alone says.
//!
//! Written for a journalist to paste into a note: the reports listed with their share of
//! shared, divergent and unique statements; then the claims several reports make (most widely
//! reported first, quoted from the first report that makes them); then every conflicting
//! detail with both wordings; then, report by report, what only that report says.
//!
//! Report text is untrusted and a Markdown viewer renders what it is given, so every piece of
//! it is written through [`md_escape`]: raw HTML, links and images, emphasis and code marks are
//! escaped to show as the characters they are, and `javascript:`-style schemes are broken, so
//! the note never runs a script or links anywhere the user did not see.

use std::fmt::Write;

use crate::align::{Alignment, Relation, StatementRef, Status};
use crate::model::Document;

/// Longest statement quoted in full; longer ones are shortened with "…".
const MAX_QUOTE_CHARS: usize = 400;

/// One line of report text, shortened, escaped for Markdown.
fn one_line(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_QUOTE_CHARS {
        md_escape(&flat)
    } else {
        let cut: String = flat.chars().take(MAX_QUOTE_CHARS - 1).collect();
        format!("{}…", md_escape(cut.trim_end()))
    }
}

/// URL schemes that run code or smuggle content when a viewer makes them links.
const RISKY_SCHEMES: [&str; 4] = ["javascript:", "vbscript:", "data:", "file:"];

/// Escape `s` so a Markdown viewer shows it as written: a backslash before every character
/// that can start markup (HTML tags and entities, links, images, emphasis, code), and one
/// before the colon of a risky URL scheme so no autolink can form from it.
#[must_use]
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let lower = s.to_ascii_lowercase();
    for (i, c) in s.char_indices() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '~' | '|'
        ) {
            out.push('\\');
        }
        if c == ':'
            && RISKY_SCHEMES
                .iter()
                .any(|scheme| lower[..=i].ends_with(scheme))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn name(d: &Document) -> String {
    one_line(d.source.as_deref().unwrap_or(&d.id))
}

fn text(docs: &[Document], r: StatementRef) -> String {
    docs.get(r.doc)
        .filter(|d| r.statement < d.statements.len())
        .map(|d| one_line(d.statement_text(r.statement)))
        .unwrap_or_default()
}

/// Render the Markdown report of `docs` and their alignment.
#[must_use]
pub fn to_markdown(docs: &[Document], alignment: &Alignment) -> String {
    let mut out = String::from("# parallax report\n\n");
    let n = docs.len();
    let _ = writeln!(out, "{n} reports compared.\n");
    for (i, d) in docs.iter().enumerate() {
        let s = alignment.report_stats(i);
        let _ = writeln!(
            out,
            "{}. **{}** ({}): {} shared, {} divergent, {} unique",
            i + 1,
            one_line(&d.title),
            name(d),
            s.shared,
            s.divergent,
            s.unique
        );
    }

    out.push_str("\n## Claims several reports make\n\n");
    if alignment.groups.is_empty() {
        out.push_str("No claim is made by more than one report.\n");
    }
    for g in &alignment.groups {
        // The claim's most central member stands for it (as in the interface).
        let first = g.central;
        let mut sources: Vec<String> = g
            .members
            .iter()
            .map(|m| docs.get(m.doc).map(name).unwrap_or_default())
            .collect();
        sources.dedup();
        let all = if g.support == n { "all " } else { "" };
        let _ = writeln!(
            out,
            "- ({all}{}/{n} reports) {}  \n  _{}_",
            g.support,
            text(docs, first),
            sources.join(", ")
        );
    }

    out.push_str("\n## Conflicting details\n\n");
    let divergent: Vec<_> = alignment
        .links
        .iter()
        .filter(|l| l.relation == Relation::Divergent)
        .collect();
    if divergent.is_empty() {
        out.push_str("No conflicting detail found.\n");
    }
    for l in divergent {
        let what: Vec<String> = l
            .differences
            .iter()
            .map(|d| {
                format!(
                    "{}: “{}” vs “{}”",
                    d.kind.as_str(),
                    one_line(&d.a),
                    one_line(&d.b)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "- {}  \n  - **{}**: {}  \n  - **{}**: {}",
            what.join("; "),
            docs.get(l.a.doc).map(name).unwrap_or_default(),
            text(docs, l.a),
            docs.get(l.b.doc).map(name).unwrap_or_default(),
            text(docs, l.b),
        );
    }

    out.push_str("\n## What each report alone says\n");
    for (di, d) in docs.iter().enumerate() {
        let _ = writeln!(out, "\n### {} ({})\n", one_line(&d.title), name(d));
        let unique: Vec<String> = (0..d.statements.len())
            .map(|si| StatementRef {
                doc: di,
                statement: si,
            })
            .filter(|&r| alignment.status(r) == Status::Unique)
            .map(|r| format!("- {}", text(docs, r)))
            .collect();
        if unique.is_empty() {
            out.push_str("Nothing that no other report says.\n");
        } else {
            out.push_str(&unique.join("\n"));
            out.push('\n');
        }
    }
    super::quotes_md::push_sections(&mut out, docs);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::model::embedded::seed_documents;

    #[test]
    fn seed_report_has_every_section_and_a_conflict() {
        let docs = seed_documents();
        let md = to_markdown(&docs, &align(&docs));
        for h in [
            "# parallax report",
            "## Claims several reports make",
            "## Conflicting details",
            "## What each report alone says",
        ] {
            assert!(md.contains(h), "missing {h}");
        }
        assert!(md.contains("quote: “very good chance”"), "{md}");
        assert_eq!(md.matches("\n### ").count(), docs.len());
    }

    #[test]
    fn raw_html_links_and_scripts_from_report_text_are_escaped() {
        let dirty = "Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)>. \
            See [the statement](javascript:alert(3)) and ![x](https://evil.example/p.png), \
            <javascript:alert(4)>, **bold** and `code` &amp; &#106;avascript:alert(5) too.";
        let docs = vec![crate::model::load::document_from_text(
            "a<b>".into(),
            "a.txt".into(),
            dirty,
            crate::model::load::Format::Text,
        )];
        let md = to_markdown(&docs, &align(&docs));
        // Every markup character from the report is preceded by a backslash.
        for raw in ["<", ">", "[", "](", "`", "&", "javascript:"] {
            let unescaped = md
                .match_indices(raw)
                .filter(|&(i, _)| !md[..i].ends_with('\\'))
                .count();
            assert_eq!(unescaped, 0, "{raw} in {md}");
        }
        assert!(!md.contains("**bold**") && !md.contains("![x]"), "{md}");
        assert!(md.contains(r"\<script\>alert(1)\</script\>"), "{md}");
        assert!(md.contains(r"javascript\:alert(3)"), "{md}");
    }
}
