#!/usr/bin/env bash
# Installs what building and testing Decant needs, skipping whatever is already there:
#   - Chromium and Firefox ESR (browser tests; Chromium also for the demo);
#   - a Rust toolchain for wasm32: rustup's wasm32-unknown-unknown target for the toolchain of
#     rust-toolchain.toml where rustup can fetch it (the reference, which builds the committed
#     pkg/), else Debian's Rust with its std source (rustc-web, cargo-web, rust-web-src, lld-22).
#     DECANT_WASM_ROUTE=debian asks for Debian's (scripts/build-wasm.sh);
#   - wasm-bindgen-cli at the version pinned in Cargo.toml, and binaryen's wasm-opt at the
#     version pinned in scripts/wasm-opt (from npm: Debian's binaryen 108 breaks the module);
#   - esbuild at the version pinned in scripts/bundle (joins the reader frame's modules);
#   - cargo-fuzz, and a C++ compiler for the libFuzzer it builds;
#   - epubcheck (with Java), which the tests run on the EPUB books Decant writes;
#   - the browser tests' npm packages (playwright-core, puppeteer-core, web-ext), as locked in
#     tests/browser.
# Debian packages need root (or sudo); everything else installs as the current user.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

apt_packages=()
command -v chromium >/dev/null || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || apt_packages+=(chromium)
command -v firefox-esr >/dev/null || [ -x "${FIREFOX_PATH:-/nonexistent}" ] || apt_packages+=(firefox-esr)
command -v c++ >/dev/null || apt_packages+=(g++) # libFuzzer, built by the fuzz targets
[ -f /usr/share/java/epubcheck.jar ] || [ -n "${EPUBCHECK_JAR:-}" ] || apt_packages+=(epubcheck) # checks saved EPUBs (Java)
command -v pdftotext >/dev/null || apt_packages+=(poppler-utils) # reads the PDFs the print tests make
. scripts/wasm-routes.sh
case ${DECANT_WASM_ROUTE:-auto} in
  debian) have_debian_rust || apt_packages+=(rustc-web cargo-web rust-web-src lld-22) ;;
  *)
    if ! have_rustup_target; then
      # rustup first: the reference toolchain, and on an ordinary machine it can download it.
      if command -v rustup >/dev/null && rustup target add "$wasm_target" >/dev/null 2>&1; then
        say "installed rustup's wasm32-unknown-unknown target"
      elif [ "${DECANT_WASM_ROUTE:-auto}" = rustup ]; then
        say "DECANT_WASM_ROUTE=rustup, but 'rustup target add wasm32-unknown-unknown' failed"; exit 1
      else
        say "rustup cannot add the wasm32 target here: using Debian's Rust (pkg/ will not be byte-comparable)"
        have_debian_rust || apt_packages+=(rustc-web cargo-web rust-web-src lld-22)
      fi
    fi ;;
esac

if [ ${#apt_packages[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      say "please install these Debian packages (as root): ${apt_packages[*]}"; exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    say "no apt-get here: install ${apt_packages[*]} with your system's package manager"; exit 1
  fi
  say "installing ${apt_packages[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  # Not --locked: one dependency in its lock file is no longer on the registry.
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version"
fi

fuzz_version=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q " $fuzz_version\$"; then
  say "installing cargo-fuzz $fuzz_version (a minute, once)"
  cargo install --quiet cargo-fuzz --version "$fuzz_version"
fi

if [ ! -x scripts/wasm-opt/node_modules/.bin/wasm-opt ] ||
  [ scripts/wasm-opt/package-lock.json -nt scripts/wasm-opt/node_modules/.package-lock.json ]; then
  say "installing binaryen's wasm-opt (npm)"
  npm ci --prefix scripts/wasm-opt --no-audit --no-fund --loglevel=error >/dev/null
fi

if [ ! -d scripts/bundle/node_modules/esbuild ] ||
  [ scripts/bundle/package-lock.json -nt scripts/bundle/node_modules/.package-lock.json ]; then
  say "installing esbuild, which joins the reader's modules (npm)"
  npm ci --prefix scripts/bundle --no-audit --no-fund --loglevel=error >/dev/null
fi

if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/puppeteer-core ] ||
  [ ! -d tests/browser/node_modules/web-ext ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  say "installing the browser tests' npm packages"
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
fi
