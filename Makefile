.PHONY: eval

# Quote (and statement) evaluation on ../shared; skips with a message when it is absent.
eval:
	scripts/eval.sh

# Article extraction on ../shared (127 benchmark pages scored with score_articles.py, plus the 130
# Readability test pages): F1/P/R and the count of pages run without error; skips when ../shared is absent.
.PHONY: eval-articles
eval-articles:
	cargo build --release --bin whosaid
	python3 scripts/eval_articles.py --bin target/release/whosaid

# The big page run (separate from `make test`): every page of both article sets in ../shared and the
# fixture pages, served on 127.0.0.1 and analysed through the built extension in headless Chromium.
# Prints errors, quotes anchored/highlighted, the highlight/remove round trip and the slowest pages.
.PHONY: e2e-pages
e2e-pages:
	@if [ -f scripts/build.sh ]; then bash scripts/build.sh; fi
	node tests/e2e-pages/run.mjs

# Performance (issue 7): native throughput, scaling, stages, the textacy peer in the same run, WASM in
# headless Chromium and WASM size. Slow and noisy; not part of `make test`. BENCH_QUICK=1 for a short run.
.PHONY: bench
bench:
	python3 scripts/bench.py
