//! `export -o FILE` by the real binary: the mode a new file gets, racing exports, and the
//! temporary file when a write is interrupted.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn export(out: &Path, extra: &[&str], pause_ms: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "-o", out.to_str().unwrap()])
        .args(extra)
        .env("PARALLAX_TEST_PAUSE_WRITE_MS", pause_ms.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// This process's umask, from /proc (reading it with umask(2) would change it).
fn umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Umask:")).unwrap();
    u32::from_str_radix(line["Umask:".len()..].trim(), 8).unwrap()
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".parallax-export-"))
        .collect()
}

#[test]
fn a_new_export_gets_the_mode_the_umask_gives() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.json");
    assert!(export(&out, &[], 0).wait().unwrap().success());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o666 & !umask(), "mode {mode:o}, umask {:o}", umask());
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn of_two_exports_racing_to_one_new_file_exactly_one_succeeds() {
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("seeds.md");
        // Both write their temporary, then wait, then both try to put it in place.
        let kids: Vec<Child> = (0..2)
            .map(|_| export(&out, &["--format", "md"], 300))
            .collect();
        let outcomes: Vec<_> = kids
            .into_iter()
            .map(|k| k.wait_with_output().unwrap())
            .collect();
        let ok = outcomes.iter().filter(|o| o.status.success()).count();
        assert_eq!(ok, 1, "round {round}");
        let loser = outcomes.iter().find(|o| !o.status.success()).unwrap();
        assert_eq!(loser.status.code(), Some(2));
        let err = String::from_utf8_lossy(&loser.stderr);
        assert!(
            err.contains("not replaced") || err.contains("already exists"),
            "{err}"
        );
        assert!(temporaries(dir.path()).is_empty(), "round {round}");
    }
}

fn wait_for_temporary(dir: &Path) {
    let end = Instant::now() + Duration::from_secs(20);
    while temporaries(dir).is_empty() {
        assert!(Instant::now() < end, "no temporary appeared");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn sigterm_and_sigint_during_a_write_remove_the_temporary() {
    for sig in ["TERM", "INT", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("seeds.json");
        let mut child = export(&out, &[], 20_000);
        wait_for_temporary(dir.path());
        let name = &temporaries(dir.path())[0];
        assert!(
            name.starts_with(&format!(".parallax-export-{}-", child.id()))
                && name.ends_with(".tmp"),
            "{name}"
        );
        let killed = Command::new("kill")
            .args([&format!("-{sig}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let end = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            assert!(Instant::now() < end, "SIG{sig}: did not exit");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(!status.success());
        assert!(
            temporaries(dir.path()).is_empty(),
            "SIG{sig} left a temporary"
        );
        assert!(!out.exists());
    }
}

#[test]
fn a_temporary_left_by_a_killed_export_is_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.json");
    let mut child = export(&out, &[], 20_000);
    wait_for_temporary(dir.path());
    child.kill().unwrap(); // SIGKILL: nothing can clean up
    child.wait().unwrap();
    assert_eq!(temporaries(dir.path()).len(), 1);
    assert!(export(&out, &[], 0).wait().unwrap().success());
    assert!(temporaries(dir.path()).is_empty());
    assert!(out.exists());
}
