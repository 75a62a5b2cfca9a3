//! What the screens say about a statement, derived from its claim (the alignment's group).
//!
//! Links and groups can disagree: a statement may be linked to a report whose statement ended
//! in another claim, or reach a report only through the other members of its claim. Every mark,
//! count and panel on screen is therefore worked out here from one source, the claim
//! ([`Alignment::group_of`]), so no two parts of a screen can contradict each other:
//!
//! - a statement in no claim is unique to its report (support 1);
//! - its support is its claim's support;
//! - in compare, it is "not in the report opposite" (○) exactly when its claim has no member
//!   there, and its counterparts there are those members;
//! - it is divergent when one of its links to a member of its claim has a conflicting detail.

use crate::align::{Alignment, Link, Relation, StatementRef, Status};
use crate::model::Document;

/// How a statement relates to one other report, judged by its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opposite {
    /// Its claim has a member there and no link to one of them conflicts.
    Shared,
    /// Its claim has a member there and a link to one of them has a conflicting detail.
    Divergent,
    /// Its claim has no member there.
    Absent,
    /// It is in no claim: only its report states it.
    Unique,
    /// A heading or boilerplate.
    NotClaim,
}

/// The claim of `r`, if it is a claim statement in a group.
#[must_use]
pub fn claim_of(alignment: &Alignment, r: StatementRef) -> Option<usize> {
    if alignment.status(r) == Status::NotClaim {
        return None;
    }
    alignment.group_of(r)
}

/// The number of reports that state `r`'s claim: its group's support, 1 for a claim statement
/// in no group, 0 for a heading or boilerplate.
#[must_use]
pub fn support(alignment: &Alignment, r: StatementRef) -> usize {
    match claim_of(alignment, r) {
        Some(g) => alignment.groups.get(g).map_or(1, |g| g.support),
        None if alignment.status(r) == Status::NotClaim => 0,
        None => 1,
    }
}

/// The other members of `r`'s claim, in document then statement order.
#[must_use]
pub fn other_members(alignment: &Alignment, r: StatementRef) -> Vec<StatementRef> {
    claim_of(alignment, r)
        .and_then(|g| alignment.groups.get(g))
        .map(|g| g.members.iter().copied().filter(|&m| m != r).collect())
        .unwrap_or_default()
}

/// The direct link between two statements, if the engine made one.
#[must_use]
pub fn link_between(alignment: &Alignment, a: StatementRef, b: StatementRef) -> Option<&Link> {
    alignment.links_of(a).find(|l| l.other(a) == Some(b))
}

/// The members of `r`'s claim in report `other`, best first: those linked to `r` directly by
/// falling score, then the rest in reading order.
#[must_use]
pub fn members_in(alignment: &Alignment, r: StatementRef, other: usize) -> Vec<StatementRef> {
    if other == r.doc {
        return Vec::new();
    }
    let mut v: Vec<(StatementRef, f32)> = other_members(alignment, r)
        .into_iter()
        .filter(|m| m.doc == other)
        .map(|m| {
            let score = link_between(alignment, r, m).map_or(-1.0, |l| l.score);
            (m, score)
        })
        .collect();
    v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    v.into_iter().map(|x| x.0).collect()
}

/// Whether a link of `r` to another member of its claim has a conflicting detail.
#[must_use]
pub fn divergent(alignment: &Alignment, r: StatementRef) -> bool {
    let Some(g) = claim_of(alignment, r) else {
        return false;
    };
    alignment.links_of(r).any(|l| {
        l.relation == Relation::Divergent
            && l.other(r).and_then(|o| alignment.group_of(o)) == Some(g)
    })
}

/// The divergent link of claim `g` a reader should see first: the one whose conflict is listed
/// for the claim (opening a divergent claim shows the two reports that disagree, not the
/// central member's closest match). One touching the claim's central member is preferred,
/// then the highest score; `None` when no link of the claim is divergent.
#[must_use]
pub fn conflict_of_claim(alignment: &Alignment, g: usize) -> Option<&Link> {
    let group = alignment.groups.get(g)?;
    let inside = |r: StatementRef| alignment.group_of(r) == Some(g);
    group
        .members
        .iter()
        .flat_map(|&m| alignment.links_of(m))
        .filter(|l| l.relation == Relation::Divergent && inside(l.a) && inside(l.b))
        .max_by(|x, y| {
            let central = |l: &Link| l.a == group.central || l.b == group.central;
            central(x)
                .cmp(&central(y))
                .then(x.score.total_cmp(&y.score))
                .then(y.a.cmp(&x.a))
                .then(y.b.cmp(&x.b))
        })
}

