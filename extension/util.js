// Small pure helpers of the reader, kept apart so that Node's test runner can check them.

/** A date for people, in their locale; '' if the page's date cannot be read. */
export function formatDate(value, locale) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return date.toLocaleDateString(locale || undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * Wall-clock time in milliseconds with sub-millisecond precision, comparable across the page, the
 * service worker and the reader (capture.js, a classic script, spells out the same line).
 */
export const now = () => performance.timeOrigin + performance.now();

/**
 * Resolves to the time (now()) just after the browser next draws this document: the first task
 * after the next animation frame, by when what was added before the call is on screen.
 */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(now());
    };
    channel.port2.postMessage(null);
  }));
}

/** Properties `el` refuses: they would turn a string into markup. */
const MARKUP_PROPS = ['innerHTML', 'outerHTML'];

/**
 * A new element with `props` set on it and `children` (nodes or strings, as text) appended.
 * Refuses the properties that parse HTML, so page text can never become markup this way.
 */
export function el(tag, props = {}, ...children) {
  const markup = MARKUP_PROPS.find((p) => Object.hasOwn(props, p));
  if (markup) throw new TypeError(`el() does not set ${markup}: build the nodes instead`);
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
