// The service worker: opens and closes the reader on a toolbar click, the keyboard command or
// the context menu; extracts each captured page and hands the article to the reader frame that
// asks for it; and, where the user has allowed it, marks readable pages with a badge.

import { KIND, dispatch, isCaptureId } from './messages.js';
import { ext } from './api.js';
import { RUNAWAY_MS, engineHost, failed } from './engine.js';
import { now } from './util.js';

// Captures wait here between the capture script and the reader frame, as their extraction (begun
// on arrival) with their timing, until the frame takes them (usually within a second) or for 60 s
// at most. The page itself is dropped once extracted. Each is taken once and stored nowhere else
// (but in Chromium's engine document, which receives it too, extracts it on arrival and hands
// the article to the frame itself).
const captures = new Map();
// The capture script shows the reader's frame while it sends the page, so the frame may ask
// first: its question waits here (by id) for the page, for WAIT_FOR_CAPTURE_MS at most.
const waiting = new Map();
const WAIT_FOR_CAPTURE_MS = 20_000;
// The ids already taken: a frame reloaded later is told at once that its capture is gone.
const taken = new Set();
const MENU_ID = 'decant-open';
const PROBE_ID = 'decant-probe';
/** The badge's probe runs on every site or on none (options page). */
const ALL_SITES = ['<all_urls>'];
// How long one extraction may run before its worker is ended (tests shorten it).
let engineTimeoutMs = RUNAWAY_MS;

/** How far apart a page's clock and the service worker's may be (both read the wall clock). */
const CLOCKS_APART_MS = 50;

/**
 * The engine in Chromium: in workers of an offscreen document (engine.html), since a service
 * worker cannot start workers; the document is made once and kept.
 */
