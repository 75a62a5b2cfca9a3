//! The default corpus: the five seed reports, compiled into the binary so that `parallax`
//! with no arguments has something to show.

use super::document::Document;
use super::load::{document_from_text, Format};

/// The seed reports as `(file name, text)`, in file-name order.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_6e454b8b9b3284b6.txt",
        include_str!("../../seeds/000_6e454b8b9b3284b6.txt"),
    ),
    (
        "001_061dcc8a895102b8.txt",
        include_str!("../../seeds/001_061dcc8a895102b8.txt"),
    ),
    (
        "002_9fc65ddf9e96fd78.txt",
        include_str!("../../seeds/002_9fc65ddf9e96fd78.txt"),
    ),
    (
        "003_f6e0c220f98222b1.txt",
        include_str!("../../seeds/003_f6e0c220f98222b1.txt"),
    ),
    (
        "004_4d240d6c60ada09b.txt",
        include_str!("../../seeds/004_4d240d6c60ada09b.txt"),
    ),
];

/// The seed reports as documents, with paths under `seeds/`.
#[must_use]
pub fn seed_documents() -> Vec<Document> {
    SEEDS
        .iter()
        .map(|(name, text)| {
            let id = name.trim_end_matches(".txt").to_owned();
            document_from_text(id, format!("seeds/{name}"), text, Format::Text)
        })
        .collect()
}

/// The text of every statement of the seed reports, in order: for the tests that check a
/// fast path against the slow one on real sentences.
#[cfg(test)]
pub(crate) fn seed_statement_texts() -> Vec<String> {
    seed_documents()
        .iter()
        .flat_map(|d| {
            d.statements
                .iter()
                .map(|s| d.text[s.start..s.end].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_match_the_files_on_disk() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        let embedded: Vec<&str> = SEEDS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, embedded);
    }
}
