(() => {
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('frame.html');
  const box = floorOverlay();
  box.style.padding = '0';
  box.append(frame);
  // The frame says when its paragraph was drawn.
  addEventListener('message', function listen(event) {
    if (event.source !== frame.contentWindow || typeof event.data?.floorPainted !== 'number') return;
    removeEventListener('message', listen);
    floorPainted(event.data.floorPainted);
  });
})();
