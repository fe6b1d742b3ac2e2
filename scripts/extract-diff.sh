#!/usr/bin/env bash
# Compares the `dossier extract` output of two binaries, byte for byte, over the seeds, the
# newsgold texts, 10kGNAD test articles (the throughput corpus) and, for English, the README
# files of the crates in the cargo registry.
#
#   scripts/extract-diff.sh OLD_BIN NEW_BIN [GNAD_ARTICLES]
#
# GNAD_ARTICLES (default 400; 0 for all of test.csv) articles are written one per file. Each
# corpus is extracted twice, as article files and with --raw. Exits non-zero on any difference
# and leaves the outputs in a temporary directory it names. Both binaries run with --no-cache:
# two builds of one extractor version would otherwise share cached analyses.
set -euo pipefail

old=${1:?usage: scripts/extract-diff.sh OLD_BIN NEW_BIN [GNAD_ARTICLES]}
new=${2:?usage: scripts/extract-diff.sh OLD_BIN NEW_BIN [GNAD_ARTICLES]}
count=${3:-400}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
work=$(mktemp -d)

gnad="$work/gnad"
mkdir -p "$gnad"
python3 - "$shared/data/10kgnad/test.csv" "$gnad" "$count" <<'PY'
import sys, pathlib
csv, out, count = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
lines = pathlib.Path(csv).read_text(encoding="utf-8").splitlines()
if count:
    lines = lines[:count]
for i, line in enumerate(lines):
    if ";" not in line:
        continue
    text = line.split(";", 1)[1].strip("'").replace("''", "'")
    (out / f"gnad_{i:04}.txt").write_text(text + "\n", encoding="utf-8")
PY

status=0
run() {
    local name=$1
    shift
    "$old" --no-cache extract --format jsonl "$@" >"$work/$name.old.jsonl" 2>"$work/$name.old.err"
    "$new" --no-cache extract --format jsonl "$@" >"$work/$name.new.jsonl" 2>"$work/$name.new.err"
    local objects
    objects=$(wc -l <"$work/$name.old.jsonl")
    if cmp -s "$work/$name.old.jsonl" "$work/$name.new.jsonl"; then
        echo "same      $name ($objects objects)"
    else
        echo "DIFFERENT $name: diff $work/$name.old.jsonl $work/$name.new.jsonl"
        status=1
    fi
}

run seeds "$root/seeds"
run seeds-raw --raw "$root/seeds"
run newsgold-raw --raw "$shared/data/newsgold/articles"
run newsgold "$shared/data/newsgold/articles"
run gnad-raw --raw "$gnad"
run gnad "$gnad"

# English prose: the README files of the vendored crates (the English rules only run on
# articles detected as English).
english="$work/english"
mkdir -p "$english"
find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -maxdepth 3 -name README.md 2>/dev/null |
    sort | head -n 80 | while read -r f; do
        cp "$f" "$english/$(basename "$(dirname "$f")").md"
    done
if [ -n "$(ls -A "$english")" ]; then
    run english "$english"
fi

if [ "$status" -eq 0 ]; then
    rm -rf "$work"
else
    echo "outputs kept in $work"
fi
exit "$status"
