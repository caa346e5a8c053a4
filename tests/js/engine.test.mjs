// extension/engine.js: which worker each job runs in, and when a worker is ended. The workers are
// stand-ins that answer when told to, so that each case (busy, large heap, too long, failed) can
// be made to happen; the real workers run in the browser tests.

import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { FakeWorker } from './fake-worker.mjs';

globalThis.Worker = FakeWorker;
const { engineHost, KEEP_HEAP_BYTES } = await import('../../extension/engine.js');

const ARTICLE = { ok: true, article: { title: 'T', content: '<p>x</p>' }, started: 1, extracted: 2 };

beforeEach(() => {
  FakeWorker.made = [];
});

test('a worker is started at once, as a module, and the first job runs in it and keeps it', async () => {
  const host = engineHost();
  assert.equal(FakeWorker.made.length, 1);
  const [worker] = FakeWorker.made;
  assert.match(worker.url, /\/extension\/engine-worker\.js$/);
  assert.equal(worker.options.type, 'module');
  const job = host.extract('<p>x</p>', 'https://example.com/');
  assert.deepEqual(worker.jobs.map(({ op, html, url }) => ({ op, html, url })), [{ op: 'extract', html: '<p>x</p>', url: 'https://example.com/' }]);
  worker.answer(ARTICLE);
  assert.deepEqual(await job, ARTICLE);
  assert.equal(worker.terminated, false);
  // The next job finds it idle.
  host.extract('<p>y</p>', '');
  assert.equal(FakeWorker.made.length, 1);
  assert.equal(worker.jobs.length, 2);
});

test('a job that finds the worker busy gets a new one: jobs never wait for one another', async () => {
  const host = engineHost();
  const slow = host.extract('slow', '');
  const quick = host.extract('quick', '');
  assert.equal(FakeWorker.made.length, 2);
  const [first, second] = FakeWorker.made;
  assert.equal(second.jobs[0].html, 'quick');
  second.answer(ARTICLE);
  assert.deepEqual(await quick, ARTICLE);
  first.answer(ARTICLE);
  await slow;
  // One idle worker is kept; the other is ended.
  assert.equal([first, second].filter((w) => w.terminated).length, 1);
});

test('a worker whose heap grew large is ended after it answers, and the next job gets a new one', async () => {
  const host = engineHost();
  const [worker] = FakeWorker.made;
  const job = host.extract('big', '');
  worker.answer(ARTICLE, KEEP_HEAP_BYTES + 1);
  assert.deepEqual(await job, ARTICLE, 'the answer still arrives');
  assert.equal(worker.terminated, true);
  host.extract('next', '');
  assert.equal(FakeWorker.made.length, 2);
});

test('a job past its time is answered as too long and its worker ended', async () => {
  const host = engineHost();
  const [worker] = FakeWorker.made;
  const result = await host.extract('endless', '', { timeoutMs: 20 });
  assert.equal(result.ok, false);
  assert.equal(result.name, 'TooComplex');
  assert.match(result.message, /took too long/);
  assert.equal(typeof result.started, 'number');
  assert.equal(worker.terminated, true);
  // A late answer from the ended worker changes nothing.
  worker.answer(ARTICLE);
  host.extract('next', '');
  assert.equal(FakeWorker.made.length, 2);
});

test('a worker that fails answers its job with an error and is replaced', async () => {
  const host = engineHost();
  const [worker] = FakeWorker.made;
  const job = host.extract('x', '');
  worker.fail('out of memory');
  const result = await job;
  assert.equal(result.ok, false);
  assert.match(result.message, /the engine stopped: out of memory/);
  assert.equal(worker.terminated, true);
});

test('the readerable check answers yes or no, and no on a failure', async () => {
  const host = engineHost();
  const [worker] = FakeWorker.made;
  const yes = host.readerable('<article>…</article>');
  assert.equal(worker.jobs[0].op, 'readerable');
  worker.answer({ ok: true, readerable: true });
  assert.equal(await yes, true);
  const no = host.readerable('x');
  worker.fail('trap');
  assert.equal(await no, false);
});

test("a job's time can be shortened while it runs, never lengthened", async () => {
  const host = engineHost();
  const [worker] = FakeWorker.made;
  const job = host.extract('endless', '', { timeoutMs: 60_000 });
  job.limit(120_000);
  job.limit(20);
  const result = await job;
  assert.equal(result.name, 'TooComplex');
  assert.equal(worker.terminated, true);
  // A limit given after the answer changes nothing.
  const late = host.extract('late', '');
  FakeWorker.made[1].answer(ARTICLE);
  assert.deepEqual(await late, ARTICLE);
  late.limit(0);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(FakeWorker.made[1].terminated, false);
});
