//! Laying statements out in rows: wrapping at a width with byte offsets kept, and pairing two
//! reports so counterparts share rows. Pure: no terminal types, so it is easy to test.
//!
//! Every laid-out line is a byte range of its document's text, so highlights computed on the
//! text (differing words, search matches) map straight onto screen cells.

use std::ops::Range;

use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;

pub use super::pairing::{pair_rows, RowPair};
use crate::align::Alignment;
use crate::model::Document;

/// One screen row of a laid-out report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The statement the row belongs to (`None` for blank and padding rows).
    pub stmt: Option<usize>,
    /// First byte of the row's text in the document.
    pub start: usize,
    /// One past the last byte (equal to `start` for padding).
    pub end: usize,
    /// Whether this is the statement's first row (where the gutter shows its marks).
    pub first: bool,
}

impl Line {
    const BLANK: Line = Line {
        stmt: None,
        start: 0,
        end: 0,
        first: false,
    };
}

/// A report laid out at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLayout {
    /// The rows, top to bottom.
    pub lines: Vec<Line>,
    /// For each statement, the index of its first row.
    pub first_line: Vec<usize>,
    /// For each statement, one past its last row (padding included).
    pub end_line: Vec<usize>,
}

impl DocLayout {
    fn with_statements(n: usize) -> Self {
        Self {
            lines: Vec::new(),
            first_line: vec![0; n],
            end_line: vec![0; n],
        }
    }

    fn push_statement(&mut self, doc: &Document, stmt: usize, width: usize) {
        self.first_line[stmt] = self.lines.len();
        let s = &doc.statements[stmt];
        for (i, r) in wrap(&doc.text[s.range()], width).into_iter().enumerate() {
            self.lines.push(Line {
                stmt: Some(stmt),
                start: s.start + r.start,
                end: s.start + r.end,
                first: i == 0,
            });
        }
        self.end_line[stmt] = self.lines.len();
    }

    /// The statement shown on row `row`, looking through blank rows to none.
    #[must_use]
    pub fn statement_at(&self, row: usize) -> Option<usize> {
        self.lines.get(row).and_then(|l| l.stmt)
    }
}

/// Wrap `text` at `width` columns; returns the byte range of each row, without the spaces
/// at the break. Words wider than a row are broken; a line break in the text starts a new
/// row. Always at least one row.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for part in text.split('\n') {
        wrap_line(part, at, width, &mut out);
        at += part.len() + 1;
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// Wrap one line without breaks, pushing its rows offset by `base`.
fn wrap_line(text: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    let origin = text.as_ptr() as usize;
    let words: Vec<_> = WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .collect();
    let words = break_words(words, width);
    #[allow(clippy::cast_precision_loss)]
    let lines = wrap_first_fit(&words, &[width as f64]);
    out.extend(lines.iter().filter_map(|line| {
        let (first, last) = (line.first()?, line.last()?);
        // Words are slices of `text`, so their addresses give their offsets.
        let start = first.word.as_ptr() as usize - origin;
        let end = last.word.as_ptr() as usize - origin + last.word.len();
        (end > start).then_some(base + start..base + end)
    }));
}

/// A report in reading order: each statement from a new row, a blank row between paragraphs.
#[must_use]
pub fn layout_doc(doc: &Document, width: usize) -> DocLayout {
    let mut l = DocLayout::with_statements(doc.statements.len());
    let mut para = None;
    for (i, s) in doc.statements.iter().enumerate() {
        if para.is_some_and(|p| p != s.paragraph) {
            l.lines.push(Line::BLANK);
        }
        para = Some(s.paragraph);
        l.push_statement(doc, i, width);
    }
    l
}

