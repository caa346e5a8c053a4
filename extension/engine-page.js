// Chromium's offscreen document: runs the engine's jobs for the service worker (engine.js), which
// cannot start workers itself, and hands reader frames their articles on ARTICLES_CHANNEL.
//
// A page's capture reaches every extension document, this one too: it is extracted here as soon
// as it arrives, and the worker's question for it (which would otherwise start it a hop later,
// or send the page again: a 5 MB page's second copy took 260 ms) joins that extraction. The
// article stays here for its reader frame, which asks as it starts and has it from here, without
// waiting for the worker's answer (docs/performance.md).

import { ext } from './api.js';
import { ARTICLES_CHANNEL, KIND, dispatch, isCapture, isCaptureId } from './messages.js';
import { engineHost } from './engine.js';

const host = engineHost();

/**
 * The captures' extractions, by id, 60 s at most: `{ job, limit, handed }`, `job` resolving to
 * the result, whose article goes to the reader frame once (`handed`), then leaves.
 */
const extractions = new Map();
/** Those waiting for a capture's extraction to begin (the capture not yet here), by id. */
const waiting = new Map();
const KEEP_MS = 60_000;
/** How long the worker's question waits for its capture, which left the page before it was asked. */
const WAIT_FOR_PAGE_MS = 2_000;
/** How long a reader frame's question waits for its capture (the frame starts while it is sent). */
const WAIT_FOR_FRAME_PAGE_MS = 20_000;

/** Begins extracting capture `id` (once: later calls return the extraction under way). */
function begin(id, html, url, timeoutMs) {
  if (extractions.has(id)) return extractions.get(id);
  const job = host.extract(html, url, { timeoutMs });
  const entry = { job, limit: job.limit, handed: false };
  extractions.set(id, entry);
  setTimeout(() => extractions.delete(id), KEEP_MS);
  const calls = waiting.get(id) ?? [];
  waiting.delete(id);
  for (const call of calls) call(entry);
  return entry;
}

/** Calls `then` with the extraction of capture `id` once it has begun, or with null after `ms`. */
function whenBegun(id, ms, then) {
  const entry = extractions.get(id);
  if (entry) return then(entry);
  const call = (entry) => {
    clearTimeout(timer);
    then(entry);
  };
  const timer = setTimeout(() => {
    const calls = (waiting.get(id) ?? []).filter((c) => c !== call);
    if (calls.length) waiting.set(id, calls);
    else waiting.delete(id);
    then(null);
  }, ms);
  waiting.set(id, [...(waiting.get(id) ?? []), call]);
}

/** `result` without its article. */
const withoutArticle = ({ article, ...rest }) => rest;

// A reader frame asks for its capture's result as it starts: it is answered when the extraction
// ends (`result` null if the capture never came or was handed over already).
const channel = new BroadcastChannel(ARTICLES_CHANNEL);
channel.addEventListener('message', ({ data }) => {
  if (data?.kind !== KIND.askArticle || !isCaptureId(data.id)) return;
  const { id } = data;
  whenBegun(id, WAIT_FOR_FRAME_PAGE_MS, async (entry) => {
    let result = null;
    if (entry && !entry.handed) {
      entry.handed = true;
      result = await entry.job;
      entry.job = Promise.resolve(withoutArticle(result));
    }
    channel.postMessage({ kind: KIND.article, id, result });
  });
});

/** `result` for the service worker: without its article when `keep`, which stays here for the frame. */
function forWorker(result, keep) {
  if (!keep || !result?.ok) return result;
  return { ...withoutArticle(result), kept: true };
}

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  // From a tab: only the extension's own capture script's page, extracted at once.
  if (sender.tab !== undefined) {
    if (isCapture(msg)) begin(msg.id, msg.html, msg.url);
    return false;
  }
  const later = dispatch(msg, {
    [KIND.engine]({ op, html, url, id, keep, timeoutMs }) {
      if (op === 'ping') {
        sendResponse(true);
        return false;
      }
      const answer = (entry) => {
        if (timeoutMs !== undefined) entry.limit(timeoutMs);
        entry.job.then((result) => sendResponse(forWorker(result, keep)));
      };
      if (op === 'page') {
        whenBegun(id, WAIT_FOR_PAGE_MS, (entry) => (entry ? answer(entry) : sendResponse(null)));
        return true;
      }
      if (op === 'extract' && keep) answer(begin(id, html, url, timeoutMs));
      else if (op === 'extract') host.extract(html, url, { timeoutMs }).then(sendResponse);
      else host.readerable(html).then(sendResponse);
      return true;
    },
  });
  return later ?? false;
});
