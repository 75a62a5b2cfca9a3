#!/usr/bin/env python3
"""Growth of `parallax export` time with the number of reports.

usage: tests/peers/growth.py DIR [--parallax BIN] [--sizes 100,300,0] [--runs 7]

Takes the .txt files under DIR in sorted path order (the order parallax loads a folder in),
links the first N of each size (0 = all) into a temporary folder, and times
`BIN export TMP --format json > /dev/null` (median of RUNS wall times). Prints each size, its
time, and its ratio to the smallest size: linear growth gives the ratio of the sizes, all-pairs
work its square. The CPU time (user + sys, median) is printed too: on a machine shared with
other work the wall time measures the load as much as parallax.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def files_under(d):
    out = []
    for root, _, names in os.walk(d):
        out += [os.path.join(root, n) for n in names if n.endswith(".txt")]
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--parallax", default=os.path.join(REPO, "target", "release", "parallax"))
    ap.add_argument("--sizes", default="100,300,0")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    files = files_under(a.dir)
    rows = []
    for n in [int(s) or len(files) for s in a.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            for i, f in enumerate(files[:n]):
                # Keep sorted order and unique names: a numeric prefix, then the file name.
                os.symlink(os.path.abspath(f), os.path.join(tmp, f"{i:05d}_{os.path.basename(f)}"))
            times = []
            cpus = []
            for _ in range(a.runs):
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([a.parallax, "export", tmp, "--format", "json"],
                               stdout=subprocess.DEVNULL, check=True)
                times.append(time.perf_counter() - t0)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
            rows.append((n, statistics.median(times), statistics.median(cpus)))
    base_n, base_t, base_c = rows[0]
    print(f"{'reports':>8} {'median s':>9} {'x time':>7} {'cpu s':>7} {'x cpu':>6} {'x reports':>9}")
    for n, t, c in rows:
        print(f"{n:>8} {t:>9.3f} {t / base_t:>7.2f} {c:>7.3f} {c / base_c:>6.2f} {n / base_n:>9.2f}")


if __name__ == "__main__":
    sys.exit(main())
