//! Speakers resolved in reading order: pronouns to the person, source or institution the
//! report last made a speaker or a subject, surnames to full names.

use crate::model::StatementKind;

use super::extract::{find_direct, Doc, Found};
use super::indirect::find_indirect;
use super::marks::Span;
use super::phrase::{first_person, last_plural, Who};
use super::{Instance, QuoteKind};

/// A resolved speaker and whether "he"/"she" or "they" may stand for it.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    name: String,
    plural: bool,
    institution: bool,
}

pub(super) fn resolve_all(d: &Doc<'_>, utterances: &[Vec<Span>]) -> Vec<Instance> {
    let mut found: Vec<Found> = Vec::new();
    let mut last: Option<usize> = None;
    for u in utterances {
        if let Some(mut f) = find_direct(d, u, last.map(|i| &found[i])) {
            if f.depth == 0 {
                last = Some(found.len());
            } else if f.who.is_none() {
                // A quotation inside another with no attribution of its own is the outer
                // speaker's ("Police 'locked down' the neighborhood," Fanning said).
                if let Some(outer) = last.map(|i| &found[i]).filter(|o| {
                    let (a, b) = (o.parts.first(), o.parts.last());
                    a.zip(b).is_some_and(|(a, b)| {
                        a.start <= f.parts[0].start && f.parts[0].end <= b.end
                    })
                }) {
                    f.who.clone_from(&outer.who);
                    f.verb.clone_from(&outer.verb);
                    f.at = outer.at;
                }
            }
            found.push(f);
        }
    }
    for s in 0..d.doc.statements.len() {
        if d.doc.statements[s].kind == StatementKind::Body {
            find_indirect(d, s, &mut found);
        }
    }
    found.sort_by_key(|f| {
        (
            f.parts.first().map_or(0, |r| r.start),
            f.kind == QuoteKind::Indirect,
        )
    });
    // Walk the report in order, keeping the last singular and plural speaker or subject.
    // Only a pronoun reads them: the subjects of statements from the last pronoun's on are
    // never asked for, and are not looked for.
    let needed = found
        .iter()
        .filter(|f| matches!(f.who, Some(Who::Pronoun(_))))
        .map(|f| f.statement)
        .max();
    let mut recent = Recent::default();
    let mut out = Vec::with_capacity(found.len());
    let mut next = 0;
    for s in 0..d.doc.statements.len() {
        let range = d.stmt_toks[s].clone();
        while next < found.len() && found[next].statement == s {
            let f = &found[next];
            let speaker = f
                .who
                .as_ref()
                .and_then(|w| resolve(d, w, range.start, f.at, &recent));
            if let Some(sp) = &speaker {
                recent.remember(sp);
            }
            out.push(Instance {
                doc: d.index,
                statement: f.statement,
                parts: f.parts.clone(),
                kind: f.kind,
                speaker: speaker.map(|s| s.name),
                verb: f.verb.clone(),
                depth: f.depth,
            });
            next += 1;
        }
        if needed.is_none_or(|last| s >= last) {
            continue;
        }
        // The statement's subject is the antecedent of the next "he".
        let subject = d
            .speaker_left(range.start, range.end)
            .map(|x| x.0)
            .or_else(|| d.according(range.clone()))
            .or_else(|| {
                first_person(&d.doc.text, &d.toks, &d.quoted, range.clone())
                    .filter(|w| d.plausible(w))
            });
        let spoke = out
            .iter()
            .rev()
            .take_while(|i| i.statement == s)
            .any(|i| i.speaker.is_some());
        if let Some(sp) = subject.and_then(|w| resolve(d, &w, range.start, range.end, &recent)) {
            if !spoke {
                recent.remember(&sp);
            }
        }
    }
    out
}

/// The speakers a pronoun may stand for: the last singular person or source ("he", "she"),
/// the last plural source or institution ("they"), the last institution or organisation
/// ("it").
#[derive(Debug, Default)]
struct Recent {
    single: Option<Speaker>,
    plural: Option<Speaker>,
    it: Option<Speaker>,
}

impl Recent {
    fn remember(&mut self, sp: &Speaker) {
        if sp.plural || sp.institution {
            self.plural = Some(sp.clone());
        } else {
            self.single = Some(sp.clone());
        }
        // An organisation named by one word the reports never give a first name for
        // ("Waitrose") may be "it" as well as "he".
        if sp.institution || (!sp.plural && !sp.name.contains(' ')) {
            self.it = Some(sp.clone());
        }
    }
}

fn resolve(
    d: &Doc<'_>,
    who: &Who,
    stmt_start: usize,
    at: usize,
    recent: &Recent,
) -> Option<Speaker> {
    match who {
        Who::Person(n)
            if !n.contains(' ')
                && (d.written_lowercase(&n.to_lowercase())
                    || crate::align::lexicon::number_word(&n.to_lowercase()).is_some()) =>
        {
            None
        }
        Who::Person(n) => Some(Speaker {
            name: d.full_name(n),
            plural: false,
            institution: false,
        }),
        Who::Institution(n) => Some(Speaker {
            name: n.clone(),
            plural: false,
            institution: true,
        }),
        Who::Described { text, plural: p } => Some(Speaker {
            name: text.clone(),
            plural: *p,
            institution: false,
        }),
        Who::Pronoun(p) if p == "it" => recent.it.clone(),
        Who::Pronoun(p) if p == "they" => {
            last_plural(&d.doc.text, &d.toks, &d.quoted, stmt_start..at)
                .and_then(|w| resolve(d, &w, stmt_start, at, recent))
                .or_else(|| recent.plural.clone())
        }
        Who::Pronoun(_) => first_person(&d.doc.text, &d.toks, &d.quoted, stmt_start..at)
            .and_then(|w| resolve(d, &w, stmt_start, at, recent))
            .or_else(|| recent.single.clone()),
    }
}
