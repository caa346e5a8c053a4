// The reader view: an extension page framed over the article's tab. This file only boots it: it
// asks the service worker for the article extracted from the captured page, loads the settings
// meanwhile, and hands each job to its module in reader/: the article on screen (view.js), the
// table of contents (contents.js), the toolbar's pop-ups (panels.js), listening (listen.js),
// saving and copying (save.js, with the images in images.js), the keyboard (keys.js), and the
// page underneath: closing, Back, printing (page.js).

import { ARTICLES_CHANNEL, KIND, isArticleReply, isResult } from './messages.js';
import { ext } from './api.js';
import { afterPaint, now } from './util.js';
import { applySettings, loadSettings, saveSettings, onSettingsChanged, settingsForm } from './settings.js';
import { NOT_AN_ARTICLE, errorTitle, render, showMessage, updateProgress } from './reader/view.js';
import { buildContents } from './reader/contents.js';
import { listening } from './reader/listen.js';
import { copy, formatName, save } from './reader/save.js';
import { listenToKeys } from './reader/keys.js';
import { popups } from './reader/panels.js';
import { leave, offerPrintCopy, print } from './reader/page.js';
import { placeIn, recall, remember, scrollTo } from './reader/position.js';
import { footnotes } from './reader/notes.js';
import { zoomImages } from './reader/zoom.js';

const $ = (id) => document.getElementById(id);
const main = $('decant-main');
// Marks the section being read in Contents (set once the article is shown).
let markSection = () => {};
let marking = false;
// The article on screen, and whether the reader has scrolled it since it opened.
let shown = null;
let scrolled = false;
// How far down the screen the toolbar reaches: a place is what is just below it.
const underToolbar = () => document.querySelector('.decant-toolbar').getBoundingClientRect().bottom;
let placeTimer = 0;
/** Remembers where the reader is in the article, a moment after scrolling stops. */
function notePlace() {
  if (!shown || !article) return;
  const { view } = shown;
  const url = article.url;
  const doc = document.scrollingElement;
  // At the start, or at the end (read to the last line): nothing to come back to.
  const finished = doc.scrollTop + doc.clientHeight >= doc.scrollHeight - 4;
  const place = finished ? null : placeIn(view, underToolbar());
  remember(url, place && (place.block > 0 || place.into > 0.05) ? place : null).catch(() => {});
}
const progress = () => {
  updateProgress($('decant-progress'));
  scrolled = true;
  clearTimeout(placeTimer);
  placeTimer = setTimeout(notePlace, 400);
  if (marking) return;
  marking = true;
  requestAnimationFrame(() => {
    marking = false;
    markSection();
  });
};
let article = null;
let settings = null;
let form = null;
let listen = null;
let ready = false;
const panels = popups(document);
// The open footnote and enlarged picture, which Esc closes before anything else.
let notes = null;
let zoom = null;
// Settings this reader has stored whose change events have not come back yet.
let ownWrites = 0;

function close() {
  listen?.stop();
  if (placeTimer) {
    clearTimeout(placeTimer);
    notePlace();
  }
  // capture.js in the page removes this frame, once Back has taken the reader's history entry.
  leave();
}

// How long a finished save's or copy's message stays by the Save button.
const STATUS_MS = 4000;
/**
 * How long the engine's document has to answer (Chromium: it answers when the extraction ends,
 * which the engine ends within 30 s, or after 20 s without the capture; Firefox has no such document).
 */
const ENGINE_ANSWER_WAIT_MS = 60_000;
let statusTimer = 0;
/** How long the frame stays blank waiting for its article before it shows the toolbar alone. */
const REVEAL_TOOLBAR_MS = 250;

/** Says `text` by the Save button, where the user just clicked; `done` messages fade away. */
function status(text, { done = true } = {}) {
  const toast = $('decant-save-status');
  clearTimeout(statusTimer);
  toast.textContent = text;
  toast.hidden = false;
  const at = $('decant-save').getBoundingClientRect();
  toast.style.top = `${Math.round(at.bottom + 8)}px`;
  toast.style.right = `${Math.max(8, Math.round(document.documentElement.clientWidth - at.right))}px`;
  // Long enough to be read: a long message (images left out, say) stays longer.
  if (done) statusTimer = setTimeout(() => { toast.hidden = true; }, Math.max(STATUS_MS, text.length * 60));
}

/** Saves the article in `format` (the one chosen in the settings by default). */
function saveAs(format = settings.saveFormat) {
  if (!article) return;
  save(article, format, status).catch((error) => status(`Could not save: ${error?.message ?? error}`));
}

function updateSaveLabel() {
  $('decant-save').setAttribute('aria-label', `Save as ${formatName(settings.saveFormat)} (key: S)`);
}

/**
 * Applies `settings`, keeping the reader's place: a larger text or a narrower column would
 * otherwise move what is being read off the screen.
 */
