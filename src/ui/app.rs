//! The interface state: which view, which reports, what is selected, what is laid out.
//!
//! State changes only in [`App::update`] (in `update.rs`) and [`App::finish_alignment`]; the
//! views read it. Layouts (wrapped rows) are computed here, once per report, width and mode, so
//! a key press only has to draw the rows on screen.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::claims::{self, Opposite};
use super::effects::Effect;
use super::geometry;
use super::keymap::Keymap;
use super::quote_data::QuoteData;
use super::quote_layout::QuotesState;
use super::rows::{self, DocLayout};
pub use super::state::{
    Claim, CompareMode, CompareState, Filter, OverviewFocus, OverviewState, PairStatus,
    ReaderState, ReportRow, Search, View,
};
use super::theme::Theme;
use crate::align::{Alignment, StatementRef, Status};
use crate::model::Document;

/// The whole interface state.
#[derive(Debug, Clone)]
pub struct App {
    /// The reports.
    pub docs: Arc<Vec<Document>>,
    /// Their alignment (empty while the engine is still running).
    pub alignment: Alignment,
    /// Claims, by falling support, then the unique statements.
    pub claims: Vec<Claim>,
    /// Indices into `claims` that pass the filter.
    pub visible_claims: Vec<usize>,
    /// Overview figures per report.
    pub report_rows: Vec<ReportRow>,
    /// Key bindings.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// The current view.
    pub view: View,
    /// Views to go back to with Esc.
    pub history: Vec<View>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Overview state.
    pub overview: OverviewState,
    /// Reader state.
    pub reader: ReaderState,
    /// Compare state.
    pub compare: CompareState,
    /// First help row shown.
    pub help_scroll: usize,
    /// The filter.
    pub filter: Filter,
    /// The search.
    pub search: Search,
    /// Whether the engine is still aligning in the background.
    pub aligning: bool,
    /// The stages the engine has reported while aligning, in order (for the progress line).
    pub progress: Vec<crate::align::Progress>,
    /// Ticks seen while aligning (drives the spinner).
    pub ticks: usize,
    /// A one-line message for the status line (cleared by the next key).
    pub message: Option<String>,
    /// The user asked to quit.
    pub quit: bool,
    /// The user asked to suspend (Ctrl-Z); the event loop acts on it and clears it.
    pub suspend: bool,
    /// Clipboard and pager requests for the event loop, oldest first.
    pub effects: Vec<Effect>,
    /// Each report's title, whole (see [`super::titles::full`]).
    pub titles: Vec<String>,
    /// Columns of the widest of them, for the overview layout.
    pub title_cols: usize,
    /// Columns of the widest source (or file name) in the overview table.
    pub source_cols: usize,
    /// Quotes, sources, and the claims whose sources or certainty differ.
    pub quote_data: QuoteData,
    /// Quotes view state.
    pub quotes: QuotesState,
    /// The story list and the reports the overview covers (module `stories`).
    pub stories: super::stories::StoryState,
}

impl App {
    /// A new interface on `docs` and their alignment, showing the overview at 80×24.
    #[must_use]
    pub fn new(
        docs: Arc<Vec<Document>>,
        alignment: Alignment,
        keymap: Keymap,
        theme: Theme,
    ) -> Self {
        let mut app = Self::build(docs, keymap, theme);
        app.finish_alignment(alignment);
        app
    }

    /// The state before any alignment is installed.
    fn build(docs: Arc<Vec<Document>>, keymap: Keymap, theme: Theme) -> Self {
        let right = usize::from(docs.len() > 1);
        let mut app = Self {
            docs,
            alignment: Alignment::default(),
            claims: Vec::new(),
            visible_claims: Vec::new(),
            report_rows: Vec::new(),
            keymap,
            theme,
            view: View::Overview,
            history: Vec::new(),
            size: (80, 24),
            overview: OverviewState {
                focus: OverviewFocus::Reports,
                report: 0,
                report_scroll: 0,
                claim: 0,
                claim_scroll: 0,
            },
            reader: ReaderState {
                doc: 0,
                sel: 0,
                scroll: 0,
                layout: DocLayout::default(),
                panel_focus: false,
                panel_scroll: 0,
                sources: false,
                key: None,
            },
            compare: CompareState {
                docs: [0, right],
                focus: 0,
                sel: [0, 0],
                scroll: [0, 0],
                mode: CompareMode::Aligned,
                layouts: [DocLayout::default(), DocLayout::default()],
                anchors: Vec::new(),
                key: None,
            },
            help_scroll: 0,
            filter: Filter::All,
            search: Search::default(),
            aligning: false,
            progress: Vec::new(),
            ticks: 0,
            message: None,
            quit: false,
            suspend: false,
            effects: Vec::new(),
            titles: Vec::new(),
            title_cols: 0,
            source_cols: 0,
            quote_data: QuoteData::default(),
            quotes: QuotesState::default(),
            stories: super::stories::StoryState::default(),
        };
        app.source_cols = app
            .docs
            .iter()
            .map(|d| unicode_width::UnicodeWidthStr::width(d.label()))
            .max()
            .unwrap_or(0);
        app.titles = app
            .docs
            .iter()
            .map(|d| super::titles::full(d).into_owned())
            .collect();
        app.title_cols = super::titles::widest(&app.docs);
        app
    }

