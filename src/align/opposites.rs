//! Opposites: two linked statements state opposite things of one subject ("Shares rose 5%" /
//! "Shares fell 5%", "The House approved the bill" / "The House rejected the bill").
//!
//! The pairs are `assets/lexicon/opposites.tsv` (WordNet 3.0 verb antonyms of each word's main
//! senses, and by hand a few reporting verbs, the verbs of economic news WordNet opposes only
//! through another word, "cut" / "raise", and the results of accounts, "profit" / "loss"),
//! compared after stemming. A pair conflicts
//! when each statement uses one verb and not the other, each plainly (no negator in its clause:
//! "did not rise" and "fell" agree), about the same thing (the tests of [`super::polarity`]: a
//! shared word near both, no two different names on one side), with one subject and object
//! (the same word next before both verbs, and after both: "the Colts won" / "the Jaguars lost"
//! is one game told from two sides), in a link sure enough ([`super::divergence::compares_polarity`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::corpus::{Corpus, Stmt, TermId, TermKind};
use super::lexicon::lexicon;
use super::polarity::{asserted_at, same_subject};
use super::slots::clip;
use super::text::TokenKind;
use super::{Difference, DifferenceKind};

/// The opposites table.
#[derive(Default)]
struct Table {
    /// The stem of each form of a word of the table → the word's own stem ("added" → "add":
    /// the stemmer gives "added" the stem "ad"; "women" → "woman").
    word: HashMap<String, String, FixedState>,
    /// A word's stem → its opposites' stems, each with the kind of difference the pair makes.
    opposites: HashMap<String, Vec<(String, DifferenceKind)>, FixedState>,
}

/// The stems of `w` and of its regular forms ("-s", "-ed", "-ing", and "-men" for "-man"),
/// without repeats.
fn stems(w: &str) -> Vec<String> {
    let lex = lexicon();
    let base = w.strip_suffix('e').unwrap_or(w);
    let past = if w.ends_with('e') {
        format!("{w}d")
    } else {
        format!("{w}ed")
    };
    let mut forms = vec![w.to_owned(), format!("{w}s"), past, format!("{base}ing")];
    if let Some(stem) = w.strip_suffix("man") {
        forms.push(format!("{stem}men"));
    }
    let mut out: Vec<String> = Vec::new();
    for form in forms {
        let s = lex.stem(&form);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The table of `assets/lexicon/opposites.tsv`: each pair with the kind of difference it makes,
/// an opposite or, for two parts of a day ("Friday morning" / "Friday evening"; the third
/// column), a date.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lex = lexicon();
        let mut table = Table::default();
        for line in include_str!("../../assets/lexicon/opposites.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let mut cols = line.split('\t').map(str::trim);
            let (Some(x), Some(y)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind = if cols.next() == Some("date") {
                DifferenceKind::Date
            } else {
                DifferenceKind::Opposite
            };
            let (sx, sy) = (lex.stem(x), lex.stem(y));
            if sx == sy {
                continue;
            }
            for (w, stem) in [(x, &sx), (y, &sy)] {
                for form in stems(w) {
                    table.word.entry(form).or_insert_with(|| stem.clone());
                }
            }
            for (from, to) in [(&sx, &sy), (&sy, &sx)] {
                let list = table.opposites.entry(from.clone()).or_default();
                if !list.iter().any(|(w, _)| w == to) {
                    list.push((to.clone(), kind));
                }
            }
        }
        table
    })
}

/// The words of `s` that have opposites: `(token, its word's stem)` (found once per
/// statement, compared in each of its links).
#[must_use]
pub fn opposable(c: &Corpus<'_>, s: &Stmt<'_>) -> Vec<(usize, String)> {
    let lex = lexicon();
    // Each word stemmed into one buffer: only the few words with opposites keep a string.
    let mut stem = String::new();
    (0..s.tokens.len())
        .filter(|&k| {
            s.term(k).is_some_and(|t| {
                matches!(
                    c.kinds[t as usize],
                    TermKind::Content | TermKind::Attribution
                )
            })
        })
        .filter_map(|k| {
            lex.stem_into(s.norm(k), &mut stem);
            table().word.get(&stem).map(|w| (k, w.clone()))
        })
        .collect()
}

