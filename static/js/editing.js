/* Admin change forms that never lose an edit (editing.mixins.CollaborativeEditingMixin):
   autosave to the server while the editor types and when the page is left, offer to
   restore an autosave, ask before leaving with unsaved changes, and show who else has
   the form open. */
"use strict";
function startEditing() {
  const desk = document.querySelector("[data-editing]");
  if (!desk) return;
  const form = desk.closest("form");
  const tokenInput = form.querySelector("[data-editing-token]");
  const status = desk.querySelector("[data-editing-status]");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const autosaveUrl = desk.dataset.autosaveUrl;
  const autosaveEvery = Number(desk.dataset.autosaveSeconds || 10) * 1000;
  const SKIPPED = new Set(["csrfmiddlewaretoken", "_editing_token"]);

  function serialize() {
    const fields = [];
    const labels = {};
    for (const [name, value] of new FormData(form)) {
      if (SKIPPED.has(name) || typeof value !== "string") continue;
      fields.push([name, value]);
    }
    for (const select of form.querySelectorAll("select[name]")) {
      for (const option of select.selectedOptions) {
        (labels[select.name] = labels[select.name] || {})[option.value] = option.text;
      }
    }
    return { fields, labels };
  }
  const snapshot = () => JSON.stringify(serialize().fields);

  function post(url, body, keepalive) {
    const data = new URLSearchParams(body);
    data.set("csrfmiddlewaretoken", csrf);
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf },
      keepalive: Boolean(keepalive),
    });
  }

  // Autosave: 2 s after the editor pauses, at least every `autosaveEvery` while typing.
  let initial = null;
  let lastSaved = null;
  let submitting = false;
  let pauseTimer = null;
  let firstUnsaved = null;
  const dirty = () => initial !== null && snapshot() !== initial;

  function autosave(keepalive) {
    clearTimeout(pauseTimer);
    firstUnsaved = null;
    if (submitting || initial === null) return;
    const current = snapshot();
    if (current === lastSaved || current === initial) return;
    lastSaved = current;
    post(autosaveUrl, { data: JSON.stringify(serialize()), token: tokenInput.value }, keepalive)
      .then((response) => (response.ok ? response.json() : Promise.reject(response)))
      .then((answer) => { status.textContent = `Unsaved changes kept at ${answer.saved_at}.`; })
      .catch(() => {
        lastSaved = null;
        status.textContent = "Could not keep your unsaved changes; they are still in the form.";
      });
  }
  function changed() {
    if (initial === null) return;
    firstUnsaved = firstUnsaved || Date.now();
    clearTimeout(pauseTimer);
    const wait = Math.max(0, Math.min(2000, firstUnsaved + autosaveEvery - Date.now()));
    pauseTimer = setTimeout(() => autosave(false), wait);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", () => { submitting = true; clearTimeout(pauseTimer); });
  window.addEventListener("pagehide", () => autosave(true));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") autosave(true);
  });
  window.addEventListener("beforeunload", (event) => {
    if (submitting || !dirty()) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // Restore: fill the form with an autosave, adding inline rows it had.
  function restore(data, token) {
    const values = new Map();
    for (const [name, value] of data.fields) {
      if (!values.has(name)) values.set(name, []);
      values.get(name).push(value);
    }
    for (const [name, [total]] of values) {
      if (!name.endsWith("-TOTAL_FORMS")) continue;
      const prefix = name.slice(0, -"-TOTAL_FORMS".length);
      const counter = form.querySelector(`[name="${CSS.escape(name)}"]`);
      const add = document.querySelector(`#${CSS.escape(prefix)}-group .add-row a`);
      while (counter && add && Number(counter.value) < Number(total)) {
        const before = counter.value;
        add.click();
        if (counter.value === before) break;
      }
    }
    for (const element of form.elements) {
      if (!element.name || SKIPPED.has(element.name) || element.type === "file") continue;
      if (["submit", "button", "reset"].includes(element.type)) continue;
      const wanted = values.get(element.name) || [];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = wanted.includes(element.value);
      } else if (element.tagName === "SELECT") {
        const labels = (data.labels || {})[element.name] || {};
        for (const value of wanted) {
          if (![...element.options].some((option) => option.value === value)) {
            element.add(new Option(labels[value] || value, value));
          }
        }
        for (const option of element.options) option.selected = wanted.includes(option.value);
      } else {
        if (!values.has(element.name)) continue;
        element.value = wanted.length ? wanted.shift() : "";
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
      if (element.tagName === "SELECT" && window.django && window.django.jQuery) {
        window.django.jQuery(element).trigger("change.select2");
      }
    }
    if (token) tokenInput.value = token;
  }

  const offer = desk.querySelector("[data-editing-restore]");
  if (offer) {
    const kept = JSON.parse(document.getElementById("editing-autosave-data").textContent);
    const keptToken = JSON.parse(document.getElementById("editing-autosave-token").textContent);
    offer.querySelector("[data-editing-restore-button]").addEventListener("click", () => {
      restore(kept, keptToken);
      offer.hidden = true;
      status.textContent = "Your unsaved changes are back in the form. Save to keep them.";
    });
    offer.querySelector("[data-editing-discard-button]").addEventListener("click", () => {
      post(autosaveUrl, { action: "discard" });
      offer.hidden = true;
      status.textContent = "Your unsaved changes were discarded.";
    });
  }

  // Presence: report in while the form is open, and show who else is editing.
  const presenceUrl = desk.dataset.presenceUrl;
  const notice = desk.querySelector("[data-editing-presence]");
  if (presenceUrl) {
    const beat = () => post(presenceUrl, { action: "here" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response)))
      .then((answer) => { notice.textContent = answer.text; notice.hidden = !answer.text; })
      .catch(() => {});
    beat();
    setInterval(beat, Number(desk.dataset.heartbeatSeconds || 30) * 1000);
    window.addEventListener("pagehide", () => post(presenceUrl, { action: "leave" }, true));
  }

  // The form as loaded, once every other script (inlines, select2, slugs) has set it up.
  function ready() { initial = snapshot(); lastSaved = initial; }
  if (document.readyState === "complete") ready();
  else window.addEventListener("load", ready);
}
// The admin loads form media in the page's head, before the form exists.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startEditing);
else startEditing();
