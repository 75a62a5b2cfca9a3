//! The start screen: the reports table, their overlap matrix, and the claims by support.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{matches_in, pane_title, put, put_cut, put_text, status_mark};
use crate::ui::app::{digits, App, Claim, OverviewFocus};
use crate::ui::geometry::Pane;
use crate::ui::quote_data::DIFFERS_MARK;

/// Draw the overview into `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let o = app.overview_parts(body);
    reports(app, &o.reports, buf);
    if let Some(m) = &o.matrix {
        matrix(app, m, buf);
    }
    claims(app, &o.claims, buf);
}

/// Right-align `v` in `w` columns.
fn num(v: usize, w: usize) -> String {
    format!("{v:>w$}")
}

fn reports(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.overview.focus == OverviewFocus::Reports;
    pane_title(buf, t, pane, &reports_title(app), focused);
    legend(app, pane, focused, buf);
    let c = pane.content;
    if c.height == 0 || c.width == 0 {
        return;
    }
    let d = digits(app.n_docs()).max(1);
    // Narrow tables keep the title and the three counts, and drop the rest.
    let wide = c.width >= 70;
    // The source column widens to its longest entry (up to 40) when the titles leave room.
    let longest_source = app.source_cols;
    let spare = usize::from(c.width).saturating_sub(app.title_cols + 3 + 24 + 1 + 14 + 2);
    let source_w: u16 = if wide {
        14 + u16::try_from(longest_source.saturating_sub(13).min(26).min(spare)).unwrap_or(0)
    } else {
        0
    };
    let fig_cols = if wide {
        " words stmts   =   ≠   ◆"
    } else {
        "   =   ≠   ◆"
    };
    let fig_w = fig_cols.chars().count() as u16;
    let lead = d as u16 + 2;
    let title_w = c
        .width
        .saturating_sub(lead + source_w + fig_w + u16::from(wide));
    let head = format!(
        "{:>lead$}{:<tw$}{}{}",
        "#  ",
        "title",
        if wide {
            format!(" {:<w$}", "source", w = usize::from(source_w))
        } else {
            String::new()
        },
        fig_cols,
        lead = usize::from(lead),
        tw = usize::from(title_w)
    );
    put(buf, c.x, c.y, &head, c.width, t.dim);
    let rows = usize::from(c.height - 1);
    let shown = app.shown();
    for (i, &doc) in shown
        .iter()
        .skip(app.overview.report_scroll)
        .take(rows)
        .enumerate()
    {
        let y = c.y + 1 + i as u16;
        let selected = doc == app.overview.report;
        let style = if selected && focused {
            t.selected
        } else {
            t.text
        };
        buf.set_style(Rect::new(c.x, y, c.width, 1), style);
        let mark = if selected { "▶" } else { " " };
        let mut x = c.x;
        x += put(
            buf,
            x,
            y,
            &format!("{mark}{} ", num(doc + 1, d)),
            c.width,
            style,
        );
        let dd = &app.docs[doc];
        let tw = put_cut(
            buf,
            x,
            y,
            &app.titles[doc],
            title_w.saturating_sub(1),
            style,
        );
        x += title_w.max(tw);
        if wide {
            x += 1;
            put_cut(buf, x, y, dd.label(), source_w - 1, style.patch(t.dim));
            x += source_w;
        }
        let r = app.report_rows[doc];
        let right = c.right().saturating_sub(x);
        if wide {
            x += put(
                buf,
                x,
                y,
                &format!("{} {}", num(r.words, 6), num(r.statements, 5)),
                right,
                style,
            );
        }
        let right = c.right().saturating_sub(x);
        let figs = [
            (r.shared, t.shared),
            (r.divergent, t.divergent),
            (r.unique, t.unique),
        ];
        let mut used = 0;
        for (v, s) in figs {
            let fig = if app.aligning {
                format!("{:>4}", "…")
            } else {
                num(v, 4)
            };
            used += put(
                buf,
                x + used,
                y,
                &fig,
                right.saturating_sub(used),
                style.patch(s),
            );
        }
    }
}

