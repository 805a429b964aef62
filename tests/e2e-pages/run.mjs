// The big page run: every page of both article sets (../shared) and the fixture pages, served on
// 127.0.0.1 and analysed in headless Chromium through the built extension's own flow (the background's
// "analyze" message: inject, collect the page, WASM core, text-quote targets, highlights), then cleared.
// Reports per page and in total: errors, quotes anchored and highlighted (and whether the highlighted
// text is the quote's text), the highlight/remove round trip (document.body.innerHTML identical),
// re-analysis without nesting, and the click-to-highlights time; lists the slowest pages.
//
// Usage: node tests/e2e-pages/run.mjs [--set fixtures|bench|moz] [--only SUBSTR] [--limit N] [--scripts]
//        [--json FILE]
// Page scripts are blocked (Content-Security-Policy script-src 'none') unless --scripts: saved pages'
// scripts fail offline and mutate the DOM on timers, which would make the round trip meaningless.
// With --scripts, pages that change by themselves are listed apart and pages a script sends elsewhere are
// skipped. Requests to anything but the local server are aborted. Exits 1 when a target is missed.
import { createServer } from "node:http";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(process.env.WHOSAID_ROOT || join(HERE, "..", ".."));
const TARGET_ANCHORED = 0.98;
const TARGET_MS = 1000;
const PAGE_TIMEOUT_MS = 30000;

const args = process.argv.slice(2);
const opt = (name, dflt = null) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SETS = (opt("--set") || "fixtures,bench,moz").split(",");
const ONLY = opt("--only");
const LIMIT = Number(opt("--limit") || Infinity);
const SCRIPTS = args.includes("--scripts");
const JSON_OUT = opt("--json", join(ROOT, ".eval", "pages.json"));

function findShared() {
  if (process.env.WHOSAID_SHARED) return process.env.WHOSAID_SHARED;
  for (const c of [join(ROOT, "..", "shared"), join(ROOT, "..", "..", "shared"), join(HERE, "..", "..", "..", "shared"), join(HERE, "..", "..", "..", "..", "shared")]) {
    if (existsSync(join(c, "data", "articles"))) return resolve(c);
  }
  return null;
}

/** The pages: {name, path (served), load() -> Buffer}. */
function pages() {
  const out = [];
  if (SETS.includes("fixtures")) {
    const dir = join(ROOT, "tests", "fixtures", "pages");
    for (const slug of existsSync(dir) ? readdirSync(dir).sort() : []) {
      const f = join(dir, slug, "page.html");
      // a fixture whose analysed text is not in its DOM (an `offdom` file says why) counts apart
      const offdom = existsSync(join(dir, slug, "offdom"));
      if (existsSync(f)) out.push({ name: `fixtures/${slug}`, path: `/fixtures/${slug}/page.html`, load: () => readFileSync(f), offdom });
    }
  }
  const shared = findShared();
  if (!shared && (SETS.includes("bench") || SETS.includes("moz"))) console.log("e2e-pages: ../shared is absent; only the fixture pages are run");
  if (shared && SETS.includes("bench")) {
    const dir = join(shared, "data", "articles", "article-extraction-benchmark", "html");
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".html.gz")).sort()) {
      const id = f.replace(/\.html\.gz$/, "");
      out.push({ name: `bench/${id.slice(0, 12)}`, path: `/bench/${id}.html`, load: () => gunzipSync(readFileSync(join(dir, f))) });
    }
  }
  if (shared && SETS.includes("moz")) {
    const dir = join(shared, "data", "articles", "mozilla-readability", "test-pages");
    for (const slug of readdirSync(dir).sort()) {
      const f = join(dir, slug, "source.html");
      if (existsSync(f)) out.push({ name: `moz/${slug}`, path: `/moz/${slug}/source.html`, load: () => readFileSync(f) });
    }
  }
  return out.filter((p) => !ONLY || p.name.includes(ONLY)).slice(0, LIMIT);
}

