// The report view as Markdown (title, URL, sides, actors with their statements and quotes), from the
// core's display model: the same order and grouping as the popup, decided by the core.

function clean(s) {
  return s.replace(/\s+/g, " ").trim();
}

function esc(s) {
  // Keep the text readable but stop it from turning into Markdown structure or HTML.
  return clean(s).replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

export function toMarkdown(display, t = (k) => k) {
  const a = display.article || {};
  const lines = [];
  lines.push(`# ${esc(a.title || t("untitled"))}`, "");
  const meta = [a.site_name, a.published, a.byline].filter(Boolean).map(esc);
  if (a.url) meta.unshift(`<${a.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (meta.length) lines.push(meta.join(" · "), "");
  lines.push(t("countsLine", display.counts.quotes, display.counts.statements, display.counts.speaking_actors), "");
  const headed = display.headed;
  const flagsOf = (s) => {
    const flags = [];
    if (s.strength != null) flags.push(t("strength_" + s.strength));
    if (s.via != null) flags.push(t("reportedBy", esc(s.via)));
    if (s.target) flags.push(t("targetActor", esc(s.target)));
    if (s.conditional) flags.push(t("flagConditional"));
    if (s.negated) flags.push(t("flagNegated"));
    if (s.future) flags.push(t("flagFuture"));
    if (s.times != null) flags.push(t("repeatsTitle", s.times));
    return flags.length ? ` _(${flags.join("; ")})_` : "";
  };
  // The unsure fold, unfolded: statements with their type, then quotes; the rate as the heading says.
  function unsure(u, head) {
    if (!u) return;
    lines.push(`${head} ${t("unsureFold", u.statements.length + u.quotes.length)} — ${t("unsureFoldTitle", u.tenths)}`, "");
    for (const s of u.statements) lines.push(`- ${t("type_" + s.type)}: ${esc(s.text)}${flagsOf(s)}`);
    if (u.statements.length) lines.push("");
    for (const q of u.quotes) lines.push(`> ${esc(q.text)}`, "");
  }
  for (const g of display.sides) {
    if (headed) lines.push(`## ${esc(g.side == null ? t("sideNone") : g.side)}`, "");
    const h = headed ? "###" : "##";
    for (const actor of g.actors) {
      const extra = [actor.role, actor.affiliation].filter(Boolean).map(esc).join(", ");
      lines.push(`${h} ${esc(actor.name)}${extra ? ` — ${extra}` : ""}`, "");
      for (const group of actor.groups) {
        lines.push(`${h}# ${t(group.label)}`, "");
        for (const e of group.entries) {
          if (e.statement) {
            lines.push(`- ${esc(e.statement.text)}${flagsOf(e.statement)}`);
          } else {
            lines.push(`- ${t("enumLead", e.list.items.length, e.list.cue ? esc(e.list.cue) : t(group.label))}`);
            for (const s of e.list.items) lines.push(`  ${s.item}. ${esc(s.text)}${flagsOf(s)}`);
          }
        }
        lines.push("");
      }
      if (actor.quotes.length) {
        lines.push(`${h}# ${t("quotesHeading")}`, "");
        for (const q of actor.quotes) lines.push(`> ${esc(q.text)}`, "");
      }
      unsure(actor.unsure, `${h}#`);
    }
  }
  if (display.unattributed.length || display.unattributed_unsure) {
    lines.push(`## ${t("unattributed")}`, "");
    for (const q of display.unattributed) lines.push(`> ${esc(q.text)}`, "");
    unsure(display.unattributed_unsure, "###");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
