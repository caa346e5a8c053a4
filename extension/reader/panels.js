// The toolbar's pop-ups (contents, appearance, the save menu): each anchored under its button,
// one open at a time, closed by Esc, by a click outside or by choosing in it. The save menu is a
// menu: the arrow keys, Home and End move through its items.

const GAP_PX = 6;
const MARGIN_PX = 8;

/**
 * The pop-ups of `doc`. `add(button, panel, { menu })` wires one; `dismiss()` closes the open one
 * (returning whether there was one), and `place()` keeps it under its button.
 */
export function popups(doc) {
  const all = [];
  let current = null;

  function place() {
    if (!current) return;
    const { button, panel } = current;
    const view = doc.documentElement.clientWidth;
    const at = button.getBoundingClientRect();
    panel.style.top = `${Math.round(at.bottom + GAP_PX)}px`;
    panel.style.maxWidth = `${view - 2 * MARGIN_PX}px`;
    // Under the button, from its left edge, or from its right edge when that leaves more room.
    const width = panel.getBoundingClientRect().width;
    const left = at.left + width <= view - MARGIN_PX ? at.left : at.right - width;
    panel.style.left = `${Math.round(Math.max(MARGIN_PX, Math.min(left, view - MARGIN_PX - width)))}px`;
  }

  function close(focusButton) {
    if (!current) return false;
    const { button, panel } = current;
    current = null;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
    return true;
  }

  function open(entry) {
    close(false);
    current = entry;
    entry.panel.hidden = false;
    entry.button.setAttribute('aria-expanded', 'true');
    place();
    entry.panel.querySelector('input:checked, [role=menuitem], button, a, select')?.focus();
  }

  function items(panel) {
    return [...panel.querySelectorAll('[role=menuitem]')].filter((i) => !i.hidden && !i.disabled);
  }

  function onMenuKey(event, panel) {
    const list = items(panel);
    const at = list.indexOf(doc.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (to === undefined || !list.length) return;
    event.preventDefault();
    list[(to + list.length) % list.length].focus();
  }

  doc.addEventListener('pointerdown', (event) => {
    if (current && !current.panel.contains(event.target) && !current.button.contains(event.target)) close(false);
  }, true);
  doc.defaultView.addEventListener('resize', place);

  return {
    add(button, panel, { menu = false } = {}) {
      const entry = { button, panel };
      all.push(entry);
      button.addEventListener('click', () => (current === entry ? close(false) : open(entry)));
      panel.addEventListener('keydown', (event) => {
        if (menu) onMenuKey(event, panel);
        // Tab out of a menu closes it, as a menu does.
        if (menu && event.key === 'Tab') close(false);
      });
      // Choosing closes: a menu item, or a link (a contents entry).
      panel.addEventListener('click', (event) => {
        if (event.target.closest('[role=menuitem], a[href]')) close(false);
      });
    },
    dismiss: () => close(true),
    isOpen: () => current !== null,
    place,
  };
}
