//! Everything the user can ask for, as one enum: the keymap file names these actions, the help
//! pane lists them with their descriptions, and [`crate::ui::App::update`] carries them out.

use serde::Deserialize;

/// One thing the user asks the interface to do.
///
/// The variants a keymap can bind deserialize from snake_case names (`next_statement`). The
/// others (typed search text, mouse, resize) come from the terminal and cannot be bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Show the overview of all reports.
    Overview,
    /// Read one report.
    Reader,
    /// Compare two reports side by side.
    Compare,
    /// Every quote by speaker, each outlet's wording, and the sources each report cites.
    Quotes,
    /// Show every key.
    Help,
    /// Switch the focused pane.
    SwitchPane,
    /// Focus the left (or upper) pane.
    PaneLeft,
    /// Focus the right (or lower) pane.
    PaneRight,
    /// Select the next statement (or row).
    NextStatement,
    /// Select the previous statement (or row).
    PrevStatement,
    /// Move a page down.
    PageDown,
    /// Move a page up.
    PageUp,
    /// Move half a page down.
    HalfPageDown,
    /// Move half a page up.
    HalfPageUp,
    /// Go to the first statement.
    First,
    /// Go to the last statement.
    Last,
    /// Next linked statement, or next search match while searching.
    NextLinked,
    /// Previous linked statement, or previous search match while searching.
    PrevLinked,
    /// Next divergent statement.
    NextDivergent,
    /// Previous divergent statement.
    PrevDivergent,
    /// Next unique statement.
    NextUnique,
    /// Previous unique statement.
    PrevUnique,
    /// Show the next report on the right.
    NextRight,
    /// Show the previous report on the right.
    PrevRight,
    /// Show the next report on the left.
    NextLeft,
    /// Show the previous report on the left.
    PrevLeft,
    /// Swap the left and right reports.
    Swap,
    /// Toggle the compare layout (aligned / reading order).
    ToggleLayout,
    /// Reader: show whom the report cites and how often in the panel (again: how other
    /// reports state the selected statement); elsewhere, open the reader showing them.
    ToggleSources,
    /// Start a search.
    Search,
    /// Cycle the filter: all, shared, divergent, unique.
    CycleFilter,
    /// Open the selected report or claim.
    Open,
    /// Copy the selected statement to the clipboard.
    CopyStatement,
    /// Copy the selected statement's claim, as every report words it, to the clipboard.
    CopyClaim,
    /// Open the report in `$PAGER` at the selected statement.
    OpenExternal,
    /// Type a command: a statement number, `claim N` or `report N`.
    Command,
    /// Leave search, close help, or go back.
    Back,
    /// Quit (in help: close the help).
    Quit,
    /// Quit from anywhere.
    QuitNow,
    /// Suspend to the shell (Ctrl-Z).
    Suspend,
    /// A character typed into the search field.
    #[serde(skip)]
    SearchInput(char),
    /// Delete the last character of the search field.
    #[serde(skip)]
    SearchBackspace,
    /// Finish typing the search and keep it.
    #[serde(skip)]
    SearchConfirm,
    /// A mouse click at a screen cell.
    #[serde(skip)]
    Click {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
    },
    /// The mouse wheel over a screen cell.
    #[serde(skip)]
    Scroll {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
        /// Towards the end of the text.
        down: bool,
    },
    /// Time passed while the engine works (moves the progress spinner).
    #[serde(skip)]
    Tick,
    /// The terminal changed size.
    #[serde(skip)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Action {
    /// Every bindable action, in the order the help pane lists them.
    pub const BINDABLE: [Action; 40] = [
        Self::Overview,
        Self::Reader,
        Self::Compare,
        Self::Quotes,
        Self::Help,
        Self::SwitchPane,
        Self::PaneLeft,
        Self::PaneRight,
        Self::NextStatement,
        Self::PrevStatement,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::First,
        Self::Last,
        Self::NextLinked,
        Self::PrevLinked,
        Self::NextDivergent,
        Self::PrevDivergent,
        Self::NextUnique,
        Self::PrevUnique,
        Self::NextRight,
        Self::PrevRight,
        Self::NextLeft,
        Self::PrevLeft,
        Self::Swap,
        Self::ToggleLayout,
        Self::ToggleSources,
        Self::Search,
        Self::CycleFilter,
        Self::Open,
        Self::CopyStatement,
        Self::CopyClaim,
        Self::OpenExternal,
        Self::Command,
        Self::Back,
        Self::Quit,
        Self::QuitNow,
        Self::Suspend,
    ];

    /// What the action does, for the help pane.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Self::Overview => "overview of all reports",
            Self::Reader => "read one report",
            Self::Compare => "compare two reports side by side",
            Self::Quotes => "quotes by speaker in every outlet's words, and each report's sources",
            Self::Help => "this help",
            Self::SwitchPane => "switch pane (reader: j/k scroll the other-reports panel)",
            Self::NextStatement => "next statement",
            Self::PrevStatement => "previous statement",
            Self::PageDown => "page down",
            Self::PageUp => "page up",
            Self::HalfPageDown => "half a page down",
            Self::HalfPageUp => "half a page up",
            Self::PaneLeft => "focus the left pane (overview: reports; reader: the text)",
            Self::PaneRight => "focus the right pane (overview: claims; reader: other reports)",
            Self::CopyStatement => "copy the selected statement to the clipboard (OSC 52)",
            Self::CopyClaim => "copy the claim, as every report words it, to the clipboard",
            Self::OpenExternal => "open the report in $PAGER (default less) at the statement",
            Self::Command => "command: :12 statement, :claim 3, :report 2",
            Self::QuitNow => "quit from anywhere",
            Self::First => "first statement",
            Self::Last => "last statement",
            Self::NextLinked => "next linked statement (next match while searching)",
            Self::PrevLinked => "previous linked statement (previous match while searching)",
            Self::NextDivergent => "next divergent statement",
            Self::PrevDivergent => "previous divergent statement",
            Self::NextUnique => "next unique statement (compare: not in the other report)",
            Self::PrevUnique => "previous unique statement",
            Self::NextRight => "next report on the right",
            Self::PrevRight => "previous report on the right",
            Self::NextLeft => "next report on the left (reader: next report)",
            Self::PrevLeft => "previous report on the left (reader: previous report)",
            Self::Swap => "swap left and right",
            Self::ToggleLayout => "toggle layout: aligned / reading order",
            Self::ToggleSources => {
                "reader panel: whom this report cites, how often / how other reports state it"
            }
            Self::Search => "search",
            Self::CycleFilter => "filter: all / shared / divergent / unique",
            Self::Open => "open the selected report or claim",
            Self::Back => "leave search, close help, go back",
            Self::Quit => "quit (in help: close the help)",
            Self::Suspend => "suspend to the shell",
            Self::SearchInput(_) | Self::SearchBackspace | Self::SearchConfirm => "search text",
            Self::Click { .. } => "select",
            Self::Scroll { .. } => "scroll",
            Self::Resize { .. } => "resize",
            Self::Tick => "tick",
        }
    }

    /// A one- or two-word label for the status line hints.
    #[must_use]
    pub fn hint(self) -> &'static str {
        match self {
            Self::Overview => "overview",
            Self::Reader => "read",
            Self::Compare => "compare",
            Self::Quotes => "quotes",
            Self::Help => "help",
            Self::SwitchPane => "pane",
            Self::NextStatement | Self::PrevStatement => "move",
            Self::NextLinked => "linked",
            Self::NextDivergent => "divergent",
            Self::NextUnique => "unique",
            Self::NextRight => "right report",
            Self::NextLeft => "left report",
            Self::Swap => "swap",
            Self::ToggleLayout => "layout",
            Self::ToggleSources => "sources",
            Self::Search => "search",
            Self::CycleFilter => "filter",
            Self::Open => "open",
            Self::Back => "back",
            Self::Quit | Self::QuitNow => "quit",
            Self::CopyStatement => "copy",
            Self::OpenExternal => "pager",
            Self::Command => "jump",
            Self::PaneLeft | Self::PaneRight => "pane",
            _ => self.description(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_read_from_snake_case_names() {
        let a: Action = toml::Value::String("next_divergent".into())
            .try_into()
            .unwrap();
        assert_eq!(a, Action::NextDivergent);
        let bad: Result<Action, _> = toml::Value::String("resize".into()).try_into();
        assert!(bad.is_err(), "terminal-only actions cannot be bound");
    }

    #[test]
    fn every_bindable_action_has_a_distinct_description() {
        let mut seen = std::collections::HashSet::new();
        for a in Action::BINDABLE {
            assert!(seen.insert(a.description()), "{a:?}");
        }
    }
}
