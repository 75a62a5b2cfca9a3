//! The compare view's navigation: moving in the focused pane, choosing and swapping the
//! reports, and keeping the counterpart in the other pane selected and in view.

use super::action::Action;
use super::app::{App, CompareMode, PairStatus};
use super::geometry;
use super::nav::{page_within, reveal};
use crate::align::{StatementRef, Status};

impl App {
    /// Page through a tall selected statement in the focused compare pane.
    fn page_compare_within(&mut self, forward: bool) -> bool {
        let f = self.compare.focus;
        let lay = &self.compare.layouts[f];
        let s = self.compare.sel[f];
        let (Some(&first), Some(&end)) = (lay.first_line.get(s), lay.end_line.get(s)) else {
            return false;
        };
        let h = usize::from(geometry::compare(self.screen().body)[f].content.height);
        match page_within(self.compare.scroll[f], first, end, h, forward) {
            Some(to) => {
                self.compare.scroll[f] = to;
                if self.compare.mode == CompareMode::Aligned {
                    self.compare.scroll[1 - f] = to;
                }
                true
            }
            None => false,
        }
    }

    pub(crate) fn compare_action(&mut self, a: Action) {
        let n_docs = self.n_docs();
        let f = self.compare.focus;
        match a {
            Action::SwitchPane => {
                self.compare.focus = 1 - f;
                self.reveal_compare(1 - f);
                return;
            }
            Action::NextRight | Action::PrevRight | Action::NextLeft | Action::PrevLeft => {
                let side = usize::from(matches!(a, Action::NextRight | Action::PrevRight));
                let fwd = matches!(a, Action::NextRight | Action::NextLeft);
                let other = self.compare.docs[1 - side];
                let mut d = self.compare.docs[side];
                for _ in 0..n_docs {
                    d = if fwd {
                        (d + 1) % n_docs
                    } else {
                        (d + n_docs - 1) % n_docs
                    };
                    if d != other {
                        break;
                    }
                }
                self.compare.docs[side] = d;
                self.compare.sel[side] = 0;
                self.compare.scroll[side] = 0;
                self.relayout();
                if side == f {
                    self.compare.sel[f] = 0;
                }
            }
            Action::Swap => {
                let c = &mut self.compare;
                c.docs.swap(0, 1);
                c.sel.swap(0, 1);
                c.scroll.swap(0, 1);
                c.focus = 1 - f;
                self.relayout();
            }
            Action::ToggleLayout => {
                self.compare.mode = match self.compare.mode {
                    CompareMode::Aligned => CompareMode::Reading,
                    CompareMode::Reading => CompareMode::Aligned,
                };
                self.relayout();
            }
            Action::PageDown | Action::PageUp
                if self.page_compare_within(a == Action::PageDown) =>
            {
                return;
            }
            Action::Open if self.stmt_count(self.compare.docs[f]) > 0 => {
                let r = StatementRef {
                    doc: self.compare.docs[f],
                    statement: self.compare.sel[f],
                };
                self.read_at(r);
                return;
            }
            _ => {
                let doc = self.compare.docs[f];
                let n = self.stmt_count(doc);
                let kind = |i| {
                    Some(match self.pair_status(f, i) {
                        PairStatus::Shared => Status::Shared,
                        PairStatus::Divergent => Status::Divergent,
                        PairStatus::Unique | PairStatus::Elsewhere => Status::Unique,
                        PairStatus::NotClaim => Status::NotClaim,
                    })
                };
                let pass = |i| self.passes_compare(f, i);
                let lay = &self.compare.layouts[f];
                if let Some(s) = self.moved(a, lay, self.compare.sel[f], n, &kind, &pass) {
                    self.compare.sel[f] = s;
                } else {
                    self.message = super::nav::nothing_left(a).map(str::to_owned);
                    return;
                }
            }
        }
        self.follow();
        if a == Action::First {
            // `g` shows both reports from their first row, as they begin.
            self.compare.scroll = [0, 0];
        }
    }

    /// The statement of the other pane in the focused selection's claim (the one marked ▷),
    /// best first; `None` when the claim has no member there.
    #[must_use]
    pub fn counterpart(&self) -> Option<usize> {
        let f = self.compare.focus;
        let r = StatementRef {
            doc: self.compare.docs[f],
            statement: self.compare.sel[f],
        };
        let other = self.compare.docs[1 - f];
        let sel = self.compare.sel[1 - f];
        let there = self.counterparts_in(r, other);
        // Keep the other pane's selection if it is already one of them.
        there
            .iter()
            .find(|m| m.statement == sel)
            .or(there.first())
            .map(|m| m.statement)
    }

    /// Select the focused statement's counterpart in the other pane and scroll it alongside:
    /// synchronised scrolling that follows claims, not row numbers.
    pub(crate) fn follow(&mut self) {
        self.relayout();
        let f = self.compare.focus;
        let o = 1 - f;
        self.reveal_compare(f);
        let counterpart = self.counterpart();
        if let Some(c) = counterpart {
            self.compare.sel[o] = c;
        }
        let h = usize::from(geometry::compare(self.screen().body)[o].content.height);
        let lay = &self.compare.layouts;
        if self.compare.mode == CompareMode::Aligned {
            // One layout for the pair: both panes show the same rows, so each keeps its order.
            self.compare.scroll[o] =
                self.compare.scroll[f].min(lay[o].lines.len().saturating_sub(h));
        } else if let Some(c) = counterpart {
            let at = lay[f]
                .first_line
                .get(self.compare.sel[f])
                .copied()
                .unwrap_or(0);
            let offset = at.saturating_sub(self.compare.scroll[f]);
            let target = lay[o].first_line.get(c).copied().unwrap_or(0);
            // Level with the selection, which can start the pane inside a statement; `g`
            // brings both back to their beginnings.
            let top = target.saturating_sub(offset);
            self.compare.scroll[o] = top.min(lay[o].lines.len().saturating_sub(h));
        }
    }

    /// Put the focused selection a few rows from the top (on opening the view at a statement),
    /// so what follows it is on screen rather than what the other report says before it.
    pub(crate) fn top_compare(&mut self) {
        self.relayout();
        let f = self.compare.focus;
        let h = usize::from(geometry::compare(self.screen().body)[f].content.height);
        let lay = &self.compare.layouts[f];
        let Some(&first) = lay.first_line.get(self.compare.sel[f]) else {
            return;
        };
        let top = first
            .saturating_sub((h / 5).min(4))
            .min(lay.lines.len().saturating_sub(h));
        self.compare.scroll[f] = top;
        self.follow();
    }

    pub(crate) fn reveal_compare(&mut self, side: usize) {
        let n = self.stmt_count(self.compare.docs[side]);
        self.compare.sel[side] = self.compare.sel[side].min(n.saturating_sub(1));
        let h = usize::from(geometry::compare(self.screen().body)[side].content.height);
        let lay = &self.compare.layouts[side];
        let s = self.compare.sel[side];
        let (first, end) = (
            lay.first_line.get(s).copied().unwrap_or(0),
            lay.end_line.get(s).copied().unwrap_or(0),
        );
        self.compare.scroll[side] =
            reveal(self.compare.scroll[side], first, end, h, lay.lines.len());
    }
}
