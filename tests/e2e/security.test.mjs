// Hostile and unusual pages (tests/e2e/hostile-pages/) through the real extension in headless Chromium:
// frames, shadow DOM, editable content and form fields, SVG text, a page that mutates while it is being
// highlighted, and a page whose quotes, headline and speaker names carry markup and script-looking
// text. On each: nothing is highlighted where it must not be, no page script breaks, analysing twice
// never double-wraps, removal restores document.body.innerHTML exactly, no page-derived string is
// ever parsed as HTML in the popup, extension pages refuse eval, and the extension makes no request
// beyond the page's own. PDF and browser pages get the popup's clear message.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startServer, launchWithExtension, tabIdFor, newTabId, openPopup, domSignature } from "./helpers.mjs";

const DIR = join(ROOT, "tests", "e2e", "hostile-pages");
let server, ext;
const requests = [];
const pageErrors = [];

before(async () => {
  const routes = {};
  for (const f of readdirSync(DIR)) routes[`/hostile-pages/${f}`] = { body: readFileSync(join(DIR, f), "utf8") };
  // a minimal valid PDF: Chromium shows it in its PDF viewer
  routes["/report.pdf"] = { body: "%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", type: "application/pdf" };
  server = await startServer(routes);
  ext = await launchWithExtension();
  ext.context.on("request", (r) => requests.push(r.url()));
});

after(async () => {
  await ext?.close();
  await server?.close();
});

async function open(name) {
  const p = await ext.context.newPage();
  p.on("pageerror", (e) => pageErrors.push(`${name}: ${e.message}`));
  await p.goto(`${server.origin}/hostile-pages/${name}`);
  const id = await tabIdFor(ext.sw, p.url());
  return { p, id };
}

/** Runs the whole analysis of tab `id` (the shortcut path: WASM in the extension, marks in the page). */
async function analyse(id) {
  const r = await ext.sw.evaluate((tid) => globalThis.whosaidAnalyzeTab(tid, "page").then((r) => ({ ok: r.ok, error: r.error ?? null, quotes: r.display?.counts?.quotes ?? 0, found: r.anchoring?.found?.length ?? 0 })), id);
  assert.equal(r.ok, true, `analysis failed: ${r.error}`);
  return r;
}

const markCount = (p) => p.evaluate(() => document.querySelectorAll("whosaid-mark").length);
const selfNested = (p) => p.evaluate(() => [...document.querySelectorAll("whosaid-mark")].some((m) => m.querySelector(`whosaid-mark[data-ws-key="${m.dataset.wsKey}"]`)));

/** Analyse twice (same marks, never nested in themselves), then clear: the body is as before. */
async function roundTrip(p, id, popupClear = true) {
  const before = await domSignature(p);
  const r = await analyse(id);
  const n = await markCount(p);
  assert.ok(n > 0, "nothing highlighted on the page's own article");
  await analyse(id);
  assert.equal(await markCount(p), n, "analysing twice changed the marks");
  assert.equal(await selfNested(p), false, "a mark is nested in itself");
  if (popupClear) {
    const popup = await openPopup(ext.context, ext.extId, id);
    const res = await popup.evaluate((tid) => chrome.runtime.sendMessage({ type: "clear", tabId: tid }), id);
    assert.equal(res.ok, true);
    await popup.close();
  }
  assert.equal(await markCount(p), 0, "marks left after removal");
  const after = await domSignature(p);
  assert.equal(after.html, before.html, "document.body.innerHTML differs after removal");
  assert.equal(after.nodes, before.nodes, "the text nodes differ after removal");
  return r;
}

test("frames: the top page round-trips exactly, frame documents are never touched", async () => {
  const { p, id } = await open("frames.html");
  const frameHtml = async () => Promise.all(p.frames().filter((f) => f !== p.mainFrame()).map((f) => f.evaluate(() => document.body.innerHTML)));
  await p.waitForFunction(() => document.getElementById("same").contentDocument?.readyState === "complete");
  const inner = await frameHtml();
  assert.equal(inner.length, 2);
  await roundTrip(p, id);
  await analyse(id);
  assert.deepEqual(await frameHtml(), inner, "a frame's document was changed");
  await p.close();
});

