// The extension in headless Firefox ESR (installed temporarily by web-ext run): the background
// (an event page in Firefox) runs the WASM core, the content script highlights the news page, and the
// popup lists the actors and statements. Tests cannot click the toolbar button, so the test copy
// (never the shipped files) enables the opt-in automatic analysis for the test server's origin (host
// permission + the autoSites setting), and, once the page is highlighted, opens the popup page for
// that tab in a new tab (moz-extension://…/popup.html?tab=ID: the popup's own flow, analysing the
// tab again). A page script reports the highlights and the popup page reports its contents (and
// what axe-core finds in it) back to the test server; the popup then clicks its first item and the
// page reports the flashed mark.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SEED, startServer, testExtension, readText } from "./helpers.mjs";
import { newsPage, SITE_CSS } from "./fixtures/news.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
let server, ext, proc, profile;
let report = null;
let popup = null;
let focused = null;
const waiters = {};
const posted = Object.fromEntries(["/report", "/popup-report", "/focused"].map((p) => [p, new Promise((r) => (waiters[p] = r))]));
const within = (p, ms) => {
  let timer;
  return Promise.race([p, new Promise((r) => (timer = setTimeout(() => r(null), ms)))]).finally(() => clearTimeout(timer));
};

const REPORTER = `(() => {
  // web-ext may open the page before the add-on has finished installing: reload (a new "complete"
  // load for the background to react to) every 5 s until highlights appear, 12 times at most.
  const n = Number(sessionStorage.getItem("whosaid-tries") || 0);
  const send = () => {
    const all = [...document.querySelectorAll("whosaid-mark")].map((m) => ({ key: m.dataset.wsKey, kind: m.dataset.wsKind, title: m.title, text: m.textContent }));
    // Only then may the popup be opened (its own analysis removes and re-applies the highlights).
    fetch("/report", { method: "POST", body: JSON.stringify({ tries: n, marks: all }) }).then(() => document.documentElement.setAttribute("data-whosaid-reported", ""));
  };
  let waited = 0;
  const tick = () => {
    if (document.querySelector("whosaid-mark")) return setTimeout(send, 500);
    waited += 200;
    if (waited < 5000) return setTimeout(tick, 200);
    if (n >= 12) return send();
    sessionStorage.setItem("whosaid-tries", String(n + 1));
    location.reload();
  };
  tick();
  // After the popup (opened by the test copy) clicks its first item: the focused, flashing mark.
  let polls = 0;
  const watch = () => {
    const m = document.querySelector("whosaid-mark[data-ws-flash]");
    if (m) return fetch("/focused", { method: "POST", body: JSON.stringify({ key: m.dataset.wsKey, active: document.activeElement === m }) });
    if (++polls < 600) setTimeout(watch, 200);
  };
  watch();
})();`;

// Appended to the test copy's background.js: once the article tab is highlighted by the automatic
// analysis and the page has reported its highlights, open the popup page for it in a tab (a test
// cannot click the toolbar button).
const OPEN_POPUP = (origin) => `
let whosaidPopupOpened = false;
B.onTabComplete(async (tabId, tab) => {
  if (whosaidPopupOpened || !tab.url || !tab.url.startsWith(${JSON.stringify(origin)} + "/article.html")) return;
  for (let i = 0; i < 300; i++) {
    const done = await B.run(tabId, () => document.documentElement.hasAttribute("data-whosaid-reported")).catch(() => false);
    if (done) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (whosaidPopupOpened) return;
  whosaidPopupOpened = true;
  await chrome.tabs.create({ url: B.url("popup.html?tab=" + tabId + "&e2e=1"), active: false });
});
`;

// Appended to the test copy's popup.js: report what the popup shows, then click its first item.
const POPUP_REPORTER = (origin) => `
if (new URLSearchParams(location.search).has("e2e")) {
  const whosaidReport = () => {
    if (!document.body.hasAttribute("data-ready")) return setTimeout(whosaidReport, 100);
    const q = (sel, el = document) => [...el.querySelectorAll(sel)];
    const data = {
      ready: document.body.getAttribute("data-ready"),
      title: document.querySelector(".ws-title")?.textContent ?? null,
      counts: document.querySelector(".ws-counts")?.textContent ?? null,
      message: document.querySelector(".ws-message-title")?.textContent ?? null,
      sides: q(".ws-side").map((s) => ({ side: s.querySelector(".ws-side-head").textContent, actors: q(".ws-actor-name", s).map((n) => n.textContent) })),
      actors: q(".ws-actor:not(.ws-anon)").map((a) => ({ name: a.querySelector(".ws-actor-name").textContent, types: q(".ws-group", a).map((g) => g.dataset.type), items: q(".ws-item-button", a).map((b) => b.textContent) })),
      numbered: q(".ws-enum-list > li").map((li) => li.getAttribute("value")),
      via: q(".ws-flag-via").map((f) => f.closest(".ws-actor").querySelector(".ws-actor-name").textContent + ": " + f.textContent),
      firstKey: document.querySelector(".ws-item-button")?.dataset.key ?? null,
    };
    // axe-core (copied into the test copy) on the popup as Firefox renders it.
    const axe = document.createElement("script");
    axe.src = "axe.min.js";
    axe.onload = () =>
      globalThis.axe
        .run(document, { resultTypes: ["violations"] })
        .then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")), (e) => ["axe failed: " + e])
        .then((violations) => fetch(${JSON.stringify(origin)} + "/popup-report", { method: "POST", body: JSON.stringify({ ...data, violations }) }))
        .then(() => document.querySelector(".ws-item-button")?.click());
    axe.onerror = () => fetch(${JSON.stringify(origin)} + "/popup-report", { method: "POST", body: JSON.stringify({ ...data, violations: ["axe.min.js did not load"] }) });
    document.head.appendChild(axe);
  };
  whosaidReport();
}
`;

