//! Reported speech: "X said (that) …", "X told reporters that …" — the clause a reporting
//! verb introduces, without quotation marks, with the verb's subject as its speaker.

use super::tokens::{Token, TokenKind};

use super::extract::{Doc, Found};
use super::phrase::{subject_after, subject_before, Who};
use super::QuoteKind;

/// Verbs that report speech with a clause right after them ("said there was…").
fn says(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "says"
            | "said"
            | "saying"
            | "claimed"
            | "claiming"
            | "insisted"
            | "insists"
            | "added"
            | "adding"
            | "stated"
            | "argued"
            | "believes"
            | "warned"
            | "asserted"
            | "declared"
    )
}

/// Indirect speech in statement `s`: "X said (that) …", "X told reporters that …".
pub(super) fn find_indirect(d: &Doc<'_>, s: usize, out: &mut Vec<Found>) {
    let range = d.stmt_toks[s].clone();
    let t = &d.toks;
    for v in range.clone() {
        if !d.is_verb(v) || v + 1 >= range.end || d.quoted[v + 1] {
            continue;
        }
        // "…,” stated Leavitt: the attribution of a quotation, not reported speech.
        let after_quote = v > range.start
            && (d.quoted[v - 1]
                || (t[v - 1].norm == "," && v - 1 > range.start && d.quoted[v - 2]))
            && subject_after(&d.doc.text, t, &d.quoted, v).is_some();
        if after_quote {
            continue;
        }
        let norm = t[v].norm;
        let start = if t[v + 1].norm == "that" {
            v + 2
        } else if says(norm) && t[v + 1].kind == TokenKind::Word && clause_start(&t[v + 1]) {
            v + 1
        } else if matches!(
            norm,
            "told"
                | "tells"
                | "informed"
                | "briefed"
                | "confirmed"
                | "revealed"
                | "acknowledged"
                | "disclosed"
                | "announced"
                | "assured"
                | "reminded"
        ) {
            match (v + 1..range.end.min(v + 14))
                .take_while(|&k| !d.quoted[k] && t[k].norm != ";")
                .find(|&k| t[k].norm == "that")
            {
                Some(k) => k + 1,
                None => continue,
            }
        } else {
            continue;
        };
        if start >= range.end || d.quoted[start] {
            continue;
        }
        let mut end = range.end;
        for k in start..range.end {
            let next = t.get(k + 1).map(|x| x.norm);
            if t[k].norm == ","
                && !d.quoted[k]
                && matches!(
                    next,
                    Some(
                        "according"
                            | "saying"
                            | "adding"
                            | "but"
                            | "citing"
                            | "referring"
                            | "though"
                            | "although"
                            | "while"
                            | "he"
                            | "she"
                            | "they"
                    )
                )
            {
                end = k;
                break;
            }
        }
        while end > start && t[end - 1].kind == TokenKind::Punct && !d.quoted[end - 1] {
            end -= 1;
        }
        if (start..end)
            .filter(|&k| t[k].kind == TokenKind::Word)
            .count()
            < 4
        {
            continue;
        }
        let who = subject_before(&d.doc.text, t, &d.quoted, range.start, v)
            .or_else(|| d.speaker_left(range.start, v).map(|x| x.0))
            .or_else(|| {
                // "He was reportedly positive… and even suggested that…"
                let first = &t[range.start];
                matches!(first.norm, "he" | "she" | "they")
                    .then(|| Who::Pronoun(first.norm.to_owned()))
            });
        if who.is_none() {
            continue;
        }
        out.push(Found {
            parts: std::iter::once(t[start].span.start..t[end - 1].span.end).collect(),
            statement: s,
            kind: QuoteKind::Indirect,
            who,
            verb: Some(d.verb_text(v)),
            depth: 0,
            at: v,
        });
    }
}

/// Whether a word may open the clause a "said" reports (not "said on Wednesday").
fn clause_start(t: &Token) -> bool {
    !matches!(
        t.norm,
        "on" | "in"
            | "at"
            | "to"
            | "by"
            | "for"
            | "with"
            | "after"
            | "before"
            | "during"
            | "of"
            | "from"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "last"
            | "this"
            | "so"
            | "as"
            | "and"
            | "but"
            | "or"
            | "nothing"
            | "anything"
            | "much"
            | "more"
            | "little"
            | "reporters"
            | "repeatedly"
            | "publicly"
            | "previously"
            | "about"
            | "against"
            | "the"
            | "a"
            | "an"
    ) && (t.norm.len() <= 4 || !t.norm.ends_with("ly"))
}
