//! Repeated text stays bounded, and wire copies of one story still link (issue 12, items 1–2).

use parallax::align::align;
use parallax::model::embedded::seed_documents;
use parallax::model::load::{document_from_text, Format};

#[test]
fn a_sentence_repeated_thousands_of_times_is_aligned_once() {
    let line = "The ministry said the bridge would reopen on Monday after repairs.\n\n";
    let a = document_from_text("a".into(), "a.txt".into(), &line.repeat(2000), Format::Text);
    let b = document_from_text("b".into(), "b.txt".into(), &line.repeat(2000), Format::Text);
    let docs = vec![a, b];
    let al = align(&docs);
    // One link between the two originals, not 4,000,000 between every pair of copies.
    assert_eq!(al.links.len(), 1, "{}", al.links.len());
    assert_eq!(al.repeats.len(), 2 * 1999);
    for &(r, of) in &al.repeats {
        assert_eq!(r.doc, of.doc);
        assert!(of.statement < r.statement);
        // A copy reads as its original: the same claim and status.
        assert_eq!(al.status(r), al.status(of));
        assert_eq!(al.group_of(r), al.group_of(of));
    }
    let json = parallax::export::to_json(&docs, &al);
    assert_eq!(json.matches("\"repeat_of\": 0").count(), 2 * 1999);
}

#[test]
fn fifty_one_wire_copies_of_one_report_share_their_statements() {
    let seed = &seed_documents()[3];
    let docs: Vec<_> = (0..51)
        .map(|i| {
            let text = format!("{}\n\nDistributed by Outlet Number {i}.\n", seed.text);
            document_from_text(
                format!("copy{i}"),
                format!("copy{i}.txt"),
                &text,
                Format::Text,
            )
        })
        .collect();
    let al = align(&docs);
    let body = docs[0]
        .statements
        .iter()
        .filter(|s| s.kind == parallax::model::StatementKind::Body)
        .count();
    // Every body statement of the first copy is linked (not "unique") and its claim spans
    // all 51 copies.
    let linked = (0..docs[0].statements.len())
        .map(|i| parallax::align::StatementRef {
            doc: 0,
            statement: i,
        })
        .filter(|&r| al.group_of(r).is_some_and(|g| al.groups[g].support == 51))
        .count();
    assert!(linked + 1 >= body, "{linked} of {body}");
}
