//! Property tests for the sentence splitter and the statements of a built document: in order,
//! disjoint, on char boundaries, trimmed, and covering every non-space character; and no
//! panic on arbitrary Unicode, control characters included.

use std::ops::Range;

use parallax::model::load::{document_from_text, Format};
use parallax::model::segment::split;
use proptest::prelude::*;

/// Check that `ranges` are valid statements of `text`: ordered, disjoint, on char
/// boundaries, trimmed, non-empty, and together covering every non-whitespace character.
fn assert_covering(text: &str, ranges: &[Range<usize>]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for r in ranges {
        prop_assert!(r.start < r.end, "empty range {r:?}");
        prop_assert!(
            r.start >= prev_end,
            "range {r:?} overlaps or precedes {prev_end}"
        );
        prop_assert!(r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        prop_assert_eq!(s.trim(), s, "range {:?} is not trimmed", r);
        // Nothing but whitespace between statements.
        prop_assert!(
            text[prev_end..r.start].trim().is_empty(),
            "uncovered text {:?}",
            &text[prev_end..r.start]
        );
        prev_end = r.end;
    }
    prop_assert!(
        text[prev_end..].trim().is_empty(),
        "uncovered tail {:?}",
        &text[prev_end..]
    );
    Ok(())
}

/// Text made of the pieces the splitter cares about, so the properties meet real boundaries
/// (abbreviations, quotes, lists, ellipses) far more often than random characters would.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. "),
        Just("U.S. "),
        Just("a.m. "),
        Just("No. 5 "),
        Just("J. R. R. "),
        Just("The "),
        Just("word "),
        Just("end. "),
        Just("end."),
        Just("What? "),
        Just("Wow!! "),
        Just("\""),
        Just("“"),
        Just("”"),
        Just("‘"),
        Just("’"),
        Just("'"),
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just("..."),
        Just(" . . . "),
        Just("…"),
        Just("—"),
        Just("--"),
        Just("1. "),
        Just("2) "),
        Just("a. "),
        Just("b) "),
        Just("(iv) "),
        Just("• "),
        Just("3.14 "),
        Just("x.Com "),
        Just("．"),
        Just("\n"),
        Just("\n\n"),
        Just(" \n"),
        Just("\t"),
        Just("é"),
        Just("\u{a0}"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prose(),
        any::<String>(),
        "[\\x00-\\x7f]{0,80}",
        "\\PC{0,80}"
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn split_ranges_are_ordered_disjoint_and_covering(text in any_text()) {
        let ranges = split(&text);
        assert_covering(&text, &ranges)?;
    }

    #[test]
    fn document_statements_are_ordered_disjoint_and_covering(text in any_text()) {
        let doc = document_from_text("p".into(), "-".into(), &text, Format::Text);
        let ranges: Vec<Range<usize>> = doc.statements.iter().map(|s| s.range()).collect();
        assert_covering(&doc.text, &ranges)?;
        for (i, s) in doc.statements.iter().enumerate() {
            prop_assert_eq!(s.index, i);
            let p = &doc.paragraphs[s.paragraph];
            prop_assert!(p.start <= s.start && s.end <= p.end, "statement outside its paragraph");
        }
    }

    #[test]
    fn arbitrary_unicode_and_controls_never_panic(
        chars in prop::collection::vec(
            prop_oneof![any::<char>(), prop::char::range('\u{0}', '\u{1f}'), Just('.'), Just('"'), Just(' ')],
            0..200,
        )
    ) {
        let text: String = chars.into_iter().collect();
        let ranges = split(&text);
        assert_covering(&text, &ranges)?;
        let doc = document_from_text("p".into(), "-".into(), &text, Format::Text);
        prop_assert!(doc.statements.iter().all(|s| s.end <= doc.text.len()));
    }
}

#[test]
fn long_hostile_inputs_stay_fast() {
    // Shapes that would make a backtracking or rescanning design quadratic.
    let cases = [
        " 'a".repeat(20_000) + "'1",
        "a.Ba".repeat(20_000),
        "x!".repeat(40_000),
        "(".repeat(40_000),
        "“".repeat(20_000),
        "-- a ".repeat(20_000),
        "— a. ".repeat(20_000),
        "a. ".repeat(30_000),
        "1. ".repeat(30_000),
    ];
    let start = std::time::Instant::now();
    for text in &cases {
        let ranges = split(text);
        assert!(ranges.iter().all(|r| r.end <= text.len()));
    }
    // Generous for debug builds on a shared machine; quadratic behaviour takes minutes.
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}
