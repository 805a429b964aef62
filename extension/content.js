// The content script (classic, injected on demand after anchor.js and highlight.js). DOM work only:
// hand the page to the extension, anchor and highlight the returned targets, scroll to one, show or
// hide the highlights, remove them. The analysis itself runs in the extension, never in the page.
(function () {
  "use strict";
  if (globalThis.WhoSaidContent) return;
  const D = globalThis.WhoSaidDom;
  let hl = null;

  /** The attribute the core drops elements by (`article::HIDDEN_ATTRIBUTE`): not rendered for the reader. */
  const HIDDEN = "data-whosaid-hidden";
  /** Elements never worth a style lookup (they are not text the reader sees, or are inline). */
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BR", "IMG", "A", "SPAN", "B", "I", "EM", "STRONG", "SMALL", "SUP", "SUB", "CODE", "TIME", "ABBR", "CITE", "Q", "U", "S", "MARK", "LABEL", "PICTURE", "SOURCE", "IFRAME", "VIDEO", "AUDIO", "CANVAS", "INPUT", "BUTTON", "OPTION"]);
  /** Most elements a page may have before the visibility pass is skipped (it would be slow). */
  const MAX_CHECKED = 20000;

  /** Whether the live element `el` is not there for the reader: not rendered, invisible, of no size,
   *  a modal overlay, or a fixed layer covering most of the window (a sign-in or consent box). */
  function notForReader(el) {
    if (el.hidden || el.getAttribute("aria-modal") === "true") return true;
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden" || cs.visibility === "collapse") return true;
    if (cs.display === "contents") return false;
    const r = el.getBoundingClientRect();
    if ((r.width === 0 || r.height === 0) && (cs.overflow === "hidden" || el.getClientRects().length === 0)) return true;
    const vw = innerWidth || 1;
    const vh = innerHeight || 1;
    return cs.position === "fixed" && r.width >= 0.8 * vw && r.height >= 0.8 * vh;
  }

  /** The page's HTML with the elements that are not for the reader marked, from a copy: the live
   *  page is never touched. The live and the copied trees are walked side by side. */
  function markedHtml() {
    const live = document.documentElement;
    const copy = live.cloneNode(true);
    if (live.getElementsByTagName("*").length > MAX_CHECKED) return live.outerHTML;
    const body = copy.querySelector("body");
    if (!document.body || !body) return live.outerHTML;
    // the body only: the head holds nothing the reader sees
    const a = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    const b = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
    for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
      if (x.tagName !== y.tagName) return live.outerHTML; // the copy does not match: send the page as it is
      if (SKIP.has(x.tagName.toUpperCase())) continue;
      if (notForReader(x)) y.setAttribute(HIDDEN, "");
    }
    return copy.outerHTML;
  }

  function highlighter() {
    if (!hl || hl.root !== document.body) hl = new D.Highlighter(document.body);
    return hl;
  }

  globalThis.WhoSaidContent = {
    /** The page as it is without our marks: HTML (what the reader does not see marked, for the core
     *  to drop), URL, title and the selected text. */
    collect() {
      if (hl) hl.clear();
      const sel = globalThis.getSelection ? String(globalThis.getSelection() || "") : "";
      return { html: markedHtml(), url: location.href, title: document.title, selection: sel };
    },
    /** Highlights the targets (after removing earlier highlights). */
    highlight(targets) {
      const t0 = performance.now();
      const res = highlighter().apply(targets);
      res.ms = Math.round(performance.now() - t0);
      return res;
    },
    clear() {
      if (hl) hl.clear();
      return true;
    },
    setVisible(visible) {
      return highlighter().setVisible(visible);
    },
    focus(key) {
      return highlighter().focus(key);
    },
  };
})();
