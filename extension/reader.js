// The reader view: an extension page framed over the article's tab. It takes the article the
// service worker extracted from the captured page and shows it; the engine runs here too, to save
// (WASM runs in extension pages whatever the page's CSP says). Nothing from the page is ever
// assigned as HTML: the engine's sanitized output is parsed by DOMParser (which runs no script)
// and its nodes are imported.

import { KIND } from './messages.js';
import { ext } from './api.js';
import { el, formatDate, now } from './util.js';
import { THEMES, FONT_SIZE, SPEECH_RATES, SAVE_FORMATS, applySettings, loadSettings, saveSettings, onSettingsChanged, settingsForm } from './settings.js';
import { Narrator } from './narrator.js';

const $ = (id) => document.getElementById(id);
// Headings for the engine's errors, by kind (the message under them says more).
const ERROR_TITLES = {
  NoArticle: 'No article here',
  EmptyInput: 'This page is empty',
  NotHtml: 'This is not a web page',
  TooLarge: 'This page is too large',
};
const main = $('decant-main');
let article = null;
let handle = null; // the engine's handle on the article, which writes every format (made on first save)
let engineReady = null;

/**
 * The engine's handle on the article, for saving: the engine loads and starts here only when
 * first needed (the service worker did the extraction, and this frame never has the page itself).
 */
async function savedArticle() {
  const engine = await (engineReady ??= import('../pkg/decant.js').then(async (module) => (await module.default(), module)));
  handle ??= engine.Saved.fromArticle(article);
  return handle;
}
let settings = null;
let form = null;
let narrator = null;

function close() {
  narrator?.stop();
  // capture.js in the page removes this frame; it checks that the message comes from it.
  window.parent.postMessage({ kind: KIND.close }, '*');
}

function showMessage(title, detail) {
  const back = el('button', { type: 'button', textContent: 'Back to the page' });
  back.addEventListener('click', close);
  const box = el('section', { className: 'decant-message' }, el('h1', { textContent: title }), el('p', { textContent: detail }), back);
  box.setAttribute('role', 'alert');
  main.replaceChildren(box);
  main.setAttribute('aria-busy', 'false');
  back.focus();
}

function metaLine(a) {
  const parts = [];
  if (a.byline) parts.push(el('span', { className: 'decant-byline', textContent: a.byline }));
  const site = a.siteName || (a.url ? new URL(a.url).hostname : '');
  if (site) {
    const link = el('a', { className: 'decant-site', textContent: site });
    if (a.url) Object.assign(link, { href: a.url, target: '_blank', rel: 'noopener noreferrer' });
    parts.push(link);
  }
  const date = formatDate(a.publishedTime, navigator.language);
  if (date) parts.push(el('time', { dateTime: a.publishedTime, textContent: date }));
  if (a.readingTimeMinutes > 0) parts.push(el('span', { className: 'decant-reading-time', textContent: `${a.readingTimeMinutes} min read` }));
  const line = el('p', { className: 'decant-meta' });
  parts.forEach((p, i) => line.append(...(i > 0 ? [' · ', p] : [p])));
  return line;
}

/** The lead image, unless the article already shows it (compared by file name). */
function leadImage(a, body) {
  if (!a.leadImage) return null;
  const name = (u) => {
    try {
      return new URL(u).pathname.split('/').pop();
    } catch {
      return u;
    }
  };
  const lead = name(a.leadImage);
  if ([...body.querySelectorAll('img')].some((img) => name(img.currentSrc || img.src) === lead)) return null;
  return el('figure', { className: 'decant-lead-image' }, el('img', { src: a.leadImage, alt: '' }));
}

