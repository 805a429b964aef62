#!/usr/bin/env bash
# Writes the store packages into dist/: one zip for the Chrome Web Store, one for addons.mozilla.org.
# Both come from the one extension/ folder; each store's zip drops the background key the other
# browser needs (Chrome: background.scripts and the gecko settings; Firefox: service_worker).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f extension/pkg/whosaid_bg.wasm ] || { echo "package: run make build first" >&2; exit 1; }
version=$(node -p 'require("./extension/manifest.json").version')
mkdir -p dist
for store in chrome firefox; do
  tmp=$(mktemp -d)
  cp -r extension/. "$tmp/"
  node -e '
    const fs = require("fs"); const [file, store] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    if (store === "chrome") { delete m.background.scripts; delete m.browser_specific_settings; }
    else { delete m.background.service_worker; }
    fs.writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
  ' "$tmp/manifest.json" "$store"
  if [ "$store" = firefox ]; then node_modules/.bin/web-ext lint --source-dir "$tmp" --output json | node -e '
    let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => { const r = JSON.parse(s); console.log(`package: web-ext lint (firefox zip): ${r.summary.errors} errors, ${r.summary.warnings} warnings`); process.exit(r.summary.errors ? 1 : 0); });'; fi
  out="$PWD/dist/whosaid-$version-$store.zip"
  rm -f "$out"
  (cd "$tmp" && zip -qr -X "$out" . -x '*.d.ts' -x '.*')
  rm -rf "$tmp"
  echo "package: $out ($(stat -c %s "$out") bytes)"
done
