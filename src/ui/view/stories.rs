//! The story list: one row per story with its title, reports, sources, claims and
//! divergences. `Enter` opens the story's overview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{pane_title, put, put_cut};
use crate::ui::app::{digits, App};
use crate::ui::geometry::Pane;

/// The figure columns, right of the title.
const FIGS: &str = " reports sources claims   ≠";

/// Draw the story list into `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let title = Rect {
        height: body.height.min(1),
        ..body
    };
    let pane = Pane {
        title,
        content: Rect {
            y: body.y + title.height,
            height: body.height - title.height,
            ..body
        },
    };
    let n = app.stories.rows.len();
    pane_title(
        buf,
        t,
        &pane,
        &format!(
            " Stories ({n}) of {} reports · Enter: open · :N report N ",
            app.n_docs()
        ),
        true,
    );
    let c = pane.content;
    if c.height == 0 || c.width == 0 {
        return;
    }
    let d = digits(n);
    let lead = d as u16 + 2;
    let wide = c.width >= 60;
    let figs = if wide { FIGS } else { " rep  =   ≠" };
    let fig_w = figs.chars().count() as u16;
    let title_w = c.width.saturating_sub(lead + fig_w);
    let head = format!(
        "{:>lead$}{:<tw$}{figs}",
        "#  ",
        "title",
        lead = usize::from(lead),
        tw = usize::from(title_w)
    );
    put(buf, c.x, c.y, &head, c.width, t.dim);
    let rows = usize::from(c.height.saturating_sub(1));
    for (i, (k, row)) in app
        .stories
        .rows
        .iter()
        .enumerate()
        .skip(app.stories.scroll)
        .take(rows)
        .enumerate()
    {
        let y = c.y + 1 + i as u16;
        let selected = k == app.stories.sel;
        let style = if selected { t.selected } else { t.text };
        buf.set_style(Rect::new(c.x, y, c.width, 1), style);
        let mark = if selected { "▶" } else { " " };
        let mut x = c.x;
        x += put(buf, x, y, &format!("{mark}{:>d$} ", k + 1), c.width, style);
        let story_title = app
            .alignment
            .stories
            .get(k)
            .map_or("", |s| s.title.as_str());
        let used = put_cut(buf, x, y, story_title, title_w.saturating_sub(1), style);
        x += title_w.max(used);
        let right = c.right().saturating_sub(x);
        let text = if wide {
            format!("{:>8}{:>8}{:>7}", row.reports, row.sources, row.claims)
        } else {
            format!("{:>4}{:>4}", row.reports, row.claims)
        };
        let used = put(buf, x, y, &text, right, style);
        put(
            buf,
            x + used,
            y,
            &format!("{:>4}", row.divergences),
            right.saturating_sub(used),
            style.patch(t.divergent),
        );
    }
}

/// The progress line while the engine works: what is already known of the corpus (`short`:
/// for the status line, where the hints and messages need the room).
#[must_use]
pub fn progress(app: &App, short: bool) -> String {
    use crate::align::Progress;
    let n = app.n_docs();
    let mut stories = None;
    let mut judged = None;
    for p in &app.progress {
        match *p {
            Progress::Stories(k) => stories = Some(k),
            Progress::Judged { pairs, linked } => judged = Some((pairs, linked)),
        }
    }
    let found = |k: usize| format!("{k} {}", if k == 1 { "story" } else { "stories" });
    if short {
        return match (stories, judged) {
            (_, Some((_, linked))) => format!("aligning {n} reports · {linked} links"),
            (Some(k), None) => format!("aligning {n} reports · {}", found(k)),
            (None, None) => format!("aligning {n} reports"),
        };
    }
    let statements: usize = app.docs.iter().map(|d| d.statements.len()).sum();
    let mut line = format!("aligning: {n} reports read · {statements} statements");
    match stories {
        Some(k) => line.push_str(&format!(" · {} found", found(k))),
        None => line.push_str(" · stories and claims follow"),
    }
    match (stories, judged) {
        (_, Some((pairs, linked))) => {
            line.push_str(&format!(
                " · {pairs} pairs judged, {linked} linked · grouping claims"
            ));
        }
        (Some(_), None) => line.push_str(" · judging pairs"),
        (None, None) => {}
    }
    line
}
