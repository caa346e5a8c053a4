// A floor's service worker: a toolbar press injects the floor's scripts, as Decant's worker
// injects its capture script. The benchmark loads one copy of this extension per floor, each
// with this file named worker-FLOOR.js (bench/browser/run.mjs), which says which floor it draws.
const FLOORS = {
  // (1) one paragraph drawn in a closed shadow root in the page
  paragraph: ['shared.js', 'paragraph.js'],
  // (2) Readability.js in the content script, its article drawn in the page
  readability: ['Readability.js', 'shared.js', 'readability.js'],
  // (3) an extension frame over the page, showing one paragraph
  frame: ['shared.js', 'frame.js'],
};
const files = FLOORS[location.pathname.match(/worker-(\w+)\.js$/)[1]];

chrome.action.onClicked.addListener((tab) => {
  chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
});
