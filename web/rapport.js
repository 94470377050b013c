// Rapport's page loader: shows progress, starts the WebAssembly app, and exposes the engine to page
// JavaScript as window.rapport (see web/README.md). Nothing is sent anywhere: every file comes from this site.
(function () {
  "use strict";
  const statusBox = document.getElementById("status");
  const statusText = document.getElementById("status-text");
  let catalog = {};

  function text(key, fallback) { return catalog[key] || fallback; }
  function fail(detail) {
    statusBox.classList.remove("hidden");
    statusBox.classList.add("error");
    statusText.textContent = detail === "webgl"
      ? text("web.error.webgl", "Rapport needs WebGL 2.")
      : text("web.error.load", "Rapport could not start: {detail}").replace("{detail}", String(detail));
  }

  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});  // a failed start is shown on the page; no unhandled rejection
  window.rapport = { ready };

  window.addEventListener("rapport-fatal", (e) => { fail(e.detail); rejectReady(new Error(e.detail)); });
  window.addEventListener("rapport-ready", () => statusBox.classList.add("hidden"));

  fetch("i18n/en.json").then((r) => r.json()).then((c) => { catalog = c; })
    .catch(() => {}).finally(() => { if (!statusBox.classList.contains("error")) statusText.textContent = text("web.loading", ""); });

  if (!document.createElement("canvas").getContext("webgl2")) {
    fail("webgl");
    rejectReady(new Error("webgl"));
    return;
  }

  createRapportModule({
    canvas: document.getElementById("canvas"),
    printErr: (line) => console.warn(line),
    onAbort: (what) => { fail(what); rejectReady(new Error(String(what))); },
  }).then((mod) => {
    Object.assign(window.rapport, {
      /** {rapport, icu, unicode, tzdata}: versions of the engine and the data it uses. */
      version: () => mod.version(),
      /** Formats a date (ms since 1970) in a locale, calendar and IANA time zone, e.g. ("he-IL", "hebrew"). */
      formatDate: (ms, locale, calendar, timeZone) => mod.formatDate(ms, locale, calendar, timeZone),
      /** [{code, name}]: the markets with a profile. */
      markets: () => JSON.parse(mod.marketsJson()),
      /** The comparison of two markets: per-dimension ranges and gaps, friction points with advice; null if unknown. */
      compare: (from, to) => JSON.parse(mod.compareJson(from, to)),
      /**
       * Checks a drafted message from one market to another. Options: {channel: "email"|"chat"|"sms",
       * stage: "first"|"ongoing"|"close"}. Spans are UTF-16 offsets, as JavaScript strings count.
       */
      check: (text, from, to, options = {}) =>
        JSON.parse(mod.checkJson(String(text), from, to, options.channel || "email", options.stage || "first")),
      /** Shows the comparison of two markets in the app (as the From and To pickers do). */
      setMarkets: (from, to) => mod.setMarkets(from, to),
    });
    // A link can carry the markets (never any text typed): ?from=US&to=DE
    const params = new URLSearchParams(location.search);
    const from = (params.get("from") || "").toUpperCase(), to = (params.get("to") || "").toUpperCase();
    if (/^[A-Z]{2}$/.test(from) && /^[A-Z]{2}$/.test(to)) mod.setMarkets(from, to);
    resolveReady(window.rapport);
  }, (err) => { fail(err && err.message ? err.message : err); rejectReady(err); });
})();
