// The WASM core in Node (extension/pkg, `make build`) behind extension/core.js: the view the popup and
// the content script receive, Markdown from it, tooltips, and a fresh instance after a trap.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SEED } from "./helpers.mjs";
import * as glue from "../../extension/pkg/whosaid.js";
import { createCore } from "../../extension/core.js";
import { targetTitle, withTitles } from "../../extension/targets.js";
import { toMarkdown } from "../../extension/markdown.js";

const WASM = readFileSync(join(ROOT, "extension", "pkg", "whosaid_bg.wasm"));
const core = createCore(glue, () => WASM);
const seed = readFileSync(join(ROOT, SEED), "utf8");

test("viewText gives the display model, the highlight targets and the report as JSON (UTF-16 spans)", async () => {
  const text = "😀 Intro. “Give us the keys <now>,” Prime Minister Jane Roe said. Bob Poe watched.";
  const view = await core.call("viewText", text);
  assert.deepEqual(Object.keys(view).sort(), ["display", "report", "targets"]);
  const report = view.report;
  assert.equal(report.offsets, "utf16");
  assert.equal(report.text, text);
  assert.equal(view.display.text, undefined, "the display model does not carry the article text");
  const q = view.targets.find((x) => x.kind === "quote");
  const qs = report.quotes[0];
  assert.equal(q.exact, text.slice(qs.fragments[0].start, qs.fragments[0].end));
  assert.equal(q.prefix, text.slice(0, qs.fragments[0].start).slice(-32));
  assert.equal(q.suffix, text.slice(qs.fragments[0].end, qs.fragments[0].end + 32));
  assert.equal(q.hint, qs.fragments[0].start / text.length);
  const [jane] = view.display.sides.flatMap((s) => s.actors).filter((a) => a.name === "Jane Roe");
  assert.ok(jane, JSON.stringify(view.display.sides));
  assert.equal(jane.slot, 0);
  assert.equal(q.slot, 0);
  assert.match(targetTitle(q.tip, (k) => ({ kind_direct: "direct quote" })[k] || k), /^Jane Roe \(Prime Minister\) · direct quote$/);
  assert.ok(!view.targets.some((x) => x.kind === "mention" && x.exact === "Bob Poe"), "a mention-only actor gets no highlight");
  assert.ok(withTitles(view.targets).every((x) => typeof x.title === "string" && !("tip" in x)));
  assert.ok(view.display.mentioned.includes("Bob Poe") && !view.display.mentioned.includes("Jane Roe"));
});

test("Markdown from the display model: sides, actors, numbered lists, flags, quotes; markup escaped", async () => {
  const { display } = await core.call("viewText", seed);
  const t = (k, ...a) => ({ type_demand: "Demands", quotesHeading: "Quotes", sideNone: "Side not stated", enumLead: `${a[1]} (${a[0]} points)`, reportedBy: `reported by ${a[0]}` })[k] || k;
  const md = toMarkdown(display, t);
  assert.match(md, /^# untitled$/m);
  assert.match(md, /^## Russia\n\n### Vladimir Putin — President, Russia$/m);
  assert.match(md, /^## United States$/m);
  assert.match(md, /^#### Demands\n\n- requirements \(3 points\)\n  1\. .*\n  2\. .*\n  3\. /m);
  assert.match(md, /reported by Ned Price/);
  // the quote Putin's accusation came from is listed once, as the statement (issue 14)
  assert.match(md, /^- ([^“\n]+: )?“Russia is carefully analyzing/m);
  assert.doesNotMatch(md, /^> “Russia is carefully analyzing/m);
  // heads of state have a side (issue 13): Biden and Blinken are on the United States' side in the seed
  assert.doesNotMatch(md, /^## Side not stated$/m);
  const hostile = await core.call("viewText", "“Give us <b>the keys</b> *now*,” Mayor Ann Lee said.");
  // one side-less actor alone: the list is not headed by side
  assert.doesNotMatch(toMarkdown(hostile.display, t), /^## Side not stated$/m);
  const two = await core.call("viewText", "“We will not accept it,” Russian Foreign Minister Sergei Lavrov said on Monday. “Give us the keys,” Mayor Ann Lee said.");
  assert.match(toMarkdown(two.display, t), /^## Russia$/m);
  assert.match(toMarkdown(two.display, t), /^## Side not stated$/m);
  // the quote is listed once, as its (unsure) statement, escaped the same way
  assert.match(toMarkdown(hostile.display), /^(> |- type_position: )“Give us \\<b\\>the keys\\<\/b\\> \\\*now\\\*,”$/m);
  assert.doesNotMatch(toMarkdown(hostile.display), /<b>/);
});

test("a trapped instance is dropped and the next call instantiates the module again", async () => {
  let inits = 0;
  let resets = 0;
  let trap = true;
  const fake = {
    default: async () => {
      inits++;
      return {};
    },
    resetInstance: () => resets++,
    viewText: () => {
      if (trap) {
        trap = false;
        throw new WebAssembly.RuntimeError("unreachable");
      }
      return { ok: inits };
    },
    version: () => {
      throw new Error("an ordinary error");
    },
  };
  const c = createCore(fake, () => "x.wasm");
  await assert.rejects(c.call("viewText", "a"), WebAssembly.RuntimeError);
  assert.equal(resets, 1);
  assert.deepEqual(await c.call("viewText", "a"), { ok: 2 }, "the call after the trap ran on a new instance");
  assert.equal(c.instances, 2);
  // An ordinary exception (a JsError from the core) keeps the instance.
  await assert.rejects(c.call("version"), /ordinary/);
  assert.equal(resets, 1);
  assert.equal(c.instances, 2);
});

test("the real glue's resetInstance makes init() instantiate a new module", async () => {
  const first = await glue.default({ module_or_path: WASM });
  assert.equal(await glue.default({ module_or_path: WASM }), first, "init() is cached");
  glue.resetInstance();
  const second = await glue.default({ module_or_path: WASM });
  assert.notEqual(second, first);
  assert.notEqual(second.memory, first.memory);
  assert.equal(glue.viewText("“We will win,” Mayor Ann Lee said.").display.counts.quotes, 1);
});

test("viewPage with officialsOnly gives the highlights of officials alone (issue 13)", async () => {
  const html = "<html><body><article><p>“The border stays closed,” Foreign Minister Ana Poe said. “We heard two blasts,” said Ahmed Karim, a witness.</p></article></body></html>";
  const all = await core.call("viewPage", html, null, null, null, false);
  const only = await core.call("viewPage", html, null, null, null, false, true);
  assert.ok(all.targets.some((t) => t.exact.includes("two blasts")));
  assert.ok(only.targets.length > 0 && only.targets.every((t) => t.official === true));
  assert.ok(!only.targets.some((t) => t.exact.includes("two blasts")));
  const actors = only.display.sides.flatMap((s) => s.actors);
  assert.deepEqual(actors.map((a) => [a.name, a.category]).sort(), [["Ahmed Karim", "private"], ["Ana Poe", "official"]]);
});
