//! HTML to plain text with `html2text`, after dropping the elements that are never the
//! article: navigation, asides, footers, forms, scripts and styles.

/// Elements removed with their content before conversion.
const CHROME_ELEMENTS: [&str; 10] = [
    "script", "style", "nav", "aside", "footer", "form", "noscript", "svg", "iframe", "button",
];

/// Convert an HTML page into paragraphs of plain text separated by blank lines.
#[must_use]
pub fn to_text(html: &str) -> String {
    let stripped = strip_elements(html, &CHROME_ELEMENTS);
    let text = html2text::config::plain_no_decorate()
        .string_from_read(stripped.as_bytes(), 100_000)
        .unwrap_or_default();
    text.lines()
        .map(|l| {
            // html2text marks headings with `#`; the paragraph rules find headings by shape.
            let t = l.trim_end();
            let hashes = t.chars().take_while(|&c| c == '#').count();
            if hashes > 0 && t[hashes..].starts_with(' ') {
                format!("\n{}\n", t[hashes..].trim())
            } else {
                t.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Remove `<name …>…</name>` for each name, case-insensitively. Unclosed elements run to the end.
fn strip_elements(html: &str, names: &[&str]) -> String {
    let lower = html.to_ascii_lowercase();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for name in names {
        let open = format!("<{name}");
        let close = format!("</{name}");
        let mut from = 0;
        while let Some(at) = lower[from..].find(&open) {
            let start = from + at;
            let after = lower.as_bytes().get(start + open.len()).copied();
            if !matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
                from = start + open.len();
                continue;
            }
            let end = lower[start..]
                .find(&close)
                .and_then(|c| lower[start + c..].find('>').map(|g| start + c + g + 1))
                .unwrap_or(lower.len());
            cut.push((start, end));
            from = end;
        }
    }
    cut.sort_unstable();
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for (s, e) in cut {
        if s >= pos {
            out.push_str(&html[pos..s]);
            pos = e;
        } else if e > pos {
            pos = e;
        }
    }
    out.push_str(&html[pos.min(html.len())..]);
    out
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
        assert!(text.contains("Summit agreed"), "{text}");
        assert!(text.contains("Putin and Trump will meet."));
        for gone in ["alert", "Home", "World", "Example News", "p{}"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }
}
