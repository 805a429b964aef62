// The extension in headless Firefox ESR (installed temporarily by web-ext run): the background
// (an event page in Firefox) runs the WASM core and the content script highlights the news page.
// Tests cannot click the toolbar button, so the test copy enables the opt-in automatic analysis for
// the test server's origin (host permission + the autoSites setting); a page script then reports the
// highlights back to the test server.
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
let gotReport;
const reported = new Promise((r) => (gotReport = r));

const REPORTER = `(() => {
  // web-ext may open the page before the add-on has finished installing: reload (a new "complete"
  // load for the background to react to) every 5 s until highlights appear, 12 times at most.
  const n = Number(sessionStorage.getItem("whosaid-tries") || 0);
  const send = () => {
    const all = [...document.querySelectorAll("whosaid-mark")].map((m) => ({ key: m.dataset.wsKey, kind: m.dataset.wsKind, title: m.title, text: m.textContent }));
    fetch("/report", { method: "POST", body: JSON.stringify({ tries: n, marks: all }) });
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
})();`;

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
    if (req.url === "/report" && req.method === "POST") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => gotReport(JSON.parse(body)));
    }
  });
  ext = await testExtension();
  const origin = server.origin;
  const b = join(ext, "browser.js");
  const src = await readFile(b, "utf8");
  const patched = src.replace('export const DEFAULT_SETTINGS = { palette: "default", autoSites: [] };', `export const DEFAULT_SETTINGS = { palette: "default", autoSites: [${JSON.stringify(origin)}] };`);
  assert.notEqual(patched, src, "could not enable automatic analysis in the test copy");
  await writeFile(b, patched);
  profile = await mkdtemp(join(tmpdir(), "whosaid-ff-"));
  proc = spawn(join(ROOT, "node_modules/.bin/web-ext"), ["run", "--no-input", "--no-reload", "--source-dir", ext, "--firefox", FIREFOX, "--firefox-profile", profile, "--start-url", `${origin}/article.html`], {
    env: { ...process.env, MOZ_HEADLESS: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout.on("data", () => {});
  proc.stderr.on("data", () => {});
  let timer;
  report = await Promise.race([reported, new Promise((r) => (timer = setTimeout(() => r(null), 100000)))]);
  clearTimeout(timer);
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
