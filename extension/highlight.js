// Highlights in a live DOM (classic script, after anchor.js; used by the content script and the demo
// page). `new WhoSaidDom.Highlighter(root).apply(targets)` anchors every target, splits the text nodes
// at the range ends, and wraps each run of neighbouring text nodes in a <whosaid-mark>; the text is
// never changed. `clear()` unwraps the marks and re-joins exactly the text nodes it split, so the DOM
// is as before (the page's own adjacent text nodes stay separate).
(function () {
  "use strict";
  const NS = (globalThis.WhoSaidDom = globalThis.WhoSaidDom || {});
  if (NS.Highlighter) return;

  const TAG = "whosaid-mark";
  const FLASH_MS = 1600;

  class Highlighter {
    constructor(root) {
      this.root = root;
      this.doc = root.ownerDocument || root;
      this.marks = [];
      this.splits = [];
      this.visible = true;
    }

    /** Anchors and wraps `targets`; returns `{found, missing, marks}` (keys). */
    apply(targets) {
      this.clear();
      sweep(this.root);
      const view = NS.buildView(this.root);
      const taken = { quote: new Set(), mention: new Set(), statement: new Set() };
      const ranges = [];
      const found = new Set();
      const missing = new Set();
      for (const t of targets) {
        const hit = NS.locate(view, t, taken[t.kind]);
        if (!hit) {
          missing.add(t.key);
          continue;
        }
        (taken[t.kind] || new Set()).add(hit.start);
        ranges.push({ target: t, start: hit.start, end: hit.end, dom: NS.toDom(view, hit) });
        found.add(t.key);
      }
      for (const k of found) missing.delete(k);
      const pieces = this.split(view, ranges);
      // Outer ranges first, so that a statement inside a quote is wrapped inside the quote's mark.
      ranges.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
      const firstOfKey = new Set();
      for (const r of ranges) {
        const runs = runsOf(covered(pieces, r.dom));
        for (const run of runs) {
          const mark = this.doc.createElement(TAG);
          const t = r.target;
          mark.setAttribute("data-ws-key", t.key);
          mark.setAttribute("data-ws-kind", t.kind);
          mark.setAttribute("data-ws-c", t.slot == null ? "u" : String(t.slot));
          if (t.actor != null) mark.setAttribute("data-ws-actor", String(t.actor));
          if (t.title) {
            mark.setAttribute("title", t.title);
            mark.setAttribute("aria-description", t.title);
          }
          if (!firstOfKey.has(t.key)) {
            firstOfKey.add(t.key);
            mark.setAttribute("tabindex", "0");
          }
          if (!this.visible) mark.setAttribute("data-ws-hidden", "");
          run[0].parentNode.insertBefore(mark, run[0]);
          for (const n of run) mark.appendChild(n);
          this.marks.push(mark);
        }
      }
      return { found: [...found], missing: [...missing], marks: this.marks.length };
    }

    /** Splits the text nodes at every range end; returns the pieces of each original node. */
    split(view, ranges) {
      const cuts = new Map();
      const add = (k, off) => {
        const len = view.nodes[k].data.length;
        if (off <= 0 || off >= len) return;
        if (!cuts.has(k)) cuts.set(k, new Set());
        cuts.get(k).add(off);
      };
      for (const r of ranges) {
        add(r.dom.startNode, r.dom.startOffset);
        add(r.dom.endNode, r.dom.endOffset);
      }
      const pieces = new Map();
      for (let k = 0; k < view.nodes.length; k++) {
        const node = view.nodes[k];
        const offs = cuts.has(k) ? [...cuts.get(k)].sort((a, b) => a - b) : [];
        const list = [];
        let cur = node;
        let at = 0;
        for (const off of offs) {
          const rest = cur.splitText(off - at);
          this.splits.push([cur, rest]);
          list.push({ node: cur, start: at, end: off });
          cur = rest;
          at = off;
        }
        list.push({ node: cur, start: at, end: at + cur.data.length });
        pieces.set(k, list);
      }
      return pieces;
    }

    /** Removes every mark and re-joins the text nodes split by `apply`. */
    clear() {
      for (let i = this.marks.length - 1; i >= 0; i--) unwrap(this.marks[i]);
      for (let i = this.splits.length - 1; i >= 0; i--) {
        const [a, b] = this.splits[i];
        if (b.parentNode && a.parentNode === b.parentNode && a.nextSibling === b) {
          a.appendData(b.data);
          b.parentNode.removeChild(b);
        }
      }
      this.marks = [];
      this.splits = [];
    }

    /** Shows or hides the highlights without removing them. */
    setVisible(visible) {
      this.visible = !!visible;
      for (const m of this.marks) {
        if (this.visible) m.removeAttribute("data-ws-hidden");
        else m.setAttribute("data-ws-hidden", "");
      }
      return this.visible;
    }

    /** Scrolls to the first mark of `key`, focuses and flashes it; false when there is none. */
    focus(key) {
      const mark = this.marks.find((m) => m.getAttribute("data-ws-key") === key);
      if (!mark) return false;
      const all = this.marks.filter((m) => m.getAttribute("data-ws-key") === key);
      mark.scrollIntoView({ block: "center", behavior: "smooth" });
      try {
        mark.focus({ preventScroll: true });
      } catch (e) {
        /* not focusable */
      }
      for (const m of all) m.setAttribute("data-ws-flash", "");
      setTimeout(() => all.forEach((m) => m.removeAttribute("data-ws-flash")), FLASH_MS);
      return true;
    }
  }

  function unwrap(mark) {
    const p = mark.parentNode;
    if (!p) return;
    while (mark.firstChild) p.insertBefore(mark.firstChild, mark);
    p.removeChild(mark);
  }

  /** Marks left by an earlier instance (e.g. the extension was reloaded): unwrap them. */
  function sweep(root) {
    const stray = root.querySelectorAll ? root.querySelectorAll(TAG) : [];
    const parents = new Set();
    for (const m of stray) {
      parents.add(m.parentNode);
      unwrap(m);
    }
    for (const p of parents) if (p && p.isConnected) p.normalize();
  }

  /** The pieces covered by a DOM range, in document order. */
  function covered(pieces, dom) {
    const out = [];
    for (let k = dom.startNode; k <= dom.endNode; k++) {
      const list = pieces.get(k);
      if (!list) continue;
      for (const p of list) {
        const lo = k === dom.startNode ? dom.startOffset : 0;
        const hi = k === dom.endNode ? dom.endOffset : Infinity;
        if (p.start >= lo && p.end <= hi && p.end > p.start) out.push(p.node);
      }
    }
    return out;
  }

  /** Groups nodes into runs of direct siblings; drops runs that are only whitespace. */
  function runsOf(nodes) {
    const runs = [];
    let run = null;
    for (const n of nodes) {
      if (run && run[run.length - 1].nextSibling === n) run.push(n);
      else {
        run = [n];
        runs.push(run);
      }
    }
    return runs.filter((r) => r.some((n) => /\S/.test(n.data)));
  }

  NS.Highlighter = Highlighter;
  NS.TAG = TAG;
})();
