#!/usr/bin/env bash
# Story timelines against ../shared when it is present:
# - narrative anchoring on the shared novels: at most 10% of the calendar
#   values of relative expressions anchored more than 30 paragraphs back;
# - entity timelines on news_story against tests/fixtures/entity_timeline_gold.tsv:
#   event F1 >= 0.75.
set -euo pipefail

cd "$(dirname "$0")/.."
corpus="${STORY_CORPUS_DIR:-../shared/corpus}"
if [ ! -d "$corpus" ]; then
    echo "eval-stories: $corpus not found, skipped"
    exit 0
fi

cargo build --release --quiet
binary="${CARGO_TARGET_DIR:-./target}/release/storyscope"

failed=0
"$binary" eval-anchors "$corpus"/*.txt --max-far 0.10 || failed=1

report="$("$binary" eval-entity-timelines tests/fixtures/entity_timeline_gold.tsv "$corpus/news_story")"
echo "$report"
f1="$(awk '$1 == "total:" { print $NF }' <<<"$report")"
if awk -v got="$f1" 'BEGIN { exit !(got + 0 >= 0.75) }'; then
    echo "eval-stories: entity timeline f1 $f1 >= 0.75 ok"
else
    echo "eval-stories: entity timeline f1 $f1 is below the bar 0.75" >&2
    failed=1
fi
exit "$failed"
