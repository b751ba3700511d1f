#!/usr/bin/env bash
# Times two builds against each other on the same inputs, alternating runs so
# that both see the same load (the development machines are shared), and
# prints the medians and the ratio new/old of wall time, CPU time and peak
# memory. Usage:
#   scripts/compare-speed.sh OLD_BINARY NEW_BINARY [RUNS]
# Inputs: War and Peace analysed cold (`analyze --no-cache`), and a folder of
# 10,000 generated articles reopened with a warm cache (`render`, first frame).
set -euo pipefail
cd "$(dirname "$0")/.."
old="$1" new="$2" runs="${3:-7}"
novel=../shared/corpus/war_and_peace.txt
articles="${ARTICLES:-/tmp/storyscope-articles}"
[[ -f "$novel" ]] || { echo "compare-speed: $novel not found"; exit 1; }
[[ -d "$articles" ]] || python3 scripts/generate-articles.py 10000 "$articles"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

measure() { # label binary args... -> "label wall user sys kb" on stdout
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$scratch/time" "$@" > /dev/null 2>&1
  read -r wall user sys kb < "$scratch/time"
  echo "$label $wall $user $sys $kb"
}

run_case() { # name args...
  local name="$1"; shift
  : > "$scratch/$name"
  for _ in $(seq "$runs"); do
    for which in old new; do
      local binary=$old; [[ $which == new ]] && binary=$new
      XDG_CACHE_HOME="$scratch/cache-$which" measure "$which" "$binary" "$@" >> "$scratch/$name"
    done
  done
  python3 - "$name" "$scratch/$name" <<'PY'
import statistics, sys
name, path = sys.argv[1], sys.argv[2]
rows = [line.split() for line in open(path)]
rows = [(r[0], float(r[1]), float(r[2]) + float(r[3]), float(r[4])) for r in rows]
med = {w: [statistics.median(r[i] for r in rows if r[0] == w) for i in (1, 2, 3)] for w in ("old", "new")}
o, n = med["old"], med["new"]
print(f"{name}: wall {o[0]:.2f} -> {n[0]:.2f} s ({n[0]/o[0]:.2f}x), "
      f"cpu {o[1]:.2f} -> {n[1]:.2f} s ({n[1]/o[1]:.2f}x), "
      f"peak {o[2]/1024:.0f} -> {n[2]/1024:.0f} MB ({n[2]/o[2]:.2f}x)")
PY
}

run_case "War and Peace, analyze --no-cache" analyze --no-cache "$novel"
for which in old new; do  # fill each build's own cache once
  binary=$old; [[ $which == new ]] && binary=$new
  XDG_CACHE_HOME="$scratch/cache-$which" "$binary" render "$articles" --size 200x60 > /dev/null
done
run_case "10,000 articles, render, cache warm" render "$articles" --size 200x60
