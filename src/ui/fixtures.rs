//! Shared fixtures of the interface's unit tests.

use crate::align::{Link, Relation, StatementRef};

/// A shared link between statement `a.1` of report `a.0` and statement `b.1` of report `b.0`.
pub fn link(a: (usize, usize), b: (usize, usize)) -> Link {
    Link {
        a: StatementRef {
            doc: a.0,
            statement: a.1,
        },
        b: StatementRef {
            doc: b.0,
            statement: b.1,
        },
        score: 0.9,
        relation: Relation::Shared,
        differences: vec![],
    }
}
