//! One report, wrapped, with a support gutter; and a panel showing how every other report
//! states the selected statement, differing words highlighted and differences typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{matches_in, pane_title, put, put_cut, put_no_statements, put_text, status_mark};
use crate::align::{Relation, StatementRef, Status};
use crate::model::StatementKind;
use crate::ui::app::{digits, App};
use crate::ui::claims;
use crate::ui::diff::{mark_style, pair_conflicts, pair_highlights, styled};
use crate::ui::geometry::{self, Pane};
use crate::ui::rows::wrap;

/// Draw the reader into `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let g = geometry::reader(body);
    if app.docs.is_empty() {
        return;
    }
    text(app, &g.text, buf);
    panel(app, &g.panel, buf);
}

fn text(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    let doc_i = app.reader.doc;
    let doc = &app.docs[doc_i];
    let title = crate::ui::titles::fitted(
        &format!(" [{}/{}] ", doc_i + 1, app.n_docs()),
        &app.titles[doc_i],
        &format!(" · {} ", doc.label()),
        usize::from(pane.title.width),
    );
    pane_title(buf, t, pane, &title, !app.reader.panel_focus);
    let c = pane.content;
    let gutter = app.reader_gutter();
    if c.width <= gutter {
        return;
    }
    let n = app.n_docs();
    let d = digits(n);
    let lay = &app.reader.layout;
    let changed = selected_changes(app);
    for (i, line) in lay
        .lines
        .iter()
        .skip(app.reader.scroll)
        .take(usize::from(c.height))
        .enumerate()
    {
        let y = c.y + i as u16;
        let Some(s) = line.stmt else { continue };
        let r = StatementRef {
            doc: doc_i,
            statement: s,
        };
        let status = app.status(r);
        let kind = doc.statements[s].kind;
        let (mut mark, mut style) = status_mark(t, status, kind);
        if app.aligning {
            (mark, style) = (' ', t.text);
        } else if !app.passes_reader(r) {
            style = t.dim;
        }
        let selected = s == app.reader.sel;
        if selected {
            style = style.patch(t.selected);
            buf.set_style(Rect::new(c.x, y, c.width, 1), t.selected);
        }
        if line.first {
            let support = if status == Status::NotClaim || app.aligning {
                format!("{:>w$}", "", w = 2 * d + 1)
            } else {
                format!("{:>d$}/{n:<d$}", claims::support(&app.alignment, r))
            };
            let sel = if selected { '▶' } else { ' ' };
            let g = format!("{sel}{support}{mark} ");
            put(buf, c.x, y, &g, gutter, t.gutter.patch(style));
        }
        let mut overlays: Vec<_> = matches_in(&doc.text, line.start..line.end, app.highlight())
            .into_iter()
            .map(|m| (m, t.matched))
            .collect();
        if selected {
            overlays.extend(changed.iter().cloned());
        }
        put_text(
            buf,
            (c.x + gutter, y, c.width - gutter),
            &doc.text,
            line.start..line.end,
            style,
            &overlays,
        );
    }
    if lay.lines.is_empty() {
        put_no_statements(buf, c, t);
    }
}

/// The conflicting words of the selected statement against its best divergent counterpart,
/// as styled absolute byte ranges, so the text pane and the panel mark the same conflict.
/// (Phrases are marked in the panel only: they differ from one report to the next.)
fn selected_changes(app: &App) -> Vec<(std::ops::Range<usize>, Style)> {
    let doc = &app.docs[app.reader.doc];
    let Some(st) = doc.statements.get(app.reader.sel) else {
        return Vec::new();
    };
    let r = StatementRef {
        doc: app.reader.doc,
        statement: app.reader.sel,
    };
    let best = app
        .alignment
        .links_of(r)
        .filter(|l| l.relation == Relation::Divergent)
        .filter(|l| {
            l.other(r)
                .is_some_and(|o| claims::same_claim(&app.alignment, r, o))
        })
        .max_by(|a, b| a.score.total_cmp(&b.score));
    let Some((o, link)) = best.and_then(|l| l.other(r).map(|o| (o, l))) else {
        return Vec::new();
    };
    let theirs = app.docs[o.doc].statement_text(o.statement);
    let h = pair_conflicts(
        doc.statement_text(app.reader.sel),
        theirs,
        link,
        link.a == r,
    );
    styled(&app.theme, &h.a, st.start, true)
}

/// One styled row of the panel.
struct Row {
    indent: u16,
    parts: Vec<(String, Style)>,
}

