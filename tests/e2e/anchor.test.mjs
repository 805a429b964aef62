// The anchoring and highlighting code (extension/anchor.js + highlight.js) on tricky DOMs, in
// headless Chromium without the extension: typography, element boundaries, ties, nesting, skipped
// elements, and exact restoration of the DOM (including text nodes the page split on purpose).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchPlain, scriptRoutes } from "./helpers.mjs";

let server, browser, page;

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script src="/anchor.js"></script><script src="/highlight.js"></script></head><body>
<div id="a"><p>He said: \u201cWe\u00a0will\u00a0not   back down \u2014 ever,\u201d the minister added.</p></div>
<div id="b"><p>\u201cNATO refers to <a href="/x">the right of countries</a> to choose <em>freely</em>,\u201d Putin said.</p></div>
<div id="c"><p>Putin spoke first. Later, Putin spoke again. Finally Putin left.</p></div>
<div id="d"><script>var x = "hidden quote text";</script><textarea>hidden quote text</textarea><div contenteditable="true">hidden quote text</div><p>visible quote text</p></div>
<div id="e"><p id="split"></p></div>
<div id="g"><p>“The first part ends here.</p><p>The second part goes on,” she said.<br>Next line.</p></div>
<div id="f"><p>The demand was clear: withdraw the troops and equipment now, the spokesman said.</p></div>
</body></html>`;

before(async () => {
  server = await startServer({
    "/": { body: PAGE },
    ...(await scriptRoutes(["anchor.js", "highlight.js"])),
  });
  browser = await launchPlain();
  page = await browser.newPage();
  await page.goto(server.origin + "/");
  // Two adjacent text nodes made on purpose by the page.
  await page.evaluate(() => {
    const p = document.getElementById("split");
    p.appendChild(document.createTextNode("First half of a sentence, "));
    p.appendChild(document.createTextNode("second half of it."));
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Applies targets to the element `#id`, returns marks (key, kind, text) and the result. */
async function apply(id, targets) {
  return page.evaluate(
    ([id, targets]) => {
      const root = document.getElementById(id);
      globalThis.hls = globalThis.hls || {};
      const hl = (globalThis.hls[id] = globalThis.hls[id] || new WhoSaidDom.Highlighter(root));
      const res = hl.apply(targets);
      const marks = [...root.querySelectorAll("whosaid-mark")].map((m) => ({ key: m.dataset.wsKey, kind: m.dataset.wsKind, text: m.textContent, depth: (function d(n) { let k = 0; for (let p = n.parentElement; p; p = p.parentElement) if (p.tagName === "WHOSAID-MARK") k++; return k; })(m) }));
      return { res, marks };
    },
    [id, targets],
  );
}

function snapshot(id) {
  return page.evaluate((id) => {
    const out = [];
    const walk = (n) => {
      out.push(n.nodeType === 3 ? `#${n.data}` : n.nodeName);
      for (const c of n.childNodes) walk(c);
      if (n.nodeType === 1) out.push(`/${n.nodeName}`);
    };
    const root = document.getElementById(id);
    walk(root);
    return { html: root.innerHTML, nodes: out };
  }, id);
}

async function clear(id) {
  await page.evaluate((id) => globalThis.hls[id].clear(), id);
}

test("typography, NBSP and whitespace differences still anchor, text unchanged", async () => {
  const before = await snapshot("a");
  const { res, marks } = await apply("a", [{ key: "q0", kind: "quote", slot: 0, exact: '"We will not back down - ever,"', prefix: "He said: ", suffix: " the minister", hint: 0 }]);
  assert.deepEqual(res.missing, []);
  assert.equal(marks.length, 1);
  assert.equal(marks[0].text, "\u201cWe\u00a0will\u00a0not   back down \u2014 ever,\u201d");
  await clear("a");
  assert.deepEqual(await snapshot("a"), before);
});

