// A dedicated worker that runs the engine (started by engine.js): one job at a time, each
// `{ id, op, html, url }` answered with `{ id, result, memory }`. The worker holds nothing else,
// so that ending it (a job that runs away, a heap grown large) loses nothing but the job.

import init, { extract, isProbablyReaderable } from '../pkg/decant.js';
import { now } from './util.js';
import { failed } from './engine.js';
import { WARM_UP } from './warm-up.js';

// Compiled as soon as the worker starts, and taken once through a page, before its first job arrives.
const ready = init().then((wasm) => {
  try {
    extract(WARM_UP, 'https://example.com/warm-up');
  } catch {
    // Only a warm-up: the first real page tells.
  }
  return wasm;
});

/** Runs one job; an engine error is a result too, with its kind. */
function run({ op, html, url }) {
  const started = now();
  try {
    if (op === 'readerable') return { ok: true, readerable: isProbablyReaderable(html), started, extracted: now() };
    const article = extract(html, url);
    // The reader draws the content and saves from it; the plain text beside it (about as long)
    // would only lengthen the message.
    delete article.text;
    return { ok: true, article, started, extracted: now() };
  } catch (error) {
    return failed(String(error?.name ?? 'Error'), String(error?.message ?? error), started);
  }
}

addEventListener('message', async ({ data }) => {
  const wasm = await ready;
  const result = run(data);
  // The WebAssembly heap never shrinks: its size tells the host whether to keep this worker.
  postMessage({ id: data.id, result, memory: wasm.memory.buffer.byteLength });
});
