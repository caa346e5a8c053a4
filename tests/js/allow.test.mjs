// The allow page's request (extension/reader/allow-request.js) and the messages around it: what
// the reader puts in the page's address reads back, and nothing else is taken for a request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowPageUrl, parseAllowRequest } from '../../extension/reader/allow-request.js';
import { KIND, dispatch } from '../../extension/messages.js';

test('the request in the allow page address reads back as it was written', () => {
  const url = new URL(allowPageUrl('moz-extension://x/extension/allow.html', 'id-1', ['https://cdn.example/*', 'http://127.0.0.2/*'], ['cdn.example', '127.0.0.2']));
  assert.deepEqual(parseAllowRequest(url.hash), { id: 'id-1', origins: ['https://cdn.example/*', 'http://127.0.0.2/*'], names: ['cdn.example', '127.0.0.2'] });
});

test('the allow page asks for nothing but the sites of single hosts', () => {
  const hash = (r) => `#${encodeURIComponent(JSON.stringify(r))}`;
  for (const origins of [['<all_urls>'], ['*://*/*'], ['https://*.example/*'], ['file:///*'], ['https://cdn.example/path/*'], [], 'https://cdn.example/*']) {
    assert.equal(parseAllowRequest(hash({ id: 'a', origins, names: ['x'] })), null, JSON.stringify(origins));
  }
  assert.equal(parseAllowRequest('#not json'), null);
  assert.equal(parseAllowRequest(hash({ origins: ['https://cdn.example/*'], names: ['cdn.example'] })), null);
});

test('a question about sites needs its sites; an allow page that shows itself needs its id', () => {
  const asked = [];
  const handlers = { [KIND.hostsAllowed]: (m) => asked.push(m), [KIND.allowShown]: (m) => asked.push(m) };
  dispatch({ kind: KIND.hostsAllowed, origins: ['https://cdn.example/*'] }, handlers);
  dispatch({ kind: KIND.hostsAllowed, origins: ['https://cdn.example/*'], id: 'r' }, handlers);
  dispatch({ kind: KIND.hostsAllowed, origins: [] }, handlers);
  dispatch({ kind: KIND.hostsAllowed, origins: ['https://cdn.example/*'], id: 7 }, handlers);
  dispatch({ kind: KIND.allowShown, id: 'r' }, handlers);
  dispatch({ kind: KIND.allowShown }, handlers);
  assert.equal(asked.length, 3);
});
