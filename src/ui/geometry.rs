//! Where each part of each view goes for a given terminal size.
//!
//! Both drawing and `update` (scroll clamping, wrap width, mouse hit-testing) ask this module,
//! so they always agree on sizes. Narrow terminals stack panes vertically.

use ratatui::layout::Rect;

/// Columns from which panes go side by side instead of stacked.
pub const WIDE: u16 = 100;
/// Columns from which the compare view puts its two reports side by side.
pub const COMPARE_WIDE: u16 = 80;

/// The three bands of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The top bar with the view tabs.
    pub header: Rect,
    /// The view itself.
    pub body: Rect,
    /// The status line.
    pub status: Rect,
}

/// A pane: a one-row title above its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pane {
    /// The title row.
    pub title: Rect,
    /// Everything below it.
    pub content: Rect,
}

impl Pane {
    fn new(area: Rect) -> Self {
        let title = Rect {
            height: area.height.min(1),
            ..area
        };
        let content = Rect {
            y: area.y + title.height,
            height: area.height - title.height,
            ..area
        };
        Self { title, content }
    }

    /// Whether the pane contains a screen cell.
    #[must_use]
    pub fn contains(&self, x: u16, y: u16) -> bool {
        let r = self.title.union(self.content);
        x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
    }
}

/// Split the screen into header, body and status line.
#[must_use]
pub fn screen(area: Rect) -> Screen {
    let header_h = u16::from(area.height >= 3);
    let status_h = u16::from(area.height >= 2);
    let header = Rect {
        height: header_h,
        ..area
    };
    let status = Rect {
        y: area.bottom().saturating_sub(status_h),
        height: status_h,
        ..area
    };
    let body = Rect {
        y: area.y + header_h,
        height: area.height.saturating_sub(header_h + status_h),
        ..area
    };
    Screen {
        header,
        body,
        status,
    }
}

/// Split `area` in two along its width (`side`) or height, giving `first` of every 100 cells
/// to the first part; a one-cell separator is left between them when side by side.
fn split(area: Rect, side: bool, first: u16) -> (Rect, Rect) {
    if side {
        let a = (u32::from(area.width.saturating_sub(1)) * u32::from(first) / 100) as u16;
        let b = area.width.saturating_sub(a + 1);
        (
            Rect { width: a, ..area },
            Rect {
                x: area.x + a + 1,
                width: b,
                ..area
            },
        )
    } else {
        let a = (u32::from(area.height) * u32::from(first) / 100) as u16;
        (
            Rect { height: a, ..area },
            Rect {
                y: area.y + a,
                height: area.height - a,
                ..area
            },
        )
    }
}

/// The overview's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overview {
    /// The table of reports.
    pub reports: Pane,
    /// The overlap matrix (dropped when there is no room).
    pub matrix: Option<Pane>,
    /// The claims ranked by support.
    pub claims: Pane,
}

/// Columns the wide reports table needs besides its titles: number, source, figures.
pub const TABLE_FIXED: u16 = 45;

/// Lay out the overview for `n` reports whose longest title is `title_cols` wide: the top
/// part takes what the reports need, up to about 45% of the height.
#[must_use]
pub fn overview(body: Rect, n: usize, title_cols: usize) -> Overview {
    let cap = u32::from(body.height) * if body.height >= 20 { 45 } else { 40 } / 100;
    // Title, column heads, one row per report (the matrix's heat scale is in its title).
    let want = u32::try_from(n)
        .unwrap_or(u32::MAX)
        .saturating_add(2)
        .max(4);
    let top_h = want.min(cap) as u16;
    let (reports, matrix, rest) = if body.width >= WIDE {
        let top = Rect {
            height: top_h,
            ..body
        };
        // The matrix takes what its columns need (4 per report), from 30 columns to 38%.
        let digits = n.max(1).ilog10() as u16 + 1;
        let need = u16::try_from(n)
            .unwrap_or(u16::MAX)
            .saturating_mul(4)
            .saturating_add(digits + 3);
        // It may take more than 38% when the titles leave room, so it shows every column.
        let table = u16::try_from(title_cols)
            .unwrap_or(u16::MAX)
            .saturating_add(TABLE_FIXED);
        let room = (body.width * 38 / 100).max(body.width.saturating_sub(table + 1));
        let m_w = need.min(room).max(30).min(body.width.saturating_sub(40));
        let r_w = body.width - m_w - 1;
        let matrix = Rect {
            x: top.x + r_w + 1,
            width: m_w,
            ..top
        };
        (Rect { width: r_w, ..top }, Some(matrix), top_h)
    } else {
        // Narrow: the matrix goes under the table when the claims keep at least 6 rows.
        let reports = Rect {
            height: top_h.min(want as u16),
            ..body
        };
        let m_h = (want as u16).min(12);
        let fits = body.height >= reports.height + m_h + 6;
        let matrix = fits.then(|| Rect {
            y: body.y + reports.height,
            height: m_h,
            ..body
        });
        (
            reports,
            matrix,
            reports.height + matrix.map_or(0, |m| m.height),
        )
    };
    let claims = Rect {
        y: body.y + rest,
        height: body.height - rest,
        ..body
    };
    Overview {
        reports: Pane::new(reports),
        matrix: matrix.map(Pane::new),
        claims: Pane::new(claims),
    }
}

