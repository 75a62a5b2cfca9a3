//! Helpers shared by the alignment tests on the seeds.

use parallax::align::{align, Alignment, Link, StatementRef};
use parallax::model::embedded::seed_documents;
use parallax::model::Document;

/// The statement of seed `doc` whose text contains `needle` (exactly one must).
pub fn find(docs: &[Document], doc: usize, needle: &str) -> StatementRef {
    let hits: Vec<usize> = (0..docs[doc].statements.len())
        .filter(|&i| docs[doc].statement_text(i).contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "{needle:?} in seed {doc}: {hits:?}");
    StatementRef {
        doc,
        statement: hits[0],
    }
}

/// The link between `x` and `y`, if they are linked.
pub fn link(al: &Alignment, x: StatementRef, y: StatementRef) -> Option<&Link> {
    al.links_of(x).find(|l| l.other(x) == Some(y))
}

/// The five embedded seeds and their alignment.
pub fn seeds() -> (Vec<Document>, Alignment) {
    let docs = seed_documents();
    let al = align(&docs);
    (docs, al)
}
