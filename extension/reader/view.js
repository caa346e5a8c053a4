// The article on screen: its header (title, tags, byline, site, date, reading time, lead image), its
// sanitized content, messages in its place when there is none, and the reading-progress bar.
// Nothing from the page is ever assigned as HTML: the engine's sanitized output is parsed by
// DOMParser (which runs no script) and its nodes moved into the reader's document.

import { el, formatDate } from '../util.js';

// Headings for the engine's errors, by kind (the message under them says more).
const ERROR_TITLES = {
  NoArticle: 'No article here',
  EmptyInput: 'This page is empty',
  NotHtml: 'This is not a web page',
  TooLarge: 'This page is too large',
  TooComplex: 'This page is too complex to read',
};

/** The heading for an engine error of kind `name`. */
export const errorTitle = (name) => ERROR_TITLES[name] ?? 'Decant could not read this page';

/**
 * Shows `title` and `detail` in `main` instead of an article, with a button that calls `back`,
 * after a button for `anyway` ({ label, action }) when there is one. The first button has focus.
 */
export function showMessage(main, title, detail, back, anyway = null) {
  const buttons = [];
  if (anyway) {
    const show = el('button', { type: 'button', className: 'decant-primary', textContent: anyway.label });
    show.addEventListener('click', anyway.action);
    buttons.push(show);
  }
  const button = el('button', { type: 'button', textContent: 'Back to the page' });
  button.addEventListener('click', back);
  buttons.push(button);
  const box = el('section', { className: 'decant-message' }, el('h1', { textContent: title }), el('p', { textContent: detail }), el('p', { className: 'decant-actions' }, ...buttons));
  box.setAttribute('role', 'alert');
  main.replaceChildren(box);
  main.setAttribute('aria-busy', 'false');
  buttons[0].focus();
}

/** The prefix of the article's ids in the reader (the reader's own begin with "decant-"). */
const ARTICLE_ID = 'article-';

/** Below this confidence (0–1), an article's header says the engine is not sure of it. On the
 * development corpus, pages read with a confidence from 0.25 to 0.5 scored a mean word F1 of
 * 0.48 against people's choice of text, those from 0.5 to 0.75 0.75, those above 0.88
 * (docs/corpus.md). */
export const UNSURE_BELOW = 0.5;

/** What the reader says of a page that is not an article (`kind: "page"`), before showing it. */
export const NOT_AN_ARTICLE = {
  title: 'This page is not an article',
  detail: 'It looks like a list of links, a shop or an app: Decant found no article to read here. It can show the main part of the page anyway, without the rest of the site around it.',
};

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
  // "Updated" when the page says it changed on a later day than it was published.
  const updated = formatDate(a.modifiedTime, navigator.language);
  if (updated && updated !== date && !(Date.parse(a.modifiedTime) < Date.parse(a.publishedTime))) {
    parts.push(el('time', { className: 'decant-updated', dateTime: a.modifiedTime, textContent: `Updated ${updated}` }));
  }
  if (a.kind !== 'page' && a.readingTimeMinutes > 0) parts.push(el('span', { className: 'decant-reading-time', textContent: `${a.readingTimeMinutes} min read` }));
  const line = el('p', { className: 'decant-meta' });
  parts.forEach((p, i) => line.append(...(i > 0 ? [' · ', p] : [p])));
  return line;
}

/**
 * What names one picture across its sizes, as the engine's `picture_key` (src/save/shared.rs)
 * says it: the file name without extension, sizes, WordPress's marks and size words; a plain
 * name keeps its folder.
 */
export function pictureKey(url) {
  let path;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    path = String(url).split(/[?#]/)[0].toLowerCase();
  }
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  const isSize = (w) => /^\d+x\d+$/.test(w) || /^\d+w$/.test(w) || /^e\d{10,}$/.test(w)
    || ['2x', '3x', 'scaled', 'large', 'medium', 'small', 'thumb', 'thumbnail', 'full', 'original', 'min'].includes(w);
  const key = stem.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !isSize(w)).join('-');
  const plain = (key.match(/[a-z]/g) ?? []).length < 4 || ['image', 'img', 'photo', 'picture', 'hero', 'main', 'cover'].includes(key);
  return plain ? `${segments.pop() ?? ''}/${key}` : key;
}

