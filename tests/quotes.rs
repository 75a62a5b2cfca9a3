//! Quotes and attributions on the seeds (the examples of issue 13) and on hand-written cases.
// A test unwraps what it set up itself: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

use parallax::model::embedded::seed_documents;
use parallax::model::structure::build;
use parallax::model::Document;
use parallax::quotes::{self, certainty::Level, QuoteKind};

fn doc(text: &str) -> Document {
    build("t".into(), "t".into(), text.into())
}

/// (text, speaker, verb) of each direct quotation of a text.
fn direct(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let d = doc(text);
    quotes::extract(&d)
        .into_iter()
        .filter(|i| i.kind == QuoteKind::Direct)
        .map(|i| (i.text(&d), i.speaker, i.verb))
        .collect()
}

fn one(text: &str, speaker: &str, verb: &str) -> (String, Option<String>, Option<String>) {
    (text.into(), Some(speaker.into()), Some(verb.into()))
}

#[test]
fn speaker_after_and_before_the_quote_straight_and_curly() {
    assert_eq!(
        direct("“We won,” Trump told reporters."),
        [one("We won", "Trump", "told")]
    );
    assert_eq!(
        direct("\"We won,\" said Karoline Leavitt."),
        [one("We won", "Karoline Leavitt", "said")]
    );
    assert_eq!(
        direct("Ushakov said: ‘We agreed.’"),
        [one("We agreed.", "Ushakov", "said")]
    );
}

#[test]
fn pronouns_take_the_last_person_named_and_full_names_come_from_the_report() {
    let got = direct("US President Donald Trump spoke on Friday. “We did it with India,” he said.");
    assert_eq!(got, [one("We did it with India", "Donald Trump", "said")]);
}

#[test]
fn a_split_quote_is_one_instance_with_two_parts() {
    let d = doc("“We did it with India,” he said, “and we're doing it with others.”");
    let got = quotes::extract(&d);
    let direct: Vec<_> = got.iter().filter(|i| i.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].parts.len(), 2);
    assert_eq!(
        direct[0].text(&d),
        "We did it with India … and we're doing it with others."
    );
}

#[test]
fn nested_and_multi_sentence_quotes_keep_exact_ranges() {
    let text = "“He told me ‘never again.’ Then he left,” Rutte said.";
    let d = doc(text);
    let got = quotes::extract(&d);
    let texts: Vec<&str> = got.iter().map(|i| &text[i.span()]).collect();
    assert!(texts.contains(&"He told me ‘never again.’ Then he left"));
    assert!(texts.contains(&"never again."));
    let outer = got.iter().find(|i| i.depth == 0).unwrap();
    assert_eq!(outer.speaker.as_deref(), Some("Rutte"));
}

#[test]
fn apostrophes_are_not_quotes() {
    assert!(direct("Trump’s envoy loved the ’90s and rock ’n’ roll.").is_empty());
    assert!(direct("Trump's envoy loved the '90s and rock 'n' roll.").is_empty());
}

#[test]
fn scare_quotes_and_indirect_speech() {
    let d = doc("Trump praised “progress” in Moscow. Trump said there was a very good chance of a meeting soon.");
    let got = quotes::extract(&d);
    assert!(got
        .iter()
        .any(|i| i.kind == QuoteKind::Direct && i.text(&d) == "progress"));
    assert!(got.iter().any(|i| i.kind == QuoteKind::Indirect
        && i.text(&d) == "there was a very good chance of a meeting soon"
        && i.speaker.as_deref() == Some("Trump")));
}

/// The direct instances of the seed quote whose instances include `words`: (doc, text).
fn seed_quote(words: &str) -> (quotes::Quote, Vec<(usize, String)>) {
    let docs = seed_documents();
    let all = quotes::quotes(&docs);
    let q = all
        .into_iter()
        .find(|q| q.instances.iter().any(|i| i.text(&docs[i.doc]) == words))
        .unwrap_or_else(|| panic!("no quote with {words:?}"));
    let inst = q
        .instances
        .iter()
        .filter(|i| i.kind == QuoteKind::Direct)
        .map(|i| (i.doc, i.text(&docs[i.doc])))
        .collect();
    (q, inst)
}

#[test]
fn seeds_trumps_good_chance_in_four_reports_with_drift_and_a_paraphrase() {
    let (q, inst) = seed_quote("very good chance");
    for want in [
        (1, "very good prospect"),
        (2, "very good chance"),
        (
            3,
            "There’s a good chance that there will be a meeting very soon",
        ),
        (4, "good chance"),
    ] {
        assert!(
            inst.contains(&(want.0, want.1.to_owned())),
            "{want:?} not in {inst:?}"
        );
    }
    assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
    assert!(q.drift && q.paraphrase && !q.misattributed);
}

