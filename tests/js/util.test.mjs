import { test } from 'node:test';
import assert from 'node:assert/strict';
import { el, formatDate } from '../../extension/util.js';

test('dates are shown in the reader locale, and bad dates are dropped', () => {
  assert.equal(formatDate('2026-03-14T09:30:00Z', 'en-US'), 'March 14, 2026');
  assert.equal(formatDate('not a date', 'en-US'), '');
  assert.equal(formatDate(null, 'en-US'), '');
});

test('el() builds an element but refuses properties that parse HTML', () => {
  const made = [];
  globalThis.document = {
    createElement: (tag) => {
      const node = { tag, children: [], append(...c) { this.children.push(...c); } };
      made.push(node);
      return node;
    },
  };
  try {
    const p = el('p', { className: 'x', textContent: 'hi' }, 'there');
    assert.deepEqual([p.tag, p.className, p.textContent, p.children], ['p', 'x', 'hi', ['there']]);
    for (const prop of ['innerHTML', 'outerHTML']) {
      assert.throws(() => el('div', { [prop]: '<img src=x onerror=alert(1)>' }), /does not set/);
    }
    assert.equal(made.length, 1, 'no element is made when a property is refused');
  } finally {
    delete globalThis.document;
  }
});
