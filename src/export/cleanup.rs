//! Temporary export files that must not outlive an interrupted write.
//!
//! A [`Temporary`] registers its path while it exists. The first one created starts a thread
//! that waits for SIGTERM, SIGINT or SIGHUP (through `signal-hook`'s iterator, so the work is
//! done on an ordinary thread, not inside a signal handler), removes every registered file, and
//! then ends the process the way the signal would have. SIGKILL cannot be caught; the next
//! export into the same folder removes what it left (see `write::remove_stale_temporaries`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use super::write::temporary_name;

/// Paths of the temporaries that exist right now.
fn registry() -> &'static Mutex<Vec<PathBuf>> {
    static PENDING: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    PENDING.get_or_init(|| Mutex::new(Vec::new()))
}

/// Remove every registered temporary (after a signal, or when the process ends early).
fn remove_all() {
    let pending = registry()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for p in pending.iter() {
        let _ = fs::remove_file(p);
    }
}

#[cfg(unix)]
fn watch_signals() {
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Without the watcher only the clean-up on signals is lost; the write still works.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                remove_all();
                // Die of the signal as if it had not been caught, so the exit status says so.
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
    });
}

#[cfg(not(unix))]
fn watch_signals() {}

/// A temporary file next to the export target, removed when dropped and on signals.
pub struct Temporary {
    path: PathBuf,
}

impl Temporary {
    /// Create an empty temporary in `dir` with the mode the umask gives (never replacing a file).
    ///
    /// # Errors
    /// The folder cannot be written.
    pub fn create(dir: &Path) -> std::io::Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        watch_signals();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = temporary_name(dir, n);
            // Registered before it exists, so no signal can fall between creating and
            // registering; removing a file that is not there yet is harmless.
            registry()
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(path.clone());
            let made = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path);
            match made {
                Ok(_) => return Ok(Self { path }),
                Err(e) => {
                    unregister(&path);
                    if e.kind() != std::io::ErrorKind::AlreadyExists {
                        return Err(e);
                    }
                }
            }
        }
    }

    /// Where the temporary is.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn unregister(path: &Path) {
    registry()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .retain(|p| p != path);
}

impl Drop for Temporary {
    fn drop(&mut self) {
        // After a rename the name is gone and this fails harmlessly; after a link it removes
        // the second name, leaving only the target.
        let _ = fs::remove_file(&self.path);
        unregister(&self.path);
    }
}
