// The browser benchmark (`make bench-browser`): Decant and Readability.js 0.6 on the same pages
// in the same headless Chromium: the corpus (../shared/corpus/readability) and three large pages
// made here (about 1, 5 and 20 MB), all served from 127.0.0.1.
//
// Decant: the reader opened as a click does; the reader reports where the time went (see
// extension/reader.js): capture in the page, transfer to the service worker, WASM extraction
// there. "Article available" is capture start to extraction end; the reader frame loads in
// parallel, and "on screen" is capture start to the article drawn in it. Warm: the median of
// WARM opens after one untimed open. Cold: in a freshly started browser, the service worker
// stopped and then the toolbar button pressed (which starts it again), timed from the press, on
// COLD pages spread over the corpus.
// Readability.js: injected into the same page, `new Readability(document.cloneNode(true)).parse()`,
// the median of the same number of runs.
//
//     node bench/browser/run.mjs [--pages N] [--only NAME,...] [--warm N] [--cold N] [--json FILE]

import { createServer } from 'node:http';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, clickDecant, readerFrame } from '../../tests/browser/harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const CORPUS = process.env.CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'readability', 'pages');
const READABILITY = join(HERE, 'node_modules', '@mozilla', 'readability', 'Readability.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PAGES = Number(option('pages', Infinity));
const WARM = Number(option('warm', 3));
const COLD = Number(option('cold', 12));
const JSON_OUT = option('json', null);
// --only NAME[,NAME...]: just these pages (corpus names, or generated-1mb, -5mb, -20mb), to look
// at one closely.
const ONLY = option('only', null)?.split(',');

/** A long article of about `bytes` bytes: paragraphs with links, headings, and boilerplate. */
function bigPage(bytes) {
  const words = 'the river gauge station reading height water flood season record level bank bridge town weir estuary tide winter rain survey'.split(' ');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long survey of the river</title></head><body><nav>'];
  for (let i = 0; i < 100; i++) parts.push(`<a href="/s/${i}">Section ${i}</a> `);
  parts.push('</nav><article><h1>A long survey of the river</h1>');
  let size = parts.join('').length;
  let n = 0;
  while (size < bytes) {
    let p = '<p>';
    for (let w = 0; w < 70; w++) p += `${words[next() % words.length]}${w % 13 === 12 ? ', ' : ' '}`;
    p += `and <a href="/ref/${n}">a reference</a>.</p>\n`;
    if (++n % 25 === 0) p += `<h2>Part ${n / 25}</h2>\n<aside class="related"><ul><li><a href="/r">Related story</a></li><li><a href="/r2">Another</a></li></ul></aside>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article><footer>© The River Survey</footer></body></html>');
  return parts.join('');
}

async function pages() {
  const names = (await readdir(CORPUS)).sort().filter((n) => !ONLY || ONLY.includes(n)).slice(0, PAGES);
  const list = [];
  for (const name of names) {
    try {
      list.push({ name, html: await readFile(join(CORPUS, name, 'source.html'), 'utf8') });
    } catch {
      // A directory without a page: not part of the corpus.
    }
  }
  for (const mb of [1, 5, 20]) {
    const name = `generated-${mb}mb`;
    if (!ONLY || ONLY.includes(name)) list.push({ name, html: bigPage(mb * 1_000_000), generated: true });
  }
  return list;
}

function serve(list) {
  const byName = new Map(list.map((p) => [p.name, p.html]));
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname.split('/')[2] ?? '');
    const html = byName.get(name);
    if (html === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: (name) => `http://127.0.0.1:${server.address().port}/p/${encodeURIComponent(name)}/` })));
}

/** The corpus pages name remote scripts, styles and images; there is no network here, so they fail at once. */
function offline(page) {
  return page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

/** An error's first line and the last lines of Playwright's call log (what it was waiting for). */
const why = (error) => {
  const lines = String(error?.message ?? error).split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => l.trim()).slice(-4)].join('\n    ');
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.round((xs.length - 1) * 0.95))];

/**
 * The reader frame on `page` once it shows the article (or a message), and the timing detail it
 * reports (extension/reader.js), with `onScreen`: capture start to the article drawn.
 */
