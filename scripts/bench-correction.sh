#!/usr/bin/env bash
# What one correction (a merge) costs in the app: `render` of a story with
# and without a merge after it, the analysis cached, 5 alternating runs.
# The difference of the medians is the merge: apply the journal, carry the
# ids over, rebuild the app's indexes.
# Usage: scripts/bench-correction.sh [STORY] (default ../shared/corpus/war_and_peace.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
story="${1:-../shared/corpus/war_and_peace.txt}"
if [[ ! -f "$story" ]]; then
  echo "bench-correction: $story not found, skipping"
  exit 0
fi
cargo build --release --quiet
binary="${CARGO_TARGET_DIR:-target}/release/storyscope"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export XDG_CACHE_HOME="$home/cache" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state"
"$binary" render "$story" --keys "1" >/dev/null
seconds() { /usr/bin/time -f %e "$binary" render "$story" --keys "$1" 2>&1 >/dev/null | tail -1; }
plain=() merged=()
for _ in 1 2 3 4 5; do
  plain+=("$(seconds "1")")
  merged+=("$(seconds "1 M j J Enter")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
echo "bench-correction: render $(median "${plain[@]}") s, with a merge $(median "${merged[@]}") s (medians of 5)"
