// The table of contents: a panel listing the article's section headings, shown from three on,
// nested as the headings are (h3 under its h2, h4 under its h3), with the section being read
// marked (aria-current) as the reader scrolls.

import { el } from '../util.js';

/**
 * Fills `panel` with links to the headings of `body` and shows `button`, if there are enough
 * headings to be worth it (a table of contents helps from three sections on; below that it is
 * clutter). Headings without an id get one. (The panel closes on a choice: reader/panels.js.)
 * Returns `mark()`, which marks the section at the top of the view (a no-op without contents).
 */
export function buildContents(body, button, panel) {
  const headings = [...body.querySelectorAll('h2, h3, h4')].filter((h) => h.textContent.trim());
  if (headings.length < 3) return () => {};
  const root = el('ol');
  // The open entries, outermost first: a deeper heading goes in a list under the last one.
  const open = [{ level: 1, item: null, list: root }];
  const links = headings.map((h, i) => {
    if (!h.id) h.id = `decant-section-${i + 1}`;
    const level = Number(h.localName[1]);
    while (open.length > 1 && open.at(-1).level >= level) open.pop();
    const parent = open.at(-1);
    if (!parent.list) parent.item.append((parent.list = el('ol')));
    const link = el('a', { href: `#${h.id}`, textContent: h.textContent.trim() });
    const item = el('li', { className: `decant-toc-${h.localName}` }, link);
    parent.list.append(item);
    open.push({ level, item, list: null });
    return link;
  });
  panel.replaceChildren(root);
  button.hidden = false;
  let current = null;
  return () => {
    // The last heading above a line a fifth of the way down the view.
    const line = innerHeight / 5;
    let at = -1;
    for (let i = 0; i < headings.length && headings[i].getBoundingClientRect().top <= line; i++) at = i;
    const link = links[at] ?? null;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
}
