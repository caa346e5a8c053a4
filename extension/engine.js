// Where the engine runs: in dedicated workers that this module starts, hands jobs to, and ends.
// A job that runs past its time (the engine's own work budget should end any page long before)
// has its worker ended and is answered with an error; a worker whose WebAssembly heap grew large
// on a big page is ended after its answer, which gives that memory back. Jobs never wait for one
// another: a job that finds no idle worker gets a new one, so a page that takes seconds holds up
// no other tab. One idle worker is kept, warm, for the next click.
//
// It runs where workers can be started: in Firefox's background page, and in Chromium in an
// offscreen document (engine-page.js), since a service worker cannot start a dedicated worker.

import { now } from './util.js';

/** How long a job may run before its worker is ended (the work budget ends pages in about 5 s). */
export const RUNAWAY_MS = 30_000;
/** A worker whose heap grew past this is ended after its job, to give the memory back. */
export const KEEP_HEAP_BYTES = 256 * 1024 * 1024;

/** What a job that ran out of time is answered with (the reader titles it by `name`). */
const RAN_AWAY = 'Reading this page took too long, so Decant stopped. The page may be built in a way that would take too long to read.';

/**
 * A job's answer when there is no article: an error of kind `name` (the reader titles it by
 * that) saying `message`, for a job begun at `started`. Every failure, wherever it is found, has
 * this shape.
 */
export function failed(name, message, started = now()) {
  return { ok: false, name, message, started, extracted: now() };
}

export function engineHost() {
  let idle = null;
  let nextId = 1;

  const start = () => new Worker(new URL('engine-worker.js', import.meta.url), { type: 'module' });
  // Warm from the start: the first click finds the engine compiled.
  idle = start();

  /**
   * Runs `job` ({ op, html, url }) in a worker; resolves to its result, never rejects. The promise
   * has `limit(ms)`, which ends the job `ms` after it started if that is sooner than its time.
   */
  function run(job, { timeoutMs = RUNAWAY_MS } = {}) {
    const worker = idle ?? start();
    idle = null;
    const id = nextId++;
    const started = now();
    let timer = 0;
    let deadline = Infinity;
    let ranAway = () => {};
    const limit = (ms) => {
      if (!(started + ms < deadline)) return;
      deadline = started + ms;
      clearTimeout(timer);
      timer = setTimeout(() => ranAway(), Math.max(0, deadline - now()));
    };
    const answer = new Promise((resolve) => {
      const finish = (result, keep) => {
        clearTimeout(timer);
        ranAway = () => {};
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (keep && idle === null) idle = worker;
        else worker.terminate();
        resolve(result);
      };
      ranAway = () => finish(failed('TooComplex', RAN_AWAY, started), false);
      function onMessage({ data }) {
        if (data?.id === id) finish(data.result, data.memory <= KEEP_HEAP_BYTES);
      }
      // The worker failed outside the engine's own errors (out of memory, a trap): a new one next time.
      function onError(event) {
        event.preventDefault?.();
        finish(failed('Error', `the engine stopped: ${event.message || 'no reason given'}`, started), false);
      }
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ id, ...job });
    });
    limit(timeoutMs);
    return Object.assign(answer, { limit });
  }

  return {
    /**
     * The article of `html` (from `url`), or the engine's error: `{ ok, article | name, message,
     * started, extracted }`; the promise's `limit(ms)` shortens the time the job may run.
     */
    extract: (html, url, options) => run({ op: 'extract', html, url }, options),
    /** Whether `html` looks like an article (the toolbar badge). */
    readerable: async (html) => {
      const result = await run({ op: 'readerable', html, url: '' });
      return result.ok && result.readerable;
    },
  };
}