    /// A new interface whose alignment is still being computed: it shows the reports at once
    /// and [`App::finish_alignment`] installs the alignment (and the quotes) when it arrives.
    #[must_use]
    pub fn waiting(docs: Arc<Vec<Document>>, keymap: Keymap, theme: Theme) -> Self {
        let placeholder = Alignment::new(&docs, Vec::new());
        let mut app = Self::build(docs, keymap, theme);
        app.install_alignment(placeholder);
        app.aligning = true;
        app
    }

    /// Install the engine's result (it may arrive from a background thread after the first
    /// frames) and rebuild everything derived from it, the quote analysis included (here, not
    /// while drawing: a frame never waits for it).
    pub fn finish_alignment(&mut self, alignment: Alignment) {
        self.quote_data = QuoteData::compute(&self.docs, &alignment);
        self.quotes.key = None;
        self.install_alignment(alignment);
    }

    /// Note how far the engine has got (shown by the progress line until the result).
    pub fn engine_progress(&mut self, progress: crate::align::Progress) {
        self.progress.push(progress);
    }

    fn install_alignment(&mut self, alignment: Alignment) {
        self.alignment = alignment;
        self.aligning = false;
        self.report_rows = (0..self.docs.len())
            .map(|i| {
                let [shared, divergent, unique] =
                    claims::report_counts(&self.alignment, &self.docs, i);
                ReportRow {
                    words: self.docs[i].word_count(),
                    statements: self.docs[i].statements.len(),
                    shared,
                    divergent,
                    unique,
                }
            })
            .collect();
        self.rebuild_stories();
        self.claims = (0..self.alignment.groups.len()).map(Claim::Group).collect();
        for (doc, d) in self.docs.iter().enumerate() {
            for statement in 0..d.statements.len() {
                let r = StatementRef { doc, statement };
                if claims::status(&self.alignment, r) == Status::Unique {
                    self.claims.push(Claim::Unique(r));
                }
            }
        }
        self.compare.key = None;
        self.refilter_claims();
        self.relayout();
    }

    /// Number of reports.
    #[must_use]
    pub fn n_docs(&self) -> usize {
        self.docs.len()
    }

    /// The overview's parts in `body`.
    #[must_use]
    pub fn overview_parts(&self, body: Rect) -> geometry::Overview {
        geometry::overview(body, self.n_docs(), self.title_cols)
    }

