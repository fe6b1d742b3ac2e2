#!/usr/bin/env bash
# Peak resident memory (VmHWM) of the interactive reader on a corpus, in a 160×45 tmux pane:
# read once the resident size has not grown for 4 s (the palette's index built), and again once
# the process has used no CPU for 4 s (every background job done).
#
#   scripts/reader-memory.sh BIN CACHE_DIR CORPUS
#
# CACHE_DIR should be a warm copy of an extraction cache, one per binary compared.
set -euo pipefail

bin=${1:?usage: scripts/reader-memory.sh BIN CACHE_DIR CORPUS}
cache=${2:?usage: scripts/reader-memory.sh BIN CACHE_DIR CORPUS}
corpus=${3:?usage: scripts/reader-memory.sh BIN CACHE_DIR CORPUS}
session="reader-memory-$$"

tmux new-session -d -s "$session" -x 160 -y 45 "$bin --cache-dir $cache $corpus"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')

field() { awk -v f="$1:" '$1 == f { print int($2 / 1024) }' "/proc/$pid/status"; }
cpu() { awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$pid/stat"; }

# Waits until `probe` has given the same value for 4 s in a row (at most 600 s).
settle() {
    local last now same=0 waited=0
    last=$($1)
    while [ "$same" -lt 4 ] && [ "$waited" -lt 600 ]; do
        sleep 1
        waited=$((waited + 1))
        now=$($1)
        if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
        last=$now
    done
}

rss() { field VmRSS; }
start=$(date +%s)
settle rss
echo "resident size settled after $(($(date +%s) - start)) s: VmHWM $(field VmHWM) MB (VmRSS $(field VmRSS) MB)"
settle cpu
echo "CPU idle after $(($(date +%s) - start)) s: VmHWM $(field VmHWM) MB (VmRSS $(field VmRSS) MB)"
