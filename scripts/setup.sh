#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing (idempotent). Debian 12, as root.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION="${WASM_BINDGEN_VERSION:-0.2.130}"
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

# Browsers for the tests (and zip for packaging).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v zip >/dev/null || missing+=(zip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# Python's venv module for the Python package's tests (Debian's python3 ships it apart).
if ! python3 -m venv --help >/dev/null 2>&1; then
  echo "setup: apt-get install python3-venv"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv
fi

# Java for the Spark local-mode test of the Python package.
if ! command -v java >/dev/null; then
  echo "setup: apt-get install openjdk-17-jre-headless"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless
fi

# Rust target for the WASM build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI, the exact version of the crate (no --locked: see toolchain notes).
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once per machine)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm packages (playwright-core, binaryen's wasm-opt, web-ext, axe-core).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
echo "setup: ok"
