// Firefox for the browser tests: Debian's firefox-esr driven by puppeteer-core over WebDriver
// BiDi, with the extension installed as a temporary add-on. The tests are written once, against the
// part of Playwright's API they use; the classes here give Firefox's pages and frames that same
// shape, so each test runs unchanged in both browsers.
//
// Two things a test cannot do through BiDi alone:
// - reach the extension: BiDi does not show the background page. An extension page (the options
//   page, open in a tab of its own) can, through `runtime.getBackgroundPage()`; opening that page
//   needs `--remote-allow-system-access`, and its moz-extension:// address is fixed by the
//   `extensions.webextensions.uuids` preference.
// - see downloads: Firefox saves them to a directory set by preferences; the tests watch it.

import puppeteer from 'puppeteer-core';
import { mkdtemp, readdir, readFile, rename, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const UUID = 'd3ca0e7a-5e1f-4c0d-9a57-0b5e7c1d2f30';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Playwright's waitForFunction(fn, arg, options) as puppeteer's (fn, options, arg). */
function waitArgs(arg, options) {
  return [{ timeout: options?.timeout ?? 30_000, polling: 50 }, arg];
}

/**
 * The raw WebDriver BiDi session behind a puppeteer page and its browsing context's id, for the
 * commands puppeteer does not offer (puppeteer-core's internals, pinned in package.json).
 */
function bidi(page) {
  const context = page.mainFrame().browsingContext;
  return { session: context.userContext.browser.session, context: context.id };
}

/** A key combination in Playwright's notation ('Shift+Tab', '+') on puppeteer's keyboard. */
async function pressCombo(keyboard, combo) {
  const keys = combo.length > 1 ? combo.split('+') : [combo];
  const modifiers = keys.slice(0, -1);
  for (const m of modifiers) await keyboard.down(m);
  await keyboard.press(keys.at(-1));
  for (const m of modifiers.reverse()) await keyboard.up(m);
}

/** A frame (the page's own or the reader's) with the Playwright methods the tests use. */
class Frame {
  constructor(frame) {
    this.frame = frame;
  }

  url() {
    return this.frame.url();
  }

  /** BiDi does not report where an extension frame navigated; the frame itself knows. */
  async href() {
    return this.frame.evaluate(() => location.href).catch(() => '');
  }

  isDetached() {
    return this.frame.detached;
  }

  evaluate(fn, arg) {
    return this.frame.evaluate(fn, arg);
  }

  waitForFunction(fn, arg, options) {
    return this.frame.waitForFunction(fn, ...waitArgs(arg, options));
  }

  waitForSelector(selector, options) {
    return this.frame.waitForSelector(selector, { timeout: options?.timeout ?? 30_000 });
  }

  async click(selector) {
    await this.frame.waitForSelector(selector, { visible: true });
    await this.frame.click(selector);
  }

  focus(selector) {
    return this.frame.focus(selector);
  }

  async check(selector) {
    if (!(await this.frame.$eval(selector, (e) => e.checked))) await this.click(selector);
  }

  async selectOption(selector, value) {
    await this.frame.select(selector, value);
  }

  textContent(selector) {
    return this.frame.$eval(selector, (e) => e.textContent);
  }

  getAttribute(selector, name) {
    return this.frame.$eval(selector, (e, n) => e.getAttribute(n), name);
  }

  isHidden(selector) {
    return this.frame.evaluate((s) => {
      const e = document.querySelector(s);
      if (!e) return true;
      const style = getComputedStyle(e);
      return e.hidden || style.display === 'none' || style.visibility === 'hidden' || e.getClientRects().length === 0;
    }, selector);
  }

  $$eval(selector, fn) {
    return this.frame.$$eval(selector, fn);
  }
}

/** A finished download in the watched directory, moved out so the next one keeps its name. */
class Download {
  constructor(name, path) {
    this.name = name;
    this.file = path;
  }

  suggestedFilename() {
    return this.name;
  }

  async path() {
    return this.file;
  }

  saveAs(dest) {
    return copyFile(this.file, dest);
  }
}

class Page extends Frame {
  constructor(page, browser) {
    super(page.mainFrame());
    this.page = page;
    this.browser = browser;
    this.frameWrappers = new WeakMap();
    this.keyboard = { press: (combo) => pressCombo(page.keyboard, combo) };
    for (const listener of browser.requestListeners) page.on('request', listener);
  }

  goto(url) {
    return this.page.goto(url);
  }

  url() {
    return this.page.url();
  }

  frames() {
    return this.page.frames().map((f) => {
      if (!this.frameWrappers.has(f)) this.frameWrappers.set(f, new Frame(f));
      return this.frameWrappers.get(f);
    });
  }

  on(event, listener) {
    if (event !== 'pageerror') throw new Error(`Firefox harness: no page event ${event}`);
    // Firefox reports the page's own policy blocking its scripts and styles as errors; Chromium
    // reports those to the console, and page errors are uncaught exceptions alone.
    this.page.on(event, (error) => {
      if (!error.message.startsWith('Content-Security-Policy: ')) listener(error);
    });
  }

  bringToFront() {
    return this.page.bringToFront();
  }

  waitForTimeout(ms) {
    return sleep(ms);
  }

  screenshot(options) {
    return this.page.screenshot(options);
  }

  setViewportSize({ width, height }) {
    return this.page.setViewport({ width, height });
  }

  /** The page printed as a PDF (BiDi's browsingContext.print: what the print dialog prints). */
  async printToPDF() {
    const { session, context } = bidi(this.page);
    const { result } = await session.send('browsingContext.print', { context, background: true });
    return Buffer.from(result.data, 'base64');
  }

  locator(selector) {
    return { click: () => this.click(selector) };
  }

  close() {
    this.browser.pages.delete(this);
    return this.page.close();
  }

  /** Waits for the next file Firefox saves (Playwright's waitForEvent('download')). */
  async waitForEvent(event, options) {
    if (event !== 'download') throw new Error(`Firefox harness: no event ${event}`);
    return this.browser.nextDownload(options?.timeout ?? 30_000);
  }

  /**
   * The text inside the closed shadow root of the first element whose `data-decant` is `host`.
   * Scripts cannot enter a closed root; BiDi's serialization of nodes can (includeShadowTree: 'all').
   */
  async closedShadowText(host) {
    const { session, context } = bidi(this.page);
    const { result } = await session.send('script.evaluate', {
      expression: 'document.documentElement',
      target: { context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: null },
    });
    const kids = (node) => [...(node.value?.shadowRoot ? [node.value.shadowRoot] : []), ...(node.value?.children ?? [])];
    const find = (node) => (node.value?.attributes?.['data-decant'] === host ? node : kids(node).map(find).find(Boolean));
    const text = (node) => (node.value?.nodeType === 3 ? node.value.nodeValue ?? '' : kids(node).map(text).join(''));
    const found = find(result.result);
    return found ? text(found) : null;
  }

  /** Firefox's BiDi cannot emulate print media: the frames apply their print rules as screen rules. */
  async emulateMedia({ media }) {
    for (const frame of this.frames().slice(1)) {
      await frame.evaluate((print) => {
        const sheets = document.adoptedStyleSheets.filter((s) => s !== window.__decantTestPrint);
        if (print) {
          const rules = [];
          for (const sheet of document.styleSheets) {
            for (const rule of sheet.cssRules) {
              if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') rules.push(...[...rule.cssRules].map((r) => r.cssText));
            }
          }
          // The reader's policy blocks inline styles, not a constructed sheet.
          window.__decantTestPrint = new CSSStyleSheet();
          window.__decantTestPrint.replaceSync(rules.join('\n'));
          sheets.push(window.__decantTestPrint);
        }
        document.adoptedStyleSheets = sheets;
      }, media === 'print');
    }
  }
}

/**
 * Starts headless Firefox with the extension in `dir` (already copied, with the test host
 * permission). Returns the same shape as the Chromium launcher.
 */
export async function launchFirefox(dir, cleanup, { alongside = [], offline = 0 } = {}) {
  // The other extensions' ids, and the fixed addresses their pages get.
  const others = await Promise.all(alongside.map(async (path, i) => {
    const manifest = JSON.parse(await readFile(join(path, 'manifest.json'), 'utf8'));
    return { path, id: manifest.browser_specific_settings.gecko.id, uuid: `${UUID.slice(0, -1)}${(i + 1).toString(16)}` };
  }));
  const downloads = await mkdtemp(join(tmpdir(), 'decant-downloads-'));
  const saved = await mkdtemp(join(tmpdir(), 'decant-saved-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access', '--width=1100', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify(Object.fromEntries([['decant@decant.example', UUID], ...others.map((o) => [o.id, o.uuid])])),
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Lets a page read the clipboard in a test, as Chromium's clipboard-read permission does.
      'dom.events.testing.asyncClipboard': true,
      // The extension's requests for optional permissions are answered yes without a prompt (a
      // headless browser cannot show one): a test that needs a no stubs the request.
      'extensions.webextOptionalPermissionPrompts': false,
      // Every request for another host goes as a proxy request to the local server on port
      // `offline`, which answers it at once with nothing (127.0.0.1 itself is never proxied).
      ...(offline ? { 'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': offline, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': offline } : {}),
    },
  });
  const id = await browser.installExtension(dir);
  for (const other of others) await browser.installExtension(other.path);
  const handle = {
    name: 'firefox',
    scheme: 'moz-extension:',
    pages: new Set(),
    requestListeners: [],
    async nextDownload(timeout) {
      const deadline = Date.now() + timeout;
      // Firefox may write a download under a temporary name and rename it when done: take a file
      // only once the folder has looked the same on two polls in a row.
      let last = '';
      while (Date.now() < deadline) {
        const names = await readdir(downloads);
        const done = names.filter((n) => !n.endsWith('.part'));
        const seen = names.join('/');
        if (done.length && !names.some((n) => n.endsWith('.part')) && seen === last) {
          const name = done[0];
          const path = join(await mkdtemp(join(saved, 'd-')), name);
          try {
            await rename(join(downloads, name), path);
            return new Download(name, path);
          } catch (error) {
            if (error.code !== 'ENOENT') throw error;
          }
        }
        last = seen;
        await sleep(50);
      }
      throw new Error(`no download within ${timeout} ms`);
    },
  };
  const context = {
    /** A new tab, or with `{ window: true }` a new window (Playwright's pages are windows already). */
    async newPage({ window = false } = {}) {
      const page = new Page(await browser.newPage(window ? { type: 'window' } : {}), handle);
      await page.page.setViewport({ width: 1100, height: 900 });
      handle.pages.add(page);
      return page;
    },
    on(event, listener) {
      if (event !== 'request') throw new Error(`Firefox harness: no context event ${event}`);
      handle.requestListeners.push(listener);
      for (const page of handle.pages) page.page.on('request', listener);
    },
    off(event, listener) {
      handle.requestListeners = handle.requestListeners.filter((l) => l !== listener);
      for (const page of handle.pages) page.page.off('request', listener);
    },
    // Clipboard access is granted by the preference above.
    async grantPermissions() {},
  };

  /**
   * Opens an extension page in a tab of its own, waiting until its script has the API: Decant's,
   * or with `uuid` one of the extensions `alongside`.
   */
  async function openExtensionPage(path, uuid = UUID) {
    const page = await context.newPage();
    const { session, context: id } = bidi(page.page);
    // Navigating to an extension page never reports its load event to BiDi: do not wait for it.
    await session.send('browsingContext.navigate', { context: id, url: `moz-extension://${uuid}/${path}`, wait: 'none' });
    await page.page.waitForFunction(() => typeof browser === 'object' && document.readyState === 'complete', { polling: 50, timeout: 15_000 });
    return page;
  }

  const agent = await openExtensionPage('extension/options.html');
  return Object.assign(handle, {
    id,
    origin: `moz-extension://${UUID}`,
    /** The extensions installed `alongside`: their paths, ids and page addresses' uuids. */
    others,
    context,
    openExtensionPage,
    // Firefox answers the extension's requests for sites yes (the preference above), and a test
    // cannot press its toolbar button: `clickDecant` stands in, with the test's host access.
    async allowSites() {},
    pressDecant: null,
    /** The extension page at `path` that the extension opens next (a window of its own), once loaded. */
    async waitForExtensionPage(path, timeout = 15_000) {
      // BiDi does not report where an extension page navigated: each page is asked itself.
      const deadline = Date.now() + timeout;
      const wanted = `moz-extension://${UUID}/${path}`;
      while (Date.now() < deadline) {
        for (const p of await browser.pages()) {
          const href = await p.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
          if (href.startsWith(wanted)) return new Page(p, handle);
        }
        await sleep(100);
      }
      throw new Error(`no ${path} opened within ${timeout} ms`);
    },
    /** Runs `fn(api, backgroundGlobal, arg)` in the extension, as the Chromium worker does. */
    extension(fn, arg) {
      return agent.page.evaluate(`(async () => (${fn})(browser, await browser.runtime.getBackgroundPage(), ${JSON.stringify(arg ?? null)}))()`);
    },
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
      await rm(saved, { recursive: true, force: true });
      await cleanup();
    },
  });
}
