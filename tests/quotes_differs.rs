//! Which seed claims get the † mark (reports differ in whom they cite or how surely they state
//! the claim), and why. The members are picked by their words, not by the alignment's groups,
//! so the rule is pinned whatever the grouping; one test checks the grouping's marks overall.

use parallax::align::StatementRef;
use parallax::model::embedded::seed_documents;
use parallax::model::Document;
use parallax::quotes::{self, ClaimComparison};

/// The statement of seed `doc` containing `words`.
fn at(docs: &[Document], doc: usize, words: &str) -> StatementRef {
    let d = &docs[doc];
    let statement = (0..d.statements.len())
        .find(|&s| d.statement_text(s).contains(words))
        .unwrap_or_else(|| panic!("no statement of seed {doc} contains {words:?}"));
    StatementRef { doc, statement }
}

fn compare(docs: &[Document], members: &[(usize, &str)]) -> (Vec<StatementRef>, ClaimComparison) {
    let refs: Vec<StatementRef> = members.iter().map(|&(d, w)| at(docs, d, w)).collect();
    let cmp = quotes::compare_claim(docs, &refs);
    (refs, cmp)
}

fn marked(cmp: &ClaimComparison) -> bool {
    !cmp.source_differs.is_empty() || !cmp.certainty_differs.is_empty()
}

#[test]
fn reportedly_briefed_against_informed_differs_in_certainty_only() {
    let docs = seed_documents();
    let (m, cmp) = compare(
        &docs,
        &[(2, "informed European leaders"), (4, "reportedly briefed")],
    );
    assert_eq!(cmp.members[1].certainty.distancing, ["reportedly"]);
    assert!(cmp.members[0].certainty.distancing.is_empty());
    // One against one: both are marked.
    assert_eq!(cmp.certainty_differs, m);
    // 002 credits The New York Times, 004 names no source: an omission, not a disagreement.
    assert_eq!(cmp.members[0].sources, ["New York Times"]);
    assert!(cmp.members[1].sources.is_empty());
    assert!(cmp.source_differs.is_empty(), "{cmp:?}");
}

#[test]
fn the_meeting_claim_marks_the_reports_whose_source_no_other_report_cites() {
    let docs = seed_documents();
    let (m, cmp) = compare(
        &docs,
        &[
            (1, "The Kremlin has confirmed"),
            (2, "the Kremlin announced"),
            (1, "The New York Times reported"),
            (4, "According to The New York Times and CNN"),
            (3, "a senior White House official confirmed"),
        ],
    );
    let cited: Vec<&[String]> = cmp.members.iter().map(|v| v.sources.as_slice()).collect();
    assert_eq!(
        cited,
        [
            &["Kremlin".to_owned()][..],
            &["Kremlin".to_owned()],
            &["New York Times".to_owned()],
            &["New York Times".to_owned(), "CNN".to_owned()],
            &["senior White House official".to_owned()],
        ]
    );
    // The Kremlin (001, 002) and The New York Times (001, 004) are each cited by two
    // reports; the White House official by 003 alone.
    assert_eq!(cmp.source_differs, [m[4]]);
    // "may meet" (003) and "could meet" (004) against "has confirmed", "announced",
    // "reported": two distanced members against three.
    assert_eq!(cmp.certainty_differs, [m[3], m[4]]);
}

#[test]
fn unnamed_sources_against_a_named_outlet_differ_in_source_and_certainty() {
    let docs = seed_documents();
    let (m, cmp) = compare(
        &docs,
        &[
            (1, "According to people familiar with the matter"),
            (
                2,
                "According to The New York Times, President Trump informed",
            ),
            (3, "According to The New York Times, Trump disclosed"),
        ],
    );
    assert_eq!(cmp.source_differs, [m[0]]);
    assert!(cmp.members[0].distanced && !cmp.members[1].distanced);
    assert_eq!(cmp.certainty_differs, [m[0]]);
}

#[test]
fn claimed_in_a_post_against_wrote_differs_in_certainty() {
    let docs = seed_documents();
    let (m, cmp) = compare(
        &docs,
        &[
            (2, "claimed in a Truth Social post"),
            (3, "Trump described the meeting as having achieved"),
            (4, "Trump wrote:"),
        ],
    );
    assert_eq!(cmp.members[0].certainty.distancing, ["claimed"]);
    assert_eq!(cmp.certainty_differs, [m[0]]);
}

/// The wordings the mark used to fire on that are the same certainty, or no hedge on the
/// claim at all.
#[test]
fn different_wording_of_the_same_certainty_is_not_marked() {
    let docs = seed_documents();
    let same: [&[(usize, &str)]; 5] = [
        // "said" against "told reporters".
        &[
            (2, "he said there was a “very good chance”"),
            (3, "Trump told reporters"),
        ],
        // "acknowledged", "confirmed", "stated"; only 000 names the White House as its source.
        &[
            (0, "The White House acknowledged"),
            (1, "Karoline Leavitt confirmed"),
            (2, "stated White House Press Secretary"),
            (3, "Karoline Leavitt confirmed that Moscow"),
        ],
        // "has claimed tens of thousands of lives" is no reporting verb.
        &[
            (0, "Kyiv and the West denounced"),
            (4, "has claimed tens of thousands"),
        ],
        // "a potential swipe at China" qualifies the swipe, not the claim.
        &[
            (2, "including a potential swipe"),
            (3, "what he describes as Moscow"),
        ],
        // "sanctions that could target China": the modal is the sanctions'.
        &[
            (3, "We did it with India"),
            (4, "hinted at future sanctions"),
        ],
    ];
    for members in same {
        let (_, cmp) = compare(&docs, members);
        assert!(!marked(&cmp), "{members:?}: {cmp:#?}");
    }
}

/// Speculation in every report (to see if … can, may, if … could) is no difference either.
#[test]
fn speculation_in_every_report_is_not_marked() {
    let docs = seed_documents();
    let (_, cmp) = compare(
        &docs,
        &[
            (2, "The world will now be watching"),
            (3, "this high-level diplomacy may unlock"),
            (4, "could mark a turning point"),
        ],
    );
    assert!(cmp.members.iter().all(|v| v.distanced), "{cmp:#?}");
    assert!(!marked(&cmp));
}

/// Over the seeds' own claim groups the mark stays the exception (it was on 13 of 17
/// claims): at most a third are marked, and each for a reason the rule names.
#[test]
fn few_seed_claims_are_marked() {
    let docs = seed_documents();
    let alignment = parallax::align::align(&docs);
    let cmps: Vec<ClaimComparison> = alignment
        .groups
        .iter()
        .map(|g| quotes::compare_claim(&docs, &g.members))
        .collect();
    let n = cmps.iter().filter(|c| marked(c)).count();
    assert!(n >= 1, "no seed claim is marked");
    assert!(3 * n <= cmps.len(), "{n} of {} claims marked", cmps.len());
    for c in cmps.iter().filter(|c| !c.certainty_differs.is_empty()) {
        assert!(c.members.iter().any(|v| v.distanced) && c.members.iter().any(|v| !v.distanced));
    }
    for c in cmps.iter().filter(|c| !c.source_differs.is_empty()) {
        let citing: Vec<usize> = c
            .members
            .iter()
            .filter(|v| !v.sources.is_empty())
            .map(|v| v.member.doc)
            .collect();
        assert!(citing.iter().any(|&d| d != citing[0]), "{c:#?}");
    }
}
