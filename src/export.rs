//! Exports of a loaded and aligned corpus: the versioned JSON schema and a Markdown report,
//! and writing them safely to a file.

pub mod cleanup;
mod indented;
pub mod json;
pub mod markdown;
pub mod quotes_json;
pub mod quotes_md;
mod with_quotes;
pub mod write;

pub use json::{
    to_json, write_json, write_json_with, Export, ExportDocument, ExportStatement, SCHEMA_VERSION,
};
pub use with_quotes::align_with_quotes;
pub use write::{write_output, write_output_with};
