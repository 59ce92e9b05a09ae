/* The colorway form's drawing editor (colorways.forms.DrawingRegionsWidget): as the editor
   changes the palette inline or a region's colour, the region choices list the palette as
   it stands and the drawing is redrawn by the admin's preview endpoint. */
"use strict";
function startDrawingEditor() {
  const editor = document.querySelector("[data-drawing-editor]");
  if (!editor) return;
  const form = editor.closest("form");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const picture = editor.querySelector("[data-drawing-picture]");
  const status = editor.querySelector("[data-drawing-status]");
  const chips = editor.querySelector("[data-drawing-palette]");
  const selects = Array.from(editor.querySelectorAll("select[data-drawing-region]"));
  const HEX = /^#[0-9A-Fa-f]{6}$/;
  const SVG = "http://www.w3.org/2000/svg";

  // The palette as it will be saved: rows not deleted, by their order, then as listed.
  function palette() {
    const group = document.getElementById("palette-group");
    if (!group) return [];
    const rows = Array.from(group.querySelectorAll("tr.form-row:not(.empty-form)"));
    return rows
      .map((row, index) => {
        const field = (name) => row.querySelector(`[name$="-${name}"]`);
        const removed = field("DELETE");
        return {
          index,
          order: Number((field("order") || {}).value || 0),
          name: ((field("name") || {}).value || "").trim(),
          hex: ((field("hex") || {}).value || "").trim(),
          removed: Boolean(removed && removed.checked),
        };
      })
      .filter((colour) => !colour.removed && (colour.name || colour.hex))
      .sort((a, b) => a.order - b.order || a.index - b.index);
  }

  function swatch(fill) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", 24);
    svg.setAttribute("height", 16);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const rect = document.createElementNS(SVG, "rect");
    for (const [name, value] of Object.entries({
      x: 0.5, y: 0.5, width: 23, height: 15, rx: 2, fill, stroke: "#767676",
    })) rect.setAttribute(name, value);
    svg.append(rect);
    return svg;
  }

  function label(colour, position) {
    return `${position + 1} · ${colour.name || colour.hex}`;
  }

  function showPalette(colours) {
    chips.replaceChildren(
      ...(colours.length ? colours : [null]).map((colour, position) => {
        const chip = document.createElement("span");
        chip.className = "drawing-chip";
        if (!colour) {
          chip.textContent = "No palette colours yet.";
          return chip;
        }
        if (HEX.test(colour.hex)) chip.append(swatch(colour.hex));
        chip.append(label(colour, position));
        return chip;
      }),
    );
    for (const select of selects) {
      const chosen = select.value;
      const options = [new Option("From palette order", "")];
      colours.forEach((colour, position) => options.push(new Option(label(colour, position), String(position))));
      if (chosen !== "" && Number(chosen) >= colours.length) {
        options.push(new Option(`Colour ${Number(chosen) + 1} (not in the palette)`, chosen));
      }
      select.replaceChildren(...options);
      select.value = chosen;
    }
  }

  let pending = null;
  let latest = 0;
  async function redraw() {
    const colours = palette();
    showPalette(colours);
    const unfinished = colours.find((colour) => !HEX.test(colour.hex));
    if (unfinished) {
      status.textContent = `The drawing updates when every palette colour is written #RRGGBB (${unfinished.name || "a new colour"} is not yet).`;
      return;
    }
    const body = new URLSearchParams();
    body.set("csrfmiddlewaretoken", csrf);
    body.set("palette", colours.map((colour) => colour.hex).join(","));
    const title = form.querySelector("[name=nickname]").value || form.querySelector("[name=name]").value;
    body.set("title", title);
    for (const select of selects) body.set(select.name, select.value);
    const request = ++latest;
    let answer;
    try {
      const response = await fetch(editor.dataset.previewUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf },
      });
      answer = await response.json();
      if (!response.ok) throw new Error((answer.problems || []).join(" ") || response.statusText);
    } catch (error) {
      if (request === latest) status.textContent = `The drawing could not be updated: ${error.message}`;
      return;
    }
    if (request !== latest) return;
    const drawn = new DOMParser().parseFromString(answer.svg, "image/svg+xml").documentElement;
    picture.replaceChildren(document.importNode(drawn, true));
    for (const select of selects) {
      const rect = editor.querySelector(`[data-drawing-swatch="${select.name}"] rect`);
      const region = select.name.slice(editor.dataset.fieldName.length + 1);
      if (rect && answer.fills[region]) rect.setAttribute("fill", answer.fills[region]);
    }
    status.textContent = "As it will appear once saved.";
    editor.dataset.drawn = String(request);
  }

  function soon() {
    clearTimeout(pending);
    pending = setTimeout(redraw, 150);
  }

  form.addEventListener("input", (event) => {
    if (event.target.closest("#palette-group") || event.target.matches("[data-drawing-region]")) soon();
  });
  form.addEventListener("change", (event) => {
    if (event.target.closest("#palette-group") || event.target.matches("[data-drawing-region]")) soon();
  });
  document.addEventListener("formset:added", soon);
  document.addEventListener("formset:removed", soon);
  const group = document.getElementById("palette-group");
  if (group) new MutationObserver(soon).observe(group, { childList: true, subtree: true });
  editor.dataset.ready = "true";
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startDrawingEditor);
} else {
  startDrawingEditor();
}
