//! Moving through the overview's reports table and claims list.

use super::action::Action;
use super::app::{App, Claim, OverviewFocus};
use super::nav::{reveal, step};

impl App {
    pub(crate) fn overview_action(&mut self, a: Action) {
        if self.stories.list {
            self.story_action(a);
            return;
        }
        let focus = self.overview.focus;
        let (n, cur) = match focus {
            // The table lists the open story's reports: move by position among them.
            OverviewFocus::Reports => (self.shown().len(), self.shown_pos()),
            OverviewFocus::Claims => (self.visible_claims.len(), self.overview.claim),
        };
        let page = self.page();
        let claim = |i: usize| self.claims[self.visible_claims[i]];
        let to = match a {
            Action::SwitchPane => {
                self.overview.focus = match focus {
                    OverviewFocus::Reports => OverviewFocus::Claims,
                    OverviewFocus::Claims => OverviewFocus::Reports,
                };
                None
            }
            Action::NextStatement => Some((cur + 1).min(n.saturating_sub(1))),
            Action::PrevStatement => Some(cur.saturating_sub(1)),
            Action::PageDown => Some((cur + page).min(n.saturating_sub(1))),
            Action::PageUp => Some(cur.saturating_sub(page)),
            Action::HalfPageDown => Some((cur + page / 2).min(n.saturating_sub(1))),
            Action::HalfPageUp => Some(cur.saturating_sub(page / 2)),
            Action::First => Some(0),
            Action::Last => Some(n.saturating_sub(1)),
            Action::NextDivergent | Action::PrevDivergent if focus == OverviewFocus::Claims => {
                step(n, cur, a == Action::NextDivergent, |i| {
                    self.claim_divergent(claim(i))
                })
            }
            Action::NextUnique | Action::PrevUnique if focus == OverviewFocus::Claims => {
                step(n, cur, a == Action::NextUnique, |i| {
                    matches!(claim(i), Claim::Unique(_))
                })
            }
            Action::NextLinked | Action::PrevLinked if focus == OverviewFocus::Claims => {
                step(n, cur, a == Action::NextLinked, |i| {
                    matches!(claim(i), Claim::Group(_))
                })
            }
            Action::Open => {
                self.overview_open();
                return;
            }
            _ => None,
        };
        if to.is_none() && focus == OverviewFocus::Claims {
            self.message = super::nav::nothing_left(a).map(|m| m.replace("statement", "claim"));
        }
        if let Some(i) = to {
            match focus {
                OverviewFocus::Reports => {
                    self.overview.report = self.shown().get(i).copied().unwrap_or(0);
                }
                OverviewFocus::Claims => self.overview.claim = i,
            }
        }
        self.reveal_overview();
    }

    fn overview_open(&mut self) {
        match self.overview.focus {
            OverviewFocus::Reports if self.n_docs() > 0 => {
                let doc = self.overview.report;
                if self.reader.doc != doc {
                    self.reader.doc = doc;
                    self.reader.sel = 0;
                    self.reader.scroll = 0;
                }
                self.update_view_reader();
            }
            OverviewFocus::Claims => {
                let Some(&ci) = self.visible_claims.get(self.overview.claim) else {
                    return;
                };
                let c = self.claims[ci];
                let conflict = match c {
                    Claim::Group(g) => {
                        super::claims::conflict_of_claim(&self.alignment, g).map(|l| (l.a, l.b))
                    }
                    Claim::Unique(_) => None,
                };
                if let Some((a, b)) = conflict {
                    self.compare_pair_at(a, b);
                    return;
                }
                match (c, self.claim_statement(c)) {
                    (Claim::Group(_), Some(r)) => self.compare_at(r),
                    (Claim::Unique(r), _) => self.read_at(r),
                    (Claim::Group(_), None) => {}
                }
            }
            OverviewFocus::Reports => {}
        }
    }

    fn update_view_reader(&mut self) {
        let r = crate::align::StatementRef {
            doc: self.reader.doc,
            statement: self.reader.sel,
        };
        self.read_at(r);
    }

    /// Rows of the reports table and of the claims list on screen.
    pub(crate) fn overview_heights(&self) -> (usize, usize) {
        let o = self.overview_parts(self.screen().body);
        (
            usize::from(o.reports.content.height.saturating_sub(1)),
            usize::from(o.claims.content.height),
        )
    }

    pub(crate) fn reveal_overview(&mut self) {
        let (hr, hc) = self.overview_heights();
        if !self.shown().contains(&self.overview.report) {
            self.overview.report = self.shown().first().copied().unwrap_or(0);
        }
        let (pos, n) = (self.shown_pos(), self.shown().len());
        let o = &mut self.overview;
        o.claim = o.claim.min(self.visible_claims.len().saturating_sub(1));
        o.report_scroll = reveal(o.report_scroll, pos, pos + 1, hr, n);
        o.claim_scroll = reveal(
            o.claim_scroll,
            o.claim,
            o.claim + 1,
            hc,
            self.visible_claims.len(),
        );
    }

    pub(crate) fn overview_click(&mut self, x: u16, y: u16) {
        if self.stories.list {
            self.story_click(y);
            return;
        }
        let o = self.overview_parts(self.screen().body);
        if o.reports.contains(x, y) {
            self.overview.focus = OverviewFocus::Reports;
            if y > o.reports.content.y {
                let i = self.overview.report_scroll + usize::from(y - o.reports.content.y - 1);
                if let Some(&d) = self.shown().get(i) {
                    self.overview.report = d;
                }
            }
        } else if o.claims.contains(x, y) {
            self.overview.focus = OverviewFocus::Claims;
            if y >= o.claims.content.y {
                let i = self.overview.claim_scroll + usize::from(y - o.claims.content.y);
                if i < self.visible_claims.len() {
                    self.overview.claim = i;
                }
            }
        }
        self.reveal_overview();
    }
}
