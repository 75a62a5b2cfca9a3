//! The Quotes view's keys: moving between quotes and their outlets, scrolling the Sources
//! pane, and opening a quote's statement in the reader or beside another outlet's in compare.

use super::action::Action;
use super::app::{App, View};
use super::quote_layout::{self, panes};
use crate::align::StatementRef;

impl App {
    /// The Quotes view's two panes at the current size.
    #[must_use]
    pub fn quotes_panes(&self) -> [super::geometry::Pane; 2] {
        panes(self.screen().body)
    }

    /// Text width of the quotes pane.
    #[must_use]
    pub fn quotes_width(&self) -> usize {
        usize::from(self.quotes_panes()[0].content.width.max(1))
    }

    /// Lay the quotes out again if the width changed.
    pub(crate) fn relayout_quotes(&mut self) {
        let w = self.quotes_width();
        if self.quotes.key != Some(w) {
            self.quotes.layout = quote_layout::layout(&self.quote_data.quotes, w);
            self.quotes.key = Some(w);
        }
        let n = self.quote_data.quotes.len();
        self.quotes.sel = self.quotes.sel.min(n.saturating_sub(1));
        let rows = self
            .quote_data
            .quotes
            .get(self.quotes.sel)
            .map_or(0, |q| q.rows.len());
        self.quotes.row = self.quotes.row.min(rows.saturating_sub(1));
    }

    /// Rows of the Sources pane: a heading per report and a row per source.
    #[must_use]
    pub fn sources_rows(&self) -> usize {
        self.quote_data
            .sources
            .iter()
            .map(|s| 1 + s.len().max(1))
            .sum()
    }

    /// The statement of the selected outlet of the selected quote.
    #[must_use]
    pub fn quote_statement(&self) -> Option<StatementRef> {
        let q = self.quote_data.quotes.get(self.quotes.sel)?;
        let r = q.rows.get(self.quotes.row)?;
        Some(StatementRef {
            doc: r.doc,
            statement: r.statement,
        })
    }

    /// Enter or `2` in the Quotes view: read the selected outlet's statement.
    pub(crate) fn read_quote(&mut self) {
        match self.quote_statement() {
            Some(r) => self.read_at(r),
            None => self.message = Some("no quote to read".to_owned()),
        }
    }

    /// `3` in the Quotes view: the selected outlet's statement beside the next outlet's.
    pub(crate) fn compare_quote(&mut self) {
        let Some(q) = self.quote_data.quotes.get(self.quotes.sel) else {
            self.message = Some("no quote to compare".to_owned());
            return;
        };
        let k = self.quotes.row.min(q.rows.len().saturating_sub(1));
        let Some(a) = q.rows.get(k) else { return };
        // The next outlet in another report; a quote carried by one report only is compared
        // with the next report.
        let b = q.rows[k + 1..]
            .iter()
            .chain(&q.rows[..k])
            .find(|r| r.doc != a.doc)
            .map(|r| (r.doc, r.statement));
        let n = self.n_docs();
        let (right, right_sel) = b.unwrap_or(((a.doc + 1) % n.max(1), 0));
        self.compare.docs = [a.doc, right];
        self.compare.focus = 0;
        self.compare.sel = [a.statement, right_sel];
        self.go(View::Compare);
        self.top_compare();
    }

    /// Keys of the Quotes view that move.
    pub(crate) fn quotes_action(&mut self, a: Action) {
        if self.quotes.sources_focus {
            let page = usize::from(self.quotes_panes()[1].content.height.max(1));
            let max = self.sources_rows().saturating_sub(page);
            let s = self.quotes.sources_scroll;
            self.quotes.sources_scroll = match a {
                Action::NextStatement => s + 1,
                Action::PrevStatement => s.saturating_sub(1),
                Action::PageDown => s + page,
                Action::PageUp => s.saturating_sub(page),
                Action::HalfPageDown => s + page / 2,
                Action::HalfPageUp => s.saturating_sub(page / 2),
                Action::First => 0,
                Action::Last => max,
                _ => s,
            }
            .min(max);
            if a == Action::SwitchPane {
                self.quotes.sources_focus = false;
            } else if a == Action::Open {
                self.read_quote();
            }
            return;
        }
        let n = self.quote_data.quotes.len();
        let page = usize::from(self.quotes_panes()[0].content.height.max(1));
        // A page holds about page / 4 quotes (a heading, an outlet or two).
        let jump = (page / 4).max(1);
        let sel = self.quotes.sel;
        let last = n.saturating_sub(1);
        let before = sel;
        self.quotes.sel = match a {
            Action::NextStatement => (sel + 1).min(last),
            Action::PrevStatement => sel.saturating_sub(1),
            Action::PageDown => (sel + jump).min(last),
            Action::PageUp => sel.saturating_sub(jump),
            Action::HalfPageDown => (sel + jump.div_ceil(2)).min(last),
            Action::HalfPageUp => sel.saturating_sub(jump.div_ceil(2)),
            Action::First => 0,
            Action::Last => last,
            _ => sel,
        };
        if self.quotes.sel != before {
            self.quotes.row = 0;
        }
        let rows = self
            .quote_data
            .quotes
            .get(self.quotes.sel)
            .map_or(0, |q| q.rows.len());
        match a {
            Action::NextRight | Action::NextLeft if rows > 0 => {
                self.quotes.row = (self.quotes.row + 1) % rows;
            }
            Action::PrevRight | Action::PrevLeft if rows > 0 => {
                self.quotes.row = (self.quotes.row + rows - 1) % rows;
            }
            Action::SwitchPane => self.quotes.sources_focus = true,
            Action::Open => self.read_quote(),
            _ => {}
        }
        self.reveal_quotes();
    }

