//! What a page's markup says about the report: its title (`og:title`, `<title>`), outlet
//! (`og:site_name`, the canonical address), author (`<meta name=author>`,
//! `article:author`) and publication date (`article:published_time`, `<time datetime>`).
//!
//! Read with the linear tokenizer, so a hostile page costs no more here than anywhere else.

use super::tags::{decode_entities, Token, Tokens};

/// The page's metadata; every field as the page gives it, entity-decoded and trimmed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct PageMeta {
    /// `og:title` or `twitter:title`.
    pub(super) og_title: Option<String>,
    /// The `<title>` element.
    pub(super) title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub(super) site_name: Option<String>,
    /// `<meta name=author>`, `article:author` (a name, not an address).
    pub(super) author: Option<String>,
    /// `article:published_time` and its kin (`datePublished`, `pubdate`, `date`).
    pub(super) published: Option<String>,
    /// The first `<time datetime>`, a weaker hint than the metadata.
    pub(super) time: Option<String>,
    /// `og:url` or `<link rel=canonical>`.
    pub(super) url: Option<String>,
}

/// Metadata names that give the publication date, most explicit first.
const PUBLISHED_KEYS: [&str; 8] = [
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "date",
];

/// Longest value kept, in chars: metadata is short, and a huge attribute is no title.
const MAX_VALUE_CHARS: usize = 400;

/// Read the metadata of `html`.
pub(super) fn scan(html: &str) -> PageMeta {
    let mut m = PageMeta::default();
    let mut published_rank = usize::MAX;
    let mut in_title = false;
    for token in Tokens::new(html) {
        let tag = match token {
            Token::Text(r) if in_title => {
                if m.title.is_none() {
                    m.title = value(&decode_entities(&html[r]));
                }
                continue;
            }
            Token::Tag(t) => t,
            _ => continue,
        };
        match (tag.name.as_str(), tag.closing) {
            ("title", closing) => in_title = !closing && !tag.empty,
            ("meta", false) => {
                let key = tag
                    .attr("property")
                    .or_else(|| tag.attr("name"))
                    .or_else(|| tag.attr("itemprop"))
                    .map(|k| k.to_ascii_lowercase());
                let (Some(key), Some(content)) = (key, tag.attr("content").and_then(|c| value(&c)))
                else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" => {
                        m.og_title.get_or_insert(content);
                    }
                    "og:site_name" | "application-name" => {
                        m.site_name.get_or_insert(content);
                    }
                    "author" | "article:author" | "byl" | "dc.creator" => {
                        // `article:author` is often the address of the author's page.
                        if !content.contains("://") {
                            m.author.get_or_insert(content);
                        }
                    }
                    "og:url" => {
                        m.url.get_or_insert(content);
                    }
                    k => {
                        if let Some(rank) = PUBLISHED_KEYS.iter().position(|p| *p == k) {
                            if rank < published_rank {
                                published_rank = rank;
                                m.published = Some(content);
                            }
                        }
                    }
                }
            }
            ("link", false) => {
                let canonical = tag
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && m.url.is_none() {
                    m.url = tag.attr("href").and_then(|h| value(&h));
                }
            }
            ("time", false) if m.time.is_none() => {
                m.time = tag.attr("datetime").and_then(|d| value(&d));
            }
            _ => {}
        }
    }
    m
}

/// A metadata value with its whitespace collapsed, if it is not empty or huge.
fn value(s: &str) -> Option<String> {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!flat.is_empty() && flat.chars().count() <= MAX_VALUE_CHARS).then_some(flat)
}

impl PageMeta {
    /// The report's title: `og:title`, else `<title>` without the site's name after a
    /// separator ("Summit agreed | Example News" gives "Summit agreed").
    pub(super) fn best_title(&self) -> Option<String> {
        if let Some(t) = &self.og_title {
            return Some(t.clone());
        }
        let title = self.title.as_deref()?;
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(at) = title.rfind(sep) {
                let (head, tail) = (&title[..at], &title[at + sep.len()..]);
                let names_site = self
                    .site_name
                    .as_deref()
                    .is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
                // Without a site name, a short tail after a long head is taken for one.
                let short_tail =
                    tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 4;
                if names_site || (self.site_name.is_none() && short_tail) {
                    return Some(head.trim().to_owned());
                }
            }
        }
        Some(title.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_is_read_from_meta_title_link_and_time() {
        let html = r#"<html><head><title>Summit agreed | Daily Planet</title>
            <meta property="og:site_name" content="Daily Planet">
            <meta name="author" content="Lois Lane">
            <meta property="article:author" content="https://planet.example/lois">
            <meta name="date" content="2025-08-06">
            <meta property="article:published_time" content="2025-08-07T09:30:00Z">
            <link rel="canonical" href="https://planet.example/summit">
            </head><body><time datetime="2025-08-08">Friday</time></body></html>"#;
        let m = scan(html);
        assert_eq!(m.best_title().as_deref(), Some("Summit agreed"));
        assert_eq!(m.site_name.as_deref(), Some("Daily Planet"));
        assert_eq!(m.author.as_deref(), Some("Lois Lane"));
        assert_eq!(m.published.as_deref(), Some("2025-08-07T09:30:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://planet.example/summit"));
        assert_eq!(m.time.as_deref(), Some("2025-08-08"));
    }

    #[test]
    fn og_title_wins_and_separators_stay_without_a_site() {
        let m = scan("<title>A - B</title><meta property='og:title' content='The Real Title'>");
        assert_eq!(m.best_title().as_deref(), Some("The Real Title"));
        let m = scan("<title>Trump and Putin agree to meet - Reuters</title>");
        assert_eq!(
            m.best_title().as_deref(),
            Some("Trump and Putin agree to meet")
        );
        let m = scan("<title>Left - Right</title>");
        assert_eq!(m.best_title().as_deref(), Some("Left - Right"));
    }
}
