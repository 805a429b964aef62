// The background (service worker in Chromium, event page in Firefox): the one path from a page to
// highlights, shared by the popup, the keyboard shortcut, the context menu and automatic analysis.
// It injects the content script, takes the page's HTML, runs the WASM core here (never in the page),
// turns the report into text-quote targets and has the content script highlight them.
import init, { analyzeHtml, analyzeText, version } from "./pkg/whosaid.js";
import * as B from "./browser.js";
import { buildTargets } from "./targets.js";
import { highlightCss, paletteColors } from "./palette.js";
import { restrictedUrl } from "./restricted.js";

const CONTENT = ["anchor.js", "highlight.js", "content.js"];

let ready = null;
function core() {
  if (!ready) ready = init({ module_or_path: B.url("pkg/whosaid_bg.wasm") });
  return ready;
}

/** Analyses tab `tabId` and highlights it. `mode` is "page" or "selection". */
export async function analyzeTab(tabId, mode = "page") {
  const t0 = Date.now();
  let tab;
  try {
    tab = await B.getTab(tabId);
  } catch (e) {
    return { ok: false, code: "notab", message: String(e.message || e) };
  }
  if (tab.url && restrictedUrl(tab.url)) return { ok: false, code: "restricted", url: tab.url };
  let page;
  try {
    await B.inject(tabId, CONTENT);
    page = await B.run(tabId, () => globalThis.WhoSaidContent.collect());
  } catch (e) {
    return { ok: false, code: "restricted", message: String(e.message || e), url: tab.url || null };
  }
  if (!page) return { ok: false, code: "restricted", url: tab.url || null };
  await core();
  let report;
  try {
    if (mode === "selection" && page.selection.trim()) {
      report = analyzeText(page.selection);
      report.source = "selection";
      report.article = { ...report.article, url: page.url, title: report.article.title || page.title || null };
    } else {
      // The selection is analysed by the core when the page has no article.
      report = analyzeHtml(page.html, page.url, page.selection.trim() ? page.selection : undefined);
    }
  } catch (e) {
    return { ok: false, code: "analysis", message: String((e && e.message) || e) };
  }
  const settings = await B.settings();
  const targets = buildTargets(report, B.t);
  let anchoring;
  try {
    await B.setCss(tabId, highlightCss(paletteColors(settings.palette, settings.customColors)));
    anchoring = await B.run(tabId, (ts) => globalThis.WhoSaidContent.highlight(ts), [targets]);
  } catch (e) {
    anchoring = { found: [], missing: targets.map((x) => x.key), error: String(e.message || e) };
  }
  B.badge(tabId, report.quotes.length ? String(report.quotes.length) : "");
  return { ok: true, tabId, report, anchoring, palette: settings.palette, colors: paletteColors(settings.palette, settings.customColors), ms: Date.now() - t0 };
}

async function handle(msg, sender) {
  // Only the extension's own pages (popup, options) may ask; content scripts never send messages.
  if (!sender || !sender.url || !sender.url.startsWith(B.url(""))) return { ok: false, code: "forbidden", message: "not an extension page" };
  switch (msg && msg.type) {
    case "analyze":
      return analyzeTab(msg.tabId, msg.mode || "page");
    case "clear":
      await B.run(msg.tabId, () => globalThis.WhoSaidContent && globalThis.WhoSaidContent.clear());
      B.badge(msg.tabId, "");
      return { ok: true };
    case "visible":
      return { ok: true, visible: await B.run(msg.tabId, (v) => globalThis.WhoSaidContent.setVisible(v), [!!msg.visible]) };
    case "focus":
      return { ok: true, found: await B.run(msg.tabId, (k) => globalThis.WhoSaidContent.focus(k), [String(msg.key)]) };
    case "version":
      await core();
      return { ok: true, version: version() };
    default:
      return { ok: false, code: "unknown", message: "unknown message" };
  }
}

B.onMessage(handle);

// The same entry point the shortcut and the context menu use, reachable from the service worker's
// console (and the end-to-end tests, which cannot press browser shortcuts).
globalThis.whosaidAnalyzeTab = analyzeTab;

/** The keyboard shortcut (commands API): analyse the page without opening the popup. */
export async function onShortcut(command, tab) {
  if (command !== "analyze-page") return null;
  const target = tab && tab.id != null ? tab : await B.activeTab();
  return target ? analyzeTab(target.id, "page") : null;
}

/** The context-menu items: analyse the page, or only the selected text. */
export function onMenu(info, tab) {
  if (!tab || tab.id == null) return Promise.resolve(null);
  return analyzeTab(tab.id, info.menuItemId === "whosaid-selection" ? "selection" : "page");
}

// The entry points the shortcut and the context menu use, reachable from the service worker's
// console (and the end-to-end tests, which cannot press browser shortcuts or open menus).
globalThis.whosaidShortcut = onShortcut;
globalThis.whosaidMenuClick = onMenu;

B.onCommand(onShortcut);

B.setupMenus(
  [
    { id: "whosaid-page", title: B.t("menuAnalyzePage"), contexts: ["page"] },
    { id: "whosaid-selection", title: B.t("menuAnalyzeSelection"), contexts: ["selection"] },
  ],
  onMenu,
);

// Opt-in automatic analysis: only on the sites the user listed in the options AND granted.
B.onTabComplete(async (tabId, tab) => {
  if (!tab || !tab.url || restrictedUrl(tab.url)) return;
  let origin;
  try {
    origin = new URL(tab.url).origin;
  } catch (e) {
    return;
  }
  const { autoSites } = await B.settings();
  if (!autoSites.includes(origin)) return;
  if (!(await B.hasOrigin(origin))) return;
  await analyzeTab(tabId, "page");
});
