// The browser benchmark (`make bench-browser`): what a reader feels, from the toolbar press to
// the article's first lines on screen, for Decant and for three floors built here, in the same
// headless Chromium, on the same pages: the corpus (../shared/corpus/readability) and three large
// pages made here (about 1, 5 and 20 MB), all served from 127.0.0.1.
//
// Every open is a real press of an extension's toolbar button over the DevTools protocol
// (`Extensions.triggerAction`), which grants `activeTab` as a click does; neither extension has
// any host permission. Timed from the press (this process's clock, the browser's is the same
// system clock) to the first frame drawn after the first line is in place, seen from inside
// the document that shows it (the first task after the next animation frame).
//
// - Decant: the reader opens as a click opens it; its frame reports when the article was drawn,
//   and where the time went (extension/reader.js: capture, transfer, extraction in the worker,
//   the frame's own start).
// - The floors (bench/browser/floor/, an extension of their own loaded beside Decant):
//   (1) `paragraph`: a script injected, one paragraph drawn in a closed shadow root in the page;
//   (2) `readability`: Readability.js 0.6 injected with it, parsing a copy of the live page in
//       the content script and drawing its article in the page: the least a reader built on
//       Readability.js can do;
//   (3) `frame`: a script injected that lays an extension frame over the page, showing one
//       paragraph: the least a reader in a frame can do.
// Warm: each of the four opened once untimed on the page, then WARM times in turn; the median.
// Cold: on COLD pages spread over the corpus, each of the four in a freshly started browser whose
// service workers are stopped (as the browser stops them after 30 s idle) before the press.
//
// In Firefox (`--browser firefox`, Debian's firefox-esr over WebDriver BiDi) nothing can press an
// extension's toolbar button: each open calls, from a page of the extension, what its press
// would call (Decant's `decantToggleReader`, a floor's `floorPress`), timed from that call; with
// the test host permission in place of `activeTab`. There is no cold run there: BiDi cannot stop
// an extension's background page as the browser does when idle.
//
//     node bench/browser/run.mjs [--browser chromium|firefox] [--every N] [--pages N] [--only NAME,...] [--warm N] [--cold N] [--json FILE]

import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, readerFrame } from '../../tests/browser/harness.mjs';

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
// Every EVERY-th corpus page (3: 44 of the 130), which keeps a run to about ten minutes.
const EVERY = Number(option('every', 3));
const WARM = Number(option('warm', 3));
const BROWSER = option('browser', 'chromium');
const FIREFOX = BROWSER === 'firefox';
const COLD = FIREFOX ? 0 : Number(option('cold', 8));
const JSON_OUT = option('json', null);
// --only NAME[,NAME...]: just these pages (corpus names, or generated-1mb, -5mb, -20mb), to look
// at one closely.
const ONLY = option('only', null)?.split(',');

/** What is timed: Decant, then the three floors. */
const FLOORS = ['paragraph', 'readability', 'frame'];
const KINDS = ['decant', ...FLOORS];
const LABEL = {
  decant: 'Decant',
  paragraph: 'floor 1: one paragraph in the page',
  readability: 'floor 2: Readability.js in the page',
  frame: 'floor 3: an extension frame, one paragraph',
};

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
  const names = (await readdir(CORPUS)).sort().filter((n, i) => (ONLY ? ONLY.includes(n) : i % EVERY === 0)).slice(0, PAGES);
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
  // Firefox sends the requests for other hosts here as a proxy (a full URL, or CONNECT, which
  // has no listener and is closed): they get nothing at once, and a page's script that goes to
  // another site (youth's) stays where it is, as the request Chromium aborts leaves it.
  const server = createServer((req, res) => {
    if (!/^\//.test(req.url)) return res.writeHead(204).end();
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname.split('/')[2] ?? '');
    const html = byName.get(name);
    if (html === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: (name) => `http://127.0.0.1:${server.address().port}/p/${encodeURIComponent(name)}/` })));
}

