// Saving and copying the article. The engine writes every format (the same bytes as the CLI); it
// loads in this frame only when first needed, since the service worker did the extraction.

import { el } from '../util.js';
import { SAVE_FORMATS } from '../settings.js';
import { askForImageHosts, fetchImages, notAllowed } from './images.js';

let engineReady = null;
const handles = new WeakMap();

/** The engine's handle on `article`, which writes every format (made on first use). */
async function savedArticle(article) {
  const engine = await (engineReady ??= import('/pkg/decant.js').then(async (module) => (await module.default(), module)));
  if (!handles.has(article)) handles.set(article, engine.Saved.fromArticle(article));
  return handles.get(article);
}

/** The name of `format` as the buttons say it ("HTML", not "HTML (one file, offline)"). */
export const formatName = (format) => SAVE_FORMATS[format].split(' (')[0];

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Formats that hold the article's images inside the file, with their types. */
const WITH_IMAGES = { textpack: 'application/zip', html: 'text/html;charset=utf-8', epub: 'application/epub+zip' };

/** Saves `article` as a file in `format`, saying how it went with `status(text, { done })`. */
export async function save(article, format, status) {
  // Asked before anything else: a browser lets the extension ask for access only while it is
  // still handling the click (or key) that asked to save.
  const allowed = Object.hasOwn(WITH_IMAGES, format) ? askForImageHosts(article, status) : null;
  const saved = await savedArticle(article);
  saved.setSaved(new Date().toISOString().slice(0, 10));
  if (format === 'markdown') download(saved.fileName('md'), new Blob([saved.markdown()], { type: 'text/markdown;charset=utf-8' }));
  else if (format === 'text') download(saved.fileName('txt'), new Blob([saved.text()], { type: 'text/plain;charset=utf-8' }));
  else {
    const hosts = await allowed;
    status('Fetching the images…', { done: false });
    const missing = await fetchImages(saved);
    download(saved.fileName(format), new Blob([saved[format]()], { type: WITH_IMAGES[format] }));
    const refused = notAllowed(missing, hosts);
    if (refused) {
      status(`Saved as ${formatName(format)}, without ${refused}: Decant was not allowed to read them there. The file says where each one is; to have them inside, save again and allow it.`);
      return;
    }
  }
  status(`Saved as ${formatName(format)}.`);
}

/** Copies `article` as Markdown, or as rich text (HTML, with plain text beside it). */
export async function copy(article, kind, status) {
  try {
    const saved = await savedArticle(article);
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
