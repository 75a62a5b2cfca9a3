//! The Quotes view: every quote by speaker, each outlet's wording side by side (or one under
//! another when narrow) with the words that drift from the reference wording marked, its
//! support k of N and its flags; and the Sources pane, whom each report cites and how often.
//!
//! Drift is shown by colour and by underline (the theme's `changed` style carries both, and
//! keeps the underline without colour), and every flag is a word, so colour is never the
//! only signal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{pane_title, put, put_cut, put_text};
use crate::quotes::rows::{QuoteRow, QuoteView};
use crate::ui::app::App;
use crate::ui::geometry::Pane;
use crate::ui::quote_layout::{direct, label, Cell, QuoteLine, INDENT, LABEL};

/// Draw the Quotes view into `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let [quotes, sources] = app.quotes_panes();
    if quotes.title.y == sources.title.y && sources.title.x > body.x {
        // Side by side: a rule between the panes.
        let x = sources.title.x - 1;
        for y in body.y..body.bottom() {
            put(buf, x, y, "│", 1, app.theme.dim);
        }
    }
    quotes_pane(app, &quotes, buf);
    sources_pane(app, &sources, buf);
}

/// The status line's word for an action where this view gives it another sense.
pub(crate) fn hint(a: crate::ui::action::Action) -> Option<&'static str> {
    use crate::ui::action::Action;
    match a {
        Action::NextRight => Some("outlet"),
        Action::Open => Some("read"),
        Action::SwitchPane => Some("sources"),
        _ => None,
    }
}

/// The status line's position in this view.
pub(crate) fn position(app: &App) -> String {
    let n = app.quote_data.quotes.len();
    match app.quote_data.quotes.get(app.quotes.sel) {
        Some(q) => {
            let doc = q.rows.get(app.quotes.row).map_or(0, |r| r.doc + 1);
            let reported = q
                .rows
                .get(app.quotes.row)
                .filter(|r| !direct(r))
                .map_or("", |_| " (reported speech)");
            format!(
                "quote {}/{n} · [{doc}] outlet {}/{}{reported}",
                app.quotes.sel + 1,
                app.quotes.row + 1,
                q.rows.len()
            )
        }
        None => "no quotes".to_owned(),
    }
}

fn quotes_pane(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = !app.quotes.sources_focus;
    pane_title(
        buf,
        t,
        pane,
        &format!(
            " Quotes by speaker ({}) · Enter: read · 3: compare · ]/[: outlet ",
            app.quote_data.quotes.len()
        ),
        focused,
    );
    let c = pane.content;
    if c.width == 0 || c.height == 0 {
        return;
    }
    let notice = if app.aligning {
        Some("aligning the reports…")
    } else if app.quote_data.quotes.is_empty() {
        Some("no quotes in these reports")
    } else {
        None
    };
    if let Some(m) = notice {
        put(buf, c.x + 1, c.y, m, c.width.saturating_sub(1), t.notice);
        return;
    }
    let lay = &app.quotes.layout;
    for (i, line) in lay
        .lines
        .iter()
        .skip(app.quotes.scroll)
        .take(usize::from(c.height))
        .enumerate()
    {
        let y = c.y + i as u16;
        match line {
            QuoteLine::Speaker { quote, count } => {
                let name = app.quote_data.quotes[*quote]
                    .speaker
                    .as_deref()
                    .unwrap_or("speaker not named");
                let s = format!(
                    "{name} · {count} quote{}",
                    if *count == 1 { "" } else { "s" }
                );
                put_cut(buf, c.x, y, &s, c.width, t.heading);
            }
            QuoteLine::Head(q) => head(app, *q, focused, (c.x, y, c.width), buf),
            QuoteLine::Words {
                quote,
                cells,
                column,
            } => {
                let v = &app.quote_data.quotes[*quote];
                let x0 = c.x + INDENT as u16;
                let room = c.width.saturating_sub(INDENT as u16);
                match *column {
                    Some(w) => {
                        for (k, cell) in cells.iter().enumerate() {
                            let Some(cell) = cell else { continue };
                            let x = x0 + (k * (w + 1)) as u16;
                            let max = (w as u16).min(c.right().saturating_sub(x));
                            draw_cell(app, v, *quote, cell, (x, y, max), buf);
                        }
                    }
                    None => {
                        let Some(Some(cell)) = cells.first() else {
                            continue;
                        };
                        let lw = (LABEL as u16).min(room);
                        if cell.label {
                            draw_label(
                                app,
                                v,
                                *quote,
                                cell.row,
                                (x0, y, lw.saturating_sub(1)),
                                buf,
                            );
                        }
                        let text_cell = Cell {
                            label: false,
                            ..cell.clone()
                        };
                        let max = room.saturating_sub(lw);
                        draw_cell(app, v, *quote, &text_cell, (x0 + lw, y, max), buf);
                    }
                }
            }
        }
    }
}

