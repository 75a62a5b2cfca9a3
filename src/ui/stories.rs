//! The story list: with more than one story the overview opens on it, `Enter` opens one story's
//! overview (reports table, matrix and claims restricted to its reports), `Esc` comes back.
//! Also the report order `]`/`[` step through: the reports of the current story.

use std::collections::HashSet;

use super::action::Action;
use super::app::{App, Claim, OverviewFocus};
use super::nav::reveal;

/// The status line's key hints on the story list.
pub(crate) const LIST_HINTS: &[(Action, Option<Action>)] = &[
    (Action::NextStatement, Some(Action::PrevStatement)),
    (Action::Open, None),
    (Action::Command, None),
    (Action::Help, None),
    (Action::Quit, None),
];

/// The status line's key hints in a story's overview.
pub(crate) const STORY_HINTS: &[(Action, Option<Action>)] = &[
    (Action::NextStatement, Some(Action::PrevStatement)),
    (Action::Open, None),
    (Action::Back, None),
    (Action::SwitchPane, None),
    (Action::Compare, None),
    (Action::CycleFilter, None),
    (Action::Search, None),
    (Action::Help, None),
    (Action::Quit, None),
];

/// `story 2/6 · ` in the status line while a story's overview is open, else nothing.
pub(crate) fn story_prefix(app: &App) -> String {
    match app.stories.open {
        Some(s) => format!("story {}/{} · ", s + 1, app.alignment.stories.len()),
        None => String::new(),
    }
}

/// Figures of one story for the story list, computed once per alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoryRow {
    /// Reports in the story.
    pub reports: usize,
    /// Distinct outlets (the source, else the file name) among them.
    pub sources: usize,
    /// Claims (groups of support ≥ 2) of the story.
    pub claims: usize,
    /// Claims of the story with a conflicting detail.
    pub divergences: usize,
}

/// The story list's state and the reports the overview shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryState {
    /// The overview shows the story list (only ever true with more than one story).
    pub list: bool,
    /// Selected story in the list.
    pub sel: usize,
    /// First story row shown.
    pub scroll: usize,
    /// The story whose overview is open (`None`: all reports).
    pub open: Option<usize>,
    /// The reports the overview's table, matrix and claims cover, in load order.
    pub shown: Vec<usize>,
    /// Each report's story (empty until the alignment is known).
    pub story_of: Vec<usize>,
    /// Figures per story.
    pub rows: Vec<StoryRow>,
}

impl App {
    /// Rebuild the story figures from the alignment; with several stories the overview opens
    /// on their list.
    pub(crate) fn rebuild_stories(&mut self) {
        let n = self.n_docs();
        let stories = &self.alignment.stories;
        let mut story_of = vec![0; n];
        for s in stories {
            for &d in &s.reports {
                if let Some(x) = story_of.get_mut(d) {
                    *x = s.id;
                }
            }
        }
        let mut rows: Vec<StoryRow> = stories
            .iter()
            .map(|s| StoryRow {
                reports: s.reports.len(),
                sources: s
                    .reports
                    .iter()
                    .filter_map(|&d| self.docs.get(d))
                    .map(|d| d.source.as_deref().unwrap_or(&d.id))
                    .collect::<HashSet<_>>()
                    .len(),
                ..StoryRow::default()
            })
            .collect();
        for g in 0..self.alignment.groups.len() {
            let c = Claim::Group(g);
            let Some(r) = self.claim_statement(c) else {
                continue;
            };
            if let Some(row) = story_of.get(r.doc).and_then(|&s| rows.get_mut(s)) {
                row.claims += 1;
                row.divergences += usize::from(self.claim_divergent(c));
            }
        }
        let st = &mut self.stories;
        st.story_of = if stories.is_empty() {
            Vec::new()
        } else {
            story_of
        };
        st.rows = rows;
        st.open = None;
        st.list = stories.len() > 1;
        st.sel = st.sel.min(stories.len().saturating_sub(1));
        st.shown = (0..n).collect();
    }

    /// The reports the overview covers: the open story's, or all.
    #[must_use]
    pub fn shown(&self) -> &[usize] {
        &self.stories.shown
    }

    /// Position of the overview's selected report among [`App::shown`].
    #[must_use]
    pub fn shown_pos(&self) -> usize {
        self.stories
            .shown
            .iter()
            .position(|&d| d == self.overview.report)
            .unwrap_or(0)
    }

