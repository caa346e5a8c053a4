// One API surface for Firefox and Chromium: extension code reaches the WebExtension API only
// through `ext` (extension/api.js, or the same line in the two content scripts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');

test('no extension script names chrome.* or browser.* directly', async () => {
  const problems = [];
  for (const file of (await readdir(EXTENSION, { recursive: true })).filter((f) => f.endsWith('.js'))) {
    const lines = (await readFile(join(EXTENSION, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (line.trim().startsWith('//')) return;
      if (/\b(chrome|browser)\.[a-z]/.test(line.replace(/globalThis\.(browser|chrome)/g, ''))) problems.push(`extension/${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(problems, []);
});

test('ext is Firefox\'s browser where it exists, chrome otherwise', async () => {
  const firefox = { runtime: { id: 'firefox' } };
  const chromium = { runtime: { id: 'chromium' } };
  globalThis.chrome = chromium;
  globalThis.browser = firefox;
  try {
    const { ext } = await import(`../../extension/api.js?firefox`);
    assert.equal(ext, firefox);
    delete globalThis.browser;
    const { ext: other } = await import(`../../extension/api.js?chromium`);
    assert.equal(other, chromium);
  } finally {
    delete globalThis.browser;
    delete globalThis.chrome;
  }
});

test('every message kind a script spells out is one of messages.js', async () => {
  const { KIND } = await import('../../extension/messages.js');
  const known = new Set(Object.values(KIND));
  const unknown = [];
  for (const file of (await readdir(EXTENSION, { recursive: true })).filter((f) => f.endsWith('.js') && f !== 'messages.js')) {
    const source = await readFile(join(EXTENSION, file), 'utf8');
    // 'decant:timing' is a performance mark's name, not a message.
    for (const [, kind] of source.matchAll(/['"](decant:[a-z-]+)['"]/g)) if (kind !== 'decant:timing' && !known.has(kind)) unknown.push(`${file}: ${kind}`);
  }
  assert.deepEqual(unknown, []);
  for (const kind of ['decant:capture', 'decant:close']) assert.ok((await readFile(join(EXTENSION, 'capture.js'), 'utf8')).includes(`'${kind}'`), kind);
});
