//! The document model: reports loaded from files, folders, stdin or the embedded seeds,
//! cleaned of hostile characters and cut into paragraphs and statements with byte offsets.

mod chrome;
pub mod clean;
pub mod datelines;
pub mod decode;
pub mod document;
pub mod embedded;
#[cfg(feature = "html")]
pub mod html;
pub mod language;
pub mod load;
pub mod markdown;
pub mod metadata;
pub mod outlet;
pub mod paragraphs;
pub mod segment;
pub mod stamps;
pub mod structure;
pub mod walk;

pub use document::{Document, Paragraph, Statement, StatementKind};
pub use load::{load_inputs, LoadReport, Problem, Severity};
