#!/usr/bin/env python3
"""Score parallax's stories against the events of ECB+ (or of a stack of copies of it).

usage: tests/peers/stories.py DIR [--parallax BIN] [--export FILE.json]

Runs `BIN export DIR --format json` (or reads an export already written, with --export) and
compares its `stories` (schema version 2) with the true events, read from the file names:
`T_Necb.txt` and `T_Necbplus.txt` are the two events of ECB+ topic T, and a `kK_` prefix (as
tests/peers/stack.py writes) names copy K of the stack, so the event is (copy, topic, ecb or
ecbplus). Prints:

- purity: the share of reports in their story's majority event (stories do not mix events);
- inverse purity: the share of reports in their event's majority story (events are not split);
- the number of stories and of events, the largest story, and the stories that mix copies of
  a stack (copies are independent, so there should be none).

Reports whose names carry no event are left out of the scores (and counted). Exits 1 if the
export has no stories.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
NAME = re.compile(r"(?:k(\d+)_)?(\d+)_\d+(ecbplus|ecb)\.")


def event(path):
    """(copy, topic, 'ecb' or 'ecbplus') of a report's path, or None."""
    m = NAME.match(os.path.basename(path))
    return (m.group(1) or "0", m.group(2), m.group(3)) if m else None


def score(events, story):
    """(purity, inverse purity, stories, events, largest story) over reports with an event."""
    by_story = collections.defaultdict(list)
    by_event = collections.defaultdict(list)
    n = 0
    for e, s in zip(events, story):
        if e is None:
            continue
        n += 1
        by_story[s].append(e)
        by_event[e].append(s)
    largest = max(collections.Counter(story).values(), default=0)
    if n == 0:
        return 0.0, 0.0, len(set(story)), 0, largest
    majority = lambda groups: sum(max(collections.Counter(v).values()) for v in groups.values())
    return majority(by_story) / n, majority(by_event) / n, len(set(story)), len(by_event), largest


def mixed_copies(events, story):
    """The number of stories holding reports of more than one copy."""
    copies = collections.defaultdict(set)
    for e, s in zip(events, story):
        if e is not None:
            copies[s].add(e[0])
    return sum(1 for c in copies.values() if len(c) > 1)


def story_of_reports(export):
    """The story of each document of an export (schema version 2)."""
    story = [None] * len(export["documents"])
    for s in export.get("stories", []):
        for r in s["reports"]:
            story[r] = s["id"]
    return story


def report(events, story):
    p, i, k, e, largest = score(events, story)
    missing = sum(1 for x in events if x is None)
    print(f"reports {len(story)}  events {e}  stories {k}  largest story {largest}")
    print(f"purity {p:.3f}  inverse purity {i:.3f}  stories mixing copies {mixed_copies(events, story)}")
    if missing:
        print(f"({missing} reports without an event in their name left out)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--parallax", default=os.path.join(REPO, "target", "release", "parallax"))
    ap.add_argument("--export", help="read this export instead of running parallax")
    a = ap.parse_args()
    if a.export:
        with open(a.export, encoding="utf-8") as f:
            export = json.load(f)
    else:
        if not os.path.exists(a.parallax):
            sys.exit(f"no parallax binary at {a.parallax}: run `cargo build --release` first")
        out = subprocess.run([a.parallax, "export", a.dir, "--format", "json"],
                             stdout=subprocess.PIPE, check=True).stdout
        export = json.loads(out)
    if not export.get("stories"):
        print(f"the export (version {export.get('version')}) has no stories", file=sys.stderr)
        return 1
    events = [event(d["path"]) for d in export["documents"]]
    report(events, story_of_reports(export))
    return 0


if __name__ == "__main__":
    sys.exit(main())
