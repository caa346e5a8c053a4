// The whole path in Chromium: open a page, open the reader as a click does, check what it shows,
// save the Markdown, close, and check the page is exactly as it was.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BROWSERS, startForSuite, clickDecant, readerFrame, closeReader, overlayPresent, closedShadowText } from './harness.mjs';

for (const name of BROWSERS) describe(name, () => {
  let server;
  let browser;
  startForSuite(name, (started) => ({ server, browser } = started));

  const KEPT = ['voted seven to two', 'How the town will pay for it', 'view of the old lighthouse is best'];
  const DROPPED = ['Most read', 'Ferry schedule', 'Share on Social', 'All rights reserved', 'Accept all'];

  for (const [label, path] of [
    ['an ordinary page', '/pages/news-article.html'],
    ["a page whose CSP is default-src 'none'", '/csp/pages/news-article.html'],
  ]) {
    test(`${name}: reader opens, saves and closes on ${label}`, async () => {
      const page = await browser.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(server.url(path));
        // Leave the page in a state a person would not want to lose.
        await page.evaluate(() => {
          const input = document.querySelector('input[name=q]');
          input.value = 'typed by the reader';
          input.focus({ preventScroll: true }); // Firefox would scroll to it later, after the scrollTo below
          document.body.style.minHeight = '3000px';
          window.scrollTo(0, 400);
        });
        const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: window.scrollY }));

        await clickDecant(browser, page);
        const reader = await readerFrame(page);
        await reader.waitForSelector('.decant-content', { timeout: 15_000 });
        assert.equal(await reader.textContent('.decant-title'), 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms');
        assert.equal(await reader.evaluate(() => document.scrollingElement.scrollTop), 0, 'the reader opened scrolled down');
        const meta = await reader.textContent('.decant-meta');
        assert.match(meta, /Marta Lindqvist/);
        assert.match(meta, /The Coastal Ledger/);
        assert.match(meta, /\d+ min read/);
        assert.match(meta, /2026/);
        // The page's tag list is the article's tags: under the title, not in the text.
        assert.deepEqual(await reader.$$eval('.decant-header .decant-tags li', (tags) => tags.map((t) => t.textContent)), ['Climate', 'Council', 'Harbor']);
        const shown = await reader.textContent('.decant-content');
        for (const text of KEPT) assert.ok(shown.includes(text), `reader lacks ${JSON.stringify(text)}`);
        for (const text of DROPPED) assert.ok(!shown.includes(text), `reader shows boilerplate ${JSON.stringify(text)}`);
        assert.equal(await reader.getAttribute('.decant-content img', 'src'), server.url('/images/seawall.jpg').replace('/csp', ''));

        const [download] = await Promise.all([page.waitForEvent('download'), reader.click('#decant-save')]);
        assert.equal(download.suggestedFilename(), 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms.md');
        const markdown = await readFile(await download.path(), 'utf8');
        assert.ok(markdown.startsWith('---\ntitle: "Harbor Town Votes to Rebuild Its Seawall After Winter Storms"\n'), markdown.slice(0, 200));
        assert.ok(markdown.includes('\n---\n\n# Harbor Town Votes to Rebuild Its Seawall After Winter Storms\n'), markdown.slice(0, 600));
        assert.match(markdown, /\ntags: \["Climate", "Council", "Harbor"\]\n---\n/);
        assert.match(markdown, /\n## How the town will pay for it\n/);
        assert.match(markdown, /!\[Waves breaking over the old seawall in February\]\(http:\/\/127\.0\.0\.1:\d+\/images\/seawall\.jpg\)/);
        for (const text of DROPPED) assert.ok(!markdown.includes(text), `Markdown has boilerplate ${JSON.stringify(text)}`);

        await closeReader(page, reader);
        const afterClose = await page.evaluate(() => ({
          html: document.documentElement.outerHTML,
          y: window.scrollY,
          value: document.querySelector('input[name=q]').value,
          focused: document.activeElement?.name,
        }));
        assert.equal(afterClose.html, before.html, 'the page DOM changed');
        assert.equal(afterClose.y, before.y, 'the scroll position changed');
        assert.equal(afterClose.value, 'typed by the reader');
        assert.equal(afterClose.focused, 'q', 'focus did not return to the field');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test(`${name}: a second click and Esc both close the reader`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/br-paragraphs.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      assert.match(await reader.textContent('.decant-content'), /kestrel hang over the heather/);
      await clickDecant(browser, page);
      await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);

      await clickDecant(browser, page);
      const again = await readerFrame(page);
      await again.waitForSelector('.decant-content');
      await again.waitForFunction(() => document.hasFocus());
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);
      assert.equal(await overlayPresent(page), false);
    } finally {
      await page.close();
    }
  });

  test(`${name}: the dek is shown under the title, once`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/dek-under-the-title.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const order = await reader.$$eval('.decant-header > *', (kids) => kids.map((k) => k.className));
      assert.deepEqual(order.slice(0, 3), ['decant-title', 'decant-subtitle', 'decant-meta']);
      assert.match(await reader.textContent('.decant-subtitle'), /^Satellite navigation made the keepers redundant/);
      assert.ok(!(await reader.textContent('.decant-content')).includes('Satellite navigation'), 'the dek is in the text as well');
    } finally {
      await page.close();
    }
  });

  test(`${name}: a thread's posts are shown as posts, each under a rule with its author and date`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/forum-thread.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const posts = await reader.$$eval('.decant-content article.decant-post', (items) =>
        items.map((p) => ({ by: p.querySelector('.decant-post-by')?.textContent, rule: getComputedStyle(p).borderTopStyle })),
      );
      assert.deepEqual(posts.map((p) => p.by), ['maple_mira · Feb 10, 2026', 'old_oak · Feb 10, 2026', 'maple_mira · Feb 10, 2026', 'spokeshave · Feb 11, 2026']);
      assert.deepEqual(posts.map((p) => p.rule), ['none', 'solid', 'solid', 'solid']);
    } finally {
      await page.close();
    }
  });

  test(`${name}: a list of links is not shown as an article unless asked`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/search-results.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-message');
      assert.equal(await reader.textContent('.decant-message h1'), 'This page is not an article');
      assert.equal(await reader.evaluate(() => document.activeElement?.textContent), 'Show anyway');
      assert.ok(!(await reader.evaluate(() => Boolean(document.querySelector('.decant-content')))), 'the list is shown before asking');
      await reader.click('.decant-message .decant-primary');
      await reader.waitForSelector('.decant-content');
      assert.match(await reader.textContent('.decant-content'), /How to oil a wooden cutting board/);
      assert.ok(!(await reader.textContent('.decant-meta')).includes('min read'), 'a list of links has no reading time');
    } finally {
      await page.close();
    }
  });

  test(`${name}: an article the engine is unsure of says so, one the engine is sure of does not`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/unsure-article.html'));
      await clickDecant(browser, page);
      let reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      assert.match(await reader.textContent('.decant-unsure'), /not sure this is the whole text/);
      await page.goto(server.url('/pages/news-article.html'));
      await clickDecant(browser, page);
      reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      assert.ok(!(await reader.evaluate(() => Boolean(document.querySelector('.decant-unsure')))), 'a sure article says it is unsure');
    } finally {
      await page.close();
    }
  });

  test(`${name}: a page without an article gets a clear message and a way back`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/no-article.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-message');
      assert.equal(await reader.textContent('.decant-message h1'), 'No article here');
      assert.match(await reader.textContent('.decant-message'), /no article found/i);
      await reader.click('.decant-message button');
      await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);
    } finally {
      await page.close();
    }
  });

  test(`${name}: a page too large to capture gets a notice over the page, which stays as it was`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/generated/too-large.html'));
      const before = await page.evaluate(() => document.body.children.length);
      await clickDecant(browser, page);
      // The notice is in a closed shadow root: the page sees only its host element.
      await page.waitForFunction(() => document.querySelector('[data-decant=notice]') !== null, null, { timeout: 30_000 });
      assert.equal(await overlayPresent(page), false, 'a reader opened on a page over the limit');
      const shown = await closedShadowText(page, 'notice');
      assert.match(shown, /^Decant: this page is too large for the reader view \(\d+ MB; the limit is 64 MB\)/);
      await page.locator('[data-decant=notice]').click();
      await page.waitForFunction(() => document.querySelector('[data-decant=notice]') === null);
      assert.equal(await page.evaluate(() => document.body.children.length), before);
    } finally {
      await page.close();
    }
  });

  test(`${name}: an extraction that runs too long is ended, and other tabs do not wait for it`, async () => {
    // 2 s instead of 30: the deep nests take the engine longer than that before its budget ends them.
    await browser.extension((ext, background) => background.decantEngineTimeout(2000));
    const slow = await browser.context.newPage();
    const quick = await browser.context.newPage({ window: true });
    try {
      await slow.goto(server.url('/generated/deep-nests.html'));
      // The other tab is on another site: Firefox runs the tabs of one site in one process, which a
      // 20 MB page keeps busy for a second or two after its capture, freeing memory.
      await quick.goto(server.url('/pages/news-article.html').replace('//127.0.0.1:', '//localhost:'));
      await clickDecant(browser, slow);
      // The overlay is laid once the worker has the capture, whose extraction then begins.
      await slow.waitForFunction(() => document.querySelector('[data-decant=reader]') !== null, null, { timeout: 60_000 });
      await clickDecant(browser, quick);
      const quickReader = await readerFrame(quick, 30_000);
      await quickReader.waitForSelector('.decant-content', { timeout: 30_000 });
      const timing = async (reader) => {
        await reader.waitForFunction(() => performance.getEntriesByName('decant:timing').length > 0, null, { timeout: 60_000 });
        return reader.evaluate(() => performance.getEntriesByName('decant:timing')[0].detail);
      };
      const quickDrawn = (await timing(quickReader)).paintedAt;
      // Looked for only now: in Firefox, finding it asks each frame for its address, which the slow
      // page's busy process would answer late.
      const slowReader = await readerFrame(slow, 30_000);
      await slowReader.waitForSelector('.decant-message', { timeout: 60_000 });
      // Had the quick page waited behind the slow one, it would have been drawn after the slow one
      // was given up (both are wall-clock times).
      const slowEnded = await timing(slowReader);
      assert.equal(slowEnded.failed, 'TooComplex');
      assert.ok(quickDrawn < slowEnded.answeredAt, `the other tab waited for the slow page (drawn ${Math.round(quickDrawn - slowEnded.answeredAt)} ms after it was given up)`);
      assert.match(await slowReader.textContent('.decant-message'), /This page is too complex to read.*took too long, so Decant stopped/s);
      // The next page is read as usual: the ended worker was replaced.
      await closeReader(quick, quickReader);
      await clickDecant(browser, quick);
      const again = await readerFrame(quick, 30_000);
      await again.waitForSelector('.decant-content', { timeout: 30_000 });
    } finally {
      await browser.extension((ext, background) => background.decantEngineTimeout(null));
      await slow.close();
      await quick.close();
    }
  });

  // Chromium's engine runs in an offscreen document, which receives a page's capture as the
  // service worker does (a content script's message goes to every extension document): it
  // extracts that copy, and the page is not sent to it a second time, which took a 5 MB page
  // 260 ms; and it hands the article to the reader frame itself, not through the service
  // worker. (Firefox runs the engine in the background page, which the capture is sent to.)
  if (name === 'chromium') {
    test(`${name}: a page's capture crosses to the engine once, and its article to the reader once`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url('/pages/news-article.html'));
        const before = await browser.extension((ext, background) => background.decantEngineCounts());
        await clickDecant(browser, page);
        const reader = await readerFrame(page);
        await reader.waitForSelector('.decant-content');
        const after = await browser.extension((ext, background) => background.decantEngineCounts());
        assert.deepEqual(after, { ownCopy: before.ownCopy + 1, sent: before.sent }, `before ${JSON.stringify(before)}`);
        await reader.waitForFunction(() => performance.getEntriesByName('decant:timing').length > 0);
        assert.equal(await reader.evaluate(() => performance.getEntriesByName('decant:timing')[0].detail.handedOver), true);
      } finally {
        await page.close();
      }
    });
  }

  test(`${name}: an image the page shows only through script has its <noscript> fallback in the reader`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/lazy-images.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      // The live page keeps a <noscript>'s content as markup, which the capture must not escape.
      const sources = await reader.evaluate(() => [...document.querySelectorAll('.decant-content img')].map((img) => img.getAttribute('src')));
      assert.ok(sources.some((src) => src.endsWith('/img/caloplaca.jpg')), `no fallback image among ${sources.join(', ')}`);
    } finally {
      await page.close();
    }
  });

  test(`${name}: what only the live page knows: elements hidden by a stylesheet and fixed overlays stay out`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/css-hidden-needs-live-page.html'));
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const shown = await reader.textContent('.decant-content');
      assert.match(shown, /follow its plume the last few meters/);
      assert.ok(!shown.includes('DUPLICATE FOR SMALL SCREENS'), 'an element hidden by the stylesheet is shown');
      assert.ok(!shown.includes('Unlock every story'), 'a fixed overlay is shown');
      await reader.waitForFunction(() => document.hasFocus());
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the capture changed the page');
    } finally {
      await page.close();
    }
  });

  test(`${name}: no script from the page runs in the reader, a footnote opens beside its reference and its note links back`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/xss-attacks.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      await page.waitForTimeout(300);
      const state = await reader.evaluate(() => ({
        pwned: window.__pwned ?? null,
        scripts: document.querySelectorAll('.decant-content :is(script, object, embed, [onerror], [onclick], [onload], [srcdoc])').length,
        frames: [...document.querySelectorAll('.decant-content iframe')].map((f) => `${new URL(f.src).host} ${f.sandbox}`),
        jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*(java|vb)script:/i.test(a.getAttribute('href') ?? '')).length,
        blankLinks: [...document.querySelectorAll('.decant-content a[target=_blank]')].map((a) => a.rel),
        // Even markup that got past the sanitizer could not run: the reader's policy blocks inline code.
        inlineRuns: (() => {
          const s = document.createElement('script');
          s.textContent = 'window.__inline = true';
          document.body.append(s);
          s.remove();
          return window.__inline ?? false;
        })(),
      }));
      assert.deepEqual(state, {
        pwned: null,
        scripts: 0,
        frames: ['www.youtube.com allow-scripts allow-same-origin allow-presentation allow-popups'],
        jsLinks: 0,
        blankLinks: ['noopener noreferrer', 'noopener noreferrer'],
        inlineRuns: false,
      });
      await closeReader(page, reader);

      await page.goto(server.url('/pages/footnotes.html'));
      await clickDecant(browser, page);
      const notes = await readerFrame(page);
      await notes.waitForSelector('.decant-content');
      // The article's ids carry the reader's prefix for them, and its links follow. A reference
      // opens its note beside it (reader/notes.js) and stays a link to the note, for a reader
      // without script; the note's way back is a link that jumps.
      await notes.click('a[href="#article-fn-2"]');
      await notes.waitForFunction(() => document.getElementById('decant-note').matches(':popover-open'));
      assert.match(await notes.evaluate(() => document.getElementById('decant-note').textContent), /A corpus study of punctuation/);
      assert.notEqual(await notes.evaluate(() => location.hash), '#article-fn-2', 'the reference jumped instead of opening its note');
      await notes.evaluate(() => document.getElementById('decant-note').hidePopover());
      await notes.click('#article-fn-2 a[href="#article-ref-2"]');
      await notes.waitForFunction(() => location.hash === '#article-ref-2');
    } finally {
      await page.close();
    }
  });

  test(`${name}: what the engine reads in scripts survives the capture: JSON-LD metadata and TeX`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/json-ld-only.html'));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
      const meta = await reader.textContent('.decant-meta');
      assert.match(meta, /Ines Moreau, Tomasz Wrobel/);
      assert.match(meta, /Orchard Science Weekly/);
      await closeReader(page, reader);

      await page.goto(server.url('/pages/math.html'));
      await clickDecant(browser, page);
      const math = await readerFrame(page);
      await math.waitForSelector('.decant-content');
      // The formula kept only in a MathJax script is shown (as its TeX source, in MathML).
      const formulas = await math.evaluate(() => [...document.querySelectorAll('.decant-content math')].map((m) => m.textContent.replace(/\s+/g, '')));
      assert.ok(formulas.some((f) => f.includes('(n+1)^2=n^2+2n+1')), formulas.join(' | '));
    } finally {
      await page.close();
    }
  });

  test(`${name}: the extension makes no request of its own: only the page and its images load`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/news-article.html'));
      const requests = [];
      browser.context.on('request', (r) => requests.push(r.url()));
      await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content img');
      const [download] = await Promise.all([page.waitForEvent('download'), reader.click('#decant-save')]);
      await download.path();
      await closeReader(page, reader);
      const origin = new URL(server.url('/')).origin;
      // The tab's icon is the browser's own request (Firefox asks for it when it likes).
      const foreign = requests.filter((u) => !u.startsWith(browser.scheme) && !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith(`${origin}/images/`) && u !== `${origin}/favicon.ico`);
      assert.deepEqual(foreign, [], 'requests other than the article images');
      assert.ok(requests.some((u) => u.startsWith(`${origin}/images/`)), 'the article image was not loaded (the check saw no requests)');
    } finally {
      await page.close();
    }
  });
});
