//! Invariants of the alignment engine and the word diff on arbitrary input.
// A test unwraps what it set up itself: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

use parallax::align::{align, word_diff, Change};
use parallax::model::load::{document_from_text, Format};
use parallax::model::StatementKind;
use proptest::prelude::*;

/// Reports made of sentences drawn from a small vocabulary, so that links do happen.
fn reports() -> impl Strategy<Value = Vec<String>> {
    let word = prop::sample::select(vec![
        "Trump",
        "Putin",
        "met",
        "in",
        "Geneva",
        "on",
        "Friday",
        "48",
        "hours",
        "a",
        "day",
        "the",
        "summit",
        "talks",
        "“good",
        "chance”",
        "very",
        "said",
        "2021",
        "June",
        "deadline",
        "tariffs",
        "25%",
        "India",
        "Kyiv",
        "Kiev",
        "Zelensky",
        "Zelenskyy",
    ]);
    let sentence = prop::collection::vec(word, 3..14).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    });
    let report = prop::collection::vec(sentence, 1..8).prop_map(|s| s.join(" "));
    prop::collection::vec(report, 2..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn links_are_ordered_in_range_and_deterministic(texts in reports()) {
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| document_from_text(format!("d{i}"), format!("d{i}.txt"), t, Format::Text))
            .collect();
        let al = align(&docs);
        for l in &al.links {
            prop_assert!(l.a.doc < l.b.doc);
            prop_assert!((0.0..=1.0).contains(&l.score));
            for r in [l.a, l.b] {
                prop_assert_eq!(docs[r.doc].statements[r.statement].kind, StatementKind::Body);
            }
            prop_assert_eq!(l.relation == parallax::align::Relation::Divergent, !l.differences.is_empty());
        }
        for g in &al.groups {
            prop_assert!(g.support >= 2);
            for m in &g.members {
                prop_assert_eq!(al.group_of(*m).map(|x| &al.groups[x]), Some(g));
            }
        }
        let again = align(&docs);
        prop_assert_eq!(&al.links, &again.links);
        prop_assert_eq!(&al.groups, &again.groups);
    }

    #[test]
    fn word_diff_covers_both_strings_in_order(a in "\\PC{0,80}", b in "\\PC{0,80}") {
        let d = word_diff(&a, &b);
        for (s, segs) in [(&a, &d.left), (&b, &d.right)] {
            let mut pos = 0;
            for seg in segs {
                prop_assert_eq!(seg.range.start, pos);
                prop_assert!(seg.range.end > seg.range.start);
                prop_assert!(s.is_char_boundary(seg.range.start) && s.is_char_boundary(seg.range.end));
                pos = seg.range.end;
            }
            prop_assert_eq!(pos, s.len());
            for w in segs.windows(2) {
                prop_assert_ne!(w[0].change, w[1].change);
            }
        }
        prop_assert!(word_diff(&a, &a).left.iter().all(|s| s.change == Change::Equal));
    }
}

#[test]
fn one_thread_and_many_give_the_same_alignment() {
    let docs = parallax::model::embedded::seed_documents();
    let many = align(&docs);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| align(&docs));
    assert_eq!(many.links, one.links);
    assert_eq!(many.groups, one.groups);
}