async function readerTiming(page) {
  const reader = await readerFrame(page, 60_000);
  await reader.waitForSelector('.decant-content, .decant-message', { timeout: 120_000 });
  const detail = await reader.evaluate(() => performance.getEntriesByName('decant:timing')[0]?.detail ?? null);
  if (detail) detail.onScreen = detail.delivered + detail.render;
  return { reader, detail };
}

/** Opens the reader once on `page` and returns the reader's timing detail, then closes it. */
async function openOnce(browser, page) {
  await clickDecant(browser, page);
  const { reader, detail } = await readerTiming(page);
  // Playwright's click can wait forever when the frame it clicks in goes away in the middle of
  // it (a rare race, which is what Close does); closing is not timed, so a late click is let go.
  await reader.click('#decant-close', { timeout: 5_000 }).catch(() => {});
  await page.waitForFunction(() => document.querySelector('decant-reader') === null, null, { timeout: 120_000 });
  return detail;
}

/** Stops the extension's service worker, presses the toolbar button, and times the open from the press. */
async function openCold(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  const root = await browser.context.browser().newBrowserCDPSession();
  const targets = async (type) => (await root.send('Target.getTargets', { filter: [{ type }] })).targetInfos;
  await cdp.send('ServiceWorker.enable');
  // A worker still starting up (the browser has just launched) may ignore a stop: ask again.
  for (let i = 0; (await targets('service_worker')).length; i++) {
    if (i > 500) throw new Error('the service worker did not stop');
    if (i % 25 === 0) await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(20);
  }
  // A press while the worker is still shutting down can be lost: let it finish.
  await page.waitForTimeout(500);
  const tab = (await targets('tab')).find((t) => t.url === page.url());
  const pressed = Date.now();
  await root.send('Extensions.triggerAction', { id: browser.id, targetId: tab.targetId });
  const { detail: d } = await readerTiming(page);
  if (!d) return null;
  // From the press: the worker starting and injecting the capture script comes first.
  const start = d.at - pressed;
  return { ...d, start, available: start + d.available, onScreen: start + d.onScreen };
}

async function readability(page, runs) {
  await page.addScriptTag({ content: await readFile(READABILITY, 'utf8') });
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(() => {
      const t = performance.now();
      // eslint-disable-next-line no-undef
      new Readability(document.cloneNode(true)).parse();
      return performance.now() - t;
    }));
  }
  return median(times);
}

