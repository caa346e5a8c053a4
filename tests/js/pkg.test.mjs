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
      got = engine.extractWithMarkdown(html, URL).markdown;
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
  assert.throws(() => engine.extract('<p>hi</p>', 'nonsense'), { name: 'InvalidUrl', message: /not an absolute URL/ });
  assert.throws(() => engine.extract('\u0000\u0001\u0002\u0003PNG', URL), { name: 'NotHtml', message: /not an HTML page/ });
  assert.throws(() => engine.extractWithMarkdown('<nav><a href="/">Home</a></nav>', URL), { name: 'NoArticle' });
});

test('the readerable check is exported', async () => {
  assert.equal(engine.isProbablyReaderable(await readFile(join(FIXTURES, 'news-article.html'), 'utf8')), true);
  assert.equal(engine.isProbablyReaderable(await readFile(join(FIXTURES, 'no-article.html'), 'utf8')), false);
});

test('Saved writes every format from one extraction, with the images it is given', async () => {
  const html = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
  const saved = new engine.Saved(html, URL);
  assert.equal(saved.article().title, 'Harbor Town Votes to Rebuild Its Seawall After Winter Storms');
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

test('Saved.fromArticle saves the article extract returned, as a second extraction would', async () => {
  const html = await readFile(join(FIXTURES, 'news-article.html'), 'utf8');
  const fromPage = new engine.Saved(html, URL);
  const fromArticle = engine.Saved.fromArticle(engine.extract(html, URL));
  for (const saved of [fromPage, fromArticle]) saved.setSaved('2026-11-28');
  assert.equal(fromArticle.markdown(), fromPage.markdown());
  assert.equal(fromArticle.html(), fromPage.html());
  assert.equal(fromArticle.text(), fromPage.text());
  assert.deepEqual([...fromArticle.imageUrls()], [...fromPage.imageUrls()]);
  // As the worker sends it to the reader: without its plain text, which is read again.
  const { text, ...sent } = engine.extract(html, URL);
  const fromSent = engine.Saved.fromArticle(sent);
  assert.equal(fromSent.article().text, text);
  fromSent.setSaved('2026-11-28');
  assert.equal(fromSent.markdown(), fromPage.markdown());
  assert.throws(() => engine.Saved.fromArticle({ title: 'No content' }), /not an article/);
});
