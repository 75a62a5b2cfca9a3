//! Number conflicts between two linked statements: quantities of one dimension compared with
//! their hedges as bounds, measures converted between units within their rounding, money by
//! currency, times of day within a tolerance, tallies through [`super::tallies`].

use super::super::corpus::{Corpus, Stmt};
use super::super::facts::{same_value, Dimension, Quantity};
use super::super::lexicon::lexicon;
use super::super::slots::clip;
use super::super::{Difference, DifferenceKind};
use super::{same_context, tallies};

/// Whether two quantities of one dimension may state one value: equal values, or measures
/// given in two units that agree within the rounding of the figures written ("5 km" and "3.1
/// miles").
fn same_amount(x: &Quantity, y: &Quantity) -> bool {
    match (x.written, y.written) {
        (Some((ux, gx)), Some((uy, gy))) if !same_value(ux, uy) => {
            let approximate = x.hedge.is_some() || y.hedge.is_some();
            super::super::facts::measures_agree(x.value, gx, y.value, gy, approximate)
        }
        _ => same_value(x.value, y.value),
    }
}

/// Whether two quantities may state one figure: the same amount (whatever their hedges: those
/// are compared on their own), or a bounded figure that admits the other's, close enough to be
/// its rounding ("over 350 yards" against "352 yards"; "at least 50 injured" against "80
/// injured" are two figures, as are "at least 12" and "at least 21").
fn may_meet(x: &Quantity, y: &Quantity) -> bool {
    if same_amount(x, y) {
        return true;
    }
    let (bounded, other) = match (bound(x), bound(y)) {
        (0, 0) => return false,
        (0, _) => (y, x),
        (_, 0) => (x, y),
        _ => return false,
    };
    let b = bound(bounded);
    let admitted = if b < 0 {
        other.value < bounded.value
    } else {
        other.value > bounded.value
    };
    let slack = super::super::params::defaults().facts.rounding;
    admitted
        && (other.value - bounded.value).abs() <= slack * bounded.value.abs().max(other.value.abs())
}

/// How a hedge bounds a quantity (see [`super::super::lexicon::Lexicon::hedge_bound`]): "nearly 3"
/// is below 3, "up to 3" at most 3, "more than 3" above it; "about 3" and a bare 3 bound
/// nothing. "Over" before a span of time means "across".
fn bound(q: &Quantity) -> i8 {
    match q.hedge.as_deref() {
        Some("over") if q.dim == Dimension::Duration => 0,
        Some(h) => lexicon().hedge_bound(h),
        None => 0,
    }
}

