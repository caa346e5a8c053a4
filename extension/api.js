// The WebExtension API: Firefox's `browser` where it exists, Chromium's `chrome` otherwise (both
// return promises under Manifest V3). One name for both, and no global is patched.
export const ext = globalThis.browser ?? globalThis.chrome;
