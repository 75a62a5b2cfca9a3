//! Cutting cleaned text into paragraphs, as byte ranges.
//!
//! Paragraphs are blocks between blank lines; inside a block, a line break also ends a paragraph
//! when the line before it ends a sentence, looks like a heading, or is too long to be a
//! wrapped line (news text often has one paragraph per line), or when the next line is
//! indented deeper or starts a list item; otherwise it is taken for a soft wrap. A line that
//! ends in a space and is followed by a lowercase word or a parenthesis is always continued
//! ("It was a cold \nnight").

use super::document::Paragraph;

/// Shortest line, in chars, that can be a soft-wrapped line of prose.
const MIN_WRAPPED_CHARS: usize = 60;
/// Longest line, in chars, that can be a soft-wrapped line of prose: editors and mailers wrap
/// at 72 to 100 columns, so a longer line is a paragraph of its own.
const MAX_WRAPPED_CHARS: usize = 110;

/// Cut text into paragraphs (see the module documentation).
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (start, end) of the paragraph being built
    let mut prev_line: Option<&str> = None;
    let mut prev_raw = "";
    let mut offset = 0;
    let wrapped = is_hard_wrapped(text);
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim();
        if content.is_empty() {
            if let Some((s, e)) = open.take() {
                out.push(Paragraph { start: s, end: e });
            }
            prev_line = None;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let start = line_start + lead;
        let end = start + content.len();
        let continues =
            prev_line.is_some_and(|prev| continues(prev_raw, prev, line, content, wrapped));
        match open {
            Some((s, _)) if continues => open = Some((s, end)),
            _ => {
                if let Some((s, e)) = open.take() {
                    out.push(Paragraph { start: s, end: e });
                }
                open = Some((start, end));
            }
        }
        prev_line = Some(content);
        prev_raw = line;
    }
    if let Some((s, e)) = open {
        out.push(Paragraph { start: s, end: e });
    }
    out
}

/// Whether `text` looks hard-wrapped (an editor or mailer broke its lines at a fixed width):
/// at most one line in ten is longer than a wrapped line can be. News text with one paragraph
/// per line is not, and there a headline never runs on into the dateline below it.
fn is_hard_wrapped(text: &str) -> bool {
    let (mut lines, mut long) = (0usize, 0usize);
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        // Byte length bounds char count from above: only long-looking lines are counted.
        if line.len() > MAX_WRAPPED_CHARS && line.chars().count() > MAX_WRAPPED_CHARS {
            long += 1;
        }
    }
    long * 10 <= lines
}

/// Whether the line `next` (raw, and trimmed as `content`) continues the paragraph whose
/// last line is `prev_raw` (trimmed as `prev`); `wrapped` tells whether the text is
/// hard-wrapped (see [`is_hard_wrapped`]).
fn continues(prev_raw: &str, prev: &str, next: &str, content: &str, wrapped: bool) -> bool {
    if starts_item(content) {
        return false;
    }
    // "It was a cold \nnight in the city.": a space before the break and a lowercase word or
    // a parenthesis after it mean the line was cut mid-sentence (PDF and e-mail text).
    let trailing_space = prev_raw
        .trim_end_matches('\n')
        .ends_with(|c: char| c.is_whitespace());
    if trailing_space
        && content
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c == '(')
    {
        return true;
    }
    // "This is a sentence\ncut off in the middle because pdf.": a line that starts like a
    // sentence and stops without punctuation, followed by a lowercase line that finishes the
    // sentence, is one sentence broken in two. A run of lowercase lines ("features\ncontact
    // manager") stays a list, and a headline followed by a dateline ("on April 24, 2013")
    // stays apart because the dateline ends without sentence punctuation.
    let lower_next = content.chars().next().is_some_and(char::is_lowercase);
    let finishes = content
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    let open_prev = prev.chars().next().is_some_and(char::is_uppercase)
        && !prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\'', ')', ']', '…'])
        && prev.chars().any(char::is_lowercase);
    if lower_next && finishes && open_prev {
        return true;
    }
    wrapped && !ends_paragraph(prev) && indent(next) <= indent(prev_raw)
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Whether a line's end also ends its paragraph: it closes a sentence, or it is short enough
/// to be a heading or a list item, or too long to be a wrapped line of prose.
fn ends_paragraph(line: &str) -> bool {
    let last = line.chars().last().unwrap_or('.');
    let chars = line.chars().count();
    matches!(
        last,
        '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'' | ')' | '…' | ']'
    ) || !(MIN_WRAPPED_CHARS..=MAX_WRAPPED_CHARS).contains(&chars)
}

fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_lines_join_and_lowercase_lists_do_not() {
        let para = |t: &str| -> Vec<String> {
            let text = t.to_string();
            paragraphs(&text)
                .iter()
                .map(|p| text[p.start..p.end].to_string())
                .collect()
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "This is a sentence\ncut off in the middle.",
                &["This is a sentence\ncut off in the middle."],
            ),
            ("It was a cold \nnight in the city.", &["It was a cold \nnight in the city."]),
            (
                "features\ncontact manager\nevents, activities\n",
                &["features", "contact manager", "events, activities"],
            ),
            ("A short heading\nBody text follows.", &["A short heading", "Body text follows."]),
            (
                "Chargers’ Jamal Williams Arrested For DUI\non February 4, 2009",
                &["Chargers’ Jamal Williams Arrested For DUI", "on February 4, 2009"],
            ),
            (
                "REPORT: RED SOX MAKE OFFER\non Tuesday, 16 December.",
                &["REPORT: RED SOX MAKE OFFER", "on Tuesday, 16 December."],
            ),
            (
                "A line of prose that an editor wrapped at some column width and goes on\n Indented next line.",
                &[
                    "A line of prose that an editor wrapped at some column width and goes on",
                    "Indented next line.",
                ],
            ),
            (
                "a) one b) two c) three and this line runs on for long enough to wrap\n They went.",
                &["a) one b) two c) three and this line runs on for long enough to wrap", "They went."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(para(text), *want, "{text:?}");
        }
    }

    #[test]
    fn headlines_in_unwrapped_news_stay_apart_from_datelines() {
        let body = "The actress checked into the Betty Ford Center on Thursday, her lawyer said, after a judge ordered ninety days of treatment.";
        let text = format!(
            "Lindsay Lohan Checks Into Rehab in Newport Beach; Investigation of Facility Pending\nMay 2, 2013 1:35 pm\n{body}\n{body}"
        );
        let p = paragraphs(&text);
        assert_eq!(p.len(), 4, "{p:?}");
    }
}
