"""Write the three WordNet tables of assets/lexicon from Princeton WordNet 3.0:

- metonyms.tsv: places and seats that stand for the larger whole they are part of (the Kremlin /
  Moscow / Russia, Whitehall / London), from the part holonyms;
- kinds.tsv: a word that names the same thing as a two-word noun, or a kind of it ("mayday" is a
  "distress call"), from the synsets and their direct hypernyms, so that "a mayday call" and "a
  distress call" are one wording, not a conflict;
- synonyms.tsv: common nouns and verbs whose most frequent sense is one synset ("quake" /
  "earthquake", "perish" / "die"), each with the synset's most frequent member, so that two
  reports wording one event differently share the term.

usage: python3 tests/tools/make_wordnet_tables.py [WORDNET_DICT_DIR]   (default /usr/share/wordnet,
the Debian package wordnet-base; Princeton WordNet 3.0, WordNet License, see the assets' headers)

For metonyms.tsv, only proper nouns (capitalised lemmas) of locations, buildings and groups are taken, and only
capitals, seats and landmarks of a country, state or city (the part is itself a capital,
building or city; the whole a country, state or city), so the table says "may stand for", never
"is the same as" for two places of one kind (two cities of one country stay two cities)."""
import os, sys

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
here = os.path.dirname(os.path.abspath(__file__))
lexicon_dir = os.path.normpath(os.path.join(here, "..", "..", "assets", "lexicon"))
out_path = os.path.join(lexicon_dir, "metonyms.tsv")
kinds_path = os.path.join(lexicon_dir, "kinds.tsv")
synonyms_path = os.path.join(lexicon_dir, "synonyms.tsv")
LICENCE = ("# Princeton WordNet 3.0 (WordNet License: Copyright 2006 by Princeton University, all rights\n"
           "# reserved; permission to use, copy, modify and distribute for any purpose without fee is granted\n"
           "# provided the copyright notice appears; THE SOFTWARE IS PROVIDED \"AS IS\").\n")
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


def write_table(path, header, rows):
    """Write `header` (comment lines), the licence notice, then one `a<TAB>b[<TAB>kind]` line per row."""
    with open(path, "w", encoding="utf-8") as o:
        o.write(header + LICENCE)
        for row in sorted(rows):
            o.write("\t".join(row) + "\n")
    print(f"{len(rows)} pairs -> {os.path.relpath(path)}")


write_table(out_path,
            "# Places and seats that may stand for the whole they are part of (\"the Kremlin\" for Moscow,\n"
            "# Moscow for Russia): part<TAB>whole, lowercase. Made by tests/tools/make_wordnet_tables.py\n"
            "# from the part holonyms of\n", pairs)

# kinds.tsv. Common words only (background frequency from assets/lexicon/frequency-en.tsv): the
# two-word noun's words at Zipf >= COMPOUND_ZIPF, the single word at >= WORD_ZIPF, so the table
# holds what news text uses and stays small.
COMPOUND_ZIPF, WORD_ZIPF = 3.5, 2.5
zipf = {}
for line in open(os.path.join(lexicon_dir, "frequency-en.tsv"), encoding="utf-8"):
    if not line.startswith("#"):
        w, z = line.rstrip("\n").split("\t")
        zipf[w] = float(z)

def lemmas(words):
    return sorted({w.split("(")[0].lower().replace("_", " ") for w in words})

def common(phrase, floor):
    return all(zipf.get(x, 0.0) >= floor for x in phrase.split())

kinds = set()
for off, (lex, words, ptrs, gloss) in syn.items():
    own = lemmas(words)
    singles = [w for w in own if " " not in w and w.isalpha() and common(w, WORD_ZIPF)]
    if not singles:
        continue
    broader = [w for w in own if w.count(" ") == 1]
    for s, t in ptrs:
        if s in ("@", "@i") and t in syn:
            broader += [w for w in lemmas(syn[t][1]) if w.count(" ") == 1]
    for c in broader:
        if common(c, COMPOUND_ZIPF):
            for w in singles:
                if w not in c.split():
                    kinds.add((w, c))
write_table(kinds_path,
            "# A word that names a two-word noun or a kind of it (\"mayday\" is a \"distress call\"):\n"
            "# word<TAB>noun, lowercase. Made by tests/tools/make_wordnet_tables.py from the noun synsets\n"
            "# and their direct hypernyms of\n", kinds)

# synonyms.tsv. A word and another share a term when the most frequent sense of each (the first
# synset WordNet's index lists for it) is the same synset: first senses only, and mutual, so
# "summit" (first sense: a peak) is not "top". Common single words only (Zipf >= SYNONYM_ZIPF,
# three letters or more, no stopword); a word whose noun and verb first senses point to different
# words is left out. Each word is written with its synset's most frequent member.
SYNONYM_ZIPF = 3.0
stopwords = {l.strip() for l in open(os.path.join(lexicon_dir, "..", "stopwords-en.txt"), encoding="utf-8")
             if l.strip() and not l.startswith("#")}

