// Shared pieces of the browser tests and the demo: a fixture server on 127.0.0.1, a copy of the
// extension to load, and Chromium (Playwright) or Firefox (puppeteer-core, ./firefox.mjs) with it
// loaded. Each test file runs its tests once per browser in BROWSERS.
//
// The copy differs from the repository in one way: it adds a host permission for 127.0.0.1.
// A real click grants `activeTab`; a test cannot click the toolbar, so it calls the same
// function the click runs (`decantToggleReader` in the background), which then needs the
// host permission that the click would have granted.

import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { launchFirefox } from './firefox.mjs';
import { manifestFor, unzip } from '../../scripts/dist.mjs';
import { createServer } from 'node:http';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const EXAMPLES = join(ROOT, 'examples');

/** A small PNG (a soft blue-grey gradient), served for every /images/ path (and /pages/images/). */
function placeholderPng(width = 640, height = 360) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = 120 + Math.round((60 * x) / width);
      row[2 + x * 3] = 150 + Math.round((50 * y) / height);
      row[3 + x * 3] = 180;
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Serves `/pages/NAME.html` from tests/fixtures, `/examples/NAME.html` from examples/, and the
 * same pages under `/csp/...` with `Content-Security-Policy: default-src 'none'`, and
 * `/generated/too-large.html`, a page over the engine's input limit, and
 * `/generated/big-images.html?n=N&mb=MB`, an article with N streamed images of MB megabytes.
 * Records every request it answers in `server.requests`, and the bytes of each stream sent in
 * `server.sent` (keyed by path and Sec-Fetch-Dest), with their headers in `server.heard`.
 * `/generated/foreign-images.html?at=ORIGIN` is an article whose images are at ORIGIN, and
 * `/generated/long-article.html` one of about 120 KB. The server
 * listens on `host` (127.0.0.1 by default; another loopback address is another site).
 */
