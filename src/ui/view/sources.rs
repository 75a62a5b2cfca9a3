//! The reader's Sources panel (`S`): whom the report being read cites and how often, each
//! source with its kind and the statements that cite it, those of the selected statement
//! marked. The counts are the Quotes view's Sources pane's, for one report.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::{pane_title, put, put_cut};
use crate::quotes::SourceKind;
use crate::ui::app::App;
use crate::ui::geometry::Pane;

/// Statement numbers listed per source before "…".
const MAX_LISTED: usize = 12;

/// One row: pieces of text with their styles.
type Row = Vec<(String, Style)>;

/// A kind of source in a word.
fn kind_word(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Outlet => "outlet",
        SourceKind::Official => "official",
        SourceKind::Anonymous => "unnamed",
        SourceKind::Other => "other",
    }
}

/// The panel's title and rows for the report being read.
fn rows(app: &App) -> (String, Vec<Row>) {
    let t = &app.theme;
    let d = app.reader.doc;
    let empty = Vec::new();
    let list = app.quote_data.sources.get(d).unwrap_or(&empty);
    let cited = app.quote_data.cited.get(d);
    let total: usize = list.iter().map(|(_, n)| n).sum();
    let title = format!(
        " Sources · whom [{}] cites: {} source{}, {total} citation{} ",
        d + 1,
        list.len(),
        if list.len() == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" },
    );
    let mut out: Vec<Row> = Vec::new();
    if list.is_empty() {
        out.push(vec![(
            " This report cites no source (no “according to”, outlet, official or unnamed source)."
                .to_owned(),
            t.dim,
        )]);
        return (title, out);
    }
    let width = list
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    for (i, (name, n)) in list.iter().enumerate() {
        let c = cited.and_then(|c| c.get(i));
        let here = c.is_some_and(|c| c.statements.contains(&app.reader.sel));
        let mark = if here { "▸" } else { " " };
        let kind = c.map_or("", |c| kind_word(c.kind));
        let mut row: Row = vec![
            (format!("{mark}{n:>width$}× "), t.heading),
            (name.clone(), if here { t.changed } else { t.text }),
            (format!("  {kind}"), t.dim),
        ];
        if let Some(c) = c {
            let mut at: Vec<String> = c
                .statements
                .iter()
                .take(MAX_LISTED)
                .map(|s| (s + 1).to_string())
                .collect();
            if c.statements.len() > MAX_LISTED {
                at.push("…".to_owned());
            }
            let word = if c.statements.len() == 1 {
                "st."
            } else {
                "sts."
            };
            row.push((format!(" · {word} {}", at.join(", ")), t.dim));
        }
        out.push(row);
    }
    out.push(vec![(
        " ▸ cited by the selected statement · :N jumps to statement N".to_owned(),
        t.dim,
    )]);
    (title, out)
}

/// Number of rows the panel has (for scrolling it).
#[must_use]
pub fn row_count(app: &App) -> usize {
    rows(app).1.len()
}

/// Draw the panel into `pane`, scrolled by the reader's panel scroll.
pub fn render(app: &App, pane: &Pane, buf: &mut Buffer) {
    let t = &app.theme;
    let (title, rows) = rows(app);
    pane_title(buf, t, pane, &title, app.reader.panel_focus);
    let c = pane.content;
    let h = usize::from(c.height);
    let top = app.reader.panel_scroll.min(rows.len().saturating_sub(h));
    for (i, row) in rows.iter().skip(top).take(h).enumerate() {
        let y = c.y + i as u16;
        let mut x = c.x;
        let last = row.len().saturating_sub(1);
        for (k, (s, style)) in row.iter().enumerate() {
            let w = c.right().saturating_sub(x);
            // The source's name is cut with an ellipsis; what follows it fills what is left.
            x += if k == 1 && last > 1 {
                put_cut(buf, x, y, s, w, *style)
            } else {
                put(buf, x, y, s, w, *style)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::action::Action;

    fn app() -> App {
        let docs = crate::model::embedded::seed_documents();
        let alignment = crate::align::align(&docs);
        let mut app = App::new(
            std::sync::Arc::new(docs),
            alignment,
            crate::ui::Keymap::default_keymap(),
            crate::ui::Theme::dark(),
        );
        app.update(Action::Resize {
            width: 100,
            height: 30,
        });
        app
    }

    #[test]
    fn rows_list_the_reports_sources_with_counts_and_statements() {
        let mut app = app();
        app.update(Action::Reader);
        app.update(Action::ToggleSources);
        assert!(app.reader.sources);
        for d in 0..app.docs.len() {
            app.reader.doc = d;
            let (title, rows) = rows(&app);
            let list = &app.quote_data.sources[d];
            let total: usize = list.iter().map(|(_, n)| n).sum();
            assert!(title.contains(&format!("{total} citation")), "{title}");
            // One row per source, then the legend (or one "cites no source" row).
            assert_eq!(
                rows.len(),
                list.len() + usize::from(!list.is_empty()).max(1)
            );
            for (row, (name, n)) in rows.iter().zip(list) {
                assert!(row[0]
                    .0
                    .trim_start_matches(['▸', ' '])
                    .starts_with(&format!("{n}×")));
                assert_eq!(&row[1].0, name);
            }
        }
    }

    #[test]
    fn s_opens_the_reader_on_its_sources_and_toggles_back() {
        let mut app = app();
        app.update(Action::ToggleSources);
        assert_eq!(app.view, crate::ui::View::Reader);
        assert!(app.reader.sources);
        app.update(Action::NextStatement);
        assert!(app.reader.sources, "moving keeps the panel");
        app.update(Action::ToggleSources);
        assert!(!app.reader.sources);
        assert_eq!(app.view, crate::ui::View::Reader);
    }

    #[test]
    fn the_selected_statements_sources_are_marked() {
        let mut app = app();
        app.update(Action::Reader);
        app.update(Action::ToggleSources);
        let d = (0..app.docs.len())
            .find(|&d| !app.quote_data.cited[d].is_empty())
            .unwrap_or_else(|| panic!("no seed cites a source"));
        app.reader.doc = d;
        let st = app.quote_data.cited[d][0].statements[0];
        app.reader.sel = st;
        let (_, rows) = rows(&app);
        assert!(rows[0][0].0.starts_with('▸'), "{:?}", rows[0]);
        assert!(rows[0]
            .last()
            .is_some_and(|(s, _)| s.contains(&(st + 1).to_string())));
    }
}
