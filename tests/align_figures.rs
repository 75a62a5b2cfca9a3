//! Details a fact-checker compares first: measures in two units, money in two currencies,
//! hedged figures, times written as one word, counts of a scale word, phrases that state no one
//! figure, dates written in other ways, decades, and short quotes with a word changed. Each
//! pair is judged by the one judge (`compare_pair`), as `parallax pairs` and the export judge
//! it.

use parallax::align::{compare_pair, DifferenceKind, PairRelation};

/// The judge finds the two sentences one claim, divergent on a number (or a date, for times).
fn assert_conflict(a: &str, b: &str, kind: DifferenceKind) {
    let j = compare_pair(a, b);
    assert_eq!(j.relation, PairRelation::Divergent, "{a} / {b}: {j:?}");
    assert!(
        j.differences.iter().any(|d| d.kind == kind),
        "{a} / {b}: {j:?}"
    );
}

/// The judge finds the two sentences one claim with nothing in conflict.
fn assert_shared(a: &str, b: &str) {
    let j = compare_pair(a, b);
    assert_eq!(j.relation, PairRelation::Shared, "{a} / {b}: {j:?}");
}

#[test]
fn one_figure_in_two_units_agrees_and_two_figures_conflict() {
    for (a, b) in [
        (
            "The runners covered 5 km along the river on Sunday.",
            "The runners covered 3.1 miles along the river on Sunday.",
        ),
        (
            "Police seized 20 kg of cocaine at the port on Monday.",
            "Police seized 44 lbs of cocaine at the port on Monday.",
        ),
        (
            "Police seized 20 kg of cocaine at the port on Monday.",
            "Police seized 20 kilograms of cocaine at the port on Monday.",
        ),
        (
            "The fire burned 5,000 acres in the county on Monday.",
            "The fire burned some 2,000 hectares in the county on Monday.",
        ),
        (
            "The quake struck at a depth of 10km near the town of Bireun.",
            "The quake struck at a depth of 10 kilometres near the town of Bireun.",
        ),
    ] {
        assert_shared(a, b);
    }
    for (a, b) in [
        (
            "The bridge is 2 km long and opened in 1998.",
            "The bridge is 2 miles long and opened in 1998.",
        ),
        (
            "The fire burned 5,000 acres in the county on Monday.",
            "The fire burned 5,000 hectares in the county on Monday.",
        ),
        (
            "The climber died after falling about 200 feet from a ridge on Mount Cook.",
            "The climber died after falling about 200 metres from a ridge on Mount Cook.",
        ),
        (
            "Winds reached 120 mph as the hurricane made landfall.",
            "Winds reached 120 km/h as the hurricane made landfall.",
        ),
        (
            "The 10-mile race was held on Sunday in Boston.",
            "The 10-km race was held on Sunday in Boston.",
        ),
    ] {
        assert_conflict(a, b, DifferenceKind::Number);
    }
}

/// A story measures many things in one unit: a quake's depth is not its distance from a town.
#[test]
fn measures_of_different_things_are_not_compared() {
    assert_shared(
        "The quake struck at a depth of 10 kilometres in Aceh, the US Geological Survey said.",
        "The quake struck 55 kilometres from the town of Bireun in Aceh, the US Geological \
         Survey said.",
    );
}

#[test]
fn a_bound_conflicts_only_with_figures_it_excludes() {
    for (a, b) in [
        // "At least 12" includes 12; "up to 70" includes 70.
        (
            "At least 12 people were killed in the blast, police said.",
            "Police said 12 people were killed in the blast.",
        ),
        (
            "Up to 70% of communications to the Middle East were disrupted.",
            "About 70 percent of communications to the Middle East were disrupted.",
        ),
        // "Over 350 yards" admits 352, a rounding.
        (
            "The quarterback threw for over 350 yards in the win on Sunday.",
            "The quarterback threw for 352 yards in the win on Sunday.",
        ),
    ] {
        assert_shared(a, b);
    }
    for (a, b) in [
        (
            "The meeting lasted nearly three hours, officials said.",
            "The meeting lasted three hours, officials said.",
        ),
        (
            "Nearly 50 people were injured in the blast on Monday.",
            "More than 50 people were injured in the blast on Monday.",
        ),
        // Two tolls, both possible, are still two figures.
        (
            "At least 50 people were injured in the blast on Monday.",
            "80 people were injured in the blast on Monday.",
        ),
        (
            "At least 12 people were killed in the blast.",
            "At least 21 people were killed in the blast.",
        ),
    ] {
        assert_conflict(a, b, DifferenceKind::Number);
    }
}

/// One value in two currencies, or percent against percentage points, is a mix-up; two values
/// in two currencies may be a conversion.
#[test]
fn one_value_in_two_currencies_or_in_points_is_a_conflict() {
    for b in [
        "The club paid $40 million for the striker on Monday.",
        "The club paid 40 million euros for the striker on Monday.",
        "The club paid £45 million for the striker on Monday.",
    ] {
        assert_conflict(
            "The club paid £40 million for the striker on Monday.",
            b,
            DifferenceKind::Number,
        );
    }
    for b in [
        "The club paid $52 million for the striker on Monday.",
        "The club paid £40m ($52m) for the striker on Monday.",
        "The club paid 40 million pounds for the striker on Monday.",
    ] {
        assert_shared("The club paid £40 million for the striker on Monday.", b);
    }
    assert_conflict(
        "Unemployment rose by 2 percentage points in March.",
        "Unemployment rose by 2 percent in March.",
        DifferenceKind::Number,
    );
    assert_shared(
        "Unemployment rose 0.5 percentage points to 5% in March.",
        "Unemployment rose to 5 percent in March.",
    );
}