/**
 * The corpus pages name remote scripts, styles and images; there is no network here, so they fail
 * at once (in Firefox, sent to the pages' server as a proxy, which answers with nothing: see `serve`).
 */
function offline(page) {
  if (FIREFOX) return null;
  return page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

/**
 * Loads `url` in `page`. Firefox's BiDi reports some corpus pages' navigation as failed ("Address
 * rejected", from one of the requests made to fail) though the page has loaded: that is a load.
 */
async function visit(page, url) {
  try {
    await page.goto(url, { timeout: 120_000 });
  } catch (error) {
    const loaded = FIREFOX && (await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', url, { timeout: 10_000 }).then(() => true, () => false));
    if (!loaded) throw error;
  }
}

/** An error's first line and the last lines of Playwright's call log (what it was waiting for). */
const why = (error) => {
  const lines = String(error?.message ?? error).split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => l.trim()).slice(-4)].join('\n    ');
};

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.round((xs.length - 1) * 0.95))];

/**
 * The floors' extensions, as they load unpacked: a copy of bench/browser/floor per floor, its
 * worker named for the floor it draws, with Readability.js beside it. For Firefox, a background
 * page whose first script names the floor, an id, and the host permission Decant has there.
 */
async function floorExtensions() {
  const dirs = {};
  for (const name of FLOORS) {
    const dir = await mkdtemp(join(tmpdir(), `decant-floor-${name}-`));
    await cp(join(HERE, 'floor'), dir, { recursive: true });
    await cp(READABILITY, join(dir, 'Readability.js'));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.name += ` (${name})`;
    if (FIREFOX) {
      await writeFile(join(dir, 'floor-name.js'), `globalThis.FLOOR = ${JSON.stringify(name)};\n`);
      manifest.background = { scripts: ['floor-name.js', 'worker.js'] };
      manifest.browser_specific_settings = { gecko: { id: `decant-floor-${name}@decant.example` } };
      manifest.host_permissions = ['http://127.0.0.1/*'];
      for (const r of manifest.web_accessible_resources) delete r.use_dynamic_url;
    } else {
      await rename(join(dir, 'worker.js'), join(dir, `worker-${name}.js`));
      manifest.background.service_worker = `worker-${name}.js`;
    }
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    dirs[name] = dir;
  }
  return dirs;
}

/**
 * Chromium with Decant and the floors, none with host access: a press grants `activeTab`. In
 * Firefox, with a page of each extension open, from which its press is made (`firefoxPress`).
 */
async function start(floorDirs, server) {
  if (FIREFOX) {
    // The pages' server answers the proxy requests for other hosts at once, with nothing (see `serve`).
    const browser = await launch('firefox', null, { alongside: FLOORS.map((f) => floorDirs[f]), offline: server.address().port });
    const agents = { decant: null };
    for (const [i, name] of FLOORS.entries()) agents[name] = await browser.openExtensionPage('frame.html', browser.others[i].uuid);
    agents.decant = await browser.openExtensionPage('extension/options.html');
    return { browser, agents, close: () => browser.close() };
  }
  const browser = await launch('chromium', null, { hostAccess: false, alongside: Object.values(floorDirs) });
  const ids = { decant: browser.id };
  for (const name of FLOORS) {
    const mine = (w) => w.url().endsWith(`/worker-${name}.js`);
    const worker = browser.context.serviceWorkers().find(mine) ?? (await browser.context.waitForEvent('serviceworker', { predicate: mine, timeout: 15_000 }));
    ids[name] = new URL(worker.url()).host;
  }
  const root = await browser.context.browser().newBrowserCDPSession();
  return {
    browser,
    root,
    ids,
    async close() {
      await root.detach().catch(() => {});
      await browser.close();
    },
  };
}

// Presses lost (nothing began to open within LOST_MS, and the next press did open): a press that
// reaches a worker still starting can be dropped by the browser; it is pressed again and timed
// from the second press, and the count is reported.
let lostPresses = 0;
const LOST_MS = 5_000;
// A large page's capture alone can take seconds before anything shows.
const PATIENT_MS = 60_000;

