addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => parent.postMessage({ floorPainted: performance.timeOrigin + performance.now() }, '*');
  channel.port2.postMessage(null);
}));
