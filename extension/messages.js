// The messages the extension's parts exchange. Each has a `kind` from this list; receivers check
// the kind and the field types before acting, and ignore anything else. capture.js and probe.js
// are classic scripts injected into pages and cannot import this module: they spell out the kinds
// they use, and tests/js/api.test.mjs checks that they spell them as here.

export const KIND = Object.freeze({
  // capture.js -> background: the page's HTML, to hand to the reader. Reply: { ok, id } or { ok: false, error }.
  capture: 'decant:capture',
  // reader -> background: the capture with this id, once. Reply: { ok, capture: { url, title,
  // timing }, result: the extracted article or the engine's error } or { ok: false, error }.
  takeCapture: 'decant:take-capture',
  // probe.js -> background: a page's HTML for the readerable check behind the toolbar badge.
  probe: 'decant:probe',
  // reader frame -> capture.js in the page: remove the reader.
  close: 'decant:close',
});

/** Whether `msg` is a capture message with the fields it needs. */
export function isCapture(msg) {
  return msg?.kind === KIND.capture && typeof msg.html === 'string' && typeof msg.url === 'string';
}

/** Whether `msg` asks for a capture by id. */
export function isTakeCapture(msg) {
  return msg?.kind === KIND.takeCapture && typeof msg.id === 'string';
}

/** Whether `msg` is a readerable probe of a page. */
export function isProbe(msg) {
  return msg?.kind === KIND.probe && typeof msg.html === 'string';
}