#[test]
fn seeds_ushakovs_verdict_and_zelenskys_pressure() {
    let (q, inst) = seed_quote("quite useful and constructive");
    assert_eq!(inst.iter().map(|i| i.0).collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(q.speaker.as_deref(), Some("Yuri Ushakov"));
    assert!(q.drift && !q.misattributed);
    let (q, inst) = seed_quote("The pressure on them is working");
    assert_eq!(inst.iter().map(|i| i.0).collect::<Vec<_>>(), [1, 4]);
    assert!(q
        .speaker
        .as_deref()
        .is_some_and(|s| s.starts_with("Volodymyr Zelensk")));
    // 001's words are an excerpt of 004's: no drift.
    assert!(!q.drift);
    let (q, _) = seed_quote("We did it with India. We’re probably doing it with a couple of others. One of them could be China");
    assert!(q.drift);
    assert_eq!(
        q.instances
            .iter()
            .filter(|i| i.kind == QuoteKind::Direct)
            .count(),
        2
    );
}

#[test]
fn seeds_the_meeting_claim_cites_three_kinds_of_source() {
    let docs = seed_documents();
    let mut sources: Vec<String> = docs
        .iter()
        .flat_map(quotes::attributions)
        .map(|a| a.source)
        .collect();
    sources.sort();
    sources.dedup();
    for want in [
        "New York Times",
        "Associated Press",
        "people familiar with the matter",
        "senior White House official",
    ] {
        assert!(
            sources.iter().any(|s| s == want),
            "{want} not in {sources:?}"
        );
    }
}

#[test]
fn seeds_the_meeting_claim_group_cites_three_sources_that_differ_by_report() {
    let docs = seed_documents();
    let alignment = parallax::align::align(&docs);
    let claim = alignment
        .groups
        .iter()
        .find(|g| {
            g.members.iter().any(|m| {
                docs[m.doc]
                    .statement_text(m.statement)
                    .contains("a senior White House official confirmed")
            })
        })
        .expect("the meeting claim is a group");
    let cmp = quotes::compare_claim(&docs, &claim.members);
    let cited: Vec<&str> = cmp
        .members
        .iter()
        .flat_map(|m| m.sources.iter().map(String::as_str))
        .collect();
    for want in ["New York Times", "senior White House official", "Kremlin"] {
        assert!(cited.contains(&want), "{want} not in {cited:?}");
    }
    // The reports disagree on the source: some member is flagged, and never all of them
    // (the claim's members share sources among themselves too).
    assert!(!cmp.source_differs.is_empty(), "{cmp:?}");
    assert!(cmp.source_differs.len() < cmp.members.len(), "{cmp:?}");
    assert!(
        cmp.members
            .iter()
            .filter(|m| m.sources.iter().any(|s| s == "Kremlin"))
            .count()
            >= 2
    );
}

#[test]
fn seeds_reportedly_briefed_against_informed() {
    let docs = seed_documents();
    let find = |d: usize, w: &str| {
        let doc = &docs[d];
        (0..doc.statements.len())
            .find(|&s| doc.statement_text(s).contains(w))
            .unwrap()
    };
    let briefed = docs[4].statement_text(find(4, "reportedly briefed"));
    let informed = docs[2].statement_text(find(2, "informed European leaders"));
    assert_eq!(quotes::certainty(briefed).level, Level::Hedged);
    assert!(quotes::certainty(informed).hedges.is_empty());
    let members = [
        parallax::align::StatementRef {
            doc: 2,
            statement: find(2, "informed European leaders"),
        },
        parallax::align::StatementRef {
            doc: 4,
            statement: find(4, "reportedly briefed"),
        },
    ];
    let cmp = quotes::compare_claim(&docs, &members);
    assert!(!cmp.certainty_differs.is_empty());
    // 002 cites the NYT, 004 no one: an omission, not a disagreement on the source
    // (tests/quotes_differs.rs pins the rule).
    assert!(cmp.source_differs.is_empty(), "{cmp:?}");
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    /// Text made of words, spaces, line breaks and every kind of quotation mark.
    fn texty() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("said".to_owned()),
                Just("Trump".to_owned()),
                Just("he".to_owned()),
                Just("word".to_owned()),
                Just("é".to_owned()),
                Just(" ".to_owned()),
                Just("\n".to_owned()),
                Just(", ".to_owned()),
                Just(". ".to_owned()),
                Just(":".to_owned()),
                "[“”‘’\"'«»„]".prop_map(|s| s),
            ],
            0..60,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Every instance's parts are non-empty slices of the document on character
        /// boundaries, in order, inside the text, and its statement exists.
        #[test]
        fn instances_are_exact_slices(text in texty()) {
            let d = doc(&text);
            for i in quotes::extract(&d) {
                prop_assert!(i.statement < d.statements.len());
                let mut last = 0;
                for r in &i.parts {
                    prop_assert!(r.start < r.end && r.end <= d.text.len());
                    prop_assert!(d.text.is_char_boundary(r.start) && d.text.is_char_boundary(r.end));
                    prop_assert!(r.start >= last);
                    last = r.end;
                }
            }
            for a in quotes::attributions(&d) {
                prop_assert!(a.start < a.end && d.text.get(a.start..a.end) == Some(a.text.as_str()));
            }
            let _ = quotes::certainty(&d.text);
            let _ = quotes::quotes(std::slice::from_ref(&d));
        }
    }
}

#[test]
fn the_same_words_given_to_two_people_are_misattributed() {
    let a = build(
        "a".into(),
        "a".into(),
        "“We will rebuild every bridge before the winter,” Donald Trump said on Friday.".into(),
    );
    let b = build(
        "b".into(),
        "b".into(),
        "“We will rebuild every bridge before the winter,” Joe Biden told reporters.".into(),
    );
    let c = build(
        "c".into(),
        "c".into(),
        "Trump spoke in Ohio. “We will rebuild every single bridge before winter,” he said.".into(),
    );
    let all = quotes::quotes(&[a, b, c]);
    assert_eq!(all.len(), 1, "{all:?}");
    let q = &all[0];
    assert_eq!(q.instances.len(), 3);
    assert!(q.misattributed && q.drift);
    assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
}
