// The question Save asks where the reader cannot ask the browser itself: Firefox gives an
// extension frame inside a page no `permissions` API, so the reader opens this page, whose Allow
// button asks the browser for the sites of the article's images, and the page closes. The reader
// that opened it then asks the browser (through the background) what the user answered.

import { ext } from './api.js';
import { KIND } from './messages.js';
import { parseAllowRequest } from './reader/allow-request.js';

const asked = parseAllowRequest(location.hash);
// The reader learns the answer from the browser itself once this window has closed.
const answer = () => window.close();

if (!asked) {
  document.getElementById('hosts').textContent = 'no site that was named';
  document.getElementById('allow').disabled = true;
} else {
  document.getElementById('hosts').textContent = asked.names.join(', ');
  // The background answers the reader once this window's tab has closed.
  ext.runtime.sendMessage({ kind: KIND.allowShown, id: asked.id }).catch(() => {});
}
document.getElementById('allow').addEventListener('click', () => {
  // Straight from the click: the browser asks only while it is being handled.
  ext.permissions.request({ origins: asked.origins }).then(answer, answer);
});
document.getElementById('not-now').addEventListener('click', answer);
document.getElementById('allow').focus();
