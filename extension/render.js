// The one renderer of a report view, used by the popup and the demo page. It reads the core's display
// model (display::Display: header, counts, sides → actors in rank order with their colour slot →
// statements by type with folded lists → quotes; the summary, the unsure folds and how many items each
// card shows before "N more") and decides nothing about order, grouping or folding. DOM
// built with createElement/textContent only: no page-derived string ever goes through innerHTML.
import { colorFor, textOn } from "./palette.js";
import { toMarkdown } from "./markdown.js";

const MAX_ITEM = 320;

/** createElement with attributes and children (strings become text nodes). */
/** Message keys of the actor categories the core gives (src/report.rs `Category`); `unknown` shows nothing. */
const CATEGORY_KEYS = { official: "categoryOfficial", expert: "categoryExpert", media: "categoryMedia", private: "categoryPrivate" };

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "style") for (const [p, val] of Object.entries(v)) el.style.setProperty(p, val);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** A long item cut to MAX_ITEM characters (the core gives the text whitespace-collapsed and whole). */
function excerpt(s) {
  return s.length > MAX_ITEM ? s.slice(0, MAX_ITEM - 1) + "…" : s;
}

/** A message in place of a report ("No quotes found", "This page cannot be analysed"). */
export function renderMessage(root, { title, detail, kind = "info" }) {
  root.replaceChildren(h("div", { class: `ws-message ws-${kind}`, role: kind === "error" ? "alert" : "status" }, h("p", { class: "ws-message-title", text: title }), detail ? h("p", { class: "ws-message-detail", text: detail }) : null));
}

