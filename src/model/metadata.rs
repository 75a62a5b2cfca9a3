//! What a report says about itself: its stated title, outlet, author and publication date,
//! gathered from the paragraphs that are not claims (see [`super::structure`]) and, for web
//! pages, from the page's metadata (see `html`).
//!
//! An outlet can be named in several places; the most explicit one wins, in the order of
//! [`SourceRank`].

use super::chrome::appeared_first_on;
use super::{outlet, stamps};

/// How explicitly a report names its outlet; lower is more explicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SourceRank {
    /// The page's own metadata (`og:site_name`).
    Page,
    /// "The post … appeared first on SITE".
    AppearedFirstOn,
    /// A closing credit: "— Reuters", "(AP)", "© 2024 …", "Reporting by …; Editing by …".
    Credit,
    /// A byline that names an outlet: "By Jane Doe, Reuters".
    Byline,
    /// The agency of a dateline: "WASHINGTON (AP) —".
    Dateline,
    /// A web address on a line of its own, or the page's canonical address.
    Address,
    /// The page's author metadata, when it reads as an outlet's name.
    Author,
}

/// How many paragraphs from either end are searched for an outlet in credits and addresses.
const EDGE_PARAGRAPHS: usize = 3;
/// How many opening paragraphs may hold a byline, a date stamp or a dateline.
pub const HEAD_PARAGRAPHS: usize = 8;

/// What has been found so far.
#[derive(Debug, Default, Clone)]
pub struct Metadata {
    source: Option<(SourceRank, String)>,
    /// A title the report states ("The post TITLE appeared first on …").
    pub title: Option<String>,
    /// The author, from a byline.
    pub author: Option<String>,
    /// The first-publication date, from a date stamp.
    pub published: Option<String>,
}

impl Metadata {
    /// Offer `name` as the outlet; it replaces what was found only if more explicit.
    pub fn offer_source(&mut self, rank: SourceRank, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if self.source.as_ref().is_none_or(|(r, _)| rank < *r) {
            self.source = Some((rank, name.to_owned()));
        }
    }

    /// The outlet found, if any.
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source.as_ref().map(|(_, s)| s.as_str())
    }

    /// Take what a non-claim paragraph says: paragraph `index` of `count`.
    pub fn note_paragraph(&mut self, para: &str, index: usize, count: usize) {
        if let Some((title, site)) = appeared_first_on(para) {
            self.note_appeared_first_on(title, site);
        }
        let tail = index + EDGE_PARAGRAPHS >= count;
        let head = index < EDGE_PARAGRAPHS;
        if tail {
            if let Some(name) = outlet::credit(para) {
                self.offer_source(SourceRank::Credit, &name);
            } else if index + 1 == count {
                if let Some(name) = outlet::bare_credit(para) {
                    self.offer_source(SourceRank::Credit, &name);
                }
            }
        }
        if head || tail {
            if let Some(name) = outlet::url_line(para) {
                self.offer_source(SourceRank::Address, &name);
            }
        }
        if index < HEAD_PARAGRAPHS {
            if let Some(b) = stamps::byline(para) {
                self.note_byline(&b);
            }
            if let Some(stamps::Stamp {
                published: Some(date),
            }) = stamps::stamp(para)
            {
                self.published.get_or_insert_with(|| date.to_owned());
            }
        }
    }

    /// "The post TITLE appeared first on SITE".
    pub fn note_appeared_first_on(&mut self, title: &str, site: &str) {
        self.offer_source(SourceRank::AppearedFirstOn, site);
        if !title.is_empty() && self.title.is_none() {
            self.title = Some(title.to_owned());
        }
    }

    fn note_byline(&mut self, b: &stamps::Byline<'_>) {
        // "By Reuters", "By The Associated Press": the byline names the outlet itself.
        if outlet::is_outlet_name(b.author) {
            let name = outlet::agency(b.author).unwrap_or_else(|| b.author.to_owned());
            self.offer_source(SourceRank::Byline, &name);
            return;
        }
        self.author.get_or_insert_with(|| b.author.to_owned());
        if let Some(rest) = b.rest {
            if let Some(name) = outlet::credit(&format!("— {rest}")) {
                self.offer_source(SourceRank::Byline, &name);
            }
        }
    }

    /// The agency a dateline names.
    pub fn note_dateline_agency(&mut self, agency: &str) {
        let name = outlet::agency(agency).unwrap_or_else(|| agency.to_owned());
        self.offer_source(SourceRank::Dateline, &name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_explicit_source_wins() {
        let mut m = Metadata::default();
        m.offer_source(SourceRank::Address, "example.com");
        m.offer_source(SourceRank::Dateline, "Associated Press");
        m.offer_source(SourceRank::Address, "other.com");
        assert_eq!(m.source(), Some("Associated Press"));
        m.offer_source(SourceRank::Page, "The Daily Planet");
        assert_eq!(m.source(), Some("The Daily Planet"));
    }

    #[test]
    fn bylines_give_the_author_or_the_outlet() {
        let mut m = Metadata::default();
        m.note_paragraph("By Jane Doe, Associated Press", 1, 10);
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.source(), Some("Associated Press"));
        let mut m = Metadata::default();
        m.note_paragraph("By Reuters", 1, 10);
        assert_eq!((m.author.as_deref(), m.source()), (None, Some("Reuters")));
    }
}