/// Two reports laid out side by side at one width: counterparts start on the same row and
/// each pair is padded to equal height, so both layouts have the same number of rows.
/// Also returns the anchors (see [`pair_rows`]).
#[must_use]
pub fn layout_aligned(
    alignment: &Alignment,
    docs: &[Document],
    left: usize,
    right: usize,
    width: usize,
) -> ([DocLayout; 2], Vec<(usize, usize)>) {
    let mut out = [
        DocLayout::with_statements(docs[left].statements.len()),
        DocLayout::with_statements(docs[right].statements.len()),
    ];
    let (rows, anchors) = pair_rows(alignment, docs, left, right);
    for (l, r) in rows {
        if let Some(l) = l {
            out[0].push_statement(&docs[left], l, width);
        }
        if let Some(r) = r {
            out[1].push_statement(&docs[right], r, width);
        }
        let height = out[0].lines.len().max(out[1].lines.len());
        for (lay, stmt) in out.iter_mut().zip([l, r]) {
            // Padding rows belong to the statement above, so selecting it lights the block.
            let at = lay.lines.last().map_or(0, |x| x.end);
            let pad = match stmt {
                Some(_) => Line {
                    stmt,
                    start: at,
                    end: at,
                    first: false,
                },
                None => Line::BLANK,
            };
            lay.lines.resize(height, pad);
            if let Some(s) = stmt {
                lay.end_line[s] = height;
            }
        }
    }
    (out, anchors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;
    use proptest::prelude::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wrapping_keeps_offsets_and_width() {
        let text = "Putin and Trump are likely to meet next week in Alaska.";
        let rows = wrap(text, 12);
        assert!(rows.len() > 3);
        for r in &rows {
            assert!(text[r.clone()].width() <= 12, "{:?}", &text[r.clone()]);
        }
        let joined: Vec<&str> = rows.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn wide_characters_wrap_by_columns() {
        let text = "東京で会談が行われる予定です。😀😀 emoji";
        for r in wrap(text, 7) {
            assert!(text[r.clone()].width() <= 7);
        }
    }

    use crate::ui::fixtures::link;

    /// The `k`-th body statement of seed `doc` (the engine links only body statements).
    fn body(docs: &[Document], doc: usize, k: usize) -> usize {
        let d = &docs[doc];
        (0..d.statements.len())
            .filter(|&i| d.statements[i].kind == crate::model::StatementKind::Body)
            .nth(k)
            .unwrap()
    }

    #[test]
    fn aligned_layout_pads_both_sides_to_equal_height_with_counterparts_on_one_row() {
        let docs = seed_documents();
        let (l0, l3, l4) = (body(&docs, 0, 0), body(&docs, 0, 3), body(&docs, 0, 4));
        let (r1, r2, r5) = (body(&docs, 1, 1), body(&docs, 1, 2), body(&docs, 1, 5));
        let al = Alignment::new(
            &docs,
            vec![
                link((0, l0), (1, r2)),
                link((0, l3), (1, r5)),
                link((0, l4), (1, r1)),
            ],
        );
        let ([l, r], anchors) = layout_aligned(&al, &docs, 0, 1, 30);
        assert_eq!(l.lines.len(), r.lines.len());
        assert_eq!(anchors, vec![(l0, r2), (l3, r5)]);
        assert_eq!(l.first_line[l0], r.first_line[r2]);
        assert_eq!(l.first_line[l3], r.first_line[r5]);
        // The crossing link cannot share a row with both of the others: it gets rows apart.
        assert_ne!(l.first_line[l4], r.first_line[r1]);
        // Unmatched statements have rows of their own: nothing stands beside them.
        for (x, y) in l.lines.iter().zip(&r.lines) {
            if let (Some(a), Some(b)) = (x.stmt, y.stmt) {
                assert!(anchors.contains(&(a, b)), "{a} beside {b}");
            }
        }
    }

    proptest! {
        #[test]
        fn wrapped_rows_are_slices_within_width(text in "[a-z 東😀]{0,80}", width in 1usize..30) {
            let rows = wrap(&text, width);
            let mut last = 0;
            for r in rows {
                prop_assert!(r.start >= last && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(text[r.clone()].width() <= width.max(2));
                last = r.end;
            }
        }
    }
}
