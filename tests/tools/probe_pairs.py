"""Judge the probe pairs of tests/data/probes/details.tsv as two one-sentence reports each and
print the ones whose relation or difference kind is not the expected one, then the count.

usage: python3 tests/tools/probe_pairs.py [PARALLAX_BINARY]   (default target/release/parallax)
Each pair is exported as a folder of two reports (`parallax export DIR`), as a user would
compare two short reports, and its one link (or none) is read from the JSON."""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "target", "release", "parallax")
wrong = total = 0
with tempfile.TemporaryDirectory() as tmp:
    for line in open(os.path.join(HERE, "..", "data", "probes", "details.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        expect, a, b = line.rstrip("\n").split("\t")
        d = tempfile.mkdtemp(dir=tmp)
        for name, text in (("a.txt", a), ("b.txt", b)):
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text + "\n")
        ex = json.loads(subprocess.run([BIN, "export", d], capture_output=True, text=True, check=True).stdout)
        rel, kinds = "unrelated", set()
        for link in ex["links"]:
            rel = link["relation"]
            kinds = {x["kind"] for x in link.get("differences", [])}
        e = expect.split(":")
        ok = {"s": rel == "shared", "u": rel == "unrelated",
              "d": rel == "divergent" and (len(e) == 1 or e[1] in kinds)}[e[0]]
        total += 1
        if not ok:
            wrong += 1
            print(f"expected {expect}, got {rel} {sorted(kinds)}\n  A: {a}\n  B: {b}")
print(f"{wrong} of {total} probe pairs judged otherwise than expected")