/// A quote's heading: selection mark, support k/N and its flags in words.
fn head(app: &App, q: usize, focused: bool, (x, y, w): (u16, u16, u16), buf: &mut Buffer) {
    let t = &app.theme;
    let v = &app.quote_data.quotes[q];
    let selected = q == app.quotes.sel;
    let base = if selected && focused {
        t.selected
    } else {
        Style::new()
    };
    buf.set_style(Rect::new(x, y, w, 1), base);
    let mark = if selected { "▶ " } else { "  " };
    let mut used = put(buf, x, y, mark, w, base);
    // The speaker on every quote's heading too: a long quote can push its speaker's
    // heading off screen.
    let name = v.speaker.as_deref().unwrap_or("speaker not named");
    used += put(
        buf,
        x + used,
        y,
        name,
        w.saturating_sub(used),
        base.patch(t.heading),
    );
    used += put(
        buf,
        x + used,
        y,
        " · ",
        w.saturating_sub(used),
        base.patch(t.dim),
    );
    let support = format!("{}/{} reports", v.support, v.total);
    used += put(
        buf,
        x + used,
        y,
        &support,
        w.saturating_sub(used),
        base.patch(t.text),
    );
    let flags = [
        (v.drift, "≈ wording drifts", t.changed),
        (v.misattributed, "✗ misattributed", t.divergent),
        (v.paraphrase, "~ paraphrase in quote marks", t.unique),
    ];
    for (on, word, style) in flags {
        if on {
            used += put(
                buf,
                x + used,
                y,
                " · ",
                w.saturating_sub(used),
                base.patch(t.dim),
            );
            used += put(
                buf,
                x + used,
                y,
                word,
                w.saturating_sub(used),
                base.patch(style),
            );
        }
    }
}

/// One outlet's label: report, speaker when it differs from the quote's, verb.
fn draw_label(
    app: &App,
    v: &QuoteView,
    q: usize,
    row: usize,
    (x, y, w): (u16, u16, u16),
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let Some(r) = v.rows.get(row) else { return };
    let chosen = q == app.quotes.sel && row == app.quotes.row;
    let style = if chosen { t.selected } else { t.dim };
    if chosen && x > 0 {
        // The chosen outlet is marked by a character as well as by its style.
        put(buf, x - 1, y, "›", 1, t.text);
    }
    put_cut(buf, x, y, &row_label(v, r), w, style);
}

fn row_label(v: &QuoteView, r: &QuoteRow) -> String {
    let base = label(r);
    match (&r.speaker, &v.speaker) {
        // Only a misattributed quote names each outlet's speaker: elsewhere they agree.
        (Some(s), Some(q)) if v.misattributed && s != q => format!("{base} · {s}"),
        _ => base,
    }
}

/// One piece of a row: its label (side-by-side layout) or its words with the drift marked.
fn draw_cell(
    app: &App,
    v: &QuoteView,
    q: usize,
    cell: &Cell,
    at: (u16, u16, u16),
    buf: &mut Buffer,
) {
    if at.2 == 0 {
        return;
    }
    if cell.label {
        draw_label(app, v, q, cell.row, at, buf);
        return;
    }
    let Some(r) = v.rows.get(cell.row) else {
        return;
    };
    let t = &app.theme;
    let (x, y, w) = at;
    // Direct words inside “ ”; reported speech bare.
    let marks = direct(r);
    if marks && cell.range.start == 0 {
        put(buf, x, y, "“", 1, t.dim);
    }
    let overlays: Vec<_> = r
        .drift
        .iter()
        .filter(|d| d.start < cell.range.end && d.end > cell.range.start)
        .map(|d| (d.clone(), t.changed))
        .collect();
    let used = put_text(
        buf,
        (x + 1, y, w.saturating_sub(2)),
        &r.text,
        cell.range.clone(),
        t.text,
        &overlays,
    );
    if marks && cell.range.end >= r.text.trim_end().len() {
        put(buf, x + 1 + used, y, "”", 1, t.dim);
    }
}

fn sources_pane(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    pane_title(
        buf,
        t,
        pane,
        " Sources · whom each report cites, how often ",
        app.quotes.sources_focus,
    );
    let c = pane.content;
    if c.width == 0 || c.height == 0 {
        return;
    }
    // (indent, text, style) per row: a heading per report, then its sources.
    let mut rows: Vec<(u16, String, Style)> = Vec::new();
    for (d, list) in app.quote_data.sources.iter().enumerate() {
        let title = app.titles.get(d).map_or("", String::as_str);
        rows.push((0, format!("[{}] {title}", d + 1), t.heading));
        if list.is_empty() {
            rows.push((2, "cites no source".to_owned(), t.dim));
        }
        for (source, n) in list {
            rows.push((2, format!("{n:>2}× {source}"), t.text));
        }
    }
    for (i, (indent, text, style)) in rows
        .iter()
        .skip(app.quotes.sources_scroll)
        .take(usize::from(c.height))
        .enumerate()
    {
        let indent = (*indent).min(c.width);
        put_cut(
            buf,
            c.x + indent,
            c.y + i as u16,
            text,
            c.width - indent,
            *style,
        );
    }
}
