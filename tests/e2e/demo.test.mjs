// The demo page (www/, served by scripts/serve.mjs as `make demo` does): the seed article analysed
// with highlights and the actor list, pasted text, and an opened .html page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, launchPlain, screenshot, axeViolations, checkStatements } from "./helpers.mjs";
import { serve } from "../../scripts/serve.mjs";

let srv, browser, page;
const errors = [];

before(async () => {
  srv = await serve(join(ROOT, "www"), 0);
  browser = await launchPlain();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: srv.url.replace(/\/$/, "") });
  page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(srv.url);
  await page.waitForSelector("body[data-ready]", { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => srv?.server.close(r));
});

test("the seed article is analysed and highlighted on load", async () => {
  assert.equal(await page.getAttribute("body", "data-ready"), "true");
  const quoted = await page.$$eval("#article whosaid-mark[data-ws-kind=quote]", (ms) => ms.map((m) => [m.title, m.textContent]));
  assert.ok(quoted.some(([t, x]) => t.startsWith("Vladimir Putin") && x.includes("Russia is carefully analyzing")), "Putin's quote not highlighted as his");
  assert.ok(quoted.some(([t]) => t.startsWith("Joe Biden")), "Biden's quote not highlighted");
  assert.ok(!quoted.some(([t]) => /^(Viktor Orb|Sergei Lavrov|Boris Johnson|Volodymyr Zelensky)/.test(t)), "a mention-only person shown as quoted");
  const names = await page.$$eval("#panel .ws-actor-name", (els) => els.map((e) => e.textContent));
  assert.ok(names.some((n) => /Putin/.test(n)) && names.some((n) => /Price/.test(n)) && names.some((n) => /Biden/.test(n)), `actors: ${names}`);
  assert.match(await page.textContent("#version"), /core \d+\.\d+/);
  await screenshot(page, "demo.png");
});

test("the demo page has no axe-core violations, light and dark", async () => {
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await axeViolations(page, { dark: true }), []);
});

test("export: copy as Markdown and download the JSON report", async () => {
  await page.click("#panel .ws-copy-md");
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# ‘Ignored’: Putin Delivers/m);
  assert.match(md, /^#{2,3} Vladimir Putin/m);
  assert.match(md, /^#{3,4} (Demand|Position|Accusation)/m);
  // the quote Putin's accusation came from is listed once, as the statement (issue 14)
  assert.match(md, /^- ([^“\n]+: )?“Russia is carefully analyzing/m);
  assert.doesNotMatch(md, /^> “Russia is carefully analyzing/m);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#panel .ws-download-json")]);
  assert.match(download.suggestedFilename(), /^whosaid-.*\.json$/);
  const { readFile } = await import("node:fs/promises");
  const report = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(report.offsets, "utf16");
  assert.ok(report.quotes.length >= 5);
  const q = report.quotes.find((x) => report.text.slice(x.span.start, x.span.end).includes("Russia is carefully analyzing"));
  assert.ok(q && report.actors[q.speaker].name === "Vladimir Putin");
  // The panel shows every statement as the core reported it (sides, list numbers, flags).
  await checkStatements(page, "#panel", report, assert);
});

test("clicking an item in the panel focuses its highlight", async () => {
  const key = await page.$eval("#panel .ws-item-button", (b) => b.dataset.key);
  await page.click("#panel .ws-item-button");
  await page.waitForFunction((k) => document.activeElement?.dataset?.wsKey === k, key);
});

test("the type filter keeps only that type", async () => {
  const sel = (await page.$$("#panel select.ws-filter"))[1];
  await sel.selectOption("quote");
  const visible = await page.$$eval("#panel .ws-group", (gs) => gs.filter((g) => !g.hidden && g.closest(".ws-actor:not([hidden])")).map((g) => g.dataset.type));
  assert.ok(visible.length > 0 && visible.every((t) => t === "quote"), String(visible));
  await sel.selectOption("");
});

test("pasted text is analysed", async () => {
  await page.fill("#paste", "The talks ended late.\n\n\u201cWe will not accept any ultimatum,\u201d Foreign Minister Anna Berg said on Friday.");
  await page.click("#analyse-text");
  await page.waitForFunction(() => document.querySelector("#article")?.textContent.includes("ultimatum"));
  const marks = await page.$$eval("#article whosaid-mark[data-ws-kind=quote]", (ms) => ms.map((m) => m.textContent).join(" "));
  assert.match(marks, /We will not accept any ultimatum/);
  assert.match(await page.textContent("#panel"), /Berg/);
  assert.equal(await page.locator("#panel .ws-flag-unsure").count(), 0, "a named direct quote is flagged unsure");
});

test("a quote from a weak rule is flagged unsure, with its calibrated rate in the tooltip", async () => {
  // a short quotation with a cue after it and an unresolved "she": a rule right about one time in ten
  await page.fill("#paste", "The council met on Monday.\n\nHe called the plan \u201cabsurd,\u201d she said.");
  await page.click("#analyse-text");
  await page.waitForFunction(() => document.querySelector("#article")?.textContent.includes("absurd"));
  const flags = page.locator("#panel .ws-flag-unsure");
  assert.equal(await flags.count(), 1);
  assert.match((await flags.first().getAttribute("title")) || "", /right about \d+ % of the time/);
});

test("an opened .html page is analysed with viewPage", async () => {
  const html = `<!doctype html><html><head><title>Port talks stall</title></head><body><nav>Home News</nav><article><h1>Port talks stall</h1><p>\u201cThe port will stay closed until wages rise,\u201d union leader Maria Lopez said on Tuesday.</p><p>Officials declined to comment.</p></article></body></html>`;
  await page.setInputFiles("#file", { name: "saved.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector("#article")?.textContent.includes("port will stay closed"));
  assert.match(await page.textContent("#panel .ws-title"), /Port talks stall/);
  assert.match(await page.textContent("#panel"), /Lopez/);
  assert.deepEqual(errors, []);
});
