// The demo page: the same WASM core, the same renderer and the same anchoring/highlighting code as
// the extension (copied into www/pkg by the build; one source file each, in extension/).
import * as glue from "./pkg/whosaid.js";
import { createCore } from "./pkg/ext/core.js";
import { renderReport, renderMessage, h } from "./pkg/ext/render.js";
import { withTitles } from "./pkg/ext/targets.js";
import { highlightCss, paletteColors } from "./pkg/ext/palette.js";
import { loadMessages } from "./pkg/ext/i18n.js";

const $ = (id) => document.getElementById(id);
const article = $("article");
const panel = $("panel");
const status = $("status");
const colors = paletteColors("default");
let t = (k) => k;
let highlighter = null;
const core = createCore(glue, () => new URL("pkg/whosaid_bg.wasm", import.meta.url));

function setStatus(msg) {
  status.textContent = msg;
}

/** Shows the analysed text as paragraphs (textContent only). */
function showArticle(text) {
  const paras = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  const nodes = paras.map((p, i) => (i === 0 && p.length < 200 && !/[.!?]$/.test(p) ? h("h2", { text: p }) : h("p", { text: p })));
  article.replaceChildren(...nodes);
}

/** Shows `view` (the core's `{display, targets, report}`): the text, its highlights, the panel. */
function show(view, text, label) {
  if (highlighter) highlighter.clear();
  const display = view.display;
  if (!display.article.title) {
    // The demo's own header: a pasted text's first short line stands for its title.
    const first = text.split("\n").find((l) => l.trim());
    if (first && first.length < 200) display.article.title = first.trim();
  }
  showArticle(text);
  highlighter = new globalThis.WhoSaidDom.Highlighter(article);
  const t0 = performance.now();
  const anchoring = highlighter.apply(withTitles(view.targets, t));
  renderReport(panel, display, {
    t,
    colors,
    anchoring,
    visible: true,
    onSelect: (key) => highlighter.focus(key),
    onVisible: (v) => highlighter.setVisible(v),
    report: () => JSON.stringify(view.report, null, 2),
  });
  setStatus(`${label}: ${display.counts.quotes} quotes, ${display.counts.statements} statements, ${anchoring.marks} highlights (${Math.round(performance.now() - t0)} ms to highlight).`);
  document.body.setAttribute("data-ready", "true");
}

async function run(label, name, ...args) {
  const t0 = performance.now();
  let view;
  try {
    view = await core.call(name, ...args);
  } catch (e) {
    renderMessage(panel, { title: t("analysisFailed"), detail: String((e && e.message) || e), kind: "error" });
    setStatus("");
    return;
  }
  // The analysed text (the article found in a page, or the text itself) is in the report.
  const text = view.report.text;
  show(view, text, `${label} analysed in ${Math.round(performance.now() - t0)} ms`);
}

async function loadSeed() {
  const text = await (await fetch("pkg/seed.txt")).text();
  await run("Sample article", "viewText", text);
}

async function openFile(file) {
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || /html/.test(file.type) || /^\s*</.test(content)) {
    await run(file.name, "viewPage", content, `file:///${encodeURIComponent(file.name)}`, undefined, undefined, false);
  } else {
    await run(file.name, "viewText", content);
  }
}

async function main() {
  const style = document.createElement("style");
  style.textContent = highlightCss(colors);
  document.head.appendChild(style);
  t = await loadMessages("pkg/ext/_locales/en/messages.json");
  $("version").textContent = `core ${await core.call("version")}`;
  $("analyse-text").addEventListener("click", () => {
    const text = $("paste").value;
    if (!text.trim()) return setStatus("Paste some text first.");
    run("Pasted text", "viewText", text);
  });
  $("load-seed").addEventListener("click", loadSeed);
  $("file").addEventListener("change", (e) => e.target.files[0] && openFile(e.target.files[0]));
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    document.body.classList.add("demo-dragging");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("demo-dragging"));
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    document.body.classList.remove("demo-dragging");
    const f = e.dataTransfer.files[0];
    if (f) openFile(f);
  });
  await loadSeed();
}

main().catch((e) => {
  renderMessage(panel, { title: "The demo could not start", detail: `${(e && e.message) || e}. Run "make demo" to build the WASM core first.`, kind: "error" });
  document.body.setAttribute("data-ready", "error");
});
