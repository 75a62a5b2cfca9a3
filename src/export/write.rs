//! Writing an export without ever leaving a half-written file or replacing one by accident.
//!
//! The bytes go to a temporary file in the target's folder, named
//! `.parallax-export-<pid>-<n>.tmp` so that it is recognisable. A new file is then put in
//! place with `link(2)`, which fails if the target appeared meanwhile, so of two exports racing
//! to one new name exactly one wins and the other says the file exists; the temporary is then
//! removed. An existing file (or symlink, dangling or not) is replaced only with `--force`, by
//! renaming over it, and keeps its permission bits. New files get the mode the umask gives
//! (`0666 & !umask`), as any other program's would. A target that is not a regular file
//! (`/dev/null`, a FIFO, `/dev/stdout`) is written directly: renaming over it would replace the
//! device.
//!
//! Temporaries are removed on SIGTERM, SIGINT and SIGHUP during the write (see [`cleanup`]);
//! one left by a process that was killed outright is removed by the next export into that
//! folder once its process is gone.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::cleanup;
use crate::error::{Error, Result};

/// Prefix of every temporary export file.
pub const TEMP_PREFIX: &str = ".parallax-export-";
/// Suffix of every temporary export file.
pub const TEMP_SUFFIX: &str = ".tmp";

/// What is at the output path before writing.
enum Target {
    /// Nothing: a new file is created, never replacing one that appears meanwhile.
    New,
    /// A regular file (or a symlink to one), with its permission bits.
    File(fs::Permissions),
    /// A symlink whose target does not exist.
    Dangling,
    /// A device, FIFO or socket: written in place.
    Special,
}

/// Write `bytes` to `path` as described in the module documentation.
///
/// # Errors
/// [`Error::Write`] when something is at `path` and `force` is false, when it is a folder,
/// when another export created the file first, or when writing fails.
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_output_with(path, force, |w| w.write_all(bytes))
}

/// Write what `write` writes to `path`, as [`write_output`] does with its bytes: the export
/// is written as it is printed, not first held whole in memory.
///
/// # Errors
/// As [`write_output`]; an error of `write` is a failed write.
pub fn write_output_with(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |reason: String| Error::Write {
        path: path.to_owned(),
        reason,
    };
    let target = match (fs::symlink_metadata(path), fs::metadata(path)) {
        (Err(_), _) => Target::New,
        (Ok(_), Ok(m)) if m.is_dir() => return Err(fail("it is a folder".into())),
        (Ok(_), Ok(m)) if m.is_file() => Target::File(m.permissions()),
        (Ok(_), Ok(_)) => Target::Special,
        (Ok(_), Err(_)) => Target::Dangling,
    };
    match target {
        Target::Special => {
            let f = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| fail(e.to_string()))?;
            let mut w = std::io::BufWriter::new(f);
            return write(&mut w)
                .and_then(|()| w.flush())
                .map_err(|e| fail(e.to_string()));
        }
        Target::File(_) if !force => {
            return Err(fail("it already exists (use --force to replace it)".into()));
        }
        Target::Dangling if !force => {
            return Err(fail(
                "it is a symlink to a missing file (use --force to replace it)".into(),
            ));
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale_temporaries(dir);
    let tmp = cleanup::Temporary::create(dir).map_err(|e| fail(e.to_string()))?;
    write_all(tmp.path(), write).map_err(|e| fail(e.to_string()))?;
    pause_for_tests();
    match target {
        Target::New => place_new(tmp.path(), path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                fail("another program created it meanwhile; not replaced (use --force to replace it)".into())
            } else {
                fail(e.to_string())
            }
        }),
        Target::File(perm) => {
            fs::set_permissions(tmp.path(), perm).map_err(|e| fail(e.to_string()))?;
            fs::rename(tmp.path(), path).map_err(|e| fail(e.to_string()))
        }
        Target::Dangling | Target::Special => {
            fs::rename(tmp.path(), path).map_err(|e| fail(e.to_string()))
        }
    }
    // `tmp` is dropped here: the temporary is unlinked (a no-op after a rename) and unregistered.
}

