// Actor colours and the highlight style sheet, shared by the popup, the background and the demo page.
// One colour per actor; quote text gets a light tint of it (dark text), a speaker mention the full
// colour (text colour chosen for contrast). Both set their own text colour, so they read the same on
// light and dark pages.

/** Default palette: distinct hues, each dark enough for white text or light enough for black. */
export const PALETTES = {
  default: ["#1f6fd1", "#c2410c", "#0b7a53", "#a21caf", "#b45309", "#0e7490", "#be123c", "#4d7c0f", "#6d28d9", "#475569"],
  // Okabe–Ito, safe for the common colour-vision deficiencies.
  colorblind: ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"],
  // Darker, fully saturated colours for the strongest contrast.
  contrast: ["#0033cc", "#b30000", "#006600", "#7a007a", "#804000", "#005f73"],
};

/** Colour used for quotes whose speaker is unknown. */
export const UNKNOWN = "#6b7280";

function channels(hex) {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

function toHex(rgb) {
  return "#" + rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, "0")).join("");
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex) {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The colour mixed with white: `amount` 0 keeps it, 1 gives white. */
export function tint(hex, amount) {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount));
}

/** Black or white, whichever reads better on `hex`. */
export function textOn(hex) {
  return contrast(hex, "#ffffff") >= contrast(hex, "#111111") ? "#ffffff" : "#111111";
}

/** Page backgrounds the highlights are checked against (a white page and a dark-mode page). */
export const BACKGROUNDS = { light: "#ffffff", dark: "#16181d" };

/** Minimum contrast of a highlight colour with the page background (WCAG 1.4.11, non-text). */
export const MIN_BG_CONTRAST = 3;

/** True for a "#rrggbb" colour. */
export function isColor(s) {
  return typeof s === "string" && /^#[0-9a-f]{6}$/i.test(s);
}

/**
 * The colours of the palette named `name` (the default one when unknown); "custom" is the user's
 * own colours (`custom`, one "#rrggbb" per slot), or the default palette when they are not valid.
 */
export function paletteColors(name, custom) {
  if (name === "custom") return Array.isArray(custom) && custom.length && custom.every(isColor) ? custom.map((c) => c.toLowerCase()) : PALETTES.default;
  return PALETTES[name] || PALETTES.default;
}

/**
 * How a highlight colour reads: its contrast with a light and a dark page (the speaker's name is
 * drawn in the full colour) and with its own text; `ok` false where it is under the minimum.
 */
export function colorCheck(hex) {
  const light = contrast(hex, BACKGROUNDS.light);
  const dark = contrast(hex, BACKGROUNDS.dark);
  const text = contrast(hex, textOn(hex));
  return { light, dark, text, lightOk: light >= MIN_BG_CONTRAST, darkOk: dark >= MIN_BG_CONTRAST, textOk: text >= 4.5 };
}

/** Colour of actor number `index` in the display order. */
export function colorFor(colors, index) {
  if (index == null || index < 0) return UNKNOWN;
  return colors[index % colors.length];
}

/**
 * The style sheet for the page highlights. Marks carry `data-ws-c` (colour slot, or "u" for an
 * unknown speaker) and `data-ws-kind` (quote, mention, statement); nothing is styled inline, so a
 * page's `style-src` policy cannot interfere.
 */
export function highlightCss(colors) {
  const slots = colors.map((c, i) => [String(i), c]).concat([["u", UNKNOWN]]);
  let css = `whosaid-mark{display:inline;}
whosaid-mark[data-ws-kind]{border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone;cursor:pointer;}
whosaid-mark[data-ws-kind="quote"]{color:#111 !important;}
whosaid-mark[data-ws-kind="mention"]{font-weight:700 !important;padding:0 .12em;}
whosaid-mark[data-ws-kind="statement"]{text-decoration:underline !important;text-decoration-thickness:2px !important;text-underline-offset:.18em;}
whosaid-mark[data-ws-hidden]{background:none !important;color:inherit !important;font-weight:inherit !important;text-decoration:inherit !important;border:0 !important;padding:0 !important;outline:0 !important;box-shadow:none !important;cursor:inherit;}
whosaid-mark:focus-visible{outline:3px solid #111 !important;outline-offset:2px;position:relative;}
whosaid-mark[title]:focus-visible::after{content:attr(title);position:absolute;left:0;top:calc(100% + 6px);z-index:2147483647;background:#111;color:#fff;font:600 12px/1.3 system-ui,sans-serif;padding:4px 7px;border-radius:4px;white-space:nowrap;pointer-events:none;text-decoration:none;}
whosaid-mark[data-ws-flash]{animation:whosaid-flash .5s ease-in-out 3;}
@keyframes whosaid-flash{50%{box-shadow:0 0 0 4px #ffd400;background:#ffd400;color:#111;}}
`;
  for (const [slot, c] of slots) {
    css += `whosaid-mark[data-ws-c="${slot}"][data-ws-kind="quote"]{background:${tint(c, 0.78)} !important;box-shadow:inset 0 -2px 0 ${c};}
whosaid-mark[data-ws-c="${slot}"][data-ws-kind="mention"]{background:${c} !important;color:${textOn(c)} !important;}
whosaid-mark[data-ws-c="${slot}"][data-ws-kind="statement"]{text-decoration-color:${c} !important;}
`;
  }
  return css;
}
