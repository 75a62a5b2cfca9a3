//! Fuzz target: any text through the Markdown path (markup to plain text, then statements) and
//! through the Markdown export's escaping. Run with `-timeout=2` so a super-linear input (the
//! 160,000 unclosed `[` of issue 12) is reported as a failure, not only a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::export::markdown::md_escape;
use parallax::model::load::{document_from_text, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let plain = parallax::model::markdown::to_text(text);
    assert!(plain.len() <= text.len() * 2 + 16, "markup conversion grew the text");
    let d = document_from_text("f".into(), "f".into(), text, Format::Markdown);
    let mut last = 0;
    for s in &d.statements {
        assert!(last <= s.start && s.start < s.end && s.end <= d.text.len());
        assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
        last = s.end;
    }
    assert!(!d.text.chars().any(parallax::model::clean::is_hostile));
    // Every character that can start Markdown or HTML markup comes out escaped.
    let escaped = md_escape(text);
    let mut prev_backslashes = 0usize;
    for c in escaped.chars() {
        if matches!(c, '<' | '>' | '[' | ']' | '`' | '*' | '_' | '&' | '!') {
            assert!(prev_backslashes % 2 == 1, "unescaped {c:?} in {escaped:?}");
        }
        prev_backslashes = if c == '\\' { prev_backslashes + 1 } else { 0 };
    }
});
