#!/bin/sh
# Runs one fuzz target under AFL++ for a fixed time and prints its figures.
#
#   fuzz/run.sh TARGET SECONDS [OUT_DIR]
#
# TARGET is ingest, tokenize, extract, keymap or bookmarks. The seed corpus is put together from
# the repository (seeds/ articles, keymaps/) and fuzz/corpus/. Findings land in
# OUT_DIR/default/crashes and OUT_DIR/default/hangs (default OUT_DIR: fuzz/out/TARGET, ignored
# by git). Build first: (cd fuzz && cargo afl build --release).
set -eu
target=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${3:-$here/out/$target}
bin=${CARGO_TARGET_DIR:-$here/target}/release/$target
[ -x "$bin" ] || { echo "no $bin: run 'cargo afl build --release' in fuzz/ first" >&2; exit 1; }

input=$out.in
rm -rf "$input"
mkdir -p "$input"
case $target in
  ingest|tokenize|extract) cp "$root"/seeds/*.txt "$here"/corpus/text/* "$input"/ ;;
  keymap) cp "$root"/keymaps/*.toml "$here"/corpus/keymap/* "$input"/ ;;
  bookmarks) cp "$here"/corpus/bookmarks/* "$input"/ ;;
  *) echo "unknown target $target" >&2; exit 1 ;;
esac

rm -rf "$out"
AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  cargo afl fuzz -V "$seconds" -t 2000 -i "$input" -o "$out" -- "$bin" > "$out.log" 2>&1 || true

stats=$out/default/fuzzer_stats
[ -f "$stats" ] || { echo "afl-fuzz did not start; see $out.log" >&2; tail -20 "$out.log" >&2; exit 1; }
get() { sed -n "s/^$1 *: //p" "$stats"; }
echo "$target: run_time $(get run_time) s, execs $(get execs_done), corpus $(get corpus_count), crashes $(get saved_crashes), hangs $(get saved_hangs), edges $(get edges_found)/$(get total_edges)"
