//! The subcommands: load the inputs, run the engine, print or write the result.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use parallax::model::{self, clean, Document, LoadReport};

use super::args::{ExportArgs, Format, SentencesArgs};
use super::{EXIT_PARTIAL, EXIT_USAGE};

/// Load the inputs (the embedded seeds when there are none) and report problems on stderr.
/// Returns `None` when nothing could be loaded.
pub(super) fn load(paths: &[String]) -> (Option<Vec<Document>>, bool) {
    if paths.is_empty() {
        return (Some(model::embedded::seed_documents()), false);
    }
    let LoadReport {
        documents,
        problems,
    } = model::load_inputs(paths);
    for p in &problems {
        eprintln!("parallax: {p}");
    }
    let refused = problems
        .iter()
        .any(|p| p.severity == model::Severity::Refused);
    if documents.is_empty() {
        eprintln!("parallax: nothing to read: no input could be loaded");
        return (None, refused);
    }
    (Some(documents), refused)
}

pub(super) fn exit(refused: bool) -> ExitCode {
    if refused {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    }
}

/// `parallax [PATH...]`: open the interface on a terminal; print a summary of what was loaded
/// with `--plain` or when standard output is not a terminal.
pub fn open(args: &super::args::OpenArgs) -> anyhow::Result<ExitCode> {
    let (Some(docs), refused) = load(&args.paths) else {
        return Ok(ExitCode::from(EXIT_USAGE));
    };
    #[cfg(feature = "tui")]
    if !args.plain && std::io::stdout().is_terminal() {
        let options = parallax::ui::Options {
            theme: args.ui.theme.clone(),
            keymap: args.ui.keymap.clone(),
            layout: args.ui.layout.clone(),
            start: parallax::ui::Start::Overview,
        };
        parallax::ui::run(docs, &options)?;
        return Ok(exit(refused));
    }
    let alignment = parallax::align::align(&docs);
    let mut out = std::io::stdout().lock();
    for (i, d) in docs.iter().enumerate() {
        let s = alignment.report_stats(i);
        writeln!(
            out,
            "{:>3}  {}  [{}]  {} words, {} statements: {} shared, {} divergent, {} unique",
            i + 1,
            clean::visible(&d.title),
            clean::visible(d.source.as_deref().unwrap_or(&d.id)),
            d.word_count(),
            d.statements.len(),
            s.shared,
            s.divergent,
            s.unique
        )?;
    }
    Ok(exit(refused))
}

/// Collapse runs of whitespace so each statement prints on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `parallax sentences`.
pub fn sentences(args: &SentencesArgs) -> anyhow::Result<ExitCode> {
    let (Some(docs), refused) = load(&args.paths) else {
        return Ok(ExitCode::from(EXIT_USAGE));
    };
    let mut out = std::io::stdout().lock();
    let texts = |d: &Document| -> Vec<String> {
        (0..d.statements.len())
            .map(|i| one_line(d.statement_text(i)))
            .collect()
    };
    if args.json {
        let json = if docs.len() == 1 && args.paths.len() <= 1 {
            serde_json::to_string(&texts(&docs[0]))?
        } else {
            let all: Vec<serde_json::Value> = docs
                .iter()
                .map(|d| serde_json::json!({"id": d.id, "sentences": texts(d)}))
                .collect();
            serde_json::to_string(&all)?
        };
        writeln!(out, "{json}")?;
    } else {
        let terminal = std::io::stdout().is_terminal();
        for d in &docs {
            for s in texts(d) {
                // Document text is already cleaned; `visible` is the belt to those braces.
                let s = if terminal { clean::visible(&s) } else { s };
                writeln!(out, "{s}")?;
            }
        }
    }
    Ok(exit(refused))
}

/// Every candidate pair's evidence as JSON lines: `{"a":[doc,stmt],"b":[doc,stmt],"p":…,"f":[…]}`.
fn write_evidence(
    path: &std::path::Path,
    docs: &[parallax::model::Document],
) -> anyhow::Result<()> {
    let p = parallax::align::params::defaults();
    let mut out = String::new();
    out.push_str(&serde_json::to_string(&serde_json::json!({
        "features": parallax::align::judge::feature_names()
    }))?);
    out.push('\n');
    for (a, b, e, prob) in parallax::align::evidence_table(docs, p) {
        out.push_str(&serde_json::to_string(&serde_json::json!({
            "a": [a.doc, a.statement], "b": [b.doc, b.statement], "p": prob, "f": e.0.to_vec()
        }))?);
        out.push('\n');
    }
    std::fs::write(path, out)
        .with_context(|| format!("evidence not written to {}", path.display()))?;
    Ok(())
}

/// `parallax export`.
pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let (Some(docs), refused) = load(&args.paths) else {
        return Ok(ExitCode::from(EXIT_USAGE));
    };
    // For JSON the quotes layer runs with the alignment, reading its tokens.
    let (alignment, analysis) = match args.format {
        Format::Json => {
            let (alignment, analysis) = parallax::export::align_with_quotes(&docs);
            (alignment, Some(analysis))
        }
        Format::Md => (parallax::align::align(&docs), None),
    };
    if let Some(path) = &args.evidence {
        write_evidence(path, &docs)?;
    }
    // JSON is written as it is printed (the ECB+ export is 13 MB, never held whole);
    // Markdown is small and printed first.
    let write = |w: &mut dyn Write| match (args.format, analysis) {
        (Format::Json, Some(analysis)) => {
            parallax::export::write_json_with(w, &docs, &alignment, analysis)
        }
        (Format::Json, None) => parallax::export::write_json(w, &docs, &alignment),
        (Format::Md, _) => {
            w.write_all(parallax::export::markdown::to_markdown(&docs, &alignment).as_bytes())
        }
    };
    match &args.output {
        Some(path) => parallax::export::write_output_with(path, args.force, write)
            .with_context(|| "export not written")?,
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(exit(refused))
}
