// `make dist`: both packages hold the manifest each browser needs and only the files the
// extension loads, byte for byte as they are in the repository.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, shippedFiles, unzip, GECKO, GECKO_ANDROID } from '../../scripts/dist.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the Chromium and Firefox packages hold their manifests and only what the extension loads', async () => {
  const out = await mkdtemp(join(tmpdir(), 'decant-dist-'));
  const written = await build(out);
  const expected = ['manifest.json', ...(await shippedFiles())];
  for (const browser of ['chromium', 'firefox']) {
    const entries = unzip(await readFile(written[browser]));
    assert.deepEqual([...entries.keys()], expected, browser);
    for (const name of entries.keys()) {
      assert.ok(!/(^|\/)(tests?|src|bench|fuzz|scripts|node_modules)\/|\.test\.|\.rs$|Cargo|README|\.md$|package(-lock)?\.json$|export\.css$/.test(name), `${browser} ships ${name}`);
      if (name !== 'manifest.json') assert.ok(entries.get(name).equals(await readFile(join(ROOT, name))), `${browser}: ${name} differs from the repository`);
    }
    assert.ok(expected.includes('extension/background.js') && expected.includes('pkg/decant_bg.wasm') && expected.includes('extension/icons/icon-128.png'));
    const manifest = JSON.parse(entries.get('manifest.json').toString('utf8'));
    if (browser === 'chromium') {
      assert.deepEqual(manifest, JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8')));
    } else {
      assert.deepEqual(manifest.background, { scripts: ['extension/background.js'], type: 'module' });
      assert.deepEqual(manifest.browser_specific_settings, { gecko: GECKO, gecko_android: GECKO_ANDROID });
    }
  }
  // The same sources give the same bytes.
  const again = await build(await mkdtemp(join(tmpdir(), 'decant-dist-')));
  for (const browser of ['chromium', 'firefox']) assert.ok((await readFile(again[browser])).equals(await readFile(written[browser])), browser);
});
