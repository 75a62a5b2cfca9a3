//! The aligned side-by-side rendering as plain text, for `parallax compare A B --plain`: no
//! escape codes, the same marks as on screen, and the typed differences listed underneath.

use std::fmt::Write;

use super::claims::{self, Opposite};
use super::rows::layout_aligned;
use crate::align::{Alignment, StatementRef};
use crate::model::clean::visible;
use crate::model::{Document, StatementKind};

/// Cut or pad `s` to exactly `w` columns.
fn fit(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push_str(&" ".repeat(w - used));
    out
}

fn mark(alignment: &Alignment, docs: &[Document], r: StatementRef, other: usize) -> char {
    match claims::opposite(alignment, r, other) {
        Opposite::NotClaim
            if docs[r.doc].statements[r.statement].kind == StatementKind::Heading =>
        {
            '#'
        }
        Opposite::NotClaim => '~',
        Opposite::Unique => '◆',
        Opposite::Absent => '○',
        Opposite::Divergent => '≠',
        Opposite::Shared => '=',
    }
}

/// Render reports `left` and `right` side by side in `width` columns (at least 20).
#[must_use]
pub fn compare(
    docs: &[Document],
    alignment: &Alignment,
    left: usize,
    right: usize,
    width: usize,
) -> String {
    let width = width.max(20);
    let col = (width - 3) / 2;
    let num_w = super::app::digits(alignment.groups.len());
    let gutter = num_w + 2;
    let text_w = col.saturating_sub(gutter).max(1);
    let ([l, r], _) = layout_aligned(alignment, docs, left, right, text_w);
    let mut out = String::new();
    let head = |d: usize| {
        let doc = &docs[d];
        visible(&format!("[{}] {} · {}", d + 1, doc.title, doc.label()))
    };
    let _ = writeln!(
        out,
        "{} │ {}",
        fit(&head(left), col),
        fit(&head(right), col).trim_end()
    );
    let _ = writeln!(out, "{}─┼─{}", "─".repeat(col), "─".repeat(col));
    for (a, b) in l.lines.iter().zip(&r.lines) {
        let cell = |line: &super::rows::Line, doc: usize, other: usize| -> String {
            let Some(s) = line.stmt else {
                return " ".repeat(col);
            };
            let text = visible(&docs[doc].text[line.start..line.end]).replace(['\t', '\n'], " ");
            let g = if line.first {
                let sr = StatementRef { doc, statement: s };
                let num =
                    claims::claim_of(alignment, sr).map_or(String::new(), |g| (g + 1).to_string());
                format!("{}{num:>num_w$} ", mark(alignment, docs, sr, other))
            } else {
                " ".repeat(gutter)
            };
            fit(&format!("{g}{text}"), col)
        };
        let line = format!("{} │ {}", cell(a, left, right), cell(b, right, left));
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let mut diffs = String::new();
    for link in &alignment.links {
        let (x, y) = (link.a, link.b);
        let pair = (x.doc == left && y.doc == right) || (x.doc == right && y.doc == left);
        if !pair || link.differences.is_empty() {
            continue;
        }
        let flip = x.doc != left;
        let claim = alignment.group_of(x).map_or(0, |g| g + 1);
        for d in &link.differences {
            let (ours, theirs) = if flip { (&d.b, &d.a) } else { (&d.a, &d.b) };
            let (ours, theirs) = super::diff::excerpt_pair(ours, theirs);
            let _ = writeln!(
                diffs,
                "  {claim:>num_w$}  {}: {} ↔ {}",
                d.kind.as_str(),
                visible(&ours),
                visible(&theirs)
            );
        }
    }
    if !diffs.is_empty() {
        let _ = write!(out, "\nDifferences (claim, left ↔ right):\n{diffs}");
    }
    let _ = writeln!(
        out,
        "\n= shared  ≠ divergent  ◆ unique  ○ its claim is not in the other report\n# heading  ~ boilerplate  (numbers: claims)"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn plain_output_has_both_reports_and_no_escape_codes() {
        let docs = seed_documents();
        let al = Alignment::new(&docs, vec![]);
        let s = compare(&docs, &al, 0, 1, 100);
        assert!(!s.contains('\u{1b}'));
        assert!(s.contains("[1]") && s.contains("[2]"));
        for line in s.lines().take_while(|l| !l.is_empty()) {
            assert!(line.width() <= 100, "{line}");
            assert!(line.contains('│') || line.contains('┼'), "{line}");
        }
    }
}
