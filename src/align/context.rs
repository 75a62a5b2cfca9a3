//! How much two whole reports have in common, so that statements are linked only between
//! reports of the same story.
//!
//! Two sentences can look alike in reports of different events ("The fire was treated as
//! suspicious", "He is survived by his wife"); the reports around them tell them apart. Each
//! report becomes a TF-IDF vector over its informative terms (a term's frequency being the number
//! of its statements holding it), and the cosine of two reports is the context of every
//! candidate link between them. The similarities are computed through an inverted index, report
//! by report, and only those of at least the `keep` parameter are kept, so memory grows with the number of
//! related report pairs, not with all pairs.

use rayon::prelude::*;

use super::corpus::{Corpus, TermKind};

/// Similarity of every pair of related reports.
#[derive(Debug, Clone)]
pub struct Context {
    /// For each report, `(other report, cosine)` sorted by report.
    related: Vec<Vec<(u32, f32)>>,
    /// For each report, the mean cosine of its `neighbours` most similar reports.
    company: Vec<f32>,
    /// For each report, its `neighbours` most similar reports, sorted.
    nearest: Vec<Vec<u32>>,
}

impl Context {
    /// Report cosines of the statements of `c`, over `docs` reports.
    #[must_use]
    pub fn build(c: &Corpus<'_>, docs: usize, p: &super::params::Stories) -> Self {
        // Term frequencies per report: statements holding the term.
        let mut tf: Vec<Vec<(u32, u32)>> = vec![Vec::new(); docs];
        let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); docs];
        for s in &c.stmts {
            for &t in &s.set {
                if matches!(
                    c.kinds[t as usize],
                    TermKind::Content | TermKind::Name | TermKind::Number
                ) {
                    per_doc[s.at.doc].push(t);
                }
            }
        }
        let mut df = vec![0u32; c.kinds.len()];
        for (d, terms) in per_doc.iter_mut().enumerate() {
            terms.sort_unstable();
            let mut k = 0;
            while k < terms.len() {
                let mut e = k + 1;
                while e < terms.len() && terms[e] == terms[k] {
                    e += 1;
                }
                #[allow(clippy::cast_possible_truncation)]
                tf[d].push((terms[k], (e - k) as u32));
                df[terms[k] as usize] += 1;
                k = e;
            }
        }
        // Each list freed as soon as it is counted: the build's peak is the run's.
        drop(per_doc);
        #[allow(clippy::cast_precision_loss)]
        let n = docs.max(1) as f32;
        #[allow(clippy::cast_precision_loss)]
        let vectors: Vec<Vec<(u32, f32)>> = tf
            .iter()
            .map(|terms| {
                let mut v: Vec<(u32, f32)> = terms
                    .iter()
                    .map(|&(t, f)| {
                        let idf = (n / df[t as usize] as f32).ln() + 1.0;
                        (t, (1.0 + (f as f32).ln()) * idf)
                    })
                    .collect();
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|x| x.1 /= norm);
                }
                v
            })
            .collect();
        drop(tf);
        // Terms in a large share of many reports add little to a cosine and much to the work:
        // leave them out of the index. Never below `index_min` reports, so that many copies of
        // one wire story (every term in every copy) still find each other.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let cap = ((docs as f32 * p.index_share) as usize).max(p.index_min);
        // One flat list of postings, term `t`'s being `postings[starts[t]..starts[t + 1]]`
        // (reports in order, as pushing them report by report gave): no list a term, nor
        // the spare room of its growth.
        let mut starts: Vec<u32> = Vec::with_capacity(c.kinds.len() + 1);
        let mut total = 0u32;
        for &n in &df {
            starts.push(total);
            if n as usize <= cap {
                total += n;
            }
        }
        starts.push(total);
        let mut fill: Vec<u32> = starts[..c.kinds.len()].to_vec();
        let mut postings: Vec<(u32, f32)> = vec![(0, 0.0); total as usize];
        for (d, v) in vectors.iter().enumerate() {
            for &(t, w) in v {
                if df[t as usize] as usize <= cap {
                    let at = &mut fill[t as usize];
                    #[allow(clippy::cast_possible_truncation)]
                    {
                        postings[*at as usize] = (d as u32, w);
                    }
                    *at += 1;
                }
            }
        }
        drop(fill);
        drop(df);
        let list = |t: u32| &postings[starts[t as usize] as usize..starts[t as usize + 1] as usize];
        let related: Vec<Vec<(u32, f32)>> = (0..docs)
            .into_par_iter()
            .map_init(
                || (vec![0f32; docs], Vec::<u32>::new()),
                |(acc, touched), d| {
                    // The report itself is summed with the others (no test per posting)
                    // and left out below: the other sums are the same, in the same order.
                    for &(t, w) in &vectors[d] {
                        for &(o, wo) in list(t) {
                            if acc[o as usize] == 0.0 {
                                touched.push(o);
                            }
                            acc[o as usize] += w * wo;
                        }
                    }
                    let mut out = Vec::new();
                    if p.keep > 0.0 && touched.len() * 16 >= docs {
                        // Most reports touched (common terms): reading every sum in report
                        // order is cheaper than sorting the touched ones. The same list: an
                        // untouched report's sum is 0, below `keep`.
                        for (o, a) in acc.iter_mut().enumerate() {
                            if *a != 0.0 {
                                if o != d && *a >= p.keep {
                                    #[allow(clippy::cast_possible_truncation)]
                                    out.push((o as u32, a.min(1.0)));
                                }
                                *a = 0.0;
                            }
                        }
                    } else {
                        touched.sort_unstable();
                        for &o in touched.iter() {
                            if o as usize != d && acc[o as usize] >= p.keep {
                                out.push((o, acc[o as usize].min(1.0)));
                            }
                            acc[o as usize] = 0.0;
                        }
                    }
                    touched.clear();
                    // Kept for the whole run: without the spare capacity of its growth.
                    out.shrink_to_fit();
                    out
                },
            )
            .collect();
        drop(postings);
        drop(vectors);
        let (company, nearest) = related
            .iter()
            .map(|r: &Vec<(u32, f32)>| {
                // The `neighbours` first in the order (cosine down, report up), picked in one
                // pass rather than by sorting a copy of the whole list: the order is total, so
                // they are the same, and in the same order for the sum below.
                let order =
                    |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
                let neighbours = p.neighbours;
                let mut best: Vec<(u32, f32)> = Vec::with_capacity(neighbours + 1);
                for x in r {
                    if best.len() == neighbours && best.last().is_some_and(|l| order(x, l).is_ge())
                    {
                        continue;
                    }
                    let at = best.partition_point(|b| order(b, x).is_lt());
                    best.insert(at, *x);
                    best.truncate(neighbours);
                }
                #[allow(clippy::cast_precision_loss)]
                let mean = best.iter().map(|x| x.1).sum::<f32>() / best.len().max(1) as f32;
                let mut ids: Vec<u32> = best.iter().map(|x| x.0).collect();
                ids.sort_unstable();
                (mean, ids)
            })
            .unzip();
        Self {
            related,
            company,
            nearest,
        }
    }

    /// Similarity of `a` and `b` relative to the company each usually keeps, in [0, 1]: 1 when
    /// each is among the other's `neighbours` closest reports (they are each other's
    /// company, however loosely worded: in a story of five reports of one event, two of them
    /// may be less alike than the average pair without being about anything else); otherwise
    /// the cosine over the mean of both reports' closest, lower for a report of a neighbouring
    /// story (another earthquake, another arrest of the same player).
    #[must_use]
    pub fn relative(&self, a: usize, b: usize) -> f32 {
        #[allow(clippy::cast_possible_truncation)]
        let close = |x: usize, y: usize| {
            self.nearest
                .get(x)
                .is_some_and(|n| n.binary_search(&(y as u32)).is_ok())
        };
        if a != b && close(a, b) && close(b, a) {
            return 1.0;
        }
        let sim = self.similarity(a, b);
        let usual = (self.company.get(a).copied().unwrap_or(0.0)
            * self.company.get(b).copied().unwrap_or(0.0))
        .sqrt();
        if usual <= 0.0 {
            0.0
        } else {
            (sim / usual).min(1.0)
        }
    }

    /// Stories: the story number of each report (the smallest report index in it), by
    /// average linkage over these similarities (module `stories`).
    #[must_use]
    pub fn stories(&self, params: super::stories::Params) -> Vec<usize> {
        super::stories::stories(&self.related, params)
    }

    /// For each report, `(other report, cosine)` for the related reports, sorted by report.
    #[must_use]
    pub fn related(&self) -> &[Vec<(u32, f32)>] {
        &self.related
    }

    /// Cosine of reports `a` and `b` (1 for a report with itself).
    #[must_use]
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        if a == b {
            return 1.0;
        }
        #[allow(clippy::cast_possible_truncation)]
        let key = b as u32;
        self.related
            .get(a)
            .and_then(|r| r.binary_search_by_key(&key, |x| x.0).ok().map(|i| r[i].1))
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(related: Vec<Vec<(u32, f32)>>) -> Context {
        let company = vec![0.0; related.len()];
        let nearest = vec![Vec::new(); related.len()];
        Context {
            related,
            company,
            nearest,
        }
    }

    #[test]
    fn mutual_closest_reports_are_full_company() {
        let mut c = context(vec![
            vec![(1, 0.2), (2, 0.4)],
            vec![(0, 0.2), (2, 0.1)],
            vec![(0, 0.4), (1, 0.1)],
        ]);
        c.company = vec![0.4, 0.2, 0.4];
        // 0 and 1 count each other among their closest; 1 and 2 only one way.
        c.nearest = vec![vec![1], vec![0], vec![0]];
        assert!((c.relative(0, 1) - 1.0).abs() < 1e-6);
        assert!((c.relative(1, 2) - 0.1 / (0.2f32 * 0.4).sqrt()).abs() < 1e-6);
    }

    #[test]
    fn each_pair_computed_once_reads_the_same_from_both_reports() {
        let docs = crate::model::embedded::seed_documents();
        let p = crate::align::params::defaults();
        let c = crate::align::corpus::of_documents(&docs);
        let ctx = Context::build(&c, docs.len(), &p.stories);
        let mut pairs = 0;
        for (d, r) in ctx.related().iter().enumerate() {
            assert!(r.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no repeats");
            for &(o, s) in r {
                assert_ne!(o as usize, d);
                assert_eq!(ctx.similarity(o as usize, d).to_bits(), s.to_bits());
                pairs += 1;
            }
        }
        assert!(
            pairs >= 2 * (docs.len() - 1),
            "the seeds' reports are related: {pairs}"
        );
    }

    #[test]
    fn stories_and_similarities() {
        let c = context(vec![
            vec![(1, 0.1)],
            vec![(0, 0.1), (2, 0.3)],
            vec![(1, 0.3)],
            vec![(4, 0.05)],
            vec![(3, 0.05)],
        ]);
        // 1–2 are similar, 0 only to 1 and not to 2; 3 and 4 only to each other.
        assert_eq!(
            c.stories(super::super::stories::Params::defaults()),
            vec![0, 1, 1, 3, 3]
        );
        assert!((c.similarity(1, 2) - 0.3).abs() < 1e-6);
        assert!(c.similarity(0, 3).abs() < 1e-6);
        assert!((c.similarity(2, 2) - 1.0).abs() < 1e-6);
    }
}
