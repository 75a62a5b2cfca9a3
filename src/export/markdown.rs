//! The Markdown report: what all reports share, where they conflict, what each alone says.
//!
//! Written for a journalist to paste into a note: the reports listed with their share of
//! shared, divergent and unique statements; then the claims several reports make (most widely
//! reported first, quoted from the first report that makes them); then every conflicting
//! detail with both wordings; then, report by report, what only that report says.

use std::fmt::Write;

use crate::align::{Alignment, Relation, StatementRef, Status};
use crate::model::Document;

/// Longest statement quoted in full; longer ones are shortened with "…".
const MAX_QUOTE_CHARS: usize = 400;

fn one_line(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_QUOTE_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(MAX_QUOTE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
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
        // The best-connected member stands for the claim.
        let Some(&first) = g
            .members
            .iter()
            .max_by_key(|&&m| (alignment.links_of(m).count(), std::cmp::Reverse(m)))
        else {
            continue;
        };
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
            .map(|d| format!("{}: “{}” vs “{}”", d.kind.as_str(), d.a, d.b))
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
}
