//! parallax: compare several news reports of one event.
//!
//! The crate is layered, and each layer uses only those below it:
//!
//! - [`model`]: documents, loading, cleaning, segmentation into paragraphs and statements;
//! - [`align`]: normalisation, linking statements across reports, divergences, claim groups;
//! - [`export`]: JSON and Markdown reports built from the two layers above;
//! - `ui` (feature `tui`): the terminal interface, the only module that touches ratatui,
//!   crossterm or textwrap.
//!
//! The binary's `cli` sits on top of all of them.
// In-module tests unwrap what they set up themselves; input is never unwrapped.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod align;
pub mod error;
pub mod export;
pub mod model;
pub mod quotes;
#[cfg(feature = "tui")]
pub mod ui;

pub use error::{Error, Result};
