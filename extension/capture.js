// Injected into the page by the service worker on each click. The first click captures the page
// (read-only: it serializes the DOM and changes nothing) and opens the reader over it: a modal
// dialog holding the reader frame, in a closed shadow root. The next click, the reader's close
// button, Esc or the browser's Back removes it, leaving the page exactly as it was: its DOM,
// scroll position, form input and focus are never touched.
//
// While the reader is open it owns the screen: the page behind it is inert (the dialog is modal,
// so Tab never walks into the page), cannot scroll and shows no scrollbar, and printing prints
// the article alone, from a copy of it kept in the shadow root for print media (a frame cannot
// be printed whole: the page would print one screenful of it).
//
// It runs in the extension's isolated world, so page scripts cannot see or change its variables;
// it talks to the reader frame over a MessagePort handed over once, never through the page's
// window messages.
(() => {
  // Firefox's `browser` where it exists, Chromium's `chrome` otherwise (as extension/api.js).
  const ext = globalThis.browser ?? globalThis.chrome;
  // KIND in messages.js (this script cannot import).
  const CAPTURE = 'decant:capture';
  const CONNECT = 'decant:connect';
  const CLOSE = 'decant:close';
  const PRINT_COPY = 'decant:print-copy';
  const PRINT = 'decant:print';
  const LEAVE = 'decant:leave';
  // The engine's input limit (Options::max_input_bytes), and about what one message can carry.
  const MAX_CAPTURE = 64 * 1024 * 1024;
  // How long the reader frame has to undo its history entry when the page closes it.
  const LEAVE_TIMEOUT_MS = 1000;

  // The page while the reader is open: nothing of it scrolls. (The selector outweighs a page's
  // own `html.class { overflow: scroll !important }`.)
  const PAGE_STYLE = '@media screen { :root:root:root { overflow: hidden !important; } }';
  // Once the reader has handed over its article, only that prints: the reader's host is the one
  // child of <html> besides <head> that print media shows. (Until then, or if there is no
  // article, the page prints as itself.)
  const PRINT_STYLE = `
@media print {
  :root:root:root { overflow: visible !important; height: auto !important; min-height: 0 !important; display: block !important; }
  :root > :not(head):not([data-decant="reader"]) { display: none !important; }
}`;

  // The reader itself: a full-window modal dialog on screen; in print, the article's copy in the
  // page's flow, set for paper (URLs after outside links, code wrapped, images within the page).
  const READER_STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; }
dialog { position: fixed; inset: 0; width: 100%; height: 100%; max-width: none; max-height: none; margin: 0; padding: 0; border: 0; background: #fff; overflow: hidden; }
dialog::backdrop { background: transparent; }
iframe { border: 0; width: 100%; height: 100%; display: block; background: transparent; }
.print { display: none; }
@media print {
  :host { position: static !important; width: auto !important; height: auto !important; }
  dialog { display: none !important; }
  .print { display: block; color: #000; background: #fff; font: 11pt/1.5 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif; overflow-wrap: break-word; }
  .print :is(h1, h2, h3, h4, h5, h6) { line-height: 1.25; margin: 14pt 0 6pt; break-after: avoid; }
  .print .decant-title { font-size: 20pt; margin: 0 0 6pt; }
  .print h2 { font-size: 15pt; } .print h3 { font-size: 13pt; } .print :is(h4, h5, h6) { font-size: 11pt; }
  .print .decant-subtitle { font-size: 13pt; color: #333; margin: 0 0 6pt; }
  .print .decant-tags { list-style: none; display: flex; flex-wrap: wrap; gap: 6pt; margin: 0 0 4pt; padding: 0; font: 8pt/1.4 system-ui, sans-serif; color: #444; }
  .print .decant-meta { font: 9pt/1.4 system-ui, sans-serif; color: #444; margin: 0 0 12pt; padding-bottom: 6pt; border-bottom: 0.5pt solid #999; }
  .print .decant-unsure { display: none; }
  .print :is(p, ul, ol, dl) { margin: 0 0 8pt; orphans: 3; widows: 3; }
  .print :is(img, svg, canvas) { max-width: 100%; height: auto; }
  .print :is(figure, img, tr) { break-inside: avoid; }
  .print figure { margin: 10pt 0; }
  .print .decant-lead-image { margin: 0 0 12pt; }
  .print .decant-lead-image img { width: 100%; }
  .print figcaption { font-size: 9pt; color: #444; margin-top: 3pt; }
  .print pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 9pt/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #f4f4f4; border: 0.5pt solid #ccc; padding: 6pt; }
  .print code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
  .print pre code { font-size: inherit; }
  .print table { border-collapse: collapse; font-size: 9pt; margin: 8pt 0; max-width: 100%; }
  .print :is(th, td) { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: start; vertical-align: top; }
  .print blockquote { margin: 8pt 0; padding-left: 10pt; border-left: 2pt solid #999; }
  .print a { color: inherit; }
  .print a.decant-print-url::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #444; overflow-wrap: anywhere; }
  .print hr { border: 0; border-top: 0.5pt solid #999; margin: 12pt 0; }
  .print .decant-post { border-top: 0.5pt solid #999; padding-top: 8pt; margin-top: 8pt; }
  .print .decant-post:first-of-type { border-top: 0; padding-top: 0; }
  .print .decant-post-by { font: 9pt/1.4 system-ui, sans-serif; color: #444; margin: 0 0 4pt; }
}`;

  /**
   * Adds the style sheet `css` to `root` (the document or a shadow root) and returns what removes
   * it. A constructed sheet, which no page policy blocks and which adds no node to the page; a
   * <style> in `fallback` where the browser refuses that from a content script.
   */
  function addStyle(root, css, fallback) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      if (root.adoptedStyleSheets.includes(sheet)) return () => {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets].filter((s) => s !== sheet);
      };
    } catch {
      // Below.
    }
    const style = document.createElement('style');
    style.textContent = css;
    fallback.append(style);
    return () => style.remove();
  }

  /** What the reader's frame may print: its article, parsed (no script runs) and set for paper. */
  function printCopy(html) {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    // A copy for paper loads nothing that plays, and every image at once.
    for (const media of parsed.querySelectorAll('iframe, video, audio, object, embed')) media.remove();
    for (const img of parsed.querySelectorAll('img')) img.removeAttribute('loading');
    for (const link of parsed.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href');
      const text = link.textContent.trim();
      if (/^https?:/i.test(href) && text && !href.includes(text) && !link.querySelector('img')) link.classList.add('decant-print-url');
    }
    return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
  }

  function createReader() {
    const state = { open: null, opening: false };

    function close() {
      const open = state.open;
      if (!open) return;
      state.open = null;
      clearTimeout(open.leaving);
      open.port?.close();
      window.removeEventListener('keydown', onKeyDown, true);
      if (open.dialog.open) open.dialog.close();
      open.host.remove();
      open.unstyle();
      open.unprint?.();
      // Where the page was, exactly (a page that scrolled itself meanwhile is put back).
      if (window.scrollX !== open.scroll.x || window.scrollY !== open.scroll.y) window.scrollTo({ left: open.scroll.x, top: open.scroll.y, behavior: 'instant' });
      // Give focus back to what had it (a half-filled form field, say), without scrolling.
      if (open.focus?.isConnected && document.activeElement !== open.focus) open.focus.focus({ preventScroll: true });
    }

    /**
     * Closes from the page's side (a second click, Esc on the page): the frame first takes back the
     * history entry it added, so that Back after closing goes where it went before opening.
     */
    function leave() {
      const open = state.open;
      if (!open) return;
      if (!open.port || open.leaving) {
        close();
        return;
      }
      open.port.postMessage({ kind: LEAVE });
      open.leaving = setTimeout(close, LEAVE_TIMEOUT_MS);
    }

    function onKeyDown(event) {
      if (event.key === 'Escape' && state.open) {
        event.stopPropagation();
        event.preventDefault();
        leave();
      }
    }

    function onFrameMessage(event) {
      const open = state.open;
      const msg = event.data;
      if (!open || typeof msg?.kind !== 'string') return;
      if (msg.kind === CLOSE) close();
      else if (msg.kind === PRINT) window.print();
      else if (msg.kind === PRINT_COPY && typeof msg.html === 'string') {
        open.unprint ??= addStyle(document, PRINT_STYLE, open.host);
        open.printed.replaceChildren(...printCopy(msg.html));
        open.printed.lang = typeof msg.lang === 'string' ? msg.lang : '';
        open.printed.dir = msg.dir === 'rtl' ? 'rtl' : 'auto';
      }
    }

    /** Hands the frame its end of a private channel, addressed to the extension's origin only. */
    function connect(open, id) {
      const channel = new MessageChannel();
      channel.port1.onmessage = onFrameMessage;
      open.port = channel.port1;
      const origin = new URL(ext.runtime.getURL('')).origin;
      open.frame.contentWindow.postMessage({ kind: CONNECT, id }, origin, [channel.port2]);
    }

    function show(id) {
      // A built-in element: a page can define a custom element of any name first, and a custom
      // element's attachInternals() hands over even a closed shadow root.
      const host = document.createElement('div');
      host.dataset.decant = 'reader';
      const shadow = host.attachShadow({ mode: 'closed' });
      const unstyle = addStyle(document, PAGE_STYLE, host);
      addStyle(shadow, READER_STYLE, shadow);
      const dialog = document.createElement('dialog');
      dialog.setAttribute('aria-label', 'Decant reader view');
      const frame = document.createElement('iframe');
      frame.src = ext.runtime.getURL('extension/reader.html') + '#' + encodeURIComponent(id);
      frame.title = 'Decant reader view';
      // Granted to the extension's origin, where reader.html lives: its address is a per-session
      // one (use_dynamic_url) that the browser maps there, so the default (the address's own
      // origin) would not match and Copy would be refused.
      frame.setAttribute('allow', `clipboard-write ${new URL(ext.runtime.getURL('')).origin}`);
      dialog.append(frame);
      const printed = document.createElement('div');
      printed.className = 'print';
      shadow.append(dialog, printed);
      const open = { id, host, dialog, frame, printed, unstyle, unprint: null, port: null, leaving: 0, focus: document.activeElement, scroll: { x: window.scrollX, y: window.scrollY } };
      state.open = open;
      document.documentElement.append(host);
      dialog.addEventListener('cancel', (event) => {
        event.preventDefault();
        leave();
      });
      dialog.showModal();
      window.addEventListener('keydown', onKeyDown, true);
      frame.addEventListener('load', () => {
        if (state.open !== open) return;
        connect(open, id);
        frame.focus();
      }, { once: true });
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
        // The frame starts loading now, while the page is sent: it asks for its article by this
        // id, and the worker (and Chromium's engine document) hold the question until the page arrives.
        const id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
        show(id);
        try {
          const reply = await ext.runtime.sendMessage({ kind: CAPTURE, id, html, url: location.href, timing });
          if (!reply?.ok) throw new Error(reply?.error ?? 'the extension did not answer. Reload the page and try again.');
        } catch (error) {
          if (state.open?.id === id) close();
          throw error;
        }
      } catch (error) {
        console.warn('Decant could not open the reader view:', error);
        notify(String(error?.message ?? error).replace(/^Error: /, ''));
      } finally {
        state.opening = false;
      }
    }

    return {
      toggle() {
        if (state.open?.host.isConnected) leave();
        else if (!state.opening) {
          if (state.open) close();
          open();
        }
      },
    };
  }

  // serialize.js, run just before this script in the same world.
  const serialize = globalThis[Symbol.for('decant.serialize')];

  /** Inline declarations that beat any page rule on the element itself. */
  const important = (declarations) => declarations.map((d) => `${d} !important;`).join(' ');

  /**
   * Says, over the page, why the reader did not open, for a few seconds (or until clicked). Like
   * the reader, it lives in a closed shadow root and leaves nothing behind.
   */
  function notify(message) {
    const host = document.createElement('div');
    host.dataset.decant = 'notice';
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

  // The reader's state lives under a symbol: a page's element with an id or name becomes a
  // string-named property of the window (in Chromium's isolated world too), never a symbol one.
  const STATE = Symbol.for('decant.reader');
  (globalThis[STATE] ??= createReader()).toggle();
})();
