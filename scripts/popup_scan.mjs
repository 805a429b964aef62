// Measures what a reader sees in the popup on a page (issue 14): the cards' heights, how much of the
// list the first screen holds, whether a summary is there. For before/after figures of the popup
// layout: pass another checkout's extension folder (it needs its pkg/, `make build` there).
// Usage: node scripts/popup_scan.mjs [EXTENSION_DIR] [PAGE.html ...]   (defaults: extension/, the
// long fixture page and the seed inside the e2e news markup); popup 420×600 as in the e2e tests.
import { cp, mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer, tabIdFor, CHROMIUM, BASE_ARGS, SEED } from "../tests/e2e/helpers.mjs";
import { newsPage, SPLIT_JS } from "../tests/e2e/fixtures/news.mjs";

const [extArg, ...pages] = process.argv.slice(2);
const src = resolve(extArg || "extension");
const dir = await mkdtemp(join(tmpdir(), "whosaid-scan-ext-"));
await cp(src, dir, { recursive: true });
const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
manifest.host_permissions = ["http://127.0.0.1/*"];
await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
const routes = { "/split.js": { body: SPLIT_JS, type: "text/javascript" }, "/seed.html": { body: newsPage(await readFile(SEED, "utf8")) } };
const names = ["/seed.html"];
for (const p of pages.length ? pages : ["tests/fixtures/pages/long-talks/page.html"]) {
  const name = `/${names.length}.html`;
  routes[name] = { body: await readFile(p, "utf8") };
  names.unshift(name);
}
const server = await startServer(routes);
const profile = await mkdtemp(join(tmpdir(), "whosaid-scan-profile-"));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, ignoreDefaultArgs: ["--disable-extensions"], args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...BASE_ARGS] });
let [sw] = context.serviceWorkers();
if (!sw) sw = await context.waitForEvent("serviceworker", { timeout: 20000 });
const extId = new URL(sw.url()).host;
for (const name of names) {
  const page = await context.newPage();
  await page.goto(server.origin + name);
  const tab = await tabIdFor(sw, page.url());
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tab}`);
  await popup.waitForSelector("body[data-ready]", { timeout: 30000 });
  const m = await popup.evaluate(() => {
    const vh = window.innerHeight;
    const cards = [...document.querySelectorAll(".ws-actor")].map((c) => c.getBoundingClientRect());
    const shown = [...document.querySelectorAll(".ws-item-button")].filter((b) => b.getClientRects().length > 0);
    const sumRows = [...document.querySelectorAll(".ws-sum-actor")];
    return {
      counts: document.querySelector(".ws-counts")?.textContent,
      cards: cards.length,
      maxCard: Math.round(Math.max(0, ...cards.map((r) => r.height))),
      cardsOverScreen: cards.filter((r) => r.height > vh).length,
      listHeight: Math.round(document.body.scrollHeight),
      actorsNamedOnFirstScreen: new Set([...document.querySelectorAll(".ws-actor-name, .ws-sum-name")].filter((e) => e.getBoundingClientRect().bottom <= vh).map((e) => e.textContent)).size,
      itemsShown: shown.length,
      summaryRows: sumRows.length,
    };
  });
  console.log(`${name === "/seed.html" ? "seed" : name}: ${JSON.stringify(m)}`);
  await popup.close();
  await page.close();
}
await context.close();
await server.close();
await rm(profile, { recursive: true, force: true });
await rm(dir, { recursive: true, force: true });
