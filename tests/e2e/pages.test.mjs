// The page run (tests/e2e-pages/run.mjs) on the pages written for the tests (tests/fixtures/pages):
// through the extension's own flow, no error, every quote anchored and highlighted with its own text,
// the highlight/remove round trip restores document.body.innerHTML exactly, re-analysis never nests
// marks, and a page without an article is analysed gracefully. `make e2e-pages` runs it on ../shared.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

test("fixture pages through the extension: anchored, highlighted, restored exactly", async () => {
  const dir = await mkdtemp(join(tmpdir(), "whosaid-pages-"));
  const out = join(dir, "pages.json");
  const code = await new Promise((ok) => {
    execFile(process.execPath, [join(ROOT, "tests", "e2e-pages", "run.mjs"), "--set", "fixtures", "--json", out], { timeout: 180000 }, (err, stdout, stderr) => {
      if (err) console.log(stdout, stderr);
      ok(err ? err.code ?? 1 : 0);
    });
  });
  const { summary, rows } = JSON.parse(await readFile(out, "utf8"));
  await rm(dir, { recursive: true, force: true });
  assert.ok(summary.pages >= 3, `only ${summary.pages} fixture pages`);
  assert.deepEqual(summary.errors, []);
  assert.ok(summary.quotes >= 5, `only ${summary.quotes} quotes on the fixture pages`);
  // the summary leaves out pages whose analysed text is not in their DOM (json-ld-body: the schema.org
  // articleBody of a paywalled page); their quotes are found but have nothing to anchor to
  assert.equal(summary.anchored, summary.quotes);
  assert.equal(summary.highlighted_exact, summary.quotes);
  const offdom = rows.find((r) => r.page === "fixtures/json-ld-body");
  assert.ok(offdom.offdom && offdom.quotes >= 2, "the articleBody's quotes are found");
  assert.equal(summary.roundtrip_identical, summary.pages);
  assert.equal(summary.reanalysis_same_marks, summary.pages);
  assert.equal(rows.find((r) => r.page === "fixtures/no-article").source, "body");
  // The run's exit code also holds the 1 s budget, which a loaded test machine may miss: timing is
  // checked by `make e2e-pages`, not here.
  assert.ok(code === 0 || summary.over_1s.length > 0, `the page run failed (exit ${code})`);
});
