# Decant's commands. `make demo` and `make test` work on a fresh machine: both install what is
# missing first (scripts/setup.sh).

CARGO ?= cargo
NODE ?= node

.PHONY: all setup pkg bundle cli demo test test-rust test-js test-browser size limits fuzz check-pkg measure bench bench-browser dist clean

all: cli pkg

setup:
	@scripts/setup.sh

# The engine as WebAssembly, for the extension. Committed; rebuilt from the sources by `make test`.
# DECANT_WASM_ROUTE=rustup or debian picks the Rust toolchain (scripts/build-wasm.sh).
pkg: setup
	scripts/build-wasm.sh

# The reader frame's modules joined into the one file reader.html loads. Committed; rebuilt by `make test`.
bundle: setup
	$(NODE) scripts/bundle.mjs

cli:
	$(CARGO) build --release --locked --bin decant

# Runs Decant on the bundled sample page with the CLI and with the extension in headless
# Chromium; writes the Markdown and a screenshot of the reader view under out/.
demo: setup cli
	@test -f pkg/decant_bg.wasm || scripts/build-wasm.sh
	@mkdir -p out
	@target/release/decant examples/sample-article.html --url https://slowtable.example/kitchen-chemistry/starter > out/sample-article.md
	@echo "$(CURDIR)/out/sample-article.md"
	@$(NODE) tests/browser/demo.mjs out

# Every test: Rust (unit, fixtures, doc), the JS unit tests, the WASM package under Node, the
# browser tests in Chromium and Firefox (DECANT_BROWSERS=chromium or firefox for one), the size budget, the limits on pathological pages and a short fuzz
# run. pkg/ and the reader's bundle are rebuilt first so that the browser tests run the current sources.
test: setup test-rust pkg bundle test-js test-browser size limits fuzz

test-rust:
	$(CARGO) test --locked

test-js:
	$(NODE) --test --test-concurrency=1 tests/js/

test-browser:
	$(NODE) --test --test-concurrency=1 --test-timeout=120000 tests/browser/

size:
	@scripts/check-size.sh

# Pathological pages (long, wide, deep, millions of elements) against the time, memory and output
# budgets, natively and then in WebAssembly (the committed pkg/, under Node).
limits:
	$(CARGO) run --release --locked --bin decant-limits
	$(NODE) scripts/limits-wasm.mjs

# Each cargo-fuzz target on 20000 inputs from a fixed seed; to hunt: make fuzz FUZZ_SECONDS=600.
fuzz: setup
	@scripts/fuzz.sh

# CI: the committed reader bundle must be what its modules give, and the committed pkg/ what the
# sources build with the reference tools (pkg/BUILD names them); on a machine with other tools
# it says it cannot compare pkg/, and passes.
check-pkg:
	@scripts/check-pkg.sh

# Extraction against human ground truth (WCXB's development pages), then agreement with Mozilla
# Readability (docs/corpus.md records the figures). Each WCXB run is saved in out/, and the next
# run lists the pages that got better or worse since.
WCXB ?= ../shared/corpus/wcxb-dev
CORPUS ?= ../shared/corpus/readability/pages
MEASURE_SAVED ?= out/wcxb-scores.tsv
measure:
	$(CARGO) build --release --locked --features measure --bin decant-measure
	@mkdir -p $(dir $(MEASURE_SAVED))
	target/release/decant-measure $(WCXB) $(if $(wildcard $(MEASURE_SAVED)),--compare $(MEASURE_SAVED)) --save $(MEASURE_SAVED)
	target/release/decant-measure $(CORPUS)

# Native speed: Decant against dom_smoothie on the corpus, same process (bench/; docs/performance.md).
bench:
	cd bench && $(CARGO) run --release --locked -- $(abspath $(CORPUS))

# Browser speed: Decant against Readability.js in the same headless Chromium (bench/browser/).
bench-browser: setup
	@test -d bench/browser/node_modules/@mozilla/readability || npm ci --prefix bench/browser --no-audit --no-fund --loglevel=error
	$(NODE) bench/browser/run.mjs

# Store packages: dist/decant-chromium.zip and dist/decant-firefox.xpi (unsigned).
dist:
	$(NODE) scripts/dist.mjs

clean:
	rm -rf out target pkg.tmp bench/target dist
