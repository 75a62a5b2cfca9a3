//! Web pages to documents.
//!
//! 1. A linear pre-pass (`prepare`) bounds the nesting depth, drops chrome (navigation,
//!    asides, footers, forms, scripts, cookie and consent banners) and turns table rows into
//!    lines of text.
//! 2. The main content is found with `dom_smoothie`, a port of Mozilla's Readability; when
//!    it finds too little, or the page is too large for it, the whole page is used.
//! 3. `html2text` turns that HTML into paragraphs of plain text.
//! 4. The markup's metadata (`meta`: `og:title`, `<title>`, `og:site_name`,
//!    `article:published_time`, `<time datetime>`, author) gives the title, outlet, author
//!    and date, ahead of what the text says about itself.

mod meta;
mod prepare;
mod tags;

use super::document::Document;
use super::metadata::SourceRank;
use super::{clean, outlet, structure};

/// Deepest nesting kept, in elements: real pages stay under about 60.
pub const MAX_DEPTH: usize = 200;

/// Pages with more elements than this skip the readability pass (its scoring is not linear
/// in the page) and are converted whole.
const MAX_READABILITY_ELEMENTS: usize = 20_000;

/// An extracted article shorter than this, in chars, is taken for a failed extraction.
const MIN_ARTICLE_CHARS: usize = 200;

/// Longest metadata value shown as a title, author or outlet, in chars.
const MAX_META_CHARS: usize = 200;

/// Build a document from a web page: its main text, and the title, outlet, author and date
/// its markup states. A page nested deeper than [`MAX_DEPTH`] gets a warning.
#[must_use]
pub fn document(id: String, path: String, html: &str) -> Document {
    let page = meta::scan(html);
    let prepared = prepare::prepare(html, MAX_DEPTH);
    let (text, article) = convert(&prepared.html);
    let mut doc = structure::build(id, path, clean::clean_text(&text));
    let mut found = super::metadata::Metadata::default();
    if let Some(s) = &doc.source {
        // What the text said keeps its place among the page's own statements.
        found.offer_source(SourceRank::Credit, s);
    }
    let site = page
        .site_name
        .clone()
        .or_else(|| article.as_ref().and_then(|a| a.site_name.clone()));
    if let Some(s) = site.as_deref().and_then(tidy) {
        found.offer_source(SourceRank::Page, &s);
    }
    if let Some(host) = page.url.as_deref().and_then(outlet::url_line) {
        found.offer_source(SourceRank::Address, &host);
    }
    if let Some(a) = page.author.as_deref().filter(|a| outlet::is_outlet_name(a)) {
        found.offer_source(SourceRank::Author, a);
    }
    doc.source = found.source().and_then(tidy);
    if let Some(t) = page.best_title().as_deref().and_then(tidy) {
        doc.title = structure::shorten(&t, structure::MAX_TITLE_CHARS);
    } else if let Some(t) = article.as_ref().map(|a| a.title.clone()) {
        if let Some(t) = tidy(&t) {
            doc.title = structure::shorten(&t, structure::MAX_TITLE_CHARS);
        }
    }
    let author = page
        .author
        .clone()
        .filter(|a| !outlet::is_outlet_name(a))
        .or_else(|| article.as_ref().and_then(|a| a.byline.clone()));
    if let Some(a) = author.as_deref().and_then(tidy) {
        doc.author = Some(a);
    }
    let published = page
        .published
        .clone()
        .or_else(|| article.as_ref().and_then(|a| a.published_time.clone()))
        .or_else(|| page.time.clone());
    if let Some(p) = published.as_deref().and_then(tidy) {
        doc.published = Some(p);
    }
    if prepared.flattened > 0 {
        doc.warnings.push(format!(
            "HTML nested {} elements deep; tags below depth {MAX_DEPTH} were flattened (their text is kept)",
            prepared.deepest
        ));
    }
    doc
}

/// Convert an HTML page into paragraphs of plain text separated by blank lines (the main
/// content when one is found, see the module documentation).
#[must_use]
pub fn to_text(html: &str) -> String {
    convert(&prepare::prepare(html, MAX_DEPTH).html).0
}

/// What the readability pass found besides the content.
struct ArticleMeta {
    title: String,
    byline: Option<String>,
    site_name: Option<String>,
    published_time: Option<String>,
}

/// The text of a prepared page: its main content when readability finds enough, else the
/// whole page.
fn convert(html: &str) -> (String, Option<ArticleMeta>) {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        ..Default::default()
    };
    let article = dom_smoothie::Readability::new(html, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = article else {
        return (render(html), None);
    };
    let meta = ArticleMeta {
        title: article.title.clone(),
        byline: article.byline.clone(),
        site_name: article.site_name.clone(),
        published_time: article.published_time.clone(),
    };
    let found = article.text_content.trim().chars().count();
    if found < MIN_ARTICLE_CHARS {
        return (render(html), Some(meta));
    }
    let text = render(&article.content);
    (text, Some(meta))
}

/// `html2text`'s plain rendering, with its heading marks removed (the paragraph rules find
/// headings by shape) and lines without a letter or digit dropped.
fn render(html: &str) -> String {
    let text = html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), 100_000)
        .unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let t = l.trim_end();
            let hashes = t.chars().take_while(|&c| c == '#').count();
            if hashes > 0 && t[hashes..].starts_with(' ') {
                return Some(format!("\n{}\n", t[hashes..].trim()));
            }
            // A separator or bullet left alone ("|", "·") is no text.
            if !t.is_empty() && !t.chars().any(char::is_alphanumeric) {
                return None;
            }
            Some(t.to_owned())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A metadata value cleaned of hostile characters, on one line, if anything is left.
fn tidy(s: &str) -> Option<String> {
    let clean = clean::clean_text(s);
    let flat: String = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    (!flat.is_empty()).then(|| structure::shorten(&flat, MAX_META_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_navigation_are_dropped() {
        let html = "<html><head><style>p{}</style><script>alert(1)</script></head><body>\
            <nav><a href=/>Home</a> <a href=/world>World</a></nav>\
            <h1>Summit agreed</h1><p>Putin and Trump will meet.</p><p>Details later.</p>\
            <footer>© Example News</footer></body></html>";
        let text = to_text(html);
        assert!(text.contains("Putin and Trump will meet."), "{text}");
        for gone in ["alert", "Home", "World", "Example News", "p{}"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }

    #[test]
    fn tables_read_as_rows_not_drawings() {
        let html =
            "<p>Results were announced on Monday.</p><table><tr><th>Name</th><th>Votes</th></tr>\
            <tr><td>Doe</td><td>5,120</td></tr></table><p>Doe won.</p>";
        let text = to_text(html);
        assert!(text.contains("Name | Votes"), "{text}");
        assert!(text.contains("Doe | 5,120"), "{text}");
        assert!(!text.contains('─') && !text.contains('│'), "{text}");
    }

    #[test]
    fn deep_nesting_is_bounded_with_a_warning() {
        let n = 40_000;
        let html = format!(
            "<html><body>{}<p>The only sentence is deep inside.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let d = document("deep".into(), "deep.html".into(), &html);
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].contains("4000"), "{:?}", d.warnings);
        assert!(d.warnings[0].contains("depth 200"), "{:?}", d.warnings);
        assert!(d.text.contains("The only sentence is deep inside."));
    }
}
