// The WASM core in headless Chromium, with the built extension (extension/pkg, `make build`):
//   * cold start, in a fresh extension page each time: fetch, WebAssembly.compile, instantiate (the
//     wasm-bindgen glue), the first call (viewText on the seed);
//   * steady state: viewText on the seed, viewPage on the largest page, and WASM throughput;
//   * memory: memory.buffer.byteLength after instantiating, after the seed, after the largest page;
//   * click-to-highlights over the shared article pages: tests/e2e-pages/run.mjs (the extension's own
//     flow: inject, collect the page, WASM, targets, anchor, highlight), p50 / p95 / max.
//
// Usage: node scripts/bench_wasm.mjs --out FILE --seed FILE [--pages DIR] [--quick]
// Writes JSON, prints a table. `summary` rows feed scripts/bench.py's closing table.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchWithExtension, ROOT } from "../tests/e2e/helpers.mjs";

const TARGET_P95_MS = 150;
const TARGET_MEMORY_MB = 32;

const args = process.argv.slice(2);
const opt = (name, dflt = null) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const QUICK = args.includes("--quick");
const OUT = opt("--out");
const SEED = readFileSync(opt("--seed"), "utf8");
const PAGES = opt("--pages");

function htmlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r1 = (x) => Math.round(x * 10) / 10;
const MB = (b) => r1(b / 1048576);

if (!existsSync(join(ROOT, "extension", "pkg", "whosaid_bg.wasm"))) {
  console.log("bench_wasm: extension/pkg is missing (make build); skipping");
  process.exit(0);
}
let largest = null;
if (PAGES) {
  const files = htmlFiles(PAGES).map((f) => ({ f, size: statSync(f).size }));
  files.sort((a, b) => b.size - a.size);
  if (files.length) largest = { name: files[0].f.slice(PAGES.length + 1), html: readFileSync(files[0].f, "utf8") };
}

const out = { cold: [], steady: {}, memory: {}, clicks: null, summary: [] };
const { context, extId, close } = await launchWithExtension();
try {
  const runs = QUICK ? 3 : 7;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    // any extension page: its CSP allows 'wasm-unsafe-eval'
    await page.goto(`chrome-extension://${extId}/options.html`);
    const r = await page.evaluate(
      async ({ seed, html, steady }) => {
        const t0 = performance.now();
        const bytes = await (await fetch(chrome.runtime.getURL("pkg/whosaid_bg.wasm"))).arrayBuffer();
        const t1 = performance.now();
        const mod = await WebAssembly.compile(bytes);
        const t2 = performance.now();
        const glue = await import(chrome.runtime.getURL("pkg/whosaid.js"));
        const wasm = await glue.default({ module_or_path: mod });
        const t3 = performance.now();
        const memInit = wasm.memory.buffer.byteLength;
        const first = glue.viewText(seed).report;
        const t4 = performance.now();
        const memSeed = wasm.memory.buffer.byteLength;
        const res = { fetch: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, first: t4 - t3, quotes: first.quotes.length, memInit, memSeed, bytes: bytes.byteLength };
        if (steady) {
          const seedTimes = [];
          const s0 = performance.now();
          while (seedTimes.length < 20 || performance.now() - s0 < 500) {
            const a = performance.now();
            glue.viewText(seed);
            seedTimes.push(performance.now() - a);
          }
          res.seedTimes = seedTimes;
        }
        if (html) {
          const a = performance.now();
          const rep = glue.viewPage(html, "", undefined, undefined, false).report;
          res.largestFirst = performance.now() - a;
          res.largestQuotes = rep.quotes.length;
          res.largestTextBytes = new TextEncoder().encode(rep.text).length;
          res.memLargest = wasm.memory.buffer.byteLength;
          if (steady) {
            const ts = [];
            for (let k = 0; k < 5; k++) {
              const b = performance.now();
              glue.viewPage(html, "", undefined, undefined, false);
              ts.push(performance.now() - b);
            }
            res.largestTimes = ts;
            res.memLargestSteady = wasm.memory.buffer.byteLength;
          }
        }
        return res;
      },
      { seed: SEED, html: largest ? largest.html : null, steady: i === runs - 1 },
    );
    await page.close();
    out.cold.push(r);
  }
} finally {
  await close();
}

