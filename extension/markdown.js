// The report as Markdown (title, URL, actors with their statements and quotes).
import { foldItems, sideGroups, speakingActors } from "./targets.js";

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
  const stmts = new Map(report.statements.map((s) => [s.id, s]));
  const groups = sideGroups(report);
  const headed = groups.some((g) => g.side != null);
  const flagsOf = (s) => {
    const flags = [];
    if (s.type === "demand" && s.strength >= 1 && s.strength <= 3) flags.push(t("strength_" + s.strength));
    if (s.via != null && actors.get(s.via)) flags.push(t("reportedBy", esc(actors.get(s.via).name)));
    if (s.target) flags.push(t("targetActor", esc(s.target)));
    if (s.conditional) flags.push(t("flagConditional"));
    if (s.negated) flags.push(t("flagNegated"));
    if (s.future) flags.push(t("flagFuture"));
    if (s.repeats && s.repeats.length) flags.push(t("repeatsTitle", s.repeats.length + 1));
    return flags.length ? ` _(${flags.join("; ")})_` : "";
  };
  for (const g of groups) {
    if (headed) lines.push(`## ${esc(g.side == null ? t("sideNone") : g.side)}`, "");
    const h = headed ? "###" : "##";
    for (const { id, statements, quotes } of g.actors) {
      const actor = actors.get(id);
      const sts = statements.map((x) => stmts.get(x)).filter(Boolean);
      const qs = quotes.map((x) => report.quotes[x]).filter(Boolean);
      if (!actor || (!sts.length && !qs.length)) continue;
      const extra = [actor.role, actor.affiliation].filter(Boolean).map(esc).join(", ");
      lines.push(`${h} ${esc(actor.name)}${extra ? ` — ${extra}` : ""}`, "");
      for (const type of TYPES) {
        const group = sts.filter((s) => s.type === type);
        if (!group.length) continue;
        lines.push(`${h}# ${t("type_" + type)}`, "");
        for (const e of foldItems(group)) {
          if (e.statement) {
            lines.push(`- ${slice(e.statement.span)}${flagsOf(e.statement)}`);
          } else {
            lines.push(`- ${t("enumLead", e.list.length, e.list[0].cue ? slice(e.list[0].cue) : t("type_" + type))}`);
            for (const s of e.list) lines.push(`  ${s.item}. ${slice(s.span)}${flagsOf(s)}`);
          }
        }
        lines.push("");
      }
      if (qs.length) {
        lines.push(`${h}# ${t("quotesHeading")}`, "");
        for (const q of qs) lines.push(`> ${slice(q.span)}`, "");
      }
    }
  }
  const anon = report.quotes.filter((q) => q.speaker == null);
  if (anon.length) {
    lines.push(`## ${t("unattributed")}`, "");
    for (const q of anon) lines.push(`> ${slice(q.span)}`, "");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
