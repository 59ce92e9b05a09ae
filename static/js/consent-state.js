/* Decide, before the page is painted, whether the cookie banner is needed.
 *
 * The page's HTML is the same for everyone who shares a cache entry, so the
 * decision is made here from the readable consent_state cookie: the banner is
 * needed unless that cookie was written for the cookie list this page shows. */
(function () {
  "use strict";
  var root = document.documentElement;
  var meta = document.querySelector('meta[name="consent-version"]');
  var version = meta ? meta.getAttribute("content") : "";
  var marker = "";
  document.cookie.split(";").forEach(function (part) {
    var pair = part.trim().split("=");
    if (pair[0] === "consent_state") marker = decodeURIComponent(pair.slice(1).join("="));
  });
  var bits = marker.split(".");
  var current = version !== "" && bits[0] === version;
  root.setAttribute("data-consent", current ? "current" : "needed");
  root.setAttribute("data-consent-accepted", current ? bits.slice(1).join(" ") : "");
})();
