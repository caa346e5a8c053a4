// A small page that takes the engine through the paths most pages take (metadata, scoring,
// cleaning, images, lists, tables, code), extracted once as each engine worker starts
// (engine-worker.js): WebAssembly's functions are compiled as they are first called, which
// otherwise falls on the first real page (docs/performance.md: cold extraction 110 → 60 ms).
export const WARM_UP = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warm-up - Site</title>
<meta property="og:title" content="Warm-up"><meta name="author" content="A. Writer">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Warm-up","datePublished":"2026-01-02T03:04:05Z","author":{"@type":"Person","name":"A. Writer"}}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Warm-up</h1><p class="byline">By A. Writer, <time datetime="2026-01-02">January 2, 2026</time></p>
<p>The first paragraph of the text, long enough to count as prose, with a <a href="/link">link</a>, <em>emphasis</em> and <code>code</code>, and a sentence after it.</p>
<figure><img src="/a.jpg" alt="A picture" width="640" height="360"><figcaption>A caption.</figcaption></figure>
<h2>A section</h2><p>Another paragraph of ordinary prose, with commas, a second clause, and enough words to be scored as the text of an article.</p>
<ul><li>One item of a list</li><li>Another item</li></ul><blockquote><p>A quotation from somebody.</p></blockquote>
<table><tr><th>Name</th><th>Value</th></tr><tr><td>One</td><td>1</td></tr></table><pre><code>let x = 1;</code></pre>
<div class="share"><a href="https://example.com/share">Share</a></div></article>
<aside><h3>Related</h3><ul><li><a href="/x">Another story</a></li></ul></aside></main>
<footer><p>© Site. All rights reserved.</p></footer></body></html>`;
