//! Where the Quotes view's parts go and its quotes laid out in rows at a width: speaker
//! headings, each quote's heading, and every outlet's wording wrapped side by side (or one
//! under another when the columns would be too narrow). Done in `update`, once per width.

use std::ops::Range;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

use super::geometry::{Pane, WIDE};
use crate::quotes::rows::{QuoteRow, QuoteView};
use crate::quotes::QuoteKind;

/// Narrowest column that puts the outlets side by side.
const MIN_COLUMN: usize = 22;
/// Columns of the outlet label in the stacked layout ("\[3\] told  ").
pub const LABEL: usize = 14;
/// Columns before an outlet's wording: the quote's selection mark and indent.
pub const INDENT: usize = 4;

/// One row of the laid-out quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteLine {
    /// A speaker's heading, before their first quote: the quote and how many they have.
    Speaker {
        /// Index of the first quote.
        quote: usize,
        /// Quotes of this speaker.
        count: usize,
    },
    /// A quote's own heading (support, flags).
    Head(usize),
    /// Wording: one cell per column (one column when stacked).
    Words {
        /// Index of the quote.
        quote: usize,
        /// Each column's piece on this row.
        cells: Vec<Option<Cell>>,
        /// Width of each column when this quote's outlets are side by side.
        column: Option<usize>,
    },
}

/// One outlet's piece of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Index in the quote's rows.
    pub row: usize,
    /// Byte range of the row's text on this screen row (empty on a label-only row).
    pub range: Range<usize>,
    /// This row starts the outlet: draw its label.
    pub label: bool,
}

/// The quotes at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuotesLayout {
    /// Every row.
    pub lines: Vec<QuoteLine>,
    /// Index in `lines` of each quote's heading.
    pub starts: Vec<usize>,
}

impl QuotesLayout {
    /// The rows of quote `q`: from its heading to the next quote's heading or speaker.
    #[must_use]
    pub fn span(&self, q: usize) -> Range<usize> {
        let start = self.starts.get(q).copied().unwrap_or(0);
        let end =
            self.starts
                .get(q + 1)
                .map_or(self.lines.len(), |&s| match self.lines.get(s - 1) {
                    Some(QuoteLine::Speaker { .. }) => s - 1,
                    _ => s,
                });
        start..end.max(start)
    }

    /// The quote a row belongs to.
    #[must_use]
    pub fn quote_at(&self, line: usize) -> Option<usize> {
        match self.lines.get(line)? {
            QuoteLine::Speaker { quote, .. } | QuoteLine::Words { quote, .. } => Some(*quote),
            QuoteLine::Head(q) => Some(*q),
        }
    }
}

/// The Quotes view's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuotesState {
    /// Selected quote.
    pub sel: usize,
    /// Selected outlet of that quote (index in its rows): Enter reads it.
    pub row: usize,
    /// First quote row shown.
    pub scroll: usize,
    /// The Sources pane has the keys (Tab).
    pub sources_focus: bool,
    /// First Sources row shown.
    pub sources_scroll: usize,
    /// The quotes laid out.
    pub layout: QuotesLayout,
    /// The width the layout was made for.
    pub(crate) key: Option<usize>,
}

/// The two panes of the Quotes view: quotes, then sources (beside them when wide, under them
/// when narrow).
#[must_use]
pub fn panes(body: Rect) -> [Pane; 2] {
    if body.width >= WIDE {
        let side = (body.width / 3).clamp(30, 50);
        let left = Rect {
            width: body.width - side - 1,
            ..body
        };
        let right = Rect {
            x: body.x + left.width + 1,
            width: side,
            ..body
        };
        [pane(left), pane(right)]
    } else {
        let low = (body.height / 3).max(u16::from(body.height >= 4) * 2);
        let top = Rect {
            height: body.height - low,
            ..body
        };
        let bottom = Rect {
            y: body.y + top.height,
            height: low,
            ..body
        };
        [pane(top), pane(bottom)]
    }
}

fn pane(area: Rect) -> Pane {
    let title = Rect {
        height: area.height.min(1),
        ..area
    };
    let content = Rect {
        y: area.y + title.height,
        height: area.height - title.height,
        ..area
    };
    Pane { title, content }
}

