// The table of contents: a panel listing the article's section headings, shown from three on.

import { el } from '../util.js';

/**
 * Fills `panel` with links to the headings of `body` and shows `button`, if there are enough
 * headings to be worth it (a table of contents helps from three sections on; below that it is
 * clutter). Headings without an id get one. (The panel closes on a choice: reader/panels.js.)
 */
export function buildContents(body, button, panel) {
  const headings = [...body.querySelectorAll('h2, h3, h4')].filter((h) => h.textContent.trim());
  if (headings.length < 3) return;
  const list = el('ol');
  headings.forEach((h, i) => {
    if (!h.id) h.id = `decant-section-${i + 1}`;
    const link = el('a', { href: `#${h.id}`, textContent: h.textContent.trim() });
    list.append(el('li', { className: `decant-toc-${h.localName}` }, link));
  });
  panel.replaceChildren(list);
  button.hidden = false;
}
