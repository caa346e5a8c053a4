import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, normalize } from '../../extension/settings.js';

test('stored settings are validated field by field', () => {
  assert.deepEqual(normalize(undefined), DEFAULTS);
  assert.deepEqual(normalize({ theme: 'neon', font: 'comic', fontSize: 'big', width: 'huge', lineHeight: null, speechRate: 9, voice: 42, saveFormat: 'pdf' }), DEFAULTS);
  assert.equal(normalize({ voice: 'x'.repeat(501) }).voice, '');
  assert.deepEqual(normalize({ theme: 'sepia', font: 'sans', fontSize: 99, width: 'wide', lineHeight: 0.5, speechRate: 1.5, voice: 'urn:moz-tts:speechd:English', saveFormat: 'epub' }), {
    ...DEFAULTS, theme: 'sepia', font: 'sans', fontSize: 32, width: 'wide', lineHeight: 1.2, speechRate: 1.5, voice: 'urn:moz-tts:speechd:English', saveFormat: 'epub',
  });
  assert.equal(DEFAULTS.saveFormat, 'markdown');
  assert.equal(normalize({ lineHeight: 1.6000000001 + 0.1 }).lineHeight, 1.7);
});

test('the reading settings beyond size and theme are validated too', () => {
  const broken = { weight: 'heavy', letterSpacing: 'wide', wordSpacing: -3, align: 'center', textColor: 'red', backgroundColor: '#12345', lineFocus: 'yes', font: 'papyrus', theme: 'neon' };
  const got = normalize(broken);
  for (const key of Object.keys(broken)) {
    const expected = key === 'wordSpacing' ? 0 : DEFAULTS[key];
    assert.deepEqual(got[key], expected, key);
  }
  assert.deepEqual(normalize({ weight: 'bold', letterSpacing: 0.5, wordSpacing: 0.1 + 0.05, align: 'justify', textColor: '#FFEEDD', backgroundColor: '#000000', lineFocus: true, font: 'opendyslexic', theme: 'custom' }), {
    ...DEFAULTS, weight: 'bold', letterSpacing: 0.2, wordSpacing: 0.15, align: 'justify', textColor: '#ffeedd', backgroundColor: '#000000', lineFocus: true, font: 'opendyslexic', theme: 'custom',
  });
  for (const theme of ['light', 'sepia', 'dark', 'gray', 'contrast', 'custom', 'auto']) assert.equal(normalize({ theme }).theme, theme);
  for (const font of ['serif', 'sans', 'mono', 'atkinson', 'opendyslexic']) assert.equal(normalize({ font }).font, font);
});