    /// Whether a claim belongs to the open story (every claim does when none is open).
    pub(crate) fn claim_in_story(&self, c: Claim) -> bool {
        let Some(open) = self.stories.open else {
            return true;
        };
        self.claim_statement(c)
            .and_then(|r| self.stories.story_of.get(r.doc))
            .is_some_and(|&s| s == open)
    }

    /// The reports of `doc`'s story (all reports before the stories are known).
    fn story_reports(&self, doc: usize) -> Vec<usize> {
        match self.stories.story_of.get(doc) {
            Some(&s) => self
                .alignment
                .stories
                .get(s)
                .map_or_else(|| vec![doc], |s| s.reports.clone()),
            None => (0..self.n_docs()).collect(),
        }
    }

    /// The report after (or before) `doc` within its story, wrapping around.
    #[must_use]
    pub fn story_neighbour(&self, doc: usize, fwd: bool) -> usize {
        let r = self.story_reports(doc);
        let n = r.len();
        let Some(i) = r.iter().position(|&d| d == doc) else {
            return doc;
        };
        if fwd {
            r[(i + 1) % n]
        } else {
            r[(i + n - 1) % n]
        }
    }

    /// Open story `s`'s overview on its first report.
    pub(crate) fn open_story(&mut self, s: usize) {
        let Some(story) = self.alignment.stories.get(s) else {
            return;
        };
        self.stories.shown = story.reports.clone();
        self.stories.open = Some(s);
        self.stories.sel = s;
        self.stories.list = false;
        self.overview.focus = OverviewFocus::Reports;
        self.overview.report = self.stories.shown.first().copied().unwrap_or(0);
        self.overview.report_scroll = 0;
        self.overview.claim = 0;
        self.overview.claim_scroll = 0;
        self.visible_claims.clear();
        self.refilter_claims();
        self.reveal_overview();
    }

    /// Back from a story's overview to the story list.
    pub(crate) fn close_story(&mut self) {
        self.stories.list = true;
        self.stories.open = None;
        self.stories.shown = (0..self.n_docs()).collect();
        self.refilter_claims();
        self.reveal_stories();
    }

    /// Whether `Esc` in the overview goes back to the story list.
    pub(crate) fn in_story(&self) -> bool {
        self.view == super::app::View::Overview && !self.stories.list && self.stories.open.is_some()
    }

    /// Show report `d` in the overview: in its story's overview when there are stories.
    pub(crate) fn overview_show_report(&mut self, d: usize) {
        if let Some(&s) = self.stories.story_of.get(d) {
            if self.alignment.stories.len() > 1 && self.stories.open != Some(s) {
                self.open_story(s);
            }
        }
        self.overview.focus = OverviewFocus::Reports;
        self.overview.report = d;
        self.reveal_overview();
    }

    /// Rows of the story list on screen (below its title and column heads).
    pub(crate) fn story_rows_shown(&self) -> usize {
        usize::from(self.screen().body.height.saturating_sub(2).max(1))
    }

    pub(crate) fn reveal_stories(&mut self) {
        let n = self.stories.rows.len();
        let h = self.story_rows_shown();
        let st = &mut self.stories;
        st.sel = st.sel.min(n.saturating_sub(1));
        st.scroll = reveal(st.scroll, st.sel, st.sel + 1, h, n);
    }

    /// A key on the story list.
    pub(crate) fn story_action(&mut self, a: Action) {
        let n = self.stories.rows.len();
        let last = n.saturating_sub(1);
        let cur = self.stories.sel;
        let page = self.story_rows_shown();
        self.stories.sel = match a {
            Action::NextStatement => (cur + 1).min(last),
            Action::PrevStatement => cur.saturating_sub(1),
            Action::PageDown => (cur + page).min(last),
            Action::PageUp => cur.saturating_sub(page),
            Action::HalfPageDown => (cur + page / 2).min(last),
            Action::HalfPageUp => cur.saturating_sub(page / 2),
            Action::First => 0,
            Action::Last => last,
            Action::Open => {
                self.open_story(cur);
                return;
            }
            _ => cur,
        };
        self.reveal_stories();
    }

    /// A click on the story list selects the story under it.
    pub(crate) fn story_click(&mut self, y: u16) {
        let body = self.screen().body;
        if y >= body.y + 2 {
            let i = self.stories.scroll + usize::from(y - body.y - 2);
            if i < self.stories.rows.len() {
                self.stories.sel = i;
            }
        }
    }
}
