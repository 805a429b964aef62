// The content script (classic, injected on demand after anchor.js and highlight.js). DOM work only:
// hand the page to the extension, anchor and highlight the returned targets, scroll to one, show or
// hide the highlights, remove them. The analysis itself runs in the extension, never in the page.
(function () {
  "use strict";
  if (globalThis.WhoSaidContent) return;
  const D = globalThis.WhoSaidDom;
  let hl = null;

  function highlighter() {
    if (!hl || hl.root !== document.body) hl = new D.Highlighter(document.body);
    return hl;
  }

  globalThis.WhoSaidContent = {
    /** The page as it is without our marks: HTML, URL, title and the selected text. */
    collect() {
      if (hl) hl.clear();
      const sel = globalThis.getSelection ? String(globalThis.getSelection() || "") : "";
      return { html: document.documentElement.outerHTML, url: location.href, title: document.title, selection: sel };
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
