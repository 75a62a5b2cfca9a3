//! One linear pass over a page before it is parsed, which bounds the work the parser and the
//! converters can be made to do and removes what is never the article:
//!
//! - **Depth.** Tags nested deeper than a limit are dropped and their text kept, so a page
//!   of 100,000 nested `<div>` costs what a flat one does (html2text and the readability
//!   pass walk the tree recursively).
//! - **Chrome.** Navigation, asides, footers, forms, scripts, styles and cookie or consent
//!   banners (by their `id`, `class` or `aria-label`) are dropped with their content.
//! - **Tables.** Each row becomes a paragraph with its cells joined by ` | `, so a table
//!   reads as lines of text instead of a drawing of `│` and `─`; a layout table's blocks stay
//!   blocks.

use super::tags::{Tag, Token, Tokens};

/// Elements removed with their content.
const CHROME_ELEMENTS: [&str; 11] = [
    "script", "style", "nav", "aside", "footer", "form", "noscript", "svg", "iframe", "button",
    "template",
];

/// Words in an element's `id`, `class` or `aria-label` that mark a cookie or consent banner.
const CONSENT_MARKS: [&str; 5] = ["cookie", "consent", "gdpr", "cmp-", "onetrust"];

/// Elements a new one of the same group closes ("<p>a<p>b").
const SELF_CLOSING_GROUPS: [&[&str]; 5] =
    [&["p"], &["li"], &["dt", "dd"], &["td", "th"], &["option"]];

/// How far down the open elements a closing tag looks for its element: far enough for
/// real pages, short enough to keep the pass linear.
const CLOSE_SEARCH: usize = 32;

/// How many unclosed chrome elements may be retried before chrome removal is given up.
const MAX_RETRIES: usize = 3;

/// The page after the pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Prepared {
    /// The page to parse.
    pub(super) html: String,
    /// The deepest nesting met, in elements.
    pub(super) deepest: usize,
    /// How many tags were dropped for being deeper than the limit.
    pub(super) flattened: usize,
}

struct Open {
    name: String,
    /// Whether its start tag was written out.
    emitted: bool,
}

/// Run the pass with nesting bounded at `max_depth` elements.
pub(super) fn prepare(html: &str, max_depth: usize) -> Prepared {
    let mut spared: Vec<usize> = Vec::new();
    loop {
        let strip = spared.len() <= MAX_RETRIES;
        match run(html, max_depth, strip, &spared) {
            Ok(p) => return p,
            // Chrome that never closes would swallow the rest of the page: keep it instead.
            Err(at) => spared.push(at),
        }
    }
}

/// One pass; `Err(start)` when the chrome element starting at byte `start` is never closed.
fn run(html: &str, max_depth: usize, strip: bool, spared: &[usize]) -> Result<Prepared, usize> {
    let mut out = String::with_capacity(html.len());
    let mut stack: Vec<Open> = Vec::new();
    // (stack length below the element being dropped, its start byte)
    let mut dropping: Option<(usize, usize)> = None;
    let (mut deepest, mut flattened) = (0, 0);
    let mut row_cells = 0usize;
    for token in Tokens::new(html) {
        match token {
            Token::Text(r) => {
                if dropping.is_none() {
                    out.push_str(&html[r]);
                }
            }
            Token::Other(r) => {
                if dropping.is_none() && !html[r.clone()].starts_with("<!--") {
                    out.push_str(&html[r]);
                }
            }
            Token::Tag(tag) if tag.closing => {
                close(&tag, html, &mut stack, &mut out, &mut dropping);
            }
            Token::Tag(tag) => {
                if let Some(group) = SELF_CLOSING_GROUPS
                    .iter()
                    .find(|g| g.contains(&tag.name.as_str()))
                {
                    if stack
                        .last()
                        .is_some_and(|o| group.contains(&o.name.as_str()))
                    {
                        stack.pop();
                        if dropping.is_some_and(|(below, _)| stack.len() <= below) {
                            dropping = None;
                        }
                    }
                }
                let drop_it = dropping.is_none()
                    && strip
                    && !tag.empty
                    && !spared.contains(&tag.range.start)
                    && is_chrome(&tag);
                if drop_it {
                    dropping = Some((stack.len(), tag.range.start));
                }
                let deep = stack.len() >= max_depth;
                let emitted = dropping.is_none() && !deep;
                if deep && dropping.is_none() {
                    flattened += 1;
                    // Keep words apart where a dropped tag stood between them.
                    if !out.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
                if emitted {
                    write_start(&tag, html, &mut out, &mut row_cells);
                }
                if !tag.empty {
                    stack.push(Open {
                        name: tag.name.clone(),
                        emitted,
                    });
                    deepest = deepest.max(stack.len());
                }
            }
        }
    }
    if let Some((_, start)) = dropping {
        let raw = Tokens::new(&html[start..]).next().is_some_and(
            |t| matches!(t, Token::Tag(t) if matches!(t.name.as_str(), "script" | "style")),
        );
        // An unclosed script runs to the end of the page in HTML too.
        if !raw {
            return Err(start);
        }
    }
    Ok(Prepared {
        html: out,
        deepest,
        flattened,
    })
}

fn is_chrome(tag: &Tag<'_>) -> bool {
    if CHROME_ELEMENTS.contains(&tag.name.as_str()) {
        return true;
    }
    ["id", "class", "aria-label"].iter().any(|a| {
        tag.attr(a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            CONSENT_MARKS.iter().any(|m| v.contains(m))
        })
    })
}

