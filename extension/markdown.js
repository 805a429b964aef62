// The report as Markdown (title, URL, actors with their statements and quotes).
import { actorOrder, speakingActors } from "./targets.js";

const TYPES = ["demand", "threat", "commitment", "rejection", "denial", "accusation", "position"];

function clean(s) {
  return s.replace(/\s+/g, " ").trim();
}

function esc(s) {
  // Keep the text readable but stop it from turning into Markdown structure or HTML.
  return clean(s).replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

export function toMarkdown(report, t = (k) => k) {
  const text = report.text;
  const slice = (sp) => esc(text.slice(sp.start, sp.end));
  const a = report.article || {};
  const actors = new Map(report.actors.map((x) => [x.id, x]));
  const lines = [];
  lines.push(`# ${esc(a.title || t("untitled"))}`, "");
  const meta = [a.site_name, a.published, a.byline].filter(Boolean).map(esc);
  if (a.url) meta.unshift(`<${a.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (meta.length) lines.push(meta.join(" · "), "");
  lines.push(t("countsLine", report.quotes.length, report.statements.length, speakingActors(report)), "");
  for (const id of actorOrder(report)) {
    const actor = actors.get(id);
    const sts = report.statements.filter((s) => s.actor === id);
    const qs = report.quotes.filter((q) => q.speaker === id);
    if (!sts.length && !qs.length) continue;
    const extra = [actor.role, actor.affiliation].filter(Boolean).map(esc).join(", ");
    lines.push(`## ${esc(actor.name)}${extra ? ` — ${extra}` : ""}`, "");
    for (const type of TYPES) {
      const group = sts.filter((s) => s.type === type);
      if (!group.length) continue;
      lines.push(`### ${t("type_" + type)}`, "");
      for (const s of group) {
        const flags = [];
        if (s.conditional) flags.push(t("flagConditional"));
        if (s.negated) flags.push(t("flagNegated"));
        if (s.future) flags.push(t("flagFuture"));
        if (s.via != null && actors.get(s.via)) flags.push(t("viaActor", esc(actors.get(s.via).name)));
        if (s.target) flags.push(t("targetActor", esc(s.target)));
        lines.push(`- ${slice(s.span)}${flags.length ? ` _(${flags.join("; ")})_` : ""}`);
      }
      lines.push("");
    }
    if (qs.length) {
      lines.push(`### ${t("quotesHeading")}`, "");
      for (const q of qs) lines.push(`> ${slice(q.span)}`, "");
    }
  }
  const anon = report.quotes.filter((q) => q.speaker == null);
  if (anon.length) {
    lines.push(`## ${t("unattributed")}`, "");
    for (const q of anon) lines.push(`> ${slice(q.span)}`, "");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
