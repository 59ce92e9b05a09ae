/* Cookie consent without reloading the page, and optional scripts only after consent.
 *
 * The banner and the settings page are plain forms that work without JavaScript.
 * Here they are submitted with fetch instead; the server sets the cookies and
 * deletes refused ones, and this script deletes them on the client too, then
 * loads analytics only if its group is accepted. */
(function () {
  "use strict";
  var configElement = document.getElementById("consent-config");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);
  var root = document.documentElement;
  var analyticsLoaded = false;

  function accepted() {
    var value = root.getAttribute("data-consent-accepted") || "";
    return root.getAttribute("data-consent") === "current" ? value.split(" ").filter(Boolean) : [];
  }

  function announce(message) {
    var announcer = document.getElementById("consent-announcer");
    if (!announcer) return;
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = message; }, 50);
  }

  function deleteCookie(cookie) {
    var base = cookie.name + "=; Max-Age=0; path=" + (cookie.path || "/");
    document.cookie = base;
    if (cookie.domain) document.cookie = base + "; domain=" + cookie.domain;
  }

  function deleteRefusedCookies(acceptedGroups) {
    config.groups.forEach(function (group) {
      if (group.required || acceptedGroups.indexOf(group.varname) !== -1) return;
      group.cookies.forEach(deleteCookie);
    });
  }

  function loadAnalytics() {
    var analytics = config.analytics;
    if (analyticsLoaded || accepted().indexOf(analytics.group) === -1) return;
    analyticsLoaded = true;
    var script = document.createElement("script");
    script.src = analytics.src;
    script.defer = true;
    if (analytics.siteId) script.setAttribute(analytics.siteIdAttribute, analytics.siteId);
    if (analytics.endpoint) script.setAttribute("data-endpoint", analytics.endpoint);
    document.head.appendChild(script);
  }

  function submit(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.error || "Your choice could not be saved.");
        return body;
      });
    });
  }

  function applyDecision(body) {
    root.setAttribute("data-consent", "current");
    root.setAttribute("data-consent-accepted", body.accepted.join(" "));
    deleteRefusedCookies(body.accepted);
    loadAnalytics();
    document.querySelectorAll("[data-consent-settings] input[name=groups]").forEach(function (box) {
      box.checked = body.accepted.indexOf(box.value) !== -1;
    });
    var current = document.getElementById("consent-current");
    if (current) current.textContent = body.message;
    announce(body.message);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-consent-form]")) return;
    event.preventDefault();
    var inBanner = form.closest("[data-consent-banner]") !== null;
    submit(form, event.submitter).then(function (body) {
      applyDecision(body);
      if (inBanner) {
        var main = document.getElementById("main");
        if (main) main.focus();
      }
    }).catch(function (error) { announce(error.message); });
  });

  // Without a current consent every optional cookie goes, as on the server.
  deleteRefusedCookies(accepted());
  loadAnalytics();
})();