test("a quote across a link and an <em> is wrapped in several runs and restored exactly", async () => {
  const before = await snapshot("b");
  const exact = "NATO refers to the right of countries to choose freely,";
  const { res, marks } = await apply("b", [{ key: "q1", kind: "quote", slot: 1, exact, prefix: "\u201c", suffix: "\u201d Putin said.", hint: 0 }]);
  assert.deepEqual(res.found, ["q1"]);
  assert.ok(marks.length >= 3, `expected a run per text node, got ${marks.length}`);
  assert.equal(marks.map((m) => m.text).join(""), exact);
  assert.equal(await page.evaluate(() => document.querySelector("#b a whosaid-mark")?.textContent), "the right of countries");
  await clear("b");
  assert.deepEqual(await snapshot("b"), before);
});

test("prefix and suffix choose between equal matches; taken places are avoided", async () => {
  const { marks } = await apply("c", [
    { key: "m0.0", kind: "mention", slot: 0, exact: "Putin", prefix: "Later, ", suffix: " spoke again", hint: 0 },
    { key: "m0.1", kind: "mention", slot: 0, exact: "Putin", prefix: "Finally ", suffix: " left.", hint: 0 },
  ]);
  const byKey = Object.fromEntries(marks.map((m) => [m.key, m]));
  assert.ok(byKey["m0.0"] && byKey["m0.1"]);
  const order = await page.evaluate(() => [...document.querySelectorAll("#c whosaid-mark")].map((m) => [m.dataset.wsKey, m.previousSibling.data.slice(-7)]));
  assert.deepEqual(order, [["m0.0", "Later, "], ["m0.1", "inally "]]);
  await clear("c");
  // Same context for both: the second target must not take the first one's place.
  const { marks: m2 } = await apply("c", [
    { key: "m0.0", kind: "mention", slot: 0, exact: "Putin", prefix: "", suffix: "", hint: 0 },
    { key: "m0.1", kind: "mention", slot: 0, exact: "Putin", prefix: "", suffix: "", hint: 0 },
  ]);
  assert.equal(m2.length, 2);
  await clear("c");
});

test("script, textarea and contenteditable content is never highlighted", async () => {
  const { marks } = await apply("d", [{ key: "q2", kind: "quote", slot: 2, exact: "hidden quote text", prefix: "", suffix: "", hint: 0 }, { key: "q3", kind: "quote", slot: 2, exact: "visible quote text", prefix: "", suffix: "", hint: 0 }]);
  assert.deepEqual(marks.map((m) => m.key), ["q3"]);
  await clear("d");
});

test("the page's own adjacent text nodes stay separate after removal", async () => {
  const before = await snapshot("e");
  assert.equal(before.nodes.filter((n) => n.startsWith("#")).length, 2);
  const { marks } = await apply("e", [{ key: "q4", kind: "quote", slot: 0, exact: "half of a sentence, second half", prefix: "First ", suffix: " of it.", hint: 0 }]);
  assert.equal(marks.map((m) => m.text).join(""), "half of a sentence, second half");
  await clear("e");
  assert.deepEqual(await snapshot("e"), before);
});

test("a statement inside a quote nests inside it; applying twice never nests a mark in itself", async () => {
  const before = await snapshot("f");
  const targets = [
    { key: "q5", kind: "quote", slot: 0, exact: "withdraw the troops and equipment now", prefix: "clear: ", suffix: ", the spokesman", hint: 0 },
    { key: "s5", kind: "statement", slot: 0, exact: "the troops and equipment", prefix: "withdraw ", suffix: " now", hint: 0 },
    { key: "m1.0", kind: "mention", slot: 1, exact: "spokesman", prefix: "the ", suffix: " said.", hint: 0 },
  ];
  const first = await apply("f", targets);
  const s = first.marks.find((m) => m.key === "s5");
  assert.equal(s.depth, 1);
  assert.equal(s.text, "the troops and equipment");
  const second = await apply("f", targets);
  assert.deepEqual(second.marks, first.marks);
  const selfNested = await page.evaluate(() => [...document.querySelectorAll("#f whosaid-mark")].some((m) => m.querySelector(`whosaid-mark[data-ws-key="${m.dataset.wsKey}"]`)));
  assert.equal(selfNested, false);
  await clear("f");
  assert.deepEqual(await snapshot("f"), before);
});

