#!/usr/bin/env bash
# Evaluate the quote engine on ../shared: the seed, PolNeAR dev (all kinds) and PolNeAR dev direct
# (split fragments). Prints one table. Skips with a message when ../shared is absent.
# Usage: scripts/eval.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${WHOSAID_SHARED:-}"
if [ -z "$SHARED" ]; then
  for c in ../shared ../../shared; do
    if [ -d "$c/data" ]; then SHARED="$c"; break; fi
  done
fi
if [ -z "$SHARED" ] || [ ! -f "$SHARED/tools/score_quotes.py" ]; then
  echo "eval: ../shared is absent; skipping the evaluation"
  exit 0
fi
if [ "${1:-}" != "--no-build" ]; then
  cargo build --release --quiet
fi
BIN=./target/release/whosaid
OUT=.eval
mkdir -p "$OUT"
SCORE="python3 $SHARED/tools/score_quotes.py"
SEED="$SHARED/data/seed/seed.gold.jsonl"
DEV="$SHARED/data/quotes/polnear/polnear_dev.jsonl"
DIPL="$SHARED/data/diplomacy/diplomacy_dev.jsonl"
"$BIN" analyze --jsonl "$SEED" > "$OUT/seed.jsonl"
"$BIN" analyze --jsonl "$DEV" > "$OUT/dev.jsonl"
$SCORE "$SEED" "$OUT/seed.jsonl" --json-out "$OUT/seed.score.json" > /dev/null
$SCORE "$DEV" "$OUT/dev.jsonl" --json-out "$OUT/dev.score.json" > /dev/null
"$BIN" analyze --jsonl "$DIPL" > "$OUT/diplomacy.jsonl"
$SCORE "$DIPL" "$OUT/diplomacy.jsonl" --json-out "$OUT/diplomacy.score.json" > /dev/null
$SCORE "$DEV" "$OUT/dev.jsonl" --kinds direct --pred-kinds direct --split-fragments \
  --json-out "$OUT/dev-direct.score.json" > /dev/null
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
rows = [("seed (all kinds)", "seed.score.json"), ("polnear dev, all kinds", "dev.score.json"),
        ("polnear dev, direct, split fragments", "dev-direct.score.json"),
        ("diplomacy dev, all kinds", "diplomacy.score.json")]
print(f"{'data':40} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'e2e F1':>7} {'#gold':>6}")
for name, f in rows:
    r = json.load(open(f"{out}/{f}"))
    q = r["quote_spans"]["overlap@0.5"]
    e = r["attribution_end_to_end"]
    spk = r["speaker"]["speaker_acc"]
    print(f"{name:40} {q['precision']:6.3f} {q['recall']:6.3f} {q['f1']:6.3f} {spk or 0:6.3f} {e['f1']:7.3f} {r['n_gold_quotes']:6d}")
PY
python3 scripts/eval_rules.py "$BIN" "$SHARED" "$OUT"  # per-rule precision on PolNeAR train and diplomacy (issue 15)
# statements rows: added by the statements engine (scripts/eval.sh, issue 4)
SSCORE="python3 $SHARED/tools/score_statements.py"
PLOVER="$SHARED/data/statements/plover-gsr/plover_gsr_dev.jsonl"
"$BIN" analyze --jsonl "$PLOVER" > "$OUT/plover.jsonl"
$SSCORE "$SEED" "$OUT/seed.jsonl" --json-out "$OUT/seed.statements.json" > /dev/null
$SSCORE --sentence "$PLOVER" "$OUT/plover.jsonl" --json-out "$OUT/plover.statements.json" > /dev/null
$SSCORE "$DIPL" "$OUT/diplomacy.jsonl" --json-out "$OUT/diplomacy.statements.json" > /dev/null
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
s = json.load(open(f"{out}/seed.statements.json"))
p = json.load(open(f"{out}/plover.statements.json"))
d = json.load(open(f"{out}/diplomacy.statements.json"))
print()
print(f"{'statements':40} {'P':>6} {'R':>6} {'F1':>6} {'type':>6} {'actor':>6} {'#gold':>6}   (bar)")
print(f"{'seed, span mode, end-to-end':40} {s['e2e_P']:6.3f} {s['e2e_R']:6.3f} {s['e2e_F1']:6.3f} {s['type_acc']:6.3f} {s['actor_acc']:6.3f} {s['gold']:6d}   (F1 >= 0.90)")
print(f"{'diplomacy dev, span mode, end-to-end':40} {d['e2e_P']:6.3f} {d['e2e_R']:6.3f} {d['e2e_F1']:6.3f} {d['type_acc']:6.3f} {d['actor_acc']:6.3f} {d['gold']:6d}   (issue 14: F1 >= 0.65, P >= 0.75)")
print(f"{'plover dev, --sentence':40} type_found {p['type_found']:.3f}  macro_F1 {p['macro_F1']:.3f}  type_and_actor {p['type_and_actor']:.3f}  docs {p['docs']}   (>= 0.80 / 0.75 / 0.70)")
PY
echo
# the whole engine's statement typing on typed-polnear (PolNeAR train: development data), by type and path
python3 scripts/eval_typing.py "$BIN" "$SHARED" "$OUT" --pred "$OUT/rules-train.jsonl"
python3 scripts/eval_names.py --shared "$SHARED" --bin "$BIN" --out "$OUT"