const cold = out.cold;
const last = cold[cold.length - 1];
const seedMs = median(last.seedTimes);
const seedBest = Math.min(...last.seedTimes);
out.steady = {
  seed_ms_median: seedMs,
  seed_ms_best: seedBest,
  seed_mb_per_s: Buffer.byteLength(SEED) / 1e6 / (seedBest / 1e3),
  seed_words_per_s: SEED.split(/\s+/).filter(Boolean).length / (seedBest / 1e3),
  largest_ms_median: last.largestTimes ? median(last.largestTimes) : null,
};
out.memory = {
  init_bytes: median(cold.map((c) => c.memInit)),
  seed_bytes: median(cold.map((c) => c.memSeed)),
  largest_bytes: largest ? Math.max(...cold.map((c) => c.memLargest)) : null,
  largest_steady_bytes: last.memLargestSteady ?? null,
  largest_page: largest ? largest.name : null,
  largest_html_bytes: largest ? Buffer.byteLength(largest.html) : null,
};
console.log(`\nWASM in headless Chromium (extension/pkg/whosaid_bg.wasm, ${last.bytes} bytes; ${cold.length} cold starts in fresh extension pages, median)`);
console.log(`  fetch ${r1(median(cold.map((c) => c.fetch)))} ms, compile ${r1(median(cold.map((c) => c.compile)))} ms, instantiate ${r1(median(cold.map((c) => c.instantiate)))} ms, first call (viewText, seed) ${r1(median(cold.map((c) => c.first)))} ms → ${cold[0].quotes} quotes`);
console.log(`  steady state: viewText(seed) median ${seedMs.toFixed(3)} ms, best ${seedBest.toFixed(3)} ms (${out.steady.seed_mb_per_s.toFixed(2)} MB/s, ${Math.round(out.steady.seed_words_per_s).toLocaleString("en")} words/s)`);
if (largest) {
  console.log(`  largest page (${largest.name}, ${MB(out.memory.largest_html_bytes)} MB HTML → ${last.largestTextBytes} bytes of text, ${last.largestQuotes} quotes): viewPage first ${r1(median(cold.map((c) => c.largestFirst)))} ms, steady median ${r1(out.steady.largest_ms_median)} ms`);
}
console.log(`  memory.buffer.byteLength: ${MB(out.memory.init_bytes)} MB after instantiate, ${MB(out.memory.seed_bytes)} MB after the seed${largest ? `, ${MB(out.memory.largest_bytes)} MB after the largest page (${MB(out.memory.largest_steady_bytes)} MB after 5 more)` : ""}`);
out.summary.push(["WASM cold start (compile+inst.+1st)", `${r1(median(cold.map((c) => c.compile)))} + ${r1(median(cold.map((c) => c.instantiate)))} + ${r1(median(cold.map((c) => c.first)))} ms`, "", true]);
out.summary.push(["WASM steady, seed", `${seedBest.toFixed(3)} ms, ${out.steady.seed_mb_per_s.toFixed(2)} MB/s`, "", true]);
if (largest) {
  const mb = out.memory.largest_bytes / 1048576;
  out.summary.push(["WASM memory, largest page", `${r1(mb)} MB (${largest.name})`, `≤ ${TARGET_MEMORY_MB} MB`, mb <= TARGET_MEMORY_MB]);
}

// Click-to-highlights over the shared pages: the page run of tests/e2e-pages (its own Chromium).
const runner = join(ROOT, "tests", "e2e-pages", "run.mjs");
if (PAGES && existsSync(runner)) {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-clicks-"));
  const json = join(dir, "pages.json");
  const runArgs = [runner, "--set", "bench,moz", "--json", json];
  if (QUICK) runArgs.push("--limit", "40");
  console.log(`\nclick-to-highlights: node ${runArgs.join(" ")}`);
  await new Promise((ok) => execFile(process.execPath, runArgs, { timeout: 1800000, maxBuffer: 64 << 20 }, () => ok()));
  try {
    const { summary, rows } = JSON.parse(readFileSync(json, "utf8"));
    const ok = rows.filter((r) => r.ms != null);
    const pct = (xs, p) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length ? s[Math.min(s.length - 1, Math.round((s.length - 1) * p))] : null;
    };
    const ms = ok.map((r) => r.ms);
    const wall = ok.map((r) => r.wallMs).filter((x) => x != null);
    out.clicks = {
      pages: ok.length,
      errors: summary.errors,
      p50: pct(ms, 0.5),
      p95: pct(ms, 0.95),
      max: pct(ms, 1),
      wall_p50: pct(wall, 0.5),
      wall_p95: pct(wall, 0.95),
      wall_max: pct(wall, 1),
      slowest: summary.slowest,
    };
    console.log(`  ${ok.length} pages (${summary.errors.length} errors): click-to-highlights (background: inject, collect, WASM, targets, anchor, wrap) p50 ${out.clicks.p50} ms, p95 ${out.clicks.p95} ms, max ${out.clicks.max} ms`);
    console.log(`  with the report's trip back to the caller: p50 ${out.clicks.wall_p50} ms, p95 ${out.clicks.wall_p95} ms, max ${out.clicks.wall_max} ms`);
    console.log(`  slowest: ${(summary.slowest || []).slice(0, 5).join("; ")}`);
    out.summary.push(["click-to-highlights p50/p95/max", `${out.clicks.p50} / ${out.clicks.p95} / ${out.clicks.max} ms over ${ok.length} pages`, `p95 ≤ ${TARGET_P95_MS} ms`, out.clicks.p95 <= TARGET_P95_MS]);
  } catch (e) {
    console.log(`  the page run gave no result: ${e.message}`);
  }
  rmSync(dir, { recursive: true, force: true });
} else {
  console.log("\nclick-to-highlights: skipped (no shared pages, or tests/e2e-pages/run.mjs missing)");
}
if (OUT) writeFileSync(OUT, JSON.stringify(out, null, 1));
