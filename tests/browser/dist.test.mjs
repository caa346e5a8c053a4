// The store packages, unpacked as each browser would, load and read an article: each holds
// everything its extension needs. The Firefox package passes `web-ext lint`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { build, unzip } from '../../scripts/dist.mjs';
import { BROWSERS, ROOT, startServer, launch, clickDecant, readerFrame } from './harness.mjs';

const packages = build(await mkdtemp(join(tmpdir(), 'decant-dist-')));

for (const name of BROWSERS) {
  test(`${name}: the ${name} package loads and opens the reader`, async () => {
    const server = await startServer();
    const browser = await launch(name, (await packages)[name]);
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/pages/news-article.html'));
      await clickDecant(browser, page);
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
}

test('web-ext lint finds no errors in the Firefox package', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'decant-xpi-'));
  for (const [file, bytes] of unzip(await readFile((await packages).firefox))) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), bytes);
  }
  const bin = join(ROOT, 'tests', 'browser', 'node_modules', '.bin', 'web-ext');
  const run = await promisify(execFile)(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { maxBuffer: 1 << 24 }).catch((e) => e);
  const report = JSON.parse(run.stdout);
  const show = (list) => list.map((m) => `${m.code}: ${m.message} (${m.file ?? ''})`).join('\n');
  assert.equal(report.errors.length, 0, `web-ext lint errors:\n${show(report.errors)}`);
  assert.equal(report.summary.errors, 0);
  if (report.warnings.length) console.log(`web-ext lint warnings:\n${show(report.warnings)}`);
});
