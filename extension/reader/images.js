// The article's images, fetched for saved files (HTML and EPUB hold them inside), within limits
// that keep a page full of huge images from filling memory: each at most 20 MB, 100 MB in all,
// 20 s each, four at a time. The limits hold while the bytes arrive: an image is read as a stream
// and dropped the moment it passes its limit (a server need not say its size), and once the
// article's images pass 100 MB the rest are not fetched at all. An image that cannot be had is
// noted in the file, never fatal.
//
// The reader is an extension page: it may read images from the page's own site (the click granted
// that) and from sites that allow any origin, but not from the other sites most articles keep
// their images on. Save asks the browser for access to exactly those sites, from the click, and
// the browser remembers the user's answer; without it, those images are noted, not saved.

import { ext } from '../api.js';
import { KIND } from '../messages.js';
import { allowPageUrl } from './allow-request.js';

const IMAGE_LIMIT = 20 * 2 ** 20;
const IMAGES_LIMIT = 100 * 2 ** 20;
const IMAGE_TIMEOUT_MS = 20_000;
const AT_ONCE = 4;

const TOO_LARGE = 'it is larger than 20 MB';
const TOO_MUCH = 'the article\'s images pass 100 MB';

/**
 * The sites other than the page's own that hold the article's images: `{ names, origins }`, host
 * names and the match patterns to ask for (every port of the host: Firefox's patterns have none).
 */
export function imageHosts(article) {
  const doc = new DOMParser().parseFromString(article.content ?? '', 'text/html');
  const urls = [article.leadImage, ...[...doc.images].map((img) => img.getAttribute('src'))];
  let own = null;
  try {
    own = new URL(article.url).origin;
  } catch {}
  const names = new Map();
  for (const u of urls) {
    let url;
    try {
      url = new URL(u);
    } catch {
      continue;
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== own) names.set(`${url.protocol}//${url.hostname}/*`, url.hostname);
  }
  return { names: [...new Set(names.values())], origins: [...names.keys()] };
}

/** "a.example", "a.example and b.example", "a.example, b.example and 2 other sites". */
function listOfHosts(names) {
  if (names.length <= 2) return names.join(' and ');
  const rest = names.length - 2;
  return `${names.slice(0, 2).join(', ')} and ${rest} other site${rest > 1 ? 's' : ''}`;
}

/**
 * Asks the browser for access to the sites of the article's images (it must be called while the
 * click that saves is being handled). Answers `{ names, granted }`; where the user has allowed
 * it before, the browser answers at once without asking again.
 */
export function askForImageHosts(article, status) {
  const { names, origins } = imageHosts(article);
  if (!origins.length) return Promise.resolve({ names, granted: true });
  status(`To put the images from ${listOfHosts(names)} in the file, Decant asks your browser for leave to read them there.`, { done: false });
  const asked = ext.permissions?.request ? ext.permissions.request({ origins }) : askInAPage(origins, names);
  return asked.then((granted) => ({ names, granted: granted === true }), () => ({ names, granted: false }));
}

/**
 * Where this frame cannot ask the browser (Firefox gives an extension frame inside a page no
 * `permissions` API): unless the sites are allowed already, the allow page opens in a small
 * window, still within the click's activation, and its Allow button asks. The background answers
 * once that window has closed, with what the browser then allows.
 */
async function askInAPage(origins, names) {
  const allowed = (id) => ext.runtime.sendMessage({ kind: KIND.hostsAllowed, origins, id }).then((r) => r?.allowed === true, () => false);
  if (await allowed()) return true;
  const id = crypto.randomUUID();
  const answer = allowed(id);
  // A window the browser blocked is no question asked: the save goes on without waiting.
  if (!window.open(allowPageUrl(ext.runtime.getURL('extension/allow.html'), id, origins, names), 'decant-allow', 'popup,width=560,height=380')) return false;
  return answer;
}

/**
 * How many images the browser's refusal kept out ("3 images from cdn.example"), or null: those
 * that could not be loaded from sites the user did not allow.
 */
export function notAllowed(missing, hosts) {
  if (!hosts || hosts.granted) return null;
  const refused = [...missing].filter(([url, reason]) => reason.startsWith(LOAD_FAILED) && hosts.names.includes(new URL(url).hostname));
  if (!refused.length) return null;
  const names = [...new Set(refused.map(([url]) => new URL(url).hostname))];
  return `${refused.length} image${refused.length > 1 ? 's' : ''} from ${listOfHosts(names)}`;
}

const LOAD_FAILED = 'it could not be loaded';

// What each handle's images came to: url -> null (saved in it) or the reason it is missing.
const results = new WeakMap();
const pending = new WeakMap();

/**
 * Fetches the images of the engine's `saved` handle into it: each once, except those that could
 * not be loaded at all (the network, or a site that had not allowed it yet), tried again on the
 * next save. Answers the images still missing, url -> reason.
 */
export function fetchImages(saved) {
  // One fetch at a time per handle: a second save waits for the first one's images.
  const run = (pending.get(saved) ?? Promise.resolve()).then(async () => {
    const known = results.get(saved) ?? new Map();
    results.set(saved, known);
    const again = (reason) => reason?.startsWith(`${LOAD_FAILED} (`) && !reason.includes('the server answered');
    await fetchAll(saved, [...saved.imageUrls()].filter((u) => !known.has(u) || again(known.get(u))), known);
    return new Map([...known].filter(([, reason]) => reason !== null));
  });
  pending.set(saved, run.catch(() => {}));
  return run;
}

class Refused extends Error {}

/**
 * The body of `response`, read as it arrives. `take(n)` is told of each chunk's size and
 * answers a reason to stop (the read is then cancelled), or nothing to go on.
 */
async function readCapped(response, take) {
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    const refusal = take(value.length, size);
    if (refusal) {
      reader.cancel().catch(() => {});
      throw new Refused(refusal);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function fetchAll(saved, urls, known) {
  const queue = [...urls];
  // Bytes of all images so far, those still arriving included; once past the limit, no more.
  let total = 0;
  let full = false;
  const one = async (url) => {
    if (full) {
      saved.addMissing(url, TOO_MUCH);
      known.set(url, TOO_MUCH);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), IMAGE_TIMEOUT_MS);
    let mine = 0;
    try {
      const response = await fetch(url, { signal: abort.signal, referrerPolicy: 'no-referrer', credentials: 'omit' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      if (Number(response.headers.get('content-length')) > IMAGE_LIMIT) throw new Refused(TOO_LARGE);
      const bytes = await readCapped(response, (chunk, size) => {
        mine += chunk;
        total += chunk;
        if (size > IMAGE_LIMIT) return TOO_LARGE;
        if (full || total > IMAGES_LIMIT) {
          full = true;
          return TOO_MUCH;
        }
        return null;
      });
      saved.addImage(url, response.headers.get('content-type') ?? '', bytes);
      known.set(url, null);
    } catch (error) {
      // A refused image does not count against the others.
      total -= mine;
      const reason = error instanceof Refused ? error.message : error.name === 'AbortError' ? 'it took too long to load' : `${LOAD_FAILED} (${error.message})`;
      saved.addMissing(url, reason);
      known.set(url, reason);
    } finally {
      clearTimeout(timer);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, async () => {
    while (queue.length) await one(queue.shift());
  }));
}
