//! Keys that reach outside the lists: copying (`y`, `Y`), the pager (`o`), the `:` prompt,
//! and focusing a pane by direction (`h`, `l`).

use super::action::Action;
use super::app::{App, Claim, OverviewFocus, View};
use super::effects::{line_of, Effect};
use crate::align::StatementRef;

impl App {
    /// The statement the current view has selected, if any.
    #[must_use]
    pub fn selected_statement(&self) -> Option<StatementRef> {
        let r = match self.view {
            View::Reader => StatementRef {
                doc: self.reader.doc,
                statement: self.reader.sel,
            },
            View::Compare => {
                let f = self.compare.focus;
                StatementRef {
                    doc: self.compare.docs[f],
                    statement: self.compare.sel[f],
                }
            }
            View::Overview if self.overview.focus == OverviewFocus::Claims => {
                let &ci = self.visible_claims.get(self.overview.claim)?;
                self.claim_statement(self.claims[ci])?
            }
            View::Quotes => self.quote_statement()?,
            View::Overview | View::Help => return None,
        };
        (r.statement < self.stmt_count(r.doc)).then_some(r)
    }

    /// The clean text of a statement, its line breaks and runs of spaces made single spaces.
    fn clean_statement(&self, r: StatementRef) -> String {
        let t = self.docs[r.doc].statement_text(r.statement);
        crate::model::clean::visible(&t.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// The selected statement's claim as text: a heading line, then each report's wording.
    fn claim_text(&self, r: StatementRef) -> String {
        let mut members = vec![r];
        members.extend(super::claims::other_members(&self.alignment, r));
        members.sort();
        let support = super::claims::support(&self.alignment, r);
        let mut out = match self.claim_number(r) {
            Some(k) => format!(
                "Claim {k}, stated by {support} of {} reports:\n",
                self.n_docs()
            ),
            None => "Stated by one report only:\n".to_owned(),
        };
        for m in members {
            let d = &self.docs[m.doc];
            let who = d.label();
            out.push_str(&format!(
                "[{}] {} ({}): {}\n",
                m.doc + 1,
                crate::model::clean::visible(&d.title),
                crate::model::clean::visible(who),
                self.clean_statement(m)
            ));
        }
        out
    }

    /// `y` and `Y`: put the statement, or its whole claim, on the clipboard.
    pub(crate) fn copy(&mut self, claim: bool) {
        let Some(r) = self.selected_statement() else {
            self.message = Some("nothing selected to copy (select a statement or claim)".into());
            return;
        };
        let text = if claim {
            self.claim_text(r)
        } else {
            self.clean_statement(r)
        };
        self.message = Some(format!(
            "copied {} to the clipboard ({} characters)",
            if claim { "the claim" } else { "the statement" },
            text.chars().count()
        ));
        self.effects.push(Effect::Copy(text));
    }

    /// `o`: show the report in the pager at the selected statement (or at its top).
    pub(crate) fn open_external(&mut self) {
        let r = self.selected_statement().or(match self.view {
            View::Overview if self.n_docs() > 0 => Some(StatementRef {
                doc: self.overview.report,
                statement: 0,
            }),
            _ => None,
        });
        let Some(r) = r else {
            self.message = Some("no report to open".into());
            return;
        };
        let d = &self.docs[r.doc];
        let at = d.statements.get(r.statement).map_or(0, |s| s.start);
        self.effects.push(Effect::Page {
            path: (!d.path.is_empty() && d.path != "-").then(|| d.path.clone().into()),
            text: d.text.clone(),
            line: line_of(&d.text, at),
        });
    }

    /// `h`/`l`: focus the pane on that side.
    pub(crate) fn focus_side(&mut self, right: bool) {
        let already = match self.view {
            View::Overview => (self.overview.focus == OverviewFocus::Claims) == right,
            View::Reader => self.reader.panel_focus == right,
            View::Compare => (self.compare.focus == 1) == right,
            View::Quotes => self.quotes.sources_focus == right,
            View::Help => true,
        };
        if !already {
            self.update(Action::SwitchPane);
        }
    }

    /// Run a `:` command: `N` (statement, or row of the focused list), `claim N`, `report N`.
    pub(crate) fn run_command(&mut self, cmd: &str) {
        let mut words = cmd.split_whitespace();
        let (what, arg) = match (words.next(), words.next()) {
            (Some(w), None) if w.parse::<usize>().is_ok() => ("", w),
            (Some(w), Some(a)) => (w, a),
            (None, _) => return,
            (Some(w), None) => (w, ""),
        };
        let Some(n) = arg.parse::<usize>().ok().filter(|&n| n > 0) else {
            self.message = Some(format!(
                "unknown command “{}” (try :12, :claim 3, :report 2)",
                crate::model::clean::visible(cmd)
            ));
            return;
        };
        match what {
            "" => self.jump_to_row(n - 1),
            "c" | "claim" => self.jump_to_claim(n - 1),
            "r" | "report" => self.jump_to_report(n - 1),
            _ => {
                self.message = Some(format!(
                    "unknown command “{}” (try :12, :claim 3, :report 2)",
                    crate::model::clean::visible(cmd)
                ));
            }
        }
    }

    fn jump_to_row(&mut self, i: usize) {
        // On the story list and the reports table, `:N` is report N (whatever its story).
        if self.view == View::Overview
            && (self.stories.list || self.overview.focus == OverviewFocus::Reports)
        {
            self.jump_to_report(i);
            return;
        }
        let (n, what) = match self.view {
            View::Overview => match self.overview.focus {
                OverviewFocus::Reports => (self.n_docs(), "report"),
                OverviewFocus::Claims => (self.visible_claims.len(), "claim in the list"),
            },
            View::Reader => (self.stmt_count(self.reader.doc), "statement"),
            View::Compare => (
                self.stmt_count(self.compare.docs[self.compare.focus]),
                "statement",
            ),
            View::Quotes => (self.quote_data.quotes.len(), "quote"),
            View::Help => return,
        };
        if i >= n {
            self.message = Some(format!("no {what} {} (there are {n})", i + 1));
            return;
        }
        match self.view {
            View::Overview => match self.overview.focus {
                OverviewFocus::Reports => self.overview.report = i,
                OverviewFocus::Claims => self.overview.claim = i,
            },
            View::Reader => self.reader.sel = i,
            View::Compare => self.compare.sel[self.compare.focus] = i,
            View::Quotes => {
                self.quotes.sel = i;
                self.quotes.row = 0;
            }
            View::Help => {}
        }
        self.reveal_overview();
        self.reveal_quotes();
        self.reveal_reader();
        if self.view == View::Compare {
            self.follow();
        }
    }

    fn jump_to_claim(&mut self, g: usize) {
        let Some(group) = self.alignment.groups.get(g) else {
            self.message = Some(format!(
                "no claim {} (there are {})",
                g + 1,
                self.alignment.groups.len()
            ));
            return;
        };
        let here = match self.view {
            View::Reader => Some(self.reader.doc),
            View::Compare => Some(self.compare.docs[self.compare.focus]),
            _ => None,
        };
        let in_view = here.and_then(|d| group.members.iter().find(|m| m.doc == d).copied());
        let first = group.members.first().copied();
        match (self.view, in_view, first) {
            (View::Reader, Some(m), _) => {
                self.reader.sel = m.statement;
                self.reveal_reader();
            }
            (View::Compare, Some(m), _) => {
                self.compare.sel[self.compare.focus] = m.statement;
                self.follow();
            }
            (View::Overview, _, _) => {
                if let Some(i) = self
                    .visible_claims
                    .iter()
                    .position(|&ci| self.claims[ci] == Claim::Group(g))
                {
                    self.overview.focus = OverviewFocus::Claims;
                    self.overview.claim = i;
                    self.reveal_overview();
                } else if let Some(r) = first {
                    self.compare_at(r);
                }
            }
            (_, _, Some(r)) => self.compare_at(r),
            _ => {}
        }
    }

    fn jump_to_report(&mut self, d: usize) {
        let n = self.n_docs();
        if d >= n {
            self.message = Some(format!("no report {} (there are {n})", d + 1));
            return;
        }
        match self.view {
            View::Overview | View::Quotes | View::Help => self.overview_show_report(d),
            View::Reader => {
                self.reader.doc = d;
                self.reader.sel = 0;
                self.reader.scroll = 0;
                self.reader.panel_scroll = 0;
                self.relayout();
            }
            View::Compare => {
                let f = self.compare.focus;
                if self.compare.docs[1 - f] == d {
                    self.compare.docs.swap(0, 1);
                    self.compare.sel.swap(0, 1);
                } else {
                    self.compare.docs[f] = d;
                    self.compare.sel[f] = 0;
                }
                self.compare.scroll = [0, 0];
                self.relayout();
                self.follow();
            }
        }
    }
}
