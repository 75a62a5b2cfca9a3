//! Walking a folder for reports: recursively, in sorted order, following symlinks but not
//! loops, skipping hidden files and the folder's own README/LICENSE, and no deeper than
//! [`MAX_FOLDER_DEPTH`] levels.
//!
//! Loops are detected by folder identity (device and inode: one `stat` per folder), not by
//! canonical path, whose cost grows with the depth of every folder resolved.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::load::{io_message, refused, warning, Problem, TEXT_EXTENSIONS};

/// Deepest folder level read below a folder named on the command line. Real corpora are a few
/// levels deep; a tree thousands of levels deep is an attack or an accident, and walking it
/// costs work that grows with the square of its depth (every path is resolved from the root).
pub const MAX_FOLDER_DEPTH: usize = 64;

/// The text files under `dir`, in walk order; problems met on the way are added to `problems`.
pub fn text_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut state = Walk::default();
    walk(dir, 0, &mut state, problems);
    state.found
}

/// What a folder walk has found so far.
#[derive(Default)]
struct Walk {
    /// Text files, in walk order.
    found: Vec<PathBuf>,
    /// Folders already walked, by identity, so symlink loops end.
    seen: HashSet<FolderId>,
    /// Whether the depth warning was given (once per walk: the first folder cut names it).
    depth_warned: bool,
}

/// A folder's identity: device and inode on Unix (one `stat`, whatever the depth), the
/// canonical path elsewhere.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(unix)]
fn folder_id(dir: &Path) -> std::io::Result<FolderId> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(dir: &Path) -> std::io::Result<FolderId> {
    fs::canonicalize(dir)
}

/// Collect the text files under `dir`, sorted by path, following symlinks but not loops, and
/// no deeper than [`MAX_FOLDER_DEPTH`] levels below the folder the user named.
fn walk(dir: &Path, depth: usize, state: &mut Walk, problems: &mut Vec<Problem>) {
    let Ok(id) = folder_id(dir) else {
        problems.push(refused(
            &dir.display().to_string(),
            "cannot resolve folder (symlink loop?)",
        ));
        return;
    };
    if !state.seen.insert(id) {
        return; // Already walked: a symlink loop or a second link to the same folder.
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(refused(&dir.display().to_string(), &io_message(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match fs::metadata(&p) {
            Ok(m) if m.is_dir() && depth >= MAX_FOLDER_DEPTH => {
                if !std::mem::replace(&mut state.depth_warned, true) {
                    problems.push(warning(
                        &dir.display().to_string(),
                        &format!(
                            "folders nested deeper than {MAX_FOLDER_DEPTH} levels; the folders inside this one were not read"
                        ),
                    ));
                }
            }
            Ok(m) if m.is_dir() => walk(&p, depth + 1, state, problems),
            Ok(m) if m.is_file() => {
                let known = p
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                if known && !is_project_file(&p) {
                    state.found.push(p);
                }
            }
            Ok(_) => {}
            Err(e) => problems.push(refused(&p.display().to_string(), &io_message(&e))),
        }
    }
}

/// File stems that describe a folder rather than report on an event (a corpus's README,
/// its licence). Skipped when walking a folder; still read when named on the command line.
const PROJECT_FILES: [&str; 7] = [
    "readme",
    "license",
    "licence",
    "changelog",
    "copying",
    "contributing",
    "notice",
];

fn is_project_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| PROJECT_FILES.contains(&s.to_ascii_lowercase().as_str()))
}