/** An ISO date ("2022-02-01T18:30:00Z") as a readable date; anything else as written. */
export function formatDate(s) {
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return s;
  const d = new Date(s.length === 10 ? s + "T12:00:00Z" : s);
  if (Number.isNaN(d.getTime())) return s;
  return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

function slug(s) {
  return (s || "report").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "report";
}

/** Downloads `text` as a file (a blob link; nothing leaves the machine). */
export function download(name, text, type = "application/json") {
  const blob = new Blob([text], { type });
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/**
 * Renders `display` (the core's display model) into `root`. Options: `t(key, ...subs)` strings;
 * `colors` the palette; `anchoring` ({found, missing} keys from the highlighter, or null);
 * `onSelect(key)` when an item is chosen; `onVisible(bool)` for the highlight switch; `visible` its
 * state; `report()` the whole report as JSON text (may return a promise), for the download.
 */
export function renderReport(root, display, opts = {}) {
  const t = opts.t || ((k) => k);
  const colors = opts.colors;
  const found = opts.anchoring ? new Set(opts.anchoring.found || []) : null;
  const color = (slot) => colorFor(colors, slot == null ? -1 : slot);
  const a = display.article || {};
  const headed = display.headed;

  const meta = [a.site_name, formatDate(a.published), a.byline].filter(Boolean).join(" · ");
  const header = h(
    "header",
    { class: "ws-head" },
    h("h1", { class: "ws-title", text: a.title || t("untitled") }),
    meta ? h("p", { class: "ws-meta", text: meta }) : null,
    h("p", { class: "ws-counts", text: t("countsLine", display.counts.quotes, display.counts.statements, display.counts.speaking_actors) }),
    ...(display.notices || []).map((n) => h("p", { class: "ws-notice", text: n })),
    display.truncated ? h("p", { class: "ws-notice", text: t("truncated") }) : null,
  );

  const item = (key, label, extras, actorId, type, attrs = {}) => {
    const missing = found && !found.has(key);
    return h(
      "li",
      { class: "ws-item" + (missing ? " ws-missing" : ""), "data-type": type, "data-actor": actorId == null ? "u" : actorId, ...attrs },
      h(
        "button",
        { type: "button", class: "ws-item-button", "data-key": key, title: missing ? t("notInPage") : t("showInPage"), onclick: () => opts.onSelect && opts.onSelect(key) },
        h("span", { class: "ws-item-text", text: label }),
        extras.length ? h("span", { class: "ws-flags" }, extras) : null,
        missing ? h("span", { class: "ws-sr", text: ` (${t("notInPage")})` }) : null,
      ),
    );
  };

  const flag = (kind, label, title) => h("span", { class: `ws-flag ws-flag-${kind}`, title: title || null }, label);
  // A quote's flags: its kind, and "unsure" when the core says its rule is right less than half the time.
  const quoteFlags = (q) =>
    [
      flag("kind", t(q.label)),
      q.said_by ? flag("said-by", t("saidByUnresolved", q.said_by), t("saidByUnresolvedTitle")) : null,
      q.unsure ? flag("unsure", t("uncertain"), t("uncertainTitle", q.percent)) : null,
    ].filter(Boolean);
  // Strength of a demand: 3 demand, 2 urge/call, 1 propose (filled dots, the word for screen readers).
  const strength = (n) =>
    h(
      "span",
      { class: "ws-strength", "data-strength": String(n), title: t("strength_" + n) },
      h("span", { "aria-hidden": "true", text: "●".repeat(n) + "○".repeat(3 - n) }),
      h("span", { class: "ws-sr", text: t("strength_" + n) }),
    );
  const statementFlags = (s) => {
    const out = [];
    if (s.strength != null) out.push(strength(s.strength));
    if (s.via != null) out.push(flag("via", t("reportedBy", s.via)));
    if (s.target) out.push(flag("target", `→ ${s.target}`, t("targetActor", s.target)));
    if (s.conditional) out.push(flag("conditional", t("flagConditional")));
    if (s.negated) out.push(flag("negated", t("flagNegated")));
    if (s.future) out.push(flag("future", t("flagFuture")));
    if (s.times != null) out.push(flag("repeats", `×${s.times}`, t("repeatsTitle", s.times)));
    return out;
  };
  const statementItem = (s, id, attrs) => item(s.key, excerpt(s.text), statementFlags(s), id, s.type, attrs);
  const quoteItem = (q, id) => item(q.key, excerpt(q.text), quoteFlags(q), id, "quote");

  // A type badge for a statement listed outside its type group (in an unsure fold).
  const typed = (s, id) => {
    const li = statementItem(s, id);
    li.querySelector(".ws-item-button").prepend(h("span", { class: `ws-badge ws-badge-${s.type} ws-badge-inline`, text: t("type_" + s.type) }), " ");
    return li;
  };
  // The unsure fold: statements and quotes under the core's thresholds, the measured rate in the tooltip.
  const unsureFold = (u, id) =>
    u
      ? h(
          "details",
          { class: "ws-unsure", open: u.open },
          h("summary", { class: "ws-unsure-line", title: t("unsureFoldTitle", u.tenths) }, t("unsureFold", u.statements.length + u.quotes.length)),
          h("p", { class: "ws-unsure-rate", text: t("unsureFoldTitle", u.tenths) }),
          h("ul", { class: "ws-items" }, u.statements.map((s) => typed(s, id)), u.quotes.map((q) => quoteItem(q, id))),
        )
      : null;
  // The card's "N more": shows (and folds again) the items the core put behind it.
  const moreButton = (n) => {
    if (!n) return null;
    const b = h("button", { type: "button", class: "ws-more", "aria-expanded": "false", text: t("moreItems", n) });
    b.addEventListener("click", () => {
      const card = b.closest(".ws-actor");
      const open = !card.classList.contains("ws-open");
      card.classList.toggle("ws-open", open);
      b.setAttribute("aria-expanded", String(open));
      b.textContent = open ? t("fewerItems") : t("moreItems", n);
    });
    return b;
  };
  const folded = (el, yes) => {
    if (yes) el.classList.add("ws-folded");
    return el;
  };

  const listed = [];
  const sides = [];
  for (const sg of display.sides) {
    const actorItems = [];
    for (const actor of sg.actors) {
      const id = actor.id;
      listed.push(actor);
      const c = color(actor.slot);
      const groups = actor.groups.map((g) => {
        let n = 0; // statements so far in this group: the first g.shown show before "N more"
        const entries = g.entries.map((e) => {
          if (e.statement) return folded(statementItem(e.statement, id), n++ >= g.shown);
          const first = n;
          const items = e.list.items.map((s) => folded(statementItem(s, id, { value: String(s.item), "data-item": String(s.item) }), n++ >= g.shown));
          return folded(
            h("li", { class: "ws-enum" }, h("span", { class: "ws-enum-lead", text: t("enumLead", e.list.items.length, e.list.cue ? excerpt(e.list.cue) : t(g.label)) }), h("ol", { class: "ws-enum-list" }, items)),
            first >= g.shown,
          );
        });
        return folded(
          h(
            "div",
            { class: "ws-group", "data-type": g.type },
            h(headed ? "h4" : "h3", { class: "ws-group-head" }, h("span", { class: `ws-badge ws-badge-${g.type}`, text: t(g.label) }), h("span", { class: "ws-count", text: String(g.count) })),
            h("ul", { class: "ws-items" }, entries),
          ),
          g.shown === 0,
        );
      });
      if (actor.quotes.length) {
        groups.push(
          h(
            "div",
            { class: "ws-group", "data-type": "quote" },
            h(headed ? "h4" : "h3", { class: "ws-group-head" }, h("span", { class: "ws-badge ws-badge-quote", text: t("quotesHeading") }), h("span", { class: "ws-count", text: String(actor.quotes.length) })),
            h("ul", { class: "ws-items" }, actor.quotes.map((q, i) => folded(quoteItem(q, id), i >= actor.quotes_shown))),
          ),
        );
      }
      const extra = [actor.role, actor.affiliation].filter(Boolean).join(" · ");
      // who the actor speaks as (the core's category): an official with the body, an expert, media, a private person
      const cat = CATEGORY_KEYS[actor.category];
      const category = cat ? [t(cat), actor.category === "official" ? actor.body : null].filter(Boolean).join(", ") : "";
      actorItems.push(
        h(
          "li",
          { class: "ws-actor", "data-actor": id, style: { "--ws-actor": c } },
          h(
            headed ? "h3" : "h2",
            { class: "ws-actor-head" },
            h(
              "button",
              { type: "button", class: "ws-actor-button", "data-key": actor.key, onclick: (e) => opts.onSelect && opts.onSelect(e.currentTarget.getAttribute("data-key")) },
              h("span", { class: "ws-swatch", style: { background: c, color: textOn(c) }, "aria-hidden": "true", text: initials(actor.name) }),
              h("span", { class: "ws-actor-name", text: actor.name }),
              extra ? h("span", { class: "ws-actor-role", text: extra }) : null,
              category ? h("span", { class: `ws-category ws-category-${actor.category}`, text: category }) : null,
            ),
          ),
          groups,
          moreButton(actor.more),
          unsureFold(actor.unsure, id),
        ),
      );
    }
    if (!actorItems.length) continue;
    const label = sg.side == null ? t("sideNone") : sg.side;
    sides.push(
      headed
        ? h("li", { class: "ws-side", "data-side": sg.side ?? "" }, h("h2", { class: "ws-side-head", text: label }), h("ol", { class: "ws-actors", "aria-label": label }, actorItems))
        : actorItems,
    );
  }
  const anon = display.unattributed;
  const anonUnsure = display.unattributed_unsure;
  const anonSection =
    anon.length || anonUnsure
      ? h(
          "li",
          { class: "ws-actor ws-anon", "data-actor": "u", style: { "--ws-actor": color(null) } },
          h("h2", { class: "ws-actor-head" }, h("span", { class: "ws-actor-name", text: t("unattributed") })),
          h("ul", { class: "ws-items" }, anon.map((q, i) => folded(quoteItem(q, null), i >= display.unattributed_shown))),
          moreButton(anon.length - display.unattributed_shown),
          unsureFold(anonUnsure, null),
        )
      : null;
  const mentioned = display.mentioned;
  const summary = summaryView(display, t, color, headed, (id) => {
    const card = list.querySelector(`.ws-actor[data-actor="${Number(id)}"]`);
    if (!card) return;
    card.scrollIntoView({ block: "start" });
    card.querySelector(".ws-actor-button")?.focus({ preventScroll: true });
  });

  // Tools: highlight switch, filters, export.
  const uid = Math.random().toString(36).slice(2, 8);
  const actorSel = h("select", { id: `ws-actor-${uid}`, class: "ws-filter" }, h("option", { value: "", text: t("filterAllActors") }), listed.map((x) => h("option", { value: String(x.id), text: x.name })));
  const typeSel = h("select", { id: `ws-type-${uid}`, class: "ws-filter" }, h("option", { value: "", text: t("filterAllTypes") }), display.types.map((ty) => h("option", { value: ty.type, text: t(ty.label) })), display.counts.quotes ? h("option", { value: "quote", text: t("quotesHeading") }) : null);
  const list = headed
    ? h("div", { class: "ws-list" }, h("ol", { class: "ws-sides", "aria-label": t("sidesHeading") }, sides), anonSection ? h("ol", { class: "ws-actors", "aria-label": t("unattributed") }, anonSection) : null)
    : h("ol", { class: "ws-actors", "aria-label": t("actorsHeading") }, sides.flat(), anonSection);
  const applyFilters = () => {
    const av = actorSel.value;
    const tv = typeSel.value;
    for (const sec of list.querySelectorAll(".ws-actor")) {
      const showActor = !av || sec.getAttribute("data-actor") === av;
      let any = false;
      for (const g of sec.querySelectorAll(".ws-group")) {
        const show = !tv || g.getAttribute("data-type") === tv;
        g.hidden = !show;
        any = any || show;
      }
      const unsure = sec.querySelector(".ws-unsure");
      if (unsure) {
        let shown = false;
        for (const li of unsure.querySelectorAll(".ws-item")) {
          li.hidden = !!tv && li.getAttribute("data-type") !== tv;
          shown = shown || !li.hidden;
        }
        unsure.hidden = !shown;
        any = any || shown;
      }
      if (sec.classList.contains("ws-anon")) any = !tv || tv === "quote";
      // a type filter shows that type's folded items too
      sec.classList.toggle("ws-filtered", !!tv);
      sec.hidden = !(showActor && any);
    }
    for (const side of list.querySelectorAll(".ws-side")) side.hidden = !side.querySelector(".ws-actor:not([hidden])");
  };
  actorSel.addEventListener("change", applyFilters);
  typeSel.addEventListener("change", applyFilters);

  const status = h("p", { class: "ws-status", role: "status", "aria-live": "polite" });
  const say = (msg) => {
    status.textContent = msg;
    setTimeout(() => {
      if (status.textContent === msg) status.textContent = "";
    }, 2500);
  };
  const toggle = h("input", { type: "checkbox", role: "switch", id: `ws-visible-${uid}`, class: "ws-switch", checked: opts.visible !== false });
  toggle.addEventListener("change", () => opts.onVisible && opts.onVisible(toggle.checked));
  const base = slug(a.title || a.site_name);
  const tools = h(
    "div",
    { class: "ws-tools" },
    opts.onVisible ? h("label", { class: "ws-switch-label", for: toggle.id }, toggle, h("span", { text: t("showHighlights") })) : null,
    h("label", { class: "ws-filter-label", for: actorSel.id }, h("span", { class: "ws-sr", text: t("filterActor") }), actorSel),
    h("label", { class: "ws-filter-label", for: typeSel.id }, h("span", { class: "ws-sr", text: t("filterType") }), typeSel),
    h(
      "button",
      {
        type: "button",
        class: "ws-export ws-copy-md",
        onclick: async () => {
          const md = toMarkdown(display, t);
          try {
            await navigator.clipboard.writeText(md);
            say(t("copied"));
          } catch (e) {
            download(`whosaid-${base}.md`, md, "text/markdown");
            say(t("downloaded"));
          }
        },
      },
      t("copyMarkdown"),
    ),
    h(
      "button",
      {
        type: "button",
        class: "ws-export ws-download-json",
        disabled: !opts.report,
        onclick: async () => {
          download(`whosaid-${base}.json`, await opts.report());
          say(t("downloaded"));
        },
      },
      t("downloadJson"),
    ),
  );

  const empty = !display.counts.quotes && !display.counts.statements;
  root.replaceChildren(
    h(
      "div",
      { class: "ws-report" },
      header,
      empty ? null : summary,
      tools,
      status,
      empty ? h("div", { class: "ws-message ws-info", role: "status" }, h("p", { class: "ws-message-title", text: t("noQuotes") }), h("p", { class: "ws-message-detail", text: t("noQuotesDetail") })) : list,
      mentioned.length ? h("p", { class: "ws-mentioned" }, h("span", { class: "ws-mentioned-head", text: t("alsoMentioned") + " " }), mentioned.join(", ")) : null,
    ),
  );
  return { markdown: () => toMarkdown(display, t) };
}

/**
 * The first-screen summary from the core's `display.summary`: sides → actors, each with how many
 * statements of each type, quotes and unsure items; an actor's name scrolls the list to its card.
 */
function summaryView(display, t, color, headed, go) {
  const rows = display.summary || [];
  if (!rows.length) return null;
  const chip = (type, label, count) => h("span", { class: `ws-chip ws-chip-${type}` }, h("span", { class: `ws-badge ws-badge-${type}`, text: t(label) }), h("span", { class: "ws-chip-count", text: String(count) }));
  const actorRow = (a) => {
    const c = color(a.slot);
    return h(
      "li",
      { class: "ws-sum-actor", "data-actor": a.id },
      h(
        "button",
        { type: "button", class: "ws-sum-go", title: t("summaryGoTo", a.name), onclick: () => go(a.id) },
        h("span", { class: "ws-sum-swatch", style: { background: c }, "aria-hidden": "true" }),
        h("span", { class: "ws-sum-name", text: a.name }),
      ),
      h(
        "span",
        { class: "ws-sum-counts" },
        a.types.map((x) => chip(x.type, x.label, x.count)),
        a.quotes ? h("span", { class: "ws-sum-note", text: t("summaryQuotes", a.quotes) }) : null,
        a.unsure ? h("span", { class: "ws-sum-note ws-sum-unsure", text: t("summaryUnsure", a.unsure) }) : null,
      ),
    );
  };
  return h(
    "section",
    { class: "ws-summary", "aria-label": t("summaryHeading") },
    h("h2", { class: "ws-summary-head", text: t("summaryHeading") }),
    h(
      "ul",
      { class: "ws-sum-sides" },
      rows.map((sg) =>
        h(
          "li",
          { class: "ws-sum-side", "data-side": sg.side ?? "" },
          headed ? h("span", { class: "ws-sum-side-name", text: sg.side == null ? t("sideNone") : sg.side }) : null,
          h("ul", { class: "ws-sum-actors" }, sg.actors.map(actorRow)),
        ),
      ),
    ),
  );
}

function initials(name) {
  const parts = String(name).split(/\s+/).filter(Boolean);
  const s = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] || "?").slice(0, 2);
  return s.toUpperCase();
}