/**
 * Presses the toolbar button of extension `kind` on the tab showing `page` until `began` (a
 * function run in the page) says something opened; returns when the press that did was made
 * (ms since the epoch). `patient`: a large page, whose capture alone takes seconds.
 */
async function press(run, page, kind, began, patient = false) {
  await page.bringToFront();
  const once = FIREFOX ? await firefoxPress(run, page, kind) : await chromiumPress(run, page, kind);
  for (let tries = 1; ; tries++) {
    const pressed = await once();
    const opened = await page.waitForFunction(began, null, { timeout: patient ? PATIENT_MS : LOST_MS }).then(() => true, () => false);
    if (opened) return pressed;
    if (tries === 3) throw new Error(`three presses of ${kind} opened nothing`);
    lostPresses += 1;
  }
}

/** In Chromium, one press over the DevTools protocol, as a click makes it; resolves to its time. */
async function chromiumPress(run, page, kind) {
  const tab = (await run.root.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab shows ${page.url()}`);
  return async () => {
    const pressed = Date.now();
    await run.root.send('Extensions.triggerAction', { id: run.ids[kind], targetId: tab.targetId });
    return pressed;
  };
}

/**
 * In Firefox, one call, in a page of extension `kind`, of what its press would call, on the tab
 * showing `page`; resolves to when the call was made (that page's clock, ms since the epoch).
 */
async function firefoxPress(run, page, kind) {
  const call = (url, kind) => browser.tabs.query({}).then(async (tabs) => {
    const tab = tabs.find((t) => t.url === url);
    if (!tab) return null;
    const background = await browser.runtime.getBackgroundPage();
    const at = performance.timeOrigin + performance.now();
    if (kind === 'decant') background.decantToggleReader(tab.id);
    else background.floorPress(tab.id);
    return at;
  });
  return async () => {
    const pressed = await run.agents[kind].page.evaluate(call, page.url(), kind);
    if (pressed === null) throw new Error(`no tab shows ${page.url()}`);
    return pressed;
  };
}

/** Opens Decant's reader with a press; returns its timing from the press, and closes it. */
async function openDecant(run, page, patient) {
  const pressed = await press(run, page, 'decant', () => document.querySelector('[data-decant]') !== null, patient);
  const reader = await readerFrame(page, 120_000);
  await reader.waitForFunction(() => performance.getEntriesByName('decant:timing').length > 0 || document.querySelector('.decant-message'), null, { timeout: 120_000 });
  const detail = await reader.evaluate(() => performance.getEntriesByName('decant:timing')[0]?.detail ?? null);
  // Playwright's click can wait forever when the frame it clicks in goes away in the middle of
  // it (a rare race, which is what Close does); closing is not timed, so a late click is let go.
  await reader.click('#decant-close', { timeout: 5_000 }).catch(() => {});
  await page.waitForFunction(() => document.querySelector('[data-decant]') === null, null, { timeout: 120_000 });
  // A page the engine gave up on has no times to report.
  if (!detail || detail.failed) return null;
  return { ...detail, start: detail.at - pressed, painted: detail.paintedAt - pressed };
}

/** Opens floor `name` with a press; returns its time from the press to its first line drawn. */
async function openFloor(run, page, name, patient) {
  const pressed = await press(run, page, name, () => document.querySelector('[data-floor]') !== null, patient);
  const handle = await page.waitForFunction(() => document.documentElement.dataset.floorPainted, null, { timeout: 120_000 });
  const painted = Number(await handle.jsonValue());
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-floor]')) host.remove();
    delete document.documentElement.dataset.floorPainted;
  });
  return { painted: painted - pressed };
}

const open = (run, page, kind, patient = false) => (kind === 'decant' ? openDecant(run, page, patient) : openFloor(run, page, kind, patient));

/** Stops every extension service worker in the browser, as it stops them after 30 s idle. */
async function stopWorkers(run, page) {
  const cdp = await run.browser.context.newCDPSession(page);
  const workers = async () => (await run.root.send('Target.getTargets', { filter: [{ type: 'service_worker' }] })).targetInfos;
  await cdp.send('ServiceWorker.enable');
  // A worker still starting up (the browser has just launched) may ignore a stop: ask again.
  for (let i = 0; (await workers()).length; i++) {
    if (i > 500) throw new Error('the service workers did not stop');
    if (i % 25 === 0) await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(20);
  }
  await cdp.detach();
  // A press while a worker is still shutting down can be lost: let it finish.
  await page.waitForTimeout(500);
}

const ms = (x) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(0));

async function main() {
  const list = await pages();
  const { server, url } = await serve(list);
  const floorDirs = await floorExtensions();
  const rows = [];
  let run = await start(floorDirs, server);
  try {
    for (const p of list) {
      const page = await run.browser.context.newPage();
      try {
        await offline(page);
        await visit(page, url(p.name));
        // Untimed: each extension's worker and code warm up on this page.
        for (const kind of KINDS) await open(run, page, kind, p.generated);
        const opens = Object.fromEntries(KINDS.map((k) => [k, []]));
        for (let i = 0; i < WARM; i++) for (const kind of KINDS) opens[kind].push(await open(run, page, kind, p.generated));
        const decant = opens.decant.filter(Boolean);
        const pick = (k) => median(decant.map((o) => o[k]));
        const row = { name: p.name, bytes: Buffer.byteLength(p.html), onScreen: decant.filter((o) => o.firstBlockOnScreen).length / (decant.length || 1) };
        for (const k of ['start', 'capture', 'transfer', 'extract', 'available', 'frame', 'script', 'delivered', 'render', 'painted']) row[k] = pick(k);
        row.floors = Object.fromEntries(FLOORS.map((f) => [f, median(opens[f].map((o) => o.painted))]));
        rows.push(row);
        process.stdout.write(`${p.name.padEnd(34)} ${String(row.bytes).padStart(9)}  decant ${ms(row.painted).padStart(5)} ms  floors ${FLOORS.map((f) => ms(row.floors[f]).padStart(5)).join(' ')}  ` +
          `(press→capture ${ms(row.start)}, article ready ${ms(row.start + row.available)}, frame from ${ms(row.start + row.frame)}, its script ${ms(row.start + row.script)}, has it ${ms(row.start + row.delivered)})\n`);
      } catch (error) {
        process.stdout.write(`${p.name.padEnd(34)} failed: ${why(error)}\n`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await run.close();
  }

  // Cold: a fresh browser for each of the four on each of COLD pages spread over the corpus.
  const corpusRows = rows.filter((r) => !r.name.startsWith('generated-'));
  const coldPages = corpusRows.filter((_, i) => i % Math.max(1, Math.floor(corpusRows.length / COLD)) === 0).slice(0, COLD);
  const cold = [];
  for (const r of coldPages) {
    const row = { name: r.name };
    for (const kind of KINDS) {
      run = await start(floorDirs, server);
      try {
        const page = await run.browser.context.newPage();
        await offline(page);
        await visit(page, url(r.name));
        await stopWorkers(run, page);
        const o = await open(run, page, kind);
        if (kind === 'decant') Object.assign(row, { start: o?.start, extract: o?.extract, available: o && o.start + o.available, frame: o && o.start + o.frame, script: o && o.start + o.script, delivered: o && o.start + o.delivered });
        row[kind] = o?.painted;
      } catch (error) {
        process.stdout.write(`cold ${kind} ${r.name} failed: ${why(error)}\n`);
      } finally {
        await run.close();
      }
    }
    cold.push(row);
    process.stdout.write(`cold ${r.name.padEnd(29)} decant ${ms(row.decant).padStart(5)} ms  floors ${FLOORS.map((f) => ms(row[f]).padStart(5)).join(' ')}  (press→capture ${ms(row.start)}, extraction ${ms(row.extract)}, article ready ${ms(row.available)}, frame from ${ms(row.frame)}, its script ${ms(row.script)}, has it ${ms(row.delivered)})\n`);
  }
  server.close();
  for (const dir of Object.values(floorDirs)) await rm(dir, { recursive: true, force: true });

  const line = (label, xs) => `${label.padEnd(46)} median ${xs.length ? median(xs).toFixed(1).padStart(7) : '     –'} ms   p95 ${xs.length ? p95(xs).toFixed(1).padStart(7) : '     –'} ms`;
  const have = (xs) => xs.filter((x) => typeof x === 'number' && !Number.isNaN(x));
  console.log('');
  console.log(`${BROWSER}, ${corpusRows.length} corpus pages, warm: the median of ${WARM} presses after one untimed press; press → first line drawn${FIREFOX ? ' (in Firefox, the call a press makes)' : ''}`);
  for (const k of KINDS) console.log(line(LABEL[k], have(corpusRows.map((r) => (k === 'decant' ? r.painted : r.floors[k])))));
  const decantWarm = have(corpusRows.map((r) => r.painted));
  for (const f of FLOORS) {
    const both = corpusRows.filter((r) => typeof r.painted === 'number' && typeof r.floors[f] === 'number');
    // No ratio without pages (`--only` naming large pages alone).
    if (!both.length) continue;
    const ratios = both.map((r) => r.painted / r.floors[f]);
    console.log(`Decant / ${LABEL[f]}: ratio of medians ${(median(both.map((r) => r.painted)) / median(both.map((r) => r.floors[f]))).toFixed(2)}, ` +
      `of p95s ${(p95(both.map((r) => r.painted)) / p95(both.map((r) => r.floors[f]))).toFixed(2)}; per page: median ${median(ratios).toFixed(2)}, p95 ${p95(ratios).toFixed(2)}`);
  }
  console.log('Decant, where the warm time goes (from the press, medians over pages):');
  const at = (k) => have(corpusRows.map((r) => r.start + (k === 'start' ? 0 : r[k])));
  for (const [k, label] of [['start', 'capture starts in the page'], ['capture', 'capture sent'], ['available', 'article extracted in the worker'], ['frame', 'reader frame starts loading'], ['script', 'reader frame\'s first script runs'], ['delivered', 'reader frame has the article'], ['painted', 'article drawn']]) {
    const xs = k === 'capture' ? have(corpusRows.map((r) => r.start + r.capture)) : at(k);
    console.log(line(`  ${label}`, xs));
  }
  console.log(line('  capture itself', have(corpusRows.map((r) => r.capture))));
  console.log(line('  transfer to the worker', have(corpusRows.map((r) => r.transfer))));
  console.log(line('  extraction (WASM)', have(corpusRows.map((r) => r.extract))));
  console.log(`  first block of text in the window when drawn: ${(100 * corpusRows.reduce((s, r) => s + r.onScreen, 0) / (corpusRows.length || 1)).toFixed(0)}% of opens`);
  if (cold.length) {
    console.log(`Cold (${cold.length} pages, each open in a fresh browser, workers stopped), press → first line drawn:`);
    for (const k of KINDS) console.log(line(LABEL[k], have(cold.map((c) => c[k]))));
    console.log(line('  Decant: press → capture starts (worker start, injection)', have(cold.map((c) => c.start))));
    console.log(line('  Decant: extraction (WASM compiled as it runs)', have(cold.map((c) => c.extract))));
    console.log(`Decant cold median / Decant warm median (all corpus pages): ${(median(have(cold.map((c) => c.decant))) / median(decantWarm)).toFixed(2)}`);
  }
  const big = rows.filter((r) => r.name.startsWith('generated-'));
  if (big.length && decantWarm.length) {
    console.log(`Large pages, Decant press → first line drawn: ${big.map((r) => `${r.name.slice(10)} ${ms(r.painted)} ms (${(r.painted / median(decantWarm)).toFixed(1)}× the corpus median)`).join(', ')}`);
  }
  if (lostPresses) console.log(`${lostPresses} presses opened nothing within ${LOST_MS / 1000} s and were made again (timed from the press that opened)`);
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ rows, cold }, null, 1));
}

await main();
