#!/usr/bin/env bash
# Scores quotes, speakers and pronoun links on the LitBank development books
# when they are present (../shared/data/litbank-dev) and fails below the bars:
# quote span F1 (overlap) 0.92, speaker accuracy 0.70, speaker B-cubed F1
# 0.85, pronouns linked to the right named character 0.70 (issue 9's
# targets). The quote and
# pronoun rules are hand-set, but the entities they stand on come from a tagger
# trained on these books: the per-book analyses of the cross-validation folds
# (storyscope eval-litbank) are scored, so no book is seen by its own tagger.
# Names and clustering are scored by scripts/eval-litbank-ci.sh.
# Usage: scripts/eval-litbank-quotes-ci.sh [LITBANK_DIR] [CONLL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

data="${1:-../shared/data/litbank-dev}"
conll="${2:-../shared/data/conll2003}"
if [[ ! -f "$data/gold.json" || ! -d "$data/docs" || ! -f "$conll/train.txt" ]]; then
  echo "eval-litbank-quotes: $data not found, skipping the quote and pronoun check"
  exit 0
fi

cargo build --release --quiet
binary="${CARGO_TARGET_DIR:-target}/release/storyscope"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir "$out/folds"
"$binary" eval-litbank "$data" --conll-train "$conll/train.txt" --conll-dev "$conll/dev.txt" \
  --folds 5 --out "$out/folds" >/dev/null
python3 "$data/score_litbank.py" "$data/gold.json" "$out/folds" --json >"$out/scores.json"
python3 - "$out/scores.json" <<'PY'
import json
import sys

scores = json.load(open(sys.argv[1]))
quotes, pronouns = scores["quotes"], scores["pronouns"]
if quotes is None or pronouns is None:
    sys.exit("eval-litbank-quotes: the analysis has no quotes or no pronoun mentions")
# (name, value, bar enforced here, the issue's target)
figures = [
    ("quote span F1 (overlap)", quotes["overlap"]["f1"], 0.92, 0.92),
    ("speaker accuracy", quotes["speaker_accuracy"], 0.70, 0.70),
    ("speaker B-cubed F1", quotes["speaker_b3"]["f1"], 0.85, 0.85),
    ("pronouns to the right named character", pronouns["named_antecedent"]["accuracy"], 0.70, 0.70),
]
failed = False
for name, value, bar, target in figures:
    verdict = "ok" if value >= bar else "BELOW THE BAR"
    failed |= value < bar
    print(f"eval-litbank-quotes: {name} {value:.4f} (bar {bar:.2f}, target {target:.2f}) {verdict}")
print(f"eval-litbank-quotes: {quotes['gold']} gold quotes, {quotes['predicted']} predicted "
      f"({quotes['predicted_with_speaker']} with a speaker); {pronouns['matched_pron_per']} of "
      f"{pronouns['gold_pron_per']} gold pronouns of people linked (recall {pronouns['recall']:.3f})")
sys.exit(1 if failed else 0)
PY
