// `make dist`: the packages for the stores, from the one manifest and the same files.
//   dist/decant-chromium.zip  manifest.json as it is (background service worker)
//   dist/decant-firefox.xpi   the manifest with `background.scripts` and a Gecko id (unsigned)
// Each holds only what the extension loads: the manifest, extension/ (scripts, pages, styles,
// icons) and the engine (pkg/decant.js, pkg/decant_bg.wasm). Entries are deflated, in a fixed
// order with a fixed date, so the same sources give the same bytes.

import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Firefox asks each extension to declare what data it collects and sends: Decant sends none.
// Firefox reads that declaration from version 140 (142 on Android), the oldest supported ESR.
export const GECKO = { id: 'decant@decant.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } };
export const GECKO_ANDROID = { strict_min_version: '142.0' };
// Files of extension/ the extension does not load: export.css is compiled into the engine.
const NOT_SHIPPED = new Set(['extension/export.css']);

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

/** The relative imports of the module at `path` (from the repository's root), resolved. */
async function importsOf(path) {
  const text = await readFile(join(ROOT, path), 'utf8');
  const found = [];
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(join(dirname(path), m[1]));
  return found;
}

/** The modules `entries` import, directly or not, themselves included. */
async function reachable(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...(await importsOf(path)));
  }
  return seen;
}

// The reader frame loads its modules joined into one file (scripts/bundle.mjs): they ship only
// where another script still imports them (the options page shares the settings, say).
const BUNDLED = 'extension/reader.js';

/** The files each package holds, besides its manifest. */
export async function shippedFiles() {
  const files = (await walk('extension')).filter((f) => !NOT_SHIPPED.has(f));
  const bundled = await reachable([BUNDLED]);
  const used = await reachable(files.filter((f) => f.endsWith('.js') && !bundled.has(f)));
  return [...files.filter((f) => !bundled.has(f) || used.has(f)), 'pkg/decant.js', 'pkg/decant_bg.wasm'].sort();
}

/** The manifest for `browser` ('chromium' or 'firefox'). */
export async function manifestFor(browser) {
  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  if (browser === 'firefox') {
    manifest.background = { scripts: [manifest.background.service_worker], type: 'module' };
    // Firefox's background page starts the engine's workers itself (extension/engine.js).
    manifest.permissions = manifest.permissions.filter((p) => p !== 'offscreen');
    manifest.browser_specific_settings = { gecko: GECKO, gecko_android: GECKO_ANDROID };
  }
  return manifest;
}

/** A ZIP archive of `entries` ([name, bytes]), deflated, dated 1980-01-01. */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(0x21, 12); // 1980-01-01
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    header.copy(dir, 8, 6, 26); // flags, method, time, date, crc, sizes
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** The entries of a ZIP archive, read from its central directory: name → bytes. */
export function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('a broken ZIP central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(packed) : packed);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Writes both packages into `outDir`; returns their paths. */
export async function build(outDir = join(ROOT, 'dist')) {
  await mkdir(outDir, { recursive: true });
  const files = await shippedFiles();
  const contents = await Promise.all(files.map(async (f) => [f, await readFile(join(ROOT, f))]));
  const written = {};
  for (const [browser, name] of [['chromium', 'decant-chromium.zip'], ['firefox', 'decant-firefox.xpi']]) {
    const manifest = Buffer.from(`${JSON.stringify(await manifestFor(browser), null, 2)}\n`);
    const path = join(outDir, name);
    await writeFile(path, zip([['manifest.json', manifest], ...contents]));
    written[browser] = path;
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--list') {
  // What the packages hold (scripts/check-size.sh weighs it).
  for (const f of await shippedFiles()) console.log(f);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await build(process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
  for (const path of Object.values(written)) console.log(relative(process.cwd(), path));
}
