#!/usr/bin/env python3
"""Growth of `parallax export` time with the number of reports.

usage: tests/peers/growth.py DIR [--parallax BIN] [--sizes 100,300,0] [--runs 7]
       tests/peers/growth.py DIR --copies 1,2,4,8 [--parallax BIN] [--runs 3]

Sizes: takes the .txt files under DIR in sorted path order (the order parallax loads a folder
in), links the first N of each size (0 = all) into a temporary folder, and times
`BIN export TMP --format json > /dev/null` (median of RUNS wall times). Prints each size, its
time, and its ratio to the smallest size: linear growth gives the ratio of the sizes, all-pairs
work its square. The CPU time (user + sys of the child, from getrusage, median) is printed
too: on a machine shared with other work the wall time measures the load as much as parallax.

Copies: writes a stack of the largest number of independent copies of DIR with
tests/peers/stack.py (copy k is the same whatever the number of copies), and runs the export
on the first K copies for each K. Prints the median CPU time and wall time, the peak resident
memory (the largest over the runs, from wait4), their ratios to the first K, and the stories
of one run's export scored as tests/peers/stories.py scores them (number, largest, purity,
inverse purity, stories mixing copies).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


sys.path.insert(0, HERE)
import stories  # noqa: E402


def run_export(parallax, folder, out):
    """One export of folder into the file out: (wall s, CPU s, peak RSS MB)."""
    t0 = time.perf_counter()
    with open(out, "wb") as f:
        p = subprocess.Popen([parallax, "export", folder, "--format", "json"], stdout=f)
        _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"parallax export {folder} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def copies(a):
    counts = [int(x) for x in a.copies.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        full = os.path.join(tmp, "stack")
        subprocess.run([sys.executable, os.path.join(HERE, "stack.py"), full,
                        "--copies", str(max(counts)), "--source", a.dir],
                       check=True, stdout=subprocess.DEVNULL)
        for k in counts:
            folder = os.path.join(tmp, f"x{k}")
            os.makedirs(folder)
            for c in range(k):
                os.symlink(os.path.join(full, f"k{c}"), os.path.join(folder, f"k{c}"))
            out = os.path.join(tmp, "export.json")
            runs = [run_export(a.parallax, folder, out) for _ in range(a.runs)]
            with open(out, encoding="utf-8") as f:
                export = json.load(f)
            events = [stories.event(d["path"]) for d in export["documents"]]
            story = stories.story_of_reports(export)
            p, i, n, _, largest = stories.score(events, story)
            rows.append((k, len(story), statistics.median(r[1] for r in runs),
                         statistics.median(r[0] for r in runs), max(r[2] for r in runs),
                         n, largest, p, i, stories.mixed_copies(events, story)))
    b = rows[0]
    print(f"{'copies':>6} {'reports':>7} {'cpu s':>7} {'x cpu':>6} {'wall s':>7} {'rss MB':>7} "
          f"{'x rss':>6} {'stories':>7} {'largest':>7} {'purity':>6} {'inverse':>7} {'mixed':>5}")
    for k, n, cpu, wall, rss, ns, largest, p, i, mixed in rows:
        print(f"{k:>6} {n:>7} {cpu:>7.2f} {cpu / b[2]:>6.2f} {wall:>7.2f} {rss:>7.1f} "
              f"{rss / b[4]:>6.2f} {ns:>7} {largest:>7} {p:>6.3f} {i:>7.3f} {mixed:>5}")


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
    ap.add_argument("--copies", help="stack sizes, e.g. 1,2,4,8 (instead of --sizes)")
    ap.add_argument("--runs", type=int)
    a = ap.parse_args()
    if a.copies:
        a.runs = a.runs or 3
        return copies(a)
    a.runs = a.runs or 7
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
