(() => {
  const p = document.createElement('p');
  p.textContent = document.title || 'The first line of the article.';
  floorOverlay().append(p);
  floorAfterPaint().then(floorPainted);
})();
