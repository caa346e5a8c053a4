// While the reader is open it owns the screen: what the page prints is the article alone, the page
// neither scrolls nor shows its scrollbars, Tab stays in the reader, every control fits from 320 px
// up, the toolbar's pop-ups are one at a time, Save says how it went where the user looks, Listen
// is there only with a voice, and Back closes the reader. Screenshots at 390 and 1280 px in each
// theme go to out/test-screenshots/.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, BROWSERS, startForSuite, clickDecant, readerFrame, closeReader, closedShadowText, printToPDF, pdfPages } from './harness.mjs';

const SHOTS = join(ROOT, 'out', 'test-screenshots');
const TITLE = 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms';
// Text the news fixture shows around its article, which a printed article must not have.
const PAGE_ONLY = ['Most read', 'Ferry schedule', 'Share on Social', 'All rights reserved', 'Accept all'];
const gone = (page) => page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);

for (const name of BROWSERS) describe(name, () => {
  let server;
  let browser;
  startForSuite(name, (started) => ({ server, browser } = started));

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
  });

  async function openReader(path, { width = 1100, height = 900 } = {}) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(server.url(path));
    await clickDecant(browser, page);
    const reader = await readerFrame(page);
    await reader.waitForSelector('.decant-content, .decant-message', { timeout: 15_000 });
    return { page, reader };
  }

  for (const [label, path] of [['', '/pages/news-article.html'], [" (on a page whose CSP is default-src 'none')", '/csp/pages/news-article.html']]) {
    test(`${name}: what the page prints while the reader is open is the article alone, paginated${label}`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url(path));
        const unread = (await pdfPages(await printToPDF(page))).join('\n');
        assert.ok(PAGE_ONLY.some((t) => unread.includes(t)), 'the page printed without the reader shows none of its chrome: the check below proves nothing');
        await clickDecant(browser, page);
        const reader = await readerFrame(page);
        await reader.waitForSelector('.decant-content');
        // The reader hands the page its article for print once drawn.
        for (let i = 0; i < 50 && !(await closedShadowText(page, 'reader'))?.includes('promenade'); i++) await page.waitForTimeout(100);
        const pages = await pdfPages(await printToPDF(page));
        const printed = pages.join('\n');
        const words = (s) => s.replace(/\s+/g, ' ');
        assert.ok(words(pages[0]).includes(TITLE), `page 1 does not start with the title: ${pages[0].slice(0, 300)}`);
        assert.ok(words(printed).includes('the top of the wall will be a promenade'), 'the article\'s last paragraph is not printed');
        assert.match(pages[0], /Marta Lindqvist/);
        for (const text of PAGE_ONLY) assert.ok(!printed.includes(text), `the print has the page's ${JSON.stringify(text)}`);
        for (const control of ['Close', 'Save as Markdown', 'Preparing the article']) assert.ok(!printed.includes(control), `the print has the reader's ${JSON.stringify(control)}`);
        assert.equal(words(printed).split(TITLE).length - 1, 1, 'the title is printed more than once (a screenful of the frame and the copy?)');
        // An outside link says where it goes on paper.
        assert.match(words(printed), /The Coastal Ledger \(http:\/\/127\.0\.0\.1:\d+\/(csp\/)?pages\/news-article\.html\)/);
        await closeReader(page, reader);
        const after = (await pdfPages(await printToPDF(page))).join('\n');
        assert.ok(PAGE_ONLY.some((t) => after.includes(t)), 'after Close the page does not print itself again');
      } finally {
        await page.close();
      }
    });
  }

  test(`${name}: while the reader is open the page cannot scroll and shows no scrollbar; Close puts it back where it was`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/news-article.html'));
      await page.evaluate(() => {
        document.body.style.minHeight = '4000px';
        document.body.style.minWidth = '3000px';
        window.scrollTo(40, 600);
      });
      const before = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const open = await page.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        return { overflowX: root.overflowX, overflowY: root.overflowY, bars: [window.innerWidth - document.documentElement.clientWidth, window.innerHeight - document.documentElement.clientHeight] };
      });
      assert.deepEqual({ x: open.overflowX, y: open.overflowY }, { x: 'hidden', y: 'hidden' });
      assert.deepEqual(open.bars, [0, 0], 'the page still draws a scrollbar beside or under the reader');
      // The keys that scroll scroll the reader, not the page.
      await reader.click('.decant-title');
      for (const key of ['PageDown', 'PageDown', 'End']) await page.keyboard.press(key);
      await reader.waitForFunction(() => document.scrollingElement.scrollTop > 0);
      assert.deepEqual(await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY })), before, 'the page scrolled under the reader');
      await closeReader(page, reader);
      assert.deepEqual(await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY, overflow: getComputedStyle(document.documentElement).overflowY })), { ...before, overflow: 'visible' });
    } finally {
      await page.close();
    }
  });

  test(`${name}: Tab starts at the toolbar, goes on into the article, and 40 presses never reach the page`, async () => {
    // A page with few links in its article, so that 40 Tabs go round the reader more than once.
    const { page, reader } = await openReader('/pages/news-article.html');
    try {
      await page.evaluate(() => {
        window.__reached = [];
        const host = document.querySelector('[data-decant=reader]');
        document.addEventListener('focusin', (e) => {
          if (e.target !== host) window.__reached.push(`${e.target.localName}${e.target.id ? '#' + e.target.id : ''}`);
        }, true);
      });
      await reader.waitForFunction(() => document.hasFocus());
      const order = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        order.push(await reader.evaluate(() => {
          const el = document.activeElement;
          return el === document.body || !el ? '' : el.id || `${el.localName}:${el.closest('.decant-article') ? 'article' : ''}`;
        }));
      }
      assert.deepEqual(await page.evaluate(() => window.__reached), [], 'Tab reached the page behind the reader');
      const shown = order.filter(Boolean);
      const first = await reader.evaluate(() => [...document.querySelectorAll('.decant-toolbar button')].find((b) => b.getClientRects().length).id);
      assert.equal(shown[0], first, `the first Tab does not reach the toolbar's first control (got ${order.slice(0, 3)})`);
      assert.ok(new Set(shown).size < shown.length, 'Tab did not go round the reader: the test does not reach the end of its controls');
      const firstInArticle = shown.findIndex((s) => s.endsWith(':article'));
      assert.ok(firstInArticle > 0, `Tab never reaches the article's links: ${shown.join(', ')}`);
      assert.ok(shown.slice(0, firstInArticle).every((s) => s.startsWith('decant-')), `the article comes before the toolbar: ${shown.join(', ')}`);
      const live = await reader.evaluate(() => [...document.querySelectorAll('[aria-live]')].filter((n) => n.querySelector('.decant-article')).length);
      assert.equal(live, 0, 'the article sits in a live region');
    } finally {
      await page.close();
    }
  });

  for (const width of [320, 390]) {
    test(`${name}: at ${width} px every control and pop-up is inside the screen`, async () => {
      const { page, reader } = await openReader('/examples/sample-article.html', { width, height: 740 });
      try {
        await reader.waitForSelector('#decant-toc:not([hidden])');
        const outside = () => reader.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll('button, select, input, a')]
            .filter((e) => e.getClientRects().length && !e.closest('.decant-article'))
            .map((e) => ({ id: e.id || e.textContent.trim(), ...e.getBoundingClientRect().toJSON() }))
            .filter((r) => r.width > 0 && (r.left < 0 || r.right > width + 0.5))
            .map((r) => `${r.id} ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
        });
        assert.deepEqual(await outside(), []);
        const toolbar = await reader.evaluate(() => ['decant-toc', 'decant-appearance', 'decant-save', 'decant-save-more', 'decant-close'].filter((id) => !document.getElementById(id).getClientRects().length));
        assert.deepEqual(toolbar, [], 'controls missing from the toolbar');
        for (const button of ['#decant-toc', '#decant-appearance', '#decant-save-more']) {
          await reader.click(button);
          assert.deepEqual(await outside(), [], `with ${button}'s pop-up open`);
          await page.keyboard.press('Escape');
        }
        await page.screenshot({ path: join(SHOTS, `${name}-${width}px-menu-closed.png`) });
      } finally {
        await page.close();
      }
    });
  }

  test(`${name}: the pop-ups open one at a time under their buttons, and close by Esc, by a click outside or by choosing`, async () => {
    const { page, reader } = await openReader('/examples/sample-article.html');
    try {
      await reader.waitForSelector('#decant-toc:not([hidden])');
      const open = () => reader.evaluate(() => [...document.querySelectorAll('.decant-panel')].filter((p) => !p.hidden).map((p) => p.id));
      await reader.click('#decant-appearance');
      assert.deepEqual(await open(), ['decant-appearance-panel']);
      const anchored = await reader.evaluate(() => {
        const b = document.getElementById('decant-appearance').getBoundingClientRect();
        const p = document.getElementById('decant-appearance-panel').getBoundingClientRect();
        return p.top >= b.bottom && p.top - b.bottom < 16 && p.left <= b.right && p.right >= b.left;
      });
      assert.ok(anchored, 'the appearance panel is not under its button');
      await reader.click('#decant-save-more');
      assert.deepEqual(await open(), ['decant-save-panel'], 'two pop-ups open at once');
      // From the keyboard too: Enter on another button while the menu is open.
      await reader.focus('#decant-appearance');
      await page.keyboard.press('Enter');
      assert.deepEqual(await open(), ['decant-appearance-panel'], 'two pop-ups open at once (keyboard)');
      await reader.focus('#decant-save-more');
      await page.keyboard.press('Enter');
      assert.deepEqual(await open(), ['decant-save-panel']);
      // A menu: the arrow keys move through its items.
      assert.equal(await reader.evaluate(() => document.activeElement.dataset.save), 'markdown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await reader.evaluate(() => document.activeElement.dataset.save), 'textpack');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal(await reader.evaluate(() => document.activeElement.id), 'decant-print');
      await page.keyboard.press('Escape');
      assert.deepEqual(await open(), []);
      assert.equal(await reader.evaluate(() => document.activeElement.id), 'decant-save-more', 'Esc did not give focus back to the menu button');
      assert.equal(await page.evaluate(() => document.querySelector('[data-decant=reader]') !== null), true, 'Esc closed the reader, not the menu');
      await reader.click('#decant-toc');
      await reader.click('.decant-content p');
      assert.deepEqual(await open(), [], 'a click on the article did not close the contents');
      await reader.click('#decant-toc');
      await reader.click('#decant-toc-panel a');
      assert.deepEqual(await open(), [], 'choosing a section did not close the contents');
    } finally {
      await page.close();
    }
  });

  test(`${name}: Save and Copy say how it went by the Save button`, async () => {
    const { page, reader } = await openReader('/pages/news-article.html');
    try {
      await Promise.all([page.waitForEvent('download'), reader.click('#decant-save')]);
      await reader.waitForFunction(() => document.getElementById('decant-save-status').textContent === 'Saved as Markdown.');
      const where = await reader.evaluate(() => {
        const toast = document.getElementById('decant-save-status').getBoundingClientRect();
        const save = document.getElementById('decant-save').getBoundingClientRect();
        return { visible: toast.width > 0 && toast.height > 0, below: toast.top >= save.bottom && toast.top - save.bottom < 24, inside: toast.right <= document.documentElement.clientWidth && toast.left >= 0 };
      });
      assert.deepEqual(where, { visible: true, below: true, inside: true });
      await page.screenshot({ path: join(SHOTS, `${name}-saved.png`) });
    } finally {
      await page.close();
    }
  });

  test(`${name}: Listen is offered only when the browser has a voice; with one it reads, pauses, picks the voice and highlights the sentence`, async () => {
    const { page, reader } = await openReader('/pages/news-article.html');
    try {
      // Headless browsers here have no speech voices: nothing to listen with, so no Listen.
      assert.equal(await reader.evaluate(() => speechSynthesis.getVoices().length), 0);
      assert.equal(await reader.isHidden('#decant-listen'), true, 'Listen is offered with no voice');
      await page.keyboard.press('l');
      assert.equal(await reader.isHidden('#decant-player'), true);
      // Voices arrive (as they do, after load): a stand-in engine with two, which records what it
      // is asked to say and reports word boundaries when the test says so.
      await reader.evaluate(() => {
        const real = window.speechSynthesis;
        const spoken = [];
        window.__spoken = spoken;
        const voice = (name, lang) => ({ name, lang, voiceURI: `test:${name}`, default: false, localService: true });
        const fake = {
          speak(u) { spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name }); fake.current = u; },
          cancel() { fake.current = null; },
          pause() {}, resume() {},
          getVoices: () => [voice('Zeta', 'de-DE'), voice('Alba', 'en-GB')],
          addEventListener() {},
        };
        Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
        // A browser's utterance takes only its own voice objects.
        window.SpeechSynthesisUtterance = class extends EventTarget {
          constructor(text) {
            super();
            Object.assign(this, { text, lang: '', rate: 1, voice: null });
          }
        };
        window.__word = (charIndex) => {
          const event = new Event('boundary');
          Object.assign(event, { charIndex, name: 'word' });
          fake.current?.dispatchEvent(event);
        };
        window.__finish = () => fake.current?.dispatchEvent(new Event('end'));
        real.dispatchEvent(new Event('voiceschanged'));
      });
      assert.equal(await reader.isHidden('#decant-listen'), false, 'Listen is not offered once a voice exists');
      // The article is English: the English voice first.
      assert.deepEqual(await reader.$$eval('#decant-listen-voice option', (os) => os.map((o) => o.textContent)), ['Alba (en-GB)', 'Zeta (de-DE)']);
      await page.keyboard.press('l');
      assert.equal(await reader.getAttribute('#decant-listen', 'aria-pressed'), 'true');
      assert.equal(await reader.isHidden('#decant-player'), false);
      let spoken = await reader.evaluate(() => window.__spoken);
      assert.deepEqual(spoken[0], { text: TITLE, lang: 'en', rate: 1, voice: 'Alba' });
      await reader.evaluate(() => window.__finish());
      // On to the paragraph of two sentences: a word boundary in the second sentence highlights
      // that sentence alone.
      for (let i = 0; i < 6 && !/^The new wall/.test(await reader.textContent('.decant-speaking')); i++) await reader.evaluate(() => window.__finish());
      const block = await reader.textContent('.decant-speaking');
      assert.match(block, /^The new wall will stand/);
      await reader.evaluate((at) => window.__word(at), block.replace(/\s+/g, ' ').indexOf('scheduled'));
      const highlighted = await reader.evaluate(() => {
        const h = CSS.highlights?.get('decant-sentence');
        return h ? [...h][0].toString() : null;
      });
      assert.equal(highlighted, 'Construction is scheduled to begin in September, after the summer ferry season, and to take two years.');
      await reader.selectOption('#decant-listen-voice', 'test:Zeta');
      spoken = await reader.evaluate(() => window.__spoken);
      assert.equal(spoken.at(-1).voice, 'Zeta', 'the chosen voice does not read');
      await reader.click('#decant-listen-play');
      assert.equal(await reader.getAttribute('#decant-listen', 'aria-pressed'), 'false');
      const stored = await browser.extension((ext) => ext.storage.sync.get('settings'));
      assert.equal(stored.settings.voice, 'test:Zeta', 'the voice chosen is not remembered');
      const icons = await reader.evaluate(() => [...document.querySelectorAll('#decant-player button')].every((b) => b.querySelector('svg') && !b.textContent.trim()));
      assert.ok(icons, 'the player\'s buttons are not drawn icons');
    } finally {
      await page.close();
      await browser.extension((ext) => ext.storage.sync.clear());
    }
  });

  test(`${name}: Back closes the reader, and after Close Back goes where it went before`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/br-paragraphs.html'));
      await page.goto(server.url('/pages/news-article.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      await reader.click('.decant-title'); // the user's first touch gives the reader its entry
      await page.evaluate(() => history.back());
      await gone(page);
      assert.match(page.url(), /news-article\.html$/, 'Back left the page instead of closing the reader');

      await clickDecant(browser, page);
      const again = await readerFrame(page);
      await again.waitForSelector('.decant-content');
      await again.click('.decant-title');
      await closeReader(page, again);
      await page.waitForTimeout(200);
      await page.evaluate(() => history.back());
      await page.waitForFunction(() => location.pathname.endsWith('br-paragraphs.html'), undefined, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  test(`${name}: Esc right after a jump in the article closes the reader and leaves no entry behind`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/br-paragraphs.html'));
      await page.goto(server.url('/pages/long-article.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      await reader.click('.decant-title'); // the user's first touch gives the reader its entry
      // A Contents jump, and Esc before the jump's hashchange has been delivered.
      await reader.evaluate(() => {
        location.hash = `#${document.querySelectorAll('.decant-content h2')[2].id}`;
        for (const type of ['keydown', 'keyup']) document.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', bubbles: true }));
      });
      await gone(page);
      // Every entry the reader added is gone: Back goes where it went before the reader opened.
      await page.waitForTimeout(200);
      await page.evaluate(() => history.back());
      await page.waitForFunction(() => location.pathname.endsWith('br-paragraphs.html'), undefined, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  // Chromium gives every install of an extension the same id: a page could learn whether Decant
  // is installed by fetching its web-accessible page at that address, unless the page is served
  // only at the per-session address (use_dynamic_url). Firefox's address is random per install
  // (the tests fix it with a preference), so there is nothing there to guess.
  if (name === 'chromium') {
    test(`${name}: a page cannot tell that Decant is installed by fetching its reader page`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url('/pages/news-article.html'));
        const probe = (url) => page.evaluate((u) => fetch(u).then((r) => `fetched ${r.status}`, () => 'refused'), url);
        assert.equal(await probe(`${browser.origin}/extension/reader.html`), 'refused');
        // The reader still opens from its per-session address.
        await clickDecant(browser, page);
        const reader = await readerFrame(page);
        await reader.waitForSelector('.decant-content');
        await closeReader(page, reader);
      } finally {
        await page.close();
      }
    });
  }

  test(`${name}: the page hears no message from the reader, and cannot close it with one of its own`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/news-article.html'));
      await page.evaluate(() => {
        window.__heard = [];
        window.addEventListener('message', (e) => window.__heard.push(e.origin), true);
      });
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      await page.evaluate(() => window.postMessage({ kind: 'decant:close' }, '*'));
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => document.querySelector('[data-decant=reader]') !== null), true, 'a message from the page closed the reader');
      await closeReader(page, reader);
      const heard = await page.evaluate(() => window.__heard.filter((o) => o !== location.origin));
      assert.deepEqual(heard, [], 'the page heard the reader (and learned its origin)');
    } finally {
      await page.close();
    }
  });

  test(`${name}: elements named like the reader's state do not stop it opening and closing`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/br-paragraphs.html'));
      // Named elements become properties of the window, in Chromium's isolated world too.
      await page.evaluate(() => {
        for (const name of ['__decantReader', 'decantReader', 'state']) {
          const a = Object.assign(document.createElement('a'), { id: name, href: '#' });
          const form = document.createElement('form');
          form.setAttribute('name', name);
          document.body.append(a, form);
        }
      });
      for (let round = 0; round < 2; round++) {
        await clickDecant(browser, page);
        const reader = await readerFrame(page);
        await reader.waitForSelector('.decant-content');
        assert.equal(await page.evaluate(() => document.querySelectorAll('[data-decant=reader]').length), 1);
        await clickDecant(browser, page);
        await gone(page);
      }
    } finally {
      await page.close();
    }
  });

  test(`${name}: a page that lays traps for the reader's host cannot reach into it`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/br-paragraphs.html'));
      // Custom elements by the names a reader might use, whose internals would hand over even a
      // closed shadow root, and a patched attachShadow that keeps every root made.
      await page.evaluate(() => {
        window.__roots = [];
        for (const tag of ['decant-reader', 'decant-notice', 'decant-host']) {
          customElements.define(tag, class extends HTMLElement {
            constructor() {
              super();
              window.__roots.push(() => this.attachInternals().shadowRoot);
            }
          });
        }
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
          const root = attach.call(this, init);
          window.__roots.push(() => root);
          return root;
        };
      });
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const reached = await page.evaluate(() => {
        const host = document.querySelector('[data-decant=reader]');
        const roots = window.__roots.map((get) => { try { return get(); } catch { return null; } }).filter(Boolean);
        return { host: host?.localName, open: host?.shadowRoot !== null, roots: roots.length, frames: document.querySelectorAll('iframe').length };
      });
      assert.deepEqual(reached, { host: 'div', open: false, roots: 0, frames: 0 });
      await clickDecant(browser, page);
      await gone(page);
    } finally {
      await page.close();
    }
  });

  test(`${name}: an article's ids cannot take the place of the reader's own elements`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/news-article.html'));
      await page.evaluate(() => {
        const paragraphs = document.querySelectorAll('article p');
        ['decant-progress', 'decant-close', 'decant-save'].forEach((id, i) => { paragraphs[i].id = id; });
        const link = Object.assign(document.createElement('a'), { href: '#decant-close', textContent: 'see above' });
        paragraphs[3].append(' (', link, ')');
      });
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const ids = await reader.evaluate(() => ({
        progress: [document.querySelectorAll('[id="decant-progress"]').length, document.getElementById('decant-progress').getAttribute('role')],
        close: document.getElementById('decant-close').localName,
        save: document.getElementById('decant-save').localName,
        link: document.querySelector('.decant-content a[href^="#"]').getAttribute('href'),
        target: document.getElementById('article-decant-close')?.localName,
      }));
      assert.deepEqual(ids, { progress: [1, 'progressbar'], close: 'button', save: 'button', link: '#article-decant-close', target: 'p' });
      await closeReader(page, reader);
    } finally {
      await page.close();
    }
  });

  test(`${name}: reader.html framed by a page, without a capture made for it, offers nothing that changes settings`, async () => {
    const page = await browser.context.newPage();
    try {
      await browser.extension((ext) => ext.storage.sync.set({ settings: { theme: 'sepia' } }));
      await page.goto(server.url('/pages/news-article.html'));
      // The address the extension itself uses (in Chromium the per-session one, which a page
      // cannot guess: the fixed one does not load at all), as if the page had learned it.
      const address = await browser.extension((ext) => ext.runtime.getURL('extension/reader.html'));
      await page.evaluate((src) => {
        const frame = Object.assign(document.createElement('iframe'), { src, width: 800, height: 600 });
        document.body.prepend(frame);
      }, `${address}#not-a-capture`);
      const framed = await readerFrame(page);
      await framed.waitForSelector('.decant-message');
      assert.equal(await framed.isHidden('#decant-appearance'), true, 'the appearance control is offered');
      await framed.click('.decant-message button');
      for (const key of ['t', '+', 's']) await page.keyboard.press(key);
      await page.waitForTimeout(300);
      const stored = await browser.extension((ext) => ext.storage.sync.get('settings'));
      assert.deepEqual(stored.settings, { theme: 'sepia' }, 'the framing page changed the settings');
      assert.equal(await framed.evaluate(() => document.getElementById('decant-appearance-panel').childElementCount), 0, 'the settings form is there');
    } finally {
      await page.close();
      await browser.extension((ext) => ext.storage.sync.clear());
    }
  });

  test(`${name}: screenshots at 390 and 1280 px in each theme`, async () => {
    for (const width of [390, 1280]) {
      const { page, reader } = await openReader('/examples/sample-article.html', { width, height: 860 });
      try {
        for (const theme of ['light', 'sepia', 'dark']) {
          await reader.click('#decant-appearance');
          await reader.check(`#decant-theme-${theme}`);
          await page.keyboard.press('Escape');
          await page.screenshot({ path: join(SHOTS, `${name}-${width}px-${theme}.png`) });
        }
      } finally {
        await page.close();
        await browser.extension((ext) => ext.storage.sync.clear());
      }
    }
  });
});
