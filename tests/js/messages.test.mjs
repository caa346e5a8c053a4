// The extension's messages (extension/messages.js): each receiver acts only on a well-formed
// message of a kind it handles, and the reader only on a reply with what it reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { KIND, dispatch, isArticleReply, isResult } from '../../extension/messages.js';

const EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');

test('dispatch calls the handler of a well-formed message, with the message', () => {
  const seen = [];
  const handlers = { [KIND.capture]: (m) => (seen.push(m), 'later'), [KIND.probe]: () => 'probed' };
  const capture = { kind: KIND.capture, id: '0123456789abcdef0123456789abcdef', html: '<p>x</p>', url: 'https://a.example/' };
  assert.equal(dispatch(capture, handlers), 'later');
  assert.deepEqual(seen, [capture]);
  assert.equal(dispatch({ kind: KIND.probe, html: '' }, handlers), 'probed');
});

test('dispatch ignores what is not a message it handles', () => {
  let called = 0;
  const count = () => ++called;
  const handlers = { [KIND.capture]: count, [KIND.takeCapture]: count, toString: count, __proto__: { [KIND.probe]: count } };
  for (const msg of [
    undefined,
    null,
    'decant:capture',
    {},
    { kind: 'decant:unknown', html: '', url: '' },
    { kind: KIND.capture, html: 42, url: 'https://a.example/' }, // wrong field type
    { kind: KIND.capture, html: '<p>x</p>' }, // missing url
    { kind: KIND.capture, html: '<p>x</p>', url: 'https://a.example/' }, // missing id
    { kind: KIND.capture, id: 'capture-1', html: '<p>x</p>', url: 'https://a.example/' }, // an id not made by capture.js
    { kind: KIND.takeCapture, id: 7 },
    { kind: KIND.probe, html: '<p>x</p>' }, // a handler only inherited
    { kind: KIND.close }, // not a worker's message
    { kind: 'toString' },
  ]) {
    assert.equal(dispatch(msg, handlers), undefined, JSON.stringify(msg));
  }
  assert.equal(called, 0);
});

test('the reader reads an article reply or an error reply, and nothing else', () => {
  const timing = { started: 1, captured: 2 };
  const article = { ok: true, article: { content: '<p>x</p>', title: 'T' }, started: 3, extracted: 4 };
  const error = { ok: false, name: 'NoArticle', message: 'no article found', started: 3, extracted: 4 };
  assert.ok(isArticleReply({ ok: true, timing, result: article }));
  assert.ok(isArticleReply({ ok: true, timing, result: error }));
  // Chromium: the article kept by the engine's document, which hands it to the frame itself.
  assert.ok(isArticleReply({ ok: true, timing, result: { ok: true, kept: true, started: 3, extracted: 4 } }));
  for (const reply of [
    { ok: true, timing, result: { ok: true, kept: 'yes', started: 3, extracted: 4 } },
    undefined,
    { ok: false, error: 'The page capture has expired.' },
    { ok: true, timing, result: null },
    { ok: true, result: article }, // no timing
    { ok: true, timing, result: { ...article, article: { title: 'no content' } } },
    { ok: true, timing, result: { ...error, message: undefined } },
    { ok: true, timing, result: { ...article, started: '3' } },
  ]) {
    assert.equal(isArticleReply(reply), false, JSON.stringify(reply));
  }
});

test("the engine document's answer to the frame is read only when it holds the article or an error", () => {
  const article = { ok: true, article: { content: '<p>x</p>', title: 'T' }, started: 3, extracted: 4 };
  const error = { ok: false, name: 'NoArticle', message: 'no article found', started: 3, extracted: 4 };
  assert.ok(isResult(article));
  assert.ok(isResult(error));
  // Word that the article is kept elsewhere is no article: only the worker's reply may say so.
  for (const result of [{ ok: true, kept: true, started: 3, extracted: 4 }, null, 'x', { ...article, extracted: undefined }, { ...article, article: null }]) {
    assert.equal(isResult(result), false, JSON.stringify(result));
  }
});

test('every receiver in the extension goes through a check', async () => {
  const background = await readFile(join(EXTENSION, 'background.js'), 'utf8');
  const listener = background.slice(background.indexOf('runtime.onMessage.addListener'));
  assert.match(listener, /^[^]*?sender\.id !== ext\.runtime\.id[^]*?dispatch\(msg,/, 'the worker checks the sender, then dispatches');
  assert.doesNotMatch(background, /msg\.kind|msg\?\.kind/, 'the worker reads kinds only through dispatch');
  const reader = await readFile(join(EXTENSION, 'reader.js'), 'utf8');
  assert.match(reader, /if \(!isArticleReply\(reply\)\)/, 'the reader checks the reply before reading it');
  assert.match(reader, /done\(isResult\(data\.result\) \? data\.result : null\)/, "the reader checks the engine document's answer before reading it");
  // The page script and the reader frame talk over a port handed to the frame alone: the page
  // script hears no window message, and hands the port over addressed to the extension's origin.
  const capture = await readFile(join(EXTENSION, 'capture.js'), 'utf8');
  assert.doesNotMatch(capture, /addEventListener\('message'|onmessage = \(|window\.onmessage/, 'the page script listens to window messages');
  assert.match(capture, /channel\.port1\.onmessage = onFrameMessage/);
  assert.match(capture, /contentWindow\.postMessage\(\{ kind: CONNECT, id \}, origin, \[channel\.port2\]\)/, 'the port is not addressed to the extension alone');
  const frame = await readFile(join(EXTENSION, 'reader', 'page.js'), 'utf8');
  assert.match(frame, /event\.source !== window\.parent \|\| msg\?\.kind !== KIND\.connect \|\| msg\.id !== id/, 'the frame takes a port from anyone');
  for (const file of ['capture.js', 'reader.js', join('reader', 'page.js')]) {
    assert.doesNotMatch(await readFile(join(EXTENSION, file), 'utf8'), /postMessage\([^)]*'\*'/, `${file} posts to any origin`);
  }
});

test("the engine's jobs: a page with its address, a capture's id alone, or a ping", () => {
  const handlers = { [KIND.engine]: (m) => m.op };
  const id = '0123456789abcdef0123456789abcdef';
  assert.equal(dispatch({ kind: KIND.engine, op: 'extract', html: '<p>x</p>', url: '' }, handlers), 'extract');
  assert.equal(dispatch({ kind: KIND.engine, op: 'page', id, timeoutMs: 2000 }, handlers), 'page');
  assert.equal(dispatch({ kind: KIND.engine, op: 'ping' }, handlers), 'ping');
  assert.equal(dispatch({ kind: KIND.engine, op: 'page', id, keep: true }, handlers), 'page');
  assert.equal(dispatch({ kind: KIND.engine, op: 'extract', html: '', url: '', id, keep: true }, handlers), 'extract');
  for (const msg of [
    { kind: KIND.engine, op: 'page' }, // no id
    { kind: KIND.engine, op: 'page', id: 'capture-1' }, // an id not made by capture.js
    { kind: KIND.engine, op: 'extract', id }, // a page's job without the page
    { kind: KIND.engine, op: 'delete', id },
    { kind: KIND.engine, op: 'page', id, timeoutMs: -1 },
    { kind: KIND.engine, op: 'extract', html: '<p>x</p>', url: '', keep: true }, // kept, but for no capture
    { kind: KIND.engine, op: 'page', id, keep: 'yes' },
  ]) {
    assert.equal(dispatch(msg, handlers), undefined, JSON.stringify(msg));
  }
});
