//! Colours and text attributes, read from the TOML themes in `assets/themes/`.
//!
//! Colour only reinforces: every meaning on screen also has a symbol, so a theme with no
//! colour at all (`NO_COLOR`) loses nothing but comfort.

use std::path::Path;

use ratatui::style::{Modifier, Style};
use serde::Deserialize;

use super::UiError;

/// The dark theme (default), compiled in.
pub const DARK: &str = include_str!("../../assets/themes/dark.toml");
/// The light theme, compiled in.
pub const LIGHT: &str = include_str!("../../assets/themes/light.toml");

/// Every style the interface uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Running text.
    pub text: Style,
    /// Text outside the current filter, empty cells, secondary details.
    pub dim: Style,
    /// Headings.
    pub heading: Style,
    /// The top bar.
    pub header: Style,
    /// The current view's tab in the top bar.
    pub header_active: Style,
    /// A pane's title row.
    pub title: Style,
    /// The focused pane's title row.
    pub title_focus: Style,
    /// The status line.
    pub status: Style,
    /// Key names in the status line.
    pub status_key: Style,
    /// Progress and messages.
    pub notice: Style,
    /// The gutter (support, marks).
    pub gutter: Style,
    /// Statements every linked report states alike.
    pub shared: Style,
    /// Statements with a conflicting detail.
    pub divergent: Style,
    /// Statements only one report makes.
    pub unique: Style,
    /// In compare: statements linked to other reports but not to the one opposite.
    pub elsewhere: Style,
    /// The words of a conflicting fact inside a linked pair (the strongest highlight).
    pub changed: Style,
    /// The differing phrase of a paraphrase: quieter than `changed`, never colour alone
    /// (underlined). Optional in a theme file, so themes written before it still load.
    #[serde(default = "phrase_default")]
    pub phrase: Style,
    /// The selected statement or row.
    pub selected: Style,
    /// Search matches.
    pub matched: Style,
    /// The overlap heat scale, from none to full.
    pub heat: Vec<Style>,
}

impl Theme {
    /// Parse a theme file's text.
    ///
    /// # Errors
    /// The text is not a complete theme.
    pub fn parse(text: &str, origin: &Path) -> Result<Self, UiError> {
        let t: Self = toml::from_str(text).map_err(|e| UiError::Config {
            path: origin.to_owned(),
            message: e.to_string(),
        })?;
        if t.heat.is_empty() {
            return Err(UiError::Config {
                path: origin.to_owned(),
                message: "heat needs at least one style".into(),
            });
        }
        Ok(t)
    }

    /// The built-in dark theme.
    ///
    /// # Panics
    /// Never in a released build: the embedded files are checked by a unit test.
    #[must_use]
    pub fn dark() -> Self {
        #[allow(clippy::expect_used)]
        Self::parse(DARK, Path::new("assets/themes/dark.toml")).expect("embedded theme is valid")
    }

    /// The built-in light theme.
    ///
    /// # Panics
    /// Never in a released build: the embedded files are checked by a unit test.
    #[must_use]
    pub fn light() -> Self {
        #[allow(clippy::expect_used)]
        Self::parse(LIGHT, Path::new("assets/themes/light.toml")).expect("embedded theme is valid")
    }

    /// A theme by name (`dark`, `light`) or from a TOML file; then stripped of colour when
    /// `no_color` (the `NO_COLOR` convention) is set.
    ///
    /// # Errors
    /// The file cannot be read or is not a complete theme.
    pub fn load(choice: Option<&str>, no_color: bool) -> Result<Self, UiError> {
        let t = match choice {
            None | Some("dark") => Self::dark(),
            Some("light") => Self::light(),
            Some(path) => {
                let p = Path::new(path);
                let text = std::fs::read_to_string(p).map_err(|e| UiError::Config {
                    path: p.to_owned(),
                    message: format!("{e} (themes: dark, light, or a TOML file)"),
                })?;
                Self::parse(&text, p)?
            }
        };
        Ok(if no_color { t.without_color() } else { t })
    }

    /// The same theme with every colour removed; attributes that carried meaning through
    /// colour alone get a modifier instead.
    #[must_use]
    pub fn without_color(mut self) -> Self {
        let strip = |s: &mut Style, add: Modifier| {
            *s = Style::new()
                .add_modifier(s.add_modifier | add)
                .remove_modifier(s.sub_modifier);
        };
        strip(&mut self.text, Modifier::empty());
        strip(&mut self.dim, Modifier::DIM);
        strip(&mut self.heading, Modifier::BOLD);
        strip(&mut self.header, Modifier::empty());
        strip(&mut self.header_active, Modifier::REVERSED);
        strip(&mut self.title, Modifier::UNDERLINED);
        strip(&mut self.title_focus, Modifier::REVERSED);
        strip(&mut self.status, Modifier::REVERSED);
        strip(&mut self.status_key, Modifier::REVERSED | Modifier::BOLD);
        strip(&mut self.notice, Modifier::BOLD);
        strip(&mut self.gutter, Modifier::empty());
        strip(&mut self.shared, Modifier::empty());
        strip(&mut self.divergent, Modifier::empty());
        strip(&mut self.unique, Modifier::empty());
        strip(&mut self.elsewhere, Modifier::empty());
        strip(&mut self.changed, Modifier::BOLD | Modifier::UNDERLINED);
        strip(&mut self.phrase, Modifier::UNDERLINED);
        strip(&mut self.selected, Modifier::REVERSED);
        strip(&mut self.matched, Modifier::UNDERLINED | Modifier::ITALIC);
        for h in &mut self.heat {
            strip(h, Modifier::empty());
        }
        self
    }

