//! The verdicts for a single period followed by whitespace: abbreviations by class,
//! multi-period abbreviations ("U.S.", "a.m."), initials, and the word before a period.

use super::rules::{Next, Scanner, LOOKBACK};
use super::words::{self, AbbrevClass};

impl<'a> Scanner<'a> {
    /// The token before byte `i`: back to whitespace, an opening mark or the sentence start.
    pub(super) fn word_before(&self, i: usize) -> &'a str {
        let text = self.text;
        // Abbreviations are short: looking back a bounded distance keeps long tokens linear.
        let mut from = self.sent_start.max(i.saturating_sub(LOOKBACK)).min(i);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let head = &text[from..i];
        let start = head
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '‘' | '"' | '«'))
            .map_or(0, |p| {
                p + head[p..].chars().next().map_or(1, char::len_utf8)
            });
        head[start..].trim_start_matches(['\'', '"'])
    }

    /// The abbreviation and number rules for a single period at `i` followed by whitespace
    /// and `next`.
    pub(super) fn period_ends_sentence(&self, i: usize, next: &Next<'_>) -> bool {
        let word = self.word_before(i);
        if word.is_empty() {
            return true;
        }
        // "Golf-U.S. Masters", "D-W.Va.": the abbreviation is the last part of a compound.
        let word = match word.rsplit(['-', '/', '–']).next() {
            Some(last) if !last.is_empty() => last,
            _ => word,
        };
        if next.word == "KG" && word.eq_ignore_ascii_case("co") {
            return false;
        }
        if word.ends_with('°') {
            return !next.ch.is_some_and(|c| c.is_ascii_digit());
        }
        if word.contains('.') {
            if let Some(verdict) = self.multi_period(word, next, i) {
                return verdict;
            }
        }
        let mut chars = word.chars();
        if let (Some(only), None) = (chars.next(), chars.next()) {
            if only.is_uppercase() {
                return self.single_capital(only, i, next);
            }
            // "3 p. m. the day" (tokenised text): a lone lowercase letter before a lowercase
            // word is an abbreviation, not a sentence end.
            if only.is_lowercase() && next.lower() {
                return false;
            }
        }
        match words::abbreviation(word) {
            Some(AbbrevClass::Prepositive) => next.upper && starter_after_title(next.word),
            // "No. 5", "Co. (cited …)", "Inc. (“Company A”)" go on.
            Some(AbbrevClass::Number | AbbrevClass::Other) => {
                // "Alphabet Inc. Chief Executive Sundar Pichai" goes on too.
                !(next.ch.is_some_and(|c| c.is_ascii_digit() || c == '('))
                    && next.upper
                    && !words::is_title_word(next.word)
            }
            None => true,
        }
    }

    /// "U.S.", "e.g.", "a.m.", "Ph.D.": `Some(verdict)` when `word` has the shape of a
    /// multi-period abbreviation (letter groups of one or two).
    fn multi_period(&self, word: &str, next: &Next<'_>, i: usize) -> Option<bool> {
        let shaped = word.split('.').all(|g| {
            let n = g.chars().count();
            (1..=2).contains(&n) && g.chars().all(char::is_alphabetic)
        });
        if !shaped {
            return None;
        }
        let lower = word.to_ascii_lowercase();
        Some(match lower.as_str() {
            "e.g" | "i.e" | "cf" | "viz" => false,
            "a.m" | "p.m" => self.after_time(next, i),
            _ => next.upper && words::is_starter(next.word),
        })
    }

    /// "6 p.m. Travelers …" ends a sentence; "9 a.m. Friday", "5 p.m. EST" and a sentence
    /// that so far is only "At 5 a.m." do not.
    fn after_time(&self, next: &Next<'_>, i: usize) -> bool {
        if !next.upper || words::is_time_word(next.word) {
            return false;
        }
        // "6 p.m. Moscow time", "9 a.m. Eastern Time".
        let following = next.rest.trim_start();
        if following.starts_with("time") || following.starts_with("Time") {
            return false;
        }
        let so_far = &self.text[self.sent_start.min(i)..i];
        let mut w = so_far.split_whitespace();
        let first = w.next().unwrap_or("");
        let short = so_far.split_whitespace().take(5).count() <= 4;
        let prep = matches!(
            first,
            "At" | "By"
                | "Before"
                | "After"
                | "Until"
                | "Till"
                | "Around"
                | "About"
                | "From"
                | "Since"
                | "Shortly"
        );
        !(short && prep)
    }

    /// An initial ("Jonas E. Smith", "J. R. R. Tolkien") does not end a sentence, but "you
    /// and I. Did" and "plan B. The" do.
    fn single_capital(&self, letter: char, i: usize, next: &Next<'_>) -> bool {
        if !next.upper || !words::is_starter(next.word) {
            return false;
        }
        if letter == 'I' {
            return true;
        }
        // The word before the initial: lowercase means "plan B.", a name means "John B.".
        let at = i.saturating_sub(letter.len_utf8());
        let before = self.text[self.sent_start.min(at)..at].trim_end();
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        next.word.len() > 1 && prev.chars().next().is_some_and(char::is_lowercase)
    }
}

fn starter_after_title(word: &str) -> bool {
    word.len() > 1 && words::is_starter(word) && !matches!(word, "Who" | "More" | "Being")
}
