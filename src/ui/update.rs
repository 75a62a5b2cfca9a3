//! [`App::update`]: every state change the user can cause, one [`Action`] at a time.

use super::action::Action;
use super::app::{App, CompareMode, OverviewFocus, View};
use super::geometry;
use crate::align::StatementRef;

/// Rows the mouse wheel scrolls.
const WHEEL: usize = 3;

impl App {
    /// Carry out one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. } | Action::Tick) {
            self.message = None;
        }
        match action {
            Action::Tick => {
                self.ticks = self.ticks.wrapping_add(1);
                return;
            }
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.relayout();
                self.reveal_all();
                return;
            }
            Action::Quit if self.view == View::Help => self.back(),
            Action::Quit | Action::QuitNow => {
                self.quit = true;
                return;
            }
            Action::Suspend => {
                self.suspend = true;
                return;
            }
            Action::Search | Action::Command => {
                self.search = super::app::Search {
                    editing: true,
                    command: action == Action::Command,
                    ..Default::default()
                };
                return;
            }
            Action::SearchInput(c) => {
                self.search.query.push(c);
                if !self.search.command {
                    self.recompute_hits();
                    self.find(true, true);
                }
                return;
            }
            Action::SearchBackspace => {
                self.search.query.pop();
                if !self.search.command {
                    self.recompute_hits();
                }
                return;
            }
            Action::SearchConfirm if self.search.command => {
                let cmd = std::mem::take(&mut self.search).query;
                self.run_command(&cmd);
            }
            Action::SearchConfirm => {
                self.search.editing = false;
                if self.search.query.is_empty() {
                    return;
                }
                self.find(true, true);
                return;
            }
            Action::CopyStatement | Action::CopyClaim => {
                self.copy(action == Action::CopyClaim);
                return;
            }
            Action::OpenExternal => {
                self.open_external();
                return;
            }
            Action::PaneLeft | Action::PaneRight => {
                self.focus_side(action == Action::PaneRight);
                return;
            }
            Action::Back if self.search.editing || !self.search.query.is_empty() => {
                self.search = super::app::Search::default();
                return;
            }
            Action::Back if self.in_story() => self.close_story(),
            Action::Back => self.back(),
            Action::Overview => self.go(View::Overview),
            Action::Quotes => self.go(View::Quotes),
            Action::Reader if self.view == View::Quotes => self.read_quote(),
            Action::Compare if self.view == View::Quotes => self.compare_quote(),
            Action::Reader => self.open_reader_from_view(),
            Action::ToggleSources if self.view == View::Reader => {
                self.reader.sources = !self.reader.sources;
                self.reader.panel_scroll = 0;
            }
            Action::ToggleSources if self.view != View::Help => {
                if self.view == View::Quotes {
                    self.read_quote();
                } else {
                    self.open_reader_from_view();
                }
                self.reader.sources = self.view == View::Reader;
                self.reader.panel_scroll = 0;
            }
            Action::Compare => self.open_compare_from_view(),
            Action::Help if self.view == View::Help => self.back(),
            Action::Help => {
                self.help_scroll = 0;
                self.go(View::Help);
            }
            Action::CycleFilter => {
                self.filter = self.filter.next();
                self.refilter_claims();
                self.settle_on_filter();
            }
            Action::NextLinked | Action::PrevLinked if !self.search.query.is_empty() => {
                self.find(action == Action::NextLinked, false);
            }
            Action::Click { x, y } => self.click(x, y),
            Action::Scroll { x, y, down } => self.wheel(x, y, down),
            _ => match self.view {
                View::Overview => self.overview_action(action),
                View::Reader => self.reader_action(action),
                View::Compare => self.compare_action(action),
                View::Quotes => self.quotes_action(action),
                View::Help => self.help_action(action),
            },
        }
        self.relayout();
    }

    pub(crate) fn go(&mut self, v: View) {
        if self.view != v {
            self.history.push(self.view);
            if self.history.len() > 64 {
                self.history.remove(0);
            }
            self.view = v;
        }
        self.relayout();
        self.reveal_all();
    }

    fn back(&mut self) {
        if let Some(v) = self.history.pop() {
            self.view = v;
        } else if self.view != View::Overview {
            self.view = View::Overview;
        }
        self.relayout();
        self.reveal_all();
    }

    /// `2`: read the report that the current view points at.
    fn open_reader_from_view(&mut self) {
        match self.view {
            View::Overview => {
                if self.reader.doc != self.overview.report {
                    self.reader.doc = self.overview.report;
                    self.reader.sel = 0;
                    self.reader.scroll = 0;
                }
            }
            View::Compare => {
                let f = self.compare.focus;
                self.reader.doc = self.compare.docs[f];
                self.reader.sel = self.compare.sel[f];
            }
            View::Reader | View::Quotes | View::Help => {}
        }
        self.go(View::Reader);
    }

    /// `3`: compare the report the current view points at with another.
    fn open_compare_from_view(&mut self) {
        let left = match self.view {
            View::Overview => Some(self.overview.report),
            View::Reader => Some(self.reader.doc),
            View::Compare | View::Quotes | View::Help => None,
        };
        if let Some(left) = left.filter(|&l| l != self.compare.docs[0]) {
            let n = self.n_docs();
            self.compare.docs = [left, if n > 1 { (left + 1) % n } else { left }];
            self.compare.sel = [0, 0];
            self.compare.scroll = [0, 0];
        }
        if self.view == View::Reader {
            self.compare.sel[0] = self.reader.sel;
            self.compare.focus = 0;
        }
        self.go(View::Compare);
        self.top_compare();
    }

    /// Open the compare view on `r` and the best counterpart it has in another report.
    pub(crate) fn compare_at(&mut self, r: StatementRef) {
        let best = self
            .alignment
            .links_of(r)
            .filter_map(|l| l.other(r).map(|o| (o, l.score)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        let n = self.n_docs();
        let other = best.map_or(
            StatementRef {
                doc: if n > 1 { (r.doc + 1) % n } else { r.doc },
                statement: 0,
            },
            |b| b.0,
        );
        self.compare_pair_at(r, other);
    }

    /// Open the compare view on statement `a` (left) and `b` (right).
    pub(crate) fn compare_pair_at(&mut self, a: StatementRef, b: StatementRef) {
        self.compare.docs = [a.doc, b.doc];
        self.compare.focus = 0;
        self.compare.sel = [a.statement, b.statement];
        self.go(View::Compare);
        self.top_compare();
    }

    /// Open the reader at `r`.
    pub(crate) fn read_at(&mut self, r: StatementRef) {
        self.reader.doc = r.doc;
        self.reader.sel = r.statement;
        self.go(View::Reader);
    }

    /// Page height of the focused list in rows.
    pub(crate) fn page(&self) -> usize {
        let body = self.screen().body;
        let h = match self.view {
            View::Overview => {
                let o = self.overview_parts(body);
                match self.overview.focus {
                    OverviewFocus::Reports => o.reports.content.height.saturating_sub(1),
                    OverviewFocus::Claims => o.claims.content.height,
                }
            }
            View::Reader => geometry::reader(body).text.content.height,
            View::Compare => geometry::compare(body)[self.compare.focus].content.height,
            View::Quotes => {
                self.quotes_panes()[usize::from(self.quotes.sources_focus)]
                    .content
                    .height
            }
            View::Help => body.height.saturating_sub(1),
        };
        usize::from(h.max(1))
    }

    fn help_action(&mut self, a: Action) {
        let total = super::view::help::line_count(self);
        let max = total.saturating_sub(self.page());
        self.help_scroll = match a {
            Action::NextStatement => self.help_scroll + 1,
            Action::PrevStatement => self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll + self.page(),
            Action::PageUp => self.help_scroll.saturating_sub(self.page()),
            Action::HalfPageDown => self.help_scroll + self.page() / 2,
            Action::HalfPageUp => self.help_scroll.saturating_sub(self.page() / 2),
            Action::First => 0,
            Action::Last => max,
            _ => self.help_scroll,
        }
        .min(max);
    }

    /// Scroll every view so that its selection is on screen.
    pub(crate) fn reveal_all(&mut self) {
        self.reveal_reader();
        for side in 0..2 {
            self.reveal_compare(side);
        }
        if self.compare.mode == CompareMode::Aligned {
            self.compare.scroll[1 - self.compare.focus] = self.compare.scroll[self.compare.focus];
        }
        self.reveal_overview();
        self.reveal_quotes();
        self.help_action(Action::Back);
    }

    fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        if screen.header.height > 0 && y == screen.header.y {
            let tab = super::view::status::header_tabs(self, screen.header)
                .into_iter()
                .find(|t| x >= t.3 && x < t.4);
            if let Some((view, action, ..)) = tab {
                if view != self.view {
                    self.update(action);
                }
            }
            return;
        }
        let body = screen.body;
        match self.view {
            View::Overview => self.overview_click(x, y),
            View::Reader => {
                let p = geometry::reader(body).text;
                if p.contains(x, y) && y >= p.content.y {
                    let row = self.reader.scroll + usize::from(y - p.content.y);
                    if let Some(s) = self.reader.layout.statement_at(row) {
                        self.reader.sel = s;
                    }
                }
            }
            View::Compare => {
                for (side, p) in geometry::compare(body).into_iter().enumerate() {
                    if p.contains(x, y) && y >= p.content.y {
                        self.compare.focus = side;
                        let row = self.compare.scroll[side] + usize::from(y - p.content.y);
                        if let Some(s) = self.compare.layouts[side].statement_at(row) {
                            self.compare.sel[side] = s;
                            self.follow();
                        }
                    }
                }
            }
            View::Quotes | View::Help => {}
        }
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let body = self.screen().body;
        let shift = |s: usize, max: usize| {
            if down {
                (s + WHEEL).min(max)
            } else {
                s.saturating_sub(WHEEL)
            }
        };
        match self.view {
            View::Reader => {
                let g = geometry::reader(body);
                if g.panel.contains(x, y) {
                    let a = if down {
                        Action::NextStatement
                    } else {
                        Action::PrevStatement
                    };
                    for _ in 0..WHEEL {
                        self.scroll_panel(a);
                    }
                }
                let p = g.text;
                if p.contains(x, y) {
                    let max = self
                        .reader
                        .layout
                        .lines
                        .len()
                        .saturating_sub(usize::from(p.content.height));
                    self.reader.scroll = shift(self.reader.scroll, max);
                }
            }
            View::Compare => {
                for (side, p) in geometry::compare(body).into_iter().enumerate() {
                    if p.contains(x, y) {
                        let max = self.compare.layouts[side]
                            .lines
                            .len()
                            .saturating_sub(usize::from(p.content.height));
                        self.compare.scroll[side] = shift(self.compare.scroll[side], max);
                        if self.compare.mode == CompareMode::Aligned {
                            self.compare.scroll[1 - side] = self.compare.scroll[side];
                        }
                    }
                }
            }
            View::Overview => {
                let a = if down {
                    Action::NextStatement
                } else {
                    Action::PrevStatement
                };
                let o = self.overview_parts(body);
                if o.claims.contains(x, y) {
                    self.overview.focus = OverviewFocus::Claims;
                } else if o.reports.contains(x, y) {
                    self.overview.focus = OverviewFocus::Reports;
                }
                for _ in 0..WHEEL {
                    self.overview_action(a);
                }
            }
            View::Quotes => {
                let a = if down {
                    Action::NextStatement
                } else {
                    Action::PrevStatement
                };
                for _ in 0..WHEEL {
                    self.quotes_action(a);
                }
            }
            View::Help => {
                let a = if down {
                    Action::PageDown
                } else {
                    Action::PageUp
                };
                self.help_action(a);
            }
        }
    }
}
