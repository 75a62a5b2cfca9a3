//! A linear tokenizer for HTML: text, tags with their attributes, and everything else
//! (comments, doctypes). It is not a parser: it only finds where tags are, so the passes
//! before the real parser (depth bound, tables, chrome) can work in one pass without
//! building a tree. Script and style contents are text up to their closing tag, as in HTML.

use std::ops::Range;

/// Elements whose content is raw text up to their closing tag.
const RAW_TEXT: [&str; 7] = [
    "script", "style", "textarea", "title", "xmp", "noembed", "noframes",
];

/// Elements that never have content or a closing tag.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// One tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag<'a> {
    /// Its bytes in the page, `<` to `>`.
    pub(super) range: Range<usize>,
    /// Its lowercase name.
    pub(super) name: String,
    /// `</name>`.
    pub(super) closing: bool,
    /// `<name/>` or a void element: no content follows.
    pub(super) empty: bool,
    /// The text between the name and `>`.
    pub(super) attrs: &'a str,
}

impl Tag<'_> {
    /// Whether it is a void element (`<br>`, `<img>`): never any content, written or not.
    pub(super) fn is_void(&self) -> bool {
        VOID.contains(&self.name.as_str())
    }

    /// Whether its content is raw text up to its closing tag (`<script>`, `<textarea>`).
    pub(super) fn is_raw_text(&self) -> bool {
        RAW_TEXT.contains(&self.name.as_str())
    }

    /// The start tag written so that any HTML parser ends it where this tokenizer did:
    /// attribute names of plain characters only, every value in double quotes with its
    /// quotes and angle brackets escaped, no self-closing slash. Copying the page's bytes instead lets a parser
    /// read `<a =">` or `<div a= = "x>` differently and find tags the depth bound never saw.
    pub(super) fn rebuilt(&self) -> String {
        let mut out = format!("<{}", self.name);
        for (name, value) in attributes(self.attrs) {
            let plain = !name.is_empty()
                && name
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'));
            if plain {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                for c in value.chars() {
                    match c {
                        '"' => out.push_str("&quot;"),
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
        }
        out.push('>');
        out
    }

    /// The value of attribute `name` (lowercase), entity-decoded.
    pub(super) fn attr(&self, name: &str) -> Option<String> {
        attributes(self.attrs)
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode_entities(v))
    }
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Text, as bytes of the page (entities not decoded).
    Text(Range<usize>),
    /// A start or end tag.
    Tag(Tag<'a>),
    /// A comment, doctype or processing instruction.
    Other(Range<usize>),
}

/// The tokens of a page, in order.
pub(super) struct Tokens<'a> {
    html: &'a str,
    lower: String,
    pos: usize,
    raw_until: Option<String>,
}

impl<'a> Tokens<'a> {
    /// Tokenize `html`.
    pub(super) fn new(html: &'a str) -> Self {
        Self {
            html,
            lower: html.to_ascii_lowercase(),
            pos: 0,
            raw_until: None,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let (html, b, pos) = (self.html, self.html.as_bytes(), self.pos);
        if pos >= b.len() {
            return None;
        }
        if let Some(name) = self.raw_until.take() {
            let close = format!("</{name}");
            let end = self.lower[pos..].find(&close).map_or(b.len(), |i| pos + i);
            self.pos = end;
            if end > pos {
                return Some(Token::Text(pos..end));
            }
        }
        let pos = self.pos;
        if pos >= b.len() {
            return None;
        }
        if b[pos] != b'<' {
            let end = html[pos..].find('<').map_or(b.len(), |i| pos + i);
            self.pos = end;
            return Some(Token::Text(pos..end));
        }
        let rest = &self.lower[pos..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(b.len(), |i| pos + 4 + i + 3);
            self.pos = end;
            return Some(Token::Other(pos..end));
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map_or(b.len(), |i| pos + i + 1);
            self.pos = end;
            return Some(Token::Other(pos..end));
        }
        let closing = rest.starts_with("</");
        let name_at = pos + if closing { 2 } else { 1 };
        if closing && b.get(name_at).is_some_and(|&c| c != b'<') {
            // `</>` is nothing and `</ x>` a bogus comment up to the next `>`, as in HTML.
            if !b[name_at].is_ascii_alphabetic() {
                let end = rest.find('>').map_or(b.len(), |i| pos + i + 1);
                self.pos = end;
                return Some(Token::Other(pos..end));
            }
        }
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            // A `<` that opens no tag is text.
            self.pos = pos + 1;
            return Some(Token::Text(pos..pos + 1));
        }
        let name_end = b[name_at..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
            .map_or(b.len(), |i| name_at + i);
        let Some(end) = tag_end(b, name_end) else {
            // An unterminated tag: the rest is text, as a browser would show it.
            self.pos = b.len();
            return Some(Token::Text(pos..b.len()));
        };
        self.pos = end;
        let name = self.lower[name_at..name_end].to_owned();
        let inner = &html[name_end..end - 1];
        let self_closed = inner.trim_end().ends_with('/');
        let empty = self_closed || VOID.contains(&name.as_str());
        if !closing && !empty && RAW_TEXT.contains(&name.as_str()) {
            self.raw_until = Some(name.clone());
        }
        Some(Token::Tag(Tag {
            range: pos..end,
            name,
            closing,
            empty,
            attrs: inner,
        }))
    }
}

/// The byte after the `>` that ends a tag whose attributes start at `from`; quotes count
/// only where an attribute value starts.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'>' => return Some(i + 1),
                b'=' => {
                    after_eq = true;
                    i += 1;
                    continue;
                }
                b'"' | b'\'' if after_eq => quote = Some(c),
                c if c.is_ascii_whitespace() => {
                    i += 1;
                    continue;
                }
                _ => {}
            },
        }
        after_eq = false;
        i += 1;
    }
    None
}

