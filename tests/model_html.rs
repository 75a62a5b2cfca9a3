//! Web pages: a realistic news page (`tests/data/html/news_page.html`) gives its title,
//! outlet, author and date from its markup, and only the article's sentences as claims:
//! no cookie banner, navigation, byline, dateline, stamp, related links, table drawing or
//! footer. Deeply nested pages load with bounded work and a warning naming the file.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use parallax::model::load::{document_from_text, Format};
use parallax::model::{load_inputs, Document, Severity, StatementKind};

fn news_page() -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/html/news_page.html"
    );
    let report = load_inputs(&[path.to_owned()]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.documents.into_iter().next().unwrap()
}

fn of_kind(d: &Document, kind: StatementKind) -> Vec<&str> {
    (0..d.statements.len())
        .filter(|&i| d.statements[i].kind == kind)
        .map(|i| d.statement_text(i))
        .collect()
}

#[test]
fn the_markup_gives_title_outlet_author_and_date() {
    let d = news_page();
    assert_eq!(
        d.title,
        "Putin and Trump agree to meet next week, Kremlin says"
    );
    assert_eq!(d.source.as_deref(), Some("The Daily Courier"));
    assert_eq!(d.author.as_deref(), Some("Jane Doe"));
    assert_eq!(d.published.as_deref(), Some("2025-08-07T09:30:00+00:00"));
}

#[test]
fn the_claims_are_the_article_sentences_and_nothing_else() {
    let d = news_page();
    let body = of_kind(&d, StatementKind::Body);
    let want = [
        "Russian President Vladimir Putin and U.S. President Donald Trump have agreed to meet in the coming days, the Kremlin said on Thursday.",
        "Kremlin foreign policy aide Yuri Ushakov told reporters that the two sides had agreed in principle on the summit and were now working on the details.",
        "He said a venue had been chosen but would be announced later.",
        "The announcement followed a nearly three-hour meeting in the Kremlin on Wednesday between Putin and Trump's special envoy, Steve Witkoff.",
        "Both sides described the talks as useful and constructive.",
        "It would be the first meeting between sitting U.S. and Russian presidents since Joe Biden met Putin in Geneva in June 2021.",
        "The White House did not immediately respond to a request for comment on the timing of the meeting.",
    ];
    for w in want {
        assert!(body.contains(&w), "missing {w:?} in {body:#?}");
    }
    let all = d.text.to_lowercase();
    for gone in [
        "cookies",
        "accept all",
        "manage preferences",
        "business",
        "opinion",
        "related stories",
        "sanctions deadline looms",
        "about us",
        "all rights reserved",
        "datalayer",
        "getelementbyid",
        "newsletter",
    ] {
        assert!(!all.contains(gone), "{gone:?} in the text:\n{}", d.text);
    }
    for claim in &body {
        for marker in ["By Jane Doe", "(Reuters)", "Updated", "|", "─", "│"] {
            assert!(!claim.contains(marker), "{marker:?} in claim {claim:?}");
        }
    }
}

#[test]
fn byline_dateline_and_stamp_are_metadata_not_claims() {
    let d = news_page();
    let boiler = of_kind(&d, StatementKind::Boilerplate);
    // The readability pass lifts the byline and stamp out of the article (they are in the
    // metadata); the dateline stays in the text, as a statement of its own.
    assert!(boiler.contains(&"MOSCOW (Reuters) -"), "{boiler:?}");
    for line in ["By Jane Doe", "Updated: August 7, 2025 2:05 PM GMT"] {
        assert!(
            !d.text.contains(line) || boiler.contains(&line),
            "{line:?} is in the text but not boilerplate: {boiler:?}"
        );
    }
}

