# WhoSaid: make demo | make test | make build | make package | make setup
PORT ?= 8080
EXT := $(CURDIR)/extension

.PHONY: setup build demo test test-rust test-wasm lint e2e package clean icons

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

demo: build
	@echo
	@echo "Extension folder to load unpacked: $(EXT)"
	@echo "  Chrome:  chrome://extensions -> Developer mode -> Load unpacked -> $(EXT)"
	@echo "  Firefox: about:debugging -> This Firefox -> Load Temporary Add-on -> $(EXT)/manifest.json"
	@echo
	@node scripts/serve.mjs www $(PORT)

test: build test-rust test-wasm lint e2e
	@echo "make test: all passed"

test-rust:
	cargo test

test-wasm:
	@if [ -f tests/wasm.rs ]; then \
	  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm; \
	else echo "test-wasm: no tests/wasm.rs yet, skipped"; fi

lint:
	node_modules/.bin/web-ext lint --source-dir extension

e2e:
	node --test --test-concurrency=1 tests/e2e/

package: build
	@bash scripts/package.sh

icons:
	node scripts/make-icons.mjs

clean:
	rm -rf extension/pkg www/pkg dist tests/e2e/out