test("shadow DOM: light DOM round-trips exactly, shadow roots are left as they were", async () => {
  const { p, id } = await open("shadow.html");
  const shadow = () => p.evaluate(() => [document.getElementById("card").shadowRoot.innerHTML, window.__closedShadow()]);
  const was = await shadow();
  await roundTrip(p, id);
  await analyse(id);
  assert.deepEqual(await shadow(), was, "a shadow root was changed");
  await p.close();
});

test("editable content and form fields are never highlighted or changed", async () => {
  const { p, id } = await open("editable.html");
  const fields = () => p.evaluate(() => ({ ta: document.getElementById("ta").value, in: document.getElementById("in").value, ed: document.getElementById("editor").innerHTML, plain: document.getElementById("plain").innerHTML }));
  const was = await fields();
  await roundTrip(p, id);
  await analyse(id);
  const inEditable = await p.evaluate(() => document.querySelectorAll("[contenteditable=true] whosaid-mark, [contenteditable=plaintext-only] whosaid-mark, textarea whosaid-mark, select whosaid-mark, form whosaid-mark").length);
  assert.equal(inEditable, 0, "a mark inside editable content or a form");
  const now = await fields();
  assert.equal(now.ta, was.ta);
  assert.equal(now.in, was.in);
  assert.equal(now.ed, was.ed, "contenteditable content changed");
  assert.equal(now.plain, was.plain);
  // typing in the editor still works after the analysis
  await p.click("#editor p");
  await p.keyboard.type(" Typed.");
  assert.match(await p.textContent("#editor"), /Typed\./);
  await p.close();
});

test("SVG and MathML text is never wrapped in an HTML element", async () => {
  const { p, id } = await open("svg.html");
  const svg = () => p.evaluate(() => document.getElementById("chart").outerHTML);
  const was = await svg();
  await roundTrip(p, id);
  await analyse(id);
  assert.equal(await p.evaluate(() => document.querySelectorAll("svg whosaid-mark, math whosaid-mark").length), 0);
  assert.equal(await svg(), was);
  await p.close();
});

test("a page that mutates itself while being highlighted keeps running and is restored", async () => {
  const { p, id } = await open("mutating.html");
  await p.waitForFunction(() => window.__ticks > 5);
  // analyse and clear while the page keeps changing: no error, the page's timer still runs
  for (let i = 0; i < 3; i++) {
    await analyse(id);
    const popup = await openPopup(ext.context, ext.extId, id);
    await popup.evaluate((tid) => chrome.runtime.sendMessage({ type: "clear", tabId: tid }), id);
    await popup.close();
  }
  const t = await p.evaluate(() => window.__ticks);
  await p.waitForFunction((t0) => window.__ticks > t0 + 5, t);
  assert.equal(await markCount(p), 0, "marks left while the page mutates");
  assert.deepEqual(await p.evaluate(() => window.__errors), [], "the page's own script threw");
  // once still, the exact round trip holds
  await p.evaluate(() => window.__stop());
  await roundTrip(p, id);
  await p.close();
});

test("a hostile page's markup-looking quotes, names and title are rendered only as text", async () => {
  const { p, id } = await open("hostile.html");
  const before = await domSignature(p);
  const popup = await openPopup(ext.context, ext.extId, id);
  const text = await popup.textContent("body");
  assert.match(text, /<\/title><script>window\.__pwned="title"<\/script>/, "the hostile title is not shown literally");
  assert.match(text, /<img src=x onerror="window\.__pwned='byline'">/, "the hostile byline is not shown literally");
  assert.match(text, /<iframe src=javascript:window\.__pwned='frame'>/, "the hostile quote is not shown literally");
  const danger = "script, img, iframe, frame, object, embed, svg, math, style, link, meta, base, form, a[href^='javascript:' i], a[href^='data:' i], [srcdoc]";
  const injected = await popup.evaluate((sel) => {
    const bad = [...document.body.querySelectorAll(sel)].filter((e) => !e.closest("[data-ws-own]")).map((e) => e.outerHTML.slice(0, 80));
    const handlers = [...document.body.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 80));
    return { bad, handlers };
  }, danger);
  // the popup's own icons may be inline SVG: only elements that carry page text count
  const pageText = await popup.evaluate(() => [...document.body.querySelectorAll("svg, img")].filter((e) => /pwned|onerror|whosaid-mark/.test(e.outerHTML)).length);
  assert.equal(pageText, 0, "a page-derived string became an element in the popup");
  assert.deepEqual(injected.handlers, [], "an element with an event-handler attribute in the popup");
  assert.deepEqual(injected.bad.filter((h) => /pwned|onerror|javascript:|data:text/.test(h)), [], "page markup became an element in the popup");
  // click every item: focusing highlights must not run anything either
  for (const b of await popup.$$(".ws-item-button")) await b.click();
  await p.waitForTimeout(200);
  assert.equal(await popup.evaluate(() => window.__pwned), undefined, "script ran in the popup");
  assert.equal(await p.evaluate(() => window.__pwned), undefined, "script ran in the page");
  assert.equal(await p.evaluate(() => document.querySelectorAll("article img, article script, article iframe, article svg, article b").length), 0, "the page gained elements");
  const hostileMark = await p.evaluate(() => [...document.querySelectorAll("whosaid-mark")].some((m) => m.textContent.includes("<iframe src=javascript:")));
  assert.ok(hostileMark, "the hostile quote is not highlighted as text");
  await popup.evaluate((tid) => chrome.runtime.sendMessage({ type: "clear", tabId: tid }), id);
  assert.deepEqual(await domSignature(p), before);
  await popup.close();
  await p.close();
});

