// Chromium's offscreen document: runs the engine's jobs for the service worker (engine.js), which
// cannot start workers itself. It answers the service worker alone.

import { ext } from './api.js';
import { KIND, dispatch } from './messages.js';
import { engineHost } from './engine.js';

const host = engineHost();

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // From the extension's service worker only: never a page's script, never a tab.
  if (sender.id !== ext.runtime.id || sender.tab !== undefined) return false;
  const later = dispatch(msg, {
    [KIND.engine]({ op, html, url, timeoutMs }) {
      const job = op === 'readerable' ? host.readerable(html) : host.extract(html, url, { timeoutMs });
      job.then(sendResponse);
      return true;
    },
  });
  return later ?? false;
});
