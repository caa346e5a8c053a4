// The article's images, fetched for saved files (HTML and EPUB hold them inside), within limits
// that keep a page full of huge images from filling memory: each at most 20 MB, 100 MB in all,
// 20 s each, four at a time. The limits hold while the bytes arrive: an image is read as a stream
// and dropped the moment it passes its limit (a server need not say its size), and once the
// article's images pass 100 MB the rest are not fetched at all. An image that cannot be had is
// noted in the file, never fatal.

const IMAGE_LIMIT = 20 * 2 ** 20;
const IMAGES_LIMIT = 100 * 2 ** 20;
const IMAGE_TIMEOUT_MS = 20_000;
const AT_ONCE = 4;

const TOO_LARGE = 'it is larger than 20 MB';
const TOO_MUCH = 'the article\'s images pass 100 MB';

const fetched = new WeakMap();

/** Fetches the images of the engine's `saved` handle into it, once per handle. */
export function fetchImages(saved) {
  if (!fetched.has(saved)) fetched.set(saved, fetchAll(saved));
  return fetched.get(saved);
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

async function fetchAll(saved) {
  const queue = [...saved.imageUrls()];
  // Bytes of all images so far, those still arriving included; once past the limit, no more.
  let total = 0;
  let full = false;
  const one = async (url) => {
    if (full) {
      saved.addMissing(url, TOO_MUCH);
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
    } catch (error) {
      // A refused image does not count against the others.
      total -= mine;
      const reason = error instanceof Refused ? error.message : error.name === 'AbortError' ? 'it took too long to load' : `it could not be loaded (${error.message})`;
      saved.addMissing(url, reason);
    } finally {
      clearTimeout(timer);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, async () => {
    while (queue.length) await one(queue.shift());
  }));
}
