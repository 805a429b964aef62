#!/usr/bin/env bash
# The Python package (issue 16): builds and installs ./python (PyO3 + maturin) into a fresh virtual
# environment with PySpark, then runs its tests (pytest): its reports against the CLI's, and the Spark
# example in local mode (Java from scripts/setup.sh). Called by
# `make test-python` and so by `make test`. Set WHOSAID_PY_VENV to reuse another environment.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${WHOSAID_PY_VENV:-.venv-python}"
cargo build --release --quiet --bin whosaid
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "./python[test,spark]"
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
# --import-mode=importlib: the tests import the installed package, not the source folder
"$VENV/bin/python" -m pytest -q --import-mode=importlib python/tests
