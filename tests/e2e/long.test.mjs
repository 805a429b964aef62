// Issue 14: a popup a reader can scan. The long page written for the tests
// (tests/fixtures/pages/long-talks, 30+ quotes, four sides) and the seed, in the real popup: the
// first screen shows the summary (who is on which side, statements per type), no card is taller than
// the popup until expanded, "N more" and the unsure fold open by mouse and keyboard, the summary's
// names jump to their cards. Screenshots to docs/screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SEED, startServer, launchWithExtension, tabIdFor, openPopup, screenshot, readText, axeViolations } from "./helpers.mjs";
import { newsPage, SPLIT_JS, SITE_CSS } from "./fixtures/news.mjs";

const VIEW = { width: 420, height: 600 };
let server, ext;
const tabs = {};

before(async () => {
  server = await startServer({
    "/long.html": { body: await readText("tests/fixtures/pages/long-talks/page.html") },
    "/seed.html": { body: newsPage(await readText(SEED)) },
    "/split.js": { body: SPLIT_JS, type: "text/javascript" },
    "/site.css": { body: SITE_CSS, type: "text/css" },
  });
  ext = await launchWithExtension();
  for (const name of ["long", "seed"]) {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/${name}.html`);
    if (name === "seed") await page.waitForSelector("html[data-split=done]");
    tabs[name] = await tabIdFor(ext.sw, page.url());
  }
});

after(async () => {
  await ext?.close();
  await server?.close();
});

/** What the popup's first screen shows: the summary's box, the cards' heights, the viewport. */
function firstScreen(popup) {
  return popup.evaluate(() => {
    const box = (el) => el && el.getBoundingClientRect();
    const sum = box(document.querySelector(".ws-summary"));
    return {
      viewport: window.innerHeight,
      summary: sum && { top: sum.top, bottom: sum.bottom },
      rows: [...document.querySelectorAll(".ws-sum-actor")].map((r) => ({ name: r.querySelector(".ws-sum-name").textContent, counts: r.querySelector(".ws-sum-counts").textContent, visible: box(r).bottom <= window.innerHeight })),
      sides: [...document.querySelectorAll(".ws-sum-side-name")].map((s) => s.textContent),
      cards: [...document.querySelectorAll(".ws-actor")].map((c) => ({ actor: c.dataset.actor, name: c.querySelector(".ws-actor-name").textContent, height: box(c).height })),
      folded: document.querySelectorAll(".ws-folded").length,
      visibleFolded: [...document.querySelectorAll(".ws-folded")].filter((e) => e.getClientRects().length > 0).length,
    };
  });
}

async function checkFirstScreen(popup, what) {
  const s = await firstScreen(popup);
  assert.ok(s.summary, `${what}: no summary`);
  assert.ok(s.summary.top < s.viewport, `${what}: the summary starts below the first screen`);
  assert.ok(s.sides.length >= 2, `${what}: sides in the summary: ${s.sides}`);
  assert.ok(s.rows.length >= 2 && s.rows.filter((r) => r.visible).length >= Math.min(s.rows.length, 6), `${what}: summary rows off the first screen`);
  for (const c of s.cards) assert.ok(c.height <= s.viewport, `${what}: ${c.name}'s card is ${Math.round(c.height)} px, taller than the ${s.viewport} px popup`);
  assert.equal(s.visibleFolded, 0, `${what}: folded items are visible`);
  return s;
}

test("long article: the first screen shows the sides and each actor's statements per type", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.long, VIEW);
  const display = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: "analyze", tabId: id }).then((r) => r.display), tabs.long);
  assert.ok(display.counts.quotes >= 30, `only ${display.counts.quotes} quotes on the long page`);
  const s = await checkFirstScreen(popup, "long page");
  assert.ok(s.folded > 0, "nothing folded on the long page");
  for (const side of ["Egypt", "Ethiopia", "Sudan"]) assert.ok(s.sides.includes(side), `${side} missing from the summary: ${s.sides}`);
  // The summary's counts are the core's: one row per listed actor, its type counts as the core gave them.
  const want = display.summary.flatMap((g) => g.actors);
  assert.deepEqual(s.rows.map((r) => r.name), want.map((a) => a.name));
  for (const [i, a] of want.entries()) for (const x of a.types) assert.ok(s.rows[i].counts.includes(String(x.count)), `${a.name}: ${x.type} ${x.count} not in "${s.rows[i].counts}"`);
  await screenshot(popup, "popup-long.png", { fullPage: false });
  assert.deepEqual(await axeViolations(popup), []);
  assert.deepEqual(await axeViolations(popup, { dark: true }), []);
  await popup.close();
});

