// The article's images, fetched for saved files (HTML and EPUB hold them inside), within limits
// that keep a page full of huge images from filling memory: each at most 20 MB, 100 MB in all,
// 20 s each, four at a time. An image that cannot be had is noted in the file, never fatal.

const IMAGE_LIMIT = 20 * 2 ** 20;
const IMAGES_LIMIT = 100 * 2 ** 20;
const IMAGE_TIMEOUT_MS = 20_000;
const AT_ONCE = 4;

const fetched = new WeakMap();

/** Fetches the images of the engine's `saved` handle into it, once per handle. */
export function fetchImages(saved) {
  if (!fetched.has(saved)) fetched.set(saved, fetchAll(saved));
  return fetched.get(saved);
}

async function fetchAll(saved) {
  const queue = [...saved.imageUrls()];
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
  await Promise.all(Array.from({ length: AT_ONCE }, async () => {
    while (queue.length) await one(queue.shift());
  }));
}
