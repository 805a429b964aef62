// The popup: asks the background to analyse the tab (the active one, or ?tab=ID for tests), then
// renders the core's display model with the shared renderer; items scroll the page to their
// highlight. The whole report is asked for only when the user downloads it.
import * as B from "./browser.js";
import { renderReport, renderMessage } from "./render.js";
import { paletteColors } from "./palette.js";

const root = document.getElementById("root");

function localize() {
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = B.t(el.getAttribute("data-i18n"));
  document.title = B.t("extName");
}

async function main() {
  localize();
  document.getElementById("options").addEventListener("click", () => B.openOptions());
  const param = new URLSearchParams(location.search).get("tab");
  const tabId = param ? Number(param) : (await B.activeTab())?.id;
  if (tabId == null) return renderMessage(root, { title: B.t("cannotAnalyse"), detail: B.t("cannotAnalyseDetail"), kind: "error" });
  const res = await B.send({ type: "analyze", tabId });
  if (!res || !res.ok) {
    if (!res || res.code === "restricted" || res.code === "notab") {
      return renderMessage(root, { title: B.t("cannotAnalyse"), detail: B.t("cannotAnalyseDetail"), kind: "error" });
    }
    return renderMessage(root, { title: B.t("analysisFailed"), detail: res.message || "", kind: "error" });
  }
  renderReport(root, res.display, {
    t: B.t,
    colors: res.colors || paletteColors(res.palette),
    anchoring: res.anchoring,
    visible: true,
    onSelect: (key) => B.send({ type: "focus", tabId, key }),
    onVisible: (visible) => B.send({ type: "visible", tabId, visible }),
    report: () => B.send({ type: "report", tabId }).then((r) => (r && r.report) || "null"),
  });
}

main().then(() => document.body.setAttribute("data-ready", "true"), (e) => {
  renderMessage(root, { title: B.t("analysisFailed"), detail: String((e && e.message) || e), kind: "error" });
  document.body.setAttribute("data-ready", "error");
});
