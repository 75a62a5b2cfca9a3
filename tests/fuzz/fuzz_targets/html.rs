//! Fuzz target: any text through the HTML path (the depth-bounding pre-pass, readability,
//! `html2text`, then statements and metadata). Run with `-timeout=2` so a super-linear input
//! (the 40,000 nested `<div>` of issue 12) is reported as a failure, not only a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::model::load::{document_from_text, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let d = document_from_text("f".into(), "f.html".into(), text, Format::Html);
    let mut last = 0;
    for s in &d.statements {
        assert!(last <= s.start && s.start < s.end && s.end <= d.text.len());
        assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
        last = s.end;
    }
    // Nothing hostile reaches the text or the metadata shown beside it.
    assert!(!d.text.chars().any(parallax::model::clean::is_hostile));
    for field in [
        Some(&d.title),
        d.source.as_ref(),
        d.author.as_ref(),
        d.published.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(
            !field.chars().any(parallax::model::clean::is_hostile),
            "{field:?}"
        );
        assert!(
            !field.contains('\n'),
            "metadata on more than one line: {field:?}"
        );
    }
});
