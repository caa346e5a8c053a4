#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time (FUZZ_SECONDS each, default 20), seeded with the
# test fixtures and every input that ever crashed a target. A crash fails the run; keep its input
# as a regression test by copying it to tests/fuzz-regressions/TARGET-what-it-broke.html.
#
# cargo-fuzz wants a nightly compiler for its sanitizers; with `-s none` (no sanitizer) a stable
# one does, given RUSTC_BOOTSTRAP=1 for the -Z flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -O
for target in $(cargo fuzz list); do
  mkdir -p "fuzz/corpus/$target"
  log="fuzz/$target.log"
  if cargo fuzz run -s none -O "$target" "fuzz/corpus/$target" tests/fixtures tests/fuzz-regressions -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
    printf 'fuzz: %-9s %s\n' "$target" "$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1)"
  else
    echo "fuzz: $target FAILED (whole log: $log):" >&2
    grep -A4 -E 'panicked|ERROR:' "$log" | cut -c1-300 >&2 || tail -20 "$log" | cut -c1-300 >&2
    grep -E 'Test unit written|^\s+cargo fuzz' "$log" >&2 || true
    exit 1
  fi
done
