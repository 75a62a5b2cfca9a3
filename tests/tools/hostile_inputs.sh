#!/usr/bin/env bash
# Time and peak memory of the release binary on the hostile inputs of issue 12 (items 3–9).
# Usage: tests/tools/hostile_inputs.sh [path/to/parallax]   (default: target/release/parallax)
# Prints one line per case: case, wall seconds, max RSS in MB, exit code.
set -u
bin=$(realpath "${1:-target/release/parallax}")
seeds=$(realpath seeds)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

python3 - <<'PY'
import os
open("brackets160k.md", "w").write("[" * 160_000)
open("brackets1m.md", "w").write("[" * (1 << 20))
open("openlinks1m.md", "w").write("[x](" * (1 << 18))
PY
python3 - "$seeds" <<'PY'
import os, sys
seeds = sys.argv[1]
text = open(os.path.join(seeds, sorted(os.listdir(seeds))[3])).read()
marks = ["\u200b", "\u00ad", "\u2060", "\U000e0041"]
out, n = [], 0
for w in text.split(" "):
    if sum(c.isalpha() for c in w) >= 5:
        out.append(w[:2] + marks[n % 4] + w[2:]); n += 1
    else:
        out.append(w)
salted = " ".join(out)
open("salted.txt", "w").write(salted)
# About 1 MB of each kind.
open("salted1m.txt", "w").write((salted + "\n\n") * (1_000_000 // len(salted.encode())))
body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
shy = body.replace("ing", "&shy;ing")
open("shy1m.html", "w").write("<html><body>" + shy * (1_000_000 // len(shy)) + "</body></html>")
ru = "Президент России Владимир Путин и президент США Дональд Трамп встретятся в Женеве в понедельник. "
open("russian1m.txt", "w").write(ru * (1_000_000 // len(ru.encode())))
reps = 1_000_000 // len(text) + 1
open("utf32le1m.txt", "wb").write(("\ufeff" + text * reps).encode("utf-32-le")[:1_000_000])
open("utf16nobom1m.txt", "wb").write((text * reps).encode("utf-16-le")[:1_000_000])
open("fake1m.pdf.txt", "wb").write(b"%PDF-1.7\n" + bytes(range(32, 127)) * (1_000_000 // 95))
PY
# A folder tree 1,000 and 2,000 levels deep with a report at the bottom.
for depth in 1000 2000; do
  python3 - "$depth" "$seeds" <<'PY'
import os, sys
depth, seeds = int(sys.argv[1]), sys.argv[2]
root = f"deep{depth}"
os.makedirs(root, exist_ok=True)
fd = os.open(root, os.O_RDONLY)
for i in range(depth):
    os.mkdir("d", dir_fd=fd)
    nfd = os.open("d", os.O_RDONLY, dir_fd=fd)
    os.close(fd); fd = nfd
    if i in (5, depth - 1):
        f = os.open("r.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(f, open(os.path.join(seeds, sorted(os.listdir(seeds))[0]), "rb").read()); os.close(f)
os.close(fd)
PY
done
# A hostile file name.
name=$'evil\e]52;c;SGVsbG8=\a\e]0;owned\a\nparallax: refused: forged.txt'
cp "$seeds/$(ls "$seeds" | head -n 1)" "$name"

run() { # case, then the command
  local case=$1; shift
  /usr/bin/time -f "%e %M %x" -o time.out "$@" >/dev/null 2>stderr.out
  read -r secs kb code < <(tail -n 1 time.out)
  printf '%-22s %6ss %7.1f MB  exit %s  %s\n' "$case" "$secs" "$(echo "$kb/1024" | bc -l)" "$code" \
    "$(head -c 90 stderr.out | tr '\n\033' '|?')"
}
run md-160k-brackets    "$bin" export brackets160k.md
run md-1MiB-brackets    "$bin" export brackets1m.md
run md-1MiB-open-links  "$bin" export openlinks1m.md
run salted-seed-vs-seed "$bin" export "$seeds/$(ls "$seeds" | head -n 1)" salted.txt
run salted-1MB          "$bin" export salted1m.txt
run shy-html-1MB        "$bin" export shy1m.html
run russian-1MB         "$bin" export russian1m.txt
run utf32le-1MB         "$bin" export utf32le1m.txt
run utf16-no-bom-1MB    "$bin" export utf16nobom1m.txt
run pdf-1MB             "$bin" export fake1m.pdf.txt
run folder-1000-deep    "$bin" sentences deep1000
run folder-2000-deep    "$bin" sentences deep2000
run hostile-name-md     "$bin" export --format md "$name"
run width-1000          "$bin" compare --plain --width 1000 "$seeds"/002_*.txt "$seeds"/003_*.txt
run keymap-dev-zero     "$bin" --plain --keymap /dev/zero
run export-o-new-file   "$bin" export -o "$work/out.json"
