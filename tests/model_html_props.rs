//! Property tests for the web page path: on any tag soup (unclosed, misnested, deep, with
//! scripts, comments, tables, banners and metadata cut off anywhere) loading never panics,
//! every statement is an exact trimmed slice of the text, nesting stays bounded, and nothing
//! hostile reaches the title, outlet, author or date.

use parallax::model::clean::is_hostile;
use parallax::model::load::{document_from_text, Format};
use proptest::prelude::*;

/// Fragments that tag soup is made of.
const PIECES: [&str; 34] = [
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "</tr>",
    "</table>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<title>",
    "</title>",
    "<meta property=\"og:title\" content=\"",
    "<meta property='og:site_name' content='",
    "\">",
    "'>",
    "<",
    ">",
    "&amp;",
    "&#x1b;",
    "\u{1b}]0;owned\u{7}",
    "Officials met on Monday. ",
    "They agreed! ",
    "<nav>",
    "</nav>",
    "<div class=\"cookie-banner\">",
    "By Jane Doe\n",
    "WASHINGTON (AP) — ",
    "\n\n",
    "<time datetime=\"2025-08-07\">",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..120)
        .prop_map(|ix| ix.into_iter().map(|i| PIECES[i]).collect())
}

fn clean(s: &str) -> bool {
    !s.chars().any(|c| is_hostile(c) || c == '\n')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_tag_soup_loads_into_exact_statements(html in soup()) {
        let d = document_from_text("p".into(), "p.html".into(), &html, Format::Html);
        let mut last = 0;
        for (i, s) in d.statements.iter().enumerate() {
            prop_assert!(s.start >= last && s.start < s.end && s.end <= d.text.len());
            let t = d.statement_text(i);
            prop_assert_eq!(t.trim(), t);
            last = s.end;
        }
        prop_assert!(clean(&d.title), "title {:?}", d.title);
        for field in [&d.source, &d.author, &d.published].into_iter().flatten() {
            prop_assert!(clean(field), "{:?}", field);
        }
    }

    #[test]
    fn deep_soup_is_flattened_with_a_warning(depth in 201usize..3000, tail in soup()) {
        let html = format!("{}{tail}", "<div><span>".repeat(depth / 2 + 1));
        let d = document_from_text("p".into(), "p.html".into(), &html, Format::Html);
        prop_assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }
}
