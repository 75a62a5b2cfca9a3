//! Loading reports from files, folders (recursively, in sorted order) and standard input.
//!
//! Every input either becomes a [`Document`] or a [`Problem`] naming it; one bad input never
//! stops the others. Limits keep a stray huge or endless input from hanging the program: a
//! file larger than [`MAX_FILE_BYTES`] is refused (never silently truncated), and special files
//! (FIFOs, sockets, devices) found by path are refused because reading them can block forever.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::document::Document;
use super::{clean, decode, structure, walk};

/// Largest input parallax reads, in bytes (32 MiB: about fifteen thousand news reports).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// File name endings read when walking a folder.
pub const TEXT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// How an input's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown: markup is stripped.
    Markdown,
    /// HTML: converted to paragraphs of text.
    Html,
}

impl Format {
    /// The format a path's extension names (plain text when unknown).
    #[must_use]
    pub fn from_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Self::Markdown,
            Some("html" | "htm" | "xhtml") => Self::Html,
            _ => Self::Text,
        }
    }

    /// Guess the format of unnamed input (stdin) from its first characters.
    #[must_use]
    pub fn sniff(text: &str) -> Self {
        let head: String = text
            .trim_start()
            .chars()
            .take(512)
            .collect::<String>()
            .to_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || head.contains("<body")
            || head.starts_with("<p>")
        {
            Self::Html
        } else {
            Self::Text
        }
    }
}

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input loaded, or was skipped as empty, and the user should know something about it.
    Warning,
    /// The input was not loaded.
    Refused,
}

/// Something the user must be told about one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The input, as the user named it or as found in a folder.
    pub path: String,
    /// What is wrong, in a few words.
    pub message: String,
    /// Whether the input was still loaded.
    pub severity: Severity,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.severity {
            Severity::Warning => "warning",
            Severity::Refused => "refused",
        };
        write!(
            f,
            "{what}: {}: {}",
            clean::escape_name(&self.path),
            self.message
        )
    }
}

/// The documents that loaded and the problems met on the way.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Documents in input order (folders expanded in sorted order).
    pub documents: Vec<Document>,
    /// Warnings and refusals, in input order.
    pub problems: Vec<Problem>,
}

impl LoadReport {
    /// Whether any input was refused.
    #[must_use]
    pub fn any_refused(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == Severity::Refused)
    }
}

/// Build a document from decoded text: clean it, convert its markup, find its structure.
#[must_use]
pub fn document_from_text(id: String, path: String, text: &str, format: Format) -> Document {
    let plain = match format {
        Format::Text => clean::clean_text(text),
        Format::Markdown => clean::clean_text(&super::markdown::to_text(&clean::clean_text(text))),
        #[cfg(feature = "html")]
        Format::Html => return super::html::document(id, path, text),
        #[cfg(not(feature = "html"))]
        Format::Html => clean::clean_text(text),
    };
    structure::build(id, path, plain)
}

/// Load every input: `-` is standard input, a folder is walked recursively, anything else is
/// a file. Documents get unique ids from their file stems.
#[must_use]
pub fn load_inputs(inputs: &[String]) -> LoadReport {
    let mut report = LoadReport::default();
    let mut files: Vec<(String, Option<PathBuf>)> = Vec::new();
    for input in inputs {
        if input == "-" {
            files.push(("-".into(), None));
            continue;
        }
        let path = PathBuf::from(input);
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                let found = walk::text_files(&path, &mut report.problems);
                if found.is_empty() {
                    report
                        .problems
                        .push(refused(input, "folder holds no .txt, .md or .html files"));
                }
                files.extend(
                    found
                        .into_iter()
                        .map(|p| (p.display().to_string(), Some(p))),
                );
            }
            Ok(_) => files.push((input.clone(), Some(path))),
            Err(e) => report.problems.push(refused(input, &io_message(&e))),
        }
    }
    // Ids depend on input order, so they are fixed before the parallel part.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let jobs: Vec<(String, Option<PathBuf>, String)> = files
        .into_iter()
        .map(|(name, path)| {
            let stem = path.as_deref().and_then(Path::file_stem).map_or_else(
                || "stdin".to_owned(),
                // The id is shown everywhere (interface, exports): escaped once, here.
                |s| clean::escape_name(&s.to_string_lossy()),
            );
            let n = ids.entry(stem.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { stem } else { format!("{stem}~{n}") };
            (name, path, id)
        })
        .collect();
    // Reading, decoding and segmenting are independent per input; rayon keeps the order.
    let loaded: Vec<(Option<Document>, Vec<Problem>)> = jobs
        .into_par_iter()
        .map(|(name, path, id)| load_one(&name, path.as_deref(), id))
        .collect();
    for (doc, problems) in loaded {
        report.problems.extend(problems);
        report.documents.extend(doc);
    }
    report
}

