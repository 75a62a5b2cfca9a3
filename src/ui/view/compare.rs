//! Two reports side by side (or stacked when narrow), in the aligned or reading-order layout.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{matches_in, pair_mark, pane_title, put, put_no_statements, put_text};
use crate::align::Highlight;
use crate::align::{Relation, StatementRef};
use crate::ui::app::{App, CompareMode, PairStatus};
use crate::ui::claims;
use crate::ui::diff::{pair_conflicts, pair_highlights, styled};
use crate::ui::geometry::{self, Pane};

/// Draw the compare view into `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    if app.docs.is_empty() {
        return;
    }
    let panes = geometry::compare(body);
    let pair = selected_pair(app);
    for (side, pane) in panes.iter().enumerate() {
        column(app, side, pane, pair.as_ref(), buf);
    }
    if geometry::compare_side_by_side(body) {
        let x = panes[0].content.right();
        for y in body.y..panes[0].content.bottom() {
            put(buf, x, y, "│", 1, app.theme.dim);
        }
    }
    detail(app, geometry::compare_detail(body), pair.as_ref(), buf);
}

/// The selected pair (the focused statement and its counterpart opposite) and the words that
/// carry their difference: conflicts and the differing phrase, on both sides.
struct SelectedPair {
    /// The pair's statement in each pane.
    stmts: [usize; 2],
    /// Its highlights in each pane, relative to the statement's start.
    marks: [Vec<Highlight>; 2],
    /// The two share too little for phrase marks.
    reworded: bool,
}

fn selected_pair(app: &App) -> Option<SelectedPair> {
    if app.aligning {
        return None;
    }
    let f = app.compare.focus;
    let docs = app.compare.docs;
    let r = StatementRef {
        doc: docs[f],
        statement: app.compare.sel[f],
    };
    app.docs[r.doc].statements.get(r.statement)?;
    let o = StatementRef {
        doc: docs[1 - f],
        statement: app.counterpart()?,
    };
    let link = claims::link_between(&app.alignment, r, o);
    let h = pair_highlights(
        app.docs[r.doc].statement_text(r.statement),
        app.docs[o.doc].statement_text(o.statement),
        link,
        link.is_none_or(|l| l.a == r),
    );
    let mut stmts = [r.statement; 2];
    stmts[1 - f] = o.statement;
    let (ours, theirs) = (h.a, h.b);
    let marks = if f == 0 {
        [ours, theirs]
    } else {
        [theirs, ours]
    };
    Some(SelectedPair {
        stmts,
        marks,
        reworded: h.reworded,
    })
}

/// One row on the selected pair: its claim, its support, each typed difference, and whether
/// the two are reworded (too little in common for their words to be marked).
fn detail(app: &App, area: Rect, pair: Option<&SelectedPair>, buf: &mut Buffer) {
    let t = &app.theme;
    if area.height == 0 {
        return;
    }
    buf.set_style(area, t.title);
    let f = app.compare.focus;
    let docs = app.compare.docs;
    let Some(_) = app.docs[docs[f]].statements.get(app.compare.sel[f]) else {
        return;
    };
    let r = StatementRef {
        doc: docs[f],
        statement: app.compare.sel[f],
    };
    let (x, y) = (area.x, area.y);
    let mut used = 0;
    let mut say = |s: &str, style: Style, used: &mut u16| {
        *used += put(
            buf,
            x + *used,
            y,
            s,
            area.width.saturating_sub(*used),
            style,
        );
    };
    if app.aligning {
        say(
            " aligning… marks and claims appear when the reports are aligned",
            t.notice,
            &mut used,
        );
        return;
    }
    let status = app.pair_status(f, r.statement);
    let (mark, style) = pair_mark(t, status, app.docs[r.doc].statements[r.statement].kind);
    say(&format!(" {mark} "), t.title.patch(style), &mut used);
    let counterpart = app.counterpart().map(|c| StatementRef {
        doc: docs[1 - f],
        statement: c,
    });
    let link = counterpart.and_then(|c| claims::link_between(&app.alignment, r, c));
    let support = claims::support(&app.alignment, r);
    let claim = app
        .claim_number(r)
        .map_or(String::new(), |k| format!("claim {k} · "));
    let n = app.n_docs();
    // Where the counterpart is when the aligned layout could not put it on this row.
    let apart = match (counterpart, app.compare.mode) {
        (Some(c), CompareMode::Aligned) => {
            let pair = if f == 0 {
                (r.statement, c.statement)
            } else {
                (c.statement, r.statement)
            };
            if app.compare.anchors.contains(&pair) {
                String::new()
            } else {
                format!(
                    " · opposite at statement {} (out of order here; a: reading order)",
                    c.statement + 1
                )
            }
        }
        _ => String::new(),
    };
    let reworded = if pair.is_some_and(|p| p.reworded) {
        " · reworded"
    } else {
        ""
    };
    match (status, link) {
        (PairStatus::Divergent, Some(link)) if link.relation == Relation::Divergent => {
            say(
                &format!("{claim}{support}/{n} reports · differs: "),
                t.title,
                &mut used,
            );
            let ours_first = link.a == r;
            for (i, d) in link.differences.iter().enumerate() {
                let (ours, theirs) = if ours_first {
                    (&d.a, &d.b)
                } else {
                    (&d.b, &d.a)
                };
                let (ours, theirs) = crate::ui::diff::excerpt_pair(ours, theirs);
                let sep = if i == 0 { "" } else { "; " };
                say(&format!("{sep}{}: ", d.kind.as_str()), t.title, &mut used);
                say(&ours, t.changed, &mut used);
                say(" ↔ ", t.title, &mut used);
                say(&theirs, t.changed, &mut used);
            }
            say(&format!("{reworded}{apart}"), t.title, &mut used);
        }
        (PairStatus::Shared | PairStatus::Divergent, _) => say(
            &format!("{claim}{support}/{n} reports · both state it{reworded}{apart}"),
            t.title,
            &mut used,
        ),
        (PairStatus::Elsewhere, _) => say(
            &format!("{claim}{support}/{n} reports · not in the report opposite"),
            t.title,
            &mut used,
        ),
        (PairStatus::Unique, _) => say("only this report says this", t.title, &mut used),
        (PairStatus::NotClaim, _) => {
            say("not a claim (heading or boilerplate)", t.title, &mut used)
        }
    }
}

