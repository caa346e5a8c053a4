// The reader view itself: the header, content styling (images, wide tables, code, math), settings
// (applied at once, remembered), keyboard-only use, the table of contents and progress, listening,
// right-to-left text, print, the readable badge and the context menu. Screenshots of each theme go
// to out/test-screenshots/.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, BROWSERS, startForSuite, clickDecant, readerFrame, closeReader } from './harness.mjs';

const SHOTS = join(ROOT, 'out', 'test-screenshots');
for (const name of BROWSERS) describe(name, () => {
  let server;
  let browser;
  startForSuite(name, (started) => ({ server, browser } = started));

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
  });

  async function openReader(path) {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    await clickDecant(browser, page);
    const reader = await readerFrame(page);
    await reader.waitForSelector('.decant-content, .decant-message', { timeout: 15_000 });
    return { page, reader };
  }

  const resetSettings = () => browser.extension((ext) => ext.storage.sync.clear());

  function looks(reader) {
    return reader.evaluate(() => {
      const body = getComputedStyle(document.body);
      return {
        theme: document.documentElement.dataset.theme,
        font: document.documentElement.dataset.font,
        background: getComputedStyle(document.documentElement).backgroundColor,
        fontFamily: body.fontFamily,
        fontSize: parseFloat(body.fontSize),
        lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
        measure: parseFloat(getComputedStyle(document.querySelector('main')).maxWidth),
      };
    });
  }

  test(`${name}: every setting applies at once and is remembered when the reader opens again`, async () => {
    await resetSettings();
    let { page, reader } = await openReader('/pages/news-article.html');
    try {
      const start = await looks(reader);
      assert.equal(start.theme, 'auto');
      await reader.click('#decant-appearance');
      await reader.check('#decant-theme-dark');
      await reader.check('#decant-font-sans');
      await reader.click('#decant-size-more');
      await reader.click('#decant-size-more');
      await reader.check('#decant-width-wide');
      await reader.click('#decant-spacing-more');
      const changed = await looks(reader);
      assert.equal(changed.theme, 'dark');
      assert.notEqual(changed.background, start.background, 'the dark theme did not change the background');
      assert.match(changed.fontFamily, /system-ui|sans/);
      assert.equal(changed.fontSize, start.fontSize + 2);
      assert.ok(changed.measure > start.measure, 'the wide column is not wider');
      assert.ok(changed.lineHeight > start.lineHeight + 0.05, 'the line spacing did not grow');

      await closeReader(page, reader);
      ({ reader } = { reader: null });
      await page.close();
      ({ page, reader } = await openReader('/pages/news-article.html'));
      assert.deepEqual(await looks(reader), changed, 'settings were not remembered');
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  test(`${name}: the reading settings Firefox has (faces, weight, spacing, alignment, themes, colours, line focus) apply, are remembered and reset`, async () => {
    await resetSettings();
    let { page, reader } = await openReader('/pages/news-article.html');
    const text = () => reader.evaluate(() => {
      const article = document.querySelector('.decant-article');
      const p = document.querySelector('.decant-content p');
      const a = getComputedStyle(article);
      const above = document.querySelector('.decant-focus-above');
      return {
        fontFamily: getComputedStyle(document.body).fontFamily,
        weight: a.fontWeight,
        letterSpacing: parseFloat(a.letterSpacing) || 0,
        wordSpacing: parseFloat(a.wordSpacing) || 0,
        align: getComputedStyle(p).textAlign,
        background: getComputedStyle(document.documentElement).backgroundColor,
        color: getComputedStyle(document.body).color,
        focus: getComputedStyle(above).display !== 'none' && above.getBoundingClientRect().height > 0,
      };
    });
    try {
      const start = await text();
      assert.deepEqual([start.weight, start.letterSpacing, start.wordSpacing, start.focus], ['400', 0, 0, false]);
      await reader.click('#decant-appearance');
      await reader.check('#decant-font-atkinson');
      await reader.check('#decant-weight-bold');
      await reader.click('#decant-letters-more');
      await reader.click('#decant-words-more');
      await reader.check('#decant-align-justify');
      await reader.check('#decant-theme-contrast');
      await reader.check('#decant-line-focus');
      let now = await text();
      assert.match(now.fontFamily, /Atkinson Hyperlegible/);
      // The bundled face itself is what the text is drawn with, not a fallback.
      assert.ok(await reader.evaluate(async () => (await document.fonts.load('700 20px "Atkinson Hyperlegible"')).length > 0), 'the bundled face did not load');
      assert.equal(now.weight, '700');
      assert.ok(now.letterSpacing > 0, 'no letter spacing');
      assert.ok(now.wordSpacing > 0, 'no word spacing');
      assert.equal(now.align, 'justify');
      assert.equal(now.background, 'rgb(0, 0, 0)');
      assert.equal(now.color, 'rgb(255, 255, 255)');
      assert.ok(now.focus, 'line focus shows no shade');

      // Custom colours: the pickers appear with the custom theme.
      await reader.check('#decant-theme-custom');
      await reader.evaluate(() => {
        for (const [id, value] of [['decant-colour-text', '#102030'], ['decant-colour-background', '#f0e0d0']]) {
          const input = document.getElementById(id);
          input.value = value;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      await reader.waitForFunction(() => getComputedStyle(document.documentElement).backgroundColor === 'rgb(240, 224, 208)');
      now = await text();
      assert.equal(now.color, 'rgb(16, 32, 48)');

      await closeReader(page, reader);
      await page.close();
      ({ page, reader } = await openReader('/pages/news-article.html'));
      assert.deepEqual(await text(), now, 'the settings were not remembered');

      await reader.click('#decant-appearance');
      await reader.click('#decant-reset');
      await reader.waitForFunction(() => document.documentElement.dataset.theme === 'auto');
      assert.deepEqual(await text(), start, 'Reset did not bring back the defaults');
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  test(`${name}: screenshots of each theme`, async () => {
    const { page, reader } = await openReader('/examples/sample-article.html');
    try {
      const backgrounds = new Set();
      for (const theme of ['light', 'sepia', 'dark']) {
        await reader.click('#decant-appearance');
        await reader.check(`#decant-theme-${theme}`);
        await reader.click('#decant-appearance');
        backgrounds.add((await looks(reader)).background);
        await page.screenshot({ path: join(SHOTS, `${name}-theme-${theme}.png`) });
      }
      assert.equal(backgrounds.size, 3, 'the themes do not differ');
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  test(`${name}: every control works from the keyboard, with a visible focus ring and a name`, async () => {
    const { page, reader } = await openReader('/examples/sample-article.html');
    try {
      await reader.waitForSelector('#decant-toc:not([hidden])');
      // The reader opens with focus on its document: the first Tab reaches the toolbar's first
      // control, each next one the next control.
      const seen = [];
      const controls = ['decant-toc', 'decant-appearance', 'decant-save', 'decant-save-more', 'decant-close'];
      for (let i = 0; i < controls.length; i++) {
        await page.keyboard.press('Tab');
        seen.push(await reader.evaluate(() => {
          const el = document.activeElement;
          const name = el.getAttribute('aria-label') || el.textContent.trim();
          return { id: el.id, name, outline: getComputedStyle(el).outlineStyle };
        }));
      }
      const ids = seen.map((s) => s.id);
      assert.deepEqual(ids, controls, 'the toolbar is not reached in order by Tab');
      for (const s of seen.filter((s) => s.id)) {
        assert.ok(s.name, `${s.id} has no accessible name`);
        assert.notEqual(s.outline, 'none', `${s.id} shows no focus ring`);
      }

      // Open the appearance panel by keyboard, change the theme with the arrow keys, close with Esc.
      await reader.focus('#decant-appearance');
      await page.keyboard.press('Enter');
      assert.equal(await reader.evaluate(() => document.activeElement.id), 'decant-theme-auto');
      await page.keyboard.press('ArrowLeft');
      assert.equal((await looks(reader)).theme, 'custom');
      // The custom theme's colour pickers appear, and focus stays on the theme chosen.
      assert.equal(await reader.evaluate(() => document.activeElement.id), 'decant-theme-custom');
      assert.ok(await reader.evaluate(() => document.getElementById('decant-colour-text')?.getBoundingClientRect().width > 0), 'no colour picker');
      await page.keyboard.press('Escape');
      assert.equal(await reader.evaluate(() => document.activeElement.id), 'decant-appearance');
      assert.equal(await reader.isHidden('#decant-appearance-panel'), true);

      // Shortcuts: + and - change the size, T the theme.
      const size = (await looks(reader)).fontSize;
      await page.keyboard.press('+');
      assert.equal((await looks(reader)).fontSize, size + 1);
      await page.keyboard.press('-');
      await page.keyboard.press('-');
      assert.equal((await looks(reader)).fontSize, size - 1);
      await page.keyboard.press('t');
      assert.equal((await looks(reader)).theme, 'auto');

      // The table of contents, by keyboard: its links jump to the sections.
      await reader.focus('#decant-toc');
      await page.keyboard.press('Enter');
      const links = await reader.$$eval('#decant-toc-panel a', (as) => as.map((a) => a.textContent));
      assert.deepEqual(links, ['Two kinds of residents', 'Why the feeding ratio matters', 'Keeping track']);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await reader.waitForFunction(() => document.scrollingElement.scrollTop > 100);
      await reader.waitForFunction(() => Number(document.getElementById('decant-progress').getAttribute('aria-valuenow')) > 0);

      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  test(`${name}: listening reads the article in its language, highlights the paragraph, pauses and skips`, async () => {
    const { page, reader } = await openReader('/pages/news-article.html');
    try {
      // A stand-in for the speech engine, which headless browsers lack: it records what it is
      // asked to say and ends an utterance when the test says so.
      await reader.evaluate(() => {
        const spoken = [];
        window.__spoken = spoken;
        const fake = {
          speak(u) { spoken.push({ text: u.text, lang: u.lang, rate: u.rate }); fake.current = u; },
          cancel() { fake.current = null; },
          pause() {}, resume() {}, addEventListener() {},
          getVoices: () => [{ name: 'Test', lang: 'en-US', voiceURI: 'test:voice', default: true, localService: true }],
        };
        const real = window.speechSynthesis;
        Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
        window.__finish = () => fake.current?.dispatchEvent(new Event('end'));
        // Voices arrive after the page loads: the reader hears it from the browser's engine.
        real.dispatchEvent(new Event('voiceschanged'));
      });
      await reader.click('#decant-listen');
      assert.equal(await reader.getAttribute('#decant-listen', 'aria-pressed'), 'true');
      let spoken = await reader.evaluate(() => window.__spoken);
      assert.equal(spoken[0].text, 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms');
      assert.equal(spoken[0].lang, 'en');
      assert.equal(await reader.textContent('.decant-speaking'), 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms');

      await reader.evaluate(() => window.__finish());
      assert.match(await reader.textContent('.decant-speaking'), /^Waves broke over the old wall/);
      await reader.click('#decant-listen-next');
      assert.match(await reader.textContent('.decant-speaking'), /^The town council voted/);
      await reader.selectOption('#decant-listen-rate', '1.5');
      spoken = await reader.evaluate(() => window.__spoken);
      assert.equal(spoken.at(-1).rate, 1.5);
      await reader.click('#decant-listen-play');
      assert.equal(await reader.getAttribute('#decant-listen', 'aria-pressed'), 'false');
      const count = spoken.length;
      await reader.evaluate(() => window.__finish());
      assert.equal((await reader.evaluate(() => window.__spoken)).length, count, 'it went on after a pause');
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  /** The median characters per line of the article's paragraphs (last lines left out). */
  const charactersPerLine = (reader) => reader.evaluate(() => {
    const counts = [];
    const range = document.createRange();
    // Laid out now, not when they come near the view (a deferred block keeps its old layout).
    for (const p of document.querySelectorAll('.decant-content p')) p.style.contentVisibility = 'visible';
    for (const p of document.querySelectorAll('.decant-content p')) {
      const lines = new Map();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (let i = 0; i < t.length; i++) {
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const r = range.getClientRects()[0];
          if (r) lines.set(Math.round(r.top), (lines.get(Math.round(r.top)) ?? 0) + 1);
        }
      }
      counts.push(...[...lines.values()].slice(0, -1));
    }
    counts.sort((a, b) => a - b);
    return counts[Math.floor(counts.length / 2)];
  });

  test(`${name}: the measure is 60 to 70 characters at the default settings, and 45 to 90 at every width`, async () => {
    await resetSettings();
    const { page, reader } = await openReader('/examples/sample-article.html');
    try {
      const medium = await charactersPerLine(reader);
      assert.ok(medium >= 60 && medium <= 70, `${medium} characters a line at the default settings`);
      for (const [width, min, max] of [['narrow', 45, medium - 1], ['wide', medium + 1, 90]]) {
        await reader.click('#decant-appearance');
        await reader.check(`#decant-width-${width}`);
        await page.keyboard.press('Escape');
        const got = await charactersPerLine(reader);
        assert.ok(got >= min && got <= max, `${width}: ${got} characters a line`);
      }
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  test(`${name}: headings step up from the body's size, code is one size in a block or a line, and quotes are readable`, async () => {
    const { page, reader } = await openReader('/pages/news-article.html');
    try {
      const sizes = await reader.evaluate(() => {
        // Every level, with code in a line and in a block, added to the drawn article.
        const content = document.querySelector('.decant-content');
        const add = (tag, text) => content.appendChild(Object.assign(document.createElement(tag), { textContent: text }));
        for (const h of ['h2', 'h3', 'h4', 'h5', 'h6']) add(h, `A ${h} heading`);
        const p = add('p', 'Call ');
        p.append(Object.assign(document.createElement('code'), { textContent: 'run()' }));
        const pre = add('pre', '');
        pre.append(Object.assign(document.createElement('code'), { textContent: 'run()' }));
        add('blockquote', 'A quoted line.');
        const size = (el) => parseFloat(getComputedStyle(el).fontSize);
        const q = content.querySelector('blockquote:last-of-type');
        return {
          body: size(content.querySelector('p')),
          title: size(document.querySelector('.decant-title')),
          headings: ['h2', 'h3', 'h4', 'h5', 'h6'].map((h) => size(content.querySelector(`${h}:last-of-type`))),
          inline: size(p.querySelector('code')) / size(p),
          block: size(pre.querySelector('code')) / size(pre.parentElement),
          quote: getComputedStyle(q).color === getComputedStyle(content.querySelector('p')).color,
        };
      });
      const ladder = [sizes.title, ...sizes.headings, sizes.body];
      assert.ok(ladder.every((s, i) => i === 0 || s <= ladder[i - 1]) && sizes.headings[4] >= sizes.body, `heading sizes out of order: ${ladder.join(' > ')}`);
      assert.ok(sizes.title >= sizes.headings[0] * 1.15, `the title is only ${sizes.title / sizes.headings[0]}× a section heading`);
      assert.ok(Math.abs(sizes.inline - sizes.block) < 0.01, `code in a line is ${sizes.inline} of its text, in a block ${sizes.block}`);
      assert.equal(sizes.quote, true, 'a quote is greyed out');
    } finally {
      await page.close();
    }
  });

  test(`${name}: a right-to-left article is laid out right to left`, async () => {
    const { page, reader } = await openReader('/pages/rtl-article.html');
    try {
      const layout = await reader.evaluate(() => {
        const art = document.querySelector('.decant-article');
        return { dir: art.dir, lang: art.lang, direction: getComputedStyle(art.querySelector('p')).direction };
      });
      assert.deepEqual(layout, { dir: 'rtl', lang: 'ar', direction: 'rtl' });
      // A quote's bar is on the side the text starts from: the right.
      const bar = await reader.evaluate(() => {
        const q = document.querySelector('.decant-content').appendChild(Object.assign(document.createElement('blockquote'), { textContent: 'اقتباس' }));
        const style = getComputedStyle(q);
        return { right: parseFloat(style.borderRightWidth), left: parseFloat(style.borderLeftWidth) };
      });
      assert.ok(bar.right > 0 && bar.left === 0, `the quote's bar in right-to-left text: ${JSON.stringify(bar)}`);
      await page.screenshot({ path: join(SHOTS, `${name}-rtl.png`) });
    } finally {
      await page.close();
    }
  });

  test(`${name}: printing shows the article alone`, async () => {
    const { page, reader } = await openReader('/pages/news-article.html');
    try {
      await page.emulateMedia({ media: 'print' });
      const shown = await reader.evaluate(() =>
        Object.fromEntries(['.decant-toolbar', '#decant-progress', '.decant-article'].map((sel) => [sel, getComputedStyle(document.querySelector(sel)).display !== 'none'])),
      );
      assert.deepEqual(shown, { '.decant-toolbar': false, '#decant-progress': false, '.decant-article': true });
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await reader.evaluate(() => getComputedStyle(document.querySelector('.decant-toolbar')).display !== 'none'), true);
    } finally {
      await page.close();
    }
  });

  test(`${name}: images fit the column with their captions; wide tables and long code scroll in their own box; math is MathML`, async () => {
    const { page, reader } = await openReader('/pages/wide-content.html');
    try {
      await reader.waitForFunction(() => [...document.querySelectorAll('.decant-content img')].every((i) => i.complete && i.naturalWidth > 0));
      const layout = await reader.evaluate(() => {
        const column = document.querySelector('.decant-content').getBoundingClientRect().width;
        const box = (sel) => {
          const e = document.querySelector(`.decant-content ${sel}`);
          // As a reader sees it: a block far below is laid out once it comes near the view.
          e.scrollIntoView();
          const style = getComputedStyle(e);
          return { width: e.getBoundingClientRect().width, overflowX: style.overflowX, scrolls: e.scrollWidth > e.clientWidth, font: style.fontFamily };
        };
        const img = document.querySelector('.decant-content figure img');
        const math = document.querySelector('.decant-content math');
        return {
          column,
          img: img.getBoundingClientRect().width,
          imgRatio: img.getBoundingClientRect().width / img.getBoundingClientRect().height / (img.naturalWidth / img.naturalHeight),
          caption: img.closest('figure').querySelector('figcaption')?.textContent,
          table: box('table'),
          pre: box('pre'),
          pageScrollsSideways: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
          math: math instanceof MathMLElement && math.getBoundingClientRect().width > 0,
        };
      });
      assert.ok(layout.img <= layout.column + 0.5 && layout.img > layout.column * 0.9, `image ${layout.img}px in a ${layout.column}px column`);
      assert.ok(Math.abs(layout.imgRatio - 1) < 0.02, `the image is stretched (shown ratio / natural ratio = ${layout.imgRatio})`);
      assert.equal(layout.caption, 'The gauging station on the east bank, rebuilt in 1964.');
      for (const name of ['table', 'pre']) {
        const b = layout[name];
        assert.ok(b.width <= layout.column + 0.5, `${name} is ${b.width}px wide in a ${layout.column}px column`);
        assert.equal(b.overflowX, 'auto', `${name} does not scroll`);
        assert.ok(b.scrolls, `${name} does not overflow its box (the fixture is meant to be wider than the column)`);
      }
      assert.match(layout.pre.font, /monospace/);
      assert.equal(layout.pageScrollsSideways, false, 'the reader page itself scrolls sideways');
      assert.equal(layout.math, true, 'math is not rendered as MathML');
    } finally {
      await page.close();
    }
  });

  test(`${name}: formulas read in dark themes: MediaWiki's as MathML in the text's colour, image-only ones inverted`, async () => {
    await resetSettings();
    const { page, reader } = await openReader('/pages/math.html');
    const look = () => reader.evaluate(() => {
      const img = document.querySelector('.decant-content img.decant-formula');
      const maths = [...document.querySelectorAll('.decant-content math')];
      return {
        filter: getComputedStyle(img).filter,
        maths: maths.length,
        mathColour: getComputedStyle(maths.at(-1)).color,
        text: getComputedStyle(document.body).color,
      };
    });
    try {
      const light = await look();
      assert.equal(light.filter, 'none');
      assert.equal(light.maths, 5);
      for (const theme of ['dark', 'gray', 'contrast']) {
        await reader.evaluate((t) => {
          document.getElementById('decant-appearance').click();
          document.getElementById(`decant-theme-${t}`).click();
          document.getElementById('decant-appearance').click();
        }, theme);
        const dark = await look();
        assert.match(dark.filter, /invert/, `${theme}: the formula image is not inverted`);
        assert.equal(dark.mathColour, dark.text, `${theme}: MathML is not in the text's colour`);
      }
    } finally {
      await page.close();
      await resetSettings();
    }
  });

  test(`${name}: a footnote opens beside its reference and a picture opens larger; Esc closes each, not the reader`, async () => {
    let { page, reader } = await openReader('/pages/footnotes.html');
    const readerOpen = () => page.evaluate(() => document.querySelector('[data-decant=reader]') !== null);
    try {
      const before = await reader.evaluate(() => document.scrollingElement.scrollTop);
      await reader.click('.decant-content sup a');
      const note = await reader.evaluate(() => {
        const pop = document.getElementById('decant-note');
        const ref = document.querySelector('.decant-content sup a').getBoundingClientRect();
        const box = pop.getBoundingClientRect();
        return { open: pop.matches(':popover-open'), text: pop.textContent, below: box.top >= ref.bottom, near: Math.abs(box.left - ref.left) < 40, scrolled: document.scrollingElement.scrollTop };
      });
      assert.equal(note.open, true, 'the note did not open');
      assert.match(note.text, /Printing in Venice, 1490–1515, chapter 4\./);
      assert.doesNotMatch(note.text, /↩/, 'the way back is still in the note');
      assert.ok(note.below && note.near, 'the note is not by its reference');
      assert.equal(note.scrolled, before, 'the reference jumped to the note');
      await page.keyboard.press('Escape');
      await reader.waitForFunction(() => !document.getElementById('decant-note').matches(':popover-open'));
      assert.equal(await readerOpen(), true, 'Esc closed the reader too');
      assert.equal(await reader.evaluate(() => document.activeElement.closest('sup') !== null), true, 'focus did not go back to the reference');
      await page.close();

      ({ page, reader } = await openReader('/examples/sample-article.html'));
      await reader.waitForFunction(() => [...document.images].every((i) => i.complete));
      await reader.click('.decant-content figure img');
      const zoomed = await reader.evaluate(() => {
        const box = document.querySelector('dialog.decant-zoom');
        const img = box.querySelector('img');
        const shown = document.querySelector('.decant-content figure img');
        return {
          open: box.open,
          same: img.src === (shown.currentSrc || shown.src),
          caption: box.querySelector('.decant-zoom-caption').textContent,
          figcaption: shown.closest('figure').querySelector('figcaption').textContent,
          // The picture as drawn inside its box (object-fit: contain), against the column's.
          larger: Math.min(img.clientWidth / img.naturalWidth, img.clientHeight / img.naturalHeight) * img.naturalWidth > shown.getBoundingClientRect().width * 1.2,
        };
      });
      assert.equal(zoomed.open, true, 'the picture did not open');
      assert.ok(zoomed.same, 'another picture was shown');
      assert.equal(zoomed.caption, zoomed.figcaption);
      assert.ok(zoomed.larger, 'the picture is not shown larger');
      await page.keyboard.press('Escape');
      await reader.waitForFunction(() => !document.querySelector('dialog.decant-zoom').open);
      assert.equal(await readerOpen(), true, 'Esc closed the reader too');
      // By keyboard: the picture takes focus back, and Enter opens it again.
      assert.equal(await reader.evaluate(() => document.activeElement.matches('.decant-content figure img')), true);
      await page.keyboard.press('Enter');
      await reader.waitForFunction(() => document.querySelector('dialog.decant-zoom').open);
      await page.keyboard.press('Escape');
      await reader.waitForFunction(() => !document.querySelector('dialog.decant-zoom').open);
      assert.equal(await readerOpen(), true);
    } finally {
      await page.close();
    }
  });

  test(`${name}: a long article lays out only what is near the view, and deferring moves nothing`, async () => {
    const { page, reader } = await openReader('/pages/long-article.html');
    try {
      await reader.waitForFunction(() => [...document.querySelectorAll('.decant-content img')].every((i) => i.complete));
      const found = await reader.evaluate(() => {
        const blocks = [...document.querySelectorAll('.decant-content .decant-deferred')];
        const inside = (sel) => blocks.filter((b) => b.closest(sel)).length;
        // A block whose contents content-visibility: auto skips (not laid out): checkVisibility
        // says so of what is inside it (each paragraph of the fixture has an <em>).
        const skipped = (e) => !e.querySelector('em').checkVisibility({ contentVisibilityAuto: true });
        // Every element's box with deferral's containment and without it, nothing skipped.
        const sheet = new CSSStyleSheet();
        document.adoptedStyleSheets = [sheet];
        const boxes = (css) => {
          sheet.replaceSync(`.decant-content * { content-visibility: visible !important; contain: none !important; } ${css}`);
          return [...document.querySelectorAll('.decant-content *')].map((e) => {
            const r = e.getBoundingClientRect();
            return `${e.localName} ${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)} ${r.height.toFixed(1)}`;
          });
        };
        const result = {
          deferred: blocks.length,
          inListsTablesFigures: inside('li, table, figure'),
          firstSkipped: skipped(blocks.find((b) => b.querySelector('em'))),
          lastSkipped: skipped(blocks.findLast((b) => b.querySelector('em'))),
          plain: boxes(''),
          contained: boxes('.decant-deferred { contain: layout style paint !important; }'),
        };
        document.adoptedStyleSheets = [];
        return result;
      });
      assert.ok(found.deferred > 50, `only ${found.deferred} blocks can wait`);
      assert.equal(found.inListsTablesFigures, 0, 'a block inside a list item, table or figure is deferred');
      assert.equal(found.firstSkipped, false, 'the first block is not laid out');
      assert.equal(found.lastSkipped, true, 'the last block, far below the view, is laid out anyway');
      const moved = found.plain.map((box, i) => [box, found.contained[i]]).filter(([a, b]) => a !== b);
      assert.deepEqual(moved.slice(0, 5), [], `${moved.length} boxes move when blocks are contained`);
    } finally {
      await page.close();
    }
  });

  test(`${name}: a long article's first screens are drawn first, then the rest, with its contents`, async () => {
    const timing = (reader) => reader.waitForFunction(() => performance.getEntriesByName('decant:timing')[0]?.detail, null, { timeout: 30_000 }).then((h) => h.jsonValue());
    const { page, reader } = await openReader('/generated/long-article.html');
    try {
      const detail = await timing(reader);
      assert.equal(detail.inParts, true, 'a 120 KB article was drawn whole at once');
      assert.equal(detail.firstBlockOnScreen, true);
      // The rest follows the first part: the last paragraph, and every section in Contents.
      await reader.waitForSelector('#decant-toc:not([hidden])');
      const whole = await reader.evaluate(() => ({
        last: [...document.querySelectorAll('.decant-content p')].at(-1)?.textContent.slice(0, 12),
        sections: document.querySelectorAll('#decant-toc-panel a').length,
      }));
      assert.deepEqual(whole, { last: 'Reading 500:', sections: 10 });
    } finally {
      await page.close();
    }
    // A shorter one is drawn whole.
    const short = await openReader('/pages/long-article.html');
    try {
      assert.equal((await timing(short.reader)).inParts, false);
    } finally {
      await short.page.close();
    }
  });

  test(`${name}: Contents nests the sections as their headings do, and marks the one being read`, async () => {
    const { page, reader } = await openReader('/pages/long-article.html');
    try {
      await reader.waitForSelector('#decant-toc:not([hidden])');
      const tree = await reader.evaluate(() => {
        const walk = (ol) => [...ol.children].map((li) => {
          const sub = li.querySelector(':scope > ol');
          return sub ? [li.querySelector(':scope > a').textContent, walk(sub)] : li.querySelector(':scope > a').textContent;
        });
        return walk(document.querySelector('#decant-toc-panel > ol'));
      });
      assert.deepEqual(tree[0], ['Part 1: the ledgers of 1968', ['How the readings were taken']]);
      assert.equal(tree.length, 6, JSON.stringify(tree));
      const current = () => reader.evaluate(() => document.querySelector('#decant-toc-panel a[aria-current="location"]')?.getAttribute('href') ?? null);
      assert.equal(await current(), null, 'a section is marked before any is reached');
      // Scrolled to Part 3's heading, Part 3 is marked; further on, a later one.
      const third = await reader.evaluate(() => document.querySelectorAll('.decant-content h2')[2].id);
      await reader.evaluate((id) => document.getElementById(id).scrollIntoView(), third);
      await reader.waitForFunction((id) => document.querySelector('#decant-toc-panel a[aria-current="location"]')?.getAttribute('href') === `#${id}`, third);
      await reader.evaluate(() => document.querySelectorAll('.decant-content h2')[5].scrollIntoView());
      await reader.waitForFunction((id) => { const at = document.querySelector('#decant-toc-panel a[aria-current="location"]')?.getAttribute('href'); return at && at !== `#${id}`; }, third);
      assert.equal(await reader.evaluate(() => document.querySelectorAll('#decant-toc-panel a[aria-current]').length), 1);
    } finally {
      await page.close();
    }
  });

  test(`${name}: the header: title, author, site linking to the page read, local date and update, reading time, lead image once`, async () => {
    const { page, reader } = await openReader('/pages/metadata-sources.html');
    try {
      const header = await reader.evaluate(() => {
        const h = document.querySelector('.decant-header');
        const site = h.querySelector('.decant-site');
        return {
          title: h.querySelector('.decant-title').textContent,
          byline: h.querySelector('.decant-byline')?.textContent,
          site: site?.textContent,
          siteHref: site?.href,
          date: h.querySelector('time')?.textContent,
          dateTime: h.querySelector('time')?.dateTime,
          readingTime: h.querySelector('.decant-reading-time')?.textContent,
          lead: h.querySelector('.decant-lead-image img')?.src,
          updated: h.querySelector('.decant-updated')?.textContent,
        };
      });
      const updatedDate = new Date('2026-05-09T04:13:20Z').toLocaleDateString(await reader.evaluate(() => navigator.language), { year: 'numeric', month: 'long', day: 'numeric' });
      const expectedDate = new Date('2026-05-07T03:30:00Z').toLocaleDateString(await reader.evaluate(() => navigator.language), { year: 'numeric', month: 'long', day: 'numeric' });
      assert.deepEqual(header, {
        title: 'Die Rückkehr der Nachtigall in die Stadtparks',
        byline: 'Lena Vogt',
        site: 'Stadtnatur Magazin',
        siteHref: server.url('/pages/metadata-sources.html'),
        date: expectedDate,
        dateTime: header.dateTime,
        readingTime: '1 min read',
        lead: server.url('/pages/images/nachtigall.jpg'),
        // The page says it changed two days after it was published.
        updated: `Updated ${updatedDate}`,
      });
      assert.match(header.dateTime, /^2026-05-07/);
      // A lead picture that fails to load leaves no empty space above the text.
      await reader.evaluate(() => { document.querySelector('.decant-lead-image img').src = '/no-such-picture.jpg'; });
      await reader.waitForFunction(() => document.querySelector('.decant-lead-image') === null);
    } finally {
      await page.close();
    }
    // The sample article shows its og:image in the text: the header does not repeat it.
    const sample = await openReader('/examples/sample-article.html');
    try {
      const images = await sample.reader.evaluate(() => ({
        lead: document.querySelectorAll('.decant-lead-image').length,
        inText: [...document.querySelectorAll('.decant-content img')].filter((i) => i.src.endsWith('/images/starter.jpg')).length,
      }));
      assert.deepEqual(images, { lead: 0, inText: 1 });
    } finally {
      await sample.page.close();
    }
  });

  test(`${name}: the badge marks readable pages, and the context menu opens the reader`, async () => {
    // The user turns the badge on in the options page, and allows every site when asked (the
    // question answered as in badge-less tests: see allowSites and Firefox's preference).
    await browser.allowSites(['<all_urls>']);
    const options = await browser.openExtensionPage('extension/options.html');
    await options.click('#badge');
    await options.waitForFunction(() => document.getElementById('badge').checked);
    await options.close();
    // The probe runs once the browser says the permission was added; a site allowed for
    // something else (images to save) does not get it, every site does.
    for (let i = 0; i < 50 && !(await browser.extension((ext) => ext.scripting.getRegisteredContentScripts()).then((s) => s.length)); i++) await new Promise((r) => setTimeout(r, 100));
    const page = await browser.context.newPage();
    try {
      const badge = () => browser.extension(async (ext, background, url) => {
        const [tab] = (await ext.tabs.query({})).filter((t) => t.url === url);
        return ext.action.getBadgeText({ tabId: tab.id });
      }, page.url());
      await page.goto(server.url('/pages/news-article.html'));
      await page.waitForFunction(() => true);
      let text = '';
      for (let i = 0; i < 50 && text !== '✓'; i++) {
        text = await badge();
        if (text !== '✓') await page.waitForTimeout(100);
      }
      assert.equal(text, '✓', 'a readable page got no badge');
      await page.goto(server.url('/pages/no-article.html'));
      await page.waitForTimeout(1000);
      assert.equal(await badge(), '', 'a login form was marked readable');

      await page.goto(server.url('/pages/br-paragraphs.html'));
      await page.bringToFront();
      await browser.extension(async (ext, background, url) => {
        const [tab] = (await ext.tabs.query({})).filter((t) => t.url === url);
        await background.decantMenuClicked({ menuItemId: 'decant-open' }, tab);
      }, page.url());
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');
    } finally {
      await page.close();
    }
  });

  test(`${name}: the reader opens an article where it was left, at any text size, until read to the end or forgotten`, async () => {
    const clearPlaces = () => browser.extension((ext) => ext.storage.local.remove('positions'));
    await clearPlaces();
    // The block at the top of the screen, under the toolbar.
    const topBlock = (reader) => reader.evaluate(() => {
      const below = document.querySelector('.decant-toolbar').getBoundingClientRect().bottom;
      const blocks = [...document.querySelectorAll('.decant-content p')];
      return blocks.findIndex((b) => b.getBoundingClientRect().bottom > below + 2);
    });
    // Controls are pressed as a mouse click presses them: Playwright's click first scrolls the
    // page to bring the button into view (a sticky or fixed one too), which moves the place.
    const closeQuietly = async (page, reader) => {
      await reader.evaluate(() => document.getElementById('decant-close').click());
      await page.waitForFunction(() => document.querySelector('[data-decant=reader]') === null);
    };
    let { page, reader } = await openReader('/examples/sample-article.html');
    try {
      assert.equal(await reader.evaluate(() => document.scrollingElement.scrollTop), 0);
      // Scroll so that the fourth paragraph starts just under the toolbar.
      await reader.evaluate(() => {
        const below = document.querySelector('.decant-toolbar').getBoundingClientRect().bottom;
        const p = document.querySelectorAll('.decant-content p')[3];
        document.scrollingElement.scrollTop += p.getBoundingClientRect().top - below + 5;
      });
      assert.equal(await topBlock(reader), 3);
      await new Promise((r) => setTimeout(r, 800));
      await closeQuietly(page, reader);
      await page.close();

      // Opened again, larger: the same paragraph is at the top, and the reader says why.
      ({ page, reader } = await openReader('/examples/sample-article.html'));
      await reader.waitForFunction(() => document.scrollingElement.scrollTop > 0);
      assert.equal(await topBlock(reader), 3);
      assert.match(await reader.textContent('#decant-save-status'), /where you stopped/);
      await reader.evaluate(() => {
        document.getElementById('decant-appearance').click();
        document.getElementById('decant-size-more').click();
        document.getElementById('decant-size-more').click();
      });
      assert.equal(await reader.evaluate(() => getComputedStyle(document.body).fontSize), '22px');
      // The place is kept while the text grows.
      assert.equal(await topBlock(reader), 3);
      await new Promise((r) => setTimeout(r, 300));
      await closeQuietly(page, reader);
      await page.close();
      ({ page, reader } = await openReader('/examples/sample-article.html'));
      await reader.waitForFunction(() => document.scrollingElement.scrollTop > 0);
      assert.equal(await topBlock(reader), 3);

      // Read to the end: the next time it opens at the start.
      await reader.evaluate(() => { document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight; });
      await new Promise((r) => setTimeout(r, 800));
      await closeQuietly(page, reader);
      await page.close();
      ({ page, reader } = await openReader('/examples/sample-article.html'));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await reader.evaluate(() => document.scrollingElement.scrollTop), 0);

      // Left in the middle, then forgotten on the options page.
      await reader.evaluate(() => { document.scrollingElement.scrollTop = 600; });
      await new Promise((r) => setTimeout(r, 800));
      await closeQuietly(page, reader);
      await page.close();
      const options = await browser.openExtensionPage('extension/options.html');
      await options.click('#forget-positions');
      await options.waitForSelector('#positions-forgotten:not([hidden])');
      await options.close();
      ({ page, reader } = await openReader('/examples/sample-article.html'));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await reader.evaluate(() => document.scrollingElement.scrollTop), 0);
    } finally {
      await page.close();
      await clearPlaces();
      await resetSettings();
    }
  });

  test(`${name}: the options page edits the same settings, and an open reader follows`, async () => {
    const { page, reader } = await openReader('/pages/news-article.html');
    const options = await browser.openExtensionPage('extension/options.html');
    try {
      await options.check('#decant-theme-sepia');
      await reader.waitForFunction(() => document.documentElement.dataset.theme === 'sepia');
      await options.click('#decant-size-more');
      await reader.waitForFunction(() => getComputedStyle(document.body).fontSize === '21px');
    } finally {
      await options.close();
      await page.close();
      await resetSettings();
    }
  });
});