const SKIP = !existsSync(FIREFOX) ? "firefox-esr not installed" : process.env.WHOSAID_FIREFOX === "0" ? "WHOSAID_FIREFOX=0" : false;

before(async () => {
  if (SKIP) return;
  const seed = await readText(SEED);
  server = await startServer({
    "/article.html": { body: newsPage(seed, { script: "/reporter.js" }) },
    "/reporter.js": { body: REPORTER, type: "text/javascript" },
    "/site.css": { body: SITE_CSS, type: "text/css" },
  });
  server.server.on("request", (req) => {
    if (waiters[req.url] && req.method === "POST") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => waiters[req.url](JSON.parse(body)));
    }
  });
  ext = await testExtension();
  const origin = server.origin;
  const b = join(ext, "browser.js");
  const src = await readFile(b, "utf8");
  const patched = src.replace(/(export const DEFAULT_SETTINGS = \{[^}]*autoSites: )\[\]/, `$1[${JSON.stringify(origin)}]`);
  assert.notEqual(patched, src, "could not enable automatic analysis in the test copy");
  await writeFile(b, patched);
  await writeFile(join(ext, "axe.min.js"), await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js")));
  for (const [file, add] of [["background.js", OPEN_POPUP(origin)], ["popup.js", POPUP_REPORTER(origin)]]) {
    await writeFile(join(ext, file), (await readFile(join(ext, file), "utf8")) + add);
  }
  profile = await mkdtemp(join(tmpdir(), "whosaid-ff-"));
  proc = spawn(join(ROOT, "node_modules/.bin/web-ext"), ["run", "--no-input", "--no-reload", "--source-dir", ext, "--firefox", FIREFOX, "--firefox-profile", profile, "--start-url", `${origin}/article.html`], {
    env: { ...process.env, MOZ_HEADLESS: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout.on("data", () => {});
  proc.stderr.on("data", () => {});
  report = await within(posted["/report"], 100000);
  if (report) popup = await within(posted["/popup-report"], 40000);
  if (popup) focused = await within(posted["/focused"], 20000);
});

after(async () => {
  if (proc && proc.exitCode == null) {
    try {
      process.kill(-proc.pid, "SIGTERM");
    } catch (e) {
      /* gone */
    }
  }
  await server?.close();
  if (ext) await rm(ext, { recursive: true, force: true });
  if (profile) await rm(profile, { recursive: true, force: true });
});

test("Firefox ESR: automatic analysis on a granted site highlights the quoted officials", { skip: SKIP }, (t) => {
  assert.ok(report, "the page reported nothing within 100 s");
  t.diagnostic(`page loads before the highlights appeared: ${report.tries + 1}`);
  const quotes = report.marks.filter((m) => m.kind === "quote");
  const text = (name) => quotes.filter((m) => m.title.startsWith(name)).map((m) => m.text).join(" ");
  assert.match(text("Vladimir Putin"), /Russia is carefully analyzing/);
  assert.ok(text("Joe Biden").length > 0, "no quote highlighted for Biden");
  assert.ok(!quotes.some((m) => /^(Viktor Orb|Sergei Lavrov|Boris Johnson|Volodymyr Zelensky)/.test(m.title)), "a mention-only person shown as quoted");
});

test("Firefox ESR: the popup page lists the actors by side with their statements; an item click flashes its mark", { skip: SKIP }, (t) => {
  assert.ok(report, "the page reported nothing");
  assert.ok(popup, "the popup page reported nothing within 40 s");
  t.diagnostic(`popup: ${popup.counts}; sides ${popup.sides.map((s) => s.side).join(", ")}`);
  assert.equal(popup.ready, "true", popup.message || "popup failed");
  assert.match(popup.title, /Putin Delivers First Speech/);
  assert.match(popup.counts, /\d+ quotes · \d+ statements · \d+ speaking actors/);
  const names = popup.actors.map((a) => a.name);
  for (const n of ["Vladimir Putin", "Ned Price", "Joe Biden"]) assert.ok(names.includes(n), `${n} missing: ${names}`);
  assert.ok(!names.some((n) => /Orb[aá]n|Lavrov|Johnson|Zelensky/.test(n)), `mention-only person listed: ${names}`);
  const putin = popup.actors.find((a) => a.name === "Vladimir Putin");
  // his quotes are listed once, as the statements they gave (issue 14), the unsure ones folded
  assert.ok(putin.types.includes("demand") && putin.items.some((x) => x.includes("Russia is carefully analyzing")), JSON.stringify(putin));
  assert.ok(popup.sides.some((s) => s.side === "Russia" && s.actors.includes("Vladimir Putin")), JSON.stringify(popup.sides));
  assert.deepEqual(popup.numbered, ["1", "2", "3"]);
  assert.ok(popup.via.some((v) => /Blinken: reported by Ned Price/.test(v)), String(popup.via));
  assert.deepEqual(popup.violations, [], "axe-core violations in the popup in Firefox");
  assert.ok(focused, "clicking the popup's first item flashed no mark in the page");
  assert.equal(focused.key, popup.firstKey);
});