function offscreenEngine() {
  let opening = null;
  // Since when the document is known to listen (it answered): a capture sent after that reached
  // it too, and is not sent again.
  let listeningSince = Infinity;
  // How many captures the document extracted from its own copy, and how many were sent to it.
  const counts = { ownCopy: 0, sent: 0 };
  async function ready() {
    if (await ext.offscreen.hasDocument()) return;
    opening ??= ext.offscreen.createDocument({
      url: 'extension/engine.html',
      reasons: ['WORKERS'],
      justification: 'Runs the reader engine in workers that can be ended when a page takes too long.',
    }).catch((error) => {
      // Made meanwhile by an earlier start of this worker: it is there, which is what is wanted.
      if (!/single offscreen/i.test(String(error?.message))) throw error;
    }).finally(() => {
      opening = null;
    });
    await opening;
  }
  // A document just made may not listen yet: no answer is asked again, a few times.
  const send = async (job) => {
    for (let tries = 1; ; tries++) {
      await ready();
      const reply = await ext.runtime.sendMessage({ kind: KIND.engine, ...job }).catch((error) => (tries < 3 ? undefined : Promise.reject(error)));
      if (reply !== undefined || tries === 3) return reply;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  ready()
    .then(() => send({ op: 'ping' }))
    .then((yes) => {
      if (yes === true) listeningSince = Math.min(listeningSince, now());
    })
    .catch((e) => console.warn('Decant: the engine did not start', e));
  return {
    /** The article of a capture (capture.js's message: `{ id, html, url, timing }`). */
    async extractCapture({ id, html, url, timing }, { timeoutMs } = {}) {
      // The page's clock and this worker's are the same wall clock, give or take a little.
      // The article stays in the document, which hands it to the reader frame itself.
      if (Number(timing?.captured) > listeningSince + CLOCKS_APART_MS) {
        const result = await send({ op: 'page', id, keep: true, timeoutMs });
        if (result) {
          counts.ownCopy += 1;
          return result;
        }
      }
      counts.sent += 1;
      return send({ op: 'extract', html, url, id, keep: true, timeoutMs });
    },
    counts: () => ({ ...counts }),
    readerable: async (html) => (await send({ op: 'readerable', html, url: '' })) === true,
  };
}

// The engine starts with the worker, so that a click finds it compiled. Firefox's background page
// starts the engine's workers itself.
const engine = ext.offscreen ? offscreenEngine() : engineHost();

/**
 * Extracts a captured page as soon as it arrives, while the reader frame is still loading: the
 * article is ready when the reader asks. Resolves to the article or the engine's error.
 */
async function extractHere(capture) {
  try {
    const options = { timeoutMs: engineTimeoutMs };
    const result = await (engine.extractCapture ? engine.extractCapture(capture, options) : engine.extract(capture.html, capture.url, options));
    if (result && typeof result.ok === 'boolean') return result;
    throw new Error('the engine gave no answer');
  } catch (error) {
    return failed('Error', String(error?.message ?? error));
  }
}

/** Opens the reader on the tab, or closes it if it is open: what a click on the button does. */
async function toggleReader(tabId) {
  try {
    await ext.scripting.executeScript({ target: { tabId }, files: ['extension/serialize.js', 'extension/capture.js'] });
    if ((await ext.action.getBadgeText({ tabId })) === '!') await ext.action.setBadgeText({ tabId, text: '' });
  } catch (error) {
    // Browser pages, the web store and PDF viewers do not allow scripts: say so on the button.
    console.warn('Decant cannot run on this page:', error);
    await ext.action.setBadgeText({ tabId, text: '!' });
    await ext.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await ext.action.setTitle({ tabId, title: 'Decant cannot open this page (the browser does not allow it)' });
  }
}

function onMenuClicked(info, tab) {
  if (info.menuItemId === MENU_ID && tab?.id !== undefined) return toggleReader(tab.id);
}

/**
 * The readable badge needs to look at every page, which needs host access the extension does not
 * ask for at install. Where the user grants it (options page), a small probe script runs on the
 * granted sites; without it, nothing runs on any page until the button is clicked.
 */
async function syncProbe() {
  // Every site, or none: sites granted for something else (the hosts of an article's images,
  // granted to save them) do not get the probe.
  const everywhere = await ext.permissions.contains({ origins: ALL_SITES });
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [PROBE_ID] });
  if (existing.length) await ext.scripting.unregisterContentScripts({ ids: [PROBE_ID] });
  if (everywhere) {
    await ext.scripting.registerContentScripts([
      { id: PROBE_ID, matches: ALL_SITES, js: ['extension/probe.js'], runAt: 'document_idle', allFrames: false },
    ]);
  }
}

async function showReadable(tabId, html) {
  const readable = await engine.readerable(html);
  await ext.action.setBadgeText({ tabId, text: readable ? '✓' : '' });
  await ext.action.setBadgeBackgroundColor({ tabId, color: '#1b6e76' });
  await ext.action.setTitle({ tabId, title: readable ? 'This page looks readable: open it in reader view (Alt+Shift+R)' : 'Open in reader view (Alt+Shift+R)' });
}

// Requests for the sites of an article's images, asked on the allow page (Firefox's reader frame
// cannot ask): by id, each answered once the page's tab has closed, or when it never showed.
const allowRequests = new Map();
/** How long the allow page has to show itself (a blocked window never does). */
const ALLOW_SHOW_MS = 10_000;

function settleAllow(id) {
  const request = allowRequests.get(id);
  if (!request) return;
  allowRequests.delete(id);
  clearTimeout(request.timer);
  request.answer();
}

ext.tabs.onRemoved.addListener((tabId) => {
  for (const [id, request] of allowRequests) if (request.tabId === tabId) settleAllow(id);
});

ext.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) toggleReader(tab.id);
});

