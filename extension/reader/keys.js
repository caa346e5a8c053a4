// The keyboard: Esc closes an open panel, else the reader; + and − change the size, T the theme,
// S saves, L listens; Ctrl+P (Cmd+P) prints the article. Other keys typed into a form field, or
// with Ctrl, Cmd or Alt, are the browser's.

import { THEMES, FONT_SIZE } from '../settings.js';

/**
 * Listens to the keys on `doc`. `settings()` gives the current settings, `change(next)` applies
 * new ones, `dismiss()` closes the open panel (saying whether there was one), `save()` saves,
 * `listen()` starts or pauses listening, `print()` prints and `close()` closes the reader.
 */
export function listenToKeys(doc, { settings, change, dismiss, save, listen, print, close }) {
  // Esc closes on its key-up: removing the frame while the key is still down leaves the browser
  // waiting for the key-up to be handled by a frame that no longer exists (Chromium's DevTools
  // input then never returns), and the page would get a stray key-up.
  let escapeDown = false;

  doc.addEventListener('keyup', (event) => {
    if (event.key === 'Escape' && escapeDown) {
      escapeDown = false;
      close();
    }
  });

  doc.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('input, select, textarea');
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!dismiss()) escapeDown = true;
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'p' || event.key === 'P')) {
      event.preventDefault();
      print();
      return;
    }
    const now = settings();
    if (typing || event.ctrlKey || event.metaKey || event.altKey || !now) return;
    if (event.key === '+' || event.key === '=') change({ ...now, fontSize: now.fontSize + FONT_SIZE.step });
    else if (event.key === '-') change({ ...now, fontSize: now.fontSize - FONT_SIZE.step });
    else if (event.key === 't' || event.key === 'T') change({ ...now, theme: THEMES[(THEMES.indexOf(now.theme) + 1) % THEMES.length] });
    else if (event.key === 's' || event.key === 'S') save();
    else if (event.key === 'l' || event.key === 'L') listen();
    else return;
    event.preventDefault();
  });
}
