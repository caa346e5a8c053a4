// The reader's link to the page it is drawn over (extension/capture.js there): a private
// MessagePort, handed over once by capture.js, that closes the reader, prints, and carries the
// article's copy that the page prints; and the one history entry that lets Back close the reader.

import { KIND } from '../messages.js';

// The capture's id, in this frame's address: only capture.js and this frame know it, so a page
// that posts its own "connect" is ignored.
const id = decodeURIComponent(location.hash.slice(1));
let port = null;
const waiting = [];

function send(msg) {
  if (port) port.postMessage(msg);
  else waiting.push(msg);
}

window.addEventListener('message', (event) => {
  const msg = event.data;
  if (port || event.source !== window.parent || msg?.kind !== KIND.connect || msg.id !== id || !event.ports[0]) return;
  port = event.ports[0];
  port.onmessage = (e) => {
    if (e.data?.kind === KIND.leave) leave();
  };
  for (const m of waiting.splice(0)) port.postMessage(m);
});

// Back closes the reader: the frame adds one history entry (state `{ decant: 1 }`) over its first
// (`{ decant: 0 }`); each in-article jump (a footnote) adds one more, numbered on. Back to entry 0
// closes the reader; closing it otherwise goes back over all of them first, so that after Close,
// Back goes where it went before the reader opened. The entry is added on the user's first click
// or key in the reader: Chromium's Back skips entries added before the user touched the frame
// (so that pages cannot trap Back), which would take Back off the page instead.
let depth = 0;
let added = false;

function addEntry() {
  if (added) return;
  added = true;
  history.replaceState({ decant: 0 }, '');
  history.pushState({ decant: 1 }, '');
  depth = 1;
}

for (const type of ['pointerdown', 'keydown']) {
  window.addEventListener(type, (event) => {
    if (event.key === 'Escape') return; // not a user activation
    addEntry();
  }, { capture: true });
}

window.addEventListener('hashchange', () => {
  if (added && history.state === null) {
    depth += 1;
    history.replaceState({ decant: depth }, '');
  }
});

// Set while Close goes back over the entries.
let leaving = false;

window.addEventListener('popstate', (event) => {
  if (!added) return;
  depth = typeof event.state?.decant === 'number' ? event.state.decant : depth;
  if (depth === 0) closeFrame();
  // Closing, and not back at the first entry yet (a jump counted late): on back.
  else if (leaving) history.go(-depth);
});

/**
 * Asks the page to remove this frame, once the input that closed it (Esc's key-up, a click) has
 * been handled: a frame removed while the browser is still delivering an event to it leaves the
 * browser's input waiting for an answer that never comes (seen in Chromium under DevTools input,
 * one Esc in six).
 */
function closeFrame() {
  let sent = false;
  const once = () => {
    if (!sent) send({ kind: KIND.close });
    sent = true;
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  // A frame that is not drawn gets no animation frame.
  setTimeout(once, 100);
}

/** Closes the reader: back over the history it added (popstate then closes), or at once. */
export function leave() {
  // The entry shown now: a jump whose hashchange has not arrived yet has no number, and is one
  // past the last counted (Esc right after a Contents link went back one entry short, and the
  // reader stayed open).
  const at = !added ? 0 : typeof history.state?.decant === 'number' ? history.state.decant : depth + 1;
  if (at === 0) {
    closeFrame();
    return;
  }
  leaving = true;
  history.go(-at);
  // Whatever the history does, the reader closes.
  setTimeout(closeFrame, 1000);
}

/** Prints the article, as the page prints it while the reader is open (its copy, alone). */
export function print() {
  send({ kind: KIND.print });
}

/** Gives the page the article as drawn in `view`, for printing. */
export function offerPrintCopy(view) {
  send({ kind: KIND.printCopy, html: view.outerHTML, lang: view.lang || '', dir: view.dir || '' });
}