test("a quote the page changed slightly is found by the approximate search", async () => {
  const { res, marks } = await apply("f", [{ key: "q6", kind: "quote", slot: 0, exact: "The demand was clear: withdraw all the troops and equipment now", prefix: "", suffix: "", hint: 0 }]);
  assert.deepEqual(res.found, ["q6"]);
  assert.match(marks.map((m) => m.text).join(""), /^The demand was clear: withdraw the troops and equipment now/);
  await clear("f");
});

test("focus scrolls to, focuses and flashes the first mark; visibility toggles", async () => {
  await apply("f", [{ key: "q7", kind: "quote", slot: 0, exact: "withdraw the troops", prefix: "", suffix: "", hint: 0 }]);
  const r = await page.evaluate(() => {
    const hl = globalThis.hls.f;
    const ok = hl.focus("q7");
    const m = document.querySelector('whosaid-mark[data-ws-key="q7"]');
    hl.setVisible(false);
    const hidden = m.hasAttribute("data-ws-hidden");
    hl.setVisible(true);
    return { ok, active: document.activeElement === m, flash: m.hasAttribute("data-ws-flash"), hidden, shown: !m.hasAttribute("data-ws-hidden"), missing: hl.focus("nope") };
  });
  assert.deepEqual(r, { ok: true, active: true, flash: true, hidden: true, shown: true, missing: false });
  await clear("f");
});

test("a quote across two paragraphs is wrapped per paragraph and restored exactly", async () => {
  const before = await snapshot("g");
  const { res, marks } = await apply("g", [{ key: "q8", kind: "quote", slot: 3, exact: "The first part ends here.\n\nThe second part goes on,", prefix: "\u201c", suffix: "\u201d she said.", hint: 0 }]);
  assert.deepEqual(res.found, ["q8"]);
  assert.deepEqual(marks.map((m) => m.text), ["The first part ends here.", "The second part goes on,"]);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("#g p")].every((p) => p.querySelector("whosaid-mark"))), true);
  await clear("g");
  assert.deepEqual(await snapshot("g"), before);
});

test("short targets that occur thousands of times anchor by their context, each in its place, quickly", async () => {
  // 400 paragraphs full of "I", "he" and "him": the position of each pronoun is told by its context only.
  await page.evaluate(() => {
    const g = document.createElement("div");
    g.id = "many";
    for (let i = 0; i < 400; i++) {
      const p = document.createElement("p");
      p.textContent = `Line ${i}: I told him ${i} times that he said I was in time.`;
      g.appendChild(p);
    }
    document.body.appendChild(g);
  });
  const text = (i) => `Line ${i}: I told him ${i} times that he said I was in time.`;
  const targets = [];
  for (let i = 0; i < 400; i++) {
    const t = text(i);
    const at = t.indexOf("he said");
    targets.push({ key: `m0.${i}`, kind: "mention", slot: 0, exact: "he", prefix: t.slice(Math.max(0, at - 32), at), suffix: t.slice(at + 2, at + 34), hint: 0 });
  }
  const t0 = Date.now();
  const { res } = await apply("many", targets);
  const ms = Date.now() - t0;
  assert.equal(res.found.length, 400);
  const wrong = await page.evaluate(() =>
    [...document.querySelectorAll("#many whosaid-mark")].filter((m) => {
      const i = Number(m.dataset.wsKey.split(".")[1]);
      return !m.parentElement.textContent.startsWith(`Line ${i}:`) || !m.nextSibling.data.startsWith(" said");
    }).length,
  );
  assert.equal(wrong, 0);
  assert.ok(ms < 2000, `400 short targets took ${ms} ms`);
  await clear("many");
});