/// An outlet's label: report number and verb. (Direct words are drawn inside “ ”, reported
/// speech without them.)
#[must_use]
pub fn label(r: &QuoteRow) -> String {
    format!("[{}] {}", r.doc + 1, r.verb.as_deref().unwrap_or(""))
}

/// Whether the words are drawn inside quotation marks.
#[must_use]
pub fn direct(r: &QuoteRow) -> bool {
    r.kind == QuoteKind::Direct
}

/// Lay out `quotes` at `width` columns.
#[must_use]
pub fn layout(quotes: &[QuoteView], width: usize) -> QuotesLayout {
    let inner = width.saturating_sub(INDENT).max(1);
    let mut out = QuotesLayout::default();
    for (q, quote) in quotes.iter().enumerate() {
        // Side by side when every outlet gets a column wide enough to read.
        let n = quote.rows.len().max(1);
        let column = (n > 1 && inner / n > MIN_COLUMN).then(|| inner / n - 1);
        if q == 0 || quotes[q - 1].speaker != quote.speaker {
            let count = quotes[q..]
                .iter()
                .take_while(|o| o.speaker == quote.speaker)
                .count();
            out.lines.push(QuoteLine::Speaker { quote: q, count });
        }
        out.starts.push(out.lines.len());
        out.lines.push(QuoteLine::Head(q));
        match column {
            Some(w) => {
                let wrapped: Vec<Vec<Range<usize>>> = quote
                    .rows
                    .iter()
                    .map(|r| wrap(&r.text, w.saturating_sub(2)))
                    .collect();
                let height = 1 + wrapped.iter().map(Vec::len).max().unwrap_or(0);
                for line in 0..height {
                    let cells = wrapped
                        .iter()
                        .enumerate()
                        .map(|(row, pieces)| match line {
                            0 => Some(Cell {
                                row,
                                range: 0..0,
                                label: true,
                            }),
                            l => pieces.get(l - 1).map(|range| Cell {
                                row,
                                range: range.clone(),
                                label: false,
                            }),
                        })
                        .collect();
                    out.lines.push(QuoteLine::Words {
                        quote: q,
                        cells,
                        column,
                    });
                }
            }
            None => {
                let w = inner.saturating_sub(LABEL + 2).max(1);
                for (row, r) in quote.rows.iter().enumerate() {
                    for (k, range) in wrap(&r.text, w).into_iter().enumerate() {
                        out.lines.push(QuoteLine::Words {
                            quote: q,
                            cells: vec![Some(Cell {
                                row,
                                range,
                                label: k == 0,
                            })],
                            column: None,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Byte ranges of `text` wrapped at `width` columns: at spaces, and inside a word only when
/// it is wider than a whole row. Never empty (an empty text is one empty row).
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let (mut start, mut cols) = (0usize, 0usize);
    // The last space seen on the current row, and the columns before it.
    let mut space: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if c == ' ' {
            space = Some((i, cols));
        }
        if cols + w > width && c != ' ' {
            match space {
                Some((at, before)) if at > start => {
                    out.push(start..start + text[start..at].trim_end().len());
                    start = at + 1;
                    cols -= before + 1;
                }
                _ => {
                    out.push(start..i);
                    start = i;
                    cols = 0;
                }
            }
            space = None;
        }
        cols += w;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..start + text[start..].trim_end().len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_wrap_at_spaces_and_long_words_are_cut() {
        let t = "a very good chance";
        let parts: Vec<&str> = wrap(t, 7).into_iter().map(|r| &t[r]).collect();
        assert_eq!(parts, ["a very", "good", "chance"]);
        let t = "constructive";
        let parts: Vec<&str> = wrap(t, 5).into_iter().map(|r| &t[r]).collect();
        assert_eq!(parts, ["const", "ructi", "ve"]);
    }

    proptest! {
        #[test]
        fn wrapped_rows_fit_and_keep_every_word(t in "[a-zé ]{0,60}", w in 1usize..20) {
            let rows = wrap(&t, w);
            let mut kept = String::new();
            for r in &rows {
                let s = &t[r.clone()];
                prop_assert!(unicode_width::UnicodeWidthStr::width(s) <= w, "{s:?}");
                kept.push_str(s);
            }
            let strip = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
            prop_assert_eq!(strip(&kept), strip(&t));
        }
    }
}