#[test]
fn a_time_written_as_one_word_is_a_time() {
    assert_conflict(
        "The plane landed at 3pm local time at Heathrow airport.",
        "The plane landed at 5pm local time at Heathrow airport.",
        DifferenceKind::Date,
    );
    assert_shared(
        "The plane landed at 3pm local time at Heathrow airport.",
        "The plane landed at 15:00 local time at Heathrow airport.",
    );
}

#[test]
fn a_scale_word_counted_by_half_or_an_article_is_a_figure() {
    assert_shared(
        "Half a million people marched through the capital on Saturday.",
        "500,000 people marched through the capital on Saturday.",
    );
    for b in [
        "Some 50,000 people marched through the capital on Saturday.",
        "A million people marched through the capital on Saturday.",
    ] {
        assert_conflict(
            "Half a million people marched through the capital on Saturday.",
            b,
            DifferenceKind::Number,
        );
    }
}

/// "3 of the 12 victims" counts a part of the victims: compared with another part, not with
/// the whole.
#[test]
fn a_part_of_a_whole_is_compared_with_the_other_part() {
    assert_conflict(
        "Police said 3 of the 12 victims were children.",
        "Police said 4 of the 12 victims were children.",
        DifferenceKind::Number,
    );
    assert_conflict(
        "Police said 3 of the 12 victims were children.",
        "Police said 3 of the 15 victims were children.",
        DifferenceKind::Number,
    );
    assert_shared(
        "Police said 3 of the 12 victims were children.",
        "Three of the 12 victims were children, police said.",
    );
}

#[test]
fn a_count_measured_through_an_auxiliary_is_compared() {
    assert_conflict(
        "Officials said the death toll had reached 15 by Tuesday night.",
        "Officials said the death toll had reached 50 by Tuesday night.",
        DifferenceKind::Number,
    );
}

/// "Two to one" and "60 to 40" are tallies like "60-40"; "two to three weeks" is a range, no
/// one figure.
#[test]
fn counts_joined_by_to_are_a_tally_or_a_range() {
    assert_conflict(
        "The bill passed 60 to 40 in the senate on Tuesday.",
        "The bill passed 55 to 45 in the senate on Tuesday.",
        DifferenceKind::Number,
    );
    assert_shared(
        "The bill passed 60 to 40 in the senate on Tuesday.",
        "The bill passed 60-40 in the senate on Tuesday.",
    );
    assert_shared(
        "The vote passed by a margin of two to one in the senate.",
        "The vote passed by a two-to-one margin in the senate.",
    );
    assert_shared(
        "Microsoft expects to release a fix for the flaw within two to three weeks.",
        "Microsoft expects to release a fix for the flaw within three weeks.",
    );
}

#[test]
fn abbreviated_iso_and_day_first_dates_and_decades_are_compared() {
    for (a, b) in [
        (
            "The storm hit on Sept. 3, 2015, killing two people.",
            "The storm hit on Sept. 4, 2015, killing two people.",
        ),
        (
            "The storm hit on 2015-09-03, killing two people.",
            "The storm hit on September 4, 2015, killing two people.",
        ),
        (
            "The storm hit on 3 September 2015, killing two people.",
            "The storm hit on 4 September 2015, killing two people.",
        ),
        (
            "The plant opened in the 1990s after years of work.",
            "The plant opened in the 1980s after years of work.",
        ),
        (
            "The plant opened in 1995 after years of work.",
            "The plant opened in the 1980s after years of work.",
        ),
    ] {
        assert_conflict(a, b, DifferenceKind::Date);
    }
    for (a, b) in [
        (
            "The storm hit on Sept. 3, 2015, killing two people.",
            "The storm hit on September 3, 2015, killing two people.",
        ),
        (
            "The storm hit on 2015-09-03, killing two people.",
            "The storm hit on 3 September 2015, killing two people.",
        ),
        (
            "The plant opened in the 1990s after years of work.",
            "The plant opened in 1995 after years of work.",
        ),
    ] {
        assert_shared(a, b);
    }
}

/// Two statements of one claim quoting once each: a word changed inside the marks is quote
/// drift, however short the quote.
#[test]
fn a_short_quote_with_a_word_changed_is_quote_drift() {
    for (a, b) in [
        (
            "The minister said the plan was “a disaster for farmers”.",
            "The minister said the plan was “a disaster for workers”.",
        ),
        (
            "\"We will not back down,\" the minister said on Tuesday.",
            "\"We will never back down,\" the minister said on Tuesday.",
        ),
    ] {
        assert_conflict(a, b, DifferenceKind::Quote);
    }
    assert_shared(
        "\"We will not back down,\" the minister said on Tuesday.",
        "\"We will not back down,\" the minister told reporters on Tuesday.",
    );
}
