// Injected into the page just before capture.js, in the same world: the page as HTML, for the
// engine. Reads the page; changes nothing. Kept under a symbol (a page's element id or name becomes a
// string-named property of the window, even in Chromium's isolated world, never a symbol one).
(() => {
  // What only the live page knows: which elements the browser does not display (hidden by a
  // stylesheet, not just inline) and which are fixed overlays. These marks go into the serialized
  // copy of the page only; the page itself is never changed.
  const HIDDEN = 'data-decant-hidden';
  const FIXED = 'data-decant-fixed';
  const HTML_NS = 'http://www.w3.org/1999/xhtml';
  // Elements without an end tag, and those whose text is written as it is (HTML's serialization).
  const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
  const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

  /** Moves the walker to the next element in document order, past the children if asked. */
  function step(walker, skipChildren) {
    if (!skipChildren && walker.firstChild()) return true;
    for (;;) {
      if (walker.nextSibling()) return true;
      if (!walker.parentNode()) return false;
    }
  }

  /** The marks of the elements in `body` that only the live page can tell: element -> attribute. */
  function liveMarks(body) {
    const marks = new Map();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
    let skip = false;
    while (step(walker, skip)) {
      const live = walker.currentNode;
      const style = getComputedStyle(live);
      skip = style.display === 'none' && live.localName !== 'details' && !live.closest('details');
      if (skip) marks.set(live, HIDDEN);
      else if (style.position === 'fixed') marks.set(live, FIXED);
    }
    return marks;
  }

  const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  /**
   * The page as HTML, with the marks and without the text of scripts and style sheets, written
   * without copying the page: a copy of a page of millions of elements takes seconds to make and
   * seconds more for the browser to free, and in Firefox the reader's frame waits for both. Only
   * the elements that differ from the page (marked, emptied) and their ancestors are written tag
   * by tag here; every other subtree is the browser's own serialization of it.
   */
  function serialize() {
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    const root = document.documentElement;
    const body = document.body;
    if (!body) return doctype + root.outerHTML;
    const marks = liveMarks(body);
    // The engine reads no script but JSON-LD metadata and TeX, and no style sheet: the rest of
    // their text (often half a news page's bytes) is left behind, to copy, send and parse less.
    const emptied = new Set();
    for (const el of root.querySelectorAll('script, style')) {
      if (el.localName === 'script' && /^\s*(application\/ld\+json|math\/tex)/i.test(el.getAttribute('type') ?? '')) continue;
      if (el.textContent) emptied.add(el);
    }
    const written = new Set([root]);
    for (const el of [...marks.keys(), ...emptied]) {
      for (let at = el; at && !written.has(at); at = at.parentNode) written.add(at);
    }
    const out = [];
    const startTag = (el) => {
      const name = el.namespaceURI === HTML_NS ? el.localName : el.tagName;
      let tag = `<${name}`;
      for (const attr of el.attributes) tag += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
      const mark = marks.get(el);
      if (mark && !el.hasAttribute(mark)) tag += ` ${mark}=""`;
      return { name, tag: `${tag}>` };
    };
    // Depth first without recursion (pages nest elements thousands deep): a string on the stack is
    // an end tag, due once the element's children are written.
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
      if (typeof node === 'string') {
        out.push(node);
      } else if (!written.has(node)) {
        if (node.nodeType === Node.ELEMENT_NODE) out.push(node.outerHTML);
        else if (node.nodeType === Node.TEXT_NODE) out.push(RAW_TEXT.has(node.parentNode.localName) ? node.data : escapeText(node.data));
        else if (node.nodeType === Node.COMMENT_NODE) out.push(`<!--${node.data}-->`);
      } else {
        const { name, tag } = startTag(node);
        out.push(tag);
        if (VOID.has(name) && node.namespaceURI === HTML_NS) continue;
        stack.push(`</${name}>`);
        if (emptied.has(node)) continue;
        if (node.localName === 'template') {
          out.push(node.innerHTML);
          continue;
        }
        // <html> is written with its head and body only, as the page shows them.
        const children = node === root ? [document.head, body].filter(Boolean) : [...node.childNodes];
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      }
    }
    return doctype + out.join('');
  }

  globalThis[Symbol.for('decant.serialize')] = serialize;
})();
