//! Where the reports of one claim differ in whom they cite and how surely they state it:
//! the † of the interface.
//!
//! The rule, kept narrow so the mark means something to a fact-checker:
//! - **Certainty** differs when one report keeps the claim at a distance and another does
//!   not ([`Level::distanced`](super::certainty::Level::distanced): "reportedly briefed"
//!   against "informed", "may meet" against "will meet", or a claim credited to unnamed
//!   sources against one stated plainly). "Said", "told reporters", "confirmed" and a plain
//!   statement are the same certainty. The members on the smaller side are the ones marked
//!   (all of them on a tie).
//! - **Sources** differ when reports that both cite a source for the claim cite different
//!   ones: a member is marked when it cites a source that no member of another report
//!   cites, and shares none with them. A report that names no source at all is not counted
//!   against one that does: most copy leaves the source out, and that is an omission, not a
//!   disagreement (when the others credit unnamed sources it shows as certainty instead).

use serde::Serialize;

use crate::align::StatementRef;
use crate::model::Document;

use super::attribution::{attributions, same_source, Attribution, SourceKind};
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
    /// Whether it keeps the claim at a distance: hedged, or credited to unnamed sources.
    pub distanced: bool,
}

/// A claim's statements compared on sources and certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimComparison {
    /// Each member, in the order given.
    pub members: Vec<MemberView>,
    /// Members that cite sources for the claim, none of which any other report citing
    /// sources for it cites (see the module documentation).
    pub source_differs: Vec<StatementRef>,
    /// Members on the smaller side when some members keep the claim at a distance and
    /// others do not (all members on a tie).
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
            if m.statement >= d.statements.len() {
                return None;
            }
            let own: Vec<&Attribution> = cited
                .get(m.doc)
                .into_iter()
                .flatten()
                .filter(|a| a.statement == m.statement)
                .collect();
            let certainty = certainty(d.statement_text(m.statement));
            let distanced =
                certainty.level.distanced() || own.iter().any(|a| a.kind == SourceKind::Anonymous);
            Some(MemberView {
                member: m,
                sources: own.iter().map(|a| a.source.clone()).collect(),
                certainty,
                distanced,
            })
        })
        .collect();
    ClaimComparison {
        source_differs: sources_differ(&views),
        certainty_differs: certainty_differs(&views),
        members: views,
    }
}

/// Members citing sources that no other report citing sources for the claim shares.
fn sources_differ(views: &[MemberView]) -> Vec<StatementRef> {
    let citing: Vec<&MemberView> = views.iter().filter(|v| !v.sources.is_empty()).collect();
    citing
        .iter()
        .filter(|v| {
            let others: Vec<&&MemberView> = citing
                .iter()
                .filter(|o| o.member.doc != v.member.doc)
                .collect();
            !others.is_empty()
                && !v.sources.iter().any(|s| {
                    others
                        .iter()
                        .any(|o| o.sources.iter().any(|t| same_source(s, t)))
                })
        })
        .map(|v| v.member)
        .collect()
}

/// The smaller side of distanced and plainly stated members (both sides on a tie), when
/// there are both.
fn certainty_differs(views: &[MemberView]) -> Vec<StatementRef> {
    let far = views.iter().filter(|v| v.distanced).count();
    let near = views.len() - far;
    if far == 0 || near == 0 {
        return Vec::new();
    }
    views
        .iter()
        .filter(|v| far == near || v.distanced == (far < near))
        .map(|v| v.member)
        .collect()
}
