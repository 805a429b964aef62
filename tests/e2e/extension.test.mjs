// The extension in headless Chromium: the popup flow for a news page tab (the real WASM core),
// highlights in the page, the popup's contents, exact restoration, no nesting, a page with a strict
// CSP, a hostile page, pages that cannot be analysed, and no network traffic of its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SEED, startServer, launchWithExtension, tabIdFor, newTabId, openPopup, screenshot, domSignature, readText, axeViolations, checkStatements } from "./helpers.mjs";
import { newsPage, SPLIT_JS, SITE_CSS, hostilePage } from "./fixtures/news.mjs";

let server, ext, page, tabId;
const requests = [];
const NOT_QUOTED = /Orb[aá]n|Lavrov|Johnson|Zelensky/;

before(async () => {
  const seed = await readText(SEED);
  server = await startServer({
    "/article.html": { body: newsPage(seed) },
    "/csp.html": { body: newsPage(seed), headers: { "Content-Security-Policy": "script-src 'self'" } },
    "/hostile.html": { body: hostilePage() },
    "/empty.html": { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><article><h1>Mild week ahead</h1><p>Temperatures will stay mild across the region this week, with light rain on Thursday and sunshine at the weekend.</p><p>Winds will be calm.</p></article></body></html>` },
    "/split.js": { body: SPLIT_JS, type: "text/javascript" },
    "/site.css": { body: SITE_CSS, type: "text/css" },
  });
  ext = await launchWithExtension();
  ext.context.on("request", (r) => requests.push(r.url()));
  page = await ext.context.newPage();
  await page.goto(server.origin + "/article.html");
  await page.waitForSelector("html[data-split=done]");
  tabId = await tabIdFor(ext.sw, page.url());
});

after(async () => {
  await ext?.close();
  await server?.close();
});

/** Marks in the page: key, kind, actor, title, text (joined per key). */
function marks(p) {
  return p.evaluate(() => {
    const by = new Map();
    for (const m of document.querySelectorAll("whosaid-mark")) {
      const k = m.dataset.wsKey;
      if (!by.has(k)) by.set(k, { key: k, kind: m.dataset.wsKind, actor: m.dataset.wsActor ?? null, title: m.title, text: "" });
      by.get(k).text += m.textContent;
    }
    return [...by.values()];
  });
}

function quotesBy(ms, name) {
  return ms.filter((m) => m.kind === "quote" && m.title.startsWith(name));
}

test("popup flow highlights the quoted officials and only them", async () => {
  assert.equal(await page.evaluate(() => document.querySelectorAll("whosaid-mark").length), 0, "highlights appeared without being asked for");
  const before = await domSignature(page);
  const popup = await openPopup(ext.context, ext.extId, tabId);
  const ms = await marks(page);
  assert.ok(ms.length > 0, "no highlights at all");
  const putin = quotesBy(ms, "Vladimir Putin");
  assert.ok(putin.some((m) => m.text.includes("Russia is carefully analyzing")), "Putin's first quote is not highlighted as his");
  assert.ok(putin.some((m) => m.text.includes("I hope dialogue on Ukraine will continue")), "Putin's hope is not highlighted as his");
  assert.ok(quotesBy(ms, "Ned Price").length >= 1, "no quote highlighted for Price");
  assert.ok(quotesBy(ms, "Joe Biden").some((m) => m.text.includes("nonstop diplomacy")), "Biden's quote (with an <em>) is not highlighted as his");
  for (const m of ms) {
    if (m.kind === "quote" || m.kind === "mention") assert.doesNotMatch(m.title, new RegExp("^(\\S+ )*(" + NOT_QUOTED.source + ")"), `${m.key} is shown as quoted: ${m.title}`);
  }
  assert.ok(ms.some((m) => m.kind === "mention" && /Putin/.test(m.text)), "Putin's mentions are not marked");
  assert.ok(!ms.some((m) => m.kind === "mention" && NOT_QUOTED.test(m.text)), "a mention-only person is marked");
  // Nothing highlighted in the navigation, the related links or the footer.
  const outside = await page.evaluate(() => document.querySelectorAll("header whosaid-mark, aside whosaid-mark, footer whosaid-mark").length);
  assert.equal(outside, 0);

  // The popup lists the actors by prominence with their quotes; mention-only people are not listed as actors.
  const names = await popup.$$eval(".ws-actor-name", (els) => els.map((e) => e.textContent));
  for (const n of ["Vladimir Putin", "Ned Price", "Joe Biden"]) assert.ok(names.some((x) => x.includes(n.split(" ").pop())), `${n} missing from the popup: ${names}`);
  assert.ok(!names.some((x) => NOT_QUOTED.test(x)), `mention-only person listed as actor: ${names}`);
  assert.match(names[0], /Putin/, "the most quoted actor is not first");
  const items = await popup.$$eval(".ws-item-button", (els) => els.map((e) => e.textContent));
  assert.ok(items.some((x) => x.includes("Russia is carefully analyzing")));
  const counts = (await popup.textContent(".ws-counts")).match(/(\d+) quotes · (\d+) statements · (\d+) speaking actors/);
  assert.ok(counts, "header counts missing");
  assert.equal(Number(counts[3]), await popup.$$eval(".ws-actor:not(.ws-anon)", (els) => els.length));
  assert.equal(Number(counts[2]), await popup.$$eval(".ws-item[data-type]:not([data-type=quote])", (els) => els.length));
  await screenshot(popup, "popup.png", { fullPage: false });
  await popup.emulateMedia({ colorScheme: "dark" });
  await screenshot(popup, "popup-dark.png", { fullPage: false });
  await popup.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "page.png");

  // Clicking an item scrolls to its highlight, focuses and flashes it.
  const key = await popup.$eval(".ws-actor:first-child .ws-item-button", (b) => b.dataset.key);
  await popup.click(".ws-actor:first-child .ws-item-button");
  await page.waitForFunction((k) => document.activeElement?.dataset?.wsKey === k && document.activeElement.hasAttribute("data-ws-flash"), key, { timeout: 5000 });

  // The switch hides and shows the highlights.
  await popup.click(".ws-switch");
  await page.waitForFunction(() => [...document.querySelectorAll("whosaid-mark")].every((m) => m.hasAttribute("data-ws-hidden")));
  await popup.click(".ws-switch");
  await page.waitForFunction(() => ![...document.querySelectorAll("whosaid-mark")].some((m) => m.hasAttribute("data-ws-hidden")));

  // Analysing again gives the same marks, never nested in themselves.
  const count = await page.evaluate(() => document.querySelectorAll("whosaid-mark").length);
  await popup.close();
  const again = await openPopup(ext.context, ext.extId, tabId);
  assert.equal(await page.evaluate(() => document.querySelectorAll("whosaid-mark").length), count);
  const selfNested = await page.evaluate(() => [...document.querySelectorAll("whosaid-mark")].some((m) => m.querySelector(`whosaid-mark[data-ws-key="${m.dataset.wsKey}"]`)));
  assert.equal(selfNested, false);

  // Removing the highlights restores the page exactly (markup and text nodes, including the page's own split).
  const res = await again.evaluate((id) => chrome.runtime.sendMessage({ type: "clear", tabId: id }), tabId);
  assert.equal(res.ok, true);
  assert.deepEqual(await domSignature(page), before);
  await again.close();
});

test("the popup shows the core's statements: sides, numbered list items, strength, via, target, flags", async (t) => {
  const popup = await openPopup(ext.context, ext.extId, tabId);
  // The core's own report for the tab (what the JSON download gives), against what the popup shows.
  const res = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: "report", tabId: id }), tabId);
  assert.equal(res.ok, true);
  const report = JSON.parse(res.report);
  const view = await checkStatements(popup, "#root", report, assert);
  t.diagnostic(`${view.items.length} statements in ${view.sides.length} sides; ${view.items.filter((x) => x.item != null).length} numbered list items`);
  // On the seed: Putin's three key requirements are demands numbered 1-3 under one list.
  const putin = report.actors.find((a) => a.name === "Vladimir Putin");
  const items = report.statements.filter((s) => s.actor === putin.id && s.type === "demand" && s.item != null);
  assert.deepEqual(items.map((s) => s.item), [1, 2, 3], "the core no longer splits Putin's three requirements");
  const listed = await popup.$$eval(`.ws-actor[data-actor="${putin.id}"] .ws-enum-list > li`, (lis) => lis.map((li) => [li.getAttribute("value"), li.querySelector("button").dataset.key]));
  assert.deepEqual(listed, items.map((s) => [String(s.item), `s${s.id}`]));
  assert.match(await popup.textContent(`.ws-actor[data-actor="${putin.id}"] .ws-enum-lead`), /\(3 points\)/);
  // Blinken's demand, reported by Price, is Blinken's and says so.
  const blinken = report.actors.find((a) => /Blinken/.test(a.name));
  const viaPrice = report.statements.find((s) => s.actor === blinken?.id && s.via != null && /Price/.test(report.actors[s.via].name));
  assert.ok(viaPrice, "the core no longer reports Blinken's demand via Price");
  assert.match(await popup.textContent(`.ws-item-button[data-key="s${viaPrice.id}"]`), /reported by Ned Price/);
  // The side headings are visible, and Putin is under Russia.
  const russia = await popup.$$eval(".ws-side", (ss) => ss.filter((s) => s.querySelector(".ws-side-head").textContent === "Russia").map((s) => [...s.querySelectorAll(".ws-actor-name")].map((n) => n.textContent)));
  assert.ok(russia.length === 1 && russia[0].includes("Vladimir Putin"), JSON.stringify(russia));
  // Ned Price (U.S. State Department) is under United States, where the core's side logic puts him.
  const us = await popup.$$eval(".ws-side", (ss) => ss.filter((s) => s.querySelector(".ws-side-head").textContent === "United States").map((s) => [...s.querySelectorAll(".ws-actor-name")].map((n) => n.textContent)));
  assert.ok(us.length === 1 && us[0].includes("Ned Price"), JSON.stringify(us));
  await popup.close();
});

test("the popup receives what it shows: the display model, not the whole report", async (t) => {
  const popup = await openPopup(ext.context, ext.extId, tabId);
  const got = await popup.evaluate(async (id) => {
    const t0 = performance.now();
    const res = await chrome.runtime.sendMessage({ type: "analyze", tabId: id });
    const ms = performance.now() - t0;
    const rep = await chrome.runtime.sendMessage({ type: "report", tabId: id });
    return { keys: Object.keys(res), displayKeys: Object.keys(res.display), size: JSON.stringify(res).length, reportSize: rep.report.length, ms };
  }, tabId);
  t.diagnostic(`analyze reply ${got.size} characters in ${Math.round(got.ms)} ms; the whole report (JSON, asked separately) ${got.reportSize}`);
  assert.ok(!got.keys.includes("report"), `the reply carries the report: ${got.keys}`);
  assert.ok(!got.displayKeys.includes("text"), "the display model carries the article text");
  assert.ok(got.size < got.reportSize / 2, `the reply (${got.size}) is not much smaller than the report (${got.reportSize})`);
  await popup.close();
});

test("a page with Content-Security-Policy script-src 'self' is analysed too", async () => {
  const p = await ext.context.newPage();
  await p.goto(server.origin + "/csp.html");
  const id = await tabIdFor(ext.sw, p.url());
  const popup = await openPopup(ext.context, ext.extId, id);
  const ms = await marks(p);
  assert.ok(quotesBy(ms, "Vladimir Putin").some((m) => m.text.includes("Russia is carefully analyzing")));
  assert.ok(quotesBy(ms, "Joe Biden").length >= 1);
  assert.ok((await popup.$$eval(".ws-actor-name", (els) => els.length)) >= 3);
  await popup.close();
  await p.close();
});

test("markup-looking text in a hostile page is shown as text, never run", async () => {
  const p = await ext.context.newPage();
  await p.goto(server.origin + "/hostile.html");
  const id = await tabIdFor(ext.sw, p.url());
  const popup = await openPopup(ext.context, ext.extId, id);
  const text = await popup.textContent("#root");
  assert.match(text, /<b onmouseover=alert\(1\)>bold<\/b>/, "the quote text is not shown literally");
  assert.match(text, /<img src=x onerror=/, "the title is not shown literally");
  assert.equal(await popup.$$eval("#root img, #root script, #root b", (els) => els.length), 0);
  assert.equal(await popup.evaluate(() => window.__pwned), undefined);
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  assert.equal(await p.$$eval("img, b", (els) => els.length), 0);
  const ms = await marks(p);
  assert.ok(ms.some((m) => m.kind === "quote" && m.text.includes("<b onmouseover")), "the hostile quote is not highlighted as text");
  await popup.close();
  await p.close();
});

test("popup and options page have no axe-core violations, light and dark", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabId);
  assert.deepEqual(await axeViolations(popup), []);
  assert.deepEqual(await axeViolations(popup, { dark: true }), []);
  await popup.evaluate((id) => chrome.runtime.sendMessage({ type: "clear", tabId: id }), tabId);
  await popup.close();
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extId}/options.html`);
  await options.waitForSelector("body[data-ready]");
  assert.ok((await options.$$("input[name=palette]")).length >= 3);
  assert.deepEqual(await axeViolations(options), []);
  assert.deepEqual(await axeViolations(options, { dark: true }), []);
  await screenshot(options, "options.png", { fullPage: true });
  // Choosing a palette changes the colours of the next analysis.
  await options.click("#pal-contrast");
  await options.waitForFunction(() => document.getElementById("status").textContent.length > 0);
  assert.equal(await ext.sw.evaluate(() => chrome.storage.local.get("palette").then((s) => s.palette)), "contrast");
  await ext.sw.evaluate((tid) => globalThis.whosaidAnalyzeTab(tid, "page"), tabId);
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('whosaid-mark[data-ws-kind=mention][data-ws-c="0"]')).backgroundColor);
  assert.equal(bg, "rgb(0, 51, 204)");
  await options.click("#pal-default");
  await options.waitForFunction(() => document.querySelector("#pal-default").checked);
  await ext.sw.evaluate(() => chrome.storage.local.set({ palette: "default" }));
  await ext.sw.evaluate((tid) => chrome.scripting.executeScript({ target: { tabId: tid }, func: () => globalThis.WhoSaidContent.clear() }), tabId);
  await options.close();
});