export async function startServer(host = '127.0.0.1') {
  const png = placeholderPng();
  const requests = [];
  const sent = {};
  const heard = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    requests.push(path);
    heard.push({ path, headers: req.headers });
    const csp = path.startsWith('/csp/');
    const rest = csp ? path.slice(4) : path;
    const headers = csp ? { 'Content-Security-Policy': "default-src 'none'" } : {};
    if (rest === '/generated/too-large.html') {
      // Over the 64 MiB the engine takes, kept in a <template> so the browser does not lay it out.
      const filler = 'x'.repeat(1 << 20);
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.write('<!DOCTYPE html><title>Too large</title><p>A page too large to read.</p><template>');
      for (let i = 0; i < 66; i++) res.write(filler);
      res.end('</template>');
      return;
    }
    if (rest === '/generated/deep-nests.html') {
      // About 20 MB of 600-deep nests, kept in a <template> so the browser does not lay them out:
      // the engine works on it for seconds before its work budget ends it (make limits).
      const nest = `${'<div>'.repeat(600)}x${'</div>'.repeat(600)}`;
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.write('<!DOCTYPE html><title>Deep nests</title><p>A page built to take long to read.</p><template>');
      for (let written = 0; written < 20e6; written += nest.length) res.write(nest);
      res.end('</template>');
      return;
    }
    if (rest === '/generated/big-images.html') {
      // An article with N images of MB megabytes each from /big/ (see below).
      const query = new URL(req.url, 'http://127.0.0.1').searchParams;
      const images = Array.from({ length: Number(query.get('n')) }, (_, i) => `<p><img src="/big/i${i}?mb=${query.get('mb')}" alt="Big ${i}"></p>`);
      const text = '<p>The gauge on the east bank has been read every morning since 1921, by hand at first and by a float in a well later on, and the readings kept in ledgers that fill a shelf.</p>'.repeat(4);
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>Big images</title></head><body><article><h1>Big images</h1>${text}${images.join('')}${text}</article></body></html>`);
      return;
    }
    if (rest === '/generated/long-article.html') {
      // An article of about 120 KB: ten sections of fifty numbered paragraphs.
      const para = (n) => `<p>Reading ${n}: the gauge on the east bank has been read every morning since 1921, by hand at first and by a float in a well later on, and the readings kept in ledgers that fill a shelf in the lock keeper's office.</p>`;
      const sections = Array.from({ length: 10 }, (_, s) => `<h2>Part ${s + 1}</h2>${Array.from({ length: 50 }, (_, i) => para(s * 50 + i + 1)).join('')}`);
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>The River Ledgers</title></head><body><article><h1>The River Ledgers</h1>${sections.join('')}</article></body></html>`);
      return;
    }
    if (rest === '/generated/foreign-images.html') {
      // An article whose images are on another site (`at`, an origin): the lead image, one in the
      // text and one the page would load lazily (its address in data-src, a blank in src).
      const at = new URL(req.url, 'http://127.0.0.1').searchParams.get('at');
      const text = '<p>The ferry crosses twice a day when the estuary is calm, and the timetable on the pier is chalked up each morning by whoever opens the ticket hut first.</p>'.repeat(4);
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>The Estuary Ferry</title><meta property="og:image" content="${at}/images/ferry-lead.png"></head><body><article><h1>The Estuary Ferry</h1>${text}<figure><img src="${at}/images/pier.png" alt="The pier at low tide"><figcaption>The pier at low tide.</figcaption></figure>${text}<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${at}/images/hut.png" class="lazyload" alt="The ticket hut"><figcaption>The ticket hut.</figcaption></figure>${text}</article></body></html>`);
      return;
    }
    if (rest.startsWith('/big/')) {
      // MB megabytes, sent as they are asked for and without a Content-Length, as an untyped
      // stream (the engine does not save its type: only the limits on reading it are tested).
      // `sent` records how much of each went out before the reader stopped reading, by path and
      // by what asked (Sec-Fetch-Dest: `image` for an <img>, `empty` for a script's fetch).
      const mb = Number(new URL(req.url, 'http://127.0.0.1').searchParams.get('mb'));
      const chunk = Buffer.alloc(1 << 20, 7);
      const key = `${rest} ${req.headers['sec-fetch-dest'] ?? ''}`;
      res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream' });
      sent[key] = 0;
      for (let i = 0; i < mb && !res.destroyed; i++) {
        sent[key] += chunk.length;
        if (!res.write(chunk)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
      }
      res.end();
      return;
    }
    if (rest.endsWith('.css')) {
      // Fixtures link stylesheets that are not there; a typed 404 keeps consoles quiet about MIME types.
      res.writeHead(404, { ...headers, 'Content-Type': 'text/css' }).end();
      return;
    }
    if (rest.startsWith('/images/') || /^\/(pages|examples)\/images\//.test(rest)) {
      res.writeHead(200, { ...headers, 'Content-Type': 'image/png' }).end(png);
      return;
    }
    const match = rest.match(/^\/(pages|examples)\/([\w-]+\.html)$/);
    if (!match) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    try {
      const body = await readFile(join(match[1] === 'pages' ? FIXTURES : EXAMPLES, match[2]));
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return { url: (path) => `http://${host}:${port}${path}`, requests, heard, sent, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/** The browsers the tests run in: both, unless DECANT_BROWSERS names some (chromium,firefox). */
export const BROWSERS = (process.env.DECANT_BROWSERS || 'chromium,firefox').split(',').map((b) => b.trim()).filter(Boolean);

/**
 * Copies the extension as it loads unpacked from the repository (with the manifest the build
 * writes for `browser`), plus the test host permission.
 */
async function extensionCopy(archive, browser = 'chromium', { hostAccess = true } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'decant-ext-'));
  if (archive) {
    // A store package, unpacked as the browser would.
    for (const [name, bytes] of unzip(await readFile(archive))) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), bytes);
    }
  } else {
    for (const part of ['extension', 'pkg']) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  }
  const manifest = archive ? JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) : await manifestFor(browser);
  // localhost is the same server as another site (a tab of its own process in Firefox).
  if (hostAccess) manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * Starts `browser` ('chromium' or 'firefox') headless with the extension (as in the repository,
 * or unpacked from a store `archive`). Returns its `context` (newPage, request events),
 * `extension(fn, arg)`, which runs `fn(api, backgroundGlobal, arg)` in the extension,
 * `openExtensionPage(path)` and `close()`. In Chromium, `hostAccess: false` leaves out the test
 * host permission: the reader is then opened with a real press (`pressDecant`), which grants
 * `activeTab` alone, as a user's click does; `alongside` lists more unpacked extensions to load
 * with it (the browser benchmark's floors). In Firefox, `offline` (the port of a local server that
 * answers proxy requests at once, with nothing) ends every request for another host at once, as
 * Chromium's pages do with `route`.
 */
export async function launch(browser, archive, { hostAccess = true, alongside = [], offline = 0 } = {}) {
  if (browser === 'chromium') return launchChromium(archive, { hostAccess, alongside });
  if (browser !== 'firefox') throw new Error(`unknown browser ${browser} (chromium or firefox)`);
  const extension = await extensionCopy(archive, 'firefox');
  return launchFirefox(extension, () => rm(extension, { recursive: true, force: true }), { alongside, offline });
}

