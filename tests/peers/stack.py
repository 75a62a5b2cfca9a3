#!/usr/bin/env python3
"""Write K independent copies of a stack of reports (ECB+ by default) into a folder.

usage: tests/peers/stack.py OUT [--copies K] [--source DIR]

Copy 0 is the source as it is. Copy k >= 1 of each report keeps its first line (its lead) and
shuffles the other lines (one sentence per line in ECB+), and replaces every content word and
digit through a substitution of its own, so copies share no vocabulary and do not link:

- content words (ASCII letters, not in assets/stopwords-en.txt) are split into a stem and a
  common suffix (-ing, -ed, -s), and the stem is replaced by another stem of the source's
  vocabulary through a fixed permutation seeded by k; the suffix and the capitalisation are
  kept, so "Earthquakes" and "earthquake" stay one word family. The permutation moves each
  stem to another of about the same background frequency (stems sorted by the Zipf frequency
  of their commonest form in assets/lexicon/frequency-en.tsv, cut into bands of BAND stems in
  a fixed shuffled order; copy k moves each stem k places along its band, so no stem maps to
  itself and no two copies map a stem alike; at most BAND / 2 copies): the engine weighs a word by that
  frequency, and a permutation over all stems made the copies' words rarer or commoner than
  the source's, so a copy alone cost up to a quarter more than the source and the stack's
  growth measured the generator, not the engine;
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
import hashlib
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


# Stems per frequency band of the permutation (see the module documentation).
BAND = 32


def zipf_table():
    """Background Zipf frequency of the words of assets/lexicon/frequency-en.tsv."""
    out = {}
    with open(os.path.join(REPO, "assets", "lexicon", "frequency-en.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and "\t" in line:
                w, z = line.rstrip("\n").split("\t")
                out[w] = float(z)
    return out


def bands(stems, key):
    """The stems in frequency bands: sorted by `key`, cut into bands of BAND (a short last band
    joins the one before), each band in a fixed shuffled order."""
    # Ties (every stem of an unlisted word has frequency 0) in an order unrelated to the
    # spelling: alphabetical neighbours are often variants of one name ("Zelensky",
    # "Zelenskyy"), which the engine folds together, so a copy would share names with another.
    order = sorted(stems, key=lambda s: (key[s], hashlib.sha1(s.encode()).digest()))
    rng = random.Random("stack-bands")
    out = []
    starts = list(range(0, len(order), BAND))
    if len(starts) > 1 and len(order) - starts[-1] < BAND // 2:
        starts.pop()
    for n, lo in enumerate(starts):
        hi = starts[n + 1] if n + 1 < len(starts) else len(order)
        band = order[lo:hi]
        rng.shuffle(band)
        out.append(band)
    return out


def rotation(banded, k):
    """Copy k's map: each stem to the one k places after it in its band. Copies below BAND map
    a stem to k different stems, none to itself: a random permutation per copy would give two
    copies the same word for one source word once in a band's length, and reports of a line or
    two would then share words across copies."""
    return {s: band[(i + k) % len(band)] for band in banded for i, s in enumerate(band)}


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
    zipf = zipf_table()
    # Each stem's background frequency: that of its commonest form (0 when none is listed).
    key = {}
    for t in texts:
        for w in WORD.findall(t):
            low = w.lower()
            if low not in stop:
                stem = split(low)[0]
                key[stem] = max(key.get(stem, 0.0), zipf.get(low, 0.0))
    stems = sorted(key)
    if a.copies > BAND // 2:
        sys.exit(f"at most {BAND // 2} copies (the frequency bands hold {BAND} stems)")
    banded = bands(stems, key)
    for k in range(a.copies):
        rng = random.Random(f"stack-copy-{k}")
        if k == 0:
            stem_map = None
            digits = None
        else:
            stem_map = rotation(banded, k)
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
