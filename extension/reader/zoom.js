// Pictures open larger: a click (or Enter) on an image of the article shows it as large as the
// screen allows, with its caption, over a dimmed article; Esc, a click or the Close button
// returns to the place being read. An image that links to a larger file shows that file; an
// image linking elsewhere stays a link.

import { el } from '../util.js';

const IMAGE_FILE = /\.(avif|gif|jpe?g|png|webp)(\?|#|$)/i;
// Pictures smaller than this on screen are icons, not worth enlarging.
const SMALLEST = 48;

/** The caption of `img`: its figure's, else its text alternative. */
function captionOf(img) {
  const caption = img.closest('figure')?.querySelector('figcaption');
  return caption ? [...caption.cloneNode(true).childNodes] : img.alt ? [img.alt] : [];
}

/**
 * Wires the images in `body`. Returns `dismiss()`, which closes the enlarged picture and says
 * whether one was open (Esc asks it first).
 */
export function zoomImages(body) {
  const doc = body.ownerDocument;
  const picture = el('img', { alt: '' });
  const caption = el('p', { className: 'decant-zoom-caption' });
  const close = el('button', { type: 'button', className: 'decant-zoom-close', textContent: 'Close' });
  const box = el('dialog', { className: 'decant-zoom' }, el('figure', {}, picture, caption), close);
  box.setAttribute('aria-label', 'Enlarged picture');
  doc.body.append(box);
  let from = null;
  const shut = () => {
    if (!box.open) return false;
    box.close();
    return true;
  };
  box.addEventListener('click', shut);
  box.addEventListener('close', () => from?.isConnected && from.focus({ preventScroll: true }));

  const open = (img) => {
    const link = img.closest('a[href]');
    picture.src = link && IMAGE_FILE.test(link.href) ? link.href : img.currentSrc || img.src;
    picture.alt = img.alt;
    caption.replaceChildren(...captionOf(img));
    caption.hidden = !caption.textContent.trim();
    from = img;
    box.showModal();
    close.focus();
  };

  for (const img of body.querySelectorAll('img')) {
    const link = img.closest('a[href]');
    if (link && !IMAGE_FILE.test(link.href)) continue;
    img.classList.add('decant-zoomable');
    // A key reaches it: Tab, then Enter or Space.
    if (!link) {
      img.tabIndex = 0;
      img.setAttribute('role', 'button');
      img.setAttribute('aria-label', img.alt ? `Enlarge: ${img.alt}` : 'Enlarge the picture');
    }
    const enlarge = (event) => {
      const shown = img.getBoundingClientRect();
      if (shown.width < SMALLEST && shown.height < SMALLEST) return;
      event.preventDefault();
      open(img);
    };
    img.addEventListener('click', enlarge);
    img.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') enlarge(event);
    });
  }
  return { dismiss: shut };
}
