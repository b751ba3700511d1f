#!/usr/bin/env bash
# Scores the temporal tagger on the TempEval-3 training data when it is
# present (../shared/data/tempeval3-train) and fails below the bar:
# relaxed F1 >= 0.94, value F1 >= 0.82, tagging speed >= 10 MB/s.
set -euo pipefail

cd "$(dirname "$0")/.."
data="${TEMPEVAL3_DIR:-../shared/data/tempeval3-train}"
if [ ! -d "$data" ]; then
    echo "eval-timex: $data not found, skipped"
    exit 0
fi

cargo build --release --quiet
report="$("${CARGO_TARGET_DIR:-target}/release/storyscope" eval-timex "$data")"
echo "$report"

# field N of the first line that starts with PREFIX
field() { awk -v prefix="$1" -v n="$2" 'index($0, prefix) == 1 { print $n; exit }' <<<"$report"; }

relaxed_f1="$(field "relaxed precision" 7)"
value_f1="$(field "value f1" 3)"
speed="$(field "speed" 2)"

failed=0
check() {
    local name="$1" got="$2" bar="$3"
    if awk -v got="$got" -v bar="$bar" 'BEGIN { exit !(got + 0 >= bar + 0) }'; then
        echo "eval-timex: $name $got >= $bar ok"
    else
        echo "eval-timex: $name $got is below the bar $bar" >&2
        failed=1
    fi
}
check "relaxed f1" "$relaxed_f1" 0.94
check "value f1" "$value_f1" 0.82
check "speed MB/s" "$speed" 10
exit "$failed"