function buildToc(body) {
  const headings = [...body.querySelectorAll('h2, h3, h4')].filter((h) => h.textContent.trim());
  const button = $('decant-toc');
  const panel = $('decant-toc-panel');
  // A table of contents helps from three sections on; below that it is clutter.
  if (headings.length < 3) return;
  const list = el('ol');
  headings.forEach((h, i) => {
    if (!h.id) h.id = `decant-section-${i + 1}`;
    const link = el('a', { href: `#${h.id}`, textContent: h.textContent.trim() });
    link.addEventListener('click', () => togglePanel(button, panel, false));
    list.append(el('li', { className: `decant-toc-${h.localName}` }, link));
  });
  panel.replaceChildren(list);
  button.hidden = false;
}

function togglePanel(button, panel, open = panel.hidden) {
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) panel.querySelector('input:checked, button, a, select')?.focus();
}

function render(a) {
  const body = el('div', { className: 'decant-content' });
  const parsed = new DOMParser().parseFromString(a.content, 'text/html');
  body.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  for (const link of body.querySelectorAll('a[href]')) {
    // In-page links (footnotes) stay here; others open outside the reader frame.
    if (!link.getAttribute('href').startsWith('#')) Object.assign(link, { target: '_blank', rel: 'noopener noreferrer' });
  }
  markDeferrable(body);
  const title = a.title || a.siteName || (a.url ? new URL(a.url).hostname : 'Untitled');
  const header = el('header', { className: 'decant-header' }, el('h1', { className: 'decant-title', textContent: title }), metaLine(a));
  const lead = leadImage(a, body);
  if (lead) header.append(lead);

  const view = el('article', { className: 'decant-article' }, header, body);
  if (a.lang) view.lang = a.lang;
  if (a.dir) view.dir = a.dir;
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'false');
  document.title = title;
  $('decant-save').disabled = false;
  $('decant-save-more').disabled = false;
  updateSaveLabel();
  buildToc(body);
  setUpNarrator(view, a);
  updateProgress();
}

/**
 * Marks the blocks of `body` whose layout can wait until they come near the view (reader.css,
 * .decant-deferred): paragraphs, headings and code with something in them, outside list items,
 * tables and figures. Those are left out because deferring a block contains its layout: a list
 * item's marker and a table cell's baseline need their first line, a figure's margins and an empty
 * paragraph's collapse through them. So marked, every block of the 130 corpus pages is where it
 * was once laid out (tests/browser/reader-view.test.mjs checks a page).
 */
function markDeferrable(body) {
  for (const block of body.querySelectorAll(':is(p, pre, h2, h3, h4, h5, h6):not(li *, table *, figure *)')) {
    if (block.textContent.trim() || block.querySelector('img, picture, video, iframe, svg, math, canvas')) block.classList.add('decant-deferred');
  }
}

function setUpNarrator(view, a) {
  const blocks = [...view.querySelectorAll('.decant-title, .decant-content :is(p, h2, h3, h4, h5, h6, li, blockquote, figcaption, dt, dd)')]
    .filter((b) => !b.querySelector('p, li, blockquote'));
  const listen = $('decant-listen');
  const play = $('decant-listen-play');
  narrator = new Narrator(blocks, {
    lang: a.lang || undefined,
    rate: settings.speechRate,
    onChange({ playing, index }) {
      listen.setAttribute('aria-pressed', String(playing));
      play.textContent = playing ? '⏸' : '▶';
      play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      for (const b of view.querySelectorAll('.decant-speaking')) b.classList.remove('decant-speaking');
      if (playing || index > 0) {
        const current = narrator?.blocks[index];
        current?.classList.add('decant-speaking');
        current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    },
  });
  listen.disabled = narrator.blocks.length === 0;
}

function updateProgress() {
  const doc = document.scrollingElement;
  const max = doc.scrollHeight - doc.clientHeight;
  const pct = max > 0 ? Math.round((doc.scrollTop / max) * 100) : 100;
  const bar = $('decant-progress');
  bar.setAttribute('aria-valuenow', String(pct));
  bar.firstElementChild.style.width = `${pct}%`;
}

// Images for saved files: each at most 20 MB, 100 MB in all, 20 s each; four at a time.
const IMAGE_LIMIT = 20 * 2 ** 20;
const IMAGES_LIMIT = 100 * 2 ** 20;
const IMAGE_TIMEOUT_MS = 20_000;
let imagesFetched = null;

/** Fetches the article's images into the engine once; a failure is noted, never fatal. */
function fetchImages(saved) {
  imagesFetched ??= (async () => {
    const urls = [...saved.imageUrls()];
    let total = 0;
    const one = async (url) => {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), IMAGE_TIMEOUT_MS);
      try {
        const response = await fetch(url, { signal: abort.signal, referrerPolicy: 'no-referrer' });
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        if (Number(response.headers.get('content-length')) > IMAGE_LIMIT) throw new Error('it is larger than 20 MB');
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.length > IMAGE_LIMIT) throw new Error('it is larger than 20 MB');
        total += bytes.length;
        if (total > IMAGES_LIMIT) throw new Error('the article\'s images pass 100 MB');
        saved.addImage(url, response.headers.get('content-type') ?? '', bytes);
      } catch (error) {
        const reason = error.name === 'AbortError' ? 'it took too long to load' : `it could not be loaded (${error.message})`;
        saved.addMissing(url, reason);
      } finally {
        clearTimeout(timer);
      }
    };
    const queue = [...urls];
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (queue.length) await one(queue.shift());
    }));
  })();
  return imagesFetched;
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function status(text) {
  $('decant-save-status').textContent = text;
}

