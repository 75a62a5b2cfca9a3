//! The top bar (views) and the status line (view, reports, position, key hints).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use crate::ui::action::Action;
use crate::ui::app::{App, CompareMode, OverviewFocus, View};

/// The view tabs of the top bar: view, the action that opens it, label, and its columns.
pub(crate) fn header_tabs(app: &App, area: Rect) -> Vec<(View, Action, String, u16, u16)> {
    let compact = area.width < 70;
    let mut x = area.x + if compact { 0 } else { 10 };
    let mut out = Vec::new();
    for (view, action) in [
        (View::Overview, Action::Overview),
        (View::Reader, Action::Reader),
        (View::Compare, Action::Compare),
        (View::Quotes, Action::Quotes),
        (View::Help, Action::Help),
    ] {
        let key = app.keymap.first_label(action).unwrap_or_default();
        let label = format!(" {key} {} ", view.name());
        let w = label.chars().count() as u16;
        out.push((view, action, label, x, x + w));
        // Compact bars share one space between labels.
        x += if compact { w - 1 } else { w };
    }
    out
}

/// Draw the top bar: the views with their keys, the current one highlighted.
pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if area.height == 0 {
        return;
    }
    buf.set_style(area, t.header);
    if area.width >= 70 {
        put(buf, area.x, area.y, " parallax ", area.width, t.header);
    }
    let mut end = area.x;
    for (view, _, label, x, _) in header_tabs(app, area) {
        let style = if app.view == view {
            t.header_active
        } else {
            t.header
        };
        end = x + put(
            buf,
            x,
            area.y,
            &label,
            area.right().saturating_sub(x),
            style,
        );
    }
    let info = format!(" {} reports ", app.n_docs());
    let w = info.chars().count() as u16;
    if end + w < area.right() {
        put(buf, area.right() - w, area.y, &info, w, t.header);
    }
}

/// The status line's left part: where the user is.
fn position(app: &App) -> String {
    let filter = if app.filter == crate::ui::app::Filter::All {
        String::new()
    } else {
        format!(" · filter {}", app.filter.name())
    };
    let count = |d: usize| app.docs.get(d).map_or(0, |d| d.statements.len());
    match app.view {
        View::Overview if app.stories.list => {
            format!("story {}/{}", app.stories.sel + 1, app.stories.rows.len())
        }
        View::Overview => match app.overview.focus {
            OverviewFocus::Reports => format!(
                "{}report {}/{}{filter}",
                crate::ui::stories::story_prefix(app),
                app.overview.report + 1,
                app.n_docs()
            ),
            OverviewFocus::Claims => format!(
                "claim {}/{}{filter}{}",
                (app.overview.claim + 1).min(app.visible_claims.len()),
                app.visible_claims.len(),
                claim_differs(app)
            ),
        },
        View::Reader => format!(
            "[{}] statement {}/{}{filter}",
            app.reader.doc + 1,
            (app.reader.sel + 1).min(count(app.reader.doc)),
            count(app.reader.doc)
        ),
        View::Compare => {
            let [l, r] = app.compare.docs;
            let mode = match app.compare.mode {
                CompareMode::Aligned => "aligned",
                CompareMode::Reading => "reading order",
            };
            format!(
                "[{}] {}/{} ⇄ [{}] {}/{} · {mode}{filter}",
                l + 1,
                (app.compare.sel[0] + 1).min(count(l)),
                count(l),
                r + 1,
                (app.compare.sel[1] + 1).min(count(r)),
                count(r)
            )
        }
        View::Quotes => super::quotes::position(app),
        View::Help => "help".to_owned(),
    }
}

/// " · † sources differ" when the selected claim's reports differ in source or certainty.
fn claim_differs(app: &App) -> String {
    let words = app
        .visible_claims
        .get(app.overview.claim)
        .and_then(|&i| match app.claims.get(i) {
            Some(crate::ui::app::Claim::Group(g)) => app.quote_data.groups.get(*g),
            _ => None,
        })
        .and_then(|d| d.words());
    words.map_or(String::new(), |w| {
        format!(" · {} {w}", crate::ui::quote_data::DIFFERS_MARK)
    })
}

