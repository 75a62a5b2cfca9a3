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
    // `Some(written)` when the next token is the raw content of a raw-text element (whose
    // start tag was written or not): a parser reads it as text up to the closing tag, as the
    // tokenizer did, when the tag was written.
    let mut raw_next: Option<bool> = None;
    for token in Tokens::new(html) {
        let raw = raw_next.take();
        let verbatim = raw == Some(true);
        match token {
            // A tag the page never ends (a truncated download): a parser drops it with the
            // rest of the page, and so does this pass.
            Token::Text(r) if raw.is_none() && html[r.clone()].starts_with('<') && r.len() > 1 => {}
            Token::Text(r) => {
                if dropping.is_none() {
                    if verbatim {
                        out.push_str(&html[r]);
                    } else {
                        // Text to this pass is text to the parser too: a `<` in it (the
                        // content of a flattened `<textarea>`) could otherwise open tags the
                        // bound never saw.
                        out.push_str(&html[r].replace('<', "&lt;"));
                    }
                }
            }
            Token::Other(r) => {
                // Comments and processing instructions are dropped; a doctype is written
                // plainly (a parser and this tokenizer may end odd ones differently).
                let doctype = html
                    .get(r.start..r.start + 9)
                    .is_some_and(|h| h.eq_ignore_ascii_case("<!doctype"));
                if dropping.is_none() && doctype {
                    out.push_str("<!DOCTYPE html>");
                }
            }
            Token::Tag(tag) if tag.closing => {
                close(&tag, &mut stack, &mut out, &mut dropping);
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
                        if let Some(o) = stack.pop() {
                            if o.emitted {
                                write_end(&o.name, &mut out);
                            }
                        }
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
                    write_start(&tag, &mut out, &mut row_cells);
                    if tag.empty && !tag.is_void() {
                        // `<div/>` opens a div to an HTML parser: closed here, as counted.
                        write_end(&tag.name, &mut out);
                    }
                }
                if !tag.empty && tag.is_raw_text() {
                    raw_next = Some(emitted);
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

/// Write a start tag (rebuilt, see [`Tag::rebuilt`]), rewriting tables into rows of text.
fn write_start(tag: &Tag<'_>, out: &mut String, row_cells: &mut usize) {
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
        _ => out.push_str(&tag.rebuilt()),
    }
}

/// Write the end tag of an element [`write_start`] wrote.
fn write_end(name: &str, out: &mut String) {
    match name {
        "table" => out.push_str("</div>"),
        "tr" | "caption" => out.push_str("</p>"),
        "td" | "th" | "thead" | "tbody" | "tfoot" | "colgroup" | "col" => {}
        _ => {
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

/// Close the element `tag` ends, if it is open near the top, and any opened after it.
///
/// Every element closed here gets its end tag written, innermost first, and a closing tag
/// for nothing open nearby is dropped: the parser then never keeps open (or reopens, as it
/// does with unclosed `<b>` and `<i>` in every later paragraph) an element this pass
/// counted as closed, so the depth bound holds for the parser's tree too.
fn close(
    tag: &Tag<'_>,
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
        return;
    };
    for o in stack.drain(at..).rev() {
        if o.emitted {
            write_end(&o.name, out);
        }
    }
    if dropping.is_some_and(|(below, _)| stack.len() <= below) {
        *dropping = None;
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
    fn shallow_pages_pass_through_with_their_implied_ends_written() {
        let html = "<html><body><div><p>One.<p>Two.</div></body></html>";
        let p = prepare(html, 200);
        assert_eq!(p.flattened, 0);
        assert_eq!(
            p.html,
            "<html><body><div><p>One.</p><p>Two.</p></div></body></html>"
        );
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

    /// The deepest nesting of a prepared page as an HTML parser builds it, checking that
    /// the pass wrote strictly nested markup (every end tag closes the innermost open
    /// element, a self-closing slash opens an element as it does to a parser) and that every
    /// `<` outside raw text starts a tag the tokenizer saw.
    fn strict_depth(html: &str) -> usize {
        let (mut open, mut deepest, mut starts) = (Vec::new(), 0, 0);
        let mut raw = 0;
        let mut raw_next = false;
        for t in Tokens::new(html) {
            let after_raw_tag = std::mem::take(&mut raw_next);
            match t {
                Token::Tag(t) => {
                    starts += 1;
                    if t.closing {
                        assert_eq!(open.pop().as_deref(), Some(t.name.as_str()), "{html}");
                    } else if !t.is_void() {
                        open.push(t.name.clone());
                        deepest = deepest.max(open.len());
                        raw_next = t.is_raw_text();
                    }
                }
                Token::Other(_) => starts += 1,
                Token::Text(r) if after_raw_tag => raw += html[r].matches('<').count(),
                Token::Text(_) => {}
            }
        }
        assert_eq!(
            html.matches('<').count(),
            starts + raw,
            "a `<` opens no tag: {html}"
        );
        deepest
    }

    /// Pages found by fuzzing (and shapes derived from them) whose markup a parser reads
    /// differently from a tag-finder: each once took seconds (or gigabytes) for 30 KB.
    #[test]
    fn markup_the_parser_would_read_differently_stays_bounded() {
        let n = 6_000;
        let divs = "<div>".repeat(n);
        let pages = [
            // The content of a flattened raw-text element is text, not tags.
            format!("{}<textarea>{divs}x", "<div>".repeat(300)),
            format!("{}<title>{divs}x", "<div>".repeat(300)),
            format!("{}<xmp>{divs}x", "<div>".repeat(300)),
            // Self-closing slashes open elements to a parser.
            format!("{}x", "<div/>".repeat(n)),
            // Tags a parser ends before the tokenizer does, or never ends.
            format!("<div a= = \"x>{divs}\">x"),
            format!("{}<a =\">{divs}x", "<div>".repeat(300)),
            // Unclosed formatting elements are reopened by a parser in every paragraph.
            (0..n)
                .map(|k| format!("<p><b id={k}></p>"))
                .collect::<String>()
                + "<p>x",
            // Chrome never closed inside an element closed later.
            "<div><nav></div>".repeat(n) + "x",
        ];
        for page in &pages {
            let p = prepare(page, 200);
            let depth = strict_depth(&p.html);
            assert!(
                depth <= 200,
                "depth {depth} for {}",
                &page[..60.min(page.len())]
            );
            assert!(p.html.len() <= page.len() * 2, "{}", &page[..60]);
        }
        // What was text to the tokenizer is shown as text.
        let p = prepare("<div><div><textarea>", 1);
        assert_eq!(p.html, "<div> ");
        let p = prepare("<div><textarea><b>kept</b>", 1);
        assert_eq!(p.html, "<div> &lt;b>kept&lt;/b>");
        // A page cut off inside a tag ends where the tag began; `</>` and `</ x>` show nothing.
        let p = prepare("<p>Cut here <a href=\"https://exa", 200);
        assert_eq!(p.html, "<p>Cut here ");
        assert_eq!(prepare("a</>b</ x>c", 200).html, "abc");
        let p = prepare("<p><textarea>a <b> c</textarea></p>", 200);
        assert_eq!(p.html, "<p><textarea>a <b> c</textarea></p>");
    }

    #[test]
    fn tags_are_rebuilt_with_quoted_attributes() {
        let p = prepare(
            "<div class=lead id='a\"b' =x data-x=\"<p>\"><br/><span/>t</div>",
            200,
        );
        assert_eq!(
            p.html,
            "<div class=\"lead\" id=\"a&quot;b\" data-x=\"&lt;p&gt;\"><br><span></span>t</div>"
        );
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
