// The reader's lead image: one picture served at several sizes is one picture (the same cases as
// picture_key's in src/save/shared.rs, which the saved files use).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pictureKey } from '../../extension/reader/view.js';

test('one picture at several sizes is one picture', () => {
  const key = pictureKey('https://cdn.example/2026/05/harbour.jpg');
  for (const other of [
    'https://cdn.example/2026/05/harbour-1024x683.jpg',
    'https://cdn.example/2026/05/harbour-scaled.jpg?w=800',
    'https://img.example/other/path/Harbour@2x.webp',
    'https://cdn.example/2026/05/harbour-e1655764206748.jpg',
  ]) assert.equal(pictureKey(other), key, other);
  assert.notEqual(pictureKey('https://cdn.example/2026/05/harbour-at-night.jpg'), key);
  assert.notEqual(pictureKey('https://cdn.example/a/image.jpg'), pictureKey('https://cdn.example/b/image.jpg'));
});
