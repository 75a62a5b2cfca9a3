//! The Markdown report: what all reports share, where they conflict, what each alone says.

use crate::align::Alignment;
use crate::model::Document;

/// Render the Markdown report of `docs` and their alignment.
#[must_use]
pub fn to_markdown(docs: &[Document], alignment: &Alignment) -> String {
    let mut out = String::from("# parallax report\n\n");
    for (i, d) in docs.iter().enumerate() {
        let s = alignment.report_stats(i);
        out.push_str(&format!(
            "- **{}** ({}): {} shared, {} divergent, {} unique\n",
            d.title,
            d.source.as_deref().unwrap_or(&d.id),
            s.shared,
            s.divergent,
            s.unique
        ));
    }
    out
}
