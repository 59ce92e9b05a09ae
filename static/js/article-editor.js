/* The article editor (markup.widgets.ArticleEditor): markdownx renders the Markdown
   through the site's sanitizing preview endpoint; this shows the result in a sandboxed
   frame styled by the site's own stylesheet, with the title and summary above it as on
   the article page, keeps the frame scrolled in step with the text, and counts words. */
"use strict";
(function () {
  function setUp(editor) {
    const textarea = editor.querySelector("textarea");
    const frame = editor.querySelector("[data-article-preview]");
    const stats = editor.querySelector("[data-article-stats]");
    const form = editor.closest("form");
    const perMinute = Number(editor.dataset.wordsPerMinute) || 220;
    const field = (name) => (name && form ? form.elements.namedItem(name) : null);
    const title = field(editor.dataset.titleField);
    const summary = field(editor.dataset.summaryField);
    let lastHtml = null;

    const part = (selector) => frame.contentDocument && frame.contentDocument.querySelector(selector);

    function count(text) {
      const words = text.split(/\s+/).filter(Boolean).length;
      const minutes = Math.max(1, Math.ceil(words / perMinute));
      stats.textContent = `${words.toLocaleString("en")} word${words === 1 ? "" : "s"} · ${minutes} min read`;
    }

    function show() {
      const body = part("[data-preview-body]");
      if (!body) return;
      if (lastHtml !== null) body.innerHTML = lastHtml;
      if (title) part("[data-preview-title]").textContent = title.value;
      if (summary) part("[data-preview-summary]").textContent = summary.value;
      count(body.textContent);
      follow();
    }

    function follow() {
      const view = frame.contentWindow;
      const page = frame.contentDocument && frame.contentDocument.documentElement;
      if (!view || !page) return;
      const room = textarea.scrollHeight - textarea.clientHeight;
      const ratio = room > 0 ? textarea.scrollTop / room : 0;
      view.scrollTo(0, ratio * (page.scrollHeight - view.innerHeight));
    }

    // markdownx's events do not bubble: listen on its own element.
    editor.querySelector(".markdownx").addEventListener("markdownx.update", (event) => {
      lastHtml = event.detail[0];
      show();
    });
    frame.addEventListener("load", show);
    textarea.addEventListener("scroll", follow, { passive: true });
    for (const input of [title, summary]) if (input) input.addEventListener("input", show);
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") show();
  }

  function start() { document.querySelectorAll("[data-article-editor]").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
