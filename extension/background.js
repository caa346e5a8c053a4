// The service worker: opens and closes the reader on a toolbar click or the keyboard command,
// and hands each captured page to the reader frame that asks for it.

import { isCapture, isTakeCapture } from './messages.js';

// Captures wait here between the capture script and the reader frame: a second at most. They are
// taken once and never stored anywhere else.
const captures = new Map();

/** Opens the reader on the tab, or closes it if it is open: what a click on the button does. */
async function toggleReader(tabId) {
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ['extension/capture.js'] });
    await chrome.action.setBadgeText({ tabId, text: '' });
  } catch (error) {
    // Browser pages, the web store and PDF viewers do not allow scripts: say so on the button.
    console.warn('Decant cannot run on this page:', error);
    await chrome.action.setBadgeText({ tabId, text: '!' });
    await chrome.action.setTitle({ tabId, title: 'Decant cannot open this page (the browser does not allow it)' });
  }
}

chrome.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) toggleReader(tab.id);
});

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only the extension's own scripts can send here; still, check the shape of what arrives.
  if (sender.id !== chrome.runtime.id) return false;
  if (isCapture(msg)) {
    const id = crypto.randomUUID();
    captures.set(id, { html: msg.html, url: msg.url, title: String(msg.title ?? '') });
    // A reader that never asks (the tab closed first) must not keep the page in memory.
    setTimeout(() => captures.delete(id), 60_000);
    sendResponse({ ok: true, id });
    return false;
  }
  if (isTakeCapture(msg)) {
    const capture = captures.get(msg.id);
    captures.delete(msg.id);
    sendResponse(capture ? { ok: true, capture } : { ok: false, error: 'The page capture has expired. Click the Decant button again.' });
    return false;
  }
  return false;
});

// The browser tests open the reader through this, the same function a click runs.
globalThis.decantToggleReader = toggleReader;
