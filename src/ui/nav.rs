//! Moving through statements in the reader (and the helpers the compare view shares), keeping
//! the selection on screen, paging through tall statements, filtering and searching.

use super::action::Action;
use super::app::App;
use super::geometry;
use super::rows::DocLayout;
use crate::align::{StatementRef, Status};

/// The next (or previous) index in `0..n` after `from` that satisfies `pred`.
pub(crate) fn step(
    n: usize,
    from: usize,
    forward: bool,
    pred: impl Fn(usize) -> bool,
) -> Option<usize> {
    if forward {
        (from.saturating_add(1)..n).find(|&i| pred(i))
    } else {
        (0..from.min(n)).rev().find(|&i| pred(i))
    }
}

/// What the status line says when a jump finds nothing left in its direction.
pub(crate) fn nothing_left(a: Action) -> Option<&'static str> {
    Some(match a {
        Action::NextDivergent => "no divergent statement below",
        Action::PrevDivergent => "no divergent statement above",
        Action::NextUnique => "no unique statement below",
        Action::PrevUnique => "no unique statement above",
        Action::NextLinked => "no linked statement below",
        Action::PrevLinked => "no linked statement above",
        _ => return None,
    })
}

/// Keep rows `first..end` visible in a window of `height` rows starting at `scroll`.
pub(crate) fn reveal(
    scroll: usize,
    first: usize,
    end: usize,
    height: usize,
    total: usize,
) -> usize {
    let mut s = scroll;
    if end.saturating_sub(first) > height {
        // Taller than the window: any position inside it is fine (paging reads through it);
        // from outside, show its top.
        if s < first || s + height > end {
            s = first;
        }
    } else {
        // Keep a few rows of context around the statement when there is room (a scroll-off,
        // as in less and vim), so a jump never lands on the window's edge.
        let m = (height / 5).min(4).min((height - (end - first)) / 2);
        if end + m > s + height {
            s = end + m - height;
        }
        if first < s + m {
            s = first.saturating_sub(m);
        }
    }
    s.min(total.saturating_sub(height))
}

/// A page move inside a statement taller than the window: the new scroll, or `None` when the
/// move should go to another statement instead.
pub(crate) fn page_within(
    scroll: usize,
    first: usize,
    end: usize,
    height: usize,
    forward: bool,
) -> Option<usize> {
    if end.saturating_sub(first) <= height {
        return None;
    }
    if forward && end > scroll + height {
        Some((scroll + height).min(end - height))
    } else if !forward && first < scroll {
        Some(scroll.saturating_sub(height).max(first))
    } else {
        None
    }
}

/// Where a page move lands: the first statement (passing `pred`) whose first row is at least
/// a page away, or the last one that passes.
fn page_target(
    lay: &DocLayout,
    sel: usize,
    page: usize,
    forward: bool,
    pred: impl Fn(usize) -> bool,
) -> Option<usize> {
    let n = lay.first_line.len();
    let here = *lay.first_line.get(sel)?;
    if forward {
        let target = here + page;
        (sel + 1..n)
            .find(|&i| lay.first_line[i] >= target && pred(i))
            .or_else(|| (sel + 1..n).rev().find(|&i| pred(i)))
    } else {
        let target = here.saturating_sub(page);
        (0..sel)
            .rev()
            .find(|&i| lay.first_line[i] <= target && pred(i))
            .or_else(|| (0..sel).find(|&i| pred(i)))
    }
}

impl App {
    pub(crate) fn stmt_count(&self, doc: usize) -> usize {
        self.docs.get(doc).map_or(0, |d| d.statements.len())
    }

    /// A statement-moving action as a new selection, given the layout, the filter predicate
    /// and the predicates for linked, divergent and unique statements.
    pub(crate) fn moved(
        &self,
        a: Action,
        lay: &DocLayout,
        sel: usize,
        n: usize,
        kind: &dyn Fn(usize) -> Option<Status>,
        pass: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let is =
            |want: &'static [Status]| move |i: usize| kind(i).is_some_and(|s| want.contains(&s));
        match a {
            Action::NextStatement => step(n, sel, true, pass),
            Action::PrevStatement => step(n, sel, false, pass),
            Action::First => (0..n).find(|&i| pass(i)),
            Action::Last => (0..n).rev().find(|&i| pass(i)),
            Action::PageDown => page_target(lay, sel, self.page(), true, pass),
            Action::PageUp => page_target(lay, sel, self.page(), false, pass),
            Action::HalfPageDown => page_target(lay, sel, (self.page() / 2).max(1), true, pass),
            Action::HalfPageUp => page_target(lay, sel, (self.page() / 2).max(1), false, pass),
            Action::NextLinked => step(n, sel, true, is(&[Status::Shared, Status::Divergent])),
            Action::PrevLinked => step(n, sel, false, is(&[Status::Shared, Status::Divergent])),
            Action::NextDivergent => step(n, sel, true, is(&[Status::Divergent])),
            Action::PrevDivergent => step(n, sel, false, is(&[Status::Divergent])),
            Action::NextUnique => step(n, sel, true, is(&[Status::Unique])),
            Action::PrevUnique => step(n, sel, false, is(&[Status::Unique])),
            _ => None,
        }
    }

