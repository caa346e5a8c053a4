// Runs on page load only on sites the user allowed (options page: "Show when a page is readable").
// Sends the page to the service worker, which runs the engine's readerable check and sets the
// badge. Reads the page; changes nothing.
(() => {
  // Firefox's `browser` where it exists, Chromium's `chrome` otherwise (as extension/api.js).
  const ext = globalThis.browser ?? globalThis.chrome;
  if (window.top !== window) return;
  // Very large pages are left alone: the check is a hint, not worth a slow page load.
  const MAX_CHARS = 4_000_000;
  const html = document.documentElement.outerHTML;
  if (html.length > MAX_CHARS) return;
  ext.runtime.sendMessage({ kind: 'decant:probe', html }).catch(() => {}); // KIND.probe in messages.js
})();
