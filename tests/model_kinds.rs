//! Statement kinds on real reports: ECB+ lines that are sentences stay body text, and a
//! dump of every statement's kind (and every report's identity) for measuring how a rule
//! change moves them.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use parallax::model::{load_inputs, StatementKind};

/// `PARALLAX_KINDS_DIR=/path/to/corpus cargo test --release --test model_kinds -- --ignored
/// --nocapture dump_kinds > kinds.tsv` prints `id<TAB>kind<TAB>statement` for every
/// statement, so two runs (before and after a rule change) can be compared with `diff`.
#[test]
#[ignore = "a measuring tool: needs PARALLAX_KINDS_DIR"]
fn dump_kinds() {
    let dir = std::env::var("PARALLAX_KINDS_DIR").unwrap();
    let report = load_inputs(&[dir]);
    for d in &report.documents {
        for (i, s) in d.statements.iter().enumerate() {
            let text = d.statement_text(i).replace(['\n', '\t'], " ");
            println!("{}\t{}\t{text}", d.id, s.kind.as_str());
        }
    }
}

/// The same for identities: `id<TAB>title<TAB>source<TAB>author<TAB>published`
/// (`dump_identity`), to read over what the identity rules find on a whole corpus.
#[test]
#[ignore = "a measuring tool: needs PARALLAX_KINDS_DIR"]
fn dump_identity() {
    let dir = std::env::var("PARALLAX_KINDS_DIR").unwrap();
    let report = load_inputs(&[dir]);
    let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
    for d in &report.documents {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            d.id,
            d.title,
            or_dash(&d.source),
            or_dash(&d.author),
            or_dash(&d.published)
        );
    }
}

#[test]
fn ecbplus_sentences_without_a_period_are_body_text() {
    let path = format!(
        "{}/tests/data/model/12_5ecbplus.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let report = load_inputs(&[path]);
    let d = &report.documents[0];
    let find = |needle: &str| {
        (0..d.statements.len())
            .find(|&i| d.statement_text(i).contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} missing"))
    };
    let warship = find("The warship immediately changed its route");
    assert_eq!(d.statements[warship].kind, StatementKind::Body);
    // The headline stays a heading and the "Last updated" stamp is no claim.
    assert_eq!(d.statements[find("MUST SEE")].kind, StatementKind::Heading);
    assert_eq!(
        d.statements[find("Last updated on")].kind,
        StatementKind::Boilerplate
    );
}

#[test]
fn an_exclamation_mark_inside_a_name_does_not_end_the_sentence() {
    let path = format!(
        "{}/tests/data/ecbplus/1/1_11ecb.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let report = load_inputs(&[path]);
    let d = &report.documents[0];
    let i = (0..d.statements.len())
        .find(|&i| d.statement_text(i).contains("short lived E!"))
        .unwrap();
    assert!(
        d.statement_text(i).ends_with("where she would party."),
        "{}",
        d.statement_text(i)
    );
}
