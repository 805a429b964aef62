// Checks without a browser: the shipped manifest, the shell's sources (no HTML injection, no network),
// the strings, the colours' contrast, and restricted pages. (The display model, targets and Markdown
// are checked on the real core in core.test.mjs and tests/display.rs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";
import { PALETTES, contrast, tint, textOn, highlightCss, paletteColors, colorCheck } from "../../extension/palette.js";
import { restrictedUrl } from "../../extension/restricted.js";

const ext = (f) => join(ROOT, "extension", f);
const manifest = JSON.parse(readFileSync(ext("manifest.json"), "utf8"));
const messages = JSON.parse(readFileSync(ext("_locales/en/messages.json"), "utf8"));
const sources = [
  ...readdirSync(join(ROOT, "extension")).filter((f) => /\.(js|html)$/.test(f)).map((f) => ext(f)),
  ...readdirSync(join(ROOT, "www")).filter((f) => /\.(js|html)$/.test(f)).map((f) => join(ROOT, "www", f)),
];

test("the shipped manifest is minimal and works in Chromium and Firefox", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions.slice().sort(), ["activeTab", "contextMenus", "scripting", "storage"]);
  assert.equal(manifest.host_permissions, undefined, "no host permissions in the shipped manifest");
  assert.equal(manifest.content_scripts, undefined, "content scripts are injected on demand only");
  assert.equal(manifest.background.service_worker, "background.js");
  assert.deepEqual(manifest.background.scripts, ["background.js"]);
  assert.equal(manifest.background.type, "module");
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.equal(manifest.web_accessible_resources, undefined);
});

test("no HTML injection and no remote code or network calls in the shell", () => {
  for (const f of sources) {
    const src = readFileSync(f, "utf8");
    assert.doesNotMatch(src, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, f);
    if (f.endsWith(".js")) {
      assert.doesNotMatch(src, /https?:\/\/(?!127\.0\.0\.1)/, `${f} names a remote URL`);
      assert.doesNotMatch(src, /XMLHttpRequest|WebSocket|sendBeacon|EventSource/, f);
    }
  }
});

test("every string used exists in _locales/en", () => {
  const used = new Set();
  for (const f of sources) {
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(/\bt\("([A-Za-z_]+)"(?!\s*\+)/g)) used.add(m[1]);
    for (const m of src.matchAll(/data-i18n="([A-Za-z_]+)"/g)) used.add(m[1]);
  }
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z_]+)__/g)) used.add(m[1]);
  for (const ty of ["demand", "threat", "commitment", "rejection", "denial", "accusation", "position"]) used.add("type_" + ty);
  for (const k of ["direct", "indirect", "mixed"]) used.add("kind_" + k);
  const missing = [...used].filter((k) => !messages[k]);
  assert.deepEqual(missing, []);
  assert.ok(used.size > 30);
});

test("highlight colours keep WCAG AA contrast for their text", () => {
  for (const [name, colors] of Object.entries(PALETTES)) {
    for (const c of colors) {
      assert.ok(contrast(c, textOn(c)) >= 4.5, `${name} ${c}: mention text contrast ${contrast(c, textOn(c)).toFixed(2)}`);
      assert.ok(contrast(tint(c, 0.78), "#111111") >= 7, `${name} ${c}: quote tint contrast`);
    }
    assert.match(highlightCss(colors), /whosaid-mark\[data-ws-c="0"\]\[data-ws-kind="mention"\]/);
  }
});

test("custom colours: used when valid, the default palette otherwise; contrast checked on light and dark pages", () => {
  assert.deepEqual(paletteColors("custom", ["#FFEB3B", "#101040"]), ["#ffeb3b", "#101040"]);
  assert.deepEqual(paletteColors("custom", ["red"]), PALETTES.default);
  assert.deepEqual(paletteColors("custom", []), PALETTES.default);
  assert.deepEqual(paletteColors("nope"), PALETTES.default);
  const y = colorCheck("#ffeb3b");
  assert.equal(y.lightOk, false);
  assert.equal(y.darkOk, true);
  const n = colorCheck("#101040");
  assert.equal(n.lightOk, true);
  assert.equal(n.darkOk, false);
  assert.equal(colorCheck("#1f6fd1").lightOk && colorCheck("#1f6fd1").darkOk, true);
});

test("the shell computes no ranking, grouping or type order of its own (the core's display model does)", () => {
  for (const f of ["render.js", "markdown.js", "targets.js", "background.js", "popup.js"]) {
    const src = readFileSync(ext(f), "utf8");
    assert.doesNotMatch(src, /"demand",\s*"threat"/, `${f} lists the statement types`);
    assert.doesNotMatch(src, /\.sort\(|report\.(sides|statements|quotes|actors)\b/, `${f} sorts or reads the raw report`);
  }
});

test("browser pages, PDFs and stores are recognised as off limits", () => {
  for (const u of ["chrome://extensions", "about:blank", "edge://settings", "moz-extension://x/popup.html", "https://chromewebstore.google.com/detail/x", "https://chrome.google.com/webstore/detail/x", "https://addons.mozilla.org/en-US/firefox/", "https://example.org/report.pdf", "view-source:https://example.org", "not a url"]) assert.equal(restrictedUrl(u), true, u);
  for (const u of ["https://www.example.org/news/article.html", "http://127.0.0.1:8080/", "file:///tmp/saved.html"]) assert.equal(restrictedUrl(u), false, u);
});