test("extension pages refuse inline script, inline handlers and string timers (CSP)", async () => {
  // (DevTools' own evaluate may use eval, so eval is tested through what a page string could reach:
  // inline <script>, on* attributes and string timers, all of which need 'unsafe-inline'/'unsafe-eval')
  const { p, id } = await open("svg.html");
  const popup = await openPopup(ext.context, ext.extId, id);
  const res = await popup.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
    window.__ran = [];
    try { setTimeout("window.__ran.push('timer')", 0); } catch (e) { /* blocked */ }
    const s = document.createElement("script");
    s.textContent = "window.__ran.push('inline')";
    document.head.appendChild(s);
    const b = document.createElement("button");
    b.setAttribute("onclick", "window.__ran.push('handler')");
    document.body.appendChild(b);
    b.click();
    b.remove();
    const a = document.createElement("a");
    a.href = "javascript:window.__ran.push('href')";
    document.body.appendChild(a);
    a.click();
    a.remove();
    await new Promise((r) => setTimeout(r, 200));
    return { ran: window.__ran, violations: [...new Set(violations)].sort() };
  });
  assert.deepEqual(res.ran, [], "code from a string ran on an extension page");
  assert.ok(res.violations.length > 0 && res.violations.every((v) => v.startsWith("script-src")), `violations: ${res.violations}`);
  const csp = JSON.parse(readFileSync(join(ROOT, "extension", "manifest.json"), "utf8")).content_security_policy.extension_pages;
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|https?:|\*|data:|blob:/, `extension CSP too loose: ${csp}`);
  await popup.close();
  await p.close();
});

test("the PDF viewer and browser pages get the popup's clear message", async () => {
  for (const url of [`${server.origin}/report.pdf`, "chrome://version/"]) {
    let p;
    const id = await newTabId(ext.sw, async () => {
      p = await ext.context.newPage();
      await p.goto(url).catch(() => {});
    });
    const popup = await openPopup(ext.context, ext.extId, id);
    assert.match(await popup.textContent("body"), /cannot be analysed/i, url);
    assert.equal(await popup.evaluate(() => document.querySelectorAll(".ws-item-button").length), 0);
    await popup.close();
    await p.close();
  }
});

test("no request beyond the pages' own, and no page error caused by the extension", async () => {
  // Chromium's own PDF viewer is a built-in extension: its files are the browser's, not ours
  const PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/";
  const foreign = requests.filter((u) => !u.startsWith(server.origin + "/") && !u.startsWith(`chrome-extension://${ext.extId}/`) && !u.startsWith(PDF_VIEWER) && !/^(about:|chrome:|data:)/.test(u));
  assert.deepEqual(foreign, [], "the extension made a foreign request");
  const paths = new Set(server.log.map((u) => new URL(u, server.origin).pathname));
  for (const path of paths) assert.ok(path.startsWith("/hostile-pages/") || path === "/report.pdf" || path === "/favicon.ico", `unexpected request to the page's server: ${path}`);
  assert.deepEqual(pageErrors, []);
});