/// The conflicting words of a divergent statement against its counterpart opposite, as
/// styled ranges of its report's text (the selected pair gets its full marks elsewhere).
fn conflicts_against(app: &App, side: usize, stmt: usize) -> Vec<(Range<usize>, Style)> {
    let docs = app.compare.docs;
    let r = StatementRef {
        doc: docs[side],
        statement: stmt,
    };
    let Some((o, link)) = app
        .counterparts_in(r, docs[1 - side])
        .into_iter()
        .find_map(|o| claims::link_between(&app.alignment, r, o).map(|l| (o, l)))
    else {
        return Vec::new();
    };
    if link.relation != Relation::Divergent {
        return Vec::new();
    }
    let d = &app.docs[r.doc];
    let h = pair_conflicts(
        d.statement_text(stmt),
        app.docs[o.doc].statement_text(o.statement),
        link,
        link.a == r,
    );
    styled(&app.theme, &h.a, d.statements[stmt].start, true)
}

fn column(app: &App, side: usize, pane: &Pane, pair: Option<&SelectedPair>, buf: &mut Buffer) {
    let t = &app.theme;
    let doc_i = app.compare.docs[side];
    let doc = &app.docs[doc_i];
    let focused = app.compare.focus == side;
    let arrow = if side == 0 { "◀ {" } else { "▶ [" };
    let mode = match app.compare.mode {
        CompareMode::Aligned => "",
        CompareMode::Reading => " · reading order",
    };
    let title = crate::ui::titles::fitted(
        &format!(
            " {arrow}{}/{}{} ",
            doc_i + 1,
            app.n_docs(),
            if side == 0 { "}" } else { "]" }
        ),
        &app.titles[doc_i],
        &format!(" · {}{mode} ", doc.label()),
        usize::from(pane.title.width),
    );
    pane_title(buf, t, pane, &title, focused);
    let c = pane.content;
    let gutter = app.compare_gutter();
    if c.width <= gutter {
        return;
    }
    let num_w = usize::from(gutter - 3);
    let lay = &app.compare.layouts[side];
    let sel = app.compare.sel[side];
    let opposite_sel = if focused || app.aligning {
        None
    } else {
        app.counterpart()
    };
    let mut diffs: HashMap<usize, Vec<(Range<usize>, Style)>> = HashMap::new();
    for (i, line) in lay
        .lines
        .iter()
        .skip(app.compare.scroll[side])
        .take(usize::from(c.height))
        .enumerate()
    {
        let y = c.y + i as u16;
        let Some(s) = line.stmt else { continue };
        let status = app.pair_status(side, s);
        let kind = doc.statements[s].kind;
        let (mut mark, mut style) = pair_mark(t, status, kind);
        if app.aligning {
            // Until the engine is done every statement would look unique: show none.
            (mark, style) = (' ', t.text);
        } else if !app.passes_compare(side, s) {
            style = t.dim;
        }
        // The unfocused pane marks its selection only when it is the focused statement's
        // counterpart (a member of its claim); otherwise nothing opposite is selected.
        let selected = s == sel && (focused || opposite_sel == Some(s));
        if selected {
            // The pane opposite shows the counterpart selected too, more quietly.
            let sel_style = if focused {
                t.selected
            } else {
                t.selected.remove_modifier(ratatui::style::Modifier::BOLD)
            };
            style = style.patch(sel_style);
            buf.set_style(Rect::new(c.x, y, c.width, 1), sel_style);
        }
        if line.first {
            let r = StatementRef {
                doc: doc_i,
                statement: s,
            };
            let num = claims::claim_of(&app.alignment, r)
                .filter(|_| !app.aligning)
                .map_or(String::new(), |k| (k + 1).to_string());
            let sel_mark = match (selected, focused) {
                (true, true) => '▶',
                (true, false) => '▷',
                _ => ' ',
            };
            // † in the gutter: this report's wording of the claim cites other sources or
            // states it more or less surely than the others.
            let q = if !app.aligning && app.quote_data.statement(doc_i, s).any() {
                crate::ui::quote_data::DIFFERS_MARK
            } else {
                ' '
            };
            put(
                buf,
                c.x,
                y,
                &format!("{sel_mark}{mark}{num:>num_w$}{q}"),
                gutter,
                t.gutter.patch(style),
            );
        }
        let mut overlays: Vec<(Range<usize>, Style)> = Vec::new();
        if line.start < line.end {
            let marks = match pair.filter(|p| p.stmts[side] == s) {
                Some(p) => diffs
                    .entry(s)
                    .or_insert_with(|| styled(t, &p.marks[side], doc.statements[s].start, false)),
                None if status == PairStatus::Divergent => diffs
                    .entry(s)
                    .or_insert_with(|| conflicts_against(app, side, s)),
                None => &mut Vec::new(),
            };
            overlays.extend(
                marks
                    .iter()
                    .filter(|(r, _)| r.start < line.end && r.end > line.start)
                    .cloned(),
            );
        }
        overlays.extend(
            matches_in(&doc.text, line.start..line.end, app.highlight())
                .into_iter()
                .map(|m| (m, t.matched)),
        );
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
