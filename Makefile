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
