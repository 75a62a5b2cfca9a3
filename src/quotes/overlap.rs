//! How much two quotations' words overlap: the merges of sorted id lists [`super::group`]
//! links and flags quotes by.

/// Whether `short` renders `long` faithfully: equal, or an excerpt of it, but not one that
/// only drops a word or two in front ("useful and constructive" / "quite useful and
/// constructive" is drift: the intensifier changes what was said).
pub(super) fn faithful(short: &[u32], long: &[u32]) -> bool {
    if short == long {
        return true;
    }
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    long.windows(short.len())
        .position(|w| w == short)
        .is_some_and(|at| !(at > 0 && long.len() - short.len() <= 2))
}

/// How many ids two sorted id lists share.
pub(super) fn common(a: &[u32], b: &[u32]) -> usize {
    // Nothing is needed, so the merge runs to the end.
    common_reaching(a, b, 0).unwrap_or(0)
}

/// [`common`] when it is at least `need`, else `None`, found without finishing the merge
/// once what is left of the shorter list cannot make up the difference: most pairs an index
/// proposes share one rare word and little else.
pub(super) fn common_reaching(a: &[u32], b: &[u32], need: usize) -> Option<usize> {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
                continue;
            }
        }
        if n + (a.len() - i).min(b.len() - j) < need {
            return None;
        }
    }
    (n >= need).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_cut_short_merge_agrees_with_the_whole_one(
            a in proptest::collection::btree_set(0u32..24, 0..12),
            b in proptest::collection::btree_set(0u32..24, 0..12),
            need in 0usize..10,
        ) {
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            let n = common(&a, &b);
            proptest::prop_assert_eq!(common_reaching(&a, &b, need), (n >= need).then_some(n));
        }
    }

    #[test]
    fn excerpts_are_faithful_unless_they_drop_a_word_or_two_in_front() {
        assert!(faithful(&[1, 2], &[1, 2]) && faithful(&[2, 3], &[1, 2, 3, 4, 5]));
        assert!(!faithful(&[2, 3], &[1, 2, 3]) && !faithful(&[], &[1]) && !faithful(&[4], &[1, 2]));
    }
}
