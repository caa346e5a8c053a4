// What every floor's page script shares: an overlay in a closed shadow root, and the mark the
// benchmark waits for: the wall-clock time just after the browser drew what was added.
globalThis.floorNow = () => performance.timeOrigin + performance.now();

/** Resolves to floorNow() in the first task after the next animation frame. */
globalThis.floorAfterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(floorNow());
  channel.port2.postMessage(null);
}));

/** A full-window overlay in a closed shadow root on a built-in element; returns its box. */
globalThis.floorOverlay = () => {
  const host = document.createElement('div');
  host.dataset.floor = '';
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block; } .box { position: absolute; inset: 0; overflow: auto; background: #fff; color: #111; font: 20px/1.6 serif; padding: 2rem max(1rem, calc(50% - 20rem)); box-sizing: border-box; } iframe { border: 0; width: 100%; height: 100%; }');
  shadow.adoptedStyleSheets = [sheet];
  const box = document.createElement('div');
  box.className = 'box';
  shadow.append(box);
  document.documentElement.append(host);
  return box;
};

/** Tells the benchmark (a mark on the page's root) when the floor's first line was drawn. */
globalThis.floorPainted = (at) => {
  document.documentElement.dataset.floorPainted = String(at);
};
