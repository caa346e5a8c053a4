// The committed WASM package, loaded in Node: it must give the same Markdown as the Rust core
// (tests/extract.rs pins the core's output in tests/fixtures/*.expected.md), so the extension
// and the CLI save the same bytes for the same page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const URL = 'https://news.example/2026/03/story.html'; // as in tests/extract.rs

const engine = await import(join(ROOT, 'pkg', 'decant.js'));
engine.initSync({ module: await readFile(join(ROOT, 'pkg', 'decant_bg.wasm')) });

const pages = (await readdir(FIXTURES)).filter((f) => f.endsWith('.html')).sort();

test('there are fixtures to compare', () => assert.ok(pages.length >= 4));

for (const file of pages) {
  const name = file.slice(0, -'.html'.length);
  test(`WASM output of ${name} equals the Rust core's`, async () => {
    const html = await readFile(join(FIXTURES, file), 'utf8');
    const expected = await readFile(join(FIXTURES, `${name}.expected.md`), 'utf8');
    let got;
    try {
      got = engine.Saved.fromArticle(engine.extract(html, URL)).markdown();
    } catch (error) {
      assert.ok(error instanceof Error, 'errors must be JS Error objects');
      got = `error: ${error.message}\n`;
    }
    assert.equal(got, expected);
  });
}

test('the article object has camelCase fields and nulls for what is missing', async () => {
  const html = await readFile(join(FIXTURES, 'br-paragraphs.html'), 'utf8');
  const article = engine.extract(html, URL);
  assert.equal(article.title, 'Notes From a Long Walk Across the Moor');
  assert.equal(article.byline, null);
  assert.equal(typeof article.wordCount, 'number');
  assert.equal(typeof article.readingTimeMinutes, 'number');
  assert.ok(article.content.includes('<p>'));
});

test('bad input throws a readable Error named after its kind', () => {
  assert.throws(() => engine.extract('', URL), { name: 'EmptyInput', message: /empty/ });
  assert.throws(() => engine.extract('<p>hi</p>', 'nonsense'), { name: 'InvalidUrl', message: /^Not an absolute URL/ });
  assert.throws(() => engine.extract('\u0000\u0001\u0002\u0003PNG', URL), { name: 'NotHtml', message: /^This is not an HTML page/ });
  assert.throws(() => engine.extract('<nav><a href="/">Home</a></nav>', URL), { name: 'NoArticle' });
});

test('the package exports only what the extension calls, and explain', () => {
  const exported = Object.keys(engine).filter((k) => k !== 'default' && k !== 'initSync').sort();
  assert.deepEqual(exported, ['Saved', 'explain', 'extract', 'isProbablyReaderable']);
  const methods = Object.getOwnPropertyNames(engine.Saved.prototype).filter((k) => k !== 'constructor' && !k.startsWith('__')).sort();
  assert.deepEqual(methods, ['addImage', 'addMissing', 'content', 'epub', 'fileName', 'free', 'html', 'imageUrls', 'markdown', 'setSaved', 'text', 'textpack']);
});

test('explain gives the article and each block left out, with its stage and rule', async () => {
  const html = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
  const { article, removals } = engine.explain(html, URL);
  assert.deepEqual(article, engine.extract(html, URL));
  assert.ok(removals.length > 0);
  for (const r of removals) {
    assert.deepEqual(Object.keys(r).sort(), ['chars', 'element', 'rule', 'stage', 'text']);
    assert.ok(['prepare', 'score', 'choose', 'clean'].includes(r.stage), r.stage);
    assert.ok(r.rule.length > 0 && r.text.length > 0);
    if (r.chars >= 40) assert.ok(!article.text.includes(r.text.replace(/…$/, '')), `${r.rule}: ${r.text}`);
  }
  assert.throws(() => engine.explain('', URL), { name: 'EmptyInput' });
});

test('the readerable check is exported', async () => {
  assert.equal(engine.isProbablyReaderable(await readFile(join(FIXTURES, 'news-article.html'), 'utf8')), true);
  assert.equal(engine.isProbablyReaderable(await readFile(join(FIXTURES, 'no-article.html'), 'utf8')), false);
});

test('Saved writes every format from one extraction, with the images it is given', async () => {
  const html = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
  const saved = engine.Saved.fromArticle(engine.extract(html, URL));
  const urls = [...saved.imageUrls()];
  assert.deepEqual(urls, ['https://news.example/images/seawall.jpg']);
  saved.setSaved('2026-11-28');
  assert.match(saved.markdown(), /^---\ntitle: "Harbor Town Votes to Rebuild Its Seawall After Winter Storms"\n[^]*saved: "2026-11-28"\n[^]*---\n\n# Harbor Town/);
  assert.match(saved.text(), /^Harbor Town Votes to Rebuild Its Seawall After Winter Storms\n=+\n/);
  saved.addImage(urls[0], 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  assert.match(saved.html(), /<img alt="Waves breaking over the old seawall in February" src="data:image\/png;base64,iVBORw==">/);
  const epub = saved.epub();
  assert.ok(epub instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(epub.slice(30, 38)), 'mimetype');
  assert.equal(saved.fileName('epub'), 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms.epub');
});

test('Saved.fromArticle saves the article as the worker sends it, without its plain text', async () => {
  const html = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
  const whole = engine.Saved.fromArticle(engine.extract(html, URL));
  const { text, ...sent } = engine.extract(html, URL);
  assert.ok(text.length > 100, 'the article has text to leave out');
  const fromSent = engine.Saved.fromArticle(sent);
  for (const saved of [whole, fromSent]) saved.setSaved('2026-11-28');
  assert.equal(fromSent.markdown(), whole.markdown());
  assert.equal(fromSent.html(), whole.html());
  assert.equal(fromSent.text(), whole.text());
  assert.ok(fromSent.text().includes(text.split('\n')[0].slice(0, 40)), 'the text file is read from the content');
  assert.deepEqual([...fromSent.imageUrls()], [...whole.imageUrls()]);
  assert.throws(() => engine.Saved.fromArticle({ title: 'No content' }), /not an article/);
});

test("the engine worker's warm-up page is an article that takes the engine through its main paths", async () => {
  const { WARM_UP } = await import(join(ROOT, 'extension', 'warm-up.js'));
  const article = engine.extract(WARM_UP, 'https://example.com/warm-up');
  assert.equal(article.title, 'Warm-up');
  assert.equal(article.byline, 'A. Writer');
  // Each kind of block the engine carries over, and the chrome it leaves out.
  for (const kept of ['<figure', '<figcaption', '<h2', '<ul', '<blockquote', '<table', '<pre']) assert.ok(article.content.includes(kept), `${kept} is not in ${article.content}`);
  for (const left of ['Another story', 'All rights reserved', 'Share', '>Home<']) assert.ok(!article.content.includes(left), `${left} is in the article`);
  const worker = await readFile(join(ROOT, 'extension', 'engine-worker.js'), 'utf8');
  assert.match(worker, /const ready = init\(\)\.then\(\(wasm\) => \{\s*try \{\s*extract\(WARM_UP,/, 'the worker extracts it once it is compiled, before its first job');
});
