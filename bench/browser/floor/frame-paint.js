// In the floor's frame: says to the page's script when the paragraph was drawn.
addEventListener('DOMContentLoaded', () => floorAfterPaint().then((at) => parent.postMessage({ floorPainted: at }, '*')));
