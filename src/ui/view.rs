//! Drawing: a pure function of the borrowed [`App`]. Only rows on screen are drawn; the
//! wrapping was done in `update`, so a frame costs a few hundred cells of work.

pub mod compare;
pub mod help;
pub mod overview;
pub mod quotes;
pub mod reader;
pub mod sources;
pub mod status;
pub mod stories;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::app::{App, PairStatus, View};
use super::geometry::Pane;
use super::theme::Theme;
use crate::align::Status;
use crate::model::StatementKind;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = super::geometry::screen(area);
        buf.set_style(area, self.theme.text);
        status::header(self, s.header, buf);
        match self.view {
            View::Overview if self.stories.list => stories::render(self, s.body, buf),
            View::Overview => overview::render(self, s.body, buf),
            View::Reader => reader::render(self, s.body, buf),
            View::Compare => compare::render(self, s.body, buf),
            View::Quotes => quotes::render(self, s.body, buf),
            View::Help => help::render(self, s.body, buf),
        }
        status::status_line(self, s.status, buf);
    }
}

/// What a character of report text looks like on screen: tabs become spaces, and anything
/// that could still act on the terminal is made visible (the text was cleaned on load; this
/// is the second lock on the door).
fn safe(c: char) -> char {
    match c {
        '\t' | '\n' => ' ',
        '\u{1b}' => '␛',
        c if c.is_control() || crate::model::clean::is_hostile(c) => '�',
        c => c,
    }
}

/// The notice a text pane shows for a report without statements.
pub(crate) fn put_no_statements(buf: &mut Buffer, area: Rect, theme: &Theme) {
    if area.height > 0 {
        let width = area.width.saturating_sub(1);
        put(
            buf,
            area.x + 1,
            area.y,
            "this report has no statements",
            width,
            theme.notice,
        );
    }
}

/// Write `s` at `(x, y)` within `max` columns; returns the columns used.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    // Every write goes through here, so this one check keeps tiny terminals from panicking.
    if max == 0 || !buf.area.contains(ratatui::layout::Position { x, y }) {
        return 0;
    }
    let clean: String = s.chars().map(safe).collect();
    let (end, _) = buf.set_stringn(x, y, &clean, usize::from(max), style);
    end - x
}

/// Write `s` at `(x, y)` cut to `max` columns with an ellipsis when it does not fit.
pub(crate) fn put_cut(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    use unicode_width::UnicodeWidthStr;
    // Runs of whitespace (line breaks in titles) become one space.
    let mut flat = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() {
            if !flat.ends_with(' ') {
                flat.push(' ');
            }
        } else {
            flat.push(c);
        }
    }
    let s = flat;
    if s.width() <= usize::from(max) || max < 2 {
        return put(buf, x, y, &s, max, style);
    }
    let used = put(buf, x, y, &s, max - 1, style);
    put(buf, x + used, y, "…", 1, style);
    used + 1
}

/// Draw a run of document text `text[range]` with `base` style, patched by each overlay
/// (absolute byte ranges) where it applies; returns the columns used.
pub(crate) fn put_text(
    buf: &mut Buffer,
    (x, y, max): (u16, u16, u16),
    text: &str,
    range: Range<usize>,
    base: Style,
    overlays: &[(Range<usize>, Style)],
) -> u16 {
    let mut col = 0u16;
    let mut run = String::new();
    let mut run_style = base;
    let seg = text.get(range.clone()).unwrap_or("");
    for (i, c) in seg.char_indices() {
        let at = range.start + i;
        let style = overlays
            .iter()
            .filter(|(r, _)| r.contains(&at))
            .fold(base, |s, (_, o)| s.patch(*o));
        if style != run_style && !run.is_empty() {
            col += put(buf, x + col, y, &run, max - col, run_style);
            run.clear();
        }
        run_style = style;
        run.push(c);
        if col >= max {
            return col;
        }
    }
    if !run.is_empty() {
        col += put(buf, x + col, y, &run, max - col, run_style);
    }
    col
}

/// Fill a pane's title row and write its title.
pub(crate) fn pane_title(buf: &mut Buffer, theme: &Theme, pane: &Pane, text: &str, focused: bool) {
    let style = if focused {
        theme.title_focus
    } else {
        theme.title
    };
    buf.set_style(pane.title, style);
    put_cut(
        buf,
        pane.title.x,
        pane.title.y,
        text,
        pane.title.width,
        style,
    );
}

/// The mark and style of a statement with a given alignment status and kind.
pub(crate) fn status_mark(theme: &Theme, status: Status, kind: StatementKind) -> (char, Style) {
    match (status, kind) {
        (Status::Shared, _) => ('=', theme.shared),
        (Status::Divergent, _) => ('≠', theme.divergent),
        (Status::Unique, _) => ('◆', theme.unique),
        (Status::NotClaim, StatementKind::Heading) => ('#', theme.heading),
        (Status::NotClaim, _) => ('~', theme.dim),
    }
}

/// The mark and style of a statement in the compare view.
pub(crate) fn pair_mark(theme: &Theme, status: PairStatus, kind: StatementKind) -> (char, Style) {
    match status {
        PairStatus::Shared => ('=', theme.shared),
        PairStatus::Divergent => ('≠', theme.divergent),
        PairStatus::Unique => ('◆', theme.unique),
        PairStatus::Elsewhere => ('○', theme.elsewhere),
        PairStatus::NotClaim => status_mark(theme, Status::NotClaim, kind),
    }
}

/// Byte ranges of case-insensitive matches of `query` in `text[range]`, as absolute ranges.
pub(crate) fn matches_in(text: &str, range: Range<usize>, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let seg = text.get(range.clone()).unwrap_or("");
    let q: Vec<char> = query.to_lowercase().chars().collect();
    let chars: Vec<(usize, char)> = seg.char_indices().collect();
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= chars.len() {
        if chars[i..i + q.len()]
            .iter()
            .zip(&q)
            .all(|((_, c), qc)| lower(*c) == *qc)
        {
            let start = range.start + chars[i].0;
            let last = chars[i + q.len() - 1];
            out.push(start..range.start + last.0 + last.1.len_utf8());
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_characters_are_shown_not_sent() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        put(&mut buf, 0, 0, "a\u{1b}]0;x\u{7}b", 20, Style::new());
        let line: String = (0..8).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(line, "a␛]0;x�b");
    }

    #[test]
    fn matches_are_found_case_insensitively_with_offsets() {
        let t = "xx Putin met putin.";
        let m = matches_in(t, 3..t.len(), "PUTIN");
        assert_eq!(m, vec![3..8, 13..18]);
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        put_cut(&mut buf, 0, 0, "abcdefghij", 6, Style::new());
        assert_eq!(buf[(5, 0)].symbol(), "…");
    }
}
