// Injected into the page by the service worker on each click. The first click captures the page
// (read-only: it serializes the DOM and changes nothing) and lays the reader frame over it; the
// next click, the reader's close button or Esc removes the frame, leaving the page exactly as it
// was: its DOM, scroll position, form input and focus are never touched.
//
// It runs in the extension's isolated world, so page scripts cannot see or change its variables.
(() => {
  // Firefox's `browser` where it exists, Chromium's `chrome` otherwise (as extension/api.js).
  const ext = globalThis.browser ?? globalThis.chrome;
  const CAPTURE = 'decant:capture'; // KIND.capture in messages.js (this script cannot import)
  const CLOSE = 'decant:close'; // KIND.close
  // The engine's input limit (Options::max_input_bytes), and about what one message can carry.
  const MAX_CAPTURE = 64 * 1024 * 1024;
  const state = (globalThis.__decantReader ??= { host: null, frame: null, focus: null, opening: false });

  function close() {
    if (!state.host) return;
    state.host.remove();
    window.removeEventListener('message', onMessage, true);
    window.removeEventListener('keydown', onKeyDown, true);
    state.host = state.frame = null;
    // Give focus back to what had it (a half-filled form field, say), without scrolling.
    if (state.focus?.isConnected) state.focus.focus({ preventScroll: true });
    state.focus = null;
  }

  function onMessage(event) {
    // Only the reader frame may close itself; the page cannot forge `event.source`.
    if (state.frame && event.source === state.frame.contentWindow && event.data?.kind === CLOSE) close();
  }

  function onKeyDown(event) {
    if (event.key === 'Escape' && state.host) {
      event.stopPropagation();
      close();
    }
  }

  // What only the live page knows: which elements the browser does not display (hidden by a
  // stylesheet, not just inline) and which are fixed overlays. These marks go on a copy of the
  // document, which is then serialized; the page itself is never changed.
  const HIDDEN = 'data-decant-hidden';
  const FIXED = 'data-decant-fixed';

  /** Moves both walkers to the next element in document order, skipping children if asked. */
  function step(walkers, skipChildren) {
    if (!skipChildren && walkers[0].firstChild()) {
      walkers[1].firstChild();
      return true;
    }
    for (;;) {
      if (walkers[0].nextSibling()) {
        walkers[1].nextSibling();
        return true;
      }
      if (!walkers[0].parentNode()) return false;
      walkers[1].parentNode();
    }
  }

  function serialize() {
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    const body = document.body;
    if (!body) return doctype + document.documentElement.outerHTML;
    // Copied into an inert document, so that the copy's images and media load nothing.
    const inert = document.implementation.createHTMLDocument('');
    const copy = inert.importNode(body, true);
    // The clone has the same shape as the live body, so two walkers move in step.
    const walkers = [document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT), document.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT)];
    let skip = false;
    while (step(walkers, skip)) {
      const live = walkers[0].currentNode;
      const style = getComputedStyle(live);
      skip = style.display === 'none' && live.localName !== 'details' && !live.closest('details');
      if (skip) walkers[1].currentNode.setAttribute(HIDDEN, '');
      else if (style.position === 'fixed') walkers[1].currentNode.setAttribute(FIXED, '');
    }
    const html = inert.importNode(document.documentElement, false);
    const head = document.head ? inert.importNode(document.head, true) : null;
    if (head) html.append(head);
    html.append(copy);
    // The engine reads no script but JSON-LD metadata and TeX, and no style sheet: the rest of
    // their text (often half a news page's bytes) is left behind, to copy, send and parse less.
    for (const el of html.querySelectorAll('script, style')) {
      if (el.localName === 'script' && /^\s*(application\/ld\+json|math\/tex)/i.test(el.getAttribute('type') ?? '')) continue;
      el.textContent = '';
    }
    return doctype + html.outerHTML;
  }

  /** Inline declarations that beat any page rule on the element itself. */
  const important = (declarations) => declarations.map((d) => `${d} !important;`).join(' ');

  /**
   * Says, over the page, why the reader did not open, for a few seconds (or until clicked). Like
   * the reader, it lives in a closed shadow root and leaves nothing behind.
   */
  function notify(message) {
    const host = document.createElement('decant-notice');
    host.style.cssText = important(['all: initial', 'position: fixed', 'top: 16px', 'right: 16px', 'z-index: 2147483647', 'display: block']);
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.textContent = `Decant: ${message}`;
    box.style.cssText = 'max-width: 22rem; padding: 0.75rem 1rem; border-radius: 6px; background: #222; color: #fff; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 12px rgba(0,0,0,.3); cursor: pointer;';
    host.attachShadow({ mode: 'closed' }).append(box);
    const remove = () => host.remove();
    box.addEventListener('click', remove);
    setTimeout(remove, 8000);
    document.documentElement.append(host);
  }

  async function open() {
    state.opening = true;
    try {
      // Wall-clock times (ms since the epoch, sub-millisecond), comparable across the page, the
      // service worker and the reader: the reader reports where the time went (benchmarks read it).
      const now = () => performance.timeOrigin + performance.now();
      const started = now();
      const html = serialize();
      const captured = now();
      if (html.length > MAX_CAPTURE) {
        const mb = (n) => Math.round(n / 2 ** 20);
        throw new Error(`this page is too large for the reader view (${mb(html.length)} MB; the limit is ${mb(MAX_CAPTURE)} MB).`);
      }
      const timing = { started, captured };
      const reply = await ext.runtime.sendMessage({ kind: CAPTURE, html, url: location.href, timing });
      if (!reply?.ok) throw new Error(reply?.error ?? 'the extension did not answer. Reload the page and try again.');
      state.focus = document.activeElement;
      // A custom element with a closed shadow root: the page's CSS cannot select into it, and
      // inline !important declarations beat any page rule on the host itself.
      const host = document.createElement('decant-reader');
      host.style.cssText = important([
        'all: initial', 'position: fixed', 'inset: 0', 'width: 100vw', 'height: 100vh', 'display: block',
        'z-index: 2147483647', 'visibility: visible', 'opacity: 1', 'transform: none', 'margin: 0', 'padding: 0',
      ]);
      const shadow = host.attachShadow({ mode: 'closed' });
      const frame = document.createElement('iframe');
      frame.src = ext.runtime.getURL('extension/reader.html') + '#' + encodeURIComponent(reply.id);
      frame.title = 'Decant reader view';
      frame.setAttribute('allow', 'clipboard-write');
      frame.style.cssText = 'border: 0; width: 100%; height: 100%; display: block; background: #fff;';
      shadow.append(frame);
      document.documentElement.append(host);
      state.host = host;
      state.frame = frame;
      window.addEventListener('message', onMessage, true);
      window.addEventListener('keydown', onKeyDown, true);
      frame.addEventListener('load', () => frame.focus(), { once: true });
    } catch (error) {
      console.warn('Decant could not open the reader view:', error);
      notify(String(error?.message ?? error).replace(/^Error: /, ''));
    } finally {
      state.opening = false;
    }
  }

  if (state.host?.isConnected) close();
  else if (!state.opening) open();
})();
