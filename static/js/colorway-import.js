/* The colorway import page: check a file part by part, then save it all at once
   (colorways.importing). Each part is a short request, so a file of 10,000 rows never
   meets a worker's timeout, and the bar shows how far the check has got. Without
   scripts the form posts the whole file in one request instead. */
"use strict";
(function () {
  const page = document.querySelector("[data-import]");
  const form = page && page.querySelector("[data-import-upload]");
  if (!form || !window.fetch) return;
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const box = page.querySelector("[data-import-progress]");
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-import-progress-text]");
  const problemsBox = page.querySelector("[data-import-problems]");
  const ready = page.querySelector("[data-import-ready]");
  const confirmButton = ready.querySelector("[data-import-confirm]");
  const number = (n) => n.toLocaleString("en");
  const urlFor = (template, batch) => template.replace("00000000-0000-0000-0000-000000000000", batch);

  async function send(url, body) {
    if (!(body instanceof FormData)) body = new URLSearchParams(body);
    body.set("csrfmiddlewaretoken", csrf);
    const response = await fetch(url, {
      method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": csrf },
    });
    let answer = {};
    try { answer = await response.json(); } catch (error) { answer = {}; }
    if (!response.ok && !answer.problems) {
      answer.problems = [`The server did not answer as expected (${response.status}); nothing was imported. Try again.`];
    }
    return answer;
  }

  function progress(share, message) {
    box.hidden = false;
    if (share === null) bar.removeAttribute("value"); else bar.value = share;
    text.textContent = message;
  }

  function showProblems(found) {
    box.hidden = true;
    ready.hidden = true;
    const list = problemsBox.querySelector("ol");
    list.replaceChildren(...found.map((problem) => {
      const item = document.createElement("li");
      item.textContent = problem;
      return item;
    }));
    problemsBox.querySelector("[data-import-problems-title]").textContent =
      `Nothing was imported: ${number(found.length)} problem${found.length === 1 ? "" : "s"} to fix`;
    problemsBox.hidden = false;
    form.querySelector("[type=submit]").disabled = false;
    problemsBox.scrollIntoView({ block: "start" });
  }

  async function check(event) {
    event.preventDefault();
    if (!form.reportValidity()) return;
    for (const old of page.querySelectorAll(".import-problems:not([data-import-problems])")) old.remove();
    problemsBox.hidden = true;
    ready.hidden = true;
    form.querySelector("[type=submit]").disabled = true;
    progress(null, "Sending the file…");
    const staged = await send(page.dataset.stageUrl, new FormData(form));
    if (staged.problems) return showProblems(staged.problems);
    const found = [];
    const totals = { new: 0, update: 0, skip: 0 };
    for (let start = 0; start < staged.total; start += staged.chunk) {
      const part = await send(urlFor(page.dataset.checkUrl, staged.batch), { start });
      if (!part.totals) return showProblems(part.problems);
      found.push(...part.problems);
      for (const kind of Object.keys(totals)) totals[kind] += part.totals[kind] || 0;
      progress(Math.round((100 * part.done) / staged.total),
        `Checked ${number(part.done)} of ${number(staged.total)} rows…`);
    }
    if (found.length) return showProblems(found);
    box.hidden = true;
    ready.querySelector("[data-import-ready-title]").textContent =
      `The file is ready: ${number(totals.new)} new, ${number(totals.update)} changed, ${number(totals.skip)} unchanged`;
    ready.hidden = false;
    confirmButton.disabled = false;
    confirmButton.onclick = () => save(staged);
    confirmButton.focus();
  }

  async function save(staged) {
    confirmButton.disabled = true;
    progress(null, `Saving ${number(staged.total)} rows…`);
    const saved = await send(urlFor(page.dataset.commitUrl, staged.batch), {});
    if (saved.problems) return showProblems(saved.problems);
    progress(100, `Saved: ${number(saved.added)} added, ${number(saved.changed)} changed.`);
    window.location.assign(saved.redirect);
  }

  form.addEventListener("submit", check);
})();
