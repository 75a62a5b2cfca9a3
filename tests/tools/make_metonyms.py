"""Write assets/lexicon/metonyms.tsv: places and seats that stand for the larger whole they are part
of (the Kremlin / Moscow / Russia, Whitehall / London), from WordNet 3.0's part holonyms.

usage: python3 tests/tools/make_metonyms.py [WORDNET_DICT_DIR]   (default /usr/share/wordnet,
the Debian package wordnet-base; Princeton WordNet 3.0, WordNet License, see the asset's header)

Only proper nouns (capitalised lemmas) of locations, buildings and groups are taken, and only
capitals, seats and landmarks of a country, state or city (the part is itself a capital,
building or city; the whole a country, state or city), so the table says "may stand for", never
"is the same as" for two places of one kind (two cities of one country stay two cities)."""
import os, sys

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
here = os.path.dirname(os.path.abspath(__file__))
out_path = os.path.normpath(os.path.join(here, "..", "..", "assets", "lexicon", "metonyms.tsv"))
syn = {}
for line in open(os.path.join(wn, "data.noun"), encoding="latin-1"):
    if line.startswith("  "):
        continue
    f = line.split(" | ")[0].split()
    off, lex, n = f[0], int(f[1]), int(f[3], 16)
    words = [f[4 + 2 * k] for k in range(n)]
    k = 4 + 2 * n
    p = int(f[k]); k += 1
    ptrs = []
    for _ in range(p):
        ptrs.append((f[k], f[k + 1])); k += 4
    gloss = line.split(" | ", 1)[1] if " | " in line else ""
    syn[off] = (lex, words, ptrs, gloss)

def proper(words):
    return [w.replace("_", " ") for w in words if w[0].isupper() and "(" not in w]

def kind(off):
    """'country', 'city', 'seat' (a capital, a building or citadel of government) or None."""
    lex, _, ptrs, gloss = syn[off]
    isa = {t for s, t in ptrs if s in ("@i", "@")}
    heads = set()
    for t in isa:
        heads |= set(w.lower() for w in syn[t][1])
    if heads & {"country", "state", "nation", "commonwealth_country", "european_country", "european_nation",
                "asian_country", "asian_nation", "african_country", "african_nation", "south_american_country",
                "south_american_nation", "american_state"}:
        return "country"
    if heads & {"national_capital", "state_capital", "provincial_capital", "capital"}:
        return "capital"
    if heads & {"city", "metropolis", "urban_center", "port"}:
        return "city"
    if lex in (6, 14) and any(w in gloss for w in ("government", "offices of", "residence of", "headquarters")):
        return "seat"
    return None

pairs = set()
for off, (lex, words, ptrs, gloss) in syn.items():
    if lex not in (6, 14, 15):
        continue
    parts = proper(words)
    if not parts:
        continue
    k = kind(off)
    if k not in ("capital", "seat"):
        continue
    for s, t in ptrs:
        if s != "#p" or t not in syn:
            continue
        wk = kind(t)
        if wk not in ("country", "capital", "city"):
            continue
        for whole in proper(syn[t][1]):
            for part in parts:
                if part.lower() != whole.lower():
                    pairs.add((part.lower(), whole.lower()))
with open(out_path, "w", encoding="utf-8") as o:
    o.write("# Places and seats that may stand for the whole they are part of (\"the Kremlin\" for Moscow,\n"
            "# Moscow for Russia): part<TAB>whole, lowercase. Made by tests/tools/make_metonyms.py from\n"
            "# Princeton WordNet 3.0 part holonyms (WordNet License: Copyright 2006 by Princeton University,\n"
            "# all rights reserved; permission to use, copy, modify and distribute for any purpose without fee\n"
            "# is granted provided the copyright notice appears; THE SOFTWARE IS PROVIDED \"AS IS\").\n")
    for p, w in sorted(pairs):
        o.write(f"{p}\t{w}\n")
print(f"{len(pairs)} pairs -> {os.path.relpath(out_path)}")
