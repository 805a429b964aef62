.PHONY: eval

# Quote (and statement) evaluation on ../shared; skips with a message when it is absent.
eval:
	scripts/eval.sh
