#!/usr/bin/env python3
"""Fit the story clustering's parameters on ECB+: one command, in-sample figures.

usage: tests/peers/fit_stories.py [DIR] [--merge 0.3,0.35,...] [--company 1,2,3,5,8]
                                  [--stack STACKDIR]

Runs the story harness (`cargo bench --bench stories -- DIR --company C --fit GRID`, see
tests/bench/stories.rs: the engine's report similarities and its `stories` function, without
the rest of the alignment) for each `company` value over the grid of `merge` thresholds, and
scores each clustering against the ECB+ events with tests/peers/stories.py's scoring. Prints
purity, inverse purity, their harmonic mean F, the number of stories and the largest, then the
best F among the settings with purity >= 0.90 and inverse purity >= 0.80 (the issue's bar).
The figures are in-sample: the parameters are chosen on the same reports they are scored on.

With --stack, the chosen setting is also scored on a stack written by tests/peers/stack.py
(not used to choose: a check that the setting holds when the stack grows).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import stack  # noqa: E402  (for the default ECB+ location)
import stories  # noqa: E402


def clusterings(dirname, company, merges):
    """[(params, story of each report)] and the events, from the harness."""
    cmd = ["cargo", "bench", "--quiet", "--bench", "stories", "--", dirname,
           "--company", str(company), "--fit", ",".join(str(m) for m in merges)]
    out = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, check=True, text=True).stdout
    lines = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    events = [stories.event(p) for p in lines[0]["paths"]]
    return events, [(l["params"], l["story"]) for l in lines[1:]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=stack.default_source())
    ap.add_argument("--merge", default=",".join(f"{x / 100:.2f}" for x in range(30, 81, 5)))
    ap.add_argument("--company", default="1,2,3,5,8")
    ap.add_argument("--stack")
    a = ap.parse_args()
    merges = [float(x) for x in a.merge.split(",")]
    rows = []
    print(f"{'company':>7} {'merge':>6} {'purity':>7} {'inverse':>7} {'F':>6} {'stories':>7} {'largest':>7}")
    for company in [int(x) for x in a.company.split(",")]:
        events, runs = clusterings(a.dir, company, merges)
        for params, story in runs:
            p, i, k, _, largest = stories.score(events, story)
            f = 2 * p * i / (p + i) if p + i else 0.0
            rows.append((f, p, i, company, params["merge"], k, largest))
            print(f"{company:>7} {params['merge']:>6.2f} {p:>7.3f} {i:>7.3f} {f:>6.3f} {k:>7} {largest:>7}")
    ok = [r for r in rows if r[1] >= 0.90 and r[2] >= 0.80]
    if not ok:
        print("no setting reaches purity 0.90 and inverse purity 0.80")
        return 1
    f, p, i, company, merge, k, largest = max(ok, key=lambda r: (r[0], -r[4]))
    print(f"best (in-sample): company {company}, merge {merge:.2f}: purity {p:.3f}, "
          f"inverse purity {i:.3f}, F {f:.3f}, {k} stories, largest {largest}")
    if a.stack:
        events, runs = clusterings(a.stack, company, [merge])
        print(f"on the stack {a.stack}:")
        stories.report(events, runs[0][1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
