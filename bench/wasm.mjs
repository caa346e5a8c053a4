// The engine as the extension runs it (pkg/, WebAssembly in V8, as in Chromium's service
// worker), timed in Node over the corpus: median and p95 of `extract` per page. A quick check of
// the WASM extraction step alone, without a browser.
// Usage: node bench/wasm.mjs [CORPUS_PAGES_DIR] [RUNS]

import { readFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.argv[2] ?? join(ROOT, '..', 'shared', 'corpus', 'readability', 'pages');
const runs = Number(process.argv[3] ?? 7);
// DECANT_PKG: another build of the package to time (a directory like pkg/).
const pkg = process.env.DECANT_PKG ?? join(ROOT, 'pkg');
const { initSync, extract } = await import(join(pkg, 'decant.js'));
initSync({ module: await readFile(join(pkg, 'decant_bg.wasm')) });

const pages = [];
for (const name of (await readdir(corpus)).sort()) {
  const html = await readFile(join(corpus, name, 'source.html'), 'utf8').catch(() => null);
  if (html) pages.push({ name, html });
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
for (const p of pages) extract(p.html, 'https://example.com/article'); // warm-up: compile tiers
const perPage = pages.map((p) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
      extract(p.html, 'https://example.com/article');
    } catch {}
    times.push(performance.now() - start);
  }
  return quantile(times, 0.5);
});
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
const total = perPage.reduce((a, b) => a + b, 0);
console.log(`${pages.length} pages, ${runs} runs each: median ${quantile(perPage, 0.5).toFixed(2)} ms, p95 ${quantile(perPage, 0.95).toFixed(2)} ms, ${(bytes / 1e6 / (total / 1e3)).toFixed(1)} MB/s`);
