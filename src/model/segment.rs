//! Sentence segmentation.
//!
//! [`split`] cuts a text into sentences and returns their byte ranges, trimmed of surrounding
//! whitespace, in order, without overlap, on char boundaries, covering every non-space
//! character. It is a rule-based splitter in the manner of pragmatic_segmenter and pySBD
//! (their "Golden Rules" are its test cases), built as one forward pass over the bytes:
//!
//! 1. `regions` finds the insides of quotations, parentheses, brackets and dash asides,
//!    where punctuation never ends a sentence;
//! 2. `lists` finds numbered and lettered list markers, whose periods are no boundaries and
//!    whose items start new statements;
//! 3. `rules` (with `verdict`) stops only at sentence punctuation and at the closing marks
//!    of outermost quotations, and decides from the words around it: abbreviations by class
//!    (titles, number prefixes, others; see `assets/abbreviations-en.txt`), initials,
//!    multi-period abbreviations ("U.S.", "a.m."), decimals and reference numbers, ellipses,
//!    e-mail and web addresses.
//!
//! Line breaks are plain whitespace here: paragraphs are cut before splitting
//! (see [`super::structure`]).

mod lists;
mod marks;
mod regions;
mod rules;
mod shapes;
mod verdict;
mod words;

use std::ops::Range;

/// Split `text` into sentences, returned as byte ranges into `text`.
#[must_use]
pub fn split(text: &str) -> Vec<Range<usize>> {
    let start = text.len() - text.trim_start().len();
    if start == text.len() {
        return Vec::new();
    }
    let regions = regions::Regions::find(text);
    let lists = lists::find(text, start);
    let mut scanner = rules::Scanner::new(text, start, &regions, &lists);
    scanner.run();
    let mut out = Vec::with_capacity(scanner.cuts.len() + 1);
    let mut from = start;
    for &cut in scanner.cuts.iter().chain(std::iter::once(&text.len())) {
        // Cuts are made at char boundaries; the check keeps a rule bug from ever producing
        // an invalid slice.
        if cut <= from || !text.is_char_boundary(cut) {
            continue;
        }
        push_piece(text, from..cut, &mut out);
        from = cut;
    }
    out
}

