//! Search across every report: the matches are found once per query, then `n`/`N` walk
//! through those the current view shows, wrapping with a message, and the status line says
//! which match is selected ("3 of 12") and where else matches are.

use super::app::{App, Claim, OverviewFocus, View};
use crate::align::StatementRef;

impl App {
    /// The text to highlight as search matches ("" while a `:` command is typed).
    #[must_use]
    pub fn highlight(&self) -> &str {
        if self.search.command {
            ""
        } else {
            &self.search.query
        }
    }

    /// Find every statement of every report that contains the query (case-insensitive).
    pub(crate) fn recompute_hits(&mut self) {
        let q = self.search.query.to_lowercase();
        self.search.hits.clear();
        self.search.at = None;
        if q.is_empty() {
            return;
        }
        for (doc, d) in self.docs.iter().enumerate() {
            for statement in 0..d.statements.len() {
                if d.statement_text(statement).to_lowercase().contains(&q) {
                    self.search.hits.push(StatementRef { doc, statement });
                }
            }
        }
    }

    fn is_hit(&self, r: StatementRef) -> bool {
        self.search.hits.binary_search(&r).is_ok()
    }

    /// Whether a claim of the list matches: any of its statements does.
    #[must_use]
    pub fn claim_matches(&self, c: Claim) -> bool {
        match c {
            Claim::Group(g) => self
                .alignment
                .groups
                .get(g)
                .is_some_and(|g| g.members.iter().any(|&m| self.is_hit(m))),
            Claim::Unique(r) => self.is_hit(r),
        }
    }

    /// The number of reports with a match.
    #[must_use]
    pub fn hit_reports(&self) -> usize {
        let mut ds: Vec<usize> = self.search.hits.iter().map(|h| h.doc).collect();
        ds.dedup();
        ds.len()
    }

    /// Reports other than `doc` with a match, and their match count.
    fn elsewhere(&self, doc: usize) -> (usize, usize) {
        let mut reports = 0;
        let mut count = 0;
        let mut last = None;
        for h in self.search.hits.iter().filter(|h| h.doc != doc) {
            count += 1;
            if last != Some(h.doc) {
                reports += 1;
                last = Some(h.doc);
            }
        }
        (reports, count)
    }

    /// Jump to the next (or previous) search match, starting at the selection itself when
    /// `here` (while typing), wrapping around the end with a message.
    pub(crate) fn find(&mut self, forward: bool, here: bool) {
        if self.search.query.is_empty() {
            return;
        }
        // The positions this view walks through, in order, and where the selection is.
        let (targets, cur): (Vec<(usize, usize)>, (usize, usize)) = match self.view {
            View::Overview => match self.overview.focus {
                OverviewFocus::Reports => {
                    let q = self.search.query.to_lowercase();
                    let has = |s: &str| s.to_lowercase().contains(&q);
                    let t = (0..self.n_docs())
                        .filter(|&i| {
                            let d = &self.docs[i];
                            has(&d.title) || has(&d.id) || d.source.as_deref().is_some_and(has)
                        })
                        .map(|i| (0, i))
                        .collect();
                    (t, (0, self.overview.report))
                }
                OverviewFocus::Claims => {
                    let t = (0..self.visible_claims.len())
                        .filter(|&i| self.claim_matches(self.claims[self.visible_claims[i]]))
                        .map(|i| (0, i))
                        .collect();
                    (t, (0, self.overview.claim))
                }
            },
            // The reader goes through every report's matches, switching report as it goes.
            View::Reader => (
                self.search
                    .hits
                    .iter()
                    .map(|h| (h.doc, h.statement))
                    .collect(),
                (self.reader.doc, self.reader.sel),
            ),
            View::Compare => {
                let f = self.compare.focus;
                let doc = self.compare.docs[f];
                let t = self
                    .search
                    .hits
                    .iter()
                    .filter(|h| h.doc == doc)
                    .map(|h| (0, h.statement))
                    .collect();
                (t, (0, self.compare.sel[f]))
            }
            // Quotes whose speaker or any outlet's words match.
            View::Quotes => {
                let q = self.search.query.to_lowercase();
                let has = |s: &str| s.to_lowercase().contains(&q);
                let t = (0..self.quote_data.quotes.len())
                    .filter(|&i| {
                        let v = &self.quote_data.quotes[i];
                        v.speaker.as_deref().is_some_and(has) || v.rows.iter().any(|r| has(&r.text))
                    })
                    .map(|i| (0, i))
                    .collect();
                (t, (0, self.quotes.sel))
            }
            View::Help => return,
        };
        let q = self.search.query.clone();
        if targets.is_empty() {
            self.search.at = None;
            let (reports, count) = match self.view {
                View::Compare => self.elsewhere(self.compare.docs[self.compare.focus]),
                _ => (0, 0),
            };
            self.message = Some(if count > 0 {
                format!(
                    "no match for “{q}” in this report; {count} in {reports} other report{}",
                    if reports == 1 { "" } else { "s" }
                )
            } else {
                format!("no match for “{q}”")
            });
            return;
        }
        let n = targets.len();
        let first_after = targets.partition_point(|&t| t < cur);
        let on = targets.get(first_after) == Some(&cur);
        let (k, wrapped) = match (forward, here) {
            (true, true) if first_after < n => (first_after, false),
            (true, false) if first_after + usize::from(on) < n => {
                (first_after + usize::from(on), false)
            }
            (true, _) => (0, true),
            (false, _) if first_after > 0 => (first_after - 1, false),
            (false, _) => (n - 1, true),
        };
        let (doc, hit) = targets[k];
        match self.view {
            View::Overview => match self.overview.focus {
                OverviewFocus::Reports => self.overview.report = hit,
                OverviewFocus::Claims => self.overview.claim = hit,
            },
            View::Reader => {
                if self.reader.doc != doc {
                    self.reader.doc = doc;
                    self.reader.panel_scroll = 0;
                    self.relayout();
                }
                self.reader.sel = hit;
            }
            View::Compare => self.compare.sel[self.compare.focus] = hit,
            View::Quotes => {
                self.quotes.sel = hit;
                self.quotes.row = 0;
            }
            View::Help => {}
        }
        self.search.at = Some((k + 1, n));
        let mut notes: Vec<String> = Vec::new();
        if wrapped && !(here && n == 1) {
            notes.push("search wrapped".to_owned());
        }
        if self.view == View::Compare {
            let (reports, count) = self.elsewhere(self.compare.docs[self.compare.focus]);
            if count > 0 {
                notes.push(format!(
                    "{count} more in {reports} other report{}",
                    if reports == 1 { "" } else { "s" }
                ));
            }
        }
        let m = notes.join(" · ");
        self.message = (!m.is_empty()).then_some(m);
        self.reveal_reader();
        self.reveal_overview();
        self.reveal_quotes();
        if self.view == View::Compare {
            self.follow();
        }
    }
}
