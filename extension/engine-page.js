// Chromium's offscreen document: runs the engine's jobs for the service worker (engine.js), which
// cannot start workers itself. It answers the service worker, and hands reader frames their
// articles on ARTICLES_CHANNEL.
//
// A page's capture reaches every extension document, this one too: it is kept here, by id, for
// the worker to have it extracted without sending it again (a 5 MB page's second copy took 260
// ms), and the article stays here until its frame asks (docs/performance.md).

import { ext } from './api.js';
import { ARTICLES_CHANNEL, KIND, dispatch, isCapture, isCaptureId } from './messages.js';
import { engineHost } from './engine.js';

const host = engineHost();

/** The captures that arrived, by id, until the worker asks for them (60 s at most). */
const pages = new Map();
/** The worker's questions for captures not yet arrived, by id. */
const asked = new Map();
const KEEP_PAGE_MS = 60_000;
/** How long a question waits for its capture, which left the page before it was asked. */
const WAIT_FOR_PAGE_MS = 2_000;

function keep({ id, html, url }) {
  if (pages.has(id)) return;
  pages.set(id, { html, url });
  setTimeout(() => pages.delete(id), KEEP_PAGE_MS);
  asked.get(id)?.();
}

/** Calls `give` with the capture `id` (taken: it is given once), or with null if it does not come. */
function take(id, give) {
  const hand = () => {
    asked.delete(id);
    const page = pages.get(id) ?? null;
    pages.delete(id);
    give(page);
  };
  if (pages.has(id)) return hand();
  const timer = setTimeout(hand, WAIT_FOR_PAGE_MS);
  asked.set(id, () => {
    clearTimeout(timer);
    hand();
  });
}

/** Articles kept for their reader frame (by capture id, 60 s at most), and where it asks for them. */
const articles = new Map();
const channel = new BroadcastChannel(ARTICLES_CHANNEL);
channel.addEventListener('message', ({ data }) => {
  if (data?.kind !== KIND.askArticle || !isCaptureId(data.id)) return;
  const article = articles.get(data.id) ?? null;
  articles.delete(data.id);
  channel.postMessage({ kind: KIND.article, id: data.id, article });
});

/** `result` for the service worker: without its article when `keep`, which stays here for the frame. */
function answer(result, id, keep) {
  if (!keep || !result?.ok) return result;
  const { article, ...rest } = result;
  articles.set(id, article);
  setTimeout(() => articles.delete(id), KEEP_PAGE_MS);
  return { ...rest, kept: true };
}

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  // From a tab: only the extension's own capture script's page, kept for the worker's question.
  if (sender.tab !== undefined) {
    if (isCapture(msg)) keep(msg);
    return false;
  }
  const later = dispatch(msg, {
    [KIND.engine]({ op, html, url, id, keep, timeoutMs }) {
      if (op === 'ping') {
        sendResponse(true);
        return false;
      }
      const extract = (page) => host.extract(page.html, page.url, { timeoutMs }).then((result) => sendResponse(answer(result, id, keep)));
      if (op === 'page') {
        take(id, (page) => (page ? extract(page) : sendResponse(null)));
        return true;
      }
      if (op === 'extract') extract({ html, url });
      else host.readerable(html).then(sendResponse);
      return true;
    },
  });
  return later ?? false;
});
