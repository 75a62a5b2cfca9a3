#!/usr/bin/env python3
"""Score parallax's quote extraction against a hand annotation.

Usage: python3 tests/tools/score_quotes.py [ANNOTATION] [--corpus DIR] [-- COMMAND...]
Default: tests/data/quotes/seed_quotes.json against `cargo run -q --release -- export seeds/*.txt`.
An annotation with a "files" list (paths under --corpus DIR) is scored against
`cargo run -q --release -- export DIR/FILE...` in that order. `-- COMMAND...` replaces the
command (it must print the JSON export).

An annotated instance (doc, exact text) is located in the exported document's text; a
predicted direct instance matches it when they overlap by at least half of the longer one
(one-to-one, best overlap first). Reported:
- instance precision / recall (direct quotes only);
- speaker accuracy over matched instances: names equal after folding, or the same surname;
- cross-report grouping F1 over pairs of matched instances (same annotated group vs same
  predicted quote), pairs from different documents only.
"""
import glob, json, subprocess, sys, unicodedata

def fold(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())

def same_speaker(a, b):
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return fa == fb
    if fa == fb:
        return True
    sa, sb = fa.split()[-1], fb.split()[-1]
    return sa == sb or (len(sa) >= 5 and len(sb) >= 5 and sa[:4] == sb[:4] and abs(len(sa) - len(sb)) <= 2)

MARKS = [m.encode() for m in "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u201e"]

def locate(text, words):
    """The occurrence of `words` right after a quotation mark (the first one otherwise)."""
    at = text.find(words)
    first = at
    while at >= 0:
        if any(text[:at].endswith(m) for m in MARKS):
            return at
        at = text.find(words, at + 1)
    return first

def main():
    args = sys.argv[1:]
    ann_path = "tests/data/quotes/seed_quotes.json"
    corpus = None
    if args and not args[0].startswith("--"):
        ann_path = args.pop(0)
    if len(args) >= 2 and args[0] == "--corpus":
        corpus = args[1]
        args = args[2:]
    annotation = json.load(open(ann_path))
    if args and args[0] == "--":
        cmd = args[1:]
    elif "files" in annotation:
        if corpus is None:
            sys.exit("this annotation lists corpus files: give --corpus DIR")
        cmd = ["cargo", "run", "-q", "--release", "--", "export"] + [f"{corpus}/{f}" for f in annotation["files"]]
    else:
        cmd = ["cargo", "run", "-q", "--release", "--", "export"] + sorted(glob.glob("seeds/*.txt"))
    export = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    # Offsets are byte offsets: search the UTF-8 bytes.
    texts = [d["text"].encode() for d in export["documents"]]
    gold = []
    for a in annotation["instances"]:
        start = locate(texts[a["doc"]], a["text"].encode())
        if start < 0:
            sys.exit(f"annotation text not found in doc {a['doc']}: {a['text']!r}")
        gold.append(dict(a, start=start, end=start + len(a["text"].encode())))
    pred = []
    for qi, q in enumerate(export["quotes"]):
        for i in q["instances"]:
            if i.get("kind", "direct") == "direct":
                pred.append(dict(i, quote=qi))
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p["doc"] != g["doc"]:
                continue
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            longer = max(g["end"] - g["start"], p["end"] - p["start"])
            if ov > 0 and ov * 2 >= longer:
                cands.append((ov / longer, gi, pi))
    match, used_p = {}, set()
    for _, gi, pi in sorted(cands, reverse=True):
        if gi not in match and pi not in used_p:
            match[gi] = pi
            used_p.add(pi)
    tp = len(match)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    speaker_ok = sum(1 for gi, pi in match.items() if same_speaker(gold[gi]["speaker"], pred[pi].get("speaker")))
    speaker_acc = speaker_ok / tp if tp else 0.0
    items = list(match.items())
    gp = pp = both = 0
    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            (ga, pa), (gb, pb) = items[x], items[y]
            if gold[ga]["doc"] == gold[gb]["doc"]:
                continue
            g_same = gold[ga]["group"] == gold[gb]["group"]
            p_same = pred[pa]["quote"] == pred[pb]["quote"]
            gp += g_same
            pp += p_same
            both += g_same and p_same
    gprec = both / pp if pp else 1.0
    grec = both / gp if gp else 1.0
    f1 = 2 * gprec * grec / (gprec + grec) if gprec + grec else 0.0
    print(f"gold instances {len(gold)}, predicted {len(pred)}, matched {tp}")
    print(f"instance precision {precision:.3f}  recall {recall:.3f}")
    print(f"speaker accuracy {speaker_acc:.3f} ({speaker_ok}/{tp})")
    print(f"grouping pairwise precision {gprec:.3f} recall {grec:.3f} F1 {f1:.3f} ({both}/{pp} predicted, {gp} gold pairs)")
    for gi, g in enumerate(gold):
        if gi not in match:
            print("  missed:", g["doc"], repr(g["text"]))
        elif not same_speaker(g["speaker"], pred[match[gi]].get("speaker")):
            print("  speaker:", g["doc"], repr(g["text"]), g["speaker"], "->", pred[match[gi]].get("speaker"))
    for pi, p in enumerate(pred):
        if pi not in used_p:
            print("  extra:", p["doc"], repr(p["text"]))

if __name__ == "__main__":
    main()