/// Write and flush to disk, so a crash right after the rename cannot leave an empty file.
fn write_all(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let f = fs::OpenOptions::new().write(true).open(path)?;
    let mut w = std::io::BufWriter::new(f);
    write(&mut w)?;
    w.into_inner()
        .map_err(std::io::IntoInnerError::into_error)?
        .sync_all()
}

/// Put the finished temporary at `path` only if nothing is there: `link(2)` is atomic and
/// fails with `AlreadyExists`. File systems without hard links get an exclusive create and a
/// copy instead, which is just as unable to replace a file.
fn place_new(tmp: &Path, path: &Path) -> std::io::Result<()> {
    match fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut out = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?;
            out.write_all(&fs::read(tmp)?)?;
            out.sync_all()
        }
    }
}

/// Remove temporaries in `dir` left by exports whose process is gone (killed with SIGKILL,
/// or by a power cut). Only names this module makes are touched; a live process's are kept.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The process id in a temporary's name, if `name` is one.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, n) = rest.split_once('-')?;
    n.bytes().all(|b| b.is_ascii_digit()).then_some(())?;
    pid.parse().ok()
}

/// Whether process `pid` exists. Without `/proc` nothing is known, so the answer is yes and
/// no temporary is removed.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Lets the end-to-end tests catch an export between writing and linking, to send it a signal
/// or race another export: `PARALLAX_TEST_PAUSE_WRITE_MS`. Off unless set.
fn pause_for_tests() {
    if let Some(ms) = std::env::var("PARALLAX_TEST_PAUSE_WRITE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
    }
}

/// The path a temporary for `dir` gets: recognisable, unique per process and attempt.
pub(super) fn temporary_name(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!(
        "{TEMP_PREFIX}{}-{n}{TEMP_SUFFIX}",
        std::process::id()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force_and_replaces_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write_output(&p, b"one", false).unwrap();
        assert!(write_output(&p, b"two", false).is_err());
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_output(&p, b"two", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
    }

    #[test]
    fn writes_to_dev_null_without_renaming_over_it() {
        write_output(Path::new("/dev/null"), b"x", false).unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().is_file());
    }

    #[test]
    fn a_failed_write_leaves_no_file() {
        let p = Path::new("/nonexistent-dir-for-parallax/out.json");
        assert!(write_output(p, b"x", false).is_err());
        assert!(!p.exists());
    }

    #[cfg(unix)]
    #[test]
    fn force_keeps_the_mode_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        fs::write(&p, b"old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_output(&p, b"new", true).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read(&p).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        std::os::unix::fs::symlink(dir.path().join("missing"), &p).unwrap();
        let e = write_output(&p, b"x", false).unwrap_err().to_string();
        assert!(e.contains("symlink to a missing file"), "{e}");
        assert!(fs::symlink_metadata(&p).unwrap().file_type().is_symlink());
        assert!(!dir.path().join("missing").exists());
        write_output(&p, b"x", true).unwrap();
        assert!(fs::symlink_metadata(&p).unwrap().is_file());
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids above the kernel's pid_max (4,194,304 at most) never exist.
        let dead = dir
            .path()
            .join(format!("{TEMP_PREFIX}4999999-7{TEMP_SUFFIX}"));
        let ours = temporary_name(dir.path(), 3);
        let other = dir.path().join(".tmpABC123");
        for p in [&dead, &ours, &other] {
            fs::write(p, b"x").unwrap();
        }
        write_output(&dir.path().join("out.json"), b"x", false).unwrap();
        assert!(!dead.exists());
        assert!(ours.exists() && other.exists());
        assert_eq!(temporary_pid(".parallax-export-12-0.tmp"), Some(12));
        assert_eq!(temporary_pid(".parallax-export-12-x.tmp"), None);
    }
}
