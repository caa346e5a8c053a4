// A floor's background: a toolbar press injects the floor's scripts, as Decant's worker injects
// its capture script. The benchmark loads one copy of this extension per floor, each with this
// file named worker-FLOOR.js in Chromium, or in Firefox (whose background is a page, not a
// worker) after a script setting `FLOOR` (bench/browser/run.mjs), which says which floor it draws.
const FLOORS = {
  // (1) one paragraph drawn in a closed shadow root in the page
  paragraph: ['shared.js', 'paragraph.js'],
  // (2) Readability.js in the content script, its article drawn in the page
  readability: ['Readability.js', 'shared.js', 'readability.js'],
  // (3) an extension frame over the page, showing one paragraph
  frame: ['shared.js', 'frame.js'],
};
const files = FLOORS[globalThis.FLOOR ?? location.pathname.match(/worker-(\w+)\.js$/)[1]];

/** What a press does on the tab `tabId`; the benchmark calls it in Firefox, where it cannot press. */
globalThis.floorPress = (tabId) => chrome.scripting.executeScript({ target: { tabId }, files });
chrome.action.onClicked.addListener((tab) => floorPress(tab.id));
