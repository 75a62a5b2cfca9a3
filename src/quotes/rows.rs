//! The rows a quotes view draws: each quote's outlets side by side, with the words that drift.
