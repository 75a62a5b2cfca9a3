//! Titles and roles: "Former U.S. President Donald Trump" against "U.S. President Donald Trump".
//!
//! Two linked statements may name the same person with titles that disagree on the person's
//! role: one says the office is held, the other that it was (`former`, `ex-`, `late`), or is
//! held for now (`acting`, `interim`), or is a lesser one (`deputy`, `vice`), or names another
//! office ("Prime Minister" / "Foreign Secretary", "Senator" / "Governor"). The title is the run
//! of capitalised words and role words just before the name; when both statements give the
//! person a title and one of them holds a role word the other lacks, or the title nouns right
//! before the name name two offices, the pair disagrees on the role. The role words are in
//! `assets/lexicon/role-modifiers.txt`, the title nouns in `assets/lexicon/titles.txt`.

use super::corpus::{Corpus, Stmt, TermKind};
use super::lexicon::lexicon;
use super::slots::clip;
use super::text::TokenKind;

/// A title read before a name: its first token, its role words, and its office: the title
/// noun right before the name, with nothing but the rest of the name between ("Minister" of
/// "Prime Minister Boris Johnson"; none in "Surgeon General Nominee Dr. Regina Benjamin").
struct Title<'s> {
    first: usize,
    roles: Vec<&'s str>,
    office: Option<&'s str>,
}

/// Whether two title nouns name one office: one word, or two forms of it ("chairman" /
/// "chair", "spokesman" / "spokeswoman").
fn same_office(x: &str, y: &str) -> bool {
    let common = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
    common == x.len().min(y.len()) || common >= 5
}

/// The title before the name token at `start` (read back over capitalised words, the rest of
/// the name included, and role words). `None` when no title noun stands there.
fn title<'s>(c: &Corpus<'_>, s: &'s Stmt<'_>, start: usize) -> Option<Title<'s>> {
    let mut first = start;
    let mut noun = false;
    let mut office = None;
    // Only names (and their dots) read so far: the next title noun is the office.
    let mut only_names = true;
    let mut found: Vec<&str> = Vec::new();
    let mut k = start;
    let span = super::params::defaults().facts.title_span;
    while k > 0 && start - k < span {
        let t = s.tok(k - 1);
        let norm = t.norm;
        let role = lexicon().is_role_word(norm);
        let joiner = t.kind == TokenKind::Punct && matches!(norm, "." | "-");
        if t.kind == TokenKind::Word && (t.capitalised || role) {
            if role {
                found.push(norm);
            }
            let title_noun = lexicon().is_title_noun(norm);
            if title_noun && only_names && office.is_none() {
                office = Some(norm);
            }
            noun |= title_noun;
            only_names &= !title_noun
                && s.term(k - 1)
                    .is_some_and(|t| c.kinds[t as usize] == TermKind::Name);
            first = k - 1;
        } else if !joiner {
            break;
        }
        k -= 1;
    }
    // A title needs a title noun ("Former President", not "former Trump"; "Joe" in "Joe
    // Biden" is no title).
    noun.then_some(Title {
        first,
        roles: found,
        office,
    })
}

/// Role disagreements between `a` and `b`: `(a's title and name, b's title and name)`.
#[must_use]
pub fn role_differences(c: &Corpus<'_>, a: &Stmt<'_>, b: &Stmt<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    let name_at =
        |s: &Stmt<'_>, i: usize| s.term(i).filter(|&t| c.kinds[t as usize] == TermKind::Name);
    for i in 0..a.tokens.len() {
        // The last word of each name: the person ("Putin", "Trump"), not a title word that is
        // itself a name ("President").
        let Some(t) =
            name_at(a, i).filter(|_| i + 1 == a.tokens.len() || name_at(a, i + 1).is_none())
        else {
            continue;
        };
        // Each name once; the title is read back from it over the rest of the name
        // ("Former U.S. President Donald Trump": U.S. and Donald may be names of their own).
        // A name `b` lacks has no token there (asked first: it is the cheapest test).
        if b.set.binary_search(&t).is_err() || seen.contains(&t) {
            continue;
        }
        let Some(j) = (0..b.tokens.len()).find(|&j| {
            b.term(j) == Some(t) && (j + 1 == b.tokens.len() || name_at(b, j + 1).is_none())
        }) else {
            continue;
        };
        seen.push(t);
        let (Some(ta), Some(tb)) = (title(c, a, i), title(c, b, j)) else {
            continue;
        };
        let (fa, fb) = (ta.first, tb.first);
        let one_sided = |x: &[&str], y: &[&str]| x.iter().any(|r| !y.contains(r));
        // A role word one title lacks ("Former President" / "President"), or two offices
        // ("Prime Minister" / "Foreign Secretary").
        let other_office =
            matches!((ta.office, tb.office), (Some(x), Some(y)) if !same_office(x, y));
        let differs =
            one_sided(&ta.roles, &tb.roles) || one_sided(&tb.roles, &ta.roles) || other_office;
        if differs {
            let end = |s: &Stmt<'_>, from: usize| {
                let mut e = from;
                while e + 1 < s.tokens.len() && name_at(s, e + 1).is_some() {
                    e += 1;
                }
                s.tokens[e].span().end
            };
            out.push((
                clip(a.text, a.tokens[fa].span().start, end(a, i)),
                clip(b.text, b.tokens[fb].span().start, end(b, j)),
            ));
        }
    }
    out
}
