//! Typed errors of the library. The binary adds context with `anyhow` at the edge.

use std::path::PathBuf;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{}: {source}", crate::model::clean::escape_name(&path.to_string_lossy()))]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// An input was refused (binary, too large, not a regular file…).
    #[error("{}: {reason}", crate::model::clean::escape_name(path))]
    Refused {
        /// The input that was refused.
        path: String,
        /// Why, in words a user understands.
        reason: String,
    },
    /// Writing an export failed.
    #[error("cannot write {}: {reason}", crate::model::clean::escape_name(&path.to_string_lossy()))]
    Write {
        /// The output path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A configuration or asset file could not be parsed.
    #[error("{what}: {reason}")]
    Config {
        /// Which file.
        what: String,
        /// Why.
        reason: String,
    },
}

/// Result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
