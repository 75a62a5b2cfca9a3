//! Claim groups from links.
//!
//! Plain connected components over-merge at scale: one loose link between two claims chains
//! them into one, and across hundreds of reports chains grow into groups of unrelated
//! statements. Groups are therefore built agglomeratively: links are taken best score first,
//! and two groups merge only when at least a quarter of the possible links between them exist
//! (average linkage). A statement's best link always joins it to a group (a lone statement
//! needs one link to join a group of up to four), so every linked statement lands in a group of
//! at least two reports, and a group stays a set of mutually supported statements.

use super::types::{Group, Link, StatementRef};

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

/// Group the linked statements. `offsets[d]` is the dense id of document `d`'s statement 0.
pub(super) fn groups(offsets: &[usize], total: usize, links: &[Link]) -> Vec<Group> {
    let id = |r: StatementRef| offsets[r.doc] + r.statement;
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); total];
    for l in links {
        adj[id(l.a)].push(id(l.b));
        adj[id(l.b)].push(id(l.a));
    }
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by(|&x, &y| {
        links[y]
            .score
            .total_cmp(&links[x].score)
            .then((links[x].a, links[x].b).cmp(&(links[y].a, links[y].b)))
    });
    let mut c = Clusters {
        parent: (0..total).collect(),
        members: (0..total).map(|i| vec![i]).collect(),
    };
    for k in order {
        let (x, y) = (id(links[k].a), id(links[k].b));
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
        let mut between = 0;
        for &m in &small_members {
            for &o in &adj[m] {
                if c.find(o) == big {
                    between += 1;
                }
            }
        }
        // Average linkage: at least a quarter of the possible links between the two groups
        // must exist (a lone statement joins a group of up to four on one link).
        if between * 4 < small_members.len() * c.members[big].len() {
            continue;
        }
        let (keep, gone) = (small.min(big), small.max(big));
        c.parent[gone] = keep;
        let moved = std::mem::take(&mut c.members[gone]);
        c.members[keep].extend(moved);
    }
    let mut doc_of = vec![0usize; total];
    let mut stmt_of = vec![0usize; total];
    for (d, w) in offsets.iter().enumerate() {
        let end = offsets.get(d + 1).copied().unwrap_or(total);
        for i in *w..end {
            doc_of[i] = d;
            stmt_of[i] = i - w;
        }
    }
    let mut out: Vec<Group> = Vec::new();
    for root in 0..total {
        if c.parent[root] != root || c.members[root].len() < 2 {
            continue;
        }
        let mut members: Vec<StatementRef> = c.members[root]
            .iter()
            .map(|&i| StatementRef {
                doc: doc_of[i],
                statement: stmt_of[i],
            })
            .collect();
        members.sort();
        let mut ds: Vec<usize> = members.iter().map(|m| m.doc).collect();
        ds.dedup();
        out.push(Group {
            support: ds.len(),
            members,
        });
    }
    out.sort_by(|x, y| {
        y.support
            .cmp(&x.support)
            .then(x.members[0].cmp(&y.members[0]))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Relation;

    fn link(a: (usize, usize), b: (usize, usize), score: f32) -> Link {
        Link {
            a: StatementRef {
                doc: a.0,
                statement: a.1,
            },
            b: StatementRef {
                doc: b.0,
                statement: b.1,
            },
            score,
            relation: Relation::Shared,
            differences: Vec::new(),
        }
    }

    #[test]
    fn one_loose_link_does_not_chain_two_claims() {
        // Claim X in docs 0, 1, 2 (statement 0) and claim Y in docs 0, 1, 2 (statement 1),
        // each fully linked, plus one loose link between them.
        let mut links = Vec::new();
        for s in 0..2 {
            for (a, b) in [(0, 1), (0, 2), (1, 2)] {
                links.push(link((a, s), (b, s), 0.8));
            }
        }
        links.push(link((0, 0), (1, 1), 0.3));
        let offsets = [0, 2, 4];
        let g = groups(&offsets, 6, &links);
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(g.iter().all(|g| g.support == 3 && g.members.len() == 3));
    }

    #[test]
    fn a_lone_statement_joins_on_its_best_link() {
        let links = vec![link((0, 0), (1, 0), 0.9), link((1, 0), (2, 0), 0.4)];
        let g = groups(&[0, 1, 2], 3, &links);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].support, 3);
    }
}
