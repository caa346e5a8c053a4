// The pathological pages of `decant-limits`, in WebAssembly: the engine the extension runs
// (pkg/), loaded in Node. Each case runs in its own Node process, which reads the page that
// `decant-limits --page NAME` writes, runs the readerable check, extracts the page and writes
// every saved format; it reports the time, the peak memory of the process and of the WASM heap,
// and the largest saved file. Prints a table; exits 1 if a budget is exceeded.
//
//     node scripts/limits-wasm.mjs        (after `cargo build --release --bin decant-limits`)

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIMITS = join(ROOT, 'target', 'release', 'decant-limits');

// As natively (src/bin/decant-limits.rs), with room for Node itself and for the page held both
// as a JS string and as the engine's copy.
const MAX_SECONDS = 10;
const MAX_MEMORY_PER_INPUT_BYTE = 64;
const BASELINE_BYTES = 96e6;
const MAX_MEMORY_BYTES = 1.5e9;
const MAX_OUTPUT_PER_INPUT_BYTE = 4;


async function runCase(file) {
  const engine = await import(join(ROOT, 'pkg', 'decant.js'));
  const wasm = engine.initSync({ module: readFileSync(join(ROOT, 'pkg', 'decant_bg.wasm')) });
  const html = readFileSync(file, 'utf8');
  const start = performance.now();
  let outcome;
  let saved = 0;
  try {
    engine.isProbablyReaderable(html);
    const article = engine.extract(html, 'https://limits.example/page');
    const files = engine.Saved.fromArticle(article);
    saved = Math.max(files.markdown().length, files.text().length, files.html().length, files.epub().length);
    outcome = `article of ${article.wordCount} words`;
  } catch (error) {
    outcome = `refused: ${error.name}`;
  }
  const seconds = (performance.now() - start) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  const heap = wasm.memory.buffer.byteLength;
  console.log(JSON.stringify({ input: Buffer.byteLength(html), seconds, peak, heap, saved, outcome }));
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'decant-limits-'));
  let ok = true;
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'case (WASM)'.padEnd(16)} ${pad('input', 9)} ${pad('seconds', 8)} ${pad('peak MB', 8)} ${pad('heap MB', 8)} ${pad('saved MB', 9)}  result`);
  try {
    // The cases natively run, named by the binary that builds their pages.
    const cases = execFileSync(LIMITS, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const name of cases) {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, execFileSync(LIMITS, ['--page', name], { maxBuffer: 1 << 30 }));
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      rmSync(file);
      let r;
      try {
        r = JSON.parse(child.stdout.trim().split('\n').pop());
      } catch {
        console.log(`${name.padEnd(16)} failed: ${(child.stderr || `exit ${child.status}`).trim().split('\n').slice(-3).join(' ')}`);
        ok = false;
        continue;
      }
      const overTime = r.seconds > MAX_SECONDS;
      const overMemory = r.peak > Math.min(r.input * MAX_MEMORY_PER_INPUT_BYTE + BASELINE_BYTES, MAX_MEMORY_BYTES);
      const overOutput = r.saved > r.input * MAX_OUTPUT_PER_INPUT_BYTE;
      ok &&= !overTime && !overMemory && !overOutput && child.status === 0;
      const mb = (b) => (b / 1e6).toFixed(1);
      console.log(`${name.padEnd(16)} ${pad(mb(r.input), 7)}MB ${pad(r.seconds.toFixed(2), 8)} ${pad(mb(r.peak), 8)} ${pad(mb(r.heap), 8)} ${pad(mb(r.saved), 9)}  ${r.outcome}`
        + `${overTime ? '  OVER TIME BUDGET' : ''}${overMemory ? '  OVER MEMORY BUDGET' : ''}${overOutput ? '  OVER OUTPUT BUDGET' : ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`budgets: ${MAX_SECONDS} s per case; peak memory of the process <= ${MAX_MEMORY_PER_INPUT_BYTE} x input + ${BASELINE_BYTES / 1e6} MB, and <= ${MAX_MEMORY_BYTES / 1e6} MB; each saved file <= ${MAX_OUTPUT_PER_INPUT_BYTE} x input`);
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[2] === '--case') {
  await runCase(process.argv[3]);
} else {
  main();
}