/// The panel's rows for a panel `width` columns wide, and its title.
fn panel_rows(app: &App, width: u16) -> (String, Vec<Row>) {
    let t = &app.theme;
    let doc_i = app.reader.doc;
    let Some(doc) = app.docs.get(doc_i).filter(|d| !d.statements.is_empty()) else {
        return (" Other reports ".to_owned(), Vec::new());
    };
    let r = StatementRef {
        doc: doc_i,
        statement: app.reader.sel,
    };
    if app.aligning {
        return (" Other reports · aligning… ".to_owned(), Vec::new());
    }
    // Exactly the other members of the claim, so the panel agrees with the gutter's k/n.
    let members = claims::other_members(&app.alignment, r);
    let status = app.status(r);
    let support = claims::support(&app.alignment, r);
    let title = format!(
        " How other reports state it ({} of {}) ",
        support.saturating_sub(1),
        app.n_docs().saturating_sub(1)
    );
    let width = usize::from(width.saturating_sub(2)).max(1);
    let mut rows: Vec<Row> = Vec::new();
    let note = |s: &str, style| Row {
        indent: 1,
        parts: vec![(s.to_owned(), style)],
    };
    match (status, doc.statements[r.statement].kind) {
        (Status::Unique, _) => rows.push(note("◆ Only this report says this.", t.unique)),
        (Status::NotClaim, StatementKind::Heading) => {
            rows.push(note("# A heading: not a claim.", t.dim))
        }
        (Status::NotClaim, _) => rows.push(note("~ Boilerplate: not a claim.", t.dim)),
        _ => {}
    }
    let mine = doc.statement_text(r.statement);
    for o in members {
        if rows.len() >= MAX_PANEL_ROWS {
            break;
        }
        let odoc = &app.docs[o.doc];
        let link = claims::link_between(&app.alignment, r, o);
        let (mark, style) = match link.map(|l| l.relation) {
            Some(Relation::Shared) => ("= same", t.shared),
            Some(Relation::Divergent) => ("≠ differs", t.divergent),
            // In the claim through its other members, without a link of its own to this one.
            None => ("= same claim", t.shared),
        };
        let here = if o.doc == doc_i { " (this report)" } else { "" };
        let theirs = odoc.statement_text(o.statement);
        let marks = pair_highlights(mine, theirs, link, link.is_none_or(|l| l.a == r));
        let mut head = vec![(format!("{mark} "), style)];
        if marks.reworded {
            // Said in words: no mark in the text below is not "nothing differs".
            head.push(("reworded · ".to_owned(), t.dim));
        }
        head.push((
            format!("[{}]{here} {}", o.doc + 1, app.titles[o.doc]),
            t.heading,
        ));
        rows.push(Row {
            indent: 0,
            parts: head,
        });
        let changed: Vec<(std::ops::Range<usize>, Style)> = marks
            .b
            .iter()
            .map(|h| (h.range.clone(), mark_style(t, h.mark)))
            .collect();
        for range in wrap(theirs, width) {
            let mut parts = Vec::new();
            let mut at = range.start;
            for (ch, mark) in changed
                .iter()
                .filter(|(c, _)| c.start < range.end && c.end > range.start)
            {
                let (s, e) = (ch.start.max(range.start), ch.end.min(range.end));
                if s > at {
                    parts.push((theirs[at..s].to_owned(), t.text));
                }
                parts.push((theirs[s..e].to_owned(), *mark));
                at = e;
            }
            if at < range.end {
                parts.push((theirs[at..range.end].to_owned(), t.text));
            }
            rows.push(Row { indent: 2, parts });
        }
        // Differences are stored from the link's `a` side; show ours first.
        let Some(l) = link else { continue };
        let ours_first = l.a == r;
        for diff in &l.differences {
            let (ours, theirs) = if ours_first {
                (&diff.a, &diff.b)
            } else {
                (&diff.b, &diff.a)
            };
            let (ours, theirs) = crate::ui::diff::excerpt_pair(ours, theirs);
            rows.push(Row {
                indent: 2,
                parts: vec![
                    (format!("{}: ", diff.kind.as_str()), t.divergent),
                    (ours, t.changed),
                ],
            });
            // The other side on its own row, under ours, so narrow panels still show both.
            let pad = " ".repeat(diff.kind.as_str().chars().count());
            rows.push(Row {
                indent: 2,
                parts: vec![(format!("{pad}↔ "), t.dim), (theirs, t.changed)],
            });
        }
    }
    (title, rows)
}

/// Rows past which the panel stops (a claim stated by hundreds of reports).
const MAX_PANEL_ROWS: usize = 5_000;

/// Number of rows the panel has at the current size (for scrolling it).
#[must_use]
pub fn panel_row_count(app: &App) -> usize {
    if app.reader.sources {
        return super::sources::row_count(app);
    }
    let g = geometry::reader(app.screen().body);
    panel_rows(app, g.panel.content.width).1.len()
}

fn panel(app: &App, pane: &Pane, buf: &mut Buffer) {
    if app.reader.sources {
        return super::sources::render(app, pane, buf);
    }
    let t = &app.theme;
    let c = pane.content;
    let (title, rows) = panel_rows(app, c.width);
    let focused = app.reader.panel_focus;
    pane_title(buf, t, pane, &title, focused);
    let total = rows.len();
    let h = usize::from(c.height);
    let top = app.reader.panel_scroll.min(total.saturating_sub(h));
    for (i, row) in rows.iter().skip(top).take(h).enumerate() {
        let y = c.y + i as u16;
        if i + 1 == h && top + h < total {
            let hint = if focused {
                "j/k, PgDn: scroll"
            } else {
                "Tab: scroll here"
            };
            let more = total - top - h + 1;
            put(
                buf,
                c.x + 1,
                y,
                &format!("… {more} more rows ({hint})"),
                c.width.saturating_sub(1),
                t.dim,
            );
            break;
        }
        let mut x = c.x + row.indent.min(c.width);
        for (s, style) in &row.parts {
            let w = c.right().saturating_sub(x);
            x += if row.indent == 0 {
                put_cut(buf, x, y, s, w, *style)
            } else {
                put(buf, x, y, s, w, *style)
            };
        }
    }
}
