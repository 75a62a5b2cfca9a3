//! Times of day: "3 a.m.", "10 pm", "3pm", "3:15 a.m.", "at 15:30", read as minutes after
//! midnight (a [`super::Dimension::Clock`] quantity), so "6:41pm" and "18:41" are one moment
//! and "3 a.m." and "3 p.m." two.

use super::super::text::TokenKind;
use super::super::tokens::Toks;

/// The time of day that starts at number token `i`: its minutes after midnight and the token
/// after it. A time needs "a.m." or "p.m." ("3 a.m.", "10 pm", "3pm", "3:15 a.m."), or
/// two-digit minutes after "at" ("at 15:30"): "with 4:43 left" is a game clock, "3:1" and
/// "16:9" are no times.
pub(super) fn clock_at(toks: Toks<'_>, i: usize) -> Option<(f64, usize)> {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let hour_tok = toks.at(i);
    let w = hour_tok.norm;
    if w.ends_with('m') && hour_tok.kind != TokenKind::Punct {
        // One token: "3pm", "11am".
        let (num, rest) = w.split_at(w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len()));
        if num.is_empty() || num.len() > 2 || !matches!(rest, "am" | "pm") {
            return None;
        }
        let hour: u32 = num.parse().ok()?;
        let pm = rest == "pm";
        return meridiem(hour, 0, Some(pm)).map(|m| (m, i + 1));
    }
    if hour_tok.kind != TokenKind::Number || !digits(hour_tok.norm) || hour_tok.norm.len() > 2 {
        return None;
    }
    let hour: u32 = hour_tok.norm.parse().ok()?;
    let norm = |k: usize| toks.get(k).map(|t| t.norm);
    let mut j = i + 1;
    let mut minute = None;
    // A meridiem glued to the minutes ("3:30pm") is read with them.
    let mut glued = None;
    if norm(j) == Some(":") {
        if let Some(m) = norm(j + 1) {
            let (num, rest) = m.split_at(m.find(|c: char| !c.is_ascii_digit()).unwrap_or(m.len()));
            if num.len() == 2 && matches!(rest, "" | "am" | "pm") {
                minute = num.parse::<u32>().ok();
                glued = (!rest.is_empty()).then_some(rest.starts_with('p'));
                j += 2;
            }
        }
    }
    let pm = if glued.is_some() {
        glued
    } else {
        match (norm(j), norm(j + 1), norm(j + 2)) {
            (Some(w @ ("am" | "pm")), _, _) => {
                j += 1;
                Some(w == "pm")
            }
            (Some(w @ ("a" | "p")), Some("."), Some("m")) => {
                j += 3;
                if norm(j) == Some(".") {
                    j += 1;
                }
                Some(w == "p")
            }
            _ => None,
        }
    };
    let after_at = i > 0 && toks.norm(i - 1) == "at";
    if pm.is_none() && (minute.is_none() || !after_at) {
        return None;
    }
    meridiem(hour, minute.unwrap_or(0), pm).map(|m| (m, j))
}

/// Minutes after midnight of `hour:minute`, read on a 12-hour clock when `pm` says which half
/// of the day ("12 a.m." is midnight), else on a 24-hour clock.
fn meridiem(mut hour: u32, minute: u32, pm: Option<bool>) -> Option<f64> {
    match pm {
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    (hour < 24 && minute < 60).then(|| f64::from(hour * 60 + minute))
}
