//! Claims from links: groups of statements that all state one claim.
//!
//! Plain connected components over-merge: one loose link between two claims chains them into
//! one, and across hundreds of reports chains grow into groups of unrelated statements. Claims
//! are therefore built agglomeratively: links are taken best score first, and two groups merge
//! only when at least `linkage` of the possible links between them (pairs of statements of
//! different reports) exist (average linkage). A last pass removes any member linked with less
//! than `most` (or `linkage`, if higher) of the rest of its claim, until every member is linked
//! with most of its claim; a link whose two ends end up in different claims (or outside any) is dropped by the
//! caller, so a claim's links, divergences and support are its own members'.
//!
//! This module works on dense statement ids only, so it depends on nothing else of the engine.

/// Union–find over dense node ids, with member lists kept at the roots.
struct Clusters {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Clusters {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

/// One claim: its members (dense ids, sorted) and its most central member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Members, sorted.
    pub members: Vec<usize>,
    /// The member linked with most of the others (best total score on ties).
    pub central: usize,
}

/// Pairs of members from different documents among `members`.
fn possible(members: &[usize], doc_of: &[usize]) -> usize {
    // Members per document counted over a sorted list, not a map of counts (asked three
    // times for every merge considered).
    let mut docs: Vec<usize> = members.iter().map(|&m| doc_of[m]).collect();
    docs.sort_unstable();
    let same: usize = docs
        .chunk_by(|x, y| x == y)
        .map(|run| run.len() * (run.len() - 1) / 2)
        .sum();
    let n = members.len();
    n * (n - 1) / 2 - same
}

/// Group `total` statements (document of each in `doc_of`) by the scored links `edges`
/// (`(x, y, score)`, dense ids), merging at `linkage`; every member ends linked with at least
/// `most` of its claim's members in other reports ("most of the claim"). Returns the claims
/// of at least two reports, by falling number of reports, then first member.
#[must_use]
pub fn cluster(
    total: usize,
    doc_of: &[usize],
    edges: &[(usize, usize, f32)],
    linkage: f32,
    most: f32,
) -> Vec<Cluster> {
    let mut adj: Vec<Vec<(usize, f32)>> = vec![Vec::new(); total];
    for &(x, y, s) in edges {
        adj[x].push((y, s));
        adj[y].push((x, s));
    }
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by(|&p, &q| {
        edges[q]
            .2
            .total_cmp(&edges[p].2)
            .then((edges[p].0, edges[p].1).cmp(&(edges[q].0, edges[q].1)))
    });
    let mut c = Clusters {
        parent: (0..total).collect(),
        members: (0..total).map(|i| vec![i]).collect(),
    };
    for k in order {
        let (x, y) = (edges[k].0, edges[k].1);
        let (rx, ry) = (c.find(x), c.find(y));
        if rx == ry {
            continue;
        }
        let (small, big) = if c.members[rx].len() <= c.members[ry].len() {
            (rx, ry)
        } else {
            (ry, rx)
        };
        let small_members = c.members[small].clone();
        let mut between = 0usize;
        for &m in &small_members {
            for &(o, _) in &adj[m] {
                if c.find(o) == big {
                    between += 1;
                }
            }
        }
        let mut union = small_members.clone();
        union.extend_from_slice(&c.members[big]);
        let cross = possible(&union, doc_of)
            - possible(&small_members, doc_of)
            - possible(&c.members[big], doc_of);
        #[allow(clippy::cast_precision_loss)]
        if cross == 0 || (between as f32) < linkage * cross as f32 {
            continue;
        }
        let (keep, gone) = (small.min(big), small.max(big));
        c.parent[gone] = keep;
        let moved = std::mem::take(&mut c.members[gone]);
        c.members[keep].extend(moved);
    }
    let mut out = Vec::new();
    let mut pruned: Vec<usize> = Vec::new();
    for root in 0..total {
        if c.parent[root] != root || c.members[root].len() < 2 {
            continue;
        }
        let mut members = std::mem::take(&mut c.members[root]);
        members.sort_unstable();
        let before = members.clone();
        prune(&mut members, &adj, doc_of, linkage.max(most));
        pruned.extend(before.iter().filter(|m| members.binary_search(m).is_err()));
        let mut docs: Vec<usize> = members.iter().map(|&m| doc_of[m]).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            continue;
        }
        let central = central(&members, &adj);
        out.push((docs.len(), Cluster { members, central }));
    }
    // Members pruned from a claim may still state another claim together ("a very good
    // chance" in two reports, each also near a larger claim): cluster them again among
    // themselves. Each round works on fewer statements, so this ends.
    pruned.sort_unstable();
    if pruned.len() >= 2 {
        let inside = |x: &usize| pruned.binary_search(x).is_ok();
        let sub: Vec<(usize, usize, f32)> = edges
            .iter()
            .copied()
            .filter(|(x, y, _)| inside(x) && inside(y))
            .collect();
        if !sub.is_empty() {
            for cl in cluster(total, doc_of, &sub, linkage, most) {
                let mut docs: Vec<usize> = cl.members.iter().map(|&m| doc_of[m]).collect();
                docs.sort_unstable();
                docs.dedup();
                out.push((docs.len(), cl));
            }
        }
    }
    out.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.members[0].cmp(&y.1.members[0])));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Links of `m` to other members of `members` (sorted): count and total score.