/// The nearest content word or name before token `first` of `s` in its clause, and the
/// nearest two after token `last` (numbers and function words skipped): what stands around a
/// word (`first == last`) or a phrase such as a tally ([`super::divergence::tallies`]).
pub(super) fn neighbours(
    c: &Corpus<'_>,
    s: &Stmt<'_>,
    first: usize,
    last: usize,
) -> (Option<TermId>, [Option<TermId>; 2]) {
    let open = |j: &usize| s.tok(*j).kind != TokenKind::Punct;
    let informative = |j: usize| {
        s.term(j)
            .filter(|&t| matches!(c.kinds[t as usize], TermKind::Content | TermKind::Name))
    };
    let before = (0..first).rev().take_while(open).find_map(informative);
    let mut after = (last + 1..s.tokens.len())
        .take_while(open)
        .filter_map(informative);
    (before, [after.next(), after.next()])
}

/// Whether the words at `i` in `a` and `j` in `b` have one subject and one object: the same
/// word next before each, and, when both have words after, the next after one among the next
/// two after the other (an adjective may stand before the object: "open 25 new stores" /
/// "close 25 stores"). "The House approved the bill" / "The House rejected the bill", not
/// "Chiefs lose to Colts" / "Colts… Win Over Chiefs" (one game from two sides) nor "Indonesia
/// lies in a zone" / "17,000 islands, sits at a zone".
fn same_neighbours(c: &Corpus<'_>, a: &Stmt<'_>, i: usize, b: &Stmt<'_>, j: usize) -> bool {
    let ((ba, aa), (bb, ab)) = (neighbours(c, a, i, i), neighbours(c, b, j, j));
    let object = match (aa[0], ab[0]) {
        (Some(x), Some(y)) => ab.contains(&Some(x)) || aa.contains(&Some(y)),
        _ => true,
    };
    ba.is_some() && ba == bb && object
}

