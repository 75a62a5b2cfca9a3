#!/usr/bin/env python3
"""Time from process start to the first drawn frame of the interface, in a pseudo-terminal.

usage: tests/peers/first_frame.py [--parallax BIN] [--runs N] [--size COLSxROWS] [ARGS...]

Starts `BIN ARGS` (default: no ARGS, the embedded seeds) on a fresh pseudo-terminal, reads its
output until the overview's "Claims by support" heading has been written, and records the time
since the start; then sends `q`. Prints the median, best and worst of N runs.

Like every terminal emulator, the pseudo-terminal answers the device-attributes query (`ESC [ c`)
that `--theme auto` sends after its background-colour query; a terminal that answered neither
would cost the program its 150 ms background timeout. `--silent` answers nothing, to measure that.
Also counts the runs whose first frame already had the claims and marks (did not say
"aligning").
"""
import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def once(cmd, cols, rows, silent=False):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                         start_new_session=True, cwd=REPO)
    os.close(slave)
    seen = b""
    answered = silent
    elapsed = None
    while time.perf_counter() - t0 < 10:
        r, _, _ = select.select([master], [], [], 0.5)
        if not r:
            continue
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
        if not answered and b"\x1b[c" in seen:
            os.write(master, b"\x1b[?62;22c")
            answered = True
        if b"Claims by support" in seen:
            elapsed = time.perf_counter() - t0
            break
    os.write(master, b"q")
    try:
        p.wait(timeout=5)
    finally:
        if p.poll() is None:
            p.kill()
        os.close(master)
    if elapsed is None:
        raise SystemExit("no frame within 10 s")
    return elapsed, b"aligning" not in seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=os.path.join(REPO, "target", "release", "parallax"))
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--silent", action="store_true")
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()
    cols, rows = (int(x) for x in a.size.split("x"))
    runs = [once([a.parallax, *a.args], cols, rows, a.silent) for _ in range(a.runs)]
    times = [t for t, _ in runs]
    marked = sum(m for _, m in runs)
    ms = [t * 1000 for t in times]
    print(f"first frame: median {statistics.median(ms):.1f} ms, best {min(ms):.1f} ms, "
          f"worst {max(ms):.1f} ms over {a.runs} runs ({a.size}); "
          f"with claims and marks: {marked}/{a.runs}")


if __name__ == "__main__":
    main()
