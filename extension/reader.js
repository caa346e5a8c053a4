// The reader view: an extension page framed over the article's tab. It takes the captured page
// from the service worker, runs the engine on it (WASM runs here whatever the page's CSP says),
// and shows the sanitized article. Nothing from the page is ever assigned as HTML: the engine's
// sanitized output is parsed by DOMParser (which runs no script) and its nodes are imported.

import init, { extractWithMarkdown } from '../pkg/decant.js';
import { KIND } from './messages.js';
import { fileName, formatDate } from './util.js';

const main = document.getElementById('decant-main');
const saveButton = document.getElementById('decant-save');
const closeButton = document.getElementById('decant-close');
let article = null;

function close() {
  // capture.js in the page removes this frame; it checks that the message comes from it.
  window.parent.postMessage({ kind: 'decant:close' }, '*');
}

function showMessage(title, detail) {
  const box = document.createElement('section');
  box.className = 'decant-message';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = detail;
  const back = document.createElement('button');
  back.type = 'button';
  back.textContent = 'Back to the page';
  back.addEventListener('click', close);
  box.append(h, p, back);
  main.replaceChildren(box);
  main.setAttribute('aria-busy', 'false');
  back.focus();
}

function metaLine(a) {
  const line = document.createElement('p');
  line.className = 'decant-meta';
  const parts = [];
  if (a.byline) parts.push(Object.assign(document.createElement('span'), { className: 'decant-byline', textContent: a.byline }));
  const site = a.siteName || (a.url ? new URL(a.url).hostname : '');
  if (site) {
    const link = Object.assign(document.createElement('a'), { className: 'decant-site', textContent: site });
    if (a.url) {
      link.href = a.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    parts.push(link);
  }
  const date = formatDate(a.publishedTime, navigator.language);
  if (date) {
    const time = Object.assign(document.createElement('time'), { textContent: date });
    time.dateTime = a.publishedTime;
    parts.push(time);
  }
  if (a.readingTimeMinutes > 0) {
    parts.push(Object.assign(document.createElement('span'), { className: 'decant-reading-time', textContent: `${a.readingTimeMinutes} min read` }));
  }
  parts.forEach((p, i) => {
    if (i > 0) line.append(' · ');
    line.append(p);
  });
  return line;
}

function render(a) {
  const header = document.createElement('header');
  header.className = 'decant-header';
  const title = a.title || a.siteName || (a.url ? new URL(a.url).hostname : 'Untitled');
  const h1 = Object.assign(document.createElement('h1'), { className: 'decant-title', textContent: title });
  header.append(h1, metaLine(a));

  const body = document.createElement('div');
  body.className = 'decant-content';
  const parsed = new DOMParser().parseFromString(a.content, 'text/html');
  body.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  for (const link of body.querySelectorAll('a[href]')) {
    // In-page links (footnotes) stay here; others open outside the reader frame.
    if (!link.getAttribute('href').startsWith('#')) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
  }

  const view = document.createElement('article');
  view.className = 'decant-article';
  if (a.lang) view.lang = a.lang;
  if (a.dir) view.dir = a.dir;
  view.append(header, body);
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'false');
  document.title = title;
  saveButton.disabled = false;
}

function save() {
  if (!article) return;
  const blob = new Blob([article.markdown], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName(article.title, 'md') });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function load() {
  const id = decodeURIComponent(location.hash.slice(1));
  let reply;
  try {
    [reply] = await Promise.all([chrome.runtime.sendMessage({ kind: KIND.takeCapture, id }), init()]);
  } catch (error) {
    showMessage('Decant could not start', String(error?.message ?? error));
    return;
  }
  if (!reply?.ok) {
    showMessage('The page is no longer available', reply?.error ?? 'Click the Decant button again.');
    return;
  }
  try {
    article = extractWithMarkdown(reply.capture.html, reply.capture.url);
  } catch (error) {
    showMessage('No article here', String(error?.message ?? error));
    return;
  }
  render(article);
  main.focus({ preventScroll: true });
}

saveButton.addEventListener('click', save);
closeButton.addEventListener('click', close);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    close();
  }
});
main.tabIndex = -1;
load();
