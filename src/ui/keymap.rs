//! Keys to actions, read from `assets/keymap.toml` and optionally a user file on top.
//!
//! The same table answers "what does this key do" for the event loop and "which keys do this"
//! for the help pane and the status line, so the three never disagree.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;
use super::UiError;

/// The default keymap, compiled in.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// A key with the modifiers that matter for binding (Shift is part of the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

impl Key {
    /// The binding key of a terminal key event.
    #[must_use]
    pub fn from_event(ev: &KeyEvent) -> Self {
        Self {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parse a key name as written in the keymap file (`j`, `ctrl-c`, `pgdn`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        let mut rest = name;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| *n > 0)?),
                _ => return None,
            },
        };
        Some(Self { code, ctrl, alt })
    }

    /// How the key is shown in help and hints.
    #[must_use]
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl-");
        }
        if self.alt {
            s.push_str("Alt-");
        }
        if self.ctrl && base.chars().count() == 1 {
            s.push_str(&base.to_uppercase());
        } else {
            s.push_str(&base);
        }
        s
    }

    /// Sort order within one action's keys: single characters first, then named keys.
    fn rank(&self) -> (u8, usize, String) {
        let named =
            u8::from(!matches!(self.code, KeyCode::Char(c) if c != ' ') || self.ctrl || self.alt);
        let label = self.label();
        (named, label.chars().count(), label)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeymapFile {
    #[serde(default)]
    keys: toml::Table,
}

/// The key bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    map: HashMap<Key, Action>,
}

impl Keymap {
    /// The built-in keymap.
    ///
    /// # Panics
    /// Never in a released build: the embedded file is checked by a unit test.
    #[must_use]
    pub fn default_keymap() -> Self {
        let mut k = Self {
            map: HashMap::new(),
        };
        #[allow(clippy::expect_used)]
        k.apply(DEFAULT_KEYMAP, Path::new("assets/keymap.toml"))
            .expect("the embedded keymap is valid");
        k
    }

    /// The built-in keymap with a user file applied on top, key by key.
    ///
    /// # Errors
    /// The file cannot be read or names an unknown key or action.
    pub fn with_user_file(path: &Path) -> Result<Self, UiError> {
        let mut k = Self::default_keymap();
        let text = std::fs::read_to_string(path).map_err(|e| UiError::Config {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        k.apply(&text, path)?;
        Ok(k)
    }

    /// The user's keymap: `explicit` if given, else the one in the config folder if it exists,
    /// else the defaults.
    ///
    /// # Errors
    /// The chosen file cannot be read or is invalid.
    pub fn load(explicit: Option<&Path>) -> Result<Self, UiError> {
        match explicit.map(Path::to_path_buf).or_else(user_keymap_path) {
            Some(p) if explicit.is_some() || p.is_file() => Self::with_user_file(&p),
            _ => Ok(Self::default_keymap()),
        }
    }

    fn apply(&mut self, text: &str, path: &Path) -> Result<(), UiError> {
        let err = |message: String| UiError::Config {
            path: path.to_owned(),
            message,
        };
        let file: KeymapFile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        for (name, value) in file.keys {
            let key = Key::parse(&name).ok_or_else(|| err(format!("unknown key name {name:?}")))?;
            if value.as_str() == Some("none") {
                self.map.remove(&key);
                continue;
            }
            let action: Action = value
                .clone()
                .try_into()
                .map_err(|_| err(format!("unknown action {value} for key {name:?}")))?;
            self.map.insert(key, action);
        }
        Ok(())
    }

    /// The action bound to a key event, if any.
    #[must_use]
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        let mut key = Key::from_event(ev);
        // Some terminals report Shift+letter as the lowercase letter with SHIFT.
        if let KeyCode::Char(c) = key.code {
            if ev.modifiers.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                key.code = KeyCode::Char(c.to_ascii_uppercase());
            }
        }
        self.map.get(&key).copied()
    }

    /// The keys bound to an action, best first.
    #[must_use]
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .map
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect();
        keys.sort_by_key(Key::rank);
        keys
    }

    /// The first key of an action as a label, or `None` when it is unbound.
    #[must_use]
    pub fn first_label(&self, action: Action) -> Option<String> {
        self.keys_for(action).first().map(Key::label)
    }
}

/// `$XDG_CONFIG_HOME/parallax/keymap.toml`, else `~/.config/parallax/keymap.toml`.
fn user_keymap_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("parallax").join("keymap.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    #[test]
    fn default_keymap_binds_every_action() {
        let k = Keymap::default_keymap();
        for a in Action::BINDABLE {
            assert!(!k.keys_for(a).is_empty(), "{a:?} has no key");
        }
    }

    #[test]
    fn keys_map_to_the_issue_defaults() {
        let k = Keymap::default_keymap();
        let press = |code, m| k.action(&KeyEvent::new(code, m));
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::QuitNow)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Last)
        );
        assert_eq!(
            press(KeyCode::Char('d'), KeyModifiers::SHIFT),
            Some(Action::PrevDivergent)
        );
        assert_eq!(
            press(KeyCode::Char('3'), KeyModifiers::NONE),
            Some(Action::Compare)
        );
        assert_eq!(
            press(KeyCode::PageDown, KeyModifiers::NONE),
            Some(Action::PageDown)
        );
        assert_eq!(press(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn a_user_file_overrides_and_frees_keys() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.toml");
        std::fs::write(&p, "[keys]\nx = \"quit\"\nq = \"none\"\n").unwrap();
        let k = Keymap::with_user_file(&p).unwrap();
        let press = |c| k.action(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(press('x'), Some(Action::Quit));
        assert_eq!(press('q'), None);
        assert_eq!(press('j'), Some(Action::NextStatement));
    }

    #[test]
    fn a_bad_user_file_names_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.toml");
        std::fs::write(&p, "[keys]\nx = \"fly\"\n").unwrap();
        let e = Keymap::with_user_file(&p).unwrap_err().to_string();
        assert!(e.contains("fly") && e.contains("k.toml"), "{e}");
        std::fs::write(&p, "[keys]\nctrl-nothing = \"quit\"\n").unwrap();
        let e = Keymap::with_user_file(&p).unwrap_err().to_string();
        assert!(e.contains("ctrl-nothing"), "{e}");
    }

    #[test]
    fn key_labels_read_well() {
        assert_eq!(Key::parse("ctrl-c").unwrap().label(), "Ctrl-C");
        assert_eq!(Key::parse("pgdn").unwrap().label(), "PgDn");
        assert_eq!(Key::parse("f1").unwrap().label(), "F1");
        assert!(Key::parse("f0").is_none());
    }
}