/// Write a start tag, rewriting tables into rows of text.
fn write_start(tag: &Tag<'_>, html: &str, out: &mut String, row_cells: &mut usize) {
    match tag.name.as_str() {
        "table" => out.push_str("<div>"),
        "tr" => {
            *row_cells = 0;
            out.push_str("<p>");
        }
        "td" | "th" => {
            if *row_cells > 0 {
                out.push_str(" | ");
            }
            *row_cells += 1;
        }
        "thead" | "tbody" | "tfoot" | "colgroup" | "col" => {}
        "caption" => out.push_str("<p>"),
        _ => out.push_str(&html[tag.range.clone()]),
    }
}

/// Close the element `tag` ends, if it is open near the top, and any opened after it.
fn close(
    tag: &Tag<'_>,
    html: &str,
    stack: &mut Vec<Open>,
    out: &mut String,
    dropping: &mut Option<(usize, usize)>,
) {
    let same = |o: &Open| {
        o.name == tag.name
            || (matches!(tag.name.as_str(), "td" | "th") && matches!(o.name.as_str(), "td" | "th"))
    };
    let lowest = stack.len().saturating_sub(CLOSE_SEARCH);
    let Some(at) = (lowest..stack.len()).rev().find(|&i| same(&stack[i])) else {
        // A closing tag for nothing open nearby: passed on where tags are written, for the
        // parser to judge.
        if dropping.is_none() && stack.last().is_none_or(|o| o.emitted) {
            out.push_str(&html[tag.range.clone()]);
        }
        return;
    };
    let emitted = stack[at].emitted;
    stack.truncate(at);
    if let Some((below, _)) = *dropping {
        if stack.len() <= below {
            *dropping = None;
        }
        return;
    }
    if emitted {
        match tag.name.as_str() {
            "table" => out.push_str("</div>"),
            "tr" | "caption" => out.push_str("</p>"),
            "td" | "th" | "thead" | "tbody" | "tfoot" | "colgroup" => {}
            _ => out.push_str(&html[tag.range.clone()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_flattened_and_its_text_kept() {
        let n = 40_000;
        let html = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let p = prepare(&html, 200);
        assert_eq!(p.deepest, n);
        assert_eq!(p.flattened, n - 200);
        assert_eq!(p.html.matches("<div>").count(), 200);
        assert_eq!(p.html.matches("</div>").count(), 200);
        assert!(p.html.contains("deep text"));
    }

    #[test]
    fn shallow_pages_pass_through() {
        let html = "<html><body><div><p>One.<p>Two.</div></body></html>";
        let p = prepare(html, 200);
        assert_eq!(p.flattened, 0);
        assert_eq!(p.html, html);
    }

    #[test]
    fn chrome_and_consent_banners_are_dropped() {
        let html = "<body><nav><a>Home</a></nav><div id=\"cookie-banner\"><p>We use cookies.</p>\
            <div><button>Accept</button></div></div><p>Story.</p><script>x()</script>\
            <footer>(c) Site</footer></body>";
        let p = prepare(html, 200);
        assert_eq!(p.html, "<body><p>Story.</p></body>");
    }

    #[test]
    fn unclosed_chrome_does_not_swallow_the_page() {
        let p = prepare("<aside>Side<p>Story one.</p><p>Story two.</p>", 200);
        assert!(p.html.contains("Story two."), "{}", p.html);
        let p = prepare("<p>Story.</p><script>never closed", 200);
        assert_eq!(p.html, "<p>Story.</p>");
    }

    #[test]
    fn table_rows_become_paragraphs_of_cells() {
        let html = "<table><thead><tr><th>Name</th><th>Votes</th></tr></thead>\
            <tbody><tr><td>Doe</td><td>5,120</td></tr></tbody></table>";
        assert_eq!(
            prepare(html, 200).html,
            "<div><p>Name | Votes</p><p>Doe | 5,120</p></div>"
        );
    }
}