async function main() {
  const list = await pages();
  const { server, url } = await serve(list);
  const rows = [];
  let browser = await launch('chromium');
  try {
    for (const p of list) {
      const page = await browser.context.newPage();
      try {
        await offline(page);
        await page.goto(url(p.name), { timeout: 120_000 });
        await openOnce(browser, page); // untimed: the engine warms up on this page
        const opens = [];
        for (let i = 0; i < WARM; i++) opens.push(await openOnce(browser, page));
        const ok = opens.filter(Boolean);
        const pick = (k) => median(ok.map((o) => o[k] ?? 0));
        const row = {
          name: p.name, bytes: Buffer.byteLength(p.html),
          capture: pick('capture'), transfer: pick('transfer'), extract: pick('extract'), available: pick('available'),
          frame: pick('frame'), delivered: pick('delivered'), render: pick('render'),
        };
        row.engine = row.capture + row.extract; // the work itself, without messaging
        row.onScreen = pick('onScreen'); // what the user waits for: the article drawn in the reader
        row.readability = await readability(page, Math.max(WARM, 1));
        rows.push(row);
        process.stdout.write(`${p.name.padEnd(40)} ${String(row.bytes).padStart(9)}  decant ${row.available.toFixed(1).padStart(7)} ms (capture ${row.capture.toFixed(1)}, transfer ${row.transfer.toFixed(1)}, extract ${row.extract.toFixed(1)}; in the reader ${row.delivered.toFixed(1)}, render ${row.render.toFixed(1)})  readability ${row.readability.toFixed(1).padStart(7)} ms  ratio ${(row.available / row.readability).toFixed(2)}\n`);
      } catch (error) {
        process.stdout.write(`${p.name.padEnd(40)} failed: ${why(error)}\n`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }

  // Cold: a fresh browser for each of COLD pages spread over the corpus; its service worker is
  // stopped (as the browser does after 30 s idle) and the toolbar button pressed, which starts the
  // worker again: it loads the module and compiles the WASM while the page is captured. Timed
  // from the press (this process's clock; the browser's is the same system clock).
  const corpusRows = rows.filter((r) => !r.name.startsWith('generated-'));
  const coldPages = corpusRows.filter((_, i) => i % Math.max(1, Math.floor(corpusRows.length / COLD)) === 0).slice(0, COLD);
  const cold = [];
  for (const r of coldPages) {
    browser = await launch('chromium');
    try {
      const page = await browser.context.newPage();
      await offline(page);
      await page.goto(url(r.name), { timeout: 120_000 });
      const d = await openCold(browser, page);
      if (d) cold.push({ ...d, name: r.name, warm: r.available, warmOnScreen: r.onScreen });
    } catch (error) {
      process.stdout.write(`cold ${r.name} failed: ${why(error)}\n`);
    } finally {
      await browser.close();
    }
  }
  server.close();

  const summary = (label, xs) => `${label.padEnd(34)} median ${median(xs).toFixed(2).padStart(8)} ms   p95 ${p95(xs).toFixed(2).padStart(8)} ms`;
  console.log('');
  console.log(`${corpusRows.length} corpus pages, warm = median of ${WARM} opens after one untimed open`);
  console.log(summary('Decant, article available (warm)', corpusRows.map((r) => r.available)));
  console.log(summary('  of which capture', corpusRows.map((r) => r.capture)));
  console.log(summary('  of which transfer to the worker', corpusRows.map((r) => r.transfer)));
  console.log(summary('  of which WASM extraction', corpusRows.map((r) => r.extract)));
  console.log(summary('Decant, article in the reader frame', corpusRows.map((r) => r.delivered)));
  console.log(summary('Decant, render (after that)', corpusRows.map((r) => r.render)));
  console.log(summary('Decant, article on screen', corpusRows.map((r) => r.onScreen)));
  console.log(summary('Decant, capture + extraction only', corpusRows.map((r) => r.engine)));
  console.log(summary('Readability.js 0.6', corpusRows.map((r) => r.readability)));
  const ratios = corpusRows.map((r) => r.available / r.readability);
  console.log(`Decant/Readability per page: median ratio ${median(ratios).toFixed(2)}, p95 ratio ${p95(ratios).toFixed(2)}; ` +
    `ratio of medians ${(median(corpusRows.map((r) => r.available)) / median(corpusRows.map((r) => r.readability))).toFixed(2)}, ` +
    `of p95s ${(p95(corpusRows.map((r) => r.available)) / p95(corpusRows.map((r) => r.readability))).toFixed(2)}`);
  if (cold.length) {
    console.log(summary(`Decant cold (${cold.length} pages, from the press)`, cold.map((c) => c.available)));
    console.log(summary('  of which worker start + injection', cold.map((c) => c.start)));
    for (const k of ['capture', 'transfer', 'extract']) console.log(summary(`  of which ${k}`, cold.map((c) => c[k])));
    console.log(summary('Decant cold, article on screen', cold.map((c) => c.onScreen)));
    console.log(`cold median / warm median on the same pages: ${(median(cold.map((c) => c.available)) / median(cold.map((c) => c.warm))).toFixed(2)} (article available), ` +
      `${(median(cold.map((c) => c.onScreen)) / median(cold.map((c) => c.warmOnScreen))).toFixed(2)} (on screen)`);
  }
  const big = rows.filter((r) => r.name.startsWith('generated-'));
  if (big.length === 3) {
    console.log(`large pages (article available): ${big.map((r) => `${r.name.slice(10)} ${r.available.toFixed(0)} ms`).join(', ')}; 20 MB / 1 MB = ${(big[2].available / big[0].available).toFixed(1)}x`);
  }
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ rows, cold }, null, 1));
}

await main();
