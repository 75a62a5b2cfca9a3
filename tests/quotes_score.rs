//! The seeds scored against the hand annotation `tests/data/quotes/seed_quotes.json`, as
//! `tests/tools/score_quotes.py` scores them: the targets (instance precision and
//! recall ≥ 0.95, speaker accuracy ≥ 0.90, pairwise cross-report grouping F1 ≥ 0.90) must hold.

use parallax::model::embedded::seed_documents;
use parallax::quotes::{self, QuoteKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Annotation {
    instances: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    doc: usize,
    text: String,
    speaker: Option<String>,
    group: String,
}

/// Lowercase letters and digits, words separated by one space.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    let (fa, fb) = (fold(a.unwrap_or("")), fold(b.unwrap_or("")));
    fa == fb || (!fa.is_empty() && !fb.is_empty() && fa.rsplit(' ').next() == fb.rsplit(' ').next())
}

/// Where `words` occur in `text` right after a quotation mark (else first).
fn locate(text: &str, words: &str) -> Option<usize> {
    let all: Vec<usize> = text.match_indices(words).map(|(k, _)| k).collect();
    all.iter()
        .copied()
        .find(|&k| text[..k].ends_with(['“', '”', '‘', '’', '"', '\'']))
        .or_else(|| all.first().copied())
}

#[test]
fn seed_quotes_meet_the_targets() {
    let docs = seed_documents();
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/quotes/seed_quotes.json"
    ))
    .expect("the annotation is committed");
    let ann: Annotation = serde_json::from_str(&raw).expect("the annotation parses");
    let gold: Vec<(usize, std::ops::Range<usize>, &Gold)> = ann
        .instances
        .iter()
        .map(|g| {
            let at = locate(&docs[g.doc].text, &g.text)
                .unwrap_or_else(|| panic!("{:?} not in doc {}", g.text, g.doc));
            (g.doc, at..at + g.text.len(), g)
        })
        .collect();
    // One predicted instance per part, as the export lists them.
    let found = quotes::quotes(&docs);
    let pred: Vec<(usize, std::ops::Range<usize>, Option<&str>, usize)> = found
        .iter()
        .enumerate()
        .flat_map(|(qi, q)| {
            q.instances
                .iter()
                .filter(|i| i.kind == QuoteKind::Direct)
                .flat_map(move |i| {
                    i.parts
                        .iter()
                        .map(move |r| (i.doc, r.clone(), i.speaker.as_deref(), qi))
                })
        })
        .collect();
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, (gd, gr, _)) in gold.iter().enumerate() {
        for (pi, (pd, pr, _, _)) in pred.iter().enumerate() {
            let overlap = gr.end.min(pr.end).saturating_sub(gr.start.max(pr.start));
            let longer = gr.len().max(pr.len());
            if gd == pd && overlap > 0 && overlap * 2 >= longer {
                cands.push((overlap as f64 / longer as f64, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut gm, mut pm) = (vec![None; gold.len()], vec![false; pred.len()]);
    for (_, gi, pi) in cands {
        if gm[gi].is_none() && !pm[pi] {
            gm[gi] = Some(pi);
            pm[pi] = true;
        }
    }
    let matched: Vec<(usize, usize)> = gm
        .iter()
        .enumerate()
        .filter_map(|(g, p)| p.map(|p| (g, p)))
        .collect();
    let tp = matched.len() as f64;
    let (precision, recall) = (tp / pred.len() as f64, tp / gold.len() as f64);
    let speakers = matched
        .iter()
        .filter(|(g, p)| same_speaker(gold[*g].2.speaker.as_deref(), pred[*p].2))
        .count() as f64
        / tp;
    let (mut both, mut gp, mut pp) = (0.0, 0.0, 0.0);
    for (k, &(ga, pa)) in matched.iter().enumerate() {
        for &(gb, pb) in &matched[k + 1..] {
            if gold[ga].0 == gold[gb].0 {
                continue;
            }
            let g_same = gold[ga].2.group == gold[gb].2.group;
            let p_same = pred[pa].3 == pred[pb].3;
            gp += f64::from(u8::from(g_same));
            pp += f64::from(u8::from(p_same));
            both += f64::from(u8::from(g_same && p_same));
        }
    }
    let (gprec, grec) = (both / pp, both / gp);
    let f1 = 2.0 * gprec * grec / (gprec + grec);
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "instances P {precision:.3} R {recall:.3}"
    );
    assert!(speakers >= 0.90, "speaker accuracy {speakers:.3}");
    assert!(f1 >= 0.90, "grouping F1 {f1:.3} (P {gprec:.3} R {grec:.3})");
}