#[test]
fn without_a_main_content_the_whole_page_is_read_with_the_same_rules() {
    // Too short for the readability pass: the page is converted whole.
    let html = "<html><head><meta property='og:site_name' content='Rediff'></head><body>\
        <h1>Navy foils pirate attack</h1><p>By Jane Doe</p>\
        <p>Last updated on: November 11, 2011 19:04 IST</p>\
        <p>Mumbai, Nov 11 - The Navy thwarted an attack on Thursday.</p></body></html>";
    let d = document_from_text("p".into(), "p.html".into(), html, Format::Html);
    assert_eq!(d.source.as_deref(), Some("Rediff"));
    assert_eq!(d.author.as_deref(), Some("Jane Doe"));
    assert_eq!(d.title, "Navy foils pirate attack");
    assert_eq!(
        of_kind(&d, StatementKind::Body),
        ["The Navy thwarted an attack on Thursday."]
    );
    assert_eq!(
        of_kind(&d, StatementKind::Boilerplate),
        [
            "By Jane Doe",
            "Last updated on: November 11, 2011 19:04 IST",
            "Mumbai, Nov 11 -"
        ]
    );
}

#[test]
fn the_table_reads_as_rows_of_cells() {
    let d = news_page();
    for row in ["Year | City | Leaders", "2018 | Helsinki | Trump, Putin"] {
        assert!(d.text.contains(row), "{row:?} not in\n{}", d.text);
    }
    assert!(!d.text.contains('─') && !d.text.contains('│'));
}

#[test]
fn a_cookie_banner_without_markup_hints_is_still_no_claim_or_title() {
    // No id or class names it: the text rules of assets/boilerplate.toml must catch it, and
    // the page's <title> names the report.
    let html = "<html><head><title>Summit agreed</title></head><body>\
        <div class=\"notice\"><p>We use cookies to give you the best experience on our website.</p>\
        <p>By continuing to use this site you agree to our use of cookies.</p></div>\
        <p>Putin and Trump will meet next week, the Kremlin said on Thursday.</p>\
        <p>The venue has not been announced.</p></body></html>";
    let d = document_from_text("p".into(), "p.html".into(), html, Format::Html);
    assert_eq!(d.title, "Summit agreed");
    // Without a <title>, the first claim names the report, never the banner.
    let untitled = html.replace("<title>Summit agreed</title>", "");
    let u = document_from_text("p".into(), "p.html".into(), &untitled, Format::Html);
    assert!(
        u.title.starts_with("Putin and Trump will meet"),
        "{}",
        u.title
    );
    let body = of_kind(&d, StatementKind::Body);
    assert_eq!(
        body,
        [
            "Putin and Trump will meet next week, the Kremlin said on Thursday.",
            "The venue has not been announced."
        ]
    );
}

#[test]
fn a_page_without_metadata_takes_its_title_from_the_text() {
    let html = "<p>Putin and Trump will meet next week, the Kremlin said on Thursday.</p>";
    let d = document_from_text("p".into(), "p.html".into(), html, Format::Html);
    assert_eq!(d.source, None);
    assert_eq!(d.published, None);
    assert!(
        d.title.starts_with("Putin and Trump will meet"),
        "{}",
        d.title
    );
}

#[test]
fn deeply_nested_divs_load_with_bounded_depth_and_a_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.html");
    let n = 100_000;
    let html = format!(
        "<html><body>{}<p>The sentence at the bottom of the nest.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    std::fs::write(&path, html).unwrap();
    let name = path.display().to_string();
    let report = load_inputs(std::slice::from_ref(&name));
    let d = &report.documents[0];
    assert!(d.text.contains("The sentence at the bottom of the nest."));
    let warning = report
        .problems
        .iter()
        .find(|p| p.severity == Severity::Warning)
        .unwrap_or_else(|| panic!("no warning: {:?}", report.problems));
    assert_eq!(warning.path, name);
    assert!(
        warning.message.contains("100003 elements deep"),
        "{}",
        warning.message
    );
    assert!(warning.message.contains("depth 200"), "{}", warning.message);
}