/** Saves the article in `format` (the one chosen in the settings by default). */
async function save(format = settings.saveFormat) {
  if (!article) return;
  const saved = await savedArticle();
  saved.setSaved(new Date().toISOString().slice(0, 10));
  if (format === 'markdown') download(saved.fileName('md'), new Blob([saved.markdown()], { type: 'text/markdown;charset=utf-8' }));
  else if (format === 'text') download(saved.fileName('txt'), new Blob([saved.text()], { type: 'text/plain;charset=utf-8' }));
  else {
    status('Fetching the images…');
    await fetchImages(saved);
    if (format === 'html') download(saved.fileName('html'), new Blob([saved.html()], { type: 'text/html;charset=utf-8' }));
    else download(saved.fileName('epub'), new Blob([saved.epub()], { type: 'application/epub+zip' }));
  }
  status(`Saved as ${SAVE_FORMATS[format].split(' (')[0]}.`);
}

/** Copies the article as Markdown, or as rich text (HTML, with plain text beside it). */
async function copy(kind) {
  if (!article) return;
  try {
    const saved = await savedArticle();
    if (kind === 'markdown') await navigator.clipboard.writeText(saved.markdown());
    else {
      const html = new Blob([saved.content()], { type: 'text/html' });
      const plain = new Blob([saved.text()], { type: 'text/plain' });
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': html, 'text/plain': plain })]);
    }
    status(kind === 'markdown' ? 'Copied as Markdown.' : 'Copied as rich text.');
  } catch (error) {
    status(`Could not copy: ${error.message}`);
  }
}

function updateSaveLabel() {
  $('decant-save').setAttribute('aria-label', `Save as ${SAVE_FORMATS[settings.saveFormat].split(' (')[0]} (key: S)`);
}

function changeSettings(next) {
  settings = next;
  updateSaveLabel();
  applySettings(document, settings);
  form?.update(settings);
  if (narrator) narrator.setRate(settings.speechRate);
  saveSettings(settings).catch((e) => console.warn('Decant could not save the settings:', e));
}

// Esc closes on its key-up: removing the frame while the key is still down leaves the browser
// waiting for the key-up to be handled by a frame that no longer exists (Chromium's DevTools input
// then never returns), and the page would get a stray key-up.
let escapeDown = false;

function onKeyUp(event) {
  if (event.key === 'Escape' && escapeDown) {
    escapeDown = false;
    close();
  }
}

