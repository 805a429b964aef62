// From a report to what the page needs: actor order and colour slots, and the highlight targets
// (text-quote selectors: exact text plus 32 characters of context on each side, and a position hint).
// Shared by the background (extension) and the demo page.

/** Characters of context kept on each side of a target. */
export const CONTEXT = 32;

function counts(report) {
  const quotes = new Map();
  const statements = new Map();
  for (const q of report.quotes) if (q.speaker != null) quotes.set(q.speaker, (quotes.get(q.speaker) || 0) + 1);
  for (const s of report.statements) statements.set(s.actor, (statements.get(s.actor) || 0) + 1);
  return { quotes, statements };
}

/**
 * Actor ids by prominence: quoted actors first, then by number of quotes and statements, then by
 * number of mentions, then by first appearance.
 */
export function actorOrder(report) {
  const { quotes, statements } = counts(report);
  const weight = (a) => (quotes.get(a.id) || 0) + (statements.get(a.id) || 0);
  const first = (a) => (a.mentions.length ? a.mentions[0].start : Infinity);
  return report.actors
    .slice()
    .sort(
      (a, b) =>
        Number(b.quoted) - Number(a.quoted) ||
        weight(b) - weight(a) ||
        b.mentions.length - a.mentions.length ||
        first(a) - first(b) ||
        a.id - b.id,
    )
    .map((a) => a.id);
}

/** Colour slot of each actor id: its place in the prominence order. */
export function colorSlots(report) {
  const slots = new Map();
  actorOrder(report).forEach((id, i) => slots.set(id, i));
  return slots;
}

/** The text-quote selector of `span` in `text`. */
export function selector(text, span) {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT),
    hint: text.length ? span.start / text.length : 0,
  };
}

function describeActor(actor) {
  if (!actor) return "";
  const extra = [actor.role, actor.affiliation].filter(Boolean).join(", ");
  return extra ? `${actor.name} (${extra})` : actor.name;
}

/**
 * The highlight targets of a report, in text order: each quote fragment, each mention of a quoted
 * actor, and each statement. Keys: `q<id>` quotes, `s<id>` statements, `m<actor>.<n>` mentions.
 * `t(key, ...subs)` gives the tooltip strings.
 */
export function buildTargets(report, t = (k) => k) {
  const slots = colorSlots(report);
  const actors = new Map(report.actors.map((a) => [a.id, a]));
  const slot = (id) => (id == null || !slots.has(id) ? "u" : String(slots.get(id)));
  const out = [];
  const text = report.text;
  for (const q of report.quotes) {
    const speaker = actors.get(q.speaker);
    const who = speaker ? describeActor(speaker) : t("unknownSpeaker");
    const title = `${who} · ${t("kind_" + q.kind)}`;
    const parts = q.fragments && q.fragments.length ? q.fragments : [q.span];
    parts.forEach((span, part) => {
      if (span.end > span.start) out.push({ key: `q${q.id}`, kind: "quote", part, actor: q.speaker ?? null, slot: slot(q.speaker), title, ...selector(text, span), start: span.start });
    });
  }
  for (const a of report.actors) {
    if (!a.quoted) continue;
    const spans = a.mentions.slice();
    for (const q of report.quotes) {
      if (q.speaker === a.id && q.speaker_mention && !spans.some((m) => m.start === q.speaker_mention.start && m.end === q.speaker_mention.end)) {
        spans.push(q.speaker_mention);
      }
    }
    spans.sort((x, y) => x.start - y.start);
    const title = describeActor(a);
    spans.forEach((span, n) => {
      if (span.end > span.start) out.push({ key: `m${a.id}.${n}`, kind: "mention", part: 0, actor: a.id, slot: slot(a.id), title, ...selector(text, span), start: span.start });
    });
  }
  for (const s of report.statements) {
    const actor = actors.get(s.actor);
    const via = s.via != null && actors.get(s.via) ? ` · ${t("reportedBy", actors.get(s.via).name)}` : "";
    const item = s.item != null ? ` ${s.item}` : "";
    const to = s.target ? ` → ${s.target}` : "";
    const title = `${describeActor(actor)} · ${t("type_" + s.type)}${item}${to}${via}`;
    if (s.span.end > s.span.start) out.push({ key: `s${s.id}`, kind: "statement", part: 0, actor: s.actor, slot: slot(s.actor), title, ...selector(text, s.span), start: s.span.start });
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}

/** Number of actors who are quoted or hold a statement (the ones the popup lists). */
export function speakingActors(report) {
  const ids = new Set();
  for (const q of report.quotes) if (q.speaker != null) ids.add(q.speaker);
  for (const st of report.statements) ids.add(st.actor);
  return ids.size;
}

/**
 * The actors the popup lists, grouped by side (country or alliance) from `report.sides`: each
 * `{side, actors: [{id, statements: [ids in article order], quotes: [ids]}]}`. Sides in order of
 * their most prominent actor (the side-less group last), actors by prominence. Actors who are quoted
 * but hold no statement join the side named by their affiliation, or the side-less group.
 */
export function sideGroups(report) {
  const rank = new Map(actorOrder(report).map((id, i) => [id, i]));
  const groups = new Map();
  const group = (side) => {
    const k = side == null ? "" : side;
    if (!groups.has(k)) groups.set(k, { side: side ?? null, actors: [] });
    return groups.get(k);
  };
  const seen = new Set();
  for (const g of report.sides || []) {
    const dst = group(g.side);
    for (const a of g.actors) {
      if (seen.has(a.actor)) continue;
      seen.add(a.actor);
      dst.actors.push({ id: a.actor, statements: a.statements.slice() });
    }
  }
  // Statements of actors the core did not group (older reports): article order, side-less.
  for (const s of report.statements) {
    if (seen.has(s.actor)) continue;
    seen.add(s.actor);
    group(null).actors.push({ id: s.actor, statements: report.statements.filter((x) => x.actor === s.actor).map((x) => x.id) });
  }
  const quotes = new Map();
  for (const q of report.quotes) if (q.speaker != null) quotes.set(q.speaker, [...(quotes.get(q.speaker) || []), q.id]);
  for (const [id] of quotes) {
    if (seen.has(id)) continue;
    seen.add(id);
    const aff = report.actors[id] && report.actors[id].affiliation;
    const side = aff && groups.has(aff) ? aff : null;
    group(side).actors.push({ id, statements: [] });
  }
  const out = [...groups.values()];
  for (const g of out) {
    for (const a of g.actors) a.quotes = quotes.get(a.id) || [];
    g.actors.sort((x, y) => (rank.get(x.id) ?? 1e9) - (rank.get(y.id) ?? 1e9));
  }
  const best = (g) => (g.side == null ? 1e12 : Math.min(...g.actors.map((a) => rank.get(a.id) ?? 1e9)));
  return out.filter((g) => g.actors.length).sort((x, y) => best(x) - best(y));
}

/**
 * Statements of one actor in display order, enumerations folded: runs of list items (item 1, 2, …
 * of the same type) become one `{list: [statements]}` entry; everything else `{statement}`.
 */
export function foldItems(statements) {
  const out = [];
  for (const s of statements) {
    const last = out[out.length - 1];
    if (s.item != null && last && last.list && last.list[last.list.length - 1].type === s.type && s.item === last.list[last.list.length - 1].item + 1) last.list.push(s);
    else if (s.item != null) out.push({ list: [s] });
    else out.push({ statement: s });
  }
  return out.map((e) => (e.list && e.list.length === 1 ? { statement: e.list[0] } : e));
}
