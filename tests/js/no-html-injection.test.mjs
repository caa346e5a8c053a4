// The extension never turns page strings into markup: no innerHTML/outerHTML assignment, no
// insertAdjacentHTML, no document.write, no eval, no innerHTML handed over as a property (as to
// el() or Object.assign). (Reading outerHTML to capture is fine.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');
const FORBIDDEN = [
  [/\.(inner|outer)HTML\s*\+?=(?!=)/, 'assigns innerHTML/outerHTML'],
  [/\[\s*['"`](inner|outer)HTML['"`]\s*\]\s*\+?=(?!=)/, 'assigns innerHTML/outerHTML by a computed name'],
  [/\b(inner|outer)HTML['"`]?\s*:/, 'passes innerHTML/outerHTML as a property (to el() or Object.assign)'],
  [/insertAdjacentHTML/, 'uses insertAdjacentHTML'],
  [/document\.write/, 'uses document.write'],
  [/\beval\s*\(|new\s+Function\s*\(/, 'evaluates strings as code'],
  [/javascript:/i, 'builds a javascript: URL'],
];

test('no extension script builds HTML from strings', async () => {
  const files = (await readdir(EXTENSION, { recursive: true })).filter((f) => f.endsWith('.js'));
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

/** The directives of the Content-Security-Policy meta tag in an extension page. */
async function pagePolicy(file) {
  const html = await readFile(join(EXTENSION, file), 'utf8');
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(content, `${file} has no Content-Security-Policy`);
  return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

test('the reader and options pages have a strict policy of their own', async () => {
  for (const file of ['reader.html', 'options.html']) {
    const csp = await pagePolicy(file);
    assert.deepEqual(csp['default-src'], ["'none'"], file);
    assert.ok(csp['script-src'].every((s) => s === "'self'" || s === "'wasm-unsafe-eval'"), `${file}: script-src ${csp['script-src']}`);
    assert.deepEqual(csp['object-src'], ["'none'"], file);
    assert.deepEqual(csp['base-uri'], ["'none'"], file);
    assert.ok(!JSON.stringify(csp).includes('unsafe-inline'), `${file} allows inline code`);
  }
});

test("the reader's frame-src is exactly the engine's video hosts", async () => {
  const rust = await readFile(join(EXTENSION, '..', 'src', 'sanitize.rs'), 'utf8');
  const list = rust.match(/pub const VIDEO_HOSTS: &\[&str\] = &\[([^\]]*)\]/)?.[1];
  assert.ok(list, 'VIDEO_HOSTS not found in src/sanitize.rs');
  const hosts = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.ok(hosts.length >= 3);
  const expected = hosts.flatMap((h) => [`https://${h}`, `https://*.${h}`]);
  assert.deepEqual((await pagePolicy('reader.html'))['frame-src'], expected);
});

test('the patterns catch each form of markup assignment', () => {
  const caught = (line) => FORBIDDEN.some(([pattern]) => pattern.test(line));
  for (const bad of ['node.innerHTML = html;', "node['outerHTML'] = html;", "el('div', { innerHTML: html })",
    "Object.assign(node, { 'innerHTML': html })", 'node.insertAdjacentHTML("beforeend", html)']) {
    assert.ok(caught(bad), bad);
  }
  for (const fine of ['const html = document.documentElement.outerHTML;', "el('p', { textContent: text })"]) {
    assert.ok(!caught(fine), fine);
  }
});