/// Read, decode and build one input; stdin when `path` is `None`.
fn load_one(name: &str, path: Option<&Path>, id: String) -> (Option<Document>, Vec<Problem>) {
    let loaded = match path {
        None => read_stdin(),
        Some(p) => read_file(p),
    };
    let (bytes, format) = match loaded {
        Ok(x) => x,
        Err(msg) => return (None, vec![refused(name, &msg)]),
    };
    let decoded = match decode::decode(&bytes) {
        Ok(d) => d,
        Err(msg) => return (None, vec![refused(name, &msg)]),
    };
    let mut problems = Vec::new();
    if let Some(w) = decoded.warning {
        problems.push(warning(name, &w));
    }
    let format = format.unwrap_or_else(|| Format::sniff(&decoded.text));
    // The path is shown (interface, exports) like the id: escaped once, here.
    let doc = document_from_text(id, clean::escape_name(name), &decoded.text, format);
    problems.extend(doc.warnings.iter().map(|w| warning(name, w)));
    if doc.statements.is_empty() {
        problems.push(warning(name, "empty (no text); skipped"));
        return (None, problems);
    }
    if let Some(why) = super::language::not_english(&doc.text) {
        problems.push(warning(name, &why));
    }
    (Some(doc), problems)
}

pub(super) fn refused(path: &str, message: &str) -> Problem {
    Problem {
        path: path.to_owned(),
        message: message.to_owned(),
        severity: Severity::Refused,
    }
}

pub(super) fn warning(path: &str, message: &str) -> Problem {
    Problem {
        path: path.to_owned(),
        message: message.to_owned(),
        severity: Severity::Warning,
    }
}

pub(super) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            // "Too many levels of symbolic links (os error 40)" reads better without the code.
            s.split(" (os error").next().unwrap_or(&s).to_owned()
        }
    }
}

fn read_file(path: &Path) -> Result<(Vec<u8>, Option<Format>), String> {
    let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err("is a folder".into());
    }
    if !meta.is_file() {
        return Err("not a regular file (FIFO, socket or device); not read".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| io_message(&e))?;
    let bytes = read_limited(file)?;
    Ok((bytes, Some(Format::from_path(path))))
}

fn read_stdin() -> Result<(Vec<u8>, Option<Format>), String> {
    let bytes = read_limited(std::io::stdin().lock())?;
    Ok((bytes, None))
}

/// Read at most [`MAX_FILE_BYTES`]; more is an error, never a silent truncation.
fn read_limited(r: impl Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    r.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "too large ({} MiB or more; the limit is {} MiB)",
        len / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_denied_reads_plainly() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_message(&e), "permission denied");
        let e = std::io::Error::from_raw_os_error(40); // ELOOP on Linux
        assert!(!io_message(&e).contains("os error"), "{}", io_message(&e));
    }

    #[test]
    fn stdin_format_is_sniffed() {
        assert_eq!(Format::sniff("<!DOCTYPE html><p>x</p>"), Format::Html);
        assert_eq!(Format::sniff("Plain text < with a sign."), Format::Text);
    }
}
