//! Markdown to plain text, so a report written in Markdown reads like any other.
//!
//! The markup is removed rather than kept because statements are slices of the document's
//! text and are shown and compared as prose: `**Kyiv**` and `[Kyiv](…)` must read as "Kyiv".
//! Headings get blank lines around them so the paragraph rules see them as headings.

/// Convert Markdown source into plain text with blank lines between blocks.
#[must_use]
pub fn to_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut lines = src.lines().peekable();
    let mut in_fence = false;
    // Front matter between two `---` lines at the very top is metadata, not prose.
    if src.starts_with("---\n") || src.starts_with("---\r\n") {
        lines.next();
        for l in lines.by_ref() {
            if l.trim() == "---" || l.trim() == "..." {
                break;
            }
        }
    }
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            out.push('\n');
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if is_rule(t) {
            out.push('\n');
            continue;
        }
        // Setext heading: a line underlined with === or ---.
        if let Some(next) = lines.peek() {
            let n = next.trim();
            if !t.is_empty()
                && n.len() >= 2
                && (n.chars().all(|c| c == '=') || n.chars().all(|c| c == '-'))
            {
                lines.next();
                push_block(&mut out, &inline(t));
                continue;
            }
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            let heading = t[hashes..].trim().trim_end_matches('#').trim();
            push_block(&mut out, &inline(heading));
            continue;
        }
        let mut body = t;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        for marker in ["* ", "+ "] {
            if let Some(rest) = body.strip_prefix(marker) {
                out.push_str("- ");
                body = rest;
            }
        }
        out.push_str(&inline(body));
        out.push('\n');
    }
    out
}

fn push_block(out: &mut String, s: &str) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(s);
    out.push_str("\n\n");
}

fn is_rule(t: &str) -> bool {
    let c: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    c.len() >= 3
        && (c.chars().all(|x| x == '-')
            || c.chars().all(|x| x == '*')
            || c.chars().all(|x| x == '_'))
}

/// Inline markup: links and images keep their text, emphasis and code marks go.
///
/// Linear in the line's length: where the next `]` and `)` are is computed once, so a line of
/// a hundred thousand `[` with no `]` costs no more than any other line of that length.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let next = NextClose::new(&chars);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => {
                if let Some((text_end, url_end)) = next.link_at(&chars, i) {
                    out.extend(&chars[i + 1..text_end]);
                    i = url_end + 1;
                    continue;
                }
                out.push(c);
                i += 1;
            }
            '`' => i += 1,
            '*' | '_' => {
                // Emphasis marks touch a word on one side and not on the other; an
                // underscore inside a word (snake_case) or a spaced asterisk stays.
                let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
                let next = chars.get(i + 1).copied();
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let run_mark = |x: Option<char>| x == Some(c);
                if (word(prev) && word(next))
                    || (!word(prev) && !word(next) && !run_mark(prev) && !run_mark(next))
                {
                    out.push(c);
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For every position, where the next `]` and the next `)` are (`usize::MAX` if none).
struct NextClose {
    bracket: Vec<usize>,
    paren: Vec<usize>,
}

impl NextClose {
    fn new(chars: &[char]) -> Self {
        let mut bracket = vec![usize::MAX; chars.len() + 1];
        let mut paren = vec![usize::MAX; chars.len() + 1];
        for (i, &c) in chars.iter().enumerate().rev() {
            bracket[i] = if c == ']' { i } else { bracket[i + 1] };
            paren[i] = if c == ')' { i } else { paren[i + 1] };
        }
        Self { bracket, paren }
    }

    /// `[text](url)` starting at `i`: the index of `]` and of the closing `)`.
    fn link_at(&self, chars: &[char], i: usize) -> Option<(usize, usize)> {
        let close = *self.bracket.get(i).filter(|&&c| c != usize::MAX)?;
        if chars.get(close + 1) != Some(&'(') {
            return None;
        }
        let end = *self.paren.get(close + 1).filter(|&&c| c != usize::MAX)?;
        Some((close, end))
    }
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn headings_links_and_emphasis_become_plain_text() {
        let md = "# Talks in **Geneva**\nBiden met [Putin](https://x.y/p) in *June 2021*.\n";
        assert_eq!(
            to_text(md),
            "Talks in Geneva\n\nBiden met Putin in June 2021.\n"
        );
    }

    #[test]
    fn front_matter_and_rules_are_dropped() {
        let md = "---\ntitle: x\n---\nText.\n\n---\n\nMore_text here.";
        assert_eq!(to_text(md), "Text.\n\n\n\nMore_text here.\n");
    }

    #[test]
    fn links_images_and_unclosed_brackets_keep_their_text() {
        assert_eq!(
            to_text("See ![map](m.png) and [a [b](c) d [e](f) [g"),
            "See map and a [b d e [g\n"
        );
        assert_eq!(to_text("[x](y"), "[x](y\n");
    }
}