/// Push the trimmed `r`; a piece without any letter or digit (a stray closing quotation mark
/// after a space, as in tokenised text: `innit!!! "`) joins the statement before it.
fn push_piece(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let before = out.len();
    push_trimmed(text, r, out);
    if out.len() > 1 && out.len() > before {
        let last = out[out.len() - 1].clone();
        if !text[last.clone()].chars().any(char::is_alphanumeric) {
            out.pop();
            if let Some(prev) = out.last_mut() {
                prev.end = last.end;
            }
        }
    }
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let trimmed = s.trim_start();
    let lead = s.len() - trimmed.len();
    let trail = trimmed.len() - trimmed.trim_end().len();
    if lead < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    fn check(cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "input: {text:?}");
        }
    }

    #[test]
    fn abbreviations_and_titles() {
        check(&[
            (
                "Former U.S. President Donald Trump said so.",
                &["Former U.S. President Donald Trump said so."],
            ),
            (
                "Meanwhile, U.S. Special Envoy Steve Witkoff flew in.",
                &["Meanwhile, U.S. Special Envoy Steve Witkoff flew in."],
            ),
            (
                "I live in the U.S. How about you?",
                &["I live in the U.S.", "How about you?"],
            ),
            (
                "The U.K. Panel met. Finally he left the U.K. He went home.",
                &[
                    "The U.K. Panel met.",
                    "Finally he left the U.K.",
                    "He went home.",
                ],
            ),
            (
                "Mr. Smith met Gen. Milley and Sen. Warren.",
                &["Mr. Smith met Gen. Milley and Sen. Warren."],
            ),
            (
                "Dr. Jones and Mrs. Jones left. They met Rev. King Jr. at noon.",
                &[
                    "Dr. Jones and Mrs. Jones left.",
                    "They met Rev. King Jr. at noon.",
                ],
            ),
            (
                "On Jan. 20, former Sen. Barack Obama spoke.",
                &["On Jan. 20, former Sen. Barack Obama spoke."],
            ),
            (
                "They work for ABC Corp. and BCD Corp. She works for ABC Co. It closed.",
                &[
                    "They work for ABC Corp. and BCD Corp.",
                    "She works for ABC Co.",
                    "It closed.",
                ],
            ),
            (
                "Alphabet Inc. Chief Executive Sundar Pichai spoke. Apple Inc. The company agreed.",
                &[
                    "Alphabet Inc. Chief Executive Sundar Pichai spoke.",
                    "Apple Inc.",
                    "The company agreed.",
                ],
            ),
            (
                "This is e.g. Mr. Smith, who talks slowly.",
                &["This is e.g. Mr. Smith, who talks slowly."],
            ),
            (
                "He lives in St. Louis. It is big.",
                &["He lives in St. Louis.", "It is big."],
            ),
            (
                "He has Ph.D.-level training. Send it to P.O. box 6554",
                &["He has Ph.D.-level training.", "Send it to P.O. box 6554"],
            ),
        ]);
    }

    #[test]
    fn times_numbers_and_decimals() {
        check(&[
            (
                "The talks start at 9 a.m. Friday in Geneva.",
                &["The talks start at 9 a.m. Friday in Geneva."],
            ),
            (
                "The talks ended at 6 p.m. Moscow time. Nothing was agreed.",
                &[
                    "The talks ended at 6 p.m. Moscow time.",
                    "Nothing was agreed.",
                ],
            ),
            (
                "He was seen after 3 p. m. the day of the shooting.",
                &["He was seen after 3 p. m. the day of the shooting."],
            ),
            (
                "He left at 6 p.m. Travelers stayed.",
                &["He left at 6 p.m.", "Travelers stayed."],
            ),
            (
                "At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M. Mr. Smith then went home.",
                &[
                    "At 5 a.m. Mr. Smith went to the bank.",
                    "He left at 6 P.M.",
                    "Mr. Smith then went home.",
                ],
            ),
            (
                "She has $100.00. It is in her bag.",
                &["She has $100.00.", "It is in her bag."],
            ),
            (
                "Growth was 2.5 percent. Inflation fell.",
                &["Growth was 2.5 percent.", "Inflation fell."],
            ),
            (
                "He is No. 5 on the list. It is No. 1 now.",
                &["He is No. 5 on the list.", "It is No. 1 now."],
            ),
            ("Please turn to p. 55.", &["Please turn to p. 55."]),
            (
                "I have 600. How many do you have?",
                &["I have 600.", "How many do you have?"],
            ),
            ("Today is 11.18.2014.", &["Today is 11.18.2014."]),
            (
                "A saint and martyr.[1] The emperor ruled.",
                &["A saint and martyr.[1]", "The emperor ruled."],
            ),
        ]);
    }

    #[test]
    fn initials_and_single_letters() {
        check(&[
            (
                "J. R. R. Tolkien wrote it.",
                &["J. R. R. Tolkien wrote it."],
            ),
            (
                "My name is Jonas E. Smith.",
                &["My name is Jonas E. Smith."],
            ),
            (
                "We make a good team, you and I. Did you see Albert I. Jones?",
                &[
                    "We make a good team, you and I.",
                    "Did you see Albert I. Jones?",
                ],
            ),
            (
                "They chose plan B. The rest failed.",
                &["They chose plan B.", "The rest failed."],
            ),
        ]);
    }

    #[test]
    fn quotations() {
        check(&[
            (
                "She turned to him, \"This is great.\" she said.",
                &["She turned to him, \"This is great.\" she said."],
            ),
            (
                "She turned to him, \"This is great.\" She held it.",
                &["She turned to him, \"This is great.\"", "She held it."],
            ),
            (
                "She turned to him, “This is great.” She held it.",
                &["She turned to him, “This is great.”", "She held it."],
            ),
            (
                "“We are ready. The talks go on,” he said. “Good.”",
                &["“We are ready. The talks go on,” he said.", "“Good.”"],
            ),
            (
                "Hello. 'This is a test of single quotes.' A new sentence.",
                &[
                    "Hello.",
                    "'This is a test of single quotes.'",
                    "A new sentence.",
                ],
            ),
            (
                "“The war will end.” Zelensky did not agree.",
                &["“The war will end.”", "Zelensky did not agree."],
            ),
            (
                "and the war will end.” Zelensky did not agree.",
                &["and the war will end.”", "Zelensky did not agree."],
            ),
        ]);
    }

    #[test]
    fn ellipses_dashes_and_exclamations() {
        check(&[
            (
                "I never meant that.... She left the store.",
                &["I never meant that....", "She left the store."],
            ),
            (
                "He talks slowly... And this is another sentence.",
                &["He talks slowly...", "And this is another sentence."],
            ),
            (
                "next week… but that is again judging",
                &["next week… but that is again judging"],
            ),
            (
                "He waited… Nothing happened.",
                &["He waited…", "Nothing happened."],
            ),
            (
                "Mix it, and -- voila! -- you have cake.",
                &["Mix it, and -- voila! -- you have cake."],
            ),
            (
                "Some can be — if I may say so? — a bit odd.",
                &["Some can be — if I may say so? — a bit odd."],
            ),
            (
                "Hello!! Long time no see. Hello?! Is that you?",
                &["Hello!!", "Long time no see.", "Hello?!", "Is that you?"],
            ),
            (
                "She works at Yahoo! in the accounting department.",
                &["She works at Yahoo! in the accounting department."],
            ),
            (
                "It led to her short lived E! -series, Taradise, that followed her.",
                &["It led to her short lived E! -series, Taradise, that followed her."],
            ),
            (
                "Stop! - The crowd fell silent.",
                &["Stop!", "- The crowd fell silent."],
            ),
        ]);
    }

    #[test]
    fn lists_and_parentheses() {
        check(&[
            (
                "1. The first item 2. The second item",
                &["1. The first item", "2. The second item"],
            ),
            ("1. This is a list item.", &["1. This is a list item."]),
            (
                "a) here it is b) another c) one more",
                &["a) here it is", "b) another", "c) one more"],
            ),
            (
                "He teaches science (He worked as an engineer.) at the University.",
                &["He teaches science (He worked as an engineer.) at the University."],
            ),
            (
                "It ends here (see p. 154). The rest follows.",
                &["It ends here (see p. 154).", "The rest follows."],
            ),
            (
                "A star at Cinnaminson (N.J.) High School, he played.",
                &["A star at Cinnaminson (N.J.) High School, he played."],
            ),
            (
                "He served in the “U.S.” Army. He left.",
                &["He served in the “U.S.” Army.", "He left."],
            ),
        ]);
    }

    #[test]
    fn addresses_and_unspaced_sentences() {
        check(&[
            ("Her email is Jane.Doe@example.com. I sent her an email.", &["Her email is Jane.Doe@example.com.", "I sent her an email."]),
            ("The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.", &["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."]),
            ("www.testurl.Awesome.com", &["www.testurl.Awesome.com"]),
            ("The church Alaska Gov.Sarah Palin attends burned.", &["The church Alaska Gov.Sarah Palin attends burned."]),
            ("Hello world.Today is Tuesday.Mr. Smith went.", &["Hello world.", "Today is Tuesday.", "Mr. Smith went."]),
        ]);
    }

    #[test]
    fn degenerate_inputs() {
        check(&[
            ("", &[]),
            ("   \n\t ", &[]),
            ("a", &["a"]),
            ("...", &["..."]),
            ("!?!", &["!?!"]),
            (". . . .", &[". . . ."]),
            ("“", &["“"]),
            (
                "It was. Exciting innit!!! \"",
                &["It was.", "Exciting innit!!! \""],
            ),
            (
                "Golf-U.S. Masters champion Trevor Immelman won.",
                &["Golf-U.S. Masters champion Trevor Immelman won."],
            ),
        ]);
    }
}
