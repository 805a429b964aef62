// Checks without a browser: the shipped manifest, the shell's sources (no HTML injection, no network),
// the strings, the colours' contrast, and the pure modules (targets, Markdown, restricted pages).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";
import { buildTargets, actorOrder, sideGroups, foldItems, CONTEXT } from "../../extension/targets.js";
import { toMarkdown } from "../../extension/markdown.js";
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

// A small report by hand (UTF-16 offsets), with an emoji before the quote to catch offset slips.
const text = "😀 Intro. “Give us the keys <now>,” Jane Roe said. Roe left. Bob Poe watched.";
const q0 = text.indexOf("“");
const q1 = text.indexOf("”") + 1;
const jr = text.indexOf("Jane Roe");
const roe2 = text.indexOf("Roe left");
const bob = text.indexOf("Bob Poe");
const report = {
  version: "t",
  offsets: "utf16",
  article: { title: "Keys *now*", site_name: "Site", published: null, byline: null, url: "https://example.org/a", lang: "en" },
  source: "text",
  text,
  truncated: false,
  actors: [
    { id: 0, name: "Bob Poe", role: null, affiliation: null, kind: "person", official: false, quoted: false, mentions: [{ start: bob, end: bob + 7 }] },
    { id: 1, name: "Jane Roe", role: "Minister", affiliation: "Ruritania", kind: "person", official: true, quoted: true, mentions: [{ start: jr, end: jr + 8 }, { start: roe2, end: roe2 + 3 }] },
  ],
  quotes: [{ id: 0, kind: "direct", span: { start: q0, end: q1 }, fragments: [{ start: q0 + 1, end: q1 - 2 }], cue: null, cue_lemma: "say", speaker: 1, speaker_mention: { start: jr, end: jr + 8 }, reported_source: null, confidence: 0.9, rule: "t" }],
  statements: [{ id: 0, actor: 1, via: null, target: "us", type: "demand", strength: 3, span: { start: q0 + 1, end: q1 - 2 }, cue: null, quote: 0, conditional: true, negated: false, future: false, rule: "t" }],
  notices: [],
};

test("targets: quoted actors first, exact text with 32-character context, keys per item", () => {
  assert.deepEqual(actorOrder(report), [1, 0]);
  const ts = buildTargets(report, (k, ...a) => [k, ...a].join(":"));
  const keys = ts.map((t) => t.key);
  assert.deepEqual(keys.sort(), ["m1.0", "m1.1", "q0", "s0"]);
  const q = ts.find((t) => t.key === "q0");
  assert.equal(q.exact, "Give us the keys <now>");
  assert.equal(q.prefix, text.slice(0, q0 + 1).slice(-CONTEXT));
  assert.equal(q.suffix, text.slice(q1 - 2, q1 - 2 + CONTEXT));
  assert.equal(q.slot, "0");
  assert.match(q.title, /^Jane Roe \(Minister, Ruritania\)/);
  assert.ok(!ts.some((t) => t.actor === 0), "a mention-only actor gets no highlight");
});

test("Markdown export: title, URL, actors, statements with flags, quotes; markup escaped", () => {
  const md = toMarkdown(report, (k, ...a) => ({ type_demand: "Demands", quotesHeading: "Quotes", flagConditional: "conditional", countsLine: `${a[0]} quotes` })[k] || k);
  assert.match(md, /^# Keys \\\*now\\\*$/m);
  assert.match(md, /<https:\/\/example\.org\/a> · Site/);
  assert.match(md, /^## Jane Roe — Minister, Ruritania$/m);
  assert.match(md, /^### Demands$/m);
  assert.match(md, /^- Give us the keys \\<now\\> _\(strength_3; targetActor; conditional\)_$/m);
  assert.match(md, /^> “Give us the keys \\<now\\>,”$/m);
  assert.doesNotMatch(md, /Bob Poe/);
});

test("sides: actors grouped by side from report.sides, quoted-only actors by affiliation, list items folded", () => {
  const st = (id, actor, extra = {}) => ({ id, actor, via: null, target: null, type: "demand", strength: 3, span: { start: 0, end: 1 }, cue: null, quote: null, conditional: false, negated: false, future: false, rule: "t", item: null, repeats: [], ...extra });
  const r = {
    ...report,
    actors: [...report.actors, { id: 2, name: "Ann Lee", role: null, affiliation: "Ruritania", kind: "person", official: false, quoted: true, mentions: [] }, { id: 3, name: "Al Oz", role: null, affiliation: null, kind: "person", official: false, quoted: false, mentions: [{ start: 1, end: 2 }] }],
    quotes: [...report.quotes, { ...report.quotes[0], id: 1, speaker: 2 }],
    statements: [st(0, 1, { item: 1 }), st(1, 1, { item: 2 }), st(2, 1, { item: 3, type: "threat" }), st(3, 3), st(4, 1, { item: 1 })],
    sides: [{ side: "Ruritania", actors: [{ actor: 1, statements: [0, 1, 2, 4] }] }, { side: null, actors: [{ actor: 3, statements: [3] }] }],
  };
  const gs = sideGroups(r);
  assert.deepEqual(gs.map((g) => [g.side, g.actors.map((a) => a.id)]), [["Ruritania", [1, 2]], [null, [3]]]);
  assert.deepEqual(gs[0].actors[1].quotes, [1]);
  const folded = foldItems([0, 1, 2, 4].map((i) => r.statements[i]));
  assert.deepEqual(folded.map((e) => (e.list ? e.list.map((s) => s.id) : e.statement.id)), [[0, 1], 2, 4]);
  const md = toMarkdown(r, (k, ...a) => (k === "enumLead" ? `${a[1]} (${a[0]} points)` : k === "sideNone" ? "Side not stated" : k));
  assert.match(md, /^## Ruritania$/m);
  assert.match(md, /^### Jane Roe — Minister, Ruritania$/m);
  assert.match(md, /^- type_demand \(2 points\)\n  1\. .*\n  2\. /m);
  assert.match(md, /^## Side not stated$/m);
});

test("browser pages, PDFs and stores are recognised as off limits", () => {
  for (const u of ["chrome://extensions", "about:blank", "edge://settings", "moz-extension://x/popup.html", "https://chromewebstore.google.com/detail/x", "https://chrome.google.com/webstore/detail/x", "https://addons.mozilla.org/en-US/firefox/", "https://example.org/report.pdf", "view-source:https://example.org", "not a url"]) assert.equal(restrictedUrl(u), true, u);
  for (const u of ["https://www.example.org/news/article.html", "http://127.0.0.1:8080/", "file:///tmp/saved.html"]) assert.equal(restrictedUrl(u), false, u);
});
