//! Settings that persist: `$XDG_CONFIG_HOME/parallax/config.toml` (else
//! `~/.config/parallax/config.toml`), with `theme`, `layout` and `keymap`. Command-line flags
//! override the file. A file that cannot be read or parsed never stops the program: it is
//! ignored with a warning that says what is wrong and where.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::app::CompareMode;

/// The compare layout as the config file and `--layout` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Counterparts on the same rows.
    Aligned,
    /// Each report in its own order.
    Reading,
}

impl Layout {
    /// Parse `aligned` or `reading`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "aligned" => Some(Self::Aligned),
            "reading" => Some(Self::Reading),
            _ => None,
        }
    }

    /// The compare mode it stands for.
    #[must_use]
    pub fn mode(self) -> CompareMode {
        match self {
            Self::Aligned => CompareMode::Aligned,
            Self::Reading => CompareMode::Reading,
        }
    }
}

/// The settings file's contents; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `auto`, `dark`, `light` or a theme file.
    pub theme: Option<String>,
    /// The compare layout to start in.
    pub layout: Option<Layout>,
    /// A keymap file (a relative path is taken from the config folder).
    pub keymap: Option<PathBuf>,
}

/// The config folder: `$XDG_CONFIG_HOME/parallax`, else `~/.config/parallax`.
#[must_use]
pub fn dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("parallax"))
}

/// Read the settings file at `path`: its settings, and a warning when it exists but cannot
/// be used (then no setting of it is applied).
#[must_use]
pub fn read(path: &Path) -> (Config, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => return (Config::default(), Some(warning(path, &e.to_string()))),
    };
    match toml::from_str::<Config>(&text) {
        Ok(mut c) => {
            if let (Some(k), Some(base)) = (&c.keymap, path.parent()) {
                if k.is_relative() {
                    c.keymap = Some(base.join(k));
                }
            }
            (c, None)
        }
        Err(e) => (Config::default(), Some(warning(path, e.message()))),
    }
}

/// The user's settings file (see [`read`]).
#[must_use]
pub fn load() -> (Config, Option<String>) {
    match dir() {
        Some(d) => read(&d.join("config.toml")),
        None => (Config::default(), None),
    }
}

fn warning(path: &Path, what: &str) -> String {
    crate::model::clean::visible(&format!(
        "settings file {} ignored: {} (keys: theme = \"auto|dark|light|FILE\", layout = \"aligned|reading\", keymap = \"FILE\")",
        path.display(),
        what.trim()
    ))
}

/// How long to wait for the terminal to say its background colour.
const BACKGROUND_TIMEOUT: Duration = Duration::from_millis(150);

/// `dark` or `light` for `--theme auto`: the terminal's background, asked only when standard
/// output and input are terminals (nothing is sent otherwise), with a short timeout for
/// terminals that do not answer. Dark when unknown.
#[must_use]
pub fn auto_theme() -> &'static str {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return "dark";
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = BACKGROUND_TIMEOUT;
    match terminal_colorsaurus::theme_mode(options) {
        Ok(terminal_colorsaurus::ThemeMode::Light) => "light",
        _ => "dark",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_gives_its_settings() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config.toml");
        std::fs::write(
            &p,
            "theme = \"light\"\nlayout = \"reading\"\nkeymap = \"k.toml\"\n",
        )
        .unwrap();
        let (c, w) = read(&p);
        assert_eq!(w, None);
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(c.layout, Some(Layout::Reading));
        assert_eq!(c.keymap, Some(d.path().join("k.toml")));
    }

    #[test]
    fn a_bad_file_is_ignored_with_a_warning_that_says_why() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config.toml");
        std::fs::write(&p, "layout = \"sideways\"\n").unwrap();
        let (c, w) = read(&p);
        assert_eq!(c, Config::default());
        let w = w.unwrap();
        assert!(w.contains("config.toml") && w.contains("sideways"), "{w}");
        std::fs::write(&p, "colour = \"red\"\n").unwrap();
        let w = read(&p).1.unwrap();
        assert!(w.contains("colour"), "{w}");
        assert_eq!(read(&d.path().join("none.toml")), (Config::default(), None));
    }
}
