#!/usr/bin/env bash
# Time and peak memory of the release binary on the hostile inputs of issue 12 (items 3–9).
# Usage: tests/tools/hostile_inputs.sh [path/to/parallax]   (default: target/release/parallax)
# Prints one line per case: case, wall seconds, CPU seconds (user + system), max RSS in MB,
# exit code, the start of stderr. On a shared machine the CPU time is the figure to compare.
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
# Issue 12 items 1, 2 and 5 at 1 MB or less, and the HTML shapes the fuzz target `html` found
# (a parser reading markup the depth bound did not see), each about 1 MB.
python3 - "$seeds" <<'PY'
import os, sys
seeds = sys.argv[1]
names = sorted(os.listdir(seeds))
s = "Officials said the talks in Geneva would resume on Monday after a pause of three days. "
for k in "ab":
    open(f"repeat166k_{k}.txt", "w").write(s * 2000)
open("repeat1m.txt", "w").write(s * (1_000_000 // len(s)))
lines, n = [], 0
while sum(map(len, lines)) < 1_000_000:
    lines.append(f"W{n}.\n"); n += 1
open("wlines1m.txt", "w").write("".join(lines))
os.makedirs("wire51", exist_ok=True)
seed = open(os.path.join(seeds, names[3])).read()
for i in range(51):
    open(f"wire51/copy{i:02}.txt", "w").write(f"Outlet {i} News\n\n" + seed)
M = 1_000_000
p = "<p>The sentence at the bottom of the nest.</p>"
open("nested40k.html", "w").write("<html><body>" + "<div>" * 40000 + p + "</div>" * 40000 + "</body></html>")
open("nested1m.html", "w").write("<html><body>" + "<div>" * 90000 + p + "</div>" * 90000 + "</body></html>")
open("textarea1m.html", "w").write("<div>" * 300 + "<textarea>" + "<div>" * ((M - 1600) // 5) + "x")
open("selfclosing1m.html", "w").write("<div/>" * (M // 6) + "x")
open("attrquote1m.html", "w").write('<div a= = "x>' + "<div>" * (M // 5 - 4) + '">x')
open("unterminated1m.html", "w").write("<div>" * 300 + '<a =">' + "<div>" * ((M - 1506) // 5) + "x")
fmt = "".join(f"<p><b id={k}></p>" for k in range(M // 20))
open("formatting1m.html", "w").write(fmt[:M] + "<p>x")
open("chromeclosed1m.html", "w").write("<div><nav></div>" * (M // 16) + "x")
PY
# A hostile file name.
name=$'evil\e]52;c;SGVsbG8=\a\e]0;owned\a\nparallax: refused: forged.txt'
cp "$seeds/$(ls "$seeds" | head -n 1)" "$name"

run() { # case, then the command
  local case=$1; shift
  /usr/bin/time -f "%e %U %S %M %x" -o time.out "$@" >/dev/null 2>stderr.out
  read -r secs user sys kb code < <(tail -n 1 time.out)
  printf '%-22s %6ss %6ss CPU %7.1f MB  exit %s  %s\n' "$case" "$secs" "$(echo "$user+$sys" | bc -l)" \
    "$(echo "$kb/1024" | bc -l)" "$code" \
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
run repeat-2x166KB      "$bin" export repeat166k_a.txt repeat166k_b.txt
run repeat-1MB          "$bin" export repeat1m.txt
run W-lines-1MB         "$bin" export wlines1m.txt
run wire-51-copies      "$bin" export wire51
run html-nested-40k     "$bin" export nested40k.html
run html-nested-1MB     "$bin" export nested1m.html
run html-textarea-1MB   "$bin" export textarea1m.html
run html-selfclose-1MB  "$bin" export selfclosing1m.html
run html-attrquote-1MB  "$bin" export attrquote1m.html
run html-unterm-1MB     "$bin" export unterminated1m.html
run html-format-1MB     "$bin" export formatting1m.html
run html-chrome-1MB     "$bin" export chromeclosed1m.html
