#!/usr/bin/env bash
# Writes every report the engine gives on ../shared into DIR, for byte-for-byte comparison across a
# refactor: `scripts/snapshot.sh /tmp/before`, change the code, `scripts/snapshot.sh /tmp/after`,
# `diff -r /tmp/before /tmp/after`. The scorer lines (`analyze --jsonl`) of PolNeAR train and dev,
# PLOVER dev, the diplomacy set and the seed; the full JSON report of the seed and of every shared
# page (HTML), fixture page, PolNeAR dev
# text and diplomacy text. Skips with a message when ../shared is absent.
# Usage: scripts/snapshot.sh DIR [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:?usage: scripts/snapshot.sh DIR [BIN]}"
BIN="${2:-./target/release/whosaid}"
SHARED=""
for c in ../shared ../../shared; do
  if [ -d "$c/data" ]; then SHARED="$c"; break; fi
done
if [ -z "$SHARED" ]; then echo "snapshot: ../shared is absent; skipping"; exit 0; fi
mkdir -p "$OUT/jsonl" "$OUT/pages"
D="$SHARED/data"
for f in quotes/polnear/polnear_train quotes/polnear/polnear_dev statements/plover-gsr/plover_gsr_dev \
         diplomacy/diplomacy_dev seed/seed.gold; do
  "$BIN" analyze --jsonl "$D/$f.jsonl" > "$OUT/jsonl/$(basename "$f").jsonl"
done
"$BIN" analyze "$D/seed/000_64ce14edc3ca31c8.txt" > "$OUT/seed.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for g in "$D"/articles/article-extraction-benchmark/html/*.html.gz; do
  n=$(basename "$g" .html.gz)
  gunzip -c "$g" > "$tmp/$n.html"
  "$BIN" analyze "$tmp/$n.html" > "$OUT/pages/aeb-$n.json" 2>&1 || echo "exit $?" >> "$OUT/pages/aeb-$n.json"
done
for p in "$D"/articles/mozilla-readability/test-pages/*/source.html; do
  n=$(basename "$(dirname "$p")")
  "$BIN" analyze "$p" > "$OUT/pages/mr-$n.json" 2>&1 || echo "exit $?" >> "$OUT/pages/mr-$n.json"
done
# full reports of the PolNeAR dev and diplomacy texts (the scorer lines leave out sides and mentions)
python3 - "$D" "$tmp" <<'PY'
import json, sys
d, tmp = sys.argv[1], sys.argv[2]
for name in ("quotes/polnear/polnear_dev", "diplomacy/diplomacy_dev"):
    for i, line in enumerate(open(f"{d}/{name}.jsonl")):
        open(f"{tmp}/{name.split('/')[-1]}-{i:03d}.txt", "w").write(json.loads(line)["text"])
PY
for t in "$tmp"/*.txt; do
  "$BIN" analyze "$t" > "$OUT/pages/txt-$(basename "$t" .txt).json"
done
for p in tests/fixtures/pages/*/page.html; do
  n=$(basename "$(dirname "$p")")
  "$BIN" analyze "$p" > "$OUT/pages/fx-$n.json" 2>&1 || echo "exit $?" >> "$OUT/pages/fx-$n.json"
done
echo "snapshot: $(find "$OUT" -type f | wc -l) files in $OUT"
