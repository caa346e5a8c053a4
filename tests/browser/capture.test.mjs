// The capture (extension/serialize.js) is the page as the browser itself serializes it, with the
// marks only the live page can give (hidden by a stylesheet, fixed) and without the text of scripts
// and style sheets, though it never copies the page. Checked against the plain way of making it,
// on every fixture page and on one made of the cases a serializer can get wrong: the page itself
// marked and emptied for a moment and serialized by the browser.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, BROWSERS, startForSuite } from './harness.mjs';

const SOURCE = await readFile(join(ROOT, 'extension', 'serialize.js'), 'utf8');
const FIXTURES = (await readdir(join(ROOT, 'tests', 'fixtures'))).filter((f) => f.endsWith('.html'));

// Text, attributes and elements that the tag-by-tag writing must spell as the browser does.
const CASES = `<!DOCTYPE html><html lang="en" data-x='a"b'><head><title>Cases &amp; more</title>
<style>p { color: red }</style><script>var inHead = 1 < 2 && 3 > 2;</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A < B & C"}</script>
<style>.gone { display: none } .pinned { position: fixed; top: 0 }</style></head>
<body class="a b"><!-- a comment --><p title="x &amp; y &quot;q&quot; <b> a&nbsp;b">Text &amp; &lt;tags&gt; a&nbsp;b</p>
<div class="pinned" id="bar">Fixed <span class="gone">hidden in fixed</span><img src="/i.png" class="gone" alt="a > b"></div>
<section><div><div><p class="gone">deep hidden <b>bold</b></p></div><script>var inBody = "</scr" + "ipt>";</script></div></section>
<template id="t"><p>in a template</p><script>ignored()</script></template>
<noscript><img src="/n.png"></noscript><textarea>raw <b> text</textarea><pre>
leading line</pre>
<svg viewBox="0 0 10 10"><linearGradient id="g"><stop offset="0"/></linearGradient><rect class="gone" width="5" height="5"/><foreignObject><p class="gone">html in svg</p></foreignObject></svg>
<math><mi>x</mi><mspace class="gone"/></math>
<details><summary>More</summary><p style="display:none">closed details</p></details>
<table><tr><td class="gone">cell</td><td>kept&nbsp;cell</td></tr></table>
<p hidden>hidden attribute</p><br class="gone"><input value="a &quot;b&quot;" class="gone">
<div style="position: fixed"><style>.inner {}</style>fixed with a style</div>
</body></html>`;

/**
 * The capture made the plain way, in the page: the live page marked and emptied for a moment,
 * serialized by the browser, then put back. (Not a copy in another document: one without script
 * writes a <noscript>'s content as escaped text, where the live page and the engine's parser,
 * both with script on, keep it as markup.)
 */
function byMarking() {
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
  const body = document.body;
  if (!body) return doctype + document.documentElement.outerHTML;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
  const step = (skipChildren) => {
    if (!skipChildren && walker.firstChild()) return true;
    for (;;) {
      if (walker.nextSibling()) return true;
      if (!walker.parentNode()) return false;
    }
  };
  const marked = [];
  let skip = false;
  while (step(skip)) {
    const live = walker.currentNode;
    const style = getComputedStyle(live);
    skip = style.display === 'none' && live.localName !== 'details' && !live.closest('details');
    const mark = skip ? 'data-decant-hidden' : style.position === 'fixed' ? 'data-decant-fixed' : null;
    if (mark && !live.hasAttribute(mark)) marked.push([live, mark]);
  }
  const emptied = [];
  for (const el of document.documentElement.querySelectorAll('script, style')) {
    if (el.localName === 'script' && /^\s*(application\/ld\+json|math\/tex)/i.test(el.getAttribute('type') ?? '')) continue;
    emptied.push([el, el.textContent]);
  }
  for (const [el, mark] of marked) el.setAttribute(mark, '');
  for (const [el] of emptied) el.textContent = '';
  const shell = document.documentElement.cloneNode(false).outerHTML;
  const html = doctype + shell.slice(0, -'</html>'.length) + (document.head?.outerHTML ?? '') + body.outerHTML + '</html>';
  for (const [el, mark] of marked) el.removeAttribute(mark);
  for (const [el, text] of emptied) el.textContent = text;
  return html;
}

const captured = (page) => page.evaluate(`${SOURCE}; globalThis[Symbol.for('decant.serialize')]()`);
const plain = (page) => page.evaluate(`(${byMarking})()`);

for (const name of BROWSERS) describe(name, () => {
  let server;
  let browser;
  startForSuite(name, (started) => ({ server, browser } = started));

  test(`${name}: the capture is the page as the browser writes it, marked, on every fixture page`, async () => {
    const page = await browser.context.newPage();
    try {
      for (const file of FIXTURES) {
        await page.goto(server.url(`/pages/${file}`));
        const before = await page.evaluate(() => document.documentElement.outerHTML);
        const capture = await captured(page);
        assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, `the capture changed ${file}`);
        assert.equal(capture, await plain(page), file);
      }
    } finally {
      await page.close();
    }
  });

  test(`${name}: the capture writes text, attributes, comments, templates, SVG and MathML as the browser does`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url('/pages/news-article.html'));
      await page.evaluate((html) => {
        document.open();
        document.write(html);
        document.close();
      }, CASES);
      const capture = await captured(page);
      assert.equal(capture, await plain(page));
      // The cases are there to be checked: the marks, the emptied scripts, the kept metadata.
      for (const part of ['<p class="gone" data-decant-hidden="">deep hidden', 'id="bar" data-decant-fixed=""', '<script></script>', '"headline": "A < B & C"', '<p>in a template</p>', 'linearGradient', '<img src="/n.png"></noscript>']) {
        assert.ok(capture.includes(part), `the capture lacks ${part}`);
      }
    } finally {
      await page.close();
    }
  });
});
