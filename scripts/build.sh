#!/usr/bin/env bash
# Builds the WASM core into extension/pkg and the demo page's copy into www/pkg.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf extension/pkg
wasm-bindgen --target web --no-typescript --out-dir extension/pkg target/wasm32-unknown-unknown/release/whosaid.wasm
# A way to drop a trapped instance (extension/core.js instantiates again after a panic): the glue keeps
# its instance in module variables and has no reset of its own.
glue=extension/pkg/whosaid.js
if ! grep -q '^let wasmModule, wasmInstance, wasm;$' "$glue" || ! grep -q '^let __wbg_init_promise;$' "$glue"; then
  echo "build: the wasm-bindgen glue changed (no instance variables to reset); update scripts/build.sh" >&2
  exit 1
fi
cat >> "$glue" <<'EOF'

/** Forgets the instance, so that the next init() instantiates the module again (added by scripts/build.sh). */
export function resetInstance() {
    wasm = undefined;
    wasmInstance = undefined;
    wasmModule = undefined;
    __wbg_init_promise = undefined;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
}
EOF
raw=$(stat -c %s extension/pkg/whosaid_bg.wasm)
# npm binaryen's wasm-opt (Debian's wasm-opt 108 produces a module that fails at start). --converge
# repeats -Oz while it still shrinks the module, --zero-filled-memory lets it drop zero data (the
# module's own memory starts zeroed), --strip-producers drops the toolchain note: 2 KB gzip less than
# -Oz alone, about 20 s more; measured against --gufa, --dce, -Oz -Oz and --merge-similar-functions,
# which gave nothing or grew it.
WASM_OPT_FLAGS=(-Oz --converge --zero-filled-memory --strip-producers)
node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" extension/pkg/whosaid_bg.wasm -o extension/pkg/whosaid_bg.wasm
opt=$(stat -c %s extension/pkg/whosaid_bg.wasm)
gz=$(gzip -9 -c extension/pkg/whosaid_bg.wasm | wc -c)
echo "build: whosaid_bg.wasm ${raw} bytes after wasm-bindgen, ${opt} after wasm-opt ${WASM_OPT_FLAGS[*]}, ${gz} gzip"

# The demo page: the same WASM and the same shell modules (one source file each, copied).
rm -rf www/pkg
mkdir -p www/pkg/ext/_locales/en
cp extension/pkg/whosaid.js extension/pkg/whosaid_bg.wasm www/pkg/
cp extension/render.js extension/markdown.js extension/targets.js extension/core.js extension/palette.js extension/i18n.js \
   extension/anchor.js extension/highlight.js extension/report.css www/pkg/ext/
cp extension/_locales/en/messages.json www/pkg/ext/_locales/en/
# The sample article: one committed copy (the test fixture), copied here for the demo page.
cp tests/fixtures/seed/000_64ce14edc3ca31c8.txt www/pkg/seed.txt
echo "build: extension/ and www/ ready"
