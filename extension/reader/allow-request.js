// The request the reader puts in the allow page's address (extension/allow.html).

/** The address of the allow page asking for `origins` (match patterns) named `names`. */
export function allowPageUrl(base, id, origins, names) {
  return `${base}#${encodeURIComponent(JSON.stringify({ id, origins, names }))}`;
}

/** The request in an allow page's `hash`, checked, or null. */
export function parseAllowRequest(hash) {
  try {
    const r = JSON.parse(decodeURIComponent(hash.slice(1)));
    const strings = (a) => Array.isArray(a) && a.length > 0 && a.every((s) => typeof s === 'string');
    const patterns = (a) => strings(a) && a.every((p) => /^https?:\/\/[^/*]+\/\*$/.test(p));
    return typeof r?.id === 'string' && patterns(r.origins) && strings(r.names) ? r : null;
  } catch {
    return null;
  }
}
