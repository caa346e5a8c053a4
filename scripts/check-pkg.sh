#!/usr/bin/env bash
# CI: the committed pkg/ must be what the current sources build with the reference tools:
# Rust from rust-toolchain.toml with rustup's wasm32 target, and the wasm-bindgen and wasm-opt
# that scripts/build-wasm.sh pins. Run after scripts/build-wasm.sh; pkg/BUILD names the tools of
# each build. Where this machine built pkg/ with other tools (Debian's Rust, say), the bytes
# cannot match, so it says so and compares nothing instead of failing a correct tree.
set -euo pipefail
cd "$(dirname "$0")/.."

# The reader's bundle depends on no toolchain but the pinned esbuild: always compared.
node scripts/bundle.mjs --check

channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
[ -f pkg/BUILD ] || { echo "check-pkg: pkg/BUILD is missing: run 'make pkg'" >&2; exit 1; }
committed=$(git show HEAD:pkg/BUILD 2>/dev/null) || committed="(no pkg/BUILD committed)"
built=$(cat pkg/BUILD)
rustc_of() { sed -n 's/^rustc: //p' <<<"$1"; }
is_reference() { rustc_of "$1" | grep -q "^rustc $channel (.*from rustup\$"; }

if ! is_reference "$built"; then
  echo "check-pkg: pkg/ not compared byte for byte on this machine: it was built here with" \
    "$(rustc_of "$built"); the committed pkg/ comes from rustc $channel with rustup's wasm32 target" \
    "(rust-toolchain.toml), which gives other bytes. Install that target ('rustup target add" \
    "wasm32-unknown-unknown') to make the comparison." >&2
  exit 0
fi
if [ "$built" != "$committed" ]; then
  echo "check-pkg: the committed pkg/ was built by other tools than the reference:" >&2
  diff <(echo "$committed") <(echo "$built") >&2 || true
  echo "check-pkg: run 'make pkg' with the reference tools and commit pkg/" >&2
  exit 1
fi
git diff --exit-code --stat -- pkg || { echo "check-pkg: pkg/ is stale: run 'make pkg' and commit pkg/" >&2; exit 1; }
[ -z "$(git status --porcelain -- pkg)" ] || { echo "check-pkg: pkg/ has files git does not know: run 'make pkg' and commit pkg/" >&2; exit 1; }
echo "check-pkg: pkg/ is byte for byte what the sources build with $(rustc_of "$built")," \
  "$(sed -n 's/^wasm-bindgen: //p' pkg/BUILD) and $(sed -n 's/^wasm-opt: //p' pkg/BUILD)"
