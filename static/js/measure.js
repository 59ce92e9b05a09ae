/* The site's own demo measurement: a first-party visitor cookie and one beacon per page.
 * Loaded by consent.js only after the reader accepts the Analytics cookies. */
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint) return;
  var name = "k14_analytics";
  var id = "";
  document.cookie.split(";").forEach(function (part) {
    var pair = part.trim().split("=");
    if (pair[0] === name) id = pair[1];
  });
  if (!id) {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = name + "=" + id + "; Max-Age=" + 60 * 60 * 24 * 183 + "; path=/; SameSite=Lax" + secure;
  }
  var payload = JSON.stringify({ path: window.location.pathname, visitor: id });
  navigator.sendBeacon(endpoint, new Blob([payload], { type: "text/plain" }));
})();
