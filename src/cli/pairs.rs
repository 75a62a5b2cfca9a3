//! `parallax pairs`: score sentence pairs read from standard input, one `s1<TAB>s2` per line,
//! printing `score<TAB>relation` per line so anyone can evaluate the engine on labelled pairs.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use parallax::align::{compare_pair, judge::feature_names};
use rayon::prelude::*;

use super::args::PairsArgs;
use super::EXIT_USAGE;

/// Run `parallax pairs` on standard input.
pub fn run(args: &PairsArgs) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut pairs = Vec::new();
    for (n, line) in stdin.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        let Some((a, b)) = line.split_once('\t') else {
            eprintln!("parallax: line {}: expected sentence1<TAB>sentence2", n + 1);
            return Ok(ExitCode::from(EXIT_USAGE));
        };
        // A third column (a gold label) is allowed and ignored.
        let b = b.split('\t').next().unwrap_or(b);
        pairs.push((a.to_owned(), b.to_owned()));
    }
    let mut out = std::io::stdout().lock();
    if args.features {
        writeln!(out, "score\trelation\t{}", feature_names().join("\t"))?;
    }
    let judged: Vec<_> = pairs
        .par_iter()
        .with_min_len(16)
        .map(|(a, b)| compare_pair(a, b))
        .collect();
    for j in judged {
        write!(out, "{:.3}\t{}", j.score, j.relation.as_str())?;
        if args.features {
            for v in j.evidence.0 {
                write!(out, "\t{v:.4}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
