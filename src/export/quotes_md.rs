//! The "Quotes" and "Sources" sections of the Markdown report: each quote with every
//! outlet's words and the flags on it, then each report's cited sources with counts.

use std::fmt::Write;

use crate::model::Document;

use super::quotes_json::{export_attributions, export_quotes};

/// Text from a report, on one line, escaped for Markdown as the rest of the report is.
fn clean(s: &str) -> String {
    super::markdown::md_escape(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn outlet(docs: &[Document], i: usize) -> String {
    docs.get(i)
        .map(|d| clean(d.source.as_deref().unwrap_or(&d.id)))
        .unwrap_or_default()
}

/// Append the "Quotes" and "Sources" sections for `docs` to `out`.
pub fn push_sections(out: &mut String, docs: &[Document]) {
    out.push_str("\n## Quotes\n\n");
    let quotes = export_quotes(docs);
    if quotes.is_empty() {
        out.push_str("No quotation in any report.\n");
    }
    for q in &quotes {
        let mut flags = Vec::new();
        if q.drift {
            flags.push("wording drifts");
        }
        if q.misattributed {
            flags.push("given to different speakers");
        }
        if q.paraphrase {
            flags.push("paraphrase inside quote marks");
        }
        let mut reports: Vec<usize> = q.instances.iter().map(|i| i.doc).collect();
        reports.dedup();
        let _ = writeln!(
            out,
            "- **{}** ({}/{} reports){}",
            clean(q.speaker.as_deref().unwrap_or("unknown speaker")),
            reports.len(),
            docs.len(),
            if flags.is_empty() {
                String::new()
            } else {
                format!(": {}", flags.join(", "))
            }
        );
        for i in &q.instances {
            let kind = match i.kind {
                crate::quotes::QuoteKind::Direct => format!("“{}”", clean(&i.text)),
                crate::quotes::QuoteKind::Indirect => format!("(reported) {}", clean(&i.text)),
            };
            let _ = writeln!(
                out,
                "  - {}: {} _{}_",
                outlet(docs, i.doc),
                kind,
                clean(i.verb.as_deref().unwrap_or("")),
            );
        }
    }
    out.push_str("\n## Sources\n\n");
    let sources = export_attributions(docs);
    if sources.is_empty() {
        out.push_str("No report cites a source.\n");
    }
    for (d, _) in docs.iter().enumerate() {
        let mut cited: Vec<(String, usize)> = sources
            .iter()
            .map(|s| {
                (
                    clean(&s.source),
                    s.instances.iter().filter(|c| c.doc == d).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        if cited.is_empty() {
            continue;
        }
        cited.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let list: Vec<String> = cited.iter().map(|(s, n)| format!("{s} ({n})")).collect();
        let _ = writeln!(out, "- {}: {}", outlet(docs, d), list.join(", "));
    }
}