/** The lead image, unless the article already shows it (the same picture, at any size). */
function leadImage(a, body) {
  if (!a.leadImage) return null;
  const lead = pictureKey(a.leadImage);
  if ([...body.querySelectorAll('img')].some((img) => pictureKey(img.currentSrc || img.src) === lead)) return null;
  const img = el('img', { src: a.leadImage, alt: '' });
  const figure = el('figure', { className: 'decant-lead-image' }, img);
  // A picture that does not load leaves no empty space above the text.
  img.addEventListener('error', () => figure.remove(), { once: true });
  return figure;
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

/** An article whose HTML is longer than this is drawn in two parts (see `holdBack`) ... */
const LONG_ARTICLE_CHARS = 100_000;
/** ... the first holding about this much text: the first few screens. */
const FIRST_PART_CHARS = 10_000;

/**
 * Takes out of `root` the blocks after the first FIRST_PART_CHARS characters of text, from the
 * element that holds the blocks (below wrappers of one element each). Returns a function that
 * puts them back, or null when there are none: the first screens of a long article are drawn
 * without waiting for the style and layout of the rest (a 1 MB article's took 40 to 60 ms).
 */
function holdBack(root) {
  const wrapper = (e) => e.children.length === 1 && [...e.childNodes].every((n) => n.nodeType !== Node.TEXT_NODE || !n.textContent.trim());
  let holder = root;
  while (wrapper(holder)) holder = holder.firstElementChild;
  const rest = [];
  let text = 0;
  for (const node of [...holder.childNodes]) {
    if (text > FIRST_PART_CHARS) rest.push(node);
    else text += node.textContent.length;
  }
  for (const node of rest) node.remove();
  return rest.length ? () => holder.append(...rest) : null;
}

/**
 * Draws article `a` in `main` and titles the document after it. Returns the `<article>` and the
 * content inside it, for the contents and the narrator, and `more`: null, or for a long article
 * a function that draws the rest of it (call it once the first part is on screen).
 */
export function render(main, a) {
  const body = el('div', { className: 'decant-content' });
  const parsed = new DOMParser().parseFromString(a.content, 'text/html');
  // The article's ids get a prefix no id of the reader's has, so that an article's
  // id="decant-progress" cannot take the reader's own element's place (or its styles).
  for (const node of parsed.body.querySelectorAll('[id]')) node.id = ARTICLE_ID + node.id;
  for (const link of parsed.body.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href');
    // In-page links (footnotes) stay here, pointing at the prefixed ids; others open outside
    // the reader frame.
    if (href.startsWith('#')) {
      if (href.length > 1) link.setAttribute('href', `#${ARTICLE_ID}${href.slice(1)}`);
    } else Object.assign(link, { target: '_blank', rel: 'noopener noreferrer' });
  }
  markDeferrable(parsed.body);
  const more = a.content.length > LONG_ARTICLE_CHARS ? holdBack(parsed.body) : null;
  // Moved, not copied: appending a node of the parsed document adopts it.
  body.append(...parsed.body.childNodes);
  const title = a.title || a.siteName || (a.url ? new URL(a.url).hostname : 'Untitled');
  const header = el('header', { className: 'decant-header' }, el('h1', { className: 'decant-title', textContent: title }));
  // The dek under the title, as the page shows it (saved files show it there too).
  if (a.subtitle) header.append(el('p', { className: 'decant-subtitle', textContent: a.subtitle }));
  // The topics, under the title and above the byline's rule (as saved files show them).
  if (a.tags?.length) {
    const tags = el('ul', { className: 'decant-tags' }, ...a.tags.map((t) => el('li', { textContent: t })));
    tags.setAttribute('aria-label', 'Tags');
    header.append(tags);
  }
  header.append(metaLine(a));
  // An article the engine is unsure of says so, so that the reader knows to check the page.
  if (a.kind === 'article' && typeof a.confidence === 'number' && a.confidence < UNSURE_BELOW) {
    const unsure = el('p', { className: 'decant-unsure', textContent: 'Decant is not sure this is the whole text of the page: compare it with the page if something seems missing.' });
    unsure.setAttribute('role', 'note');
    header.append(unsure);
  }
  const lead = leadImage(a, body);
  if (lead) header.append(lead);

  const view = el('article', { className: 'decant-article' }, header, body);
  if (a.lang) view.lang = a.lang;
  if (a.dir) view.dir = a.dir;
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'false');
  document.title = title;
  return { view, body, more };
}

/** Moves the progress bar `bar` to how far the document is scrolled. */
export function updateProgress(bar) {
  const doc = document.scrollingElement;
  const max = doc.scrollHeight - doc.clientHeight;
  const pct = max > 0 ? Math.round((doc.scrollTop / max) * 100) : 100;
  bar.setAttribute('aria-valuenow', String(pct));
  bar.firstElementChild.style.width = `${pct}%`;
}
