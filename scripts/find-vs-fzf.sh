#!/bin/bash
# Paired wall times of `dossier find` and `fzf --filter` over the same labels, rounds alternating
# the commands so that both meet the same load. Optionally a second dossier binary (BEFORE) runs
# in each round too, with its own cache directory.
#
#   scripts/find-vs-fzf.sh CORPUS [ROUNDS]
#   env: DOSSIER (default target/release/dossier), CACHE (default target/bench-cache),
#        BEFORE and BEFORE_CACHE (optional), QUERIES (one per line; default the five of issue 16)
set -eu
corpus=$1
rounds=${2:-5}
dossier=${DOSSIER:-target/release/dossier}
cache=${CACHE:-target/bench-cache}
queries=${QUERIES:-$'putin\nregierung wien\nbundeskanzler\npjongjang\n^bundes \'wien'}
labels=$(mktemp)
trap 'rm -f "$labels"' EXIT
# The first run indexes if needed and stores the labels; the list is what fzf filters.
"$dossier" --cache-dir "$cache" find --list "$corpus" > "$labels"
echo "$(wc -l < "$labels") labels; $(fzf --version)"
secs() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
while IFS= read -r q; do
    mine=() fzf=() before=()
    for _ in $(seq "$rounds"); do
        if [ -n "${BEFORE:-}" ]; then
            before+=("$(secs "$BEFORE" --cache-dir "${BEFORE_CACHE:-$cache}" find --limit 20 "$q" "$corpus")")
        fi
        mine+=("$(secs "$dossier" --cache-dir "$cache" find --limit 20 "$q" "$corpus")")
        fzf+=("$(secs fzf --filter "$q" < "$labels")")
    done
    echo "$q | dossier ${mine[*]} | fzf ${fzf[*]}${BEFORE:+ | before ${before[*]}}"
done <<< "$queries"
