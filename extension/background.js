// The background (service worker in Chromium, event page in Firefox): the one path from a page to
// highlights, shared by the popup, the keyboard shortcut, the context menu and automatic analysis.
// It injects the content script, takes the page's HTML, runs the WASM core here (never in the page),
// hands the core's highlight targets to the content script and the core's display model to the popup.
// The whole report stays here, for the last few tabs, until the popup asks for it (as JSON text).
import * as glue from "./pkg/whosaid.js";
import * as B from "./browser.js";
import { createCore } from "./core.js";
import { withTitles } from "./targets.js";
import { highlightCss, paletteColors } from "./palette.js";
import { restrictedUrl } from "./restricted.js";

const CONTENT = ["anchor.js", "highlight.js", "content.js"];

const core = createCore(glue, () => B.url("pkg/whosaid_bg.wasm"));

/** The report (a plain object) of the last analyses, by tab: for the download, never sent unasked. */
const REPORTS = new Map();
const KEEP_REPORTS = 8;
function keepReport(tabId, report) {
  REPORTS.delete(tabId);
  REPORTS.set(tabId, report);
  while (REPORTS.size > KEEP_REPORTS) REPORTS.delete(REPORTS.keys().next().value);
}

/** The report of tab `tabId` as JSON text (analysing the page again if it was dropped). */
export async function reportOf(tabId) {
  if (!REPORTS.has(tabId)) {
    const res = await analyzeTab(tabId, "page");
    if (!res.ok) return null;
  }
  const report = REPORTS.get(tabId);
  return report == null ? null : JSON.stringify(report, null, 2);
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
  const settings = await B.settings();
  let view;
  try {
    // The core decides: the selection alone when that was asked for and there is one, else the page
    // (whose selection it analyses when the page has no article).
    // officialsOnly (options page): the core gives the highlight targets of officials alone
    view = await core.call("viewPage", page.html, page.url, page.title, page.selection, mode === "selection", settings.officialsOnly === true);
  } catch (e) {
    return { ok: false, code: "analysis", message: String((e && e.message) || e) };
  }
  keepReport(tabId, view.report);
  const display = view.display;
  const targets = withTitles(view.targets, B.t);
  let anchoring;
  try {
    await B.setCss(tabId, highlightCss(paletteColors(settings.palette, settings.customColors)));
    anchoring = await B.run(tabId, (ts) => globalThis.WhoSaidContent.highlight(ts), [targets]);
  } catch (e) {
    anchoring = { found: [], missing: targets.map((x) => x.key), error: String(e.message || e) };
  }
  B.badge(tabId, display.counts.quotes ? String(display.counts.quotes) : "");
  // What the popup shows, not the whole report.
  return { ok: true, tabId, display, anchoring, palette: settings.palette, colors: paletteColors(settings.palette, settings.customColors), ms: Date.now() - t0 };
}

async function handle(msg, sender) {
  // Only the extension's own pages (popup, options) may ask; content scripts never send messages.
  if (!sender || !sender.url || !sender.url.startsWith(B.url(""))) return { ok: false, code: "forbidden", message: "not an extension page" };
  switch (msg && msg.type) {
    case "analyze":
      return analyzeTab(msg.tabId, msg.mode || "page");
    case "report":
      return { ok: true, report: await reportOf(msg.tabId) };
    case "clear":
      await B.run(msg.tabId, () => globalThis.WhoSaidContent && globalThis.WhoSaidContent.clear());
      B.badge(msg.tabId, "");
      return { ok: true };
    case "visible":
      return { ok: true, visible: await B.run(msg.tabId, (v) => globalThis.WhoSaidContent.setVisible(v), [!!msg.visible]) };
    case "focus":
      return { ok: true, found: await B.run(msg.tabId, (k) => globalThis.WhoSaidContent.focus(k), [String(msg.key)]) };
    case "version":
      return { ok: true, version: await core.call("version") };
    default:
      return { ok: false, code: "unknown", message: "unknown message" };
  }
}

B.onMessage(handle);

// The same entry point the shortcut and the context menu use, reachable from the service worker's
// console (and the end-to-end tests, which cannot press browser shortcuts).
globalThis.whosaidAnalyzeTab = analyzeTab;
globalThis.whosaidReport = (tabId) => reportOf(tabId).then((json) => (json == null ? null : JSON.parse(json)));

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
