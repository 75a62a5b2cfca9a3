#!/usr/bin/env python3
"""Run parallax and the peer pipelines on the same folder and print times, memory and ratios.

usage: tests/peers/compare.py DIR [--parallax BIN] [--peers PEERS.py] [--runs N]

parallax: `BIN export DIR --format json`, output discarded, wall time over N runs (best and
median) and peak resident memory. Peers: `python3 PEERS.py tfidf|minilm DIR` from
../shared/peers/peers.py (the pipelines a user would otherwise reach for), timed the same way,
once each (they take seconds). A peer whose Python packages are missing is skipped with a note.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def run(cmd, env=None):
    """Run cmd, return (wall seconds, peak RSS in MB, exit code, stdout, stderr)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    # communicate() reaped the child; its rusage is in RUSAGE_CHILDREN only cumulatively, so
    # measure peak memory separately with wait4 on a second run when asked.
    return wall, p.returncode, out, err


def peak_mb(cmd, env=None):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--parallax", default=os.path.join(REPO, "target", "release", "parallax"))
    ap.add_argument("--peers", default=os.path.join(REPO, "..", "shared", "peers", "peers.py"))
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    if not os.path.exists(a.parallax):
        sys.exit(f"no parallax binary at {a.parallax}: run `cargo build --release` first")

    cmd = [a.parallax, "export", a.dir, "--format", "json"]
    times = []
    for _ in range(a.runs):
        wall, code, out, err = run(cmd)
        if code not in (0, 1):
            sys.exit(f"parallax failed ({code}): {err.decode(errors='replace')[:500]}")
        times.append(wall)
    import json

    data = json.loads(out)
    docs = len(data["documents"])
    sents = sum(1 for d in data["documents"] for s in d["statements"] if s["kind"] == "body")
    links = len(data["links"])
    mem, _ = peak_mb(cmd)
    best, med = min(times), statistics.median(times)
    rows = [("parallax", med, best, mem, f"docs={docs} body statements={sents} links={links}")]

    env = dict(os.environ, HF_HUB_OFFLINE="1")
    for method in ("tfidf", "minilm"):
        wall, code, out, err = run([sys.executable, a.peers, method, a.dir], env=env)
        text = (out + err).decode(errors="replace")
        if code != 0:
            missing = "ModuleNotFoundError" in text or "ImportError" in text
            why = text.strip().splitlines()[-1] if text.strip() else f"exit {code}"
            note = "skipped: Python packages missing" if missing else "failed"
            print(f"{method}: {note} ({why})", file=sys.stderr)
            continue
        mem, _ = peak_mb([sys.executable, a.peers, method, a.dir], env=env)
        rows.append((method, wall, wall, mem, out.decode().strip()))

    print(f"folder: {a.dir}")
    print(f"{'pipeline':<10} {'median s':>9} {'best s':>8} {'peak MB':>8} {'x parallax':>10}  output")
    for name, med_s, best_s, mb, note in rows:
        ratio = med_s / med if med > 0 else float("nan")
        print(f"{name:<10} {med_s:>9.3f} {best_s:>8.3f} {mb:>8.0f} {ratio:>10.1f}  {note}")


if __name__ == "__main__":
    main()
