#!/usr/bin/env bash
# Scores the embedded NER model on the CoNLL-2003 dev file when it is present
# (../shared/data/conll2003/dev.txt) and fails below the bar (overall F1 0.92).
# Usage: scripts/eval-ner-ci.sh [DEV_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

dev="${1:-../shared/data/conll2003/dev.txt}"
bar="0.92"
if [[ ! -f "$dev" ]]; then
  echo "eval-ner: $dev not found, skipping the NER accuracy check"
  exit 0
fi

cargo build --release --quiet
report="$("${CARGO_TARGET_DIR:-target}/release/storyscope" eval-ner "$dev" --runs 3)"
echo "$report"
f1="$(awk '$1 == "overall" { for (i = 2; i < NF; i++) if ($i == "f1") print $(i + 1) }' <<<"$report")"
if [[ -z "$f1" ]]; then
  echo "eval-ner: no overall F1 in the report" >&2
  exit 1
fi
if awk -v f1="$f1" -v bar="$bar" 'BEGIN { exit !(f1 < bar) }'; then
  echo "eval-ner: overall F1 $f1 is below the bar $bar" >&2
  exit 1
fi
echo "eval-ner: overall F1 $f1 meets the bar $bar"