    /// The heat style for a value in [0, 1].
    #[must_use]
    pub fn heat_style(&self, v: f32) -> Style {
        let n = self.heat.len();
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let i = ((v.clamp(0.0, 1.0) * (n - 1) as f32).round() as usize).min(n - 1);
        self.heat[i]
    }
}

/// The phrase style of a theme file that names none: underlined, in the text's colours.
fn phrase_default() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

/// Whether the `NO_COLOR` convention asks for no colour (set and not empty).
#[must_use]
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn both_embedded_themes_parse_and_differ() {
        let (d, l) = (Theme::dark(), Theme::light());
        assert_eq!(d.heat.len(), 5);
        assert_ne!(d, l);
        assert_eq!(d.shared.fg, Some(Color::LightGreen));
        assert!(d.changed.add_modifier.contains(Modifier::UNDERLINED));
    }

    #[test]
    fn no_color_leaves_no_colour_but_keeps_meaningful_attributes() {
        let t = Theme::dark().without_color();
        for s in [
            t.text,
            t.shared,
            t.divergent,
            t.selected,
            t.changed,
            t.heat[4],
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.changed.add_modifier.contains(Modifier::UNDERLINED));
        // A phrase and a conflict stay told apart without colour: underline against bold.
        assert!(t.phrase.add_modifier.contains(Modifier::UNDERLINED));
        assert!(!t.phrase.add_modifier.contains(Modifier::BOLD));
        assert!(t.changed.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn a_theme_file_without_the_phrase_style_still_loads() {
        let old: String = DARK
            .lines()
            .filter(|l| !l.starts_with("phrase"))
            .map(|l| format!("{l}\n"))
            .collect();
        let t = Theme::parse(&old, Path::new("old.toml")).unwrap();
        assert_eq!(t.phrase, phrase_default());
    }

    /// Relative luminance (WCAG) of a colour as a terminal with the xterm palette shows it.
    fn luminance(c: Color) -> f64 {
        let rgb = match c {
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(i) if (16..232).contains(&i) => {
                let lv = [0u8, 95, 135, 175, 215, 255];
                let i = i - 16;
                (
                    lv[usize::from(i / 36)],
                    lv[usize::from(i / 6 % 6)],
                    lv[usize::from(i % 6)],
                )
            }
            Color::Indexed(i) if i >= 232 => {
                let v = 8 + 10 * (i - 232);
                (v, v, v)
            }
            Color::Black => (0, 0, 0),
            Color::Red => (205, 0, 0),
            Color::Green => (0, 205, 0),
            Color::Yellow => (205, 205, 0),
            Color::Blue => (0, 0, 238),
            Color::Magenta => (205, 0, 205),
            Color::Cyan => (0, 205, 205),
            Color::Gray => (229, 229, 229),
            Color::DarkGray => (127, 127, 127),
            Color::LightRed => (255, 0, 0),
            Color::LightGreen => (0, 255, 0),
            Color::LightYellow => (255, 255, 0),
            Color::LightBlue => (92, 92, 255),
            Color::LightMagenta => (255, 0, 255),
            Color::LightCyan => (0, 255, 255),
            _ => (255, 255, 255),
        };
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(rgb.0) + 0.7152 * lin(rgb.1) + 0.0722 * lin(rgb.2)
    }

    #[test]
    fn the_light_theme_is_readable_on_white() {
        // Statement text and its marks on a white background: a contrast of at least 3:1
        // (WCAG's floor for large text; running text uses the terminal's own colour).
        let t = Theme::light();
        for (name, s) in [
            ("shared", t.shared),
            ("divergent", t.divergent),
            ("unique", t.unique),
            ("elsewhere", t.elsewhere),
            ("gutter", t.gutter),
            ("dim", t.dim),
            ("notice", t.notice),
            ("phrase", t.phrase),
        ] {
            let fg = s.fg.expect("a colour");
            let contrast = 1.05 / (luminance(fg) + 0.05);
            assert!(contrast >= 3.0, "{name} {fg:?}: {contrast:.2}");
        }
        assert_eq!(t.text.fg, None, "running text in the terminal's own colour");
    }

    #[test]
    fn heat_scale_covers_its_ends() {
        let t = Theme::dark();
        assert_eq!(t.heat_style(0.0), t.heat[0]);
        assert_eq!(t.heat_style(1.0), t.heat[4]);
        assert_eq!(t.heat_style(7.0), t.heat[4]);
    }

    #[test]
    fn a_theme_file_with_a_missing_style_is_refused() {
        let e = Theme::parse("text = {}", Path::new("t.toml")).unwrap_err();
        assert!(e.to_string().contains("t.toml"));
    }
}
