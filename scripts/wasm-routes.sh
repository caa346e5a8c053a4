# Sourced by scripts/setup.sh and scripts/build-wasm.sh: whether each way of building for wasm32
# is installed (the routes are described in scripts/build-wasm.sh).
wasm_target=wasm32-unknown-unknown
# rustup's target, for the toolchain of rust-toolchain.toml (the reference).
have_rustup_target() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$wasm_target"
}
# Debian's Rust with the std source that -Zbuild-std compiles.
have_debian_rust() { [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; }
