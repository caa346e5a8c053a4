(() => {
  // As a reader built on Readability.js would: parse a copy of the live document, then draw the
  // article (Readability's own cleaned HTML, parsed inert first) in the page.
  const article = new Readability(document.cloneNode(true)).parse();
  const box = floorOverlay();
  const h1 = document.createElement('h1');
  h1.textContent = article?.title ?? document.title;
  const parsed = new DOMParser().parseFromString(article?.content ?? '', 'text/html');
  box.append(h1, ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  floorAfterPaint().then(floorPainted);
})();
