// Saved files hold images from other sites. The page is on 127.0.0.1 and its images on
// 127.0.0.2, which sends no CORS headers: another site, which the reader (an extension page) may
// read only once the user allows it. In Chromium the extension has no test host permission and
// the reader is opened by a real press of its button, so it has `activeTab` and nothing more.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BROWSERS, launch, startServer, clickDecant, readerFrame } from './harness.mjs';
import { unzip } from '../../scripts/dist.mjs';

for (const name of BROWSERS) describe(name, () => {
  let server;
  let images;
  let browser;
  before(async () => {
    server = await startServer();
    images = await startServer('127.0.0.2');
    browser = await launch(name, undefined, { hostAccess: false });
  });
  after(async () => {
    await browser?.close();
    await images?.close();
    await server?.close();
  });

  async function download(page, click) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  const fromMenu = (reader, format) => async () => {
    if ((await reader.getAttribute('#decant-save-more', 'aria-expanded')) !== 'true') await reader.click('#decant-save-more');
    await reader.click(`#decant-save-panel [data-save="${format}"]`);
  };

  const statusText = (reader) => reader.evaluate(() => document.getElementById('decant-save-status').textContent);

  test(`${name}: images on another site are saved once the user allows it, and noted where they were when not`, async () => {
    const site = new URL(images.url('/')).origin;
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url(`/generated/foreign-images.html?at=${encodeURIComponent(site)}`));
      if (browser.pressDecant) await browser.pressDecant(page);
      else await clickDecant(browser, page);
      const reader = await readerFrame(page);
      await reader.waitForSelector('.decant-content');

      // The user says no. Chromium asks from the reader itself, with a prompt a headless browser
      // cannot show: the request is stubbed to answer no. Firefox's reader opens a page that asks,
      // where the test chooses Not now.
      const answering = async (yes) => {
        if (browser.pressDecant) return;
        const popup = await browser.waitForExtensionPage('extension/allow.html');
        assert.match(await popup.textContent('main'), /images are on 127\.0\.0\.2\./);
        await popup.click(yes ? '#allow' : '#not-now');
      };
      if (browser.pressDecant) {
        await reader.evaluate(() => {
          window.__asked = [];
          window.__request = chrome.permissions.request;
          chrome.permissions.request = async (p) => (window.__asked.push(p.origins), false);
        });
      }
      const [declinedFile] = await Promise.all([download(page, fromMenu(reader, 'html')), answering(false)]);
      const declined = declinedFile.bytes.toString('utf8');
      if (browser.pressDecant) assert.deepEqual(await reader.evaluate(() => window.__asked), [['http://127.0.0.2/*']], 'Save did not ask for the images\' site alone');
      const notes = declined.match(/\[(?:Lead image|Image) not saved[^\]]*\]/g) ?? [];
      assert.equal(notes.length, 3, `expected a note for each of the three images: ${notes.join('\n')}`);
      for (const file of ['ferry-lead.png', 'pier.png', 'hut.png']) assert.ok(notes.some((n) => n.includes(`${site}/images/${file}`)), `no note says where ${file} was`);
      const said = await statusText(reader);
      assert.match(said, /without 3 images from 127\.0\.0\.2/, said);
      assert.match(said, /save again and allow it/, said);

      // The user allows it: in Chromium as from the browser's own settings for the extension (the
      // request is then answered yes at once); in Firefox with Allow on the page that asks (the
      // browser then answers yes without a prompt, a test preference).
      if (browser.pressDecant) {
        await browser.allowSites(['http://127.0.0.2/*']);
        await reader.evaluate(() => {
          chrome.permissions.request = window.__request;
        });
      }
      const heardBefore = images.heard.length;
      const [allowedFile] = await Promise.all([download(page, fromMenu(reader, 'html')), answering(true)]);
      const html = allowedFile.bytes.toString('utf8');
      assert.ok(!html.includes('[Image not saved'), `images are still missing: ${html.match(/\[Image not saved[^\]]*\]/g)}`);
      assert.equal((html.match(/src="data:image\/png;base64,/g) ?? []).length, 3, 'the lead image, the pier and the lazy hut are not all inside');
      assert.ok(!/src="http/.test(html), 'the saved HTML still loads something');
      assert.match(await statusText(reader), /^Saved as HTML\.$/);

      // The site allowed for images does not get the readable badge's probe (that needs every site).
      assert.deepEqual(await browser.extension((ext) => ext.scripting.getRegisteredContentScripts()), []);

      // Allowed once, not asked again.
      const epub = (await download(page, fromMenu(reader, 'epub'))).bytes;
      const inside = epub.toString('latin1');
      for (const i of [1, 2, 3]) assert.ok(inside.includes(`OEBPS/images/image-${i}.png`), `the book lacks image ${i}`);
      assert.ok(inside.includes('properties="cover-image"'), 'the book has no cover');
      const path = join(await mkdtemp(join(tmpdir(), 'decant-epub-')), 'book.epub');
      await writeFile(path, epub);
      const jar = process.env.EPUBCHECK_JAR || '/usr/share/java/epubcheck.jar';
      await promisify(execFile)('java', ['-jar', jar, '--quiet', path]).catch((e) => assert.fail(`epubcheck: ${e.stdout}${e.stderr}`));

      // Markdown with its images: the pier and the hut (the text's images) in assets/, linked there.
      const pack = await download(page, fromMenu(reader, 'textpack'));
      assert.equal(pack.name, 'The Estuary Ferry.textpack');
      const entries = unzip(pack.bytes);
      const folder = 'The Estuary Ferry.textbundle';
      assert.deepEqual([...entries.keys()].sort(), [`${folder}/assets/image-1.png`, `${folder}/assets/image-2.png`, `${folder}/info.json`, `${folder}/text.markdown`]);
      assert.equal(JSON.parse(entries.get(`${folder}/info.json`)).version, 2);
      const markdown = entries.get(`${folder}/text.markdown`).toString('utf8');
      assert.match(markdown, /!\[The pier at low tide\]\(assets\/image-1\.png\)/);
      assert.match(markdown, /!\[The ticket hut\]\(assets\/image-2\.png\)/);
      assert.ok(entries.get(`${folder}/assets/image-1.png`).subarray(1, 4).toString() === 'PNG', 'the pier is not a PNG');

      // What the image site was sent by Save: no cookies, and each image once (the book reuses them).
      const fetched = images.heard.slice(heardBefore).filter((r) => r.headers['sec-fetch-dest'] === 'empty');
      assert.deepEqual(fetched.map((r) => r.path).sort(), ['/images/ferry-lead.png', '/images/hut.png', '/images/pier.png']);
      assert.ok(fetched.every((r) => !r.headers.cookie), 'Save sent cookies');
      assert.ok(fetched.every((r) => !/extension:/.test(`${r.headers.origin ?? ''}${r.headers.referer ?? ''}`)), `Save told the image site the extension's address: ${JSON.stringify(fetched.map((r) => r.headers))}`);

      // The options page lists the site, and forgetting it takes the access back.
      const options = await browser.openExtensionPage('extension/options.html');
      try {
        await options.waitForFunction(() => document.getElementById('image-sites').textContent.includes('127.0.0.2'));
        await options.click('#image-sites button[aria-label="Forget 127.0.0.2"]');
        await options.waitForFunction(() => !document.getElementById('image-sites').textContent.includes('127.0.0.2'));
        assert.equal(await browser.extension((ext) => ext.permissions.contains({ origins: ['http://127.0.0.2/*'] })), false);
      } finally {
        await options.close();
      }
    } finally {
      await page.close();
    }
  });
});
