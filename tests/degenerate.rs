//! Degenerate corpora never panic and give sensible results: one report, identical reports,
//! reports without claims, one sentence repeated a thousand times, text without spaces.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use std::time::{Duration, Instant};

use parallax::align::{align, Relation, StatementRef, Status};
use parallax::model::load::{document_from_text, Format};
use parallax::model::{Document, StatementKind};

fn doc(id: &str, text: &str) -> Document {
    document_from_text(id.into(), format!("{id}.txt"), text, Format::Text)
}

const REPORT: &str = "Russian President Vladimir Putin and US President Donald Trump will meet next week, the Kremlin said on Thursday. \
The summit would be the first between the two leaders since June 2021. \
Officials in Kyiv reacted with caution.";

#[test]
fn one_report_has_only_unique_statements() {
    let docs = vec![doc("a", REPORT)];
    let al = align(&docs);
    assert!(al.links.is_empty() && al.groups.is_empty());
    let st = al.report_stats(0);
    assert_eq!(st.unique, docs[0].body_count());
    assert_eq!(al.overlap(0, 0), 1.0);
    assert!(!parallax::export::to_json(&docs, &al).is_empty());
}

#[test]
fn two_identical_reports_share_every_statement_with_its_twin() {
    let docs = vec![doc("a", REPORT), doc("b", REPORT)];
    let al = align(&docs);
    for i in 0..docs[0].statements.len() {
        let r = StatementRef {
            doc: 0,
            statement: i,
        };
        assert_eq!(
            al.status(r),
            Status::Shared,
            "{}",
            docs[0].statement_text(i)
        );
        let best = &al.counterparts(r, 1)[0];
        assert_eq!(best.0.statement, i);
        assert_eq!(best.1.relation, Relation::Shared);
        assert!(best.1.differences.is_empty());
        assert_eq!(al.support(r), 2);
    }
    assert!((al.overlap(0, 1) - 1.0).abs() < 1e-6);
}

#[test]
fn reports_without_claims_align_to_nothing() {
    let docs = vec![
        doc("heading", "Breaking News\n\nAlso Read: More stories here"),
        doc("a", REPORT),
    ];
    let al = align(&docs);
    assert!(docs[0]
        .statements
        .iter()
        .all(|s| s.kind != StatementKind::Body));
    for i in 0..docs[0].statements.len() {
        assert_eq!(
            al.status(StatementRef {
                doc: 0,
                statement: i
            }),
            Status::NotClaim
        );
    }
    assert!(al.links.iter().all(|l| l.a.doc != 0));
}

#[test]
fn a_thousand_copies_of_one_sentence_stay_fast_and_bounded() {
    let one = "The Kremlin confirmed the summit would take place in Geneva next week. ";
    let docs = vec![
        doc("many", &one.repeat(1000)),
        doc("twice", &one.repeat(2)),
        doc("a", REPORT),
    ];
    let start = Instant::now();
    let al = align(&docs);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(docs[0].statements.len(), 1000);
    // Every copy is the same claim, but the link list must not explode quadratically.
    assert!(al.links.len() <= 20_000, "{} links", al.links.len());
    assert!(
        al.status(StatementRef {
            doc: 1,
            statement: 0
        }) == Status::Shared
    );
}

#[test]
fn text_without_spaces_splits_and_aligns_without_panic() {
    let cjk = "普京和特朗普下周将在日内瓦会面。克里姆林宫周四证实了这一消息。乌克兰官员表示谨慎。";
    let docs = vec![
        doc("zh1", cjk),
        doc("zh2", cjk),
        doc("mixed", "東京 🙂 e\u{301}té."),
    ];
    let al = align(&docs);
    assert!(docs[0].statements.len() >= 3, "{:?}", docs[0].statements);
    for d in &docs {
        for i in 0..d.statements.len() {
            assert!(!d.statement_text(i).is_empty());
        }
    }
    let _ = al.report_stats(2);
}
