#!/usr/bin/env bash
# Builds pkg/ (the engine as WebAssembly, with its JS shim) from the current sources:
#   cargo build --target wasm32-unknown-unknown --release
#   wasm-bindgen --target web   (the CLI version pinned in Cargo.toml)
#   wasm-opt -Oz                (when binaryen is installed)
# It uses rustup's wasm32 target where it is installed. Elsewhere it falls back to Debian's
# Rust (rustc-web, rust-web-src) building std from source; scripts/setup.sh installs that.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$bindgen_version" ] || { echo "build-wasm: cannot find the pinned wasm-bindgen version in Cargo.toml" >&2; exit 1; }
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  echo "build-wasm: wasm-bindgen-cli $bindgen_version is missing; run scripts/setup.sh" >&2
  exit 1
fi

target=wasm32-unknown-unknown
# Paths inside panic messages must not depend on where the repository was cloned, or the
# committed pkg/ could never match a rebuild.
# Reference types off: Debian's wasm-opt (binaryen 108) breaks the externref table that
# wasm-bindgen builds with them, and the module is no smaller with them.
export RUSTFLAGS="--remap-path-prefix=$root=decant --remap-path-prefix=$HOME=~ -C target-feature=-reference-types ${RUSTFLAGS:-}"
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  cargo build --locked --release --lib --target "$target"
elif [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
  # Debian's toolchain with its std source: build std for wasm32 ourselves.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/debian \
    /usr/bin/cargo build --locked --release --lib --target "$target" -Zbuild-std=std,panic_abort
  mkdir -p "target/$target/release"
  cp "target/debian/$target/release/decant.wasm" "target/$target/release/decant.wasm"
else
  echo "build-wasm: no Rust toolchain for $target. Install it with 'rustup target add $target'," >&2
  echo "or run scripts/setup.sh (Debian: rustc-web, cargo-web, rust-web-src, lld)." >&2
  exit 1
fi

rm -rf pkg.tmp
wasm-bindgen --target web --no-typescript --out-dir pkg.tmp "target/$target/release/decant.wasm"
if command -v wasm-opt >/dev/null; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    -o pkg.tmp/decant_bg.wasm pkg.tmp/decant_bg.wasm
else
  echo "build-wasm: wasm-opt not found (Debian package binaryen); pkg/ is larger than it should be" >&2
fi
rm -rf pkg && mv pkg.tmp pkg
printf 'pkg/decant_bg.wasm: %s bytes, %s gzipped\n' "$(stat -c %s pkg/decant_bg.wasm)" "$(gzip -9 -c pkg/decant_bg.wasm | wc -c)"