/// The attributes of a tag's inner text, as (name, raw value) pairs.
fn attributes(s: &str) -> Vec<(&str, &str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
            i += 1;
        }
        let name = &s[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            if !name.is_empty() {
                out.push((name, ""));
            }
            if name.is_empty() {
                i += 1;
            }
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let start = i + 1;
                let end = s[start..].find(q as char).map_or(s.len(), |e| start + e);
                i = end + 1;
                &s[start..end]
            }
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                &s[start..i]
            }
        };
        out.push((name, value));
    }
    out
}

/// Decode the character references of attribute values and titles: the named ones news
/// pages use, and numeric ones. Unknown references stay as written.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |i| i + 1);
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "hellip" => Some('…'),
            "copy" => Some('©'),
            "shy" => Some('\u{AD}'),
            _ => name.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                code.and_then(char::from_u32)
            }),
        };
        match decoded {
            Some(c) if end > 1 => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> Vec<String> {
        Tokens::new(html)
            .filter_map(|t| match t {
                Token::Tag(t) => Some(format!("{}{}", if t.closing { "/" } else { "" }, t.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn tags_attributes_and_raw_text() {
        assert_eq!(
            names("<DIV class='a>b'><p>x < y</p><script>if (a<b) {}</script><br/></div>"),
            ["div", "p", "/p", "script", "/script", "br", "/div"]
        );
        let t = Tokens::new(r#"<meta property="og:title" content="Tom &amp; Jerry&#8217;s">"#)
            .find_map(|t| match t {
                Token::Tag(t) => Some(t),
                _ => None,
            })
            .unwrap_or_else(|| panic!("a tag"));
        assert_eq!(t.attr("property").as_deref(), Some("og:title"));
        assert_eq!(t.attr("CONTENT").as_deref(), Some("Tom & Jerry’s"));
        assert!(t.empty);
    }

    #[test]
    fn unterminated_input_ends_as_text() {
        let toks: Vec<Token<'_>> = Tokens::new("a <div class=\"x").collect();
        assert_eq!(toks, [Token::Text(0..2), Token::Text(2..15)]);
        let toks: Vec<Token<'_>> = Tokens::new("a</>b</ x>c</").collect();
        assert_eq!(
            toks,
            [
                Token::Text(0..1),
                Token::Other(1..4),
                Token::Text(4..5),
                Token::Other(5..10),
                Token::Text(10..11),
                Token::Text(11..12),
                Token::Text(12..13),
            ]
        );
        assert_eq!(names("<!-- never closed <p>"), Vec::<String>::new());
    }
}