    /// The screen parts at the current size.
    #[must_use]
    pub fn screen(&self) -> geometry::Screen {
        geometry::screen(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// Gutter width of the reader: selection mark, `support/n`, status mark, space.
    #[must_use]
    pub fn reader_gutter(&self) -> u16 {
        let d = digits(self.n_docs());
        (2 * d + 4) as u16
    }

    /// Gutter width of a compare pane: selection mark, status mark, claim number, space.
    #[must_use]
    pub fn compare_gutter(&self) -> u16 {
        (digits(self.alignment.groups.len()) + 3) as u16
    }

    /// The claim number shown for a statement (1-based group index), if it is linked.
    #[must_use]
    pub fn claim_number(&self, r: StatementRef) -> Option<usize> {
        self.alignment.group_of(r).map(|g| g + 1)
    }

    /// The statement that speaks for a claim in the list.
    #[must_use]
    pub fn claim_statement(&self, c: Claim) -> Option<StatementRef> {
        match c {
            Claim::Group(g) => self.alignment.groups.get(g).map(|g| g.central),
            Claim::Unique(r) => Some(r),
        }
    }

    /// Support of a claim (1 for unique statements).
    #[must_use]
    pub fn claim_support(&self, c: Claim) -> usize {
        match c {
            Claim::Group(g) => self.alignment.groups.get(g).map_or(0, |g| g.support),
            Claim::Unique(_) => 1,
        }
    }

    /// Whether any member of a claim has a divergent link.
    #[must_use]
    pub fn claim_divergent(&self, c: Claim) -> bool {
        match c {
            Claim::Group(g) => self.alignment.groups.get(g).is_some_and(|g| {
                g.members
                    .iter()
                    .any(|m| claims::divergent(&self.alignment, *m))
            }),
            Claim::Unique(_) => false,
        }
    }

    /// How statement `stmt` of compare pane `side` relates to the report opposite.
    #[must_use]
    pub fn pair_status(&self, side: usize, stmt: usize) -> PairStatus {
        let docs = self.compare.docs;
        let r = StatementRef {
            doc: docs[side],
            statement: stmt,
        };
        match claims::opposite(&self.alignment, r, docs[1 - side]) {
            Opposite::NotClaim => PairStatus::NotClaim,
            Opposite::Unique => PairStatus::Unique,
            Opposite::Absent => PairStatus::Elsewhere,
            Opposite::Divergent => PairStatus::Divergent,
            Opposite::Shared => PairStatus::Shared,
        }
    }

    /// What the reader shows for a statement (see [`claims::status`]).
    #[must_use]
    pub fn status(&self, r: StatementRef) -> Status {
        claims::status(&self.alignment, r)
    }

    /// The statements of report `other` in `r`'s claim, best first.
    #[must_use]
    pub fn counterparts_in(&self, r: StatementRef, other: usize) -> Vec<StatementRef> {
        claims::members_in(&self.alignment, r, other)
    }

    /// Whether a statement passes the filter in the reader.
    #[must_use]
    pub fn passes_reader(&self, r: StatementRef) -> bool {
        let s = self.status(r);
        match self.filter {
            Filter::All => true,
            Filter::Shared => s == Status::Shared,
            Filter::Divergent => s == Status::Divergent,
            Filter::Unique => s == Status::Unique,
        }
    }

    /// Whether a statement of compare pane `side` passes the filter.
    #[must_use]
    pub fn passes_compare(&self, side: usize, stmt: usize) -> bool {
        let s = self.pair_status(side, stmt);
        match self.filter {
            Filter::All => true,
            Filter::Shared => s == PairStatus::Shared,
            Filter::Divergent => s == PairStatus::Divergent,
            Filter::Unique => matches!(s, PairStatus::Unique | PairStatus::Elsewhere),
        }
    }

    /// Whether a claim passes the filter.
    #[must_use]
    pub fn passes_claim(&self, c: Claim) -> bool {
        match self.filter {
            Filter::All => true,
            Filter::Shared => matches!(c, Claim::Group(_)) && !self.claim_divergent(c),
            Filter::Divergent => self.claim_divergent(c),
            Filter::Unique => matches!(c, Claim::Unique(_)),
        }
    }

    pub(crate) fn refilter_claims(&mut self) {
        let keep = self.visible_claims.get(self.overview.claim).copied();
        self.visible_claims = (0..self.claims.len())
            .filter(|&i| self.passes_claim(self.claims[i]) && self.claim_in_story(self.claims[i]))
            .collect();
        self.overview.claim = keep
            .and_then(|k| self.visible_claims.iter().position(|&i| i >= k))
            .unwrap_or(0);
    }

    /// Text width of the reader pane.
    #[must_use]
    pub fn reader_width(&self) -> usize {
        let r = geometry::reader(self.screen().body);
        usize::from(
            r.text
                .content
                .width
                .saturating_sub(self.reader_gutter())
                .max(1),
        )
    }

    /// Text width of each compare pane (both are wrapped at this one width).
    #[must_use]
    pub fn compare_width(&self) -> usize {
        let [a, b] = geometry::compare(self.screen().body);
        let w = a.content.width.min(b.content.width);
        usize::from(w.saturating_sub(self.compare_gutter() + 1).max(1))
    }

    /// Recompute the layouts whose report, width or mode changed. Cheap when nothing did.
    pub fn relayout(&mut self) {
        let n = self.n_docs();
        if n == 0 {
            return;
        }
        self.reader.doc = self.reader.doc.min(n - 1);
        let w = self.reader_width();
        if self.reader.key != Some((self.reader.doc, w)) {
            self.reader.layout = rows::layout_doc(&self.docs[self.reader.doc], w);
            self.reader.key = Some((self.reader.doc, w));
        }
        self.relayout_quotes();
        self.compare.docs = self.compare.docs.map(|d| d.min(n - 1));
        let w = self.compare_width();
        let c = &mut self.compare;
        let key = (c.docs[0], c.docs[1], w, c.mode);
        if c.key != Some(key) {
            let docs = c.docs;
            match c.mode {
                CompareMode::Aligned => {
                    let (layouts, anchors) =
                        rows::layout_aligned(&self.alignment, &self.docs, docs[0], docs[1], w);
                    c.layouts = layouts;
                    c.anchors = anchors;
                }
                CompareMode::Reading => {
                    c.layouts = docs.map(|d| rows::layout_doc(&self.docs[d], w));
                    c.anchors.clear();
                }
            }
            c.key = Some(key);
        }
    }
}

/// Decimal digits of `n` (at least 1).
#[must_use]
pub fn digits(n: usize) -> usize {
    n.max(1).ilog10() as usize + 1
}
