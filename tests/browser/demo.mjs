// `make demo`, the extension half: opens the bundled sample article in headless Chromium, opens
// the reader as a click does, saves a screenshot of it and the Markdown its Save button downloads.
// Usage: node tests/browser/demo.mjs OUT_DIR

import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startServer, launch, clickDecant, readerFrame } from './harness.mjs';

const out = resolve(process.argv[2] ?? 'out');
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launch('chromium');
try {
  const page = await browser.context.newPage();
  await page.goto(server.url('/examples/sample-article.html'));
  await clickDecant(browser, page);
  const reader = await readerFrame(page);
  try {
    await reader.waitForSelector('.decant-content', { timeout: 20_000 });
  } catch (error) {
    // What the reader showed instead, for whoever reads the log: a screenshot, whether it was
    // still waiting for its article (`data-starting`), and its text.
    await page.screenshot({ path: join(out, 'reader-failed.png') }).catch(() => {});
    const state = await reader.evaluate(() => ({ starting: document.documentElement.hasAttribute('data-starting'), text: document.body.innerText.slice(0, 500) })).catch((e) => String(e));
    console.error('the reader showed no article:', JSON.stringify(state));
    throw error;
  }
  // Wait for the images, so the screenshot shows the article as a person would see it.
  await reader.waitForFunction(() => [...document.images].every((img) => img.complete));
  const screenshot = join(out, 'reader.png');
  await page.screenshot({ path: screenshot });
  const [download] = await Promise.all([page.waitForEvent('download'), reader.click('#decant-save')]);
  const markdown = join(out, 'sample-article.extension.md');
  await download.saveAs(markdown);
  console.log(screenshot);
  console.log(markdown);
} finally {
  await browser.close();
  await server.close();
}
