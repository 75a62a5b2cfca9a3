//! The help pane, generated from the live keymap so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{pane_title, put};
use crate::ui::action::Action;
use crate::ui::app::App;
use crate::ui::geometry::Pane;
use crate::ui::rows::wrap;

/// What the marks and figures mean; shown under the keys.
const LEGEND: [&str; 14] = [
    "",
    "Marks (colour only repeats them):",
    "  =  shared: other reports state it alike",
    "  ≠  divergent: a number, date, name, quote or key word differs (differing words highlighted)",
    "  ◆  unique: no other report says it",
    "  ○  compare: its claim has no statement in the report opposite",
    "  #  heading    ~  boilerplate (neither is a claim)",
    "  ▶  selected   ▷  the statement opposite in the same claim",
    "  3/5  support: three of the five reports state the claim;  12  claim number in compare",
    "  †  reports differ: one hedges (reportedly, may, claimed that, unnamed sources) where another states it, or they cite different sources",
    "  quotes (4): ≈ wording drifts (drifting words underlined), ✗ misattributed, ~ paraphrase",
    "",
    "Mouse: click selects a statement; the wheel scrolls the pane under it.",
    "Esc leaves search first; n/N go through search matches while a search is active.",
];

/// One help row: keys (empty on continuation and legend rows), text, and whether it is legend.
struct Row {
    keys: String,
    text: String,
    legend: bool,
}

/// Width of the keys column for a screen `width` wide.
fn key_width(width: u16) -> u16 {
    18u16.min(width / 3)
}

/// The help rows for a screen `width` wide: every action with its keys, then the legend;
/// long texts wrap onto continuation rows.
fn lines(app: &App, width: u16) -> Vec<Row> {
    let key_w = key_width(width);
    let desc_w = usize::from(width.saturating_sub(key_w + 2)).max(8);
    let mut v = Vec::new();
    for a in Action::BINDABLE {
        let keys: Vec<String> = app.keymap.keys_for(a).iter().map(|k| k.label()).collect();
        let mut keys = if keys.is_empty() {
            "(unbound)".to_owned()
        } else {
            keys.join(" ")
        };
        let d = a.description();
        for r in wrap(d, desc_w) {
            v.push(Row {
                keys: std::mem::take(&mut keys),
                text: d[r].to_owned(),
                legend: false,
            });
        }
    }
    let legend_w = usize::from(width.saturating_sub(2)).max(8);
    for l in LEGEND {
        // Continuation rows of a legend entry line up under its text, a little indented.
        let body = l.trim_start();
        let indent = l.len() - body.len();
        let w = legend_w.saturating_sub(indent + 4).max(8);
        for (k, r) in wrap(body, w).into_iter().enumerate() {
            let pad = " ".repeat(indent + if k == 0 { 0 } else { 4 });
            v.push(Row {
                keys: String::new(),
                text: format!("{pad}{}", &body[r]),
                legend: true,
            });
        }
    }
    v
}

/// Number of help rows at the current size (for scrolling).
#[must_use]
pub fn line_count(app: &App) -> usize {
    lines(app, app.size.0).len()
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
        " Keys (from the keymap; --keymap FILE overrides) · q or Esc: back ",
        true,
    );
    let c = pane.content;
    let key_w = key_width(c.width);
    let key_style = t
        .status_key
        .patch(Style::new().bg(ratatui::style::Color::Reset));
    for (i, row) in lines(app, c.width)
        .iter()
        .skip(app.help_scroll)
        .take(usize::from(c.height))
        .enumerate()
    {
        let y = c.y + i as u16;
        if row.legend {
            put(
                buf,
                c.x + 1,
                y,
                &row.text,
                c.width.saturating_sub(1),
                t.text,
            );
            continue;
        }
        put(buf, c.x + 1, y, &row.keys, key_w, key_style);
        put(
            buf,
            c.x + 1 + key_w + 1,
            y,
            &row.text,
            c.width.saturating_sub(key_w + 2),
            t.text,
        );
    }
}
