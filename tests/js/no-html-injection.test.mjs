// The extension never turns page strings into markup: no innerHTML/outerHTML assignment, no
// insertAdjacentHTML, no document.write, no eval. (Reading outerHTML to capture is fine.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');
const FORBIDDEN = [
  [/\.(inner|outer)HTML\s*\+?=(?!=)/, 'assigns innerHTML/outerHTML'],
  [/insertAdjacentHTML/, 'uses insertAdjacentHTML'],
  [/document\.write/, 'uses document.write'],
  [/\beval\s*\(|new\s+Function\s*\(/, 'evaluates strings as code'],
  [/javascript:/i, 'builds a javascript: URL'],
];

test('no extension script builds HTML from strings', async () => {
  const files = (await readdir(EXTENSION)).filter((f) => f.endsWith('.js'));
  assert.ok(files.length >= 4);
  const problems = [];
  for (const file of files) {
    const lines = (await readFile(join(EXTENSION, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (line.trim().startsWith('//')) return;
      for (const [pattern, why] of FORBIDDEN) if (pattern.test(line)) problems.push(`extension/${file}:${i + 1} ${why}: ${line.trim()}`);
    });
  }
  assert.deepEqual(problems, []);
});
