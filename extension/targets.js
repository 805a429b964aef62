// The highlight targets as the content script needs them. The core gives each target's text-quote
// selector (exact text, 32 UTF-16 units of context on each side, position hint), its actor and colour
// slot, and the parts of its tooltip; this only puts the tooltip into words. Shared by the background
// (extension) and the demo page.

/** The tooltip of a target from its parts (`tip` from the core): `who · label item → target · reported by via`. */
export function targetTitle(tip, t = (k) => k) {
  const who = tip.who ?? t("unknownSpeaker");
  if (!tip.label) return who;
  const item = tip.item != null ? ` ${tip.item}` : "";
  const to = tip.target ? ` → ${tip.target}` : "";
  const via = tip.via ? ` · ${t("reportedBy", tip.via)}` : "";
  return `${who} · ${t(tip.label)}${item}${to}${via}`;
}

/** The core's targets with their tooltips in words (`t(key, ...subs)` gives the strings). */
export function withTitles(targets, t = (k) => k) {
  return targets.map(({ tip, ...rest }) => ({ ...rest, title: targetTitle(tip, t) }));
}
