//! Fuzz target: any bytes, decoded and built as text, Markdown and HTML, give valid statements.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::model::decode::decode;
use parallax::model::load::{document_from_text, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else { return };
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let d = document_from_text("f".into(), "f".into(), &decoded.text, format);
        let mut last = 0;
        for s in &d.statements {
            assert!(last <= s.start && s.start < s.end && s.end <= d.text.len());
            assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
            last = s.end;
        }
        // Every non-space character is inside a statement.
        let mut covered = vec![false; d.text.len()];
        for s in &d.statements {
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in d.text.char_indices() {
            assert!(c.is_whitespace() || covered[i], "uncovered {c:?} at {i}");
        }
        assert!(!d.text.chars().any(parallax::model::clean::is_hostile));
    }
});
