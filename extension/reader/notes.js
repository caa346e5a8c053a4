// Footnotes open beside their reference: a reference (a short link such as "1" or "[2]" to an
// element of the article) shows that note's text in a pop-over under it, without leaving the
// place being read. Click outside or Esc closes it. The references stay links, so that without
// script, or where the Popover API is missing, they jump to the note as before.

import { el } from '../util.js';

// A reference's text: a number, a letter or a symbol, in brackets or not.
const REFERENCE = /^[[(]?(\d{1,4}|[a-z]|[*†‡§¶])[\])]?$/i;

/** Whether `link` points at a note in `body`, and that note. */
function noteOf(body, link) {
  const href = link.getAttribute('href');
  if (!href?.startsWith('#') || !REFERENCE.test(link.textContent.trim())) return null;
  const note = body.ownerDocument.getElementById(decodeURIComponent(href.slice(1)));
  // A note is below its reference, and is not a heading (a contents link is not a footnote).
  if (!note || !body.contains(note) || /^H[1-6]$/.test(note.tagName)) return null;
  return link.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING ? note : null;
}

/**
 * Wires the footnote references in `body`. Returns `dismiss()`, which closes an open note and
 * says whether there was one (Esc asks it first).
 */
export function footnotes(body) {
  const doc = body.ownerDocument;
  const pop = el('div', { className: 'decant-note', id: 'decant-note' });
  if (!('popover' in pop)) return { dismiss: () => false };
  pop.popover = 'auto';
  pop.setAttribute('role', 'note');
  doc.body.append(pop);
  let from = null;

  const open = (link, note) => {
    const copy = note.cloneNode(true);
    copy.removeAttribute('id');
    for (const n of copy.querySelectorAll('[id]')) n.removeAttribute('id');
    // The note's way back ("↩") is this pop-over's closing.
    for (const back of copy.querySelectorAll('a[href^="#"]')) if (!REFERENCE.test(back.textContent.trim())) back.remove();
    pop.replaceChildren(...copy.childNodes);
    pop.setAttribute('aria-label', `Note ${link.textContent.trim()}`);
    from = link;
    pop.showPopover();
    // Under the reference, inside the screen.
    const at = link.getBoundingClientRect();
    const width = Math.min(pop.offsetWidth, doc.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(at.left - 16, doc.documentElement.clientWidth - width - 8));
    const below = at.bottom + 6 + pop.offsetHeight <= innerHeight;
    pop.style.left = `${left}px`;
    pop.style.top = below ? `${at.bottom + 6}px` : `${Math.max(8, at.top - 6 - pop.offsetHeight)}px`;
  };

  for (const link of body.querySelectorAll('a[href^="#"]')) {
    const note = noteOf(body, link);
    if (!note) continue;
    link.classList.add('decant-note-ref');
    link.setAttribute('aria-haspopup', 'dialog');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (pop.matches(':popover-open') && from === link) pop.hidePopover();
      else open(link, note);
    });
  }
  pop.addEventListener('toggle', (event) => {
    if (event.newState === 'closed' && from?.isConnected && pop.contains(doc.activeElement)) from.focus();
  });
  // The note stays by its reference: scrolling the article away closes it.
  doc.addEventListener('scroll', () => pop.matches(':popover-open') && pop.hidePopover(), { passive: true });
  return {
    dismiss() {
      if (!pop.matches(':popover-open')) return false;
      pop.hidePopover();
      from?.focus();
      return true;
    },
  };
}
