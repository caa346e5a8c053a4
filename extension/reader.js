// The reader view: an extension page framed over the article's tab. This file only boots it: it
// asks the service worker for the article extracted from the captured page, loads the settings
// meanwhile, and hands each job to its module in reader/: the article on screen (view.js), the
// table of contents (contents.js), listening (listen.js), saving and copying (save.js, with the
// images in images.js) and the keyboard (keys.js).

import { KIND, isArticleReply } from './messages.js';
import { ext } from './api.js';
import { now, togglePanel } from './util.js';
import { applySettings, loadSettings, saveSettings, onSettingsChanged, settingsForm } from './settings.js';
import { NOT_AN_ARTICLE, errorTitle, render, showMessage, updateProgress } from './reader/view.js';
import { buildContents } from './reader/contents.js';
import { listening } from './reader/listen.js';
import { copy, formatName, save } from './reader/save.js';
import { listenToKeys } from './reader/keys.js';

const $ = (id) => document.getElementById(id);
const main = $('decant-main');
const progress = () => updateProgress($('decant-progress'));
let article = null;
let settings = null;
let form = null;
let listen = null;

function close() {
  listen?.stop();
  // capture.js in the page removes this frame; it checks that the message comes from it.
  window.parent.postMessage({ kind: KIND.close }, '*');
}

const status = (text) => {
  $('decant-save-status').textContent = text;
};

/** Saves the article in `format` (the one chosen in the settings by default). */
function saveAs(format = settings.saveFormat) {
  if (article) save(article, format, status);
}

function updateSaveLabel() {
  $('decant-save').setAttribute('aria-label', `Save as ${formatName(settings.saveFormat)} (key: S)`);
}

/** The settings changed here (a key, the appearance panel, the speed): apply and store them. */
function changeSettings(next) {
  settings = next;
  updateSaveLabel();
  applySettings(document, settings);
  form?.update(settings);
  listen?.setRate(settings.speechRate);
  saveSettings(settings).catch((e) => console.warn('Decant could not save the settings:', e));
}

function wireControls() {
  $('decant-save').addEventListener('click', () => saveAs());
  $('decant-save-more').addEventListener('click', () => togglePanel($('decant-save-more'), $('decant-save-panel')));
  for (const b of document.querySelectorAll('#decant-save-panel [data-save]')) b.addEventListener('click', () => saveAs(b.dataset.save));
  for (const b of document.querySelectorAll('#decant-save-panel [data-copy]')) b.addEventListener('click', () => article && copy(article, b.dataset.copy, status));
  $('decant-close').addEventListener('click', close);
  const appearance = $('decant-appearance');
  const panel = $('decant-appearance-panel');
  form = settingsForm(document, settings, changeSettings);
  panel.append(form.element);
  appearance.addEventListener('click', () => togglePanel(appearance, panel));
  $('decant-toc').addEventListener('click', () => togglePanel($('decant-toc'), $('decant-toc-panel')));
  listen = listening(settings.speechRate, (speechRate) => changeSettings({ ...settings, speechRate }));
  listenToKeys(document, { settings: () => settings, change: changeSettings, save: () => saveAs(), close });
  document.addEventListener('scroll', progress, { passive: true });
  // Settings changed in another reader or on the options page.
  onSettingsChanged((next) => {
    settings = next;
    applySettings(document, settings);
    form.update(settings);
    updateSaveLabel();
  });
}

function show(a) {
  const { view, body } = render(main, a);
  $('decant-save').disabled = false;
  $('decant-save-more').disabled = false;
  updateSaveLabel();
  buildContents(body, $('decant-toc'), $('decant-toc-panel'));
  listen.read(view, a);
  progress();
}

async function load(taken) {
  let reply;
  try {
    reply = await taken;
  } catch (error) {
    showMessage(main, 'Decant could not start', String(error?.message ?? error), close);
    return;
  }
  if (!isArticleReply(reply)) {
    showMessage(main, 'The page is no longer available', reply?.error ?? 'Click the Decant button again.', close);
    return;
  }
  const received = now();
  const { result } = reply;
  if (!result.ok) {
    showMessage(main, errorTitle(result.name), result.message, close);
    return;
  }
  article = result.article;
  const extracted = now();
  if (article.kind === 'page') {
    // Not an article: say so, and show the page's main part only if asked to.
    const anyway = () => {
      show(article);
      main.focus({ preventScroll: true });
    };
    showMessage(main, NOT_AN_ARTICLE.title, NOT_AN_ARTICLE.detail, close, { label: 'Show anyway', action: anyway });
    return;
  }
  show(article);
  main.focus({ preventScroll: true });
  const rendered = now();
  // Where the time went (ms), as the detail of a performance mark the browser benchmark reads.
  // All are wall-clock times, comparable across the page, the service worker and this frame:
  // capture in the page; transfer to the service worker (and waiting for its engine); extraction
  // there; `available` from the click's capture to the extracted article; this frame's own start
  // (in parallel); `delivered` when this frame has the article; drawing it. `at` is when the
  // capture started.
  const t = reply.timing;
  const detail = {
    capture: t.captured - t.started,
    transfer: result.started - t.captured,
    extract: result.extracted - result.started,
    available: result.extracted - t.started,
    frame: loadStart - t.captured,
    at: t.started,
    delivered: received - t.started,
    render: rendered - extracted,
  };
  performance.mark('decant:timing', { detail });
}

// The service worker extracted the page while this frame loaded: ask for it at once, and load the
// settings meanwhile.
const loadStart = now();
const taken = ext.runtime.sendMessage({ kind: KIND.takeCapture, id: decodeURIComponent(location.hash.slice(1)) });
taken.catch(() => {}); // load() reports a failure; this only keeps it from counting as unhandled
main.tabIndex = -1;
settings = await loadSettings();
applySettings(document, settings);
wireControls();
load(taken);
