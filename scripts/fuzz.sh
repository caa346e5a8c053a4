#!/usr/bin/env bash
# Runs every cargo-fuzz target, seeded with the test fixtures and every input that ever crashed a
# target. A crash fails the run; keep its input as a regression test by copying it to
# tests/fuzz-regressions/TARGET-what-it-broke.html (cargo test replays them).
#
# By default each target runs FUZZ_RUNS inputs (20000) from a fixed seed: a bounded, repeatable
# run, so that CI does not fail at random. FUZZ_SECONDS=600 instead fuzzes each target for that
# long from a random seed, to look for new crashes.
#
# cargo-fuzz wants a nightly compiler for its sanitizers; with `-s none` (no sanitizer) a stable
# one does, given RUSTC_BOOTSTRAP=1 for the -Z flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${FUZZ_SECONDS:-}" ]; then
  budget=(-max_total_time="$FUZZ_SECONDS")
else
  budget=(-runs="${FUZZ_RUNS:-20000}" -seed=1 -max_total_time=300)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -O
for target in $(cargo fuzz list); do
  mkdir -p "fuzz/corpus/$target"
  log="fuzz/$target.log"
  if cargo fuzz run -s none -O "$target" "fuzz/corpus/$target" tests/fixtures tests/fuzz-regressions -- \
      "${budget[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
    printf 'fuzz: %-9s %s\n' "$target" "$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1)"
  else
    echo "fuzz: $target FAILED (whole log: $log):" >&2
    grep -A4 -E 'panicked|ERROR:' "$log" | cut -c1-300 >&2 || tail -20 "$log" | cut -c1-300 >&2
    grep -E 'Test unit written|^\s+cargo fuzz' "$log" >&2 || true
    exit 1
  fi
done
