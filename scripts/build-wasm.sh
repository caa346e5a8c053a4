#!/usr/bin/env bash
# Builds pkg/ (the engine as WebAssembly, with its JS shim) from the current sources:
#   cargo build --target wasm32-unknown-unknown --release
#   wasm-bindgen --target web   (the CLI version pinned in Cargo.toml)
#   wasm-opt -Oz                (binaryen pinned in scripts/wasm-opt/package.json, run by Node)
# and records in pkg/BUILD which tools made it.
#
# Two ways to get a Rust that targets wasm32, chosen by DECANT_WASM_ROUTE (default: auto):
#   rustup  the toolchain of rust-toolchain.toml with rustup's wasm32-unknown-unknown target.
#           This is the reference: the committed pkg/ is built this way.
#   debian  Debian's Rust (rustc-web, rust-web-src) building std from source (-Zbuild-std).
#           It works as well but gives other bytes, so `make check-pkg` cannot compare them.
#   auto    rustup where its wasm32 target is installed, else debian.
# scripts/setup.sh installs one of them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

die() { echo "build-wasm: $*" >&2; exit 1; }

bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$bindgen_version" ] || die "cannot find the pinned wasm-bindgen version in Cargo.toml"
wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$" ||
  die "wasm-bindgen-cli $bindgen_version is missing; run scripts/setup.sh"
wasm_opt=scripts/wasm-opt/node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || die "the pinned wasm-opt is missing; run scripts/setup.sh"

. scripts/wasm-routes.sh
target=$wasm_target

route=${DECANT_WASM_ROUTE:-auto}
case $route in
  auto)
    if have_rustup_target; then route=rustup
    elif have_debian_rust; then route=debian
    else
      die "no Rust toolchain for $target. Install it with 'rustup target add $target', or run scripts/setup.sh (Debian: rustc-web, cargo-web, rust-web-src, lld)."
    fi ;;
  rustup) have_rustup_target || die "DECANT_WASM_ROUTE=rustup, but rustup has no $target target: run 'rustup target add $target'." ;;
  debian) have_debian_rust || die "DECANT_WASM_ROUTE=debian, but Debian's Rust with its std source is missing: apt-get install rustc-web cargo-web rust-web-src lld-22." ;;
  *) die "DECANT_WASM_ROUTE is '$route'; it must be rustup, debian or auto." ;;
esac

# Paths inside panic messages must not depend on where the repository was cloned, or the
# committed pkg/ could never match a rebuild.
export RUSTFLAGS="--remap-path-prefix=$root=decant --remap-path-prefix=$HOME=~ ${RUSTFLAGS:-}"
# One flag of the compiler's unstable set (RUSTC_BOOTSTRAP lets the pinned stable compiler take
# it, as the Debian route and scripts/fuzz.sh already do) leaves out the file, line and column
# stored for every panic: the engine aborts on one, and the page only says that reading failed.
# 8 KB of the gzipped WASM. (`-Zfmt-debug=none` would save 4 KB more, but it blanks the values
# in the messages of serde's errors: "invalid type: string , expected struct Article".)
export RUSTC_BOOTSTRAP=1
RUSTFLAGS="$RUSTFLAGS -Zlocation-detail=none"
# LLVM inlines less than opt-level 3's default (a threshold of 250 for a call to be inlined): 170
# gives a WASM 20 KB (4%) smaller gzipped, whose extraction of the Readability corpus took 0-3%
# longer (within the run's noise; 120 saves 24 KB at 5%, 60 saves 35 KB at 10%). The native build,
# which the speed benchmark times, keeps the default.
RUSTFLAGS="$RUSTFLAGS -Cllvm-args=-inline-threshold=170"
if [ "$route" = rustup ]; then
  rustc_version="$(rustc -V), $target from rustup"
  cargo build --locked --release --lib --target "$target"
else
  rustc_version="$(/usr/bin/rustc -V), $target with std built from Debian's rust-web-src"
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/debian \
    /usr/bin/cargo build --locked --release --lib --target "$target" -Zbuild-std=std,panic_abort
  mkdir -p "target/$target/release"
  cp "target/debian/$target/release/decant.wasm" "target/$target/release/decant.wasm"
fi

rm -rf pkg.tmp
wasm-bindgen --target web --no-typescript --out-dir pkg.tmp "target/$target/release/decant.wasm"
# The features are those Rust enables for wasm32 by default; wasm-bindgen's externref table
# needs reference types.
"$wasm_opt" -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  -o pkg.tmp/decant_bg.wasm pkg.tmp/decant_bg.wasm
{
  echo "# The tools that built this pkg/ (scripts/build-wasm.sh). make check-pkg compares pkg/ byte"
  echo "# for byte only with a rebuild made by the same tools."
  echo "rustc: $rustc_version"
  echo "wasm-bindgen: $(wasm-bindgen --version)"
  echo "wasm-opt: $("$wasm_opt" --version)"
} >pkg.tmp/BUILD
rm -rf pkg && mv pkg.tmp pkg
printf 'pkg/decant_bg.wasm: %s bytes, %s gzipped (%s)\n' "$(stat -c %s pkg/decant_bg.wasm)" \
  "$(gzip -9 -c pkg/decant_bg.wasm | wc -c)" "$rustc_version"
