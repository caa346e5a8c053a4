// Writes the CLI's JSON for every page Decant is measured on, one file per page, so that a change
// meant to alter nothing can be shown to alter nothing: run it before and after, then `diff -r`.
//
//   node scripts/snapshot-json.mjs OUT_DIR [CLI]      (CLI: target/release/decant by default)
//
// Pages: every fixture in tests/fixtures, ../shared/corpus/readability (base URL
// http://fakehost/test/page.html, as that corpus was made) and ../shared/corpus/wcxb-dev (base URL
// from its truth.jsonl). A page the engine refuses gets its error message instead of JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [out, cli = 'target/release/decant'] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/snapshot-json.mjs OUT_DIR [CLI]');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error(`snapshot: ${cli} does not exist: run 'cargo build --release --bin decant' first`);
  process.exit(1);
}

const pages = [];
for (const f of readdirSync('tests/fixtures').filter((f) => f.endsWith('.html')).sort()) {
  pages.push({ name: `fixtures/${f}`, url: 'https://example.com/article', html: () => readFileSync(join('tests/fixtures', f)) });
}
const readability = '../shared/corpus/readability/pages';
if (existsSync(readability)) {
  for (const d of readdirSync(readability).sort()) {
    pages.push({ name: `readability/${d}`, url: 'http://fakehost/test/page.html', html: () => readFileSync(join(readability, d, 'source.html')) });
  }
}
const wcxb = '../shared/corpus/wcxb-dev';
if (existsSync(wcxb)) {
  for (const line of readFileSync(join(wcxb, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const { id, url } = JSON.parse(line);
    pages.push({ name: `wcxb-dev/${id}`, url, html: () => gunzipSync(readFileSync(join(wcxb, 'html', `${id}.html.gz`))) });
  }
}

mkdirSync(out, { recursive: true });
let refused = 0;
for (const page of pages) {
  const run = spawnSync(cli, ['-', '--format', 'json', '--url', page.url], { input: page.html(), maxBuffer: 1 << 30 });
  const file = join(out, `${page.name.replaceAll('/', '__')}.json`);
  if (run.status === 0) {
    writeFileSync(file, run.stdout);
  } else {
    refused++;
    writeFileSync(file, `exit ${run.status}: ${run.stderr}`);
  }
}
console.log(`snapshot: ${pages.length} pages written to ${out} (${refused} refused)`);