    /// Scroll the quotes pane so the selected quote is on screen (its speaker heading too
    /// when it is the speaker's first quote and there is room).
    pub(crate) fn reveal_quotes(&mut self) {
        let page = usize::from(self.quotes_panes()[0].content.height.max(1));
        let lay = &self.quotes.layout;
        let span = lay.span(self.quotes.sel);
        let top = match span.start.checked_sub(1).and_then(|l| lay.lines.get(l)) {
            Some(quote_layout::QuoteLine::Speaker { .. }) => span.start - 1,
            _ => span.start,
        };
        let max = lay.lines.len().saturating_sub(page);
        if top < self.quotes.scroll {
            self.quotes.scroll = top;
        } else if span.end > self.quotes.scroll + page {
            self.quotes.scroll = span.end.saturating_sub(page).min(top);
        }
        self.quotes.scroll = self.quotes.scroll.min(max);
        let page = usize::from(self.quotes_panes()[1].content.height.max(1));
        self.quotes.sources_scroll = self
            .quotes
            .sources_scroll
            .min(self.sources_rows().saturating_sub(page));
    }
}

#[cfg(test)]
mod tests {
    use crate::align::align;
    use crate::model::embedded::seed_documents;
    use crate::ui::{Action, App, Keymap, Theme, View};
    use std::sync::Arc;

    fn app() -> App {
        let docs = seed_documents();
        let alignment = align(&docs);
        let mut app = App::new(
            Arc::new(docs),
            alignment,
            Keymap::default_keymap(),
            Theme::dark(),
        );
        app.update(Action::Resize {
            width: 80,
            height: 24,
        });
        app
    }

    #[test]
    fn four_opens_the_quotes_and_enter_reads_the_selected_outlet() {
        let mut app = app();
        app.update(Action::Quotes);
        assert_eq!(app.view, View::Quotes);
        assert!(app.quote_data.quotes.len() > 3);
        app.update(Action::NextStatement);
        app.update(Action::NextRight);
        assert_eq!(
            (app.quotes.sel, app.quotes.row),
            (1, 1 % app.quote_data.quotes[1].rows.len())
        );
        let want = app.quote_statement().unwrap();
        app.update(Action::Open);
        assert_eq!(app.view, View::Reader);
        assert_eq!((app.reader.doc, app.reader.sel), (want.doc, want.statement));
        let row = &app.quote_data.quotes[1].rows[app.quotes.row];
        let stmt = app.docs[want.doc].statement_text(want.statement);
        let first = row.text.split(" … ").next().unwrap();
        assert!(stmt.contains(first), "{stmt:?} lacks {first:?}");
        app.update(Action::Back);
        assert_eq!(app.view, View::Quotes);
    }

    #[test]
    fn the_selection_stays_in_range_and_on_screen() {
        let mut app = app();
        app.update(Action::Quotes);
        let n = app.quote_data.quotes.len();
        for _ in 0..n + 5 {
            app.update(Action::NextStatement);
            let span = app.quotes.layout.span(app.quotes.sel);
            let page = usize::from(app.quotes_panes()[0].content.height);
            assert!(span.start >= app.quotes.scroll);
            assert!(span.start < app.quotes.scroll + page);
        }
        assert_eq!(app.quotes.sel, n - 1);
        app.update(Action::First);
        assert_eq!((app.quotes.sel, app.quotes.scroll), (0, 0));
    }

    #[test]
    fn tab_gives_the_keys_to_the_sources_pane() {
        let mut app = app();
        app.update(Action::Quotes);
        app.update(Action::SwitchPane);
        assert!(app.quotes.sources_focus);
        app.update(Action::NextStatement);
        assert_eq!((app.quotes.sel, app.quotes.sources_scroll), (0, 1));
        app.update(Action::SwitchPane);
        assert!(!app.quotes.sources_focus);
    }

    #[test]
    fn three_compares_the_outlet_with_the_next_report_carrying_the_quote() {
        let mut app = app();
        app.update(Action::Quotes);
        let k = app
            .quote_data
            .quotes
            .iter()
            .position(|q| q.support >= 2)
            .unwrap();
        app.quotes.sel = k;
        app.update(Action::Compare);
        assert_eq!(app.view, View::Compare);
        let q = &app.quote_data.quotes[k];
        assert_eq!(app.compare.docs[0], q.rows[0].doc);
        assert_ne!(app.compare.docs[1], q.rows[0].doc);
        assert_eq!(app.compare.sel[0], q.rows[0].statement);
    }
}