/// The reports table's title: in a story's overview, the story's title and the way back.
fn reports_title(app: &App) -> String {
    let n = app.shown().len();
    match app.stories.open.and_then(|s| app.alignment.stories.get(s)) {
        Some(s) => format!(
            " Story {}/{}: {} · {n} reports · Esc: stories ",
            s.id + 1,
            app.alignment.stories.len(),
            crate::model::clean::visible(&s.title)
        ),
        None => format!(" Reports ({n}) · Enter: read · 3: compare "),
    }
}

/// What the marks mean, at the right end of the table's title row when it has room.
fn legend(app: &App, pane: &Pane, focused: bool, buf: &mut Buffer) {
    let t = &app.theme;
    let base = if focused { t.title_focus } else { t.title };
    let title_w = reports_title(app).chars().count() as u16;
    let long = [
        ("=", " shared  ", t.shared),
        ("≠", " divergent  ", t.divergent),
        ("◆", " unique  ", t.unique),
        ("○", " compare: not in the report opposite ", t.elsewhere),
    ];
    let width = |parts: &[(&str, &str, ratatui::style::Style)]| {
        parts
            .iter()
            .map(|p| (p.0.chars().count() + p.1.chars().count()) as u16)
            .sum::<u16>()
    };
    let room = pane.title.width.saturating_sub(title_w + 1);
    let parts: &[_] = if width(&long) <= room {
        &long
    } else if width(&long[..3]) <= room {
        &long[..3]
    } else {
        return;
    };
    let mut x = pane.title.right() - width(parts);
    for (mark, word, style) in parts {
        x += put(buf, x, pane.title.y, mark, 1, base.patch(*style));
        x += put(buf, x, pane.title.y, word, pane.title.right() - x, base);
    }
}

fn matrix(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    let heading = if pane.title.width >= 41 {
        " Overlap % of claims "
    } else {
        " Overlap %"
    };
    pane_title(buf, t, pane, heading, false);
    // The heat scale sits in the title row, so every row below can hold a report.
    let title_w = heading.chars().count() as u16;
    let mut x = pane.title.x + title_w;
    for (k, h) in t.heat.iter().enumerate() {
        let pct = k * 100 / t.heat.len().saturating_sub(1).max(1);
        x += put(
            buf,
            x,
            pane.title.y,
            &format!("{pct:>4}"),
            pane.title.right().saturating_sub(x),
            *h,
        );
    }
    let c = pane.content;
    // Rows and columns are positions among the shown reports (the open story's).
    let shown = app.shown();
    let n = shown.len();
    if c.height < 2 || c.width < 8 || n == 0 {
        return;
    }
    if app.aligning {
        // Every overlap would read 0 until the claims are known.
        put(buf, c.x + 1, c.y, "…", c.width.saturating_sub(1), t.notice);
        return;
    }
    let sel = app.shown_pos();
    let d = digits(app.n_docs()) as u16;
    let label_w = d + 2;
    let cell = 4u16.max(d + 1);
    let cols = usize::from((c.width - label_w) / cell).min(n);
    // Beside the table the rows are the table's rows (same first report, same height);
    // under it (narrow screens), the window around the selected report.
    let beside = pane.title.y == app.overview_parts(app.screen().body).reports.title.y;
    let rows = usize::from(c.height - 1).min(n);
    let window = |k: usize| sel.saturating_sub(k / 2).min(n.saturating_sub(k));
    let r0 = if beside {
        app.overview.report_scroll.min(n.saturating_sub(1))
    } else {
        window(rows)
    };
    let rows = rows.min(n - r0);
    let c0 = window(cols);
    let mut x = c.x + label_w;
    for &j in &shown[c0..c0 + cols] {
        put(
            buf,
            x,
            c.y,
            &format!("{:>w$}", j + 1, w = usize::from(cell)),
            cell,
            t.dim,
        );
        x += cell;
    }
    for (i, a) in shown[r0..r0 + rows].iter().copied().enumerate() {
        let y = c.y + 1 + i as u16;
        let lab_style = if a == app.overview.report {
            t.selected
        } else {
            t.dim
        };
        put(
            buf,
            c.x,
            y,
            &format!("{:>w$}  ", a + 1, w = usize::from(d)),
            label_w,
            lab_style,
        );
        let mut x = c.x + label_w;
        for &b in &shown[c0..c0 + cols] {
            let (text, style) = if a == b {
                (format!("{:>w$}", "·", w = usize::from(cell)), t.dim)
            } else {
                let v = app.alignment.overlap(a, b);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let pct = (v * 100.0).round() as u32;
                (format!("{pct:>w$}", w = usize::from(cell)), t.heat_style(v))
            };
            put(buf, x, y, &text, cell, style);
            x += cell;
        }
    }
}