test("long article: \"N more\" expands a card and folds it again, by mouse and by keyboard", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.long, VIEW);
  const card = popup.locator(".ws-actor", { has: popup.locator(".ws-more") }).first();
  const more = card.locator(".ws-more");
  const label = await more.textContent();
  const n = Number(label.match(/^(\d+) more$/)?.[1]);
  assert.ok(n > 0, `label: ${label}`);
  const hidden = () => card.evaluate((c) => [...c.querySelectorAll(".ws-folded")].filter((e) => e.getClientRects().length === 0).length);
  const closedHeight = (await card.boundingBox()).height;
  assert.ok((await hidden()) > 0);
  await more.click();
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  assert.equal(await hidden(), 0, "folded items still hidden after expanding");
  assert.ok((await card.boundingBox()).height > closedHeight, "the card did not grow");
  // keyboard: Enter on the focused button folds it again
  await more.focus();
  await popup.keyboard.press("Enter");
  assert.equal(await more.getAttribute("aria-expanded"), "false");
  assert.equal(await more.textContent(), label);
  assert.ok((await hidden()) > 0);
  await more.click();
  await card.scrollIntoViewIfNeeded();
  await screenshot(popup, "popup-long-open.png", { fullPage: false });
  await popup.close();
});

test("long article: a type filter shows every item of that type and no \"N more\" that would open nothing", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.long, VIEW);
  const card = popup.locator(".ws-actor", { has: popup.locator(".ws-more") }).first();
  // a type the card folds items of
  const type = await card.evaluate((c) => c.querySelector(".ws-group .ws-folded")?.closest(".ws-group")?.dataset.type);
  assert.ok(type, "no card with a folded statement of a type");
  await popup.locator("select.ws-filter").nth(1).selectOption(type);
  const state = await card.evaluate((c, type) => ({
    hiddenOfType: [...c.querySelectorAll(`.ws-group[data-type="${CSS.escape(type)}"] .ws-item`)].filter((e) => e.getClientRects().length === 0).length,
    moreVisible: [...c.querySelectorAll(".ws-more")].some((e) => e.getClientRects().length > 0),
    otherGroups: [...c.querySelectorAll(".ws-group")].filter((g) => g.dataset.type !== type && g.getClientRects().length > 0).length,
  }), type);
  assert.deepEqual(state, { hiddenOfType: 0, moreVisible: false, otherGroups: 0 });
  await popup.locator("select.ws-filter").nth(1).selectOption("");
  assert.ok(await card.locator(".ws-more").isVisible(), "\"N more\" gone after clearing the filter");
  await popup.close();
});

test("long article: the unsure fold opens with the keyboard and says the measured rate", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.long, VIEW);
  // a closed fold, pinned by its card (the locator must not depend on [open])
  const id = await popup.locator(".ws-actor details.ws-unsure:not([open])").first().evaluate((d) => d.closest(".ws-actor").dataset.actor);
  const fold = popup.locator(`.ws-actor[data-actor="${id}"] details.ws-unsure`);
  const line = fold.locator("summary");
  assert.match((await line.getAttribute("title")) || "", /^About \d+ in 10 of these are right/);
  assert.match(await line.textContent(), /^unsure \(\d+\)$/);
  const count = Number((await line.textContent()).match(/\d+/)[0]);
  assert.equal(await fold.locator(".ws-item").count(), count);
  assert.equal(await fold.locator(".ws-item").first().isVisible(), false);
  await line.focus();
  await popup.keyboard.press("Enter");
  assert.equal(await fold.evaluate((d) => d.open), true);
  assert.equal(await fold.locator(".ws-item").first().isVisible(), true);
  // unsure statements keep their type (a badge), their click-to-text key and their actor
  const first = fold.locator(".ws-item").first();
  assert.match((await first.locator(".ws-item-button").getAttribute("data-key")) || "", /^[sq]\d+$/);
  await popup.close();
});

test("long article: a name in the summary jumps to its card", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.long, VIEW);
  const last = popup.locator(".ws-sum-go").last();
  const id = await last.evaluate((b) => b.closest(".ws-sum-actor").dataset.actor);
  await last.focus();
  await popup.keyboard.press("Enter");
  const card = popup.locator(`.ws-actor[data-actor="${id}"]`);
  await popup.waitForFunction((i) => document.activeElement?.closest(".ws-actor")?.dataset.actor === i, id);
  const box = await card.boundingBox();
  assert.ok(box.y >= -1 && box.y < VIEW.height, `card at ${box.y}`);
  await popup.close();
});

test("seed: the same first screen, and no statement repeated as a quote in its card", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.seed, VIEW);
  await checkFirstScreen(popup, "seed");
  const repeated = await popup.evaluate(() =>
    [...document.querySelectorAll(".ws-actor")].flatMap((c) => {
      const texts = [...c.querySelectorAll(".ws-item-button")].map((b) => b.querySelector(".ws-item-text").textContent);
      return texts.filter((x, i) => texts.indexOf(x) !== i).map((x) => `${c.dataset.actor}: ${x}`);
    }),
  );
  assert.deepEqual(repeated, []);
  await popup.close();
});

test("long article: each card says who the actor speaks as (official with the body, expert)", async () => {
  const popup = await openPopup(ext.context, ext.extId, tabs.long, VIEW);
  const labels = await popup.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll(".ws-actor")].map((c) => [c.querySelector(".ws-actor-name").textContent, c.querySelector(".ws-category")?.textContent ?? null])),
  );
  assert.equal(labels["Selam Tadesse"], "official, ministry", JSON.stringify(labels));
  assert.equal(labels["African Union"], "official, international body", JSON.stringify(labels));
  assert.equal(labels["Nadia Farouk"], "expert", JSON.stringify(labels));
  assert.equal(labels["Laura Whitfield"], null, "an actor nothing is known of gets no label");
  await popup.close();
});
