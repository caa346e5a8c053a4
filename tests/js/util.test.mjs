import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileName, formatDate } from '../../extension/util.js';

test('file names are safe on every system', () => {
  assert.equal(fileName('Harbor Town: Votes / Rebuilds?', 'md'), 'Harbor Town Votes Rebuilds.md');
  assert.equal(fileName('  ...hidden.  ', 'md'), 'hidden.md');
  assert.equal(fileName('CON', 'md'), 'article.md');
  assert.equal(fileName('', 'md'), 'article.md');
  assert.equal(fileName('a\u0000b\nc', 'txt'), 'a b c.txt');
  assert.equal(Array.from(fileName('字'.repeat(300), 'md')).length, 103);
});

test('dates are shown in the reader locale, and bad dates are dropped', () => {
  assert.equal(formatDate('2026-03-14T09:30:00Z', 'en-US'), 'March 14, 2026');
  assert.equal(formatDate('not a date', 'en-US'), '');
  assert.equal(formatDate(null, 'en-US'), '');
});
