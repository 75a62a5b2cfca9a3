//! Hostile inputs met at load: invisible characters inside words, markup and folder trees built
//! to make the loader work for minutes, text that is not English, binary files in disguise.
//! The slow inputs are asserted as bounded work (what was reached, what was warned), not timed;
//! their times are in BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use parallax::align::align;
use parallax::model::embedded::SEEDS;
use parallax::model::load::{document_from_text, Format};
use parallax::model::Document;

fn doc(id: &str, text: &str, format: Format) -> Document {
    document_from_text(id.into(), format!("{id}.txt"), text, format)
}

/// Insert `marks` (cycling) after the second character of every word of five letters or more.
fn salt(text: &str, marks: &[&str]) -> String {
    let mut out = String::new();
    let mut n = 0;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
            let cut: usize = word.chars().take(2).map(char::len_utf8).sum();
            out.push_str(&word[..cut]);
            out.push_str(marks[n % marks.len()]);
            out.push_str(&word[cut..]);
            n += 1;
        } else {
            out.push_str(word);
        }
    }
    out
}

#[test]
fn invisible_characters_inside_words_do_not_break_linking() {
    let (a, b) = (SEEDS[0].1, SEEDS[3].1);
    let clean = align(&[doc("a", a, Format::Text), doc("b", b, Format::Text)]);
    assert!(clean.links.len() >= 5, "{}", clean.links.len());
    for marks in [
        &["\u{200b}"][..],
        &["\u{ad}"],
        &["\u{2060}"],
        &["\u{e0041}\u{e0042}"],
        &[
            "\u{200b}", "\u{ad}", "\u{2060}", "\u{feff}", "\u{200d}", "\u{fe0f}",
        ],
    ] {
        let dirty = doc("b", &salt(b, marks), Format::Text);
        assert!(
            !dirty
                .text
                .contains(['\u{200b}', '\u{ad}', '\u{2060}', '\u{e0041}']),
            "{marks:?} survived"
        );
        let al = align(&[doc("a", a, Format::Text), dirty]);
        assert_eq!(al.links.len(), clean.links.len(), "with {marks:?}");
    }
}

#[test]
fn soft_hyphen_entities_in_html_do_not_break_linking() {
    let (a, b) = (SEEDS[0].1, SEEDS[3].1);
    let html = |t: &str| -> String {
        let body: String = t.split("\n\n").map(|p| format!("<p>{p}</p>\n")).collect();
        format!("<!DOCTYPE html><html><body>{body}</body></html>")
    };
    let clean = align(&[doc("a", a, Format::Text), doc("b", &html(b), Format::Html)]);
    assert!(clean.links.len() >= 5, "{}", clean.links.len());
    let dirty = doc(
        "b",
        &html(&salt(b, &["&shy;", "&#8203;", "&#x2060;"])),
        Format::Html,
    );
    assert!(!dirty.text.contains(['\u{ad}', '\u{200b}', '\u{2060}']));
    let al = align(&[doc("a", a, Format::Text), dirty]);
    assert_eq!(al.links.len(), clean.links.len());
}