ext.runtime.onInstalled.addListener(() => {
  ext.contextMenus.create({ id: MENU_ID, title: 'Open in reader view', contexts: ['page'] }, () => void ext.runtime.lastError);
  syncProbe().catch((e) => console.warn('Decant: badge setup failed', e));
});
ext.runtime.onStartup.addListener(() => syncProbe().catch(() => {}));
ext.permissions.onAdded.addListener(() => syncProbe().catch(() => {}));
ext.permissions.onRemoved.addListener(() => syncProbe().catch(() => {}));
ext.contextMenus.onClicked.addListener(onMenuClicked);

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only the extension's own scripts can send here; still, check the shape of what arrives.
  if (sender.id !== ext.runtime.id) return false;
  // Each handler returns whether it answers later (the channel stays open until it does).
  const later = dispatch(msg, {
    [KIND.capture](capture) {
      const id = capture.id;
      if (captures.has(id) || taken.has(id)) {
        sendResponse({ ok: false, error: 'the reader view could not be opened. Reload the page and try again.' });
        return false;
      }
      const timing = { started: Number(capture.timing?.started) || 0, captured: Number(capture.timing?.captured) || 0 };
      // The page is handed to the engine in the next task: the reply, which lets the page lay
      // the reader frame over itself, leaves only when this task ends, and would otherwise wait
      // for the page (megabytes, at times) to be copied into the engine's message.
      captures.set(id, { timing, result: new Promise((resolve) => setTimeout(resolve)).then(() => extractHere(capture)) });
      // A reader that never asks (the tab closed first) must not keep the page in memory.
      setTimeout(() => captures.delete(id), 60_000);
      waiting.get(id)?.();
      sendResponse({ ok: true, id });
      return false;
    },
    [KIND.takeCapture]({ id }) {
      const give = () => {
        const entry = captures.get(id);
        captures.delete(id);
        taken.add(id);
        if (!entry) {
          sendResponse({ ok: false, error: 'The page capture has expired. Click the Decant button again.' });
          return;
        }
        // The article and the timing, not the page: the frame saves from the article.
        entry.result.then((result) => sendResponse({ ok: true, timing: entry.timing, result }));
      };
      if (captures.has(id) || taken.has(id) || !isCaptureId(id) || waiting.has(id)) {
        give();
        return true;
      }
      // The frame asked before its page arrived (it starts loading while the page is sent).
      const timer = setTimeout(() => {
        waiting.delete(id);
        give();
      }, WAIT_FOR_CAPTURE_MS);
      waiting.set(id, () => {
        clearTimeout(timer);
        waiting.delete(id);
        give();
      });
      return true;
    },
    [KIND.hostsAllowed]({ origins, id }) {
      // Asked by the reader (an extension page), never by a script in a page.
      if (!sender.url?.startsWith(ext.runtime.getURL(''))) return false;
      const answer = () => ext.permissions.contains({ origins }).then((allowed) => sendResponse({ ok: true, allowed }), () => sendResponse({ ok: true, allowed: false }));
      if (id === undefined) answer();
      else allowRequests.set(id, { answer, tabId: null, timer: setTimeout(() => settleAllow(id), ALLOW_SHOW_MS) });
      return true;
    },
    [KIND.allowShown]({ id }) {
      const request = allowRequests.get(id);
      if (!request || !sender.url?.startsWith(ext.runtime.getURL('extension/allow.html')) || sender.tab?.id === undefined) return false;
      clearTimeout(request.timer);
      request.tabId = sender.tab.id;
      return false;
    },
    [KIND.probe]({ html }) {
      if (sender.tab?.id !== undefined) showReadable(sender.tab.id, html).catch((e) => console.warn('Decant: readerable check failed', e));
      return false;
    },
  });
  return later ?? false;
});

// The browser tests drive the extension through these, the same functions a click, the context
// menu and a permission change run.
// `decantEngineTimeout(ms)` shortens the time an extraction may run, to test its ending.
Object.assign(globalThis, {
  decantToggleReader: toggleReader,
  decantMenuClicked: onMenuClicked,
  decantSyncProbe: syncProbe,
  decantEngineTimeout: (ms) => {
    engineTimeoutMs = ms ?? RUNAWAY_MS;
  },
  // `decantEngineCounts()`: in Chromium, how the captures reached the engine (see offscreenEngine).
  decantEngineCounts: () => engine.counts?.(),
});
