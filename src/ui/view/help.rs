//! The help pane, generated from the live keymap so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{pane_title, put};
use crate::ui::action::Action;
use crate::ui::app::App;
use crate::ui::geometry::Pane;
use crate::ui::theme::Theme;

/// What the marks and figures mean; shown under the keys.
const LEGEND: [&str; 12] = [
    "",
    "Marks (colour only repeats them):",
    "  =  shared: other reports state it alike",
    "  ≠  divergent: a number, date, name, quote or key word differs (differing words highlighted)",
    "  ◆  unique: no other report says it",
    "  ○  compare: in other reports, but not in the one opposite",
    "  #  heading    ~  boilerplate (neither is a claim)",
    "  ▶  selected   ▷  its counterpart in the other pane",
    "  3/5  support: three of the five reports state the claim;  12  claim number in compare",
    "",
    "Mouse: click selects a statement; the wheel scrolls the pane under it.",
    "Esc leaves search first; n/N go through search matches while a search is active.",
];

/// The help rows: `(keys, description)`, keys empty for legend rows.
fn lines(app: &App) -> Vec<(String, &'static str)> {
    let mut v: Vec<(String, &'static str)> = Action::BINDABLE
        .iter()
        .map(|&a| {
            let keys: Vec<String> = app.keymap.keys_for(a).iter().map(|k| k.label()).collect();
            let keys = if keys.is_empty() {
                "(unbound)".to_owned()
            } else {
                keys.join(" ")
            };
            (keys, a.description())
        })
        .collect();
    v.extend(LEGEND.iter().map(|l| (String::new(), *l)));
    v
}

/// Number of help rows (for scrolling).
#[must_use]
pub fn line_count(app: &App) -> usize {
    lines(app).len()
}

fn row_style(t: &Theme, keys: &str) -> (Style, Style) {
    if keys.is_empty() {
        (t.dim, t.text)
    } else {
        (
            t.status_key
                .patch(Style::new().bg(ratatui::style::Color::Reset)),
            t.text,
        )
    }
}

/// Draw the help pane into `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let pane = Pane {
        title: Rect {
            height: body.height.min(1),
            ..body
        },
        content: Rect {
            y: body.y + body.height.min(1),
            height: body.height.saturating_sub(1),
            ..body
        },
    };
    pane_title(
        buf,
        t,
        &pane,
        " Keys (from the keymap; --keymap FILE overrides) · Esc: back ",
        true,
    );
    let c = pane.content;
    let key_w = 16u16.min(c.width / 3);
    for (i, (keys, desc)) in lines(app)
        .iter()
        .skip(app.help_scroll)
        .take(usize::from(c.height))
        .enumerate()
    {
        let y = c.y + i as u16;
        let (ks, ds) = row_style(t, keys);
        if keys.is_empty() {
            put(buf, c.x + 1, y, desc, c.width.saturating_sub(1), ds);
            continue;
        }
        put(buf, c.x + 1, y, keys, key_w, ks);
        put(
            buf,
            c.x + 1 + key_w + 1,
            y,
            desc,
            c.width.saturating_sub(key_w + 2),
            ds,
        );
    }
}