/// The reader's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    /// The report's text.
    pub text: Pane,
    /// How the other reports state the selected statement.
    pub panel: Pane,
    /// Whether the panel sits beside the text (else below).
    pub beside: bool,
}

/// Lay out the reader.
#[must_use]
pub fn reader(body: Rect) -> Reader {
    let beside = body.width >= WIDE;
    let (text, panel) = split(body, beside, if beside { 60 } else { 58 });
    Reader {
        text: Pane::new(text),
        panel: Pane::new(panel),
        beside,
    }
}

/// The compare view's two panes, left (or top) then right (or bottom).
#[must_use]
pub fn compare(body: Rect) -> [Pane; 2] {
    let panes = Rect {
        height: body.height - compare_detail(body).height,
        ..body
    };
    let (a, b) = split(panes, body.width >= COMPARE_WIDE, 50);
    [Pane::new(a), Pane::new(b)]
}

/// The compare view's detail row under the panes: what the selected pair shares or how it
/// differs. Empty when the terminal is too short to spare it.
#[must_use]
pub fn compare_detail(body: Rect) -> Rect {
    let h = u16::from(body.height >= 8);
    Rect {
        y: body.bottom() - h,
        height: h,
        ..body
    }
}

/// Whether the compare view puts its panes side by side.
#[must_use]
pub fn compare_side_by_side(body: Rect) -> bool {
    body.width >= COMPARE_WIDE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_never_overlap_and_stay_inside_at_any_size() {
        for w in [1u16, 2, 10, 40, 79, 80, 99, 100, 160, 300] {
            for h in [1u16, 2, 3, 5, 12, 24, 45, 100] {
                let area = Rect::new(0, 0, w, h);
                let s = screen(area);
                let mut rects = vec![s.header, s.status];
                let o = overview(s.body, 5, 80);
                rects.extend([
                    o.reports.title,
                    o.reports.content,
                    o.claims.title,
                    o.claims.content,
                ]);
                rects.extend(o.matrix.iter().flat_map(|m| [m.title, m.content]));
                for r in &rects {
                    assert!(area.union(*r) == area || r.area() == 0, "{w}x{h} {r:?}");
                }
                for (i, a) in rects.iter().enumerate() {
                    for b in &rects[i + 1..] {
                        assert!(a.intersection(*b).area() == 0, "{w}x{h} {a:?} {b:?}");
                    }
                }
                let r = reader(s.body);
                assert_eq!(r.text.content.intersection(r.panel.content).area(), 0);
                let [l, rt] = compare(s.body);
                assert_eq!(l.content.intersection(rt.content).area(), 0);
            }
        }
    }

    #[test]
    fn narrow_compare_stacks() {
        assert!(!compare_side_by_side(Rect::new(0, 0, 40, 10)));
        let [a, b] = compare(Rect::new(0, 0, 40, 10));
        // Nine rows for the panes (the last one is the detail row): 4 on top, 5 below.
        assert_eq!((a.title.y, b.title.y), (0, 4));
        assert_eq!(compare_detail(Rect::new(0, 0, 40, 10)).y, 9);
    }
}
