// The size finder answers as the reader changes the form: it fetches the same page
// for the new query string and swaps in the answer and the field errors. "Find my size"
// does the same at once and brings the answer on screen. Without this script the form
// still works by submitting, to an address that ends at the answer (#answer).
(function () {
  "use strict";
  var form = document.getElementById("size-finder");
  var result = document.getElementById("finder-result");
  if (!form || !result || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var controller = null;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {
        params.append(name, value);
      }
    });
    return params;
  }

  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("finder-result");
    if (!fresh) {
      return;
    }
    result.innerHTML = fresh.innerHTML;
    form.querySelectorAll("[data-field-error]").forEach(function (box) {
      var freshBox = doc.getElementById(box.id);
      box.innerHTML = freshBox ? freshBox.innerHTML : "";
    });
    form.querySelectorAll("input, select").forEach(function (field) {
      var freshField = field.id ? doc.getElementById(field.id) : null;
      if (freshField && freshField.hasAttribute("aria-invalid")) {
        field.setAttribute("aria-invalid", "true");
      } else {
        field.removeAttribute("aria-invalid");
      }
    });
    var freshTitle = doc.querySelector("title");
    if (freshTitle) {
      document.title = freshTitle.textContent;
    }
    window.history.replaceState(null, "", url);
  }

  function address() {
    return form.getAttribute("action").split("#")[0] + "?" + query().toString();
  }

  function update(then) {
    var params = query();
    if (!params.get("size")) {
      return;
    }
    var url = address();
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    result.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, signal: controller.signal })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        swap(html, url);
        if (then) {
          then();
        }
      })
      .catch(function (error) {
        // A superseded fetch leaves the last answer; a failed answer to "Find my size"
        // is asked for as the page itself would.
        if (then && error.name !== "AbortError") {
          window.location.assign(url + "#answer");
        }
      })
      .finally(function () {
        result.removeAttribute("aria-busy");
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 250);
  }

  function showAnswer() {
    var title = document.getElementById("result-title");
    result.scrollIntoView({ block: "start" });
    if (title) {
      title.focus({ preventScroll: true });
    }
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) {
    if (!query().get("size")) {
      return; // the page itself says what is missing
    }
    event.preventDefault();
    window.clearTimeout(timer);
    update(showAnswer);
  });
})();
