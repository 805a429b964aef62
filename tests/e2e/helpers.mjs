// Shared helpers of the end-to-end suite: the test server, the test build of the extension, and a
// headless Chromium (playwright-core driving /usr/bin/chromium) with the extension loaded.
import { createServer } from "node:http";
import { cp, mkdtemp, readFile, writeFile, rm, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const SHOTS = join(ROOT, "docs", "screenshots");
/** The sample article: the one committed copy (the build copies it to www/pkg/seed.txt for the demo). */
export const SEED = "tests/fixtures/seed/000_64ce14edc3ca31c8.txt";

export const BASE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

/** An HTTP server on 127.0.0.1: `routes` maps a path to {body, type, headers}; logs every request. */
export function startServer(routes) {
  const log = [];
  const server = createServer((req, res) => {
    log.push(req.url);
    const path = new URL(req.url, "http://x").pathname;
    const r = routes[path];
    if (!r) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(200, { "Content-Type": r.type || "text/html; charset=utf-8", "Cache-Control": "no-store", ...(r.headers || {}) });
    res.end(r.body);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ server, log, origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((c) => server.close(c)) })),
  );
}

/** A copy of extension/ whose manifest also grants http://127.0.0.1/* (tests cannot click the toolbar). */
export async function testExtension() {
  if (!existsSync(join(ROOT, "extension", "pkg", "whosaid_bg.wasm"))) throw new Error("extension/pkg is missing: run `make build` first");
  const dir = await mkdtemp(join(tmpdir(), "whosaid-ext-"));
  await cp(join(ROOT, "extension"), dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*"];
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Headless Chromium with the test extension; resolves to {context, extId, sw, close}. */
export async function launchWithExtension() {
  // Report the service worker's own requests too (checked by the no-network test).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";
  const ext = await testExtension();
  const profile = await mkdtemp(join(tmpdir(), "whosaid-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // playwright-core 1.65 passes --disable-extensions by default, which stops the extension loading.
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...BASE_ARGS],
    viewport: { width: 1200, height: 900 },
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent("serviceworker", { timeout: 20000 });
  const extId = new URL(sw.url()).host;
  return {
    context,
    extId,
    sw,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await rm(ext, { recursive: true, force: true });
    },
  };
}

/** Plain headless Chromium (no extension). */
export async function launchPlain() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BASE_ARGS });
}

/** The id of the tab showing `url` (asked from the extension's service worker). */
export async function tabIdFor(sw, url) {
  for (let i = 0; i < 50; i++) {
    const id = await sw.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      const t = tabs.find((x) => x.url === u);
      return t ? t.id : null;
    }, url);
    if (id != null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab for ${url}`);
}

/** Runs `open()` (which opens a page) and returns the id of the tab that appeared. */
export async function newTabId(sw, open) {
  const ids = () => sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  const old = new Set(await ids());
  await open();
  for (let i = 0; i < 50; i++) {
    const fresh = (await ids()).filter((x) => !old.has(x));
    if (fresh.length === 1) return fresh[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no new tab");
}

/** Opens the popup for `tabId` as a page and waits until it has rendered. */
export async function openPopup(context, extId, tabId, { width = 420, height = 600 } = {}) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width, height });
  await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector("body[data-ready]", { timeout: 30000 });
  return popup;
}

export async function screenshot(page, name, opts = {}) {
  await mkdir(SHOTS, { recursive: true });
  // caret "initial": Playwright otherwise leaves style="" on inputs it hid the caret of.
  await page.screenshot({ path: join(SHOTS, name), caret: "initial", ...opts });
}

/** A structural fingerprint of the DOM under body: every node type, name and text-node length. */
export function domSignature(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (n, depth) => {
      out.push(`${depth}:${n.nodeType}:${n.nodeName}:${n.nodeType === 3 ? n.data.length : ""}`);
      for (const c of n.childNodes) walk(c, depth + 1);
    };
    walk(document.body, 0);
    return { html: document.body.innerHTML, nodes: out.join("|") };
  });
}

export async function readText(rel) {
  return readFile(join(ROOT, rel), "utf8");
}

/** Server routes serving the extension's scripts `names` ("anchor.js" …) at `/<name>`. */
export async function scriptRoutes(names) {
  const out = {};
  for (const n of names) out[`/${n}`] = { body: await readText(`extension/${n}`), type: "text/javascript" };
  return out;
}

/** Runs axe-core in `page` (evaluated through the DevTools protocol, so page CSP does not apply). */
export async function axeViolations(page, { dark = false } = {}) {
  const src = await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  if (dark) await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(src);
  const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  if (dark) await page.emulateMedia({ colorScheme: "light" });
  return res.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")}`);
}

/**
 * Checks the statements a report view (popup or demo panel under `root`) shows against the core's
 * own `report`: side headings and who is under them, list items numbered as the core numbered them,
 * the strength of demands, "reported by", "→ target", the conditional/negated/future flags and ×n.
 * Returns a summary for diagnostics.
 */
export async function checkStatements(page, root, report, assert) {
  const view = await page.$eval(root, (el) => ({
    sides: [...el.querySelectorAll(".ws-side")].map((s) => ({ side: s.querySelector(".ws-side-head").textContent, actors: [...s.querySelectorAll(".ws-actor")].map((a) => Number(a.dataset.actor)) })),
    items: [...el.querySelectorAll(".ws-item-button[data-key^=s]")].map((b) => {
      const li = b.closest("li");
      const flag = (k) => b.querySelector(`.ws-flag-${k}`)?.textContent ?? null;
      return {
        id: Number(b.dataset.key.slice(1)),
        actor: Number(li.dataset.actor),
        type: li.dataset.type,
        item: li.closest(".ws-enum-list") ? Number(li.getAttribute("value")) : null,
        strength: b.querySelector(".ws-strength")?.dataset.strength ?? null,
        via: flag("via"),
        target: flag("target"),
        conditional: !!flag("conditional"),
        negated: !!flag("negated"),
        future: !!flag("future"),
        repeats: flag("repeats"),
      };
    }),
  }));
  const name = (id) => report.actors[id].name;
  assert.equal(view.items.length, report.statements.length, "every statement is listed once");
  for (const s of report.statements) {
    const v = view.items.find((x) => x.id === s.id);
    assert.ok(v, `statement ${s.id} missing`);
    assert.equal(v.actor, s.actor, `statement ${s.id}: actor`);
    assert.equal(v.type, s.type, `statement ${s.id}: type`);
    assert.equal(v.strength, s.type === "demand" && s.strength ? String(s.strength) : null, `statement ${s.id}: strength`);
    assert.equal(v.via, s.via != null ? `reported by ${name(s.via)}` : null, `statement ${s.id}: via`);
    assert.equal(v.target, s.target ? `→ ${s.target}` : null, `statement ${s.id}: target`);
    assert.deepEqual([v.conditional, v.negated, v.future], [s.conditional, s.negated, s.future], `statement ${s.id}: flags`);
    assert.equal(v.repeats, s.repeats && s.repeats.length ? `×${s.repeats.length + 1}` : null, `statement ${s.id}: repeats`);
    if (v.item != null) assert.equal(v.item, s.item, `statement ${s.id}: list number`);
  }
  // Sides: every side the core names is a heading, with its actors under it.
  for (const g of report.sides.filter((x) => x.side != null)) {
    const v = view.sides.find((x) => x.side === g.side);
    assert.ok(v, `side ${g.side} not shown: ${view.sides.map((x) => x.side)}`);
    for (const a of g.actors) assert.ok(v.actors.includes(a.actor), `${name(a.actor)} not under ${g.side}`);
  }
  return view;
}