function applyKeepingPlace() {
  const doc = document.scrollingElement;
  const place = shown && doc.scrollTop > 0 ? placeIn(shown.view, underToolbar()) : null;
  applySettings(document, settings);
  // Only a change that moved the text (size, face, width, spacing) needs the place found again.
  const now = place && placeIn(shown.view, underToolbar());
  if (place && (now?.block !== place.block || Math.abs(now.into - place.into) > 0.01)) scrollTo(shown.view, doc, place, underToolbar());
}

/** The settings changed here (a key, the appearance panel, the speed): apply and store them. */
function changeSettings(next) {
  settings = next;
  updateSaveLabel();
  applyKeepingPlace();
  form?.update(settings);
  listen?.apply(settings);
  panels.place();
  ownWrites += 1;
  saveSettings(settings).catch((e) => {
    ownWrites -= 1;
    console.warn('Decant could not save the settings:', e);
  });
}

/**
 * Wires the controls that read or change anything: only once this frame holds a capture that was
 * made for it, so that a page framing reader.html on its own cannot use them (to change the
 * user's settings, say). Until then the frame offers Close and Esc alone.
 */
function wireControls() {
  $('decant-save').addEventListener('click', () => saveAs());
  panels.add($('decant-save-more'), $('decant-save-panel'), { menu: true });
  // The menu opens where the last save's message stands: the message gives way to it.
  $('decant-save-more').addEventListener('click', () => {
    $('decant-save-status').hidden = true;
  });
  for (const b of document.querySelectorAll('#decant-save-panel [data-save]')) b.addEventListener('click', () => saveAs(b.dataset.save));
  for (const b of document.querySelectorAll('#decant-save-panel [data-copy]')) b.addEventListener('click', () => article && copy(article, b.dataset.copy, status));
  $('decant-print').addEventListener('click', print);
  form = settingsForm(document, settings, changeSettings);
  $('decant-appearance-panel').append(form.element);
  panels.add($('decant-appearance'), $('decant-appearance-panel'));
  panels.add($('decant-toc'), $('decant-toc-panel'));
  listen = listening(() => settings, (patch) => changeSettings({ ...settings, ...patch }));
  $('decant-appearance').hidden = false;
  ready = true;
  document.addEventListener('scroll', progress, { passive: true });
  // Settings changed in another reader or on the options page.
  onSettingsChanged((next) => {
    // The echo of a change made here, in the order made: a later one may already be shown.
    if (ownWrites > 0) {
      ownWrites -= 1;
      return;
    }
    settings = next;
    applyKeepingPlace();
    form.update(settings);
    listen.apply(settings);
    updateSaveLabel();
  });
}

/** What works from the start: Close, and the keys (which do nothing else until wired). */
function wireClosing() {
  $('decant-close').addEventListener('click', close);
  listenToKeys(document, {
    settings: () => (ready ? settings : null),
    change: changeSettings,
    dismiss: () => zoom?.dismiss() || notes?.dismiss() || panels.dismiss(),
    save: () => saveAs(),
    listen: () => listen?.toggle(),
    print: () => ready && print(),
    close,
  });
}

/**
 * Focuses the reader's document itself, not a control in it: the first Tab then reaches the
 * toolbar, the next ones the article's links, and the arrow keys scroll the article.
 */
function focusDocument() {
  document.body.tabIndex = -1;
  document.body.focus({ preventScroll: true });
}

/**
 * Draws article `a`. A long one is drawn in two parts: returns null, or a function to call once
 * the first part is on screen, which draws the rest and sets up what needs the whole article.
 */
function show(a) {
  const { view, body, more } = render(main, a);
  shown = { view };
  $('decant-save').disabled = false;
  $('decant-save-more').disabled = false;
  updateSaveLabel();
  if (!more) {
    whole(a, view, body);
    return null;
  }
  return () => {
    more();
    whole(a, view, body);
  };
}

/** What needs the whole article drawn: notes, pictures, contents, the narrator, the place. */
function whole(a, view, body) {
  notes = footnotes(body);
  zoom = zoomImages(body);
  markSection = buildContents(body, $('decant-toc'), $('decant-toc-panel'));
  listen.read(view, a);
  // The page's copy for print, once the article is on screen (it is not needed before).
  requestAnimationFrame(() => setTimeout(() => offerPrintCopy(view)));
  progress();
  clearTimeout(placeTimer);
  placeTimer = 0;
  scrolled = false;
  // Back where the reader stopped in this article last time, unless they have scrolled already.
  recall(a.url).then((place) => {
    if (!place || scrolled || !scrollTo(view, document.scrollingElement, place, underToolbar())) return;
    status('Back where you stopped reading. Home goes to the start.');
  }).catch(() => {});
}

/**
 * The result of this frame's capture: from the engine's document (Chromium), which answers as
 * soon as the extraction ends, or from the service worker's reply (`taken`), whichever comes first
 * with it. Returns `{ result }`, or `{ title, detail }` to say what went wrong.
 */
