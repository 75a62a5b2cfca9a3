//! Fuzz target: two arbitrary documents align without panic, and every link, group and word
//! diff keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::align::{align, compare_pair, word_diff, Status, StatementRef};
use parallax::model::load::{document_from_text, Format};
use parallax::model::StatementKind;

fn covers(segments: &[parallax::align::Segment], len: usize) -> bool {
    let mut at = 0;
    for s in segments {
        if s.range.start != at || s.range.end < s.range.start {
            return false;
        }
        at = s.range.end;
    }
    at == len
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first '|' separates the two reports (no '|': the same text twice).
    let (a, b) = text.split_once('|').unwrap_or((&text, &text));
    let docs = vec![
        document_from_text("a".into(), "a".into(), a, Format::Text),
        document_from_text("b".into(), "b".into(), b, Format::Text),
    ];
    let al = align(&docs);
    for l in &al.links {
        assert!(l.a.doc < l.b.doc);
        assert!((0.0..=1.0).contains(&l.score), "score {}", l.score);
        for r in [l.a, l.b] {
            assert_eq!(docs[r.doc].statements[r.statement].kind, StatementKind::Body);
            assert_ne!(al.status(r), Status::Unique);
        }
    }
    for g in &al.groups {
        let mut ds: Vec<usize> = g.members.iter().map(|m| m.doc).collect();
        ds.dedup();
        assert_eq!(ds.len(), g.support);
    }
    for (d, doc) in docs.iter().enumerate() {
        for i in 0..doc.statements.len() {
            let _ = al.support(StatementRef { doc: d, statement: i });
        }
    }
    let wd = word_diff(a, b);
    assert!(covers(&wd.left, a.len()) && covers(&wd.right, b.len()));
    let j = compare_pair(a, b);
    assert!((0.0..=1.0).contains(&j.score));
});