/// What the reader shows for `r`: shared, divergent, unique or not a claim.
#[must_use]
pub fn status(alignment: &Alignment, r: StatementRef) -> Status {
    match alignment.status(r) {
        Status::NotClaim => Status::NotClaim,
        _ if claim_of(alignment, r).is_none() => Status::Unique,
        _ if divergent(alignment, r) => Status::Divergent,
        _ => Status::Shared,
    }
}

/// How `r` relates to report `other`.
#[must_use]
pub fn opposite(alignment: &Alignment, r: StatementRef, other: usize) -> Opposite {
    match status(alignment, r) {
        Status::NotClaim => Opposite::NotClaim,
        Status::Unique => Opposite::Unique,
        Status::Shared | Status::Divergent => {
            let there = members_in(alignment, r, other);
            if there.is_empty() {
                Opposite::Absent
            } else if there.iter().any(|&m| {
                link_between(alignment, r, m).is_some_and(|l| l.relation == Relation::Divergent)
            }) {
                Opposite::Divergent
            } else {
                Opposite::Shared
            }
        }
    }
}

/// Whether two statements belong to one claim.
#[must_use]
pub fn same_claim(alignment: &Alignment, a: StatementRef, b: StatementRef) -> bool {
    a != b && claim_of(alignment, a).is_some_and(|g| claim_of(alignment, b) == Some(g))
}

/// The statements of `doc` by what the reader shows (shared, divergent, unique), for the
/// overview table.
#[must_use]
pub fn report_counts(alignment: &Alignment, docs: &[Document], doc: usize) -> [usize; 3] {
    let mut c = [0; 3];
    for statement in 0..docs.get(doc).map_or(0, |d| d.statements.len()) {
        match status(alignment, StatementRef { doc, statement }) {
            Status::Shared => c[0] += 1,
            Status::Divergent => c[1] += 1,
            Status::Unique => c[2] += 1,
            Status::NotClaim => {}
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;

    fn at(doc: usize, statement: usize) -> StatementRef {
        StatementRef { doc, statement }
    }

    fn link(a: StatementRef, b: StatementRef, relation: Relation) -> Link {
        Link {
            a,
            b,
            score: 0.9,
            relation,
            differences: vec![],
        }
    }

    /// The first body statement of each seed from `from` on.
    fn body(docs: &[Document], doc: usize, from: usize) -> StatementRef {
        let s = (from..docs[doc].statements.len())
            .find(|&i| docs[doc].statements[i].kind == crate::model::StatementKind::Body)
            .unwrap_or(from);
        at(doc, s)
    }

    #[test]
    fn a_claim_reaches_a_report_through_its_other_members() {
        let docs = seed_documents();
        let (a, b, c) = (body(&docs, 0, 0), body(&docs, 1, 0), body(&docs, 2, 0));
        // a–b and b–c linked; a and c only share the claim.
        let al = Alignment::new(
            &docs,
            vec![
                link(a, b, Relation::Shared),
                link(b, c, Relation::Divergent),
            ],
        );
        assert!(same_claim(&al, a, c));
        assert_eq!(members_in(&al, a, 2), vec![c]);
        assert_eq!(opposite(&al, a, 2), Opposite::Shared);
        assert_eq!(opposite(&al, b, 2), Opposite::Divergent);
        assert_eq!(opposite(&al, a, 3), Opposite::Absent);
        assert_eq!(support(&al, a), 3);
        assert_eq!(status(&al, c), Status::Divergent);
        let lone = body(&docs, 3, 0);
        assert_eq!(status(&al, lone), Status::Unique);
        assert_eq!(support(&al, lone), 1);
        assert_eq!(opposite(&al, lone, 0), Opposite::Unique);
    }
}