def senses(pos):
    members = {}
    for line in open(os.path.join(wn, f"data.{pos}"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split(" | ")[0].split()
        n = int(f[3], 16)
        members[f[0]] = [f[4 + 2 * k].split("(")[0].lower() for k in range(n)]
    first = {}
    for line in open(os.path.join(wn, f"index.{pos}"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split()
        pointers = int(f[3])
        first[f[0]] = f[4 + pointers + 2]
    return members, first

def usable(w):
    return w.isalpha() and len(w) >= 3 and w not in stopwords and zipf.get(w, 0.0) >= SYNONYM_ZIPF

chosen = {}
for pos in ("noun", "verb"):
    members, first = senses(pos)
    for lemma, off in first.items():
        if not usable(lemma):
            continue
        same = [w for w in members[off] if usable(w) and first.get(w) == off]
        if lemma not in same or len(same) < 2:
            continue
        rep = max(same, key=lambda w: (zipf[w], w))
        if rep != lemma:
            chosen.setdefault(lemma, set()).add(rep)
# An abbreviation of its representative ("sat" / Saturday, "jan") is also a word of its own ("sat"
# is a verb form), and so is an irregular past form (stemmed to its verb first): left alone.
irregular = {l.split("\t")[0].strip() for l in open(os.path.join(lexicon_dir, "irregular-verbs.tsv"), encoding="utf-8")
             if not l.startswith("#") and "\t" in l}
synonyms = {(w, next(iter(r))) for w, r in chosen.items()
            if len(r) == 1 and not next(iter(r)).startswith(w) and w not in irregular}
write_table(synonyms_path,
            "# Common words whose most frequent sense is one synset, each with that synset's most frequent\n"
            "# member (\"quake\" -> \"earthquake\"): word<TAB>representative, lowercase. Read by\n"
            "# src/align/synonyms.rs. Made by tests/tools/make_wordnet_tables.py from the index and data files of\n",
            synonyms)

# opposites.tsv. Verbs that state opposite things of one subject ("rose" / "fell", "accepted" /
# "rejected", "admitted" / "denied"): a WordNet antonym pointer between the two words in one of the
# first two senses of each (their main uses), common words only (Zipf >= SYNONYM_ZIPF). Reporting
# verbs WordNet does not oppose are added by hand (HAND_OPPOSITES), with the verbs of economic news
# that WordNet opposes only through another word ("cut" against "raise", "increase", "hike", "add":
# WordNet has raise/lower, increase/decrease) and the two results of a company's accounts
# (profit/loss, surplus/deficit), which are nouns but read the same way: one subject, one object.
# Read by src/align/opposites.rs.
HAND_OPPOSITES = {("confirm", "deny"), ("approve", "reject"), ("acquit", "convict"),
                  ("cut", "raise"), ("cut", "increase"), ("cut", "hike"), ("add", "cut"),
                  ("loss", "profit"), ("deficit", "surplus"),
                  # A person of the other sex ("a 34-year-old man" / "woman"); not the relational
                  # pairs (husband/wife, employer/employee), which tell one event from two sides.
                  ("man", "woman"), ("boy", "girl"), ("female", "male"),
                  # Parts of a day, typed as a date difference (third column); evening and night
                  # overlap, and so do afternoon and evening at their edges.
                  ("afternoon", "morning", "date"), ("evening", "morning", "date"),
                  ("morning", "night", "date"), ("afternoon", "night", "date")}

def verb_senses():
    out = {}
    for line in open(os.path.join(wn, "index.verb"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split()
        p, n = int(f[3]), int(f[2])
        out[f[0]] = f[4 + p + 2:4 + p + 2 + n]
    return out

verb_syn = {}
for line in open(os.path.join(wn, "data.verb"), encoding="latin-1"):
    if line.startswith("  "):
        continue
    f = line.split(" | ")[0].split()
    n = int(f[3], 16)
    words = [f[4 + 2 * k].split("(")[0].lower() for k in range(n)]
    k = 4 + 2 * n
    p = int(f[k]); k += 1
    ptrs = []
    for _ in range(p):
        ptrs.append((f[k], f[k + 1], f[k + 3])); k += 4
    verb_syn[f[0]] = (words, ptrs)
main_senses = verb_senses()
opposites = set(HAND_OPPOSITES)
for lemma, offs in main_senses.items():
    if not lemma.isalpha() or zipf.get(lemma, 0.0) < SYNONYM_ZIPF:
        continue
    for off in offs[:2]:
        words, ptrs = verb_syn[off]
        for sym, target, st in ptrs:
            src, tgt = int(st[:2], 16), int(st[2:], 16)
            if sym != "!" or src == 0 or words[src - 1] != lemma:
                continue
            other = verb_syn[target][0][tgt - 1]
            if (other.isalpha() and other != lemma and zipf.get(other, 0.0) >= SYNONYM_ZIPF
                    and target in main_senses.get(other, [])[:2]):
                opposites.add(tuple(sorted((lemma, other))))
write_table(os.path.join(lexicon_dir, "opposites.tsv"),
            "# Words that state opposite things of one subject (\"rise\" / \"fall\"): word<TAB>word, lowercase;\n"
            "# a third column \"date\" makes the pair a date difference (two parts of a day), not an opposite.\n"
            "# Made by tests/tools/make_wordnet_tables.py from the verb antonyms of the first two senses of\n"
            "# each word, plus by hand: " + ", ".join("/".join(p[:2]) for p in sorted(HAND_OPPOSITES)) + ", from\n",
            opposites)