async function launchChromium(archive, { hostAccess, alongside }) {
  const extension = await extensionCopy(archive, 'chromium', { hostAccess });
  const loaded = [extension, ...alongside].join(',');
  const profile = await mkdtemp(join(tmpdir(), 'decant-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: false,
    acceptDownloads: true,
    viewport: { width: 1100, height: 900 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets the browser benchmark press the toolbar button over CDP (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
    ],
  });
  const isDecant = (w) => w.url().endsWith('/extension/background.js');
  const worker = context.serviceWorkers().find(isDecant) ?? (await context.waitForEvent('serviceworker', { predicate: isDecant, timeout: 15_000 }));
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await rm(extension, { recursive: true, force: true });
  };
  const id = new URL(worker.url()).host;
  return {
    name: 'chromium',
    scheme: 'chrome-extension:',
    id,
    origin: `chrome-extension://${id}`,
    context,
    worker,
    close,
    extension: (fn, arg) => worker.evaluate(`(${fn})(chrome, globalThis, ${JSON.stringify(arg ?? null)})`),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    /**
     * Allows the extension to read `patterns` as the user does in the browser's own extension
     * settings (chrome://extensions, site access): the extension's request for them is then
     * answered yes without a prompt, which a headless browser could not show.
     */
    async allowSites(patterns) {
      const page = await context.newPage();
      try {
        await page.goto('chrome://extensions/');
        for (const p of patterns) await page.evaluate(([ext, p]) => chrome.developerPrivate.addHostPermission(ext, p), [id, p]);
      } finally {
        await page.close();
      }
    },
    /** Presses the toolbar button on the tab showing `page` (CDP), granting `activeTab` as a click does. */
    async pressDecant(page) {
      await page.bringToFront();
      const root = await context.browser().newBrowserCDPSession();
      try {
        const tab = (await root.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos.find((t) => t.url === page.url());
        if (!tab) throw new Error(`no tab shows ${page.url()}`);
        // A press that reaches a worker still starting up can be lost (nothing happens): once
        // the reader has not begun to open within 5 s, press again.
        for (let tries = 1; ; tries++) {
          await root.send('Extensions.triggerAction', { id, targetId: tab.targetId });
          const opened = await page.waitForFunction(() => document.querySelector('[data-decant]') !== null, null, { timeout: 5_000 }).then(() => true, () => false);
          if (opened || tries === 2) break;
        }
      } finally {
        await root.detach();
      }
    },
  };
}

/**
 * Registers the hooks of a test suite for `browser`: before its tests, a fixture server and the
 * browser start and are handed to `use({ server, browser })`; after them, both close.
 */
export function startForSuite(browser, use) {
  let started = {};
  before(async () => {
    started = { server: await startServer(), browser: await launch(browser) };
    use(started);
  });
  after(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
}

/** Does what a click on the toolbar button does, on the tab showing `page`. */
export async function clickDecant(browser, page) {
  await page.bringToFront();
  const ok = await browser.extension(async (ext, background, url) => {
    const tab = (await ext.tabs.query({})).find((t) => t.url === url);
    if (!tab) return false;
    await background.decantToggleReader(tab.id);
    return true;
  }, page.url());
  if (!ok) throw new Error(`no tab shows ${page.url()}`);
}

/** Closes the reader on `page` with its Close button, and waits until the page no longer holds it. */
export async function closeReader(page, reader) {
  await reader.click('#decant-close');
  await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);
}

/** The reader frame on `page`, once it has loaded. */
export async function readerFrame(page, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    // The newest attached one: a closed reader's frame may linger in the list for a moment.
    const frames = page.frames().filter((f) => !f.isDetached());
    const urls = await Promise.all(frames.map((f) => (f.href ? f.href() : f.url())));
    const frame = frames.filter((_, i) => /^(chrome|moz)-extension:\/\/[^/]+\/extension\/reader\.html/.test(urls[i])).at(-1);
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`the reader frame did not appear on ${page.url()}`);
}

/**
 * The text inside the closed shadow root of the first element of `page` whose `data-decant` is
 * `host` ('reader' or 'notice'). Scripts (and Playwright's selectors) cannot enter a closed
 * root; the DevTools protocol (or BiDi) can.
 */
export async function closedShadowText(page, host) {
  if (page.closedShadowText) return page.closedShadowText(host);
  const isHost = (node) => {
    const attrs = node.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-decant' && attrs[i + 1] === host) return true;
    return false;
  };
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (node) => (isHost(node) ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean));
    const text = (node) => (node.nodeType === 3 ? node.nodeValue : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(text).join(''));
    const found = find(root);
    return found ? text(found) : null;
  } finally {
    await cdp.detach();
  }
}

/** `page` printed as a PDF, as the browser's Print prints it (CDP Page.printToPDF in Chromium). */
export async function printToPDF(page) {
  if (page.printToPDF) return page.printToPDF();
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = await cdp.send('Page.printToPDF', { printBackground: true });
    return Buffer.from(data, 'base64');
  } finally {
    await cdp.detach();
  }
}

/** The text of a PDF, page by page (poppler's pdftotext, which scripts/setup.sh installs). */
export async function pdfPages(pdf) {
  const dir = await mkdtemp(join(tmpdir(), 'decant-pdf-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)('pdftotext', ['-layout', join(dir, 'in.pdf'), join(dir, 'out.txt')]);
    return (await readFile(join(dir, 'out.txt'), 'utf8')).split('\f').filter((p) => p.trim());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the reader overlay is in the page. */
export function overlayPresent(page) {
  return page.evaluate(() => document.querySelector('[data-decant=reader]') !== null);
}

export { extname };
