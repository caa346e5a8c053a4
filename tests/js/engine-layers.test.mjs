// The engine's layers (README, "How it works"): each module of src/ may use only the layers below
// it, and no two files use each other, directly or round a circle. Read from the sources, so that
// a new `use` that breaks the shape fails here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

// Lowest first. A module may use its own layer's modules and any layer below.
const LAYERS = [
  ['text', 'url', 'dates', 'article'],
  ['dom'],
  ['sanitize'],
  ['extract', 'save'],
  ['crate', 'wasm'],
];
// Within a layer, what may not use what (beyond the circle check).
const APART = [['extract', 'save'], ['save', 'extract']];

async function rustFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'bin') out.push(...(await rustFiles(path)));
    else if (entry.name.endsWith('.rs')) out.push(path);
  }
  return out;
}

/** Module path of a file: src/extract/mod.rs is `extract`, src/dom/parse.rs `dom::parse`. */
function moduleOf(path) {
  const rel = relative(SRC, path).replace(/\.rs$/, '').replace(/\/mod$/, '');
  return rel === 'lib' ? 'crate' : rel.split('/').join('::');
}

/** The modules `source` (of module `self`) uses, by `crate::`, `super::` and `self::` paths. */
function uses(self, source, modules) {
  const code = source.replace(/#\[cfg\(test\)\]\s*mod tests \{[^]*$/, '').replace(/\/\/.*$/gm, '');
  const parent = self === 'crate' ? [] : self.split('::').slice(0, -1);
  const paths = [];
  for (const m of code.matchAll(/\b(crate|super|self)((?:::\w+)+)/g)) paths.push([m[1], m[2].slice(2).split('::')]);
  for (const m of code.matchAll(/\b(crate|super)::\{([^}]*)\}/g)) {
    for (const item of m[2].split(',')) {
      const name = item.trim().split(/\s/)[0].split('::')[0];
      if (name && name !== 'self') paths.push([m[1], [name]]);
    }
  }
  const found = new Set();
  for (const [anchor, parts] of paths) {
    const base = anchor === 'crate' ? [] : anchor === 'super' ? parent : self === 'crate' ? [] : self.split('::');
    const full = [...base, ...parts];
    for (let i = full.length; i > 0; i--) {
      const candidate = full.slice(0, i).join('::');
      if (modules.has(candidate)) {
        found.add(candidate);
        break;
      }
      if (i === 1) found.add('crate');
    }
  }
  found.delete(self);
  // A file's own parent module is where it is declared, not a dependency (dom/parse.rs and dom).
  return [...found].filter((m) => !self.startsWith(`${m}::`));
}

const files = await rustFiles(SRC);
const sources = new Map(await Promise.all(files.map(async (f) => [moduleOf(f), await readFile(f, 'utf8')])));
const modules = new Set(sources.keys());
const graph = new Map([...sources].map(([m, src]) => [m, uses(m, src, modules)]));
const top = (m) => m.split('::')[0];
const layer = (m) => LAYERS.findIndex((names) => names.includes(top(m)));

test('every module of src/ is in a layer', () => {
  assert.ok(modules.size >= 20, `only ${modules.size} modules found`);
  for (const m of modules) assert.notEqual(layer(m), -1, `${m} is in no layer`);
});

test('each module uses only its own layer and the layers below', () => {
  const wrong = [];
  for (const [m, deps] of graph) {
    for (const d of deps) {
      if (top(d) === top(m)) continue;
      if (layer(d) > layer(m) || APART.some(([a, b]) => top(m) === a && top(d) === b)) wrong.push(`${m} uses ${d}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no files use each other, directly or round a circle', () => {
  const state = new Map();
  const circles = [];
  const visit = (m, path) => {
    state.set(m, 'open');
    for (const d of graph.get(m) ?? []) {
      if (state.get(d) === 'open') circles.push([...path.slice(path.indexOf(d)), d].join(' → '));
      else if (!state.has(d)) visit(d, [...path, d]);
    }
    state.set(m, 'done');
  };
  for (const m of [...modules].sort()) if (!state.has(m)) visit(m, [m]);
  assert.deepEqual(circles, []);
});

test('the checker sees a use, a circle and a layer broken', () => {
  const fake = new Set(['dom', 'extract', 'extract::score', 'extract::nodes', 'text']);
  assert.deepEqual(uses('extract::score', 'use super::nodes::{text_len};\nuse crate::dom::Dom;', fake).sort(), ['dom', 'extract::nodes']);
  assert.deepEqual(uses('dom', 'let x = crate::extract::score::grab(1);', fake), ['extract::score']);
  assert.ok(layer('dom') < layer('extract::score'), 'a use of extract from dom would be reported');
});