/// The key hints for the current view, most useful first.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let pairs: &[(Action, Option<Action>)] = match app.view {
        View::Overview if app.stories.list => crate::ui::stories::LIST_HINTS,
        View::Overview if app.stories.open.is_some() => crate::ui::stories::STORY_HINTS,
        View::Overview => &[
            (Action::NextStatement, Some(Action::PrevStatement)),
            (Action::Open, None),
            (Action::SwitchPane, None),
            (Action::Compare, None),
            (Action::CycleFilter, None),
            (Action::Search, None),
            (Action::Help, None),
            (Action::Quit, None),
        ],
        View::Reader => &[
            (Action::NextStatement, Some(Action::PrevStatement)),
            (Action::SwitchPane, None),
            (Action::ToggleSources, None),
            (Action::NextDivergent, Some(Action::PrevDivergent)),
            (Action::NextUnique, Some(Action::PrevUnique)),
            (Action::Open, None),
            (Action::NextLeft, Some(Action::PrevLeft)),
            (Action::Search, None),
            (Action::CopyStatement, None),
            (Action::OpenExternal, None),
            (Action::Command, None),
            (Action::Help, None),
            (Action::Quit, None),
        ],
        View::Compare => &[
            (Action::NextStatement, Some(Action::PrevStatement)),
            (Action::SwitchPane, None),
            (Action::NextDivergent, Some(Action::PrevDivergent)),
            (Action::ToggleLayout, None),
            (Action::NextRight, Some(Action::PrevRight)),
            (Action::Swap, None),
            (Action::Search, None),
            (Action::CopyStatement, None),
            (Action::Command, None),
            (Action::Help, None),
            (Action::Quit, None),
        ],
        View::Quotes => &[
            (Action::NextStatement, Some(Action::PrevStatement)),
            (Action::Open, None),
            (Action::NextRight, Some(Action::PrevRight)),
            (Action::Compare, None),
            (Action::SwitchPane, None),
            (Action::Help, None),
            (Action::Quit, None),
        ],
        View::Help => &[(Action::Back, None)],
    };
    pairs
        .iter()
        .filter_map(|(a, b)| {
            let mut k = app.keymap.first_label(*a)?;
            if let Some(l) = b.and_then(|b| app.keymap.first_label(b)) {
                k = format!("{k}/{l}");
            }
            let hint = match app.view {
                View::Quotes => super::quotes::hint(*a).unwrap_or(a.hint()),
                _ => a.hint(),
            };
            Some((k, hint))
        })
        .collect()
}

/// Draw the status line.
pub fn status_line(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if area.height == 0 {
        return;
    }
    buf.set_style(area, t.status);
    let y = area.y;
    let mut x = area.x;
    let right = |x: u16| area.right().saturating_sub(x);
    if app.search.editing {
        let (label, hint) = if app.search.command {
            (" :", "▏ Enter: go · Esc: cancel · 12 | claim 3 | report 2")
        } else {
            (" search: /", "▏ Enter: keep · Esc: cancel")
        };
        x += put(buf, x, y, label, right(x), t.status_key);
        x += put(buf, x, y, &app.search.query, right(x), t.status);
        if let Some((k, n)) = app.search.at.filter(|_| !app.search.command) {
            x += put(buf, x, y, &format!(" ({k} of {n})"), right(x), t.status);
        }
        if let Some(m) = &app.message {
            x += put(buf, x, y, &format!(" · {m} "), right(x), t.status_key);
        }
        put(buf, x, y, hint, right(x), t.status);
        return;
    }
    x += put(
        buf,
        x,
        y,
        &format!(" {} ", app.view.name()),
        right(x),
        t.status_key,
    );
    x += put(
        buf,
        x,
        y,
        &format!("{} ", position(app)),
        right(x),
        t.status,
    );
    if app.aligning {
        const SPIN: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
        let s = format!(
            "{} {}… ",
            SPIN[app.ticks % SPIN.len()],
            super::stories::progress(app, true)
        );
        x += put(buf, x, y, &s, right(x), t.status_key);
    }
    if !app.search.query.is_empty() {
        x += put(
            buf,
            x,
            y,
            &match app.search.at {
                Some((k, n)) if app.view == View::Reader => format!(
                    "· /{} {k} of {n} in {} reports (n/N, Esc) ",
                    app.search.query,
                    app.hit_reports()
                ),
                Some((k, n)) => format!("· /{} {k} of {n} (n/N, Esc) ", app.search.query),
                None => format!("· /{} (n/N, Esc) ", app.search.query),
            },
            right(x),
            t.status,
        );
    }
    if let Some(m) = &app.message {
        x += put(buf, x, y, &format!("· {m} "), right(x), t.status_key);
    }
    x += put(buf, x, y, "│", right(x), t.status);
    let mut shown = 0;
    for (k, h) in hints(app) {
        let need = (k.chars().count() + h.chars().count() + 2) as u16;
        if need > right(x) {
            break;
        }
        x += put(buf, x, y, &format!(" {k}"), right(x), t.status_key);
        x += put(buf, x, y, &format!(" {h}"), right(x), t.status);
        shown += 1;
    }
    // However narrow, say how to get help.
    if shown == 0 {
        if let Some(k) = app.keymap.first_label(Action::Help) {
            let hint = format!(" {k} help ");
            let w = hint.chars().count() as u16;
            if area.width > w + 10 {
                put(buf, area.right() - w, y, &hint, w, t.status_key);
            }
        }
    }
}
