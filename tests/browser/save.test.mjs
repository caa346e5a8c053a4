// Saving from the reader view in each format: the downloaded files, their images (served from
// 127.0.0.1, one of them missing), the default format from the settings, the S key, and copying.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BROWSERS, startForSuite, clickDecant, readerFrame } from './harness.mjs';

const TITLE = 'Two Lighthouses, One Photograph Each';
for (const name of BROWSERS) describe(name, () => {
  let server;
  let browser;
  startForSuite(name, (started) => ({ server, browser } = started));

  async function openReader() {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/images-to-save.html'));
    await clickDecant(browser, page);
    const reader = await readerFrame(page);
    await reader.waitForSelector('.decant-content');
    return { page, reader };
  }

  /** Clicks `selector` in the reader and returns the downloaded file's name and bytes. */
  async function download(page, reader, click) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  const fromMenu = (reader, format) => async () => {
    if ((await reader.getAttribute('#decant-save-more', 'aria-expanded')) !== 'true') await reader.click('#decant-save-more');
    await reader.click(`#decant-save-panel [data-save="${format}"]`);
  };

  const today = () => new Date().toISOString().slice(0, 10);

  test(`${name}: each format saves from the menu, with the images inside and a note for the missing one`, async () => {
    const { page, reader } = await openReader();
    const requests = [];
    const record = (r) => requests.push(r.url());
    browser.context.on('request', record);
    try {
      const md = await download(page, reader, fromMenu(reader, 'markdown'));
      assert.equal(md.name, `${TITLE}.md`);
      const markdown = md.bytes.toString('utf8');
      assert.match(markdown, new RegExp(`^---\\ntitle: "${TITLE}"\\nauthor: "Ada Fenwick"\\nurl: "${server.url('/pages/images-to-save.html')}"\\n`));
      assert.match(markdown, new RegExp(`\\nsaved: "${today()}"\\n`));
      assert.match(markdown, /!\[The north light at dusk\]\(http:\/\/127\.0\.0\.1:\d+\/images\/north-light\.png\)/);

      const txt = await download(page, reader, fromMenu(reader, 'text'));
      assert.equal(txt.name, `${TITLE}.txt`);
      assert.ok(txt.bytes.toString('utf8').startsWith(`${TITLE}\n===`));

      const html = await download(page, reader, fromMenu(reader, 'html'));
      assert.equal(html.name, `${TITLE}.html`);
      const page1 = html.bytes.toString('utf8');
      assert.match(page1, /<img alt="The north light at dusk" src="data:image\/png;base64,[A-Za-z0-9+/=]{40,}">/);
      assert.match(page1, /class="decant-lead-image"><img src="data:image\/png;base64,/);
      assert.match(page1, /\[Image not saved \(The south light from the beach\): http:\/\/127\.0\.0\.1:\d+\/missing\/south-light\.png: it could not be loaded \(the server answered 404\)\]/);
      assert.ok(!/<script|src="http|srcset=/i.test(page1), 'the saved HTML loads or runs something');

      const epub = await download(page, reader, fromMenu(reader, 'epub'));
      assert.equal(epub.name, `${TITLE}.epub`);
      assert.equal(epub.bytes.subarray(30, 58).toString('latin1'), 'mimetypeapplication/epub+zip');
      const inside = epub.bytes.toString('latin1');
      assert.ok(inside.includes('OEBPS/images/image-1.png') && inside.includes('OEBPS/images/image-2.png'), 'the book lacks its two images');
      assert.ok(inside.includes('properties="cover-image"'));
      const jar = process.env.EPUBCHECK_JAR || '/usr/share/java/epubcheck.jar';
      const { writeFile, mkdtemp } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const path = join(await mkdtemp(join(tmpdir(), 'decant-epub-')), 'book.epub');
      await writeFile(path, epub.bytes);
      await promisify(execFile)('java', ['-jar', jar, '--quiet', path]).catch((e) => assert.fail(`epubcheck: ${e.stdout}${e.stderr}`));

      // Only the page, its images (fetched once, for the HTML and the book) and the missing one.
      const origin = new URL(server.url('/')).origin;
      const foreign = requests.filter((u) => !u.startsWith(browser.scheme) && !u.startsWith('blob:') && !u.startsWith('data:') && !/\/(images|missing)\//.test(u));
      assert.deepEqual(foreign, []);
      assert.equal(requests.filter((u) => u === `${origin}/images/north-light.png`).length, 1, 'images were fetched more than once');
    } finally {
      browser.context.off('request', record);
      await page.close();
    }
  });

  test(`${name}: Save and the S key use the format chosen in the settings`, async () => {
    const { page, reader } = await openReader();
    try {
      assert.equal(await reader.getAttribute('#decant-save', 'aria-label'), 'Save as Markdown (key: S)');
      await reader.click('#decant-appearance');
      await reader.check('#decant-save-epub');
      assert.equal(await reader.getAttribute('#decant-save', 'aria-label'), 'Save as EPUB (key: S)');
      const byButton = await download(page, reader, () => reader.click('#decant-save'));
      assert.equal(byButton.name, `${TITLE}.epub`);
      await reader.click('#decant-appearance');
      await reader.focus('body');
      const byKey = await download(page, reader, () => page.keyboard.press('s'));
      assert.equal(byKey.name, `${TITLE}.epub`);
    } finally {
      await browser.extension((ext) => ext.storage.sync.clear());
      await page.close();
    }
  });

  test(`${name}: copying puts Markdown, or rich text with a plain-text twin, on the clipboard`, async () => {
    const { page, reader } = await openReader();
    try {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await reader.click('#decant-save-more');
      await reader.click('#decant-save-panel [data-copy="markdown"]');
      await reader.waitForFunction(() => document.getElementById('decant-save-status').textContent === 'Copied as Markdown.');
      // The reader frame may only write the clipboard; the test reads it from the page.
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(markdown, new RegExp(`^---\\ntitle: "${TITLE}"`));
      // Choosing closed the menu: open it again.
      await reader.click('#decant-save-more');
      await reader.click('#decant-save-panel [data-copy="rich"]');
      await reader.waitForFunction(() => document.getElementById('decant-save-status').textContent === 'Copied as rich text.');
      const rich = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return { types: item.types, html: await (await item.getType('text/html')).text() };
      });
      assert.ok(rich.types.includes('text/html') && rich.types.includes('text/plain'), rich.types.join());
      assert.match(rich.html, /The north light stands on a granite shelf/);
      assert.ok(!/<script/i.test(rich.html));
    } finally {
      await page.close();
    }
  });

  test(`${name}: Save stops reading an image at 20 MB and fetching images at 100 MB, sizes given or not`, async () => {
    const MB = 2 ** 20;
    for (const [n, mb] of [[1, 60], [10, 18]]) {
      const page = await browser.context.newPage();
      try {
        for (const key of Object.keys(server.sent)) delete server.sent[key];
        await page.goto(server.url(`/generated/big-images.html?n=${n}&mb=${mb}`));
        await clickDecant(browser, page);
        const reader = await readerFrame(page);
        await reader.waitForSelector('.decant-content');
        const saved = await download(page, reader, fromMenu(reader, 'html'));
        const html = saved.bytes.toString('utf8');
        // What Save fetched (a script's fetch), not what the view and the page's print copy
        // load to show (images).
        const fetched = Object.entries(server.sent).filter(([key]) => key.endsWith(' empty'));
        const sent = fetched.reduce((a, [, b]) => a + b, 0) / MB;
        // What the server sent overshoots what the reader read by the buffers between them (up
        // to about 10 MB a stream here): the limits below leave room for that, not for reading on.
        if (n === 1) {
          assert.match(html, /larger than 20 MB/, 'the huge image is not noted as too large');
          assert.ok(sent < 40, `${sent} MB of a 60 MB image were sent before the reader stopped reading`);
        } else {
          assert.match(html, /pass 100 MB/, 'no image is noted as over the total');
          assert.ok(sent < 150, `${sent} MB of 180 were sent for a 100 MB limit: ${JSON.stringify(server.sent)}`);
          const asked = fetched.map(([key]) => key.split(' ')[0]);
          assert.ok(asked.length >= 5 && !asked.includes('/big/i9'), `images were still fetched past the total: ${asked.join(', ')}`);
        }
      } finally {
        await page.close();
      }
    }
  });
});