    pub(crate) fn reader_action(&mut self, a: Action) {
        let scrolls = matches!(
            a,
            Action::NextStatement
                | Action::PrevStatement
                | Action::PageDown
                | Action::PageUp
                | Action::First
                | Action::Last
        );
        if a == Action::SwitchPane {
            self.reader.panel_focus = !self.reader.panel_focus;
            return;
        }
        if self.reader.panel_focus && scrolls {
            self.scroll_panel(a);
            return;
        }
        let before = (self.reader.doc, self.reader.sel);
        self.reader_move(a);
        if (self.reader.doc, self.reader.sel) != before {
            self.reader.panel_scroll = 0;
        }
    }

    /// Scroll the reader's panel of other reports.
    pub(crate) fn scroll_panel(&mut self, a: Action) {
        let h = usize::from(geometry::reader(self.screen().body).panel.content.height).max(1);
        let max = super::view::reader::panel_row_count(self).saturating_sub(h);
        let s = self.reader.panel_scroll.min(max);
        self.reader.panel_scroll = match a {
            Action::NextStatement => s + 1,
            Action::PrevStatement => s.saturating_sub(1),
            Action::PageDown => s + h,
            Action::PageUp => s.saturating_sub(h),
            Action::First => 0,
            _ => max,
        }
        .min(max);
    }

    fn reader_move(&mut self, a: Action) {
        let n_docs = self.n_docs();
        let doc = self.reader.doc;
        let n = self.stmt_count(doc);
        match a {
            Action::NextLeft | Action::NextRight | Action::PrevLeft | Action::PrevRight => {
                if n_docs > 0 {
                    let fwd = matches!(a, Action::NextLeft | Action::NextRight);
                    // Within the report's story: the next report of another event is not "next".
                    self.reader.doc = self.story_neighbour(doc, fwd);
                    self.reader.sel = 0;
                    self.reader.scroll = 0;
                    self.relayout();
                }
            }
            Action::PageDown | Action::PageUp if self.page_reader_within(a == Action::PageDown) => {
            }
            Action::Open if n > 0 => self.compare_at(StatementRef {
                doc,
                statement: self.reader.sel,
            }),
            _ => {
                let kind = |i| Some(self.status(StatementRef { doc, statement: i }));
                let pass = |i| self.passes_reader(StatementRef { doc, statement: i });
                match self.moved(a, &self.reader.layout, self.reader.sel, n, &kind, &pass) {
                    Some(s) => self.reader.sel = s,
                    None => self.message = nothing_left(a).map(str::to_owned),
                }
                if a == Action::PageDown || a == Action::PageUp {
                    self.reveal_reader();
                }
            }
        }
        self.reveal_reader();
    }

    /// Page through a tall selected statement; false when the page should move on.
    fn page_reader_within(&mut self, forward: bool) -> bool {
        let lay = &self.reader.layout;
        let s = self.reader.sel;
        let (Some(&first), Some(&end)) = (lay.first_line.get(s), lay.end_line.get(s)) else {
            return false;
        };
        let h = usize::from(geometry::reader(self.screen().body).text.content.height);
        match page_within(self.reader.scroll, first, end, h, forward) {
            Some(to) => {
                self.reader.scroll = to;
                true
            }
            None => false,
        }
    }

    pub(crate) fn reveal_reader(&mut self) {
        let n = self.stmt_count(self.reader.doc);
        self.reader.sel = self.reader.sel.min(n.saturating_sub(1));
        let h = usize::from(geometry::reader(self.screen().body).text.content.height);
        let lay = &self.reader.layout;
        let (first, end) = (
            lay.first_line.get(self.reader.sel).copied().unwrap_or(0),
            lay.end_line.get(self.reader.sel).copied().unwrap_or(0),
        );
        self.reader.scroll = reveal(self.reader.scroll, first, end, h, lay.lines.len());
    }

    /// After the filter changed, move each selection to the nearest statement that passes.
    pub(crate) fn settle_on_filter(&mut self) {
        let doc = self.reader.doc;
        let n = self.stmt_count(doc);
        let pass = |i| self.passes_reader(StatementRef { doc, statement: i });
        if n > 0 && !pass(self.reader.sel) {
            if let Some(s) = step(n, self.reader.sel, true, pass)
                .or_else(|| step(n, self.reader.sel, false, pass))
            {
                self.reader.sel = s;
            }
        }
        let f = self.compare.focus;
        let n = self.stmt_count(self.compare.docs[f]);
        let sel = self.compare.sel[f];
        let pass = |i| self.passes_compare(f, i);
        if n > 0 && !pass(sel) {
            if let Some(s) = step(n, sel, true, pass).or_else(|| step(n, sel, false, pass)) {
                self.compare.sel[f] = s;
            }
        }
        self.reveal_reader();
        self.follow();
        self.reveal_overview();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_keeps_context_below_and_above() {
        // A 3-row statement at rows 30..33 in a 20-row window: 4 rows of context below.
        assert_eq!(reveal(0, 30, 33, 20, 100), 17);
        // Coming back up to rows 10..12 from further down: 4 rows of context above.
        assert_eq!(reveal(17, 10, 12, 20, 100), 6);
        // Near the ends the window stays inside the text.
        assert_eq!(reveal(50, 0, 2, 20, 100), 0);
        assert_eq!(reveal(0, 98, 100, 20, 100), 80);
    }

    #[test]
    fn a_tall_statement_keeps_the_reading_position() {
        assert_eq!(reveal(40, 30, 90, 20, 100), 40);
        assert_eq!(reveal(0, 30, 90, 20, 100), 30);
        assert_eq!(page_within(30, 30, 90, 20, true), Some(50));
        assert_eq!(page_within(70, 30, 90, 20, true), None);
        assert_eq!(page_within(35, 30, 90, 20, false), Some(30));
    }
}
