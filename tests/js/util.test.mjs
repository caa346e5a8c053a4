import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from '../../extension/util.js';

test('dates are shown in the reader locale, and bad dates are dropped', () => {
  assert.equal(formatDate('2026-03-14T09:30:00Z', 'en-US'), 'March 14, 2026');
  assert.equal(formatDate('not a date', 'en-US'), '');
  assert.equal(formatDate(null, 'en-US'), '');
});
