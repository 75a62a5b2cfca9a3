//! The negators of `assets/lexicon/negators.txt` and where one stands in a statement: its
//! width ("not" one token, "refused to" two, "hadn ’ t" three) and whether it denies anything
//! there ("not only", "would not have", "if … not" deny nothing).

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::super::corpus::Stmt;
use super::super::text::TokenKind;

/// The negators and the words around them that change what they do (see the asset's header).
pub(super) struct Negators {
    pub(super) words: HashSet<&'static str, FixedState>,
    pub(super) pairs: Vec<(&'static str, &'static str)>,
    pub(super) not_denials: Vec<Vec<&'static str>>,
    pub(super) reached_past: HashSet<&'static str, FixedState>,
    pub(super) time_bounds: HashSet<&'static str, FixedState>,
    pub(super) conditions: HashSet<&'static str, FixedState>,
    /// Whether some negator word or first word of a pair starts with each byte: most tokens
    /// are told apart by their first byte, without hashing them.
    heads: [bool; 256],
}

pub(super) fn negators() -> &'static Negators {
    static NEGATORS: OnceLock<Negators> = OnceLock::new();
    NEGATORS.get_or_init(|| {
        let mut n = Negators {
            words: HashSet::default(),
            pairs: Vec::new(),
            not_denials: Vec::new(),
            reached_past: HashSet::default(),
            time_bounds: HashSet::default(),
            conditions: HashSet::default(),
            heads: [false; 256],
        };
        for line in include_str!("../../../assets/lexicon/negators.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (mark, rest) = line.split_at(1);
            let rest = rest.trim();
            match mark {
                "~" => drop(n.reached_past.insert(rest)),
                ">" => drop(n.time_bounds.insert(rest)),
                "?" => drop(n.conditions.insert(rest)),
                "!" => n.not_denials.push(rest.split_whitespace().collect()),
                _ => match line.split_once(' ') {
                    Some((x, y)) => n.pairs.push((x, y.trim())),
                    None => drop(n.words.insert(line)),
                },
            }
        }
        for w in n.words.iter().copied().chain(n.pairs.iter().map(|p| p.0)) {
            if let Some(&b) = w.as_bytes().first() {
                n.heads[usize::from(b)] = true;
            }
        }
        n
    })
}

fn is_apostrophe(w: &str) -> bool {
    matches!(w, "'" | "\u{2019}")
}

/// How many tokens from `i` make a negator (0 when token `i` is none): "not" is one, "refused
/// to" or "short of" two, a contraction split by its apostrophe ("hadn ’ t") three.
pub(super) fn negator_width(s: &Stmt<'_>, i: usize) -> usize {
    let n = negators();
    let w = s.norm(i);
    // A negator word or pair starts with one of `heads`; a contraction ends in "n't" or in
    // "n" before its apostrophe: any other word is none, and most words are told here.
    let bytes = w.as_bytes();
    if !bytes.first().is_some_and(|&b| n.heads[usize::from(b)])
        && !matches!(bytes.last(), Some(b'n' | b't'))
    {
        return 0;
    }
    let at = |k: usize| (k < s.tokens.len()).then(|| s.norm(k));
    if n.words.contains(w) || (w.len() > 3 && w.ends_with("n't")) {
        1
    } else if n.pairs.iter().any(|&(x, y)| x == w && at(i + 1) == Some(y)) {
        2
    } else if w.len() > 2
        && w.ends_with('n')
        && at(i + 1).is_some_and(is_apostrophe)
        && at(i + 2) == Some("t")
    {
        3
    } else {
        0
    }
}

/// Whether the negator at `i` sits in a phrase that denies nothing ("not only", "would not
/// have") or in a condition ("if he doesn't win…"): such a negator starts no denial.
pub(super) fn denies_nothing(s: &Stmt<'_>, i: usize) -> bool {
    let n = negators();
    let in_phrase = n.not_denials.iter().any(|phrase| {
        (0..phrase.len()).any(|p| {
            i >= p
                && i - p + phrase.len() <= s.tokens.len()
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(q, w)| s.norm(i - p + q) == *w)
        })
    });
    let conditional = (0..i)
        .rev()
        .take_while(|&k| s.tok(k).kind != TokenKind::Punct)
        .any(|k| n.conditions.contains(s.norm(k)));
    in_phrase || conditional
}