pub(super) fn number_differences(
    c: &Corpus<'_>,
    a: &Stmt<'_>,
    b: &Stmt<'_>,
    out: &mut Vec<Difference>,
) {
    let mut dims: Vec<&Dimension> = Vec::new();
    for q in &a.quantities {
        if !dims.contains(&&q.dim) && b.quantities.iter().any(|r| r.dim.comparable(&q.dim)) {
            dims.push(&q.dim);
        }
    }
    // The number conflict between quantity `x` of `a` and `y` of `b`, in their words.
    let conflict = |x: &Quantity, y: &Quantity| Difference {
        kind: DifferenceKind::Number,
        a: clip(a.text, x.span.start, x.span.end),
        b: clip(b.text, y.span.start, y.span.end),
    };
    for d in dims {
        if *d == Dimension::Clock {
            clock_differences(a, b, out);
            continue;
        }
        if *d == Dimension::Tally {
            if let Some((x, y)) = tallies::conflict(c, a, b) {
                out.push(conflict(x, y));
            }
            continue;
        }
        let qa: Vec<&Quantity> = a.quantities.iter().filter(|q| &q.dim == d).collect();
        let qb: Vec<&Quantity> = b
            .quantities
            .iter()
            .filter(|q| q.dim.comparable(d))
            .collect();
        // Money in two currencies, percent against percentage points: one value is a
        // conflict ("$5 million" / "£5 million"); two values may be a conversion.
        let clash =
            |x: &Quantity, y: &Quantity| matches!((x.unit, y.unit), (Some(p), Some(q)) if p != q);
        let mixed_up = qa.iter().find_map(|x| {
            qb.iter()
                .find(|y| clash(x, y) && same_value(x.value, y.value))
                .map(|y| (*x, *y))
        });
        if let Some((x, y)) = mixed_up {
            out.push(conflict(x, y));
            continue;
        }
        let common = qa
            .iter()
            .any(|x| qb.iter().any(|y| !clash(x, y) && may_meet(x, y)));
        if !common {
            let measure_window = super::super::params::defaults().facts.measure_window;
            // A story measures many things in one unit (a quake's depth and its distance from a
            // town), so two measures conflict only where the same word stands next to both.
            let pair = if matches!(d, Dimension::Measure(_)) {
                qa.iter().find_map(|x| {
                    qb.iter()
                        .find(|y| same_context(a, &x.span, b, &y.span, measure_window))
                        .map(|y| (*x, *y))
                })
            } else {
                qa.iter()
                    .find_map(|x| qb.iter().find(|y| !clash(x, y)).map(|y| (*x, *y)))
            };
            if let Some((x, y)) = pair {
                out.push(conflict(x, y));
            }
            continue;
        }
        // Same value, different hedge, and no exact match elsewhere.
        for x in &qa {
            let exact = qb
                .iter()
                .any(|y| same_amount(x, y) && bounds_agree(bound(x), bound(y)));
            if exact {
                continue;
            }
            if let Some(y) = qb.iter().find(|y| same_amount(x, y)) {
                out.push(conflict(x, y));
                break;
            }
        }
    }
}

/// Times of day conflict when no time of one is within the tolerance of a time of the other
/// ("3 a.m." / "3 p.m.", "3:15" / "4:15") and two of them time the same thing (a word next to
/// one is next to the other, as for dates); reports round and approximate the minute
/// ("shortly after 3:30" / "3:33"), so hedges are not compared.
fn clock_differences(a: &Stmt<'_>, b: &Stmt<'_>, out: &mut Vec<Difference>) {
    let tolerance = f64::from(super::super::params::defaults().facts.clock_tolerance);
    fn clocks<'s>(s: &'s Stmt<'_>) -> Vec<&'s Quantity> {
        s.quantities
            .iter()
            .filter(|q| q.dim == Dimension::Clock)
            .collect()
    }
    let (qa, qb) = (clocks(a), clocks(b));
    let date_window = super::super::params::defaults().facts.date_window;
    let near = |x: f64, y: f64| {
        // Minutes around the clock: 23:50 and 00:05 are a quarter of an hour apart.
        let d = (x - y).abs();
        d.min(1440.0 - d) <= tolerance
    };
    if qa.iter().any(|x| qb.iter().any(|y| near(x.value, y.value))) {
        return;
    }
    let pair = qa.iter().find_map(|x| {
        qb.iter()
            .find(|y| same_context(a, &x.span, b, &y.span, date_window))
            .map(|y| (x, y))
    });
    if let Some((x, y)) = pair {
        out.push(Difference {
            kind: DifferenceKind::Date,
            a: clip(a.text, x.span.start, x.span.end),
            b: clip(b.text, y.span.start, y.span.end),
        });
    }
}

/// Whether two bounds of one number leave a value in common: a bare number agrees with "at
/// least" and "up to" it but not with "nearly" or "more than" it; "up to 3" and "at least 3"
/// meet at 3, "under 3" and "at least 3" do not.
fn bounds_agree(x: i8, y: i8) -> bool {
    if x == 0 || y == 0 {
        x.abs() != 2 && y.abs() != 2
    } else {
        x.signum() == y.signum() || (x.abs() == 1 && y.abs() == 1)
    }
}