fn claims(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.overview.focus == OverviewFocus::Claims;
    pane_title(
        buf,
        t,
        pane,
        &format!(
            " Claims by support ({}) · filter: {} · Enter: compare ",
            app.visible_claims.len(),
            app.filter.name()
        ),
        focused,
    );
    let c = pane.content;
    if c.width == 0 {
        return;
    }
    if app.aligning {
        // The claims are not known yet: every statement would show as unique.
        if c.height > 0 {
            put(
                buf,
                c.x + 1,
                c.y,
                &super::stories::progress(app, false),
                c.width.saturating_sub(1),
                t.notice,
            );
        }
        return;
    }
    let n = app.shown().len();
    let d = digits(n);
    for (i, idx) in (app.overview.claim_scroll..app.visible_claims.len())
        .take(usize::from(c.height))
        .enumerate()
    {
        let y = c.y + i as u16;
        let claim = app.claims[app.visible_claims[idx]];
        let selected = idx == app.overview.claim;
        let row_style = if selected && focused {
            t.selected
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(c.x, y, c.width, 1), row_style);
        let Some(r) = app.claim_statement(claim) else {
            continue;
        };
        let status = match claim {
            Claim::Unique(_) => crate::align::Status::Unique,
            Claim::Group(_) if app.claim_divergent(claim) => crate::align::Status::Divergent,
            Claim::Group(_) => crate::align::Status::Shared,
        };
        let kind = app.docs[r.doc].statements[r.statement].kind;
        let (mark, style) = status_mark(t, status, kind);
        let mut x = c.x;
        let sel = if selected { '▶' } else { ' ' };
        let support = app.claim_support(claim);
        // † after the mark: the reports differ in whom they cite or how surely they say it.
        let differs = match claim {
            Claim::Group(g) => app.quote_data.groups.get(g).is_some_and(|d| d.any()),
            Claim::Unique(_) => false,
        };
        let q = if differs { DIFFERS_MARK } else { ' ' };
        x += put(
            buf,
            x,
            y,
            &format!("{sel}{support:>d$}/{n:<d$} {mark}{q}"),
            c.width,
            row_style.patch(style),
        );
        let text = app.docs[r.doc].statement_text(r.statement);
        let label = format!("[{}] ", r.doc + 1);
        let w = c.right().saturating_sub(x);
        // A claim that matches the search shows it on its label (the match may be in another
        // report's wording) and in its text.
        let matched = !app.highlight().is_empty() && app.claim_matches(claim);
        let label_style = if matched { t.matched } else { t.dim };
        let used = put(buf, x, y, &label, w, row_style.patch(label_style));
        let hits = matches_in(text, 0..text.len(), app.highlight());
        if hits.is_empty() {
            put_cut(
                buf,
                x + used,
                y,
                text,
                w.saturating_sub(used),
                row_style.patch(t.text),
            );
        } else {
            let overlays: Vec<_> = hits.into_iter().map(|m| (m, t.matched)).collect();
            put_text(
                buf,
                (x + used, y, w.saturating_sub(used)),
                text,
                0..text.len(),
                row_style.patch(t.text),
                &overlays,
            );
        }
    }
    if app.visible_claims.is_empty() && c.height > 0 {
        let msg = if app.aligning {
            "aligning the reports…"
        } else {
            "no claims pass this filter (f: next filter)"
        };
        put(buf, c.x + 1, c.y, msg, c.width.saturating_sub(1), t.notice);
    }
}
