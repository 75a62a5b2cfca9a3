//! The small types of the interface state: views, filters, modes, and each view's state.

use super::rows::DocLayout;
use crate::align::StatementRef;

/// The views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// All reports, their overlap, the claims by support.
    Overview,
    /// One report with the selected statement's counterparts.
    Reader,
    /// Two reports side by side.
    Compare,
    /// Every quote by speaker, and each report's sources.
    Quotes,
    /// Every key.
    Help,
}

impl View {
    /// The view's name on screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Reader => "Reader",
            Self::Compare => "Compare",
            Self::Quotes => "Quotes",
            Self::Help => "Help",
        }
    }
}

/// Which statements navigation visits and which are shown at full strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    All,
    /// Statements other reports state alike.
    Shared,
    /// Statements with a conflicting detail.
    Divergent,
    /// Statements no other report makes (in compare: not the report opposite).
    Unique,
}

impl Filter {
    /// The next filter in the cycle.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::All => Self::Shared,
            Self::Shared => Self::Divergent,
            Self::Divergent => Self::Unique,
            Self::Unique => Self::All,
        }
    }

    /// The filter's name on screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Shared => "shared",
            Self::Divergent => "divergent",
            Self::Unique => "unique",
        }
    }
}

/// How a statement relates to the other report in the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairStatus {
    /// Linked to the other report, alike.
    Shared,
    /// Linked to the other report with a conflicting detail.
    Divergent,
    /// Linked to other reports, not to this one.
    Elsewhere,
    /// In no other report.
    Unique,
    /// A heading or boilerplate.
    NotClaim,
}

/// The compare view's two layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareMode {
    /// Counterparts on the same rows.
    Aligned,
    /// Each report in its own order.
    Reading,
}

/// The overview's two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewFocus {
    /// The reports table.
    Reports,
    /// The claims list.
    Claims,
}

/// One entry of the claims list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// A claim group of the alignment (support ≥ 2).
    Group(usize),
    /// A statement only one report makes.
    Unique(StatementRef),
}

/// Figures of one report for the overview table, computed once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportRow {
    /// Words in the text.
    pub words: usize,
    /// Statements.
    pub statements: usize,
    /// Shared statements.
    pub shared: usize,
    /// Divergent statements.
    pub divergent: usize,
    /// Unique statements.
    pub unique: usize,
}

/// Overview state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewState {
    /// The focused list.
    pub focus: OverviewFocus,
    /// Selected report.
    pub report: usize,
    /// First report row shown.
    pub report_scroll: usize,
    /// Selected entry of [`App::visible_claims`](super::App::visible_claims).
    pub claim: usize,
    /// First claim row shown.
    pub claim_scroll: usize,
}

/// Reader state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    /// The report read.
    pub doc: usize,
    /// Selected statement.
    pub sel: usize,
    /// First row shown.
    pub scroll: usize,
    /// The report laid out at the pane's width.
    pub layout: DocLayout,
    /// The panel of other reports has the keys (Tab), so j/k scroll it.
    pub panel_focus: bool,
    /// First panel row shown.
    pub panel_scroll: usize,
    /// The panel shows whom the report cites (`S`) instead of how other reports state the
    /// selected statement.
    pub sources: bool,
    pub(crate) key: Option<(usize, usize)>,
}

/// Compare state; index 0 is the left (or top) pane, 1 the right (or bottom).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// The two reports.
    pub docs: [usize; 2],
    /// The focused pane.
    pub focus: usize,
    /// Selected statement in each pane.
    pub sel: [usize; 2],
    /// First row shown in each pane (equal in the aligned layout).
    pub scroll: [usize; 2],
    /// Aligned or reading order.
    pub mode: CompareMode,
    /// The two reports laid out (equal row counts when aligned).
    pub layouts: [DocLayout; 2],
    /// Counterpart pairs sharing a row in the aligned layout.
    pub anchors: Vec<(usize, usize)>,
    pub(crate) key: Option<CompareKey>,
}

/// What the compare layouts were computed for: reports, width, mode.
pub(crate) type CompareKey = (usize, usize, usize, CompareMode);

/// Search state (the `:` command prompt shares its input field).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The search field has the keyboard.
    pub editing: bool,
    /// The field holds a `:` command, not a search.
    pub command: bool,
    /// What is searched for (empty: no search), or the command being typed.
    pub query: String,
    /// Every statement of every report that matches, in report then statement order.
    pub hits: Vec<StatementRef>,
    /// The selected match as `(k, n)`: the k-th of the n matches the current view goes through.
    pub at: Option<(usize, usize)>,
}
