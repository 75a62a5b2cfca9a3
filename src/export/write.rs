//! Writing an export without ever leaving a half-written file.
//!
//! A regular file is written to a temporary file in the same folder and renamed over the
//! target, so a crash or a full disk leaves the old file intact. An existing file is replaced
//! only when the caller says so (`--force`). A target that is not a regular file (`/dev/null`,
//! a FIFO, `/dev/stdout`) is written directly: renaming over it would replace the device.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Write `bytes` to `path` as described in the module documentation.
///
/// # Errors
/// [`Error::Write`] when the file exists and `force` is false, or when writing fails.
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let fail = |reason: String| Error::Write {
        path: path.to_owned(),
        reason,
    };
    match fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| fail(e.to_string()))?;
            return f.write_all(bytes).map_err(|e| fail(e.to_string()));
        }
        Ok(m) if m.is_dir() => return Err(fail("it is a folder".into())),
        Ok(_) if !force => {
            return Err(fail("it already exists (use --force to replace it)".into()));
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(e.to_string()))?;
    tmp.write_all(bytes).map_err(|e| fail(e.to_string()))?;
    tmp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    tmp.persist(path).map_err(|e| fail(e.error.to_string()))?;
    Ok(())
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
}
