//! The document model on the embedded seeds: exact slices, kinds, titles and sources.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use parallax::model::embedded::seed_documents;
use parallax::model::{Document, StatementKind};

fn find<'a>(d: &'a Document, needle: &str) -> (StatementKind, &'a str) {
    let i = (0..d.statements.len())
        .find(|&i| d.statement_text(i).contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {}", d.id));
    (d.statements[i].kind, d.statement_text(i))
}

#[test]
fn every_statement_is_the_exact_slice_of_its_range() {
    for d in seed_documents() {
        let mut last = 0;
        for (i, s) in d.statements.iter().enumerate() {
            assert_eq!(s.index, i);
            assert!(s.start >= last && s.start < s.end && s.end <= d.text.len());
            assert_eq!(d.statement_text(i), &d.text[s.start..s.end]);
            assert_eq!(d.statement_text(i).trim(), d.statement_text(i));
            let p = &d.paragraphs[s.paragraph];
            assert!(p.start <= s.start && s.end <= p.end);
            last = s.end;
        }
    }
}

#[test]
fn ids_are_file_stems() {
    let ids: Vec<String> = seed_documents().into_iter().map(|d| d.id).collect();
    assert_eq!(ids[0], "000_6e454b8b9b3284b6");
    assert_eq!(ids.len(), 5);
}

#[test]
fn headings_and_boilerplate_have_their_kinds() {
    let docs = seed_documents();
    assert_eq!(
        find(&docs[0], "No Plans for Putin").0,
        StatementKind::Heading
    );
    assert_eq!(
        find(&docs[0], "Trump’s Unfulfilled Ukraine Pledge").0,
        StatementKind::Heading
    );
    assert_eq!(find(&docs[0], "Also Read:").0, StatementKind::Boilerplate);
    assert_eq!(
        find(&docs[2], "appeared first on Invezz").0,
        StatementKind::Boilerplate
    );
    assert_eq!(
        find(&docs[1], "A High-Stakes Summit With Global Implications").0,
        StatementKind::Heading
    );
    let last = docs[4].statements.last().unwrap();
    assert_eq!(&docs[4].text[last.start..last.end], "New York Times");
    assert_eq!(last.kind, StatementKind::Boilerplate);
    // Ordinary sentences stay body text.
    assert_eq!(find(&docs[3], "The last time Putin").0, StatementKind::Body);
}

#[test]
fn source_and_title_are_inferred() {
    let docs = seed_documents();
    assert_eq!(docs[2].source.as_deref(), Some("Invezz"));
    assert_eq!(
        docs[2].title,
        "Trump and Putin to meet next week; White House confirms president is open to talks"
    );
    for d in &docs {
        assert!(
            !d.title.is_empty() && d.title.chars().count() <= 90,
            "{}",
            d.title
        );
    }
    assert_eq!(docs[0].source, None);
}

#[test]
fn us_abbreviations_do_not_split_sentences() {
    let docs = seed_documents();
    let (_, s) = find(&docs[4], "Former U.S. President Donald Trump");
    assert!(s.ends_with("war in Ukraine."), "{s}");
    let (_, s) = find(&docs[3], "Meanwhile, U.S. Special Envoy Steve Witkoff");
    assert!(s.ends_with("on Wednesday."), "{s}");
}