async function arrival(taken, direct) {
  const never = new Promise(() => {});
  const first = await Promise.race([
    taken.then((reply) => ({ reply }), (error) => ({ error })),
    direct.result.then((result) => (result ? { result } : never)),
  ]);
  if (first.result) return first;
  // The service worker's reply came first: the engine's document answers only if it kept the result.
  if (first.reply?.result?.kept !== true) direct.close();
  if (first.error) return { title: 'Decant could not start', detail: String(first.error?.message ?? first.error) };
  const { reply } = first;
  if (!isArticleReply(reply)) return { title: 'The page is no longer available', detail: reply?.error ?? 'Click the Decant button again.' };
  if (!reply.result.kept) return { result: reply.result };
  // Kept by the engine's document, whose answer was null: it was handed over already, or lost.
  const result = await direct.result;
  if (result) return { result };
  return { title: 'The page is no longer available', detail: 'The page capture has expired. Click the Decant button again.' };
}

/** Lets the frame draw its document (see `data-starting` in reader.css). */
function reveal() {
  document.documentElement.removeAttribute('data-starting');
}

async function load(taken, direct) {
  const arrived = await arrival(taken, direct);
  reveal();
  if (!arrived.result) {
    showMessage(main, arrived.title, arrived.detail, close);
    return;
  }
  const { result } = arrived;
  wireControls();
  const received = now();
  if (!result.ok) {
    showMessage(main, errorTitle(result.name), result.message, close);
    // When the engine gave up (a wall-clock time, as the timing below): the tests compare it with
    // the time another tab's reader was drawn.
    performance.mark('decant:timing', { detail: { failed: result.name, answeredAt: result.extracted } });
    return;
  }
  article = result.article;
  const extracted = now();
  if (article.kind === 'page') {
    // Not an article: say so, and show the page's main part only if asked to.
    const anyway = () => {
      const rest = show(article);
      focusDocument();
      if (rest) afterPaint().then(rest);
    };
    showMessage(main, NOT_AN_ARTICLE.title, NOT_AN_ARTICLE.detail, close, { label: 'Show anyway', action: anyway });
    return;
  }
  const rest = show(article);
  focusDocument();
  const rendered = now();
  const painted = await afterPaint();
  rest?.();
  // Where the time went (ms), as the detail of a performance mark the browser benchmark reads.
  // All are wall-clock times, comparable across the page, the service worker and this frame:
  // capture in the page; transfer to the service worker (and waiting for its engine); extraction
  // there; `available` from the click's capture to the extracted article; this frame's own start
  // (in parallel): its navigation, then its first script; `delivered` when this frame has the
  // article; drawing it; `painted` when the frame showing it has been drawn. `at` is when the
  // capture started, `paintedAt` the wall-clock time of that frame, and `firstBlockOnScreen`
  // whether the article's first block of text is in the window then (not below a lead picture).
  const reply = await taken.catch(() => null);
  if (!isArticleReply(reply)) return;
  const t = reply.timing;
  const first = [...main.querySelectorAll('.decant-content :is(p, li, pre, blockquote, h2, h3, h4, dd, td)')].find((e) => e.textContent.trim());
  const detail = {
    capture: t.captured - t.started,
    transfer: result.started - t.captured,
    extract: result.extracted - result.started,
    available: result.extracted - t.started,
    frame: performance.timeOrigin - t.started,
    script: loadStart - t.started,
    at: t.started,
    delivered: received - t.started,
    render: rendered - extracted,
    painted: painted - t.started,
    paintedAt: painted,
    // Whether the engine's document handed the article over itself (Chromium).
    handedOver: reply.result.kept === true,
    // Whether the article was drawn in two parts (a long one), the first timed here.
    inParts: rest !== null,
    firstBlockOnScreen: Boolean(first && first.getBoundingClientRect().top < window.innerHeight),
  };
  performance.mark('decant:timing', { detail });
}

/**
 * Asks the engine's document for the result of capture `id` (Chromium: it goes from there to here
 * directly, as soon as it is ready, not as a copy through the service worker's messages).
 * Returns `{ result, close }`: `result` resolves to it, or to null; `close` stops listening.
 */
function askEngine(id) {
  const channel = new BroadcastChannel(ARTICLES_CHANNEL);
  let done;
  const result = new Promise((resolve) => {
    done = (answer) => {
      clearTimeout(timer);
      channel.close();
      resolve(answer);
    };
  });
  const timer = setTimeout(() => done(null), ENGINE_ANSWER_WAIT_MS);
  channel.addEventListener('message', ({ data }) => {
    if (data?.kind === KIND.article && data.id === id) done(isResult(data.result) ? data.result : null);
  });
  channel.postMessage({ kind: KIND.askArticle, id });
  return { result, close: () => done(null) };
}

// The service worker extracted the page while this frame loaded: ask for it at once, and load the
// settings meanwhile.
const loadStart = now();
const captureId = decodeURIComponent(location.hash.slice(1));
const direct = askEngine(captureId);
const taken = ext.runtime.sendMessage({ kind: KIND.takeCapture, id: captureId });
taken.catch(() => {}); // load() reports a failure; this only keeps it from counting as unhandled
wireClosing();
// A page that takes long to read: the toolbar (and Close) are shown meanwhile.
setTimeout(reveal, REVEAL_TOOLBAR_MS);
settings = await loadSettings();
applySettings(document, settings);
load(taken, direct);