test("options: custom colours with a contrast warning, saved and applied to the highlights", async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extId}/options.html`);
  await options.waitForSelector("body[data-ready]");
  assert.ok((await options.$$("#custom-colours input[type=color]")).length >= 6, "one colour input per palette slot");
  // A pale yellow is too faint on a white page but fine on a dark one.
  await options.fill("#colour-0", "#ffeb3b");
  await options.waitForFunction(() => document.getElementById("pal-custom").checked);
  const warn = await options.textContent("#colour-0-warn");
  assert.match(warn, /Faint on light pages \(1\.\d:1\)/);
  assert.doesNotMatch(warn, /dark/);
  // A dark navy is faint on dark pages only.
  await options.fill("#colour-1", "#101040");
  await options.waitForFunction(() => /dark pages/.test(document.getElementById("colour-1-warn").textContent));
  assert.doesNotMatch(await options.textContent("#colour-1-warn"), /light/);
  // Saved in storage; the next analysis uses them (the mention of actor 0 in the full colour).
  const saved = await ext.sw.evaluate(() => chrome.storage.local.get(["palette", "customColors"]));
  assert.equal(saved.palette, "custom");
  assert.deepEqual(saved.customColors.slice(0, 2), ["#ffeb3b", "#101040"]);
  assert.equal(await options.$eval("#swatches-custom span", (x) => getComputedStyle(x).backgroundColor), "rgb(255, 235, 59)");
  const res = await ext.sw.evaluate((tid) => globalThis.whosaidAnalyzeTab(tid, "page").then((r) => r.colors), tabId);
  assert.deepEqual(res.slice(0, 2), ["#ffeb3b", "#101040"]);
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('whosaid-mark[data-ws-kind=mention][data-ws-c="0"]')).backgroundColor);
  assert.equal(bg, "rgb(255, 235, 59)");
  // Reloaded, the options page shows the saved colours and the custom palette chosen.
  await options.reload();
  await options.waitForSelector("body[data-ready]");
  assert.equal(await options.inputValue("#colour-0"), "#ffeb3b");
  assert.equal(await options.isChecked("#pal-custom"), true);
  assert.deepEqual(await axeViolations(options), []);
  assert.deepEqual(await axeViolations(options, { dark: true }), []);
  // Reset: the default palette again, the custom colours forgotten.
  await options.click("#reset-colours");
  await options.waitForFunction(() => document.getElementById("pal-default").checked && document.getElementById("colour-0").value === "#1f6fd1");
  assert.deepEqual(await ext.sw.evaluate(() => chrome.storage.local.get(["palette", "customColors"])), { palette: "default", customColors: [] });
  await ext.sw.evaluate((tid) => chrome.scripting.executeScript({ target: { tabId: tid }, func: () => globalThis.WhoSaidContent.clear() }), tabId);
  await options.close();
});

test("the shortcut/context-menu path analyses without the popup and sets the badge", async (t) => {
  const p = await ext.context.newPage();
  await p.goto(server.origin + "/csp.html?shortcut");
  const id = await tabIdFor(ext.sw, p.url());
  const res = await ext.sw.evaluate((tid) => globalThis.whosaidShortcut("analyze-page", { id: tid }).then((r) => ({ ok: r.ok, quotes: r.display.counts.quotes, found: r.anchoring.found.length, missing: r.anchoring.missing, ms: r.ms, hlms: r.anchoring.ms })), id);
  t.diagnostic(`seed news page: ${res.ms} ms from request to highlights (${res.hlms} ms anchoring and highlighting), ${res.found} items anchored, missing: ${res.missing.join(" ") || "none"}`);
  assert.equal(res.ok, true);
  assert.ok(res.found > 0);
  assert.ok(quotesBy(await marks(p), "Vladimir Putin").length > 0);
  assert.equal(await ext.sw.evaluate((tid) => chrome.action.getBadgeText({ tabId: tid }), id), String(res.quotes));
  await p.close();
});

test("the context menu's 'analyse the selected text' highlights the quotes of the selection only", async (t) => {
  const p = await ext.context.newPage();
  await p.goto(server.origin + "/csp.html?selection");
  const id = await tabIdFor(ext.sw, p.url());
  // Select the paragraph with Biden's quote (the quote, its <em> and the cue).
  const selected = await p.evaluate(() => {
    const para = [...document.querySelectorAll("article p")].find((x) => x.textContent.includes("nonstop diplomacy"));
    const r = document.createRange();
    r.selectNodeContents(para);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return String(getSelection());
  });
  assert.match(selected, /President Joe Biden said/);
  // The menu's own click handler, as the browser calls it.
  const res = await ext.sw.evaluate(
    ([tid, text]) => globalThis
        .whosaidMenuClick({ menuItemId: "whosaid-selection", selectionText: text }, { id: tid })
        .then((r) => globalThis.whosaidReport(tid).then((rep) => ({ ok: r.ok, source: r.display.source, text: rep.text, title: rep.article.title, url: rep.article.url, quotes: rep.quotes.length, speakers: rep.quotes.map((q) => rep.actors[q.speaker]?.name ?? null) }))),
    [id, selected],
  );
  t.diagnostic(`selection: ${res.quotes} quote(s) by ${res.speakers.join(", ")}`);
  assert.equal(res.ok, true);
  assert.equal(res.source, "selection");
  assert.ok(res.text.length < 400, "more than the selection was analysed");
  assert.deepEqual(res.speakers, ["Joe Biden"]);
  assert.equal(res.url, p.url(), "the selection's report names the page");
  assert.equal(res.title, await p.title());
  const ms = await marks(p);
  assert.ok(quotesBy(ms, "Joe Biden").some((m) => m.text.includes("nonstop diplomacy")), "Biden's quote not highlighted");
  assert.equal(quotesBy(ms, "Vladimir Putin").length, 0, "a quote outside the selection was highlighted");
  // The page item analyses the whole page through the same handler.
  const whole = await ext.sw.evaluate((tid) => globalThis.whosaidMenuClick({ menuItemId: "whosaid-page" }, { id: tid }).then((r) => r.display.counts.quotes), id);
  assert.ok(whole > res.quotes);
  assert.ok(quotesBy(await marks(p), "Vladimir Putin").length > 0);
  // And the shortcut's handler.
  const sc = await ext.sw.evaluate((tid) => globalThis.whosaidShortcut("analyze-page", { id: tid }).then((r) => r.ok), id);
  assert.equal(sc, true);
  await p.close();
});

test("automatic analysis runs only on sites the user added (and granted)", async () => {
  const p = await ext.context.newPage();
  await p.goto(server.origin + "/csp.html?auto=off");
  await p.waitForTimeout(1500);
  assert.equal(await p.evaluate(() => document.querySelectorAll("whosaid-mark").length), 0, "analysed a site that was not added");
  await ext.sw.evaluate((o) => chrome.storage.local.set({ autoSites: [o] }), server.origin);
  await p.goto(server.origin + "/csp.html?auto=on");
  await p.waitForSelector("whosaid-mark[data-ws-kind=quote]", { timeout: 20000 });
  await ext.sw.evaluate(() => chrome.storage.local.set({ autoSites: [] }));
  await p.close();
});

test("content scripts cannot drive the background (only extension pages can)", async () => {
  const [res] = await ext.sw.evaluate((tid) => chrome.scripting.executeScript({ target: { tabId: tid }, func: () => chrome.runtime.sendMessage({ type: "analyze", tabId: 1 }) }), tabId);
  assert.equal(res.result.code, "forbidden");
});

test("a page without quotes says so", async () => {
  const p = await ext.context.newPage();
  await p.goto(server.origin + "/empty.html");
  const popup = await openPopup(ext.context, ext.extId, await tabIdFor(ext.sw, p.url()));
  assert.match(await popup.textContent("#root"), /No quotes found on this page/);
  assert.equal(await p.evaluate(() => document.querySelectorAll("whosaid-mark").length), 0);
  await popup.close();
  await p.close();
});

test("pages that cannot be analysed get a clear message", async () => {
  let p;
  const id = await newTabId(ext.sw, async () => {
    p = await ext.context.newPage();
    await p.goto("about:blank");
  });
  const popup = await openPopup(ext.context, ext.extId, id);
  assert.match(await popup.textContent("#root"), /This page cannot be analysed/);
  await popup.close();
  await p.close();
});

test("the extension makes no network request beyond the page's own", async (t) => {
  t.diagnostic(`${requests.length} requests seen, ${requests.filter((u) => u.startsWith("chrome-extension://")).length} of them to the extension's own files`);
  const foreign = requests.filter((u) => !u.startsWith(server.origin + "/") && !u.startsWith(`chrome-extension://${ext.extId}/`) && u !== "about:blank");
  assert.deepEqual(foreign, []);
  const paths = new Set(server.log.map((u) => new URL(u, server.origin).pathname));
  for (const p of paths) assert.ok(["/article.html", "/csp.html", "/hostile.html", "/empty.html", "/split.js", "/site.css", "/favicon.ico", "/nato-demands"].includes(p), `unexpected request to the page's server: ${p}`);
});
