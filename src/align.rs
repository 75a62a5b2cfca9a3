//! The alignment engine: which statements of different reports state the same claim, which of
//! those links carry a conflicting detail, and how linked statements group into claims.
//!
//! Everything here is pure computation on [`crate::model::Document`]s; nothing touches a
//! terminal.

mod types;

pub use types::{
    Alignment, Difference, DifferenceKind, Group, Link, Relation, ReportStats, StatementRef, Status,
};

use crate::model::Document;

/// Align a set of documents: link their statements, type the divergences, group the claims.
#[must_use]
pub fn align(docs: &[Document]) -> Alignment {
    Alignment::new(docs, Vec::new())
}
