// Where the reader stopped in an article, remembered on this device only (storage.local, never
// synced) for 30 days, so that opening the same article again goes back there. A place is the
// block at the top of the screen (its index among the article's blocks) and how far into it, so
// that it survives a change of text size, face or width. The options page forgets them all.

import { ext } from '../api.js';

const KEY = 'positions';
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;
const MOST = 200;
// The blocks a place is counted in: what a reader's eye lands on.
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, pre, figure, blockquote, table, .decant-post';

/** The article's address without its fragment: the same article, wherever a link pointed in it. */
const keyOf = (url) => String(url ?? '').split('#')[0];

async function stored() {
  try {
    const got = await ext.storage.local.get(KEY);
    const all = got[KEY];
    return all && typeof all === 'object' ? all : {};
  } catch {
    return {};
  }
}

/** The place at the top of the screen in `view`, below the toolbar of height `top` px. */
export function placeIn(view, top) {
  const blocks = [...view.querySelectorAll(BLOCKS)];
  for (let i = 0; i < blocks.length; i++) {
    const box = blocks[i].getBoundingClientRect();
    if (box.bottom > top) return { block: i, into: box.height > 0 ? Math.max(0, Math.min(1, (top - box.top) / box.height)) : 0 };
  }
  return null;
}

/** Scrolls `scroller` so that `place` is at the top of the screen again, below `top` px. */
export function scrollTo(view, scroller, place, top) {
  const block = view.querySelectorAll(BLOCKS)[place.block];
  if (!block) return false;
  // The blocks set aside until near (reader.css, .decant-deferred) hold an estimated height until
  // drawn: those up to this one are laid out first, so that it does not move once there. They
  // keep their measured height when set aside again, a frame later.
  const laidOut = [...view.querySelectorAll('.decant-deferred')].filter((d) => d === block || d.contains(block)
    || d.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING);
  for (const d of laidOut) d.style.contentVisibility = 'visible';
  block.scrollIntoView({ block: 'start' });
  const box = block.getBoundingClientRect();
  scroller.scrollTop += box.top - top + place.into * box.height;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    for (const d of laidOut) d.style.removeProperty('content-visibility');
  }));
  return true;
}

/** The place remembered for `url`, if any (and not yet expired). */
export async function recall(url) {
  const place = (await stored())[keyOf(url)];
  if (!place || Date.now() - place.at > KEEP_MS || !Number.isInteger(place.block) || place.block < 0) return null;
  return { block: place.block, into: Number(place.into) || 0 };
}

/**
 * Remembers `place` for `url` (forgets it when null: the reader is back at the start), keeping
 * the most recent places only.
 */
export async function remember(url, place) {
  const all = await stored();
  const key = keyOf(url);
  if (!key) return;
  delete all[key];
  if (place) all[key] = { block: place.block, into: Math.round(place.into * 1000) / 1000, at: Date.now() };
  const recent = Object.entries(all)
    .filter(([, p]) => Date.now() - p.at <= KEEP_MS)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MOST);
  await ext.storage.local.set({ [KEY]: Object.fromEntries(recent) });
}

/** Forgets every place. */
export function forgetPositions() {
  return ext.storage.local.remove(KEY);
}
