//! Story weights: each statement's terms weighed by their rarity within its story
//! ([`Corpus::localise`]), a story's statements counted once per repeat
//! ([`distinct_per_report`]), and the per-thread array of one count a term the stories are
//! counted in ([`with_term_slots`]).

use rayon::prelude::*;

use super::{local_idf, weight, Corpus, TermId};

impl Corpus<'_> {
    /// Weigh every statement's terms by their rarity within its story (`story[doc]`), not
    /// within all the reports: in a stack of many stories a word like "magnitude" is rare
    /// overall but says nothing inside the earthquake story, where the claims differ by place,
    /// time and toll.
    pub fn localise(&mut self, story: &[usize]) {
        let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (i, s) in self.stmts.iter().enumerate() {
            members.entry(story[s.at.doc]).or_default().push(i);
        }
        let kinds = &self.kinds;
        let this = &*self;
        let stmts = &self.stmts;
        let params = &self.params;
        // Stories are independent: weigh each on its own thread.
        let weighed: Vec<(&Vec<usize>, Vec<Vec<f32>>)> = members
            .values()
            .collect::<Vec<_>>()
            .into_par_iter()
            // Each story's counts in one array a thread, indexed by term (no hashing a term
            // of every statement), zeroed again after the story.
            .map(|idx| {
                with_term_slots(kinds.len(), |counts| {
                    // A sentence a report repeats counts once (see [`distinct_per_report`]).
                    let distinct = distinct_per_report(this, idx);
                    for &i in &distinct {
                        for &t in &stmts[i].set {
                            counts[t as usize] += 1;
                        }
                    }
                    #[allow(clippy::cast_precision_loss)]
                    let n = distinct.len() as f32;
                    let weights = idx
                        .iter()
                        .map(|&i| {
                            stmts[i]
                                .set
                                .iter()
                                .map(|t| {
                                    let t = *t as usize;
                                    // A term no distinct statement holds counts once.
                                    let df = counts[t].max(1);
                                    let local = local_idf(n, df, params);
                                    weight(kinds[t], this.background[t], Some(local), params)
                                })
                                .collect()
                        })
                        .collect();
                    for &i in &distinct {
                        for &t in &stmts[i].set {
                            counts[t as usize] = 0;
                        }
                    }
                    (idx, weights)
                })
            })
            .collect();
        for (idx, weights) in weighed {
            for (&i, w) in idx.iter().zip(weights) {
                self.stmts[i].weights = w;
            }
        }
        self.update_masses();
    }
}

/// Per thread, an array of one `u32` a term of the corpus, all 0 between uses (each user
/// zeroes what it set): a story's term counts (its weights here, its candidates' index)
/// without hashing a term of every statement, and one array a thread for both.
pub(crate) fn with_term_slots<R>(terms: usize, f: impl FnOnce(&mut [u32]) -> R) -> R {
    thread_local! {
        static SLOTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        if slots.len() < terms {
            slots.resize(terms, 0);
        }
        f(&mut slots[..terms])
    })
}

/// The members of `members` (indices into `c.stmts`) that are not a repeat of an earlier
/// statement of the same report with the same terms: a report that repeats a sentence (a
/// refrain, a scraped page with the paragraph twice) states it once, and must not make its
/// words look common.
#[must_use]
pub fn distinct_per_report(c: &Corpus<'_>, members: &[usize]) -> Vec<usize> {
    // Only membership is asked, so the fast fixed hasher gives the same result.
    let mut seen: std::collections::HashSet<(usize, &[TermId]), foldhash::fast::FixedState> =
        Default::default();
    members
        .iter()
        .copied()
        .filter(|&i| seen.insert((c.stmts[i].at.doc, c.stmts[i].set.as_slice())))
        .collect()
}
