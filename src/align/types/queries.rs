//! The queries every consumer (export, interface) asks of an [`Alignment`]: a statement's
//! links, counterparts, claim, support and status, a report's counts, and how much two reports
//! overlap. All read the indices built once by `Alignment::assemble`.

use super::{Alignment, Link, ReportStats, StatementInfo, StatementRef, Status};
use crate::model::Document;

impl Alignment {
    /// The links that touch `r`.
    pub fn links_of(&self, r: StatementRef) -> impl Iterator<Item = &Link> + '_ {
        self.info
            .get(r.doc)
            .and_then(|d| d.get(r.statement))
            .map(|i| i.links.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|&l| &self.links[l])
    }

    /// The statements of document `other` linked to `r`, best score first, with their links.
    #[must_use]
    pub fn counterparts(&self, r: StatementRef, other: usize) -> Vec<(StatementRef, &Link)> {
        let mut v: Vec<_> = self
            .links_of(r)
            .filter_map(|l| l.other(r).filter(|o| o.doc == other).map(|o| (o, l)))
            .collect();
        v.sort_by(|x, y| y.1.score.total_cmp(&x.1.score).then(x.0.cmp(&y.0)));
        v
    }

    /// The index of the claim group that holds `r`.
    #[must_use]
    pub fn group_of(&self, r: StatementRef) -> Option<usize> {
        self.info.get(r.doc)?.get(r.statement)?.group
    }

    /// Support of the claim `r` belongs to: 1 for a unique statement, 0 for a non-claim.
    #[must_use]
    pub fn support(&self, r: StatementRef) -> usize {
        match self.group_of(r) {
            Some(g) => self.groups[g].support,
            None if self.status(r) == Status::Unique => 1,
            None => 0,
        }
    }

    /// What the alignment says of `r`.
    #[must_use]
    pub fn status(&self, r: StatementRef) -> Status {
        self.info
            .get(r.doc)
            .and_then(|d| d.get(r.statement))
            .and_then(|i| i.status)
            .unwrap_or(Status::NotClaim)
    }

    /// The shared / divergent / unique counts of document `doc`.
    #[must_use]
    pub fn report_stats(&self, doc: usize) -> ReportStats {
        let mut s = ReportStats::default();
        for i in self.info.get(doc).map(Vec::as_slice).unwrap_or_default() {
            match i.status {
                Some(Status::Shared) => s.shared += 1,
                Some(Status::Divergent) => s.divergent += 1,
                Some(Status::Unique) => s.unique += 1,
                Some(Status::NotClaim) | None => s.not_claims += 1,
            }
        }
        s
    }

    /// Overlap of two reports in [0, 1]: the share of their claim statements that have a
    /// counterpart in the other (1 on the diagonal).
    #[must_use]
    pub fn overlap(&self, a: usize, b: usize) -> f32 {
        let Some(row) = self.overlap.get(a) else {
            return 0.0;
        };
        if a == b {
            return 1.0;
        }
        row.binary_search_by_key(&b, |x| x.0)
            .map_or(0.0, |i| row[i].1)
    }
}

/// For each report, `(other report, overlap)` for the reports it shares a claim with, sorted by
/// report: sparse, so memory grows with linked report pairs, not with the square of reports.
pub(super) fn overlap_lists(
    docs: &[Document],
    links: &[Link],
    info: &[Vec<StatementInfo>],
) -> Vec<Vec<(usize, f32)>> {
    let n = docs.len();
    // linked[a] = (b, statements of a with a counterpart in b).
    let mut linked: Vec<std::collections::BTreeMap<usize, usize>> = vec![Default::default(); n];
    let mut others: Vec<usize> = Vec::new();
    for (di, d) in info.iter().enumerate() {
        for i in d {
            others.clear();
            others.extend(i.links.iter().map(|&l| {
                let link = &links[l];
                if link.a.doc == di {
                    link.b.doc
                } else {
                    link.a.doc
                }
            }));
            others.sort_unstable();
            others.dedup();
            for &o in &others {
                *linked[di].entry(o).or_default() += 1;
            }
        }
    }
    let claims: Vec<usize> = docs.iter().map(Document::body_count).collect();
    (0..n)
        .map(|a| {
            linked[a]
                .iter()
                .map(|(&b, &ab)| {
                    let ba = linked[b].get(&a).copied().unwrap_or(0);
                    let both = claims[a] + claims[b];
                    #[allow(clippy::cast_precision_loss)]
                    let v = if both == 0 {
                        0.0
                    } else {
                        (ab + ba) as f32 / both as f32
                    };
                    (b, v)
                })
                .collect()
        })
        .collect()
}
