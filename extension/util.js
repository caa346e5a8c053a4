// Small pure helpers of the reader, kept apart so that Node's test runner can check them.

/** A file name from an article title, safe on Windows, macOS and Linux. */
export function fileName(title, extension) {
  const base = String(title ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // Names Windows reserves for devices, with any extension.
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base);
  // 100 characters leave room for the extension and a " (2)" the browser may add.
  const cut = Array.from(base).slice(0, 100).join('').trim();
  return `${cut && !reserved ? cut : 'article'}.${extension}`;
}

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
