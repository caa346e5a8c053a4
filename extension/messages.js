// The messages the extension's parts exchange, defined once. Each has a `kind` from this list;
// every receiver checks the kind and the field types before acting (`dispatch` below, in the
// service worker; `isArticleReply` in the reader) and ignores anything else. capture.js and
// probe.js are classic scripts injected into pages and cannot import this module: they spell out
// the kinds they use, and tests/js/api.test.mjs checks that they spell them as here. Replies carry
// only what their receiver reads.

export const KIND = Object.freeze({
  // capture.js -> background: the page's HTML and URL, with when the capture started and ended,
  // and its id (`CAPTURE_ID`), which capture.js makes and gives the reader frame it shows while
  // the page is sent. Reply: { ok: true, id } or { ok: false, error }.
  capture: 'decant:capture',
  // reader -> background: the capture with this id, once, when it has arrived (the frame may ask
  // first). Reply: { ok: true, timing, result },
  // `result` being { ok: true, article, started, extracted } or { ok: false, name, message,
  // started, extracted }; or { ok: false, error }.
  takeCapture: 'decant:take-capture',
  // probe.js -> background: a page's HTML for the readerable check behind the toolbar badge. No
  // reply: the badge is the answer.
  probe: 'decant:probe',
  // capture.js -> reader frame, once it has loaded: `{ kind, id, lock }` with the capture's id
  // (which only the frame and capture.js know), transferring the MessagePort the two talk over
  // from then on. Nothing else crosses window.postMessage, whose origin a page could read.
  connect: 'decant:connect',
  // Over that port, reader frame -> capture.js: remove the reader.
  close: 'decant:close',
  // reader frame -> capture.js: `{ kind, html, lang, dir }`, the article as drawn, for the copy
  // that the page prints while the reader is open (the frame itself cannot be printed whole).
  printCopy: 'decant:print-copy',
  // reader frame -> capture.js: print (the reader's Ctrl+P, so that every way to print gives the same).
  print: 'decant:print',
  // capture.js -> reader frame: the user closed the reader from the page (a second click, Esc):
  // undo the history entry the reader added, then answer with close.
  leave: 'decant:leave',
  // reader frame -> background, where the frame has no `permissions` API (Firefox): whether the
  // extension may read these sites (`origins`, match patterns), and when `id` is given, only once
  // the allow page opened for that id has closed (or never opened). Reply: { ok: true, allowed }.
  hostsAllowed: 'decant:hosts-allowed',
  // allow page -> background, once shown: `{ kind, id }`, the request it shows. No reply.
  allowShown: 'decant:allow-shown',
  // background -> the engine's offscreen document (Chromium, engine-page.js): `{ kind, op, html,
  // url, timeoutMs }`, op 'extract' or 'readerable'. Reply: the result of engine.js's extract, or
  // whether the page looks readable (true or false). Op 'page' with `{ id }` instead of the page:
  // the result of the capture with that id, which reached the document itself (a page's message
  // goes to every extension document) and is extracted from the moment it did; null if it never
  // arrived. Op 'ping': reply true, once the document listens.
  engine: 'decant:engine',
  // Chromium: a capture is extracted in the engine's offscreen document as it arrives there (ops
  // 'page' and 'extract' with `keep: true` and the capture's `id` join that extraction, and reply
  // its result without the article, `kept: true`); the result goes straight to the reader frame on
  // ARTICLES_CHANNEL, not through the service worker's messages (a copy as JSON each way), as
  // soon as it is ready. reader frame -> document, as the frame starts: `{ kind, id }`; the
  // document answers `{ kind: article, id, result }` once the extraction ends, `result` as in
  // takeCapture's reply, or null when it has none for that id.
  askArticle: 'decant:ask-article',
  article: 'decant:article',
});

/** The BroadcastChannel the engine's document hands articles to reader frames on (extension pages only). */
export const ARTICLES_CHANNEL = 'decant-articles';

/** A capture's id: 128 random bits in hex, made by capture.js. */
export const CAPTURE_ID = /^[0-9a-f]{32}$/;

/** Whether `id` is a capture's id as capture.js makes it. */
export function isCaptureId(id) {
  return typeof id === 'string' && CAPTURE_ID.test(id);
}

/** Whether `msg` is a capture message with the fields it needs. */
export function isCapture(msg) {
  return msg?.kind === KIND.capture && typeof msg.html === 'string' && typeof msg.url === 'string' && isCaptureId(msg.id);
}

/** Whether `msg` asks for a capture by id. */
export function isTakeCapture(msg) {
  return msg?.kind === KIND.takeCapture && typeof msg.id === 'string';
}

/** Whether `msg` is a readerable probe of a page. */
export function isProbe(msg) {
  return msg?.kind === KIND.probe && typeof msg.html === 'string';
}

/** Whether `msg` asks whether the extension may read some sites (match patterns). */
export function isHostsAllowed(msg) {
  const id = msg?.id === undefined || typeof msg.id === 'string';
  return msg?.kind === KIND.hostsAllowed && id && Array.isArray(msg.origins) && msg.origins.length > 0 && msg.origins.every((o) => typeof o === 'string');
}

/** Whether `msg` says that the allow page for a request is shown. */
export function isAllowShown(msg) {
  return msg?.kind === KIND.allowShown && typeof msg.id === 'string';
}

/** Whether `msg` is a job for the engine. */
export function isEngineJob(msg) {
  const timeout = msg?.timeoutMs === undefined || (Number.isFinite(msg.timeoutMs) && msg.timeoutMs > 0);
  const job = (msg?.op === 'extract' || msg?.op === 'readerable') && typeof msg.html === 'string' && typeof msg.url === 'string';
  const page = msg?.op === 'page' && isCaptureId(msg.id);
  const keep = msg?.keep === undefined || (msg.keep === true && isCaptureId(msg.id));
  return msg?.kind === KIND.engine && timeout && keep && (job || page || msg.op === 'ping');
}

const CHECKS = new Map([
  [KIND.capture, isCapture],
  [KIND.takeCapture, isTakeCapture],
  [KIND.probe, isProbe],
  [KIND.hostsAllowed, isHostsAllowed],
  [KIND.allowShown, isAllowShown],
  [KIND.engine, isEngineJob],
]);

/**
 * Calls `handlers[msg.kind](msg)` if `msg` is a well-formed message of a kind there is a handler
 * for, and returns what it returns; returns `undefined` for anything else, which is ignored.
 */
export function dispatch(msg, handlers) {
  const check = CHECKS.get(msg?.kind);
  if (!check || !check(msg) || !Object.hasOwn(handlers, msg.kind)) return undefined;
  return handlers[msg.kind](msg);
}

/**
 * Whether `result` is an extraction's result with what the reader reads: an article (or, with
 * `kept`, word that the engine's document keeps it for the frame), or an error.
 */
export function isResult(result, { kept = false } = {}) {
  if (typeof result !== 'object' || result === null) return false;
  const timed = typeof result.started === 'number' && typeof result.extracted === 'number';
  const article = result.ok === true && (typeof result.article?.content === 'string' || (kept && result.kept === true));
  const error = result.ok === false && typeof result.message === 'string';
  return timed && (article || error);
}

/** Whether `reply` is the background's answer to a take-capture message, with what the reader reads. */
export function isArticleReply(reply) {
  return reply?.ok === true && isResult(reply.result, { kept: true }) && typeof reply.timing === 'object';
}
