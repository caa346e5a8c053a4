// extension/engine-page.js, Chromium's engine document: a page's capture is extracted as it
// arrives there, the service worker's question joins that extraction, and the reader frame has
// the article from the document as soon as it is ready, once. The extension API and the engine's
// workers are stand-ins; the channel is Node's own BroadcastChannel.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeWorker } from './fake-worker.mjs';
import { ARTICLES_CHANNEL, KIND } from '../../extension/messages.js';

let onMessage = null;
globalThis.Worker = FakeWorker;
// The document's channel and its long timers (60 s keeps, 30 s limits) do not hold the tests open.
const Channel = BroadcastChannel;
globalThis.BroadcastChannel = class extends Channel {
  constructor(name) {
    super(name);
    this.unref();
  }
};
const setTimer = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms, ...args) => {
  const timer = setTimer(fn, ms, ...args);
  if (ms >= 1000) timer.unref();
  return timer;
};
globalThis.chrome = { runtime: { id: 'decant', onMessage: { addListener: (listener) => { onMessage = listener; } } } };
await import('../../extension/engine-page.js');

const ID = 'ab'.repeat(16);
const OTHER = 'cd'.repeat(16);
const ARTICLE = { ok: true, article: { title: 'T', content: '<p>x</p>' }, started: 1, extracted: 2 };
const frame = new Channel(ARTICLES_CHANNEL);
after(() => frame.close());

/** What the document does with `msg` from `sender`: a promise of its reply, if it replies. */
function send(msg, sender = {}) {
  return new Promise((resolve) => {
    const later = onMessage(msg, { id: 'decant', ...sender }, resolve);
    if (!later) resolve(undefined);
  });
}

/** The frame's question for capture `id`, answered with the document's `result`. */
function ask(id) {
  return new Promise((resolve) => {
    frame.addEventListener('message', function heard({ data }) {
      if (data?.kind !== KIND.article || data.id !== id) return;
      frame.removeEventListener('message', heard);
      resolve(data.result);
    });
    frame.postMessage({ kind: KIND.askArticle, id });
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test('a capture is extracted as it arrives; the frame has the article first, once; the worker its result without it', async () => {
  // The frame asks before the page has arrived.
  const answer = ask(ID);
  await tick();
  const jobsBefore = FakeWorker.made.flatMap((w) => w.jobs).length;
  await send({ kind: KIND.capture, id: ID, html: '<p>x</p>', url: 'https://example.com/', timing: {} }, { tab: { id: 1 } });
  const workers = FakeWorker.made.filter((w) => w.jobs.length);
  assert.equal(FakeWorker.made.flatMap((w) => w.jobs).length, jobsBefore + 1, 'extracted as it arrived, before any question of the worker');
  const worker = workers.at(-1);
  assert.equal(worker.jobs.at(-1).html, '<p>x</p>');
  // The worker's question joins it: no second extraction.
  const forWorker = send({ kind: KIND.engine, op: 'page', id: ID, keep: true });
  await tick();
  assert.equal(FakeWorker.made.flatMap((w) => w.jobs).length, jobsBefore + 1);
  worker.answer(ARTICLE);
  assert.deepEqual(await answer, ARTICLE);
  assert.deepEqual(await forWorker, { ok: true, started: 1, extracted: 2, kept: true });
  // Once: a second question has nothing.
  assert.equal(await ask(ID), null);
});

test("the worker's shorter time limit ends an extraction begun on arrival", async () => {
  await send({ kind: KIND.capture, id: OTHER, html: '<p>endless</p>', url: 'https://example.com/', timing: {} }, { tab: { id: 1 } });
  const worker = FakeWorker.made.find((w) => w.jobs.some((j) => j.html === '<p>endless</p>'));
  const result = await send({ kind: KIND.engine, op: 'page', id: OTHER, keep: true, timeoutMs: 10 });
  assert.equal(result.name, 'TooComplex');
  assert.equal(worker.terminated, true);
});

test('a page that is not a capture from a tab is not extracted', async () => {
  const before = FakeWorker.made.flatMap((w) => w.jobs).length;
  await send({ kind: KIND.capture, id: 'ef'.repeat(16), html: '<p>x</p>', url: 'https://example.com/' }, {}); // not from a tab
  await send({ kind: KIND.capture, id: 'not an id', html: '<p>x</p>', url: 'https://example.com/' }, { tab: { id: 1 } });
  await send({ kind: KIND.capture, id: '12'.repeat(16), html: '<p>x</p>', url: 'https://example.com/' }, { id: 'another extension', tab: { id: 1 } });
  assert.equal(FakeWorker.made.flatMap((w) => w.jobs).length, before);
});
