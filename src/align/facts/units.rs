//! Units of measure (`assets/lexicon/units.tsv`): a number before "km", "miles", "kg" or
//! "acres" is a [`super::Dimension::Measure`] of that kind, its value in the kind's base unit,
//! so figures given in two units compare, and the rounding of each figure as written bounds
//! how far apart two equal measures may be ("5 km" and "3.1 miles" agree).

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::super::lexicon;

use super::super::tokens::Toks;
use super::numbers::hedge_before;
use super::{Dimension, Quantity};

/// A unit's kind and size in the kind's base unit, by the unit's lowercase form.
type Units = HashMap<&'static str, (&'static str, f64), FixedState>;

/// The units table, read on first use.
fn table() -> &'static Units {
    static TABLE: OnceLock<Units> = OnceLock::new();
    TABLE.get_or_init(|| {
        lexicon::table(include_str!("../../../assets/lexicon/units.tsv"), |v| {
            let (kind, size) = v.split_once('\t')?;
            Some((kind, size.trim().parse().ok()?))
        })
    })
}

/// The currency of a money form ("$", "euros"; `assets/lexicon/currencies.tsv`).
pub(super) fn currency(form: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str, FixedState>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            lexicon::table(include_str!("../../../assets/lexicon/currencies.tsv"), Some)
        })
        .get(form)
        .copied()
}

/// The kind and size of the unit written `form` ("km" → length, 1000 metres).
pub(super) fn unit(form: &str) -> Option<(&'static str, f64)> {
    table().get(form).copied()
}

/// The measure written as the one token `i` ("10km", "5kg", "around 200ft" with its hedge).
pub(super) fn glued_measure(toks: Toks<'_>, i: usize) -> Option<Quantity> {
    let t = toks.get(i)?;
    let (num, kind, size) = glued(t.norm)?;
    let value: f64 = num.parse().ok()?;
    let (hedge, first) = hedge_before(toks, i);
    Some(Quantity {
        value: value * size,
        dim: Dimension::Measure(kind),
        hedge,
        span: toks.span(first).start..t.span.end,
        written: Some((size, written_step(num) * size)),
        unit: None,
    })
}

/// The token after "/h", "per hour" or "an hour" at token `k`, if they are there.
pub(super) fn per_hour(toks: Toks<'_>, k: usize) -> Option<usize> {
    let norm = |k: usize| toks.get(k).map(|t| t.norm);
    match (norm(k)?, norm(k + 1)?) {
        ("/", "h" | "hr") | ("per" | "an" | "a", "hour") => Some(k + 2),
        _ => None,
    }
}

/// A number and a unit written as one token ("10km", "5kg", "100mph"): the number's text and
/// the unit's kind and size.
pub(super) fn glued(norm: &str) -> Option<(&str, &'static str, f64)> {
    let at = norm.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let (num, rest) = norm.split_at(at);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) || num.ends_with('.') {
        return None;
    }
    let (kind, size) = unit(rest)?;
    Some((num, kind, size))
}

/// The rounding step of a number as written: 0.1 for "3.1", 1 for "16", 10 for "160", 5 for
/// "85" and 50 for "150", 1 for a number word. Trailing zeros and a last digit 5 may be
/// rounding ("about 160 km", "85 miles"), so they widen the step.
pub(super) fn written_step(norm: &str) -> f64 {
    let digits = norm.trim_end_matches(|c: char| !c.is_ascii_digit());
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return 1.0;
    }
    if let Some((_, decimals)) = digits.split_once('.') {
        let places = i32::try_from(decimals.len()).unwrap_or(i32::MAX);
        return 10f64.powi(-places);
    }
    let significant = digits.trim_end_matches('0');
    // "0" itself has no rounding to widen.
    let zeros = (digits.len() - significant.len()).min(digits.len().saturating_sub(1));
    let five = if significant.len() > 1 && significant.ends_with('5') {
        5.0
    } else {
        1.0
    };
    five * 10f64.powi(i32::try_from(zeros).unwrap_or(0))
}

/// Whether two measures of one kind given in two units (values in the base unit, `grain` the
/// rounding step of each as written, in the base unit) may be the same: within half the coarser
/// step, or either `approximate` ("about 135 kilometers" against "about 85 miles"), and never
/// further apart than `[facts] rounding` (a tenth: "100 miles" is not "120 km").
pub(crate) fn measures_agree(
    x: f64,
    grain_x: f64,
    y: f64,
    grain_y: f64,
    approximate: bool,
) -> bool {
    let d = (x - y).abs();
    let slack = super::super::params::defaults().facts.rounding;
    super::same_value(x, y)
        || ((approximate || d <= grain_x.max(grain_y) / 2.0) && d <= slack * x.abs().max(y.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_units_table_is_read() {
        let text = include_str!("../../../assets/lexicon/units.tsv");
        let lines = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(table().len(), lines);
        assert_eq!(unit("km"), Some(("length", 1000.0)));
        assert_eq!(unit("miles").map(|u| u.0), Some("length"));
        assert_eq!(unit("people"), None);
        let currencies = include_str!("../../../assets/lexicon/currencies.tsv");
        for line in currencies.lines().filter(|l| !l.starts_with('#')) {
            let (form, name) = line.split_once('\t').expect("form<TAB>currency");
            assert_eq!(currency(form), Some(name), "{line}");
        }
        assert_eq!(currency("people"), None);
        assert_eq!(glued("10km"), Some(("10", "length", 1000.0)));
        assert_eq!(glued("2.5kg").map(|g| g.0), Some("2.5"));
        assert_eq!(glued("3pm"), None);
        assert_eq!(glued("km"), None);
    }

    #[test]
    fn the_step_of_a_figure_is_its_last_written_digit() {
        assert!((written_step("3.1") - 0.1).abs() < 1e-12);
        assert!((written_step("16") - 1.0).abs() < 1e-12);
        assert!((written_step("160") - 10.0).abs() < 1e-12);
        assert!((written_step("85") - 5.0).abs() < 1e-12);
        assert!((written_step("150") - 50.0).abs() < 1e-12);
        assert!((written_step("5") - 1.0).abs() < 1e-12);
        assert!((written_step("0") - 1.0).abs() < 1e-12);
        assert!((written_step("two") - 1.0).abs() < 1e-12);
    }

    #[test]
    fn converted_figures_agree_within_their_rounding_and_no_further() {
        let mile = 1609.344;
        // "5 km (3.1 miles)", "2 miles (3 km)": one distance.
        assert!(measures_agree(
            5000.0,
            1000.0,
            3.1 * mile,
            0.1 * mile,
            false
        ));
        assert!(measures_agree(2.0 * mile, mile, 3000.0, 1000.0, false));
        // "about 135 kilometers" against "about 85 miles".
        assert!(measures_agree(
            135_000.0,
            5000.0,
            85.0 * mile,
            5.0 * mile,
            true
        ));
        assert!(!measures_agree(135_000.0, 1000.0, 87.0 * mile, mile, false));
        // "2 km" against "2 miles", "100 miles" against "120 km": two.
        assert!(!measures_agree(2000.0, 1000.0, 2.0 * mile, mile, false));
        assert!(!measures_agree(
            100.0 * mile,
            100.0 * mile,
            120_000.0,
            10_000.0,
            true
        ));
    }
}
