//! Where the reports of one claim differ in whom they cite and how surely they state it.

use serde::Serialize;

use crate::align::StatementRef;
use crate::model::Document;

use super::attribution::{attributions, same_source, Attribution};
use super::certainty::{certainty, Certainty};

/// One report's statement of a claim: its sources and certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberView {
    /// The statement.
    pub member: StatementRef,
    /// The sources it cites.
    pub sources: Vec<String>,
    /// Its certainty markers.
    pub certainty: Certainty,
}

/// A claim's statements compared on sources and certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimComparison {
    /// Each member, in the order given.
    pub members: Vec<MemberView>,
    /// Members that cite a source no other member cites, or cite none while others do.
    pub source_differs: Vec<StatementRef>,
    /// Members whose certainty level is not the most common one, or whose hedges differ
    /// from another member's.
    pub certainty_differs: Vec<StatementRef>,
}

/// Compare the members of one claim group (`Alignment::groups[i].members`).
#[must_use]
pub fn compare_claim(docs: &[Document], members: &[StatementRef]) -> ClaimComparison {
    let cited: Vec<Vec<Attribution>> = docs.iter().map(attributions).collect();
    compare_claim_cited(docs, &cited, members)
}

/// [`compare_claim`] with each document's citations already found (`Analysis::attributions`),
/// so comparing every claim of a large stack reads each report once, not once per member.
#[must_use]
pub fn compare_claim_cited(
    docs: &[Document],
    cited: &[Vec<Attribution>],
    members: &[StatementRef],
) -> ClaimComparison {
    let views: Vec<MemberView> = members
        .iter()
        .filter_map(|&m| {
            let d = docs.get(m.doc)?;
            (m.statement < d.statements.len()).then(|| MemberView {
                member: m,
                sources: cited
                    .get(m.doc)
                    .into_iter()
                    .flatten()
                    .filter(|a| a.statement == m.statement)
                    .map(|a| a.source.clone())
                    .collect(),
                certainty: certainty(d.statement_text(m.statement)),
            })
        })
        .collect();
    let any_sources = views.iter().any(|v| !v.sources.is_empty());
    let source_differs = views
        .iter()
        .filter(|v| {
            any_sources
                && (v.sources.is_empty()
                    || v.sources.iter().any(|s| {
                        !views.iter().any(|o| {
                            o.member != v.member && o.sources.iter().any(|t| same_source(s, t))
                        })
                    }))
        })
        .map(|v| v.member)
        .collect();
    let levels: Vec<_> = views.iter().map(|v| v.certainty.level).collect();
    let common = levels
        .iter()
        .max_by_key(|l| levels.iter().filter(|m| m == l).count())
        .copied();
    let certainty_differs = views
        .iter()
        .filter(|v| {
            Some(v.certainty.level) != common
                || views
                    .iter()
                    .any(|o| o.certainty.hedges != v.certainty.hedges)
        })
        .map(|v| v.member)
        .collect();
    ClaimComparison {
        members: views,
        source_differs,
        certainty_differs,
    }
}
