#!/usr/bin/env python3
"""Write assets/lexicon/frequency-en.tsv: the background English word frequencies parallax blends
with the loaded reports' own term rarity (so a pair of sentences is weighed the same alone or in a
batch).

usage: pip install wordfreq==3.1.1 && python3 tests/tools/make_frequency_asset.py
Source: wordfreq 3.1.1 (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0), its "large" English
list, which blends news (NewsCrawl, GlobalVoices), Wikipedia, books, subtitles and web text.
Each line: word<TAB>Zipf frequency (log10 of occurrences per billion words, 1 decimal), for the
N most frequent words that are plain lowercase words (letters, inner apostrophes/hyphens)."""
import os, re, sys
from wordfreq import top_n_list, zipf_frequency

N = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "assets", "lexicon", "frequency-en.tsv")
word = re.compile(r"^[a-z][a-z'\-]*$")
rows = []
for w in top_n_list("en", N * 2, wordlist="large"):
    if word.match(w):
        rows.append((w, zipf_frequency(w, "en", wordlist="large")))
    if len(rows) >= N:
        break
with open(out, "w", encoding="utf-8") as f:
    f.write("# Background English word frequencies (Zipf scale) from wordfreq 3.1.1, data CC BY-SA 4.0.\n")
    f.write("# Made by tests/tools/make_frequency_asset.py; see assets/lexicon/README.md.\n")
    for w, z in rows:
        f.write(f"{w}\t{z:.1f}\n")
print(f"wrote {len(rows)} words to {os.path.normpath(out)}")
