import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, normalize } from '../../extension/settings.js';

test('stored settings are validated field by field', () => {
  assert.deepEqual(normalize(undefined), DEFAULTS);
  assert.deepEqual(normalize({ theme: 'neon', font: 'comic', fontSize: 'big', width: 'huge', lineHeight: null, speechRate: 9, voice: 42, saveFormat: 'pdf' }), DEFAULTS);
  assert.equal(normalize({ voice: 'x'.repeat(501) }).voice, '');
  assert.deepEqual(normalize({ theme: 'sepia', font: 'sans', fontSize: 99, width: 'wide', lineHeight: 0.5, speechRate: 1.5, voice: 'urn:moz-tts:speechd:English', saveFormat: 'epub' }), {
    theme: 'sepia', font: 'sans', fontSize: 32, width: 'wide', lineHeight: 1.2, speechRate: 1.5, voice: 'urn:moz-tts:speechd:English', saveFormat: 'epub',
  });
  assert.equal(DEFAULTS.saveFormat, 'markdown');
  assert.equal(normalize({ lineHeight: 1.6000000001 + 0.1 }).lineHeight, 1.7);
});
