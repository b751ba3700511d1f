#!/usr/bin/env bash
# Cross-validates names, kinds and character clustering on the LitBank novel
# openings when they are present (../shared/data/litbank-dev) and fails below
# the guards: what this version reaches, less a small margin, so that a change
# that loses ground fails CI. Issue 8's targets (name F1 0.85, organisations
# at most 3x gold, clustering B-cubed 0.95) are printed beside them; this
# version reaches all three (0.852, 2.85x, 0.955).
# Each fold's tagger is trained on CoNLL-2003 and the other folds' books
# (storyscope eval-litbank), so no book is scored by a model that saw it.
# Usage: scripts/eval-litbank-ci.sh [LITBANK_DIR] [CONLL_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

litbank="${1:-../shared/data/litbank-dev}"
conll="${2:-../shared/data/conll2003}"
out="${3:-target/litbank-cv}"
if [[ ! -f "$litbank/gold.json" || ! -f "$conll/train.txt" ]]; then
  echo "eval-litbank: $litbank or $conll not found, skipping the LitBank check"
  exit 0
fi

cargo build --release --quiet
rm -rf "$out"
"${CARGO_TARGET_DIR:-target}/release/storyscope" eval-litbank "$litbank" \
  --conll-train "$conll/train.txt" --conll-dev "$conll/dev.txt" --folds 5 --out "$out"
python3 "$litbank/score_litbank.py" "$litbank/gold.json" "$out" | sed -n '1,/^(c)/p' | sed '$d'
python3 "$litbank/score_litbank.py" "$litbank/gold.json" "$out" --json | python3 -c '
import json, sys
report = json.load(sys.stdin)
mentions, clusters = report["mentions"], report["clusters"]
org = mentions["per_kind"]["organization"]
figures = [
    ("name F1 (labelled, name end)", mentions["name_end_labelled"]["f1"], ">=", 0.85, 0.85),
    ("organisation mentions / gold", org["pred"] / max(org["gold"], 1), "<=", 3.0, 3.0),
    ("clustering B-cubed F1 (name match)", clusters["name_end_b3"]["f1"], ">=", 0.95, 0.95),
]
failed = False
for name, value, op, guard, target in figures:
    ok = value >= guard if op == ">=" else value <= guard
    failed |= not ok
    verdict = "ok" if ok else "BELOW THE GUARD"
    print(f"eval-litbank: {name} {value:.4f} (guard {op} {guard}: {verdict}; target {target})")
sys.exit(1 if failed else 0)
'
