// Options: highlight palette (with a preview on a light and a dark page), officials-only highlights
// (the core filters the targets) and opt-in automatic
// analysis on sites the user adds and grants (optional host permissions; nothing else runs by itself).
import * as B from "./browser.js";
import { PALETTES, highlightCss, textOn, paletteColors, colorCheck, isColor } from "./palette.js";
import { h } from "./render.js";

const NAMES = { default: "paletteDefault", colorblind: "paletteColorblind", contrast: "paletteContrast", custom: "paletteCustom" };
const $ = (id) => document.getElementById(id);
const status = (msg) => {
  $("status").textContent = msg;
};

function localize() {
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = B.t(el.getAttribute("data-i18n"));
  document.title = B.t("optionsTitle");
}

function preview(colors) {
  let style = document.getElementById("preview-css");
  if (!style) {
    style = h("style", { id: "preview-css" });
    document.head.appendChild(style);
  }
  style.textContent = highlightCss(colors);
  for (const box of [$("preview-light"), $("preview-dark")]) {
    const mark = (kind, slot, text) => h("whosaid-mark", { "data-ws-kind": kind, "data-ws-c": String(slot) }, text);
    box.replaceChildren(
      mark("quote", 0, "“We will not back down,”"), " ", mark("mention", 0, "the minister"), " said. ",
      mark("mention", 1, "Price"), " warned of ", mark("quote", 1, mark("statement", 1, "“swift and severe consequences”")), "; ",
      mark("quote", 2, "“talks must continue,”"), " said ", mark("mention", 2, "Biden"), ".",
    );
  }
}

let settingsNow = null;
const current = () => paletteColors(settingsNow.palette, settingsNow.customColors);

/** The warning under a custom colour: where it is too faint (light pages, dark pages, its text). */
function warning(hex) {
  const c = colorCheck(hex);
  const out = [];
  if (!c.lightOk) out.push(B.t("contrastLowLight", c.light.toFixed(1)));
  if (!c.darkOk) out.push(B.t("contrastLowDark", c.dark.toFixed(1)));
  return out.join(" ");
}

/** One colour input per palette slot; editing one switches to (and saves) the custom palette. */
function renderCustom() {
  const colors = settingsNow.palette === "custom" ? current() : (isCustomValid() ? settingsNow.customColors : current());
  const box = $("custom-colours");
  box.replaceChildren(
    ...colors.map((c, i) => {
      const id = `colour-${i}`;
      const warn = h("span", { class: "opt-warn", id: `${id}-warn`, text: warning(c) });
      const input = h("input", { type: "color", id, value: c, "data-slot": String(i), "aria-describedby": warn.id });
      input.addEventListener("change", async () => {
        const next = [...box.querySelectorAll("input[type=color]")].map((x) => x.value.toLowerCase());
        warn.textContent = warning(input.value);
        settingsNow = { ...settingsNow, palette: "custom", customColors: next };
        await B.saveSettings({ palette: "custom", customColors: next });
        const radio = $("pal-custom");
        if (radio) radio.checked = true;
        preview(next);
        $("swatches-custom")?.replaceChildren(...next.map((x) => h("span", { style: { background: x, color: textOn(x) } })));
        status(B.t("optionsSaved"));
      });
      return h("div", { class: "opt-colour" }, h("label", { for: id, text: B.t("colourSlot", i + 1) }), input, warn);
    }),
  );
}

function isCustomValid() {
  const c = settingsNow.customColors;
  return Array.isArray(c) && c.length > 0 && c.every(isColor);
}

async function renderPalettes() {
  const fs = $("palettes");
  for (const el of [...fs.querySelectorAll(".opt-choice")]) el.remove();
  const names = [...Object.keys(PALETTES), "custom"];
  for (const name of names) {
    const colors = name === "custom" ? paletteColors("custom", settingsNow.customColors) : PALETTES[name];
    const input = h("input", { type: "radio", name: "palette", value: name, id: `pal-${name}`, checked: name === settingsNow.palette });
    input.addEventListener("change", async () => {
      const values = { palette: name };
      // Choosing "custom" the first time starts from the palette in use.
      if (name === "custom" && !isCustomValid()) values.customColors = current().slice();
      settingsNow = { ...settingsNow, ...values };
      await B.saveSettings(values);
      preview(current());
      renderCustom();
      status(B.t("optionsSaved"));
    });
    fs.appendChild(h("label", { class: "opt-choice", for: input.id }, input, h("span", { text: B.t(NAMES[name]) }), h("span", { class: "opt-swatches", id: `swatches-${name}`, "aria-hidden": "true" }, colors.map((c) => h("span", { style: { background: c, color: textOn(c) } })))));
  }
  preview(current());
  renderCustom();
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
  settingsNow = await B.settings();
  if (!PALETTES[settingsNow.palette] && settingsNow.palette !== "custom") settingsNow.palette = "default";
  await renderPalettes();
  $("reset-colours").addEventListener("click", async () => {
    settingsNow = { ...settingsNow, palette: "default", customColors: [] };
    await B.saveSettings({ palette: "default", customColors: [] });
    await renderPalettes();
    status(B.t("optionsSaved"));
  });
  const officials = $("officials-only");
  officials.checked = settingsNow.officialsOnly === true;
  officials.addEventListener("change", async () => {
    settingsNow = { ...settingsNow, officialsOnly: officials.checked };
    await B.saveSettings({ officialsOnly: officials.checked });
    status(B.t("optionsSaved"));
  });
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
