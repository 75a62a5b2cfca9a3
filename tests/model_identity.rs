//! A report's identity from its own text: the outlet (credits, datelines, web addresses,
//! bylines), the author and the publication date; and the lines that state them (bylines,
//! datelines, date stamps, drawn tables) are never claims.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use parallax::model::embedded::seed_documents;
use parallax::model::load::{document_from_text, Format};
use parallax::model::{Document, StatementKind};

fn doc(text: &str) -> Document {
    document_from_text("t".into(), "t.txt".into(), text, Format::Text)
}

/// Every statement as (kind, text).
fn kinds(d: &Document) -> Vec<(StatementKind, &str)> {
    (0..d.statements.len())
        .map(|i| (d.statements[i].kind, d.statement_text(i)))
        .collect()
}

fn body(d: &Document) -> Vec<&str> {
    kinds(d)
        .into_iter()
        .filter(|(k, _)| *k == StatementKind::Body)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn a_reuters_dateline_and_credit_name_reuters_and_keep_the_first_sentence() {
    let d = doc("Senate passes the budget\n\
        WASHINGTON (Reuters) - The U.S. Senate passed the budget on Friday. The vote was 52-48.\n\
        Both parties claimed victory.\n\
        (Reporting by Jane Doe in Washington; Editing by John Roe)");
    assert_eq!(d.source.as_deref(), Some("Reuters"));
    let k = kinds(&d);
    assert_eq!(k[1], (StatementKind::Boilerplate, "WASHINGTON (Reuters) -"));
    assert_eq!(
        k[2],
        (
            StatementKind::Body,
            "The U.S. Senate passed the budget on Friday."
        )
    );
    assert_eq!(k.last().unwrap().0, StatementKind::Boilerplate);
    assert_eq!(
        body(&d),
        [
            "The U.S. Senate passed the budget on Friday.",
            "The vote was 52-48.",
            "Both parties claimed victory."
        ]
    );
    // Offsets stay exact: the dateline and the sentence after it tile the paragraph.
    let (a, b) = (&d.statements[1], &d.statements[2]);
    assert_eq!(d.text[a.end..b.start].trim(), "");
    assert_eq!(a.paragraph, b.paragraph);
}

#[test]
fn agencies_in_datelines_and_credits_are_named_readably() {
    let cases = [
        ("KYIV, Ukraine (AP) — Russia launched drones overnight, officials said.\nMore followed.", "Associated Press"),
        ("PARIS, Nov 11 (AFP) - Protesters marched on Saturday.\nPolice watched.", "AFP"),
        ("Protesters marched on Saturday.\nPolice watched.\n— Reuters", "Reuters"),
        ("Protesters marched on Saturday.\nPolice watched.\nCopyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
        ("https://www.reuters.com/world/europe/protest-2024-11-11/\nProtesters marched on Saturday.\nPolice watched.", "Reuters"),
        ("Protesters marched on Saturday.\nPolice watched.\nSource: https://invezz.com/news/2024/11/11/protest", "invezz.com"),
        ("By Jane Doe, Sky News\nProtesters marched on Saturday.\nPolice watched.", "Sky News"),
        ("By The Associated Press\nProtesters marched on Saturday.\nPolice watched.", "Associated Press"),
    ];
    for (text, want) in cases {
        let d = doc(text);
        assert_eq!(d.source.as_deref(), Some(want), "{text}");
        for claim in body(&d) {
            for marker in ["(AP)", "(AFP)", "Reuters", "Copyright", "http", "By "] {
                assert!(!claim.contains(marker), "{claim:?} in {text}");
            }
        }
        assert_eq!(body(&d).len(), 2, "{text}");
    }
}

#[test]
fn a_report_that_names_no_outlet_has_none() {
    for text in [
        "Protesters marched on Saturday, according to the Associated Press.\nPolice watched.",
        "Protesters marched on Saturday.\nJane Doe",
        "Protesters marched on Saturday.\nSee https://example.com for the full list of 3 marches.",
        "NATO allies met in Brussels on Monday.\nThey agreed on little.",
    ] {
        assert_eq!(doc(text).source, None, "{text}");
    }
}

#[test]
fn bylines_stamps_and_datelines_are_metadata_not_claims() {
    let d = doc("Navy foils pirate attack in the Gulf of Aden\n\
        By Jane Doe and John Roe\n\
        Published: November 11, 2011 19:04 IST\n\
        Last updated on: November 11, 2011 20:09 IST\n\
        Mumbai, Nov 11 - The Indian Navy thwarted an attack by pirates on Thursday.\n\
        WASHINGTON-April 27 - Officials in Washington welcomed the news.\n\
        The ship was escorting five merchant vessels.");
    assert_eq!(d.author.as_deref(), Some("Jane Doe and John Roe"));
    assert_eq!(d.published.as_deref(), Some("November 11, 2011 19:04 IST"));
    assert_eq!(d.title, "Navy foils pirate attack in the Gulf of Aden");
    assert_eq!(
        body(&d),
        [
            "The Indian Navy thwarted an attack by pirates on Thursday.",
            "Officials in Washington welcomed the news.",
            "The ship was escorting five merchant vessels."
        ]
    );
    let boiler: Vec<&str> = kinds(&d)
        .into_iter()
        .filter(|(k, _)| *k == StatementKind::Boilerplate)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        boiler,
        [
            "By Jane Doe and John Roe",
            "Published: November 11, 2011 19:04 IST",
            "Last updated on: November 11, 2011 20:09 IST",
            "Mumbai, Nov 11 -",
            "WASHINGTON-April 27 -"
        ]
    );
}

#[test]
fn sentences_starting_with_by_or_a_place_stay_claims() {
    let d = doc("By the time help arrived, the man had died.\n\
        Moscow has said - again - that it will meet.\n\
        By Friday, Microsoft was aware of the flaw.");
    assert_eq!(body(&d).len(), 3, "{:?}", kinds(&d));
    assert_eq!(d.author, None);
}

#[test]
fn drawn_tables_in_text_are_boilerplate() {
    let d = doc("Results were announced.\n\n┌──────┬───────┐\n│ Name │ Votes │\n├──────┼───────┤\n│ Doe  │ 5,120 │\n└──────┴───────┘\n\nDoe won.");
    assert_eq!(
        body(&d),
        ["Results were announced.", "Doe won."],
        "{:?}",
        kinds(&d)
    );
}

#[test]
fn headline_or_sentence_without_a_period() {
    // Blank lines between: each line is a paragraph of its own, whatever the wrapping.
    let d = doc("Navy pins down Somali pirates in heroic face-off\n\n\
        The warship immediately changed its route and challenged the pirates ferrying the suspicious vessels\n\n\
        Lindsay Lohan checks into rehab to begin 90-day stint, lawyer says\n\n\
        \"It's significant that it was lost,\" he said\n\n\
        The pirates fled.");
    let k = kinds(&d);
    assert_eq!(k.len(), 5, "{k:?}");
    assert_eq!(k[0].0, StatementKind::Heading);
    assert_eq!(k[1].0, StatementKind::Body);
    assert_eq!(k[2].0, StatementKind::Heading);
    assert_eq!(k[3].0, StatementKind::Body);
}

#[test]
fn seeds_name_the_outlets_they_state() {
    let docs = seed_documents();
    let sources: Vec<Option<&str>> = docs.iter().map(|d| d.source.as_deref()).collect();
    // 001 cites the Associated Press as its source of news, which does not make it AP's.
    assert_eq!(
        sources,
        [None, None, Some("Invezz"), None, Some("New York Times")]
    );
}
