// Text-quote anchoring in a live DOM (classic script: injected as a content script and loaded by the
// demo page). The document's text nodes are flattened into one normalised string -- no whitespace,
// straight quotes and hyphens, lower case -- with a map from every character back to its text node
// and offset. A target (exact text, prefix, suffix, position hint) is searched with its context first
// (prefix + exact + suffix verbatim: one search even for "he" or "I"); then exactly, the prefix, suffix
// and hint breaking ties between equal matches; an approximate search (head and tail of the quote at a
// plausible distance) runs only when there is no exact match.
(function () {
  "use strict";
  const NS = (globalThis.WhoSaidDom = globalThis.WhoSaidDom || {});
  if (NS.anchorLoaded) return;
  NS.anchorLoaded = true;

  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "INPUT", "SELECT", "OPTION", "TEMPLATE", "IFRAME", "OBJECT", "CANVAS", "SVG", "MATH", "HEAD", "TITLE"]);

  const FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...", "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
  };
  const SPACE = /\s/;

  /** The normalised form of one UTF-16 code unit (may be empty or several characters). */
  function fold(c) {
    if (SPACE.test(c)) return "";
    const f = FOLD[c];
    return (f === undefined ? c : f).toLowerCase();
  }

  /** The normalised form of a string. */
  function normalize(s) {
    let out = "";
    for (let i = 0; i < s.length; i++) out += fold(s[i]);
    return out;
  }

  function skipped(el) {
    if (SKIP.has(el.nodeName.toUpperCase())) return true;
    if (el.hasAttribute("hidden")) return true;
    const ce = el.getAttribute("contenteditable");
    return ce !== null && ce !== "false";
  }

  /**
   * The text view of `root`: `nodes` (text nodes in document order), `text` (normalised), and for
   * each character of `text` the index of its node (`node`) and its offset in that node (`offset`).
   */
  function buildView(root) {
    const doc = root.ownerDocument || root;
    const nodes = [];
    const parts = [];
    const node = [];
    const offset = [];
    const walker = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(n) {
        if (n.nodeType === 1) return skipped(n) ? 2 /* REJECT */ : 3 /* SKIP */;
        return 1; /* ACCEPT */
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const k = nodes.length;
      nodes.push(n);
      const data = n.data;
      for (let i = 0; i < data.length; i++) {
        const f = fold(data[i]);
        for (let j = 0; j < f.length; j++) {
          parts.push(f[j]);
          node.push(k);
          offset.push(i);
        }
      }
    }
    return { root, nodes, text: parts.join(""), node, offset };
  }

  function commonSuffix(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
  }
  function commonPrefix(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  }

  function occurrences(hay, needle, limit) {
    const out = [];
    if (!needle) return out;
    for (let i = hay.indexOf(needle); i !== -1 && out.length < limit; i = hay.indexOf(needle, i + 1)) out.push(i);
    return out;
  }

  /** Approximate candidates: the quote's head and tail found at about the right distance. */
  function approximate(hay, needle) {
    if (needle.length < 24) return [];
    const k = Math.min(16, Math.floor(needle.length / 3));
    const heads = occurrences(hay, needle.slice(0, k), 200);
    const tails = occurrences(hay, needle.slice(-k), 200);
    const out = [];
    for (const h of heads) {
      for (const t of tails) {
        const len = t + k - h;
        if (len >= needle.length * 0.75 && len <= needle.length * 1.33) out.push({ start: h, end: t + k, quality: 0.5 });
      }
    }
    // Only the head, or only the tail: a quote the page edited in the middle or at one end.
    if (!out.length) {
      for (const h of heads) out.push({ start: h, end: Math.min(hay.length, h + needle.length), quality: 0.3 });
      for (const t of tails) out.push({ start: Math.max(0, t + k - needle.length), end: t + k, quality: 0.3 });
    }
    return out;
  }

  /**
   * Finds `target` ({exact, prefix, suffix, hint}) in `view`. Returns `{start, end, score}` in
   * positions of `view.text`, or null. `taken` (a Set of start positions) lowers the score of places
   * another target of the same kind already took.
   */
  function locate(view, target, taken) {
    const hay = view.text;
    const needle = normalize(target.exact || "");
    if (!needle) return null;
    const fast = withContext(view, target, needle, taken);
    if (fast) return fast;
    let cands = occurrences(hay, needle, 10000).map((s) => ({ start: s, end: s + needle.length, quality: 1 }));
    if (!cands.length) cands = approximate(hay, needle);
    if (!cands.length) return null;
    const prefix = normalize(target.prefix || "");
    const suffix = normalize(target.suffix || "");
    let best = null;
    for (const c of cands) {
      const p = prefix ? commonSuffix(prefix, hay.slice(Math.max(0, c.start - prefix.length), c.start)) / prefix.length : 0;
      const s = suffix ? commonPrefix(suffix, hay.slice(c.end, c.end + suffix.length)) / suffix.length : 0;
      const pos = hay.length && target.hint != null ? 1 - Math.abs(c.start / hay.length - target.hint) : 0;
      let score = 50 * c.quality + 20 * p + 20 * s + 2 * pos;
      if (taken && taken.has(c.start)) score -= 100;
      if (!best || score > best.score) best = { start: c.start, end: c.end, score };
    }
    return best;
  }

  /** Context lengths tried by the fast path: the whole stored context, then its nearest characters. */
  const FAST_CONTEXT = [Infinity, 8];

  /**
   * The fast path: the quote together with its context (prefix + exact + suffix) found verbatim. A
   * short target ("he", "I") occurs thousands of times on its own but once with its context, so the
   * scored search below runs only for targets whose context the page changed. Among several verbatim
   * places, the one nearest the position hint that no other target of the kind took wins.
   */
  function withContext(view, target, needle, taken) {
    const hay = view.text;
    const prefix = normalize(target.prefix || "");
    const suffix = normalize(target.suffix || "");
    for (const n of FAST_CONTEXT) {
      const p = prefix.slice(Math.max(0, prefix.length - n));
      const s = suffix.slice(0, n);
      if (!p && !s) return null;
      let best = null;
      for (const at of occurrences(hay, p + needle + s, 64)) {
        const start = at + p.length;
        if (taken && taken.has(start)) continue;
        const dist = target.hint != null && hay.length ? Math.abs(start / hay.length - target.hint) : 0;
        if (!best || dist < best.dist) best = { start, end: start + needle.length, dist };
      }
      if (best) return { start: best.start, end: best.end, score: 90 + 2 * (1 - best.dist) };
    }
    return null;
  }

  /** DOM boundary points of a located range: `[nodeIndex, offset]` pairs, end exclusive. */
  function toDom(view, range) {
    const a = range.start;
    const b = range.end - 1;
    return {
      startNode: view.node[a],
      startOffset: view.offset[a],
      endNode: view.node[b],
      endOffset: view.offset[b] + 1 + (isHigh(view.nodes[view.node[b]].data, view.offset[b]) ? 1 : 0),
    };
  }
  function isHigh(s, i) {
    const c = s.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
  }

  NS.normalize = normalize;
  NS.buildView = buildView;
  NS.locate = locate;
  NS.toDom = toDom;
})();
