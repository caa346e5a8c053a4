// The Chromium store package, unpacked as the browser would, loads and reads an article: it holds
// everything the extension needs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../scripts/dist.mjs';
import { startServer, launchChromium, clickDecant, readerFrame } from './harness.mjs';

test('the Chromium package loads and opens the reader', async () => {
  const { chromium } = await build(await mkdtemp(join(tmpdir(), 'decant-dist-')));
  const server = await startServer();
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/news-article.html'));
    await clickDecant(browser.worker, page);
    const reader = await readerFrame(page);
    await reader.waitForSelector('.decant-content');
    assert.equal(await reader.textContent('.decant-title'), 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms');
    const [download] = await Promise.all([page.waitForEvent('download'), reader.click('#decant-save')]);
    assert.equal(download.suggestedFilename(), 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms.md');
  } finally {
    await browser.close();
    await server.close();
  }
});
