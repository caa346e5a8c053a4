// The engine reads every URL it keeps as a browser does: each link and image of a page full of
// addresses written to mislead comes out of the WASM engine as Node's own URL parser (the WHATWG
// URL Standard, as in browsers) reads it, and one a browser rejects does not come out at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const engine = await import(join(ROOT, 'pkg', 'decant.js'));
engine.initSync({ module: await readFile(join(ROOT, 'pkg', 'decant_bg.wasm')) });

const BASE = 'https://news.example/a/story.html?q=1';
const ADDRESSES = [
  'https://evil.example\\@www.youtube.com/watch',
  'https://evil.example\\.youtube.com/',
  'https://a@b@www.youtube.com/x',
  'HTTPS://WWW.Example.COM:443/x',
  'https:///\\\\evil.example/x',
  '\\\\evil.example/x',
  '/\\evil.example/x',
  'https:evil.example/x',
  'http:evil.example/x',
  'https://0x7f.1/x',
  'https://2130706433:8080/x',
  'https://ex%41mple.com/x',
  'c\\d/../e?x\\y',
  '//cdn.example/i.png',
  '../up/one',
  'https://ex ample.com/x',
  'https://example.com:99999/x',
  'https://256.256.256.256/x',
];

const browserReads = (address) => {
  try {
    return new URL(address, BASE).href;
  } catch {
    return null;
  }
};

test('links and images come out as a browser reads them, or not at all', () => {
  const text = 'A paragraph that is long enough to be read as the article, with commas, clauses and a full stop at its end.';
  const items = ADDRESSES.map((a, i) => `<li><a href="${a.replaceAll('"', '&quot;')}">link ${i}</a> <img src="${a.replaceAll('"', '&quot;')}" alt="image ${i}"></li>`).join('');
  const html = `<html><head><title>Addresses</title></head><body><article><h1>Addresses</h1><p>${text}</p><p>${text}</p><ul>${items}</ul><p>${text}</p></article></body></html>`;
  const { content } = engine.extract(html, BASE);
  const doc = content;
  let checked = 0;
  ADDRESSES.forEach((address, i) => {
    const want = browserReads(address);
    const link = doc.match(new RegExp(`<a href="([^"]*)">link ${i}</a>`));
    const href = link?.[1]?.replaceAll('&amp;', '&') ?? null;
    if (want === null) assert.equal(link?.[1] ?? null, null, `${address}: a browser rejects it, the engine kept ${href}`);
    else assert.equal(href, want, `${address}`);
    const img = doc.match(new RegExp(`<img src="([^"]*)" alt="image ${i}">`)) ?? doc.match(new RegExp(`<img alt="image ${i}" src="([^"]*)">`));
    const src = img?.[1]?.replaceAll('&amp;', '&') ?? null;
    if (want === null) assert.equal(src, null, `${address}: a browser rejects it, the engine kept the image ${src}`);
    else assert.equal(src, want, `${address} (image)`);
    checked++;
  });
  assert.equal(checked, ADDRESSES.length);
});

test('a frame is a video only where a browser would load it from the video site', () => {
  const text = 'A paragraph that is long enough to be read as the article, with commas, clauses and a full stop at its end.';
  const frames = ['https://evil.example\\@www.youtube.com/embed/x', 'https://evil.example\\.youtube.com/embed/x', 'https://www.youtube.com/embed/ok'];
  const html = `<html><head><title>Frames</title></head><body><article><h1>Frames</h1><p>${text}</p>${frames.map((f) => `<p>${text}</p><iframe src="${f}"></iframe>`).join('')}<p>${text}</p></article></body></html>`;
  const saved = engine.Saved.fromArticle(engine.extract(html, BASE));
  for (const out of [saved.content(), saved.html(), saved.markdown()]) {
    assert.ok(!out.includes('evil.example'), `a frame from evil.example was kept as a video: ${out}`);
    assert.ok(out.includes('https://www.youtube.com/embed/ok'), 'the real video went');
  }
});