function serve(list) {
  const byPath = new Map(list.map((p) => [p.path, p]));
  const server = createServer((req, res) => {
    const p = byPath.get(new URL(req.url, "http://x").pathname);
    if (!p) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found");
    }
    const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
    if (!SCRIPTS) headers["Content-Security-Policy"] = "script-src 'none'";
    res.writeHead(200, headers);
    res.end(p.load());
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** What the page shows for each quote key: the joined text of its marks, nesting, kinds. */
function inspectMarks(page) {
  return page.evaluate(() => {
    const by = {};
    let nested = 0;
    for (const m of document.querySelectorAll("whosaid-mark")) {
      const k = m.dataset.wsKey;
      by[k] = (by[k] || "") + m.textContent;
      if (m.parentElement && m.parentElement.closest(`whosaid-mark[data-ws-key="${k}"]`)) nested++;
    }
    // The text just before each key's first mark and just after its last one (whitespace dropped).
    const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA"]);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement && SKIP.has(n.parentElement.tagName) ? 2 : 1) });
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
    const index = new Map(texts.map((n, i) => [n, i]));
    const ctx = {};
    const firstText = (m) => document.createTreeWalker(m, NodeFilter.SHOW_TEXT).nextNode();
    const lastText = (m) => {
      const w = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let n = w.nextNode(); n; n = w.nextNode()) last = n;
      return last;
    };
    const gather = (i, step) => {
      let out = "";
      for (let j = i; j >= 0 && j < texts.length && out.length < 40; j += step) {
        const d = texts[j].data.replace(/\s+/g, "");
        out = step < 0 ? d + out : out + d;
      }
      return step < 0 ? out.slice(-40) : out.slice(0, 40);
    };
    const marks = [...document.querySelectorAll("whosaid-mark[data-ws-kind=quote]")];
    for (const m of marks) {
      const k = m.dataset.wsKey;
      const f = firstText(m);
      const l = lastText(m);
      if (!(k in ctx) && f && index.has(f)) ctx[k] = { before: gather(index.get(f) - 1, -1), after: "" };
      if (ctx[k] && l && index.has(l)) ctx[k].after = gather(index.get(l) + 1, 1);
    }
    return { by, count: document.querySelectorAll("whosaid-mark").length, nested, ctx };
  });
}

const norm = (s) => s.replace(/\s+/g, "").replace(/[‘’‚‛′´`‹›]/g, "'").replace(/[“”„‟″«»]/g, '"').replace(/[‐‑‒–—―−]/g, "-").replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").toLowerCase();

async function main() {
  const helpers = join(ROOT, "tests", "e2e", "helpers.mjs");
  if (!existsSync(helpers)) {
    console.log(`e2e-pages: skipped, ${helpers} is absent (the extension's e2e harness)`);
    return 0;
  }
  const H = await import(pathToFileURL(helpers));
  const list = pages();
  const { server, origin } = await serve(list);
  const ext = await H.launchWithExtension();
  await ext.context.route("**/*", (route) => {
    const u = route.request().url();
    return u.startsWith(origin + "/") || u.startsWith("chrome-extension://") || u.startsWith("data:") ? route.continue() : route.abort();
  });
  const ctl = await ext.context.newPage();
  await ctl.goto(`chrome-extension://${ext.extId}/options.html`);
  const send = (msg) => ctl.evaluate((m) => chrome.runtime.sendMessage(m), msg);

  const rows = [];
  let i = 0;
  for (const p of list) {
    i++;
    const row = { page: p.name, offdom: !!p.offdom, ok: false, quotes: 0, anchored: 0, highlighted: 0, exact: 0, roundtrip: null, again: null, ms: null, wallMs: null, highlightMs: null, source: null, error: null };
    let page;
    try {
      page = await ext.context.newPage();
      page.on("pageerror", () => {});
      await page.goto(origin + p.path, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS }).catch(() => page.waitForLoadState("domcontentloaded"));
      if (!page.url().startsWith(origin + "/")) {
        // A page script sent the page elsewhere (only with --scripts); nothing of ours to measure.
        row.skipped = `the page navigated away to ${page.url().slice(0, 60)}`;
        throw null;
      }
      const tabId = await H.tabIdFor(ext.sw, page.url());
      const before = await page.evaluate(() => (document.body ? document.body.innerHTML : null));
      if (SCRIPTS) {
        // A page that changes by itself cannot show an exact round trip: note it.
        await page.waitForTimeout(300);
        row.dynamic = before !== (await page.evaluate(() => (document.body ? document.body.innerHTML : null)));
      }
      const t0 = performance.now();
      const res = await send({ type: "analyze", tabId });
      row.wallMs = Math.round(performance.now() - t0);
      if (!res || !res.ok) throw new Error(`analyze: ${res ? res.code + " " + (res.message || "") : "no response"}`);
      // Click-to-highlights: the background's time from the request to the highlights applied in the
      // page (inject, collect the HTML, WASM analysis, targets, anchoring and wrapping). The wall time
      // also counts sending the display model back to the caller, which the highlights do not wait for.
      row.ms = res.ms;
      row.highlightMs = res.anchoring ? res.anchoring.ms : null;
      // The whole report, asked for separately (the popup only receives the display model).
      const report = JSON.parse((await send({ type: "report", tabId })).report);
      row.source = report.source;
      if (res.anchoring && res.anchoring.error) row.error = `highlight: ${res.anchoring.error}`;
      const found = new Set(res.anchoring.found || []);
      // Every target (quotes, mentions of quoted actors, statements), not only the quotes.
      row.targets = found.size + (res.anchoring.missing || []).length;
      row.targetsFound = found.size;
      row.missingTargets = (res.anchoring.missing || []).slice(0, 20);
      const marks = await inspectMarks(page);
      const text = report.text;
      for (const q of report.quotes) {
        const parts = (q.fragments && q.fragments.length ? q.fragments : [q.span]).filter((s) => s.end > s.start);
        if (!parts.length) continue;
        row.quotes++;
        const key = `q${q.id}`;
        if (found.has(key)) row.anchored++;
        if (marks.by[key] !== undefined) {
          row.highlighted++;
          // In its place: the page's text around the marks agrees with the report's (either side).
          const c = marks.ctx[key];
          const pre = norm(text.slice(Math.max(0, parts[0].start - 40), parts[0].start)).slice(-6);
          const suf = norm(text.slice(parts[parts.length - 1].end, parts[parts.length - 1].end + 40)).slice(0, 6);
          if (c && ((pre && norm(c.before).endsWith(pre)) || (suf && norm(c.after).startsWith(suf)) || (!pre && !suf))) row.inContext = (row.inContext || 0) + 1;
          if (norm(marks.by[key]) === norm(parts.map((s) => text.slice(s.start, s.end)).join(""))) row.exact++;
        }
      }
      row.nested = marks.nested;
      // Analysing again replaces the marks: same count, never nested.
      const res2 = await send({ type: "analyze", tabId });
      const marks2 = await inspectMarks(page);
      row.again = !!(res2 && res2.ok) && marks2.count === marks.count && marks2.nested === 0;
      await send({ type: "clear", tabId });
      const after = await page.evaluate(() => (document.body ? document.body.innerHTML : null));
      row.roundtrip = after === before;
      row.ok = !row.error;
    } catch (e) {
      if (e !== null) row.error = String((e && e.message) || e).split("\n")[0];
    }
    await page?.close().catch(() => {});
    rows.push(row);
    const bad = (!row.ok && !row.skipped) || row.roundtrip === false || row.again === false || (!row.offdom && (row.anchored < row.quotes || row.highlighted < row.quotes));
    if (bad || process.env.VERBOSE) {
      console.log(`[${i}/${list.length}] ${p.name}: ${row.error || ""} quotes ${row.highlighted}/${row.anchored}/${row.quotes} exact ${row.exact} roundtrip ${row.roundtrip} again ${row.again} ${row.ms} ms`);
    }
  }
  await ext.close();
  server.close();

  const skipped = rows.filter((r) => r.skipped);
  const dynamic = rows.filter((r) => r.dynamic);
  // quotes of off-DOM pages (their text is not in the page) have nothing to anchor to: left out of the counts
  const sum = (k) => rows.filter((r) => !r.offdom).reduce((a, r) => a + (r[k] || 0), 0);
  const ok = rows.filter((r) => r.ok);
  const sorted = (k) => ok.map((r) => r[k]).filter((x) => x != null).sort((a, b) => a - b);
  const pctOf = (xs, q) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN);
  const times = sorted("ms");
  const walls = sorted("wallMs");
  const pct = (q) => pctOf(times, q);
  const quotes = sum("quotes");
  const summary = {
    pages: rows.length,
    without_error: ok.length,
    sources: rows.reduce((a, r) => ((a[r.source || "error"] = (a[r.source || "error"] || 0) + 1), a), {}),
    quotes,
    anchored: sum("anchored"),
    highlighted: sum("highlighted"),
    highlighted_exact: sum("exact"),
    highlighted_in_context: sum("inContext"),
    targets: sum("targets"),
    targets_anchored: sum("targetsFound"),
    anchored_share: quotes ? sum("anchored") / quotes : 1,
    highlighted_share: quotes ? sum("highlighted") / quotes : 1,
    roundtrip_identical: rows.filter((r) => r.roundtrip === true).length,
    roundtrip_differs_static: rows.filter((r) => r.roundtrip === false && !r.dynamic).map((r) => r.page),
    dynamic_pages: dynamic.map((r) => r.page),
    skipped: skipped.map((r) => `${r.page}: ${r.skipped}`),
    reanalysis_same_marks: rows.filter((r) => r.again === true).length,
    nested_marks: sum("nested"),
    ms_p50: pct(0.5),
    ms_p95: pct(0.95),
    ms_max: times[times.length - 1],
    wall_ms_p50: pctOf(walls, 0.5),
    wall_ms_p95: pctOf(walls, 0.95),
    wall_ms_max: walls[walls.length - 1],
    over_1s: ok.filter((r) => r.ms >= TARGET_MS).map((r) => `${r.page} ${r.ms} ms`),
    slowest: [...ok].sort((a, b) => b.ms - a.ms).slice(0, 8).map((r) => `${r.page} ${r.ms} ms (anchor+wrap ${r.highlightMs} ms, wall ${r.wallMs} ms)`),
    errors: rows.filter((r) => !r.ok && !r.skipped).map((r) => `${r.page}: ${r.error}`),
  };
  mkdirSync(dirname(JSON_OUT), { recursive: true });
  writeFileSync(JSON_OUT, JSON.stringify({ summary, rows }, null, 1));
  const p = (x) => (100 * x).toFixed(1) + "%";
  console.log(`\ne2e-pages: ${summary.pages} pages, ${summary.without_error} without error; text source ${JSON.stringify(summary.sources)}`);
  console.log(`quotes: ${quotes}; anchored ${summary.anchored} (${p(summary.anchored_share)}), highlighted ${summary.highlighted} (${p(summary.highlighted_share)}), highlighted text = quote text ${summary.highlighted_exact}, with the report's context on one side at least ${summary.highlighted_in_context}`);
  if (skipped.length) console.log(`skipped (page navigated away by its own script): ${skipped.length}`);
  if (SCRIPTS) console.log(`pages that change by themselves (page scripts): ${dynamic.length}; round trip differs on a page that does not: ${summary.roundtrip_differs_static.length}`);
  console.log(`all targets (quotes, mentions of quoted actors, statements): ${summary.targets_anchored}/${summary.targets} anchored`);
  console.log(`round trip body.innerHTML identical: ${summary.roundtrip_identical}/${summary.pages - skipped.length}; re-analysis same marks, no nesting: ${summary.reanalysis_same_marks}/${summary.pages - skipped.length}; nested marks: ${summary.nested_marks}`);
  console.log(`click-to-highlights (background: inject, collect, WASM, targets, anchor, wrap): p50 ${summary.ms_p50} ms, p95 ${summary.ms_p95} ms, max ${summary.ms_max} ms; pages ≥ 1 s: ${summary.over_1s.length}${summary.over_1s.length ? " (" + summary.over_1s.join(", ") + ")" : ""}`);
  console.log(`wall time including the display model's trip back to the caller: p50 ${summary.wall_ms_p50} ms, p95 ${summary.wall_ms_p95} ms, max ${summary.wall_ms_max} ms`);
  console.log(`slowest: ${summary.slowest.join("; ")}`);
  for (const e of summary.errors) console.log(`ERROR ${e}`);
  console.log(`details: ${JSON_OUT}`);
  const pass = summary.errors.length === 0 && summary.anchored_share >= TARGET_ANCHORED && summary.highlighted_share >= TARGET_ANCHORED && summary.roundtrip_differs_static.length === 0 && summary.over_1s.length === 0;
  return pass ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(2);
});