fn inside(m: usize, members: &[usize], adj: &[Vec<(usize, f32)>]) -> (usize, f32) {
    adj[m]
        .iter()
        .filter(|(o, _)| members.binary_search(o).is_ok())
        .fold((0, 0.0), |(n, s), (_, w)| (n + 1, s + w))
}

/// Remove, weakest first, members linked with less than `share` of the members of other
/// reports in their claim, until none is.
fn prune(members: &mut Vec<usize>, adj: &[Vec<(usize, f32)>], doc_of: &[usize], share: f32) {
    loop {
        let weakest = members
            .iter()
            .map(|&m| {
                let others = members.iter().filter(|&&o| doc_of[o] != doc_of[m]).count();
                let (n, s) = inside(m, members, adj);
                #[allow(clippy::cast_precision_loss)]
                let share = if others == 0 {
                    0.0
                } else {
                    n as f32 / others as f32
                };
                (share, s, m)
            })
            .min_by(|x, y| {
                x.0.total_cmp(&y.0)
                    .then(x.1.total_cmp(&y.1))
                    .then(x.2.cmp(&y.2))
            });
        match weakest {
            Some((has, _, m)) if has < share && members.len() > 2 => {
                members.retain(|&x| x != m);
            }
            Some((has, _, _)) if has < share => {
                members.clear();
                return;
            }
            _ => return,
        }
    }
}

/// The member with most links inside the claim (best total score on ties, first on ties of
/// both).
fn central(members: &[usize], adj: &[Vec<(usize, f32)>]) -> usize {
    let mut best = (0usize, 0.0f32, members[0]);
    for &m in members {
        let (n, s) = inside(m, members, adj);
        if n > best.0 || (n == best.0 && s > best.1) {
            best = (n, s, m);
        }
    }
    best.2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_loose_link_does_not_chain_two_claims() {
        // Claim X in docs 0, 1, 2 (ids 0, 2, 4) and claim Y (ids 1, 3, 5), each fully linked,
        // plus one loose link between them.
        let doc_of = [0, 0, 1, 1, 2, 2];
        let mut edges = Vec::new();
        for s in 0..2 {
            for (a, b) in [(0, 1), (0, 2), (1, 2)] {
                edges.push((2 * a + s, 2 * b + s, 0.8));
            }
        }
        edges.push((0, 3, 0.3));
        let g = cluster(6, &doc_of, &edges, 0.5, 0.5);
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(g.iter().all(|g| g.members.len() == 3));
    }

    #[test]
    fn a_chain_of_links_is_not_one_claim() {
        // 0-1, 1-2, 2-3, 3-4 in five reports: no member is linked with most of a 5-claim.
        let doc_of = [0, 1, 2, 3, 4];
        let edges = [(0, 1, 0.9), (1, 2, 0.8), (2, 3, 0.7), (3, 4, 0.6)];
        for g in cluster(5, &doc_of, &edges, 0.5, 0.5) {
            for &m in &g.members {
                let links = edges
                    .iter()
                    .filter(|e| {
                        (e.0 == m || e.1 == m)
                            && g.members.contains(&e.0)
                            && g.members.contains(&e.1)
                    })
                    .count();
                assert!(2 * links >= g.members.len() - 1, "{g:?}");
            }
        }
    }

    #[test]
    fn the_central_member_is_the_best_linked() {
        let doc_of = [0, 1, 2];
        let edges = [(0, 1, 0.9), (1, 2, 0.8)];
        let g = cluster(3, &doc_of, &edges, 0.5, 0.5);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].central, 1);
    }
}
