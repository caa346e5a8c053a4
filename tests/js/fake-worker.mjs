// A stand-in for the engine's dedicated workers (extension/engine-worker.js), for the tests of
// what starts them: it records what it is sent and answers when told to, so that each case
// (busy, large heap, too long, failed) can be made to happen; the real workers run in the
// browser tests.

/** A stand-in for a dedicated worker: records what it is sent, answers on demand. */
export class FakeWorker {
  static made = [];

  constructor(url, options) {
    this.url = String(url);
    this.options = options;
    this.listeners = { message: new Set(), error: new Set() };
    this.jobs = [];
    this.terminated = false;
    FakeWorker.made.push(this);
  }

  addEventListener(type, listener) {
    this.listeners[type].add(listener);
  }

  removeEventListener(type, listener) {
    this.listeners[type].delete(listener);
  }

  postMessage(job) {
    this.jobs.push(job);
  }

  terminate() {
    this.terminated = true;
  }

  /** Answers its last job with `result`, its heap `memory` bytes large. */
  answer(result, memory = 16 * 1024 * 1024) {
    for (const listener of this.listeners.message) listener({ data: { id: this.jobs.at(-1).id, result, memory } });
  }

  fail(message) {
    for (const listener of this.listeners.error) listener({ message, preventDefault() {} });
  }
}
