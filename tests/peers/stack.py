#!/usr/bin/env python3
"""Write K independent copies of a stack of reports (ECB+ by default) into a folder.

usage: tests/peers/stack.py OUT [--copies K] [--source DIR]

Copy 0 is the source as it is. Copy k >= 1 of each report keeps its first line (its lead) and
shuffles the other lines (one sentence per line in ECB+), and replaces every content word and
digit through a substitution of its own, so copies share no vocabulary and do not link:

- content words (ASCII letters, not in assets/stopwords-en.txt) are split into a stem and a
  common suffix (-ing, -ed, -s), and the stem is replaced by another stem of the source's
  vocabulary through a fixed permutation of all stems, seeded by k; the suffix and the
  capitalisation are kept, so "Earthquakes" and "earthquake" stay one word family;
- digits go through a permutation of 0-9 seeded by k, so numbers stay numbers and distinct
  numbers stay distinct.

Stopwords and punctuation are unchanged, so sentence splitting and the function words the
engine ignores behave as in the source. Each copy is a faithful stack of the same shape whose
reports relate to each other as the source's do, and to other copies' reports no more than
reports of unrelated events do. Files are written as OUT/kK/TOPIC/kK_NAME (copy 0 too), so
the names are unique and `tests/peers/stories.py` reads the copy, topic and event back from
them. Deterministic: the same command writes the same bytes.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
WORD = re.compile(r"[A-Za-z]+")
SUFFIXES = ("ing", "ed", "s")


def stopwords():
    with open(os.path.join(REPO, "assets", "stopwords-en.txt"), encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and not w.startswith("#")}


def split(word):
    """(stem, suffix) of a lowercase word: the longest common suffix leaving 4 letters."""
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 4:
            return word[: -len(s)], s
    return word, ""


def recase(model, word):
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[0].isupper():
        return word[0].upper() + word[1:]
    return word


def default_source():
    """The shared ECB+ folder next to the checkout (or next to a parent, for a worktree)."""
    d = REPO
    while True:
        cand = os.path.join(os.path.dirname(d), "shared", "corpora", "ecbplus")
        if os.path.isdir(cand) or os.path.dirname(d) == d:
            return cand
        d = os.path.dirname(d)


def reports(source):
    out = []
    for root, _, names in os.walk(source):
        for n in names:
            if n.endswith(".txt"):
                out.append(os.path.join(root, n))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--source", default=default_source())
    a = ap.parse_args()
    stop = stopwords()
    files = reports(a.source)
    if not files:
        sys.exit(f"no .txt reports under {a.source}")
    texts = []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    stems = sorted(
        {split(w.lower())[0] for t in texts for w in WORD.findall(t) if w.lower() not in stop}
    )
    for k in range(a.copies):
        rng = random.Random(f"stack-copy-{k}")
        if k == 0:
            stem_map = None
            digits = None
        else:
            shuffled = stems[:]
            rng.shuffle(shuffled)
            stem_map = dict(zip(stems, shuffled))
            perm = list("0123456789")
            rng.shuffle(perm)
            digits = str.maketrans("0123456789", "".join(perm))

        def word(m):
            w = m.group(0)
            low = w.lower()
            if low in stop:
                return w
            stem, suffix = split(low)
            return recase(w, stem_map[stem] + suffix)

        for f, text in zip(files, texts):
            rel = os.path.relpath(f, a.source)
            target = os.path.join(a.out, f"k{k}", os.path.dirname(rel), f"k{k}_{os.path.basename(rel)}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if stem_map is not None:
                lines = text.split("\n")
                body = [l for l in lines[1:] if l.strip()]
                rng.shuffle(body)
                text = "\n".join([lines[0]] + body) + "\n"
                text = WORD.sub(word, text).translate(digits)
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(text)
    print(f"{a.copies} copies of {len(files)} reports in {a.out}")


if __name__ == "__main__":
    sys.exit(main())
