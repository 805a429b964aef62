// What the content script hands to the core (extension/content.js `collect`): the page's HTML with
// the elements the reader does not see marked `data-whosaid-hidden` (not rendered, invisible, of no
// size, modal overlays, fixed full-window layers), taken from a copy, so the live page is untouched.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchPlain, scriptRoutes, domSignature } from "./helpers.mjs";

let server, browser, page;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>T</title>
<style>.gone { display: none } .ghost { visibility: hidden } .flat { height: 0; overflow: hidden }
.layer { position: fixed; inset: 0; background: #fff }</style>
<script src="/anchor.js"></script><script src="/highlight.js"></script><script src="/content.js"></script></head><body>
<article id="story"><p id="visible">“The port stays open,” the mayor said.</p></article>
<div id="gone" class="gone"><p>Hidden registration terms.</p></div>
<div id="ghost" class="ghost"><p>Invisible promotion.</p></div>
<div id="flat" class="flat"><p>A collapsed box.</p></div>
<div id="attr" hidden><p>A hidden attribute.</p></div>
<div id="modal" role="dialog" aria-modal="true"><p>Sign in to keep reading.</p></div>
<section id="layer" class="layer"><p>Accept all cookies to continue.</p></section>
<div id="contents" style="display: contents"><p id="inside">Text in a display-contents box.</p></div>
</body></html>`;

before(async () => {
  server = await startServer({
    "/": { body: PAGE },
    ...(await scriptRoutes(["anchor.js", "highlight.js", "content.js"])),
  });
  browser = await launchPlain();
  page = await browser.newPage();
  await page.goto(server.origin + "/");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("collect marks what the reader does not see, in a copy of the page", async () => {
  const before = await domSignature(page);
  const html = await page.evaluate(() => globalThis.WhoSaidContent.collect().html);
  const marked = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    return [...doc.querySelectorAll("[data-whosaid-hidden]")].map((e) => e.id).filter(Boolean);
  }, html);
  for (const id of ["gone", "ghost", "flat", "attr", "modal", "layer"]) assert.ok(marked.includes(id), `${id} is not marked: ${marked}`);
  for (const id of ["story", "visible", "contents", "inside"]) assert.ok(!marked.includes(id), `${id} is marked`);
  assert.deepEqual(await domSignature(page), before, "the live page changed");
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-whosaid-hidden]").length), 0);
});
