//! Hostile inputs met at load: invisible characters inside words, markup and folder trees built
//! to make the loader work for minutes, text that is not English, binary files in disguise.
//! The slow inputs are asserted as bounded work (what was reached, what was warned), not timed;
//! their times are in BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use parallax::align::align;
use parallax::model::embedded::SEEDS;
use parallax::model::load::{document_from_text, Format};
use parallax::model::{load_inputs, Document, Severity};

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

fn path(p: &std::path::Path) -> String {
    p.to_str().unwrap().to_owned()
}

#[test]
fn pdf_without_nul_bytes_is_refused_by_name_not_read_as_latin1() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.txt");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    )
    .unwrap();
    let r = load_inputs(&[path(&pdf)]);
    assert!(r.documents.is_empty());
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].message, "a PDF file, not text");
    assert_eq!(r.problems[0].severity, Severity::Refused);
}

#[test]
fn utf16_and_utf32_without_a_mark_load_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = SEEDS[0].1;
    let le16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be32: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_be_bytes())
        .collect();
    for (name, bytes, enc) in [("a.txt", le16, "UTF-16LE"), ("b.txt", be32, "UTF-32BE")] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let r = load_inputs(&[path(&p)]);
        assert_eq!(r.documents.len(), 1, "{name}: {:?}", r.problems);
        assert_eq!(r.documents[0].text, doc("x", text, Format::Text).text);
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].message.contains(enc), "{:?}", r.problems);
    }
}

#[test]
fn reports_not_in_english_are_loaded_with_a_warning_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        ("ru.txt", "Президент России Владимир Путин и президент США Дональд Трамп встретятся в Женеве в понедельник, сообщили в Кремле в четверг. Саммит станет первым с июня 2021 года."),
        ("ar.txt", "قال الكرملين يوم الخميس إن الرئيس الروسي فلاديمير بوتين والرئيس الأمريكي دونالد ترامب سيلتقيان في جنيف يوم الاثنين المقبل."),
        ("zh.txt", "克里姆林宫周四表示，俄罗斯总统普京和美国总统特朗普将于下周一在日内瓦会面，这将是两国领导人自二零二一年六月以来的首次会晤。"),
    ];
    let mut inputs = Vec::new();
    for (name, t) in texts {
        let p = dir.path().join(name);
        std::fs::write(&p, t).unwrap();
        inputs.push(path(&p));
    }
    let en = dir.path().join("en.txt");
    std::fs::write(&en, SEEDS[1].1).unwrap();
    inputs.push(path(&en));
    let r = load_inputs(&inputs);
    assert_eq!(r.documents.len(), 4);
    assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
    for (p, input) in r.problems.iter().zip(&inputs) {
        assert_eq!(&p.path, input);
        assert_eq!(p.severity, Severity::Warning);
        assert!(p.message.contains("not look like English"), "{}", p.message);
    }
}

#[test]
fn a_folder_tree_a_thousand_levels_deep_is_cut_at_the_depth_bound_with_a_warning() {
    use parallax::model::walk::MAX_FOLDER_DEPTH;
    let dir = tempfile::tempdir().unwrap();
    let mut p = dir.path().to_path_buf();
    let mut at_bound = None;
    for level in 1..=1000 {
        p.push("d");
        if level == MAX_FOLDER_DEPTH {
            at_bound = Some(p.clone());
        }
        if level == 10 || level == MAX_FOLDER_DEPTH || level == MAX_FOLDER_DEPTH + 1 {
            std::fs::create_dir_all(&p).unwrap();
            std::fs::write(p.join(format!("r{level}.txt")), SEEDS[level % 5].1).unwrap();
        }
    }
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("bottom.txt"), SEEDS[0].1).unwrap();
    let r = load_inputs(&[path(dir.path())]);
    let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    // The depth reached: files down to the bound load, nothing below it.
    assert_eq!(ids, ["r64", "r10"], "{:?}", r.problems); // walk order: d/ sorts before r10.txt
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let w = &r.problems[0];
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.path, path(&at_bound.unwrap()));
    assert!(w.message.contains("deeper than 64 levels"), "{}", w.message);
}

/// Run `f` on another thread; fail (rather than hang) if it does not finish in `secs`.
fn finishes<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .expect("did not finish: super-linear work")
}

#[test]
fn markdown_of_a_megabyte_of_unclosed_brackets_converts_every_bracket() {
    // 1 MiB of `[` with no `]`, and of `[x](` with no `)`: each took minutes when every bracket
    // searched the rest of the line. The bound is a watchdog only; BENCHMARKS.md has the times.
    for (unit, n) in [("[", 1 << 20), ("[x](", 1 << 18)] {
        let md = unit.repeat(n);
        let d = finishes(60, move || doc("m", &md, Format::Markdown));
        assert_eq!(d.text.trim_end().len(), unit.len() * n);
        assert_eq!(d.statements.len(), 1);
    }
}
