// Options: highlight palette (with a preview on a light and a dark page) and opt-in automatic
// analysis on sites the user adds and grants (optional host permissions; nothing else runs by itself).
import * as B from "./browser.js";
import { PALETTES, highlightCss, textOn } from "./palette.js";
import { h } from "./render.js";

const NAMES = { default: "paletteDefault", colorblind: "paletteColorblind", contrast: "paletteContrast" };
const $ = (id) => document.getElementById(id);
const status = (msg) => {
  $("status").textContent = msg;
};

function localize() {
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = B.t(el.getAttribute("data-i18n"));
  document.title = B.t("optionsTitle");
}

function preview(name) {
  let style = document.getElementById("preview-css");
  if (!style) {
    style = h("style", { id: "preview-css" });
    document.head.appendChild(style);
  }
  style.textContent = highlightCss(PALETTES[name]);
  for (const box of [$("preview-light"), $("preview-dark")]) {
    const mark = (kind, slot, text) => h("whosaid-mark", { "data-ws-kind": kind, "data-ws-c": String(slot) }, text);
    box.replaceChildren(
      mark("quote", 0, "“We will not back down,”"), " ", mark("mention", 0, "the minister"), " said. ",
      mark("mention", 1, "Price"), " warned of ", mark("quote", 1, mark("statement", 1, "“swift and severe consequences”")), "; ",
      mark("quote", 2, "“talks must continue,”"), " said ", mark("mention", 2, "Biden"), ".",
    );
  }
}

async function renderPalettes(current) {
  const fs = $("palettes");
  for (const el of [...fs.querySelectorAll(".opt-choice")]) el.remove();
  for (const [name, colors] of Object.entries(PALETTES)) {
    const input = h("input", { type: "radio", name: "palette", value: name, id: `pal-${name}`, checked: name === current });
    input.addEventListener("change", async () => {
      await B.saveSettings({ palette: name });
      preview(name);
      status(B.t("optionsSaved"));
    });
    fs.appendChild(h("label", { class: "opt-choice", for: input.id }, input, h("span", { text: B.t(NAMES[name]) }), h("span", { class: "opt-swatches", "aria-hidden": "true" }, colors.map((c) => h("span", { style: { background: c, color: textOn(c) } })))));
  }
  preview(current);
}

async function renderSites() {
  const { autoSites } = await B.settings();
  const list = $("sites");
  if (!autoSites.length) return list.replaceChildren(h("li", { text: B.t("optionsNoSites") }));
  list.replaceChildren(
    ...autoSites.map((origin) =>
      h(
        "li",
        {},
        h("span", { text: origin }),
        h("button", {
          type: "button",
          "aria-label": `${B.t("optionsRemoveSite")} ${origin}`,
          onclick: async () => {
            const s = await B.settings();
            await B.saveSettings({ autoSites: s.autoSites.filter((o) => o !== origin) });
            await B.removeOrigin(origin).catch(() => {});
            renderSites();
          },
          text: B.t("optionsRemoveSite"),
        }),
      ),
    ),
  );
}

async function main() {
  localize();
  const s = await B.settings();
  await renderPalettes(PALETTES[s.palette] ? s.palette : "default");
  await renderSites();
  $("add-site").addEventListener("submit", async (e) => {
    e.preventDefault();
    let origin;
    try {
      const u = new URL($("site").value.trim());
      if (!/^https?:$/.test(u.protocol)) throw new Error("scheme");
      origin = u.origin;
    } catch (err) {
      return status(B.t("optionsBadSite"));
    }
    // The permission request must run in the click's user gesture: ask first, then save.
    const granted = await B.requestOrigin(origin).catch(() => false);
    if (!granted) return status(B.t("optionsDenied"));
    const cur = await B.settings();
    if (!cur.autoSites.includes(origin)) await B.saveSettings({ autoSites: [...cur.autoSites, origin] });
    $("site").value = "";
    status(B.t("optionsSaved"));
    renderSites();
  });
  document.body.setAttribute("data-ready", "true");
}

main();