/// Opposite statements of one thing in `a` and `b` (each with its [`opposable`] words), each
/// as an [`DifferenceKind::Opposite`] or, for two parts of a day, a [`DifferenceKind::Date`]
/// difference. Asked only of links sure enough ([`super::divergence::compares_polarity`]).
#[must_use]
pub fn opposite_differences(
    c: &Corpus<'_>,
    (a, va): (&Stmt<'_>, &[(usize, String)]),
    (b, vb): (&Stmt<'_>, &[(usize, String)]),
) -> Vec<Difference> {
    // Each uses one word only: "rose, then fell" against "fell" is no conflict.
    let uses = |v: &[(usize, String)], stem: &String| v.iter().any(|(_, s)| s == stem);
    let mut out = Vec::new();
    for (i, x) in va {
        let Some(opposites) = table().opposites.get(x) else {
            continue;
        };
        for (j, y) in vb {
            let Some(&(_, kind)) = opposites.iter().find(|(w, _)| w == y) else {
                continue;
            };
            if uses(va, y) || uses(vb, x) {
                continue;
            }
            if asserted_at(a, *i)
                && asserted_at(b, *j)
                && same_subject(c, a, *i, *i, b, *j)
                && same_neighbours(c, a, *i, b, *j)
            {
                let word =
                    |s: &Stmt<'_>, k: usize| clip(s.text, s.tok(k).span.start, s.tok(k).span.end);
                out.push(Difference {
                    kind,
                    a: word(a, *i),
                    b: word(b, *j),
                });
            }
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opposites(a: &str, b: &str) -> Vec<(String, String)> {
        let c = super::super::polarity::corpus_of_two(a, b);
        let (x, y) = (&c.stmts[0], &c.stmts[1]);
        opposite_differences(&c, (x, &opposable(&c, x)), (y, &opposable(&c, y)))
            .into_iter()
            .map(|d| (d.a, d.b))
            .collect()
    }

    fn kinds(a: &str, b: &str) -> Vec<DifferenceKind> {
        let c = super::super::polarity::corpus_of_two(a, b);
        let (x, y) = (&c.stmts[0], &c.stmts[1]);
        opposite_differences(&c, (x, &opposable(&c, x)), (y, &opposable(&c, y)))
            .into_iter()
            .map(|d| d.kind)
            .collect()
    }

    #[test]
    fn a_person_of_the_other_sex_and_another_part_of_the_day_differ() {
        assert_eq!(
            kinds(
                "Police said the gunman was a 34-year-old man from Texas.",
                "Police said the gunman was a 34-year-old woman from Texas."
            ),
            [DifferenceKind::Opposite]
        );
        assert_eq!(
            kinds(
                "The storm is expected to hit the coast on Friday morning.",
                "The storm is expected to hit the coast on Friday evening."
            ),
            [DifferenceKind::Date]
        );
        // One statement naming both is no conflict.
        assert!(kinds(
            "Police identified the victims as a 47-year-old man and a 48-year-old man.",
            "A 63-year-old woman and two men, ages 47 and 48, were shot, police said."
        )
        .is_empty());
        // Evening and night overlap: no conflict.
        assert!(kinds(
            "The storm hit the coast on Friday evening.",
            "The storm hit the coast on Friday night."
        )
        .is_empty());
    }

    #[test]
    fn opposite_verbs_of_one_thing_conflict() {
        assert_eq!(
            opposites(
                "Shares of the company rose 5 percent on Monday.",
                "Shares of the company fell 5 percent on Monday."
            ),
            [("rose".to_string(), "fell".to_string())]
        );
        assert_eq!(
            opposites(
                "The company confirmed the merger on Monday.",
                "The company denied the merger on Monday."
            ),
            [("confirmed".to_string(), "denied".to_string())]
        );
        assert_eq!(
            opposites(
                "The House approved the bill.",
                "The House rejected the bill."
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_adjective_before_the_object_and_the_words_of_economic_news_still_oppose() {
        let one = |a: &str, b: &str| assert_eq!(opposites(a, b).len(), 1, "{a} / {b}");
        one(
            "Apple said it would open 25 new stores in India next year.",
            "Apple said it would close 25 stores in India next year.",
        );
        one(
            "The central bank raised interest rates by a quarter point.",
            "The central bank cut interest rates by a quarter point.",
        );
        one(
            "The company cut 500 jobs at its plant in Detroit.",
            "The company added 500 jobs at its plant in Detroit.",
        );
        one(
            "The company reported a profit of $5 million in the third quarter.",
            "The company reported a loss of $5 million in the third quarter.",
        );
        // Another object after the verb is another thing.
        assert!(opposites(
            "The bank raised rates on mortgages.",
            "The bank cut staff at branches."
        )
        .is_empty());
    }

    #[test]
    fn one_event_told_from_two_sides_or_denied_is_no_conflict() {
        let none = |a: &str, b: &str| assert!(opposites(a, b).is_empty(), "{a} / {b}");
        none(
            "The visiting Colts won the game on Sunday.",
            "The visiting Jaguars lost the game on Sunday.",
        );
        none(
            "Chiefs lose 20-13 to Colts on Sunday",
            "Colts clinch playoff spot with 20-13 win over Chiefs on Sunday",
        );
        none(
            "Indonesia lies in a zone where plates meet.",
            "Indonesia, with 17,000 islands, sits at a zone where plates meet.",
        );
        none("Shares did not rise on Monday.", "Shares fell on Monday.");
        none(
            "Shares rose, then fell on Monday.",
            "Shares fell on Monday.",
        );
    }

    #[test]
    fn every_line_of_the_opposites_asset_is_read() {
        let lex = lexicon();
        let mut lines = 0;
        for line in include_str!("../../assets/lexicon/opposites.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let (x, y) = (
                cols.next().unwrap_or(""),
                cols.next().expect("two words a line"),
            );
            assert!(matches!(cols.next(), None | Some("date")), "{line}");
            let (sx, sy) = (lex.stem(x), lex.stem(y));
            assert!(
                table().opposites[&sx].iter().any(|(w, _)| *w == sy),
                "{line}"
            );
            assert!(
                table().opposites[&sy].iter().any(|(w, _)| *w == sx),
                "{line}"
            );
            lines += 1;
        }
        assert!(lines > 100);
        // The past of "add" stems to "ad": its forms are keyed too.
        assert_eq!(table().word[&lex.stem("added")], lex.stem("add"));
        assert_eq!(table().word[&lex.stem("women")], lex.stem("woman"));
    }
}