function onKeyDown(event) {
  const typing = event.target instanceof HTMLElement && event.target.closest('input, select, textarea');
  if (event.key === 'Escape') {
    const open = [...document.querySelectorAll('.decant-panel')].find((p) => !p.hidden);
    event.preventDefault();
    if (open) {
      const button = document.querySelector(`[aria-controls="${open.id}"]`) ?? $('decant-listen');
      open.hidden = true;
      button?.setAttribute('aria-expanded', 'false');
      button?.focus();
    } else escapeDown = true;
    return;
  }
  if (typing || event.ctrlKey || event.metaKey || event.altKey || !settings) return;
  if (event.key === '+' || event.key === '=') changeSettings({ ...settings, fontSize: settings.fontSize + FONT_SIZE.step });
  else if (event.key === '-') changeSettings({ ...settings, fontSize: settings.fontSize - FONT_SIZE.step });
  else if (event.key === 't' || event.key === 'T') changeSettings({ ...settings, theme: THEMES[(THEMES.indexOf(settings.theme) + 1) % THEMES.length] });
  else if (event.key === 's' || event.key === 'S') save();
  else return;
  event.preventDefault();
}

function wireControls() {
  $('decant-save').addEventListener('click', () => save());
  $('decant-save-more').addEventListener('click', () => togglePanel($('decant-save-more'), $('decant-save-panel')));
  for (const b of document.querySelectorAll('#decant-save-panel [data-save]')) b.addEventListener('click', () => save(b.dataset.save));
  for (const b of document.querySelectorAll('#decant-save-panel [data-copy]')) b.addEventListener('click', () => copy(b.dataset.copy));
  $('decant-close').addEventListener('click', close);
  const appearance = $('decant-appearance');
  const panel = $('decant-appearance-panel');
  form = settingsForm(document, settings, changeSettings);
  panel.append(form.element);
  appearance.addEventListener('click', () => togglePanel(appearance, panel));
  $('decant-toc').addEventListener('click', () => togglePanel($('decant-toc'), $('decant-toc-panel')));

  const rate = $('decant-listen-rate');
  for (const r of SPEECH_RATES) rate.append(el('option', { value: String(r), textContent: `${r}×`, selected: r === settings.speechRate }));
  rate.addEventListener('change', () => changeSettings({ ...settings, speechRate: Number(rate.value) }));
  $('decant-listen').addEventListener('click', () => {
    if (!window.speechSynthesis) {
      $('decant-listen').textContent = 'Listen (not available in this browser)';
      return;
    }
    $('decant-listen-panel').hidden = false;
    narrator?.toggle();
  });
  $('decant-listen-play').addEventListener('click', () => narrator?.toggle());
  $('decant-listen-prev').addEventListener('click', () => narrator?.skip(-1));
  $('decant-listen-next').addEventListener('click', () => narrator?.skip(1));

  document.addEventListener('keydown', onKeyDown);
  document.addEventListener('keyup', onKeyUp);
  document.addEventListener('scroll', updateProgress, { passive: true });
  onSettingsChanged((next) => {
    settings = next;
    applySettings(document, settings);
    form.update(settings);
    updateSaveLabel();
  });
}

async function load(taken) {
  let reply;
  try {
    reply = await taken;
  } catch (error) {
    showMessage('Decant could not start', String(error?.message ?? error));
    return;
  }
  if (!reply?.ok) {
    showMessage('The page is no longer available', reply?.error ?? 'Click the Decant button again.');
    return;
  }
  const received = now();
  const { result } = reply;
  if (!result.ok) {
    showMessage(ERROR_TITLES[result.name] ?? 'Decant could not read this page', result.message);
    return;
  }
  article = result.article;
  const extracted = now();
  render(article);
  main.focus({ preventScroll: true });
  const rendered = now();
  // Where the time went (ms), as the detail of a performance mark the browser benchmark reads.
  // All are wall-clock times, comparable across the page, the service worker and this frame:
  // capture in the page; transfer to the service worker (and waiting for its engine); extraction
  // there; `available` from the click's capture to the extracted article; this frame's own start
  // (in parallel); `delivered` when this frame has the article; drawing it. `at` is when the
  // capture started.
  const t = reply.capture.timing ?? {};
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
