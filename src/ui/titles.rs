//! Report titles as the screens show them: whole when they fit.
//!
//! A title taken from a report's first sentence is stored shortened (with "…") for exports
//! and summaries; the screens have the whole sentence at hand and cut it only to the room
//! they have.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::model::Document;

/// Statements searched for the one a shortened title was cut from (it is one of the first).
const LOOK: usize = 8;

/// The title of `doc`, whole: a title shortened from one of the first statements is given
/// back as that statement, its whitespace made single spaces.
#[must_use]
pub fn full(doc: &Document) -> Cow<'_, str> {
    let Some(stem) = doc.title.strip_suffix('…') else {
        return Cow::Borrowed(&doc.title);
    };
    let stem = stem.trim_end();
    (0..doc.statements.len().min(LOOK))
        .map(|i| {
            doc.statement_text(i)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|t| !stem.is_empty() && t.starts_with(stem) && t.len() > stem.len())
        .map_or(Cow::Borrowed(&doc.title), Cow::Owned)
}

/// A pane title `{head}{title}{tail}` for `width` columns: the report title is cut (with
/// "…") so the head and the tail (report number, source, mode) fit, but keeps at least 3/5 of
/// the row (what then does not fit is for the caller to cut).
#[must_use]
pub fn fitted(head: &str, title: &str, tail: &str, width: usize) -> String {
    let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    // The title keeps at least 3/5 of the row; a long tail is then cut by the caller instead.
    let room = width
        .saturating_sub(head.width() + tail.width())
        .max((width * 3 / 5).saturating_sub(head.width()));
    if title.width() <= room {
        return format!("{head}{title}{tail}");
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in title.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        cut.push(c);
        used += w;
    }
    if room > 0 {
        cut.push('…');
    }
    format!("{head}{cut}{tail}")
}

/// The widest whole title among `docs`, in columns.
#[must_use]
pub fn widest(docs: &[Document]) -> usize {
    docs.iter().map(|d| full(d).width()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded::seed_documents;

    #[test]
    fn a_fitted_title_keeps_its_head_and_tail() {
        assert_eq!(
            fitted(" [1] ", "abc def", " · src ", 40),
            " [1] abc def · src "
        );
        let f = fitted(" [1] ", "abcdefghij", " · src ", 16);
        assert_eq!(f, " [1] abc… · src ");
        assert_eq!(f.width(), 16);
        let long = fitted(" [1] ", "abcdefghijklmnop", " · a-very-long-source ", 20);
        assert!(long.starts_with(" [1] abcd"), "{long}");
    }

    #[test]
    fn a_shortened_title_is_given_back_whole() {
        let docs = seed_documents();
        let cut = docs
            .iter()
            .find(|d| d.title.ends_with('…'))
            .expect("a shortened seed title");
        let whole = full(cut);
        assert!(!whole.ends_with('…'), "{whole}");
        assert!(whole.starts_with(cut.title.trim_end_matches('…').trim_end()));
        assert!(whole.chars().count() > cut.title.chars().count());
        let kept = docs.iter().find(|d| !d.title.ends_with('…'));
        if let Some(d) = kept {
            assert_eq!(full(d), d.title.as_str());
        }
    }
}
